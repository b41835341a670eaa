"""Sign-in throttling (django-axes) on the storefront, the Django admin and the Wagtail admin:
after five wrong passwords for one account, or from one address, the right password is refused
with a clear page (429) until staff unlock it. Throttling is off in the test settings (every test
client signs in from one address); these tests turn it on.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-2026"

#: Each sign-in form: its address and how it names its fields.
FORMS = {
    "storefront": (
        "/cua-hang/accounts/login/",
        "login-username",
        "login-password",
        {"login_submit": "1"},
    ),
    "django-admin": ("/django-admin/login/", "username", "password", {}),
    "wagtail-admin": ("/admin/login/", "username", "password", {}),
}


@pytest.fixture(autouse=True)
def _throttling_on(settings):
    settings.AXES_ENABLED = True


def sign_in(client, form, username, password, address="203.0.113.7"):
    url, user_field, password_field, extra = FORMS[form]
    return client.post(
        url, {user_field: username, password_field: password, **extra}, REMOTE_ADDR=address
    )


@pytest.mark.parametrize("form", sorted(FORMS))
def test_fifty_wrong_passwords_lock_the_account_even_for_the_right_one(client, form):
    # given a superuser (the most valuable account there is)
    UserFactory(
        username="quan.tri",
        email="quan.tri@example.vn",
        password=PASSWORD,
        is_staff=True,
        is_superuser=True,
    )
    # when fifty wrong passwords are tried, then the right one
    for attempt in range(50):
        sign_in(client, form, "quan.tri", f"sai-{attempt}")
    response = sign_in(client, form, "quan.tri", PASSWORD)
    # then sign-in is refused with a page saying why, and no session was opened
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_account_whichever_address_or_name_is_typed(client):
    # given five wrong passwords for an account, typed by its email, from one address
    UserFactory(username="nguoi.ban", email="nguoi.ban@example.vn", password=PASSWORD)
    for attempt in range(5):
        sign_in(client, "storefront", "nguoi.ban@example.vn", f"sai-{attempt}")
    # when the right password comes with the user name, from another address
    response = sign_in(client, "storefront", "nguoi.ban", PASSWORD, address="198.51.100.9")
    # then the account is locked all the same
    assert response.status_code == 429


def test_the_lock_is_per_address_too(client):
    # given five wrong passwords from one address, each for another account
    UserFactory(username="nguoi.mua", password=PASSWORD)
    for attempt in range(5):
        sign_in(client, "storefront", f"khach{attempt}", "sai")
    # when a real account signs in from that address
    response = sign_in(client, "storefront", "nguoi.mua", PASSWORD)
    # then it is refused; from another address it signs in
    assert response.status_code == 429
    assert (
        sign_in(client, "storefront", "nguoi.mua", PASSWORD, address="198.51.100.9").status_code
        == 302
    )


def test_a_few_mistakes_then_the_right_password_still_sign_in(client):
    # given four wrong passwords (one fewer than the limit)
    UserFactory(username="nguoi.ban", password=PASSWORD)
    for attempt in range(4):
        sign_in(client, "storefront", "nguoi.ban", f"sai-{attempt}")
    # when the right one is typed
    response = sign_in(client, "storefront", "nguoi.ban", PASSWORD)
    # then the shopper is signed in
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_staff_unlock_an_account_with_the_management_command(client):
    # given a locked-out account
    UserFactory(username="nguoi.ban", password=PASSWORD)
    for attempt in range(5):
        sign_in(client, "storefront", "nguoi.ban", f"sai-{attempt}", address="198.51.100.1")
    assert sign_in(client, "storefront", "nguoi.ban", PASSWORD).status_code == 429
    # when staff reset its attempts (and those of the address)
    call_command("axes_reset_username", "nguoi.ban")
    call_command("axes_reset_ip", "198.51.100.1")
    # then it signs in again
    assert sign_in(client, "storefront", "nguoi.ban", PASSWORD).status_code == 302


def test_staff_see_and_clear_attempts_in_the_django_admin(admin_client):
    # given a failed attempt on record
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username="nguoi.ban",
        ip_address="198.51.100.1",
        failures_since_start=5,
        user_agent="x",
        path_info="/",
    )
    # when staff open the list of attempts
    response = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    # then the locked account is listed (deleting its row unlocks it)
    assert response.status_code == 200
    assert "nguoi.ban" in response.content.decode()


def test_behind_the_proxy_the_address_counted_is_the_one_the_proxy_added(rf):
    # given a request through the proxy, with an address the client put in the header itself
    from marketplace.customer.throttling import client_address_behind_proxy

    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7", REMOTE_ADDR="127.0.0.1")
    # when its address is read
    # then it is the last hop (the proxy's record of the client), not the forged one
    assert client_address_behind_proxy(request) == "203.0.113.7"
