import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("login", ["nguoi.ban", "nguoi.ban@example.vn"])
def test_storefront_sign_in_takes_a_user_name_or_an_email(client, login):
    # given
    UserFactory(username="nguoi.ban", email="nguoi.ban@example.vn", password="mat-khau-2026")
    # when
    response = client.post(
        reverse("customer:login"),
        {"login_submit": "1", "login-username": login, "login-password": "mat-khau-2026"},
    )
    # then
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_wrong_password_is_refused_with_a_message(client):
    UserFactory(username="nguoi.ban", email="nguoi.ban@example.vn", password="mat-khau-2026")
    response = client.post(
        reverse("customer:login"),
        {"login_submit": "1", "login-username": "nguoi.ban", "login-password": "sai"},
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_get_of_the_logout_address_does_not_sign_out_but_asks(client):
    # given a signed-in shopper
    user = UserFactory(password="mat-khau-2026")
    client.force_login(user)
    # when a link (from any site) opens the logout address
    response = client.get(reverse("customer:logout"))
    # then the shopper is still signed in and sees a button that posts the sign-out
    assert response.status_code == 200
    assert "_auth_user_id" in client.session
    html = response.content.decode()
    assert 'method="post"' in html and reverse("customer:logout") in html


def test_posting_the_logout_form_signs_out(client):
    # given a signed-in shopper on a storefront page with the sign-out form in the menu
    client.force_login(UserFactory(password="mat-khau-2026"))
    page = client.get(reverse("customer:summary"), follow=True).content.decode()
    assert 'data-testid="logout-form"' in page
    assert f'href="{reverse("customer:logout")}"' not in page
    # when the form is posted
    response = client.post(reverse("customer:logout"))
    # then the shopper is signed out
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
