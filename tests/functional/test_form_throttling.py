"""Rate limits on the forms that take a secret without signing in (marketplace/throttle.py):
the storefront's and Wagtail admin's password-reset requests, and the producer invitation's
password form. Mail is Django's in-memory outbox; the cache is the test settings' cache."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from marketplace.throttle import throttle_reset
from producers.dashboard.access import SESSION_KEY as CHOSEN_PRODUCER
from tests.factories import ProducerFactory, UserFactory

User = get_user_model()

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _throttling_on(settings):
    settings.OCOP_FORM_THROTTLE_ENABLED = True
    throttle_reset()
    yield
    throttle_reset()


def _reset(client: Client, email: str, url: str = "password-reset"):
    return client.post(reverse(url), {"email": email})


def test_a_fourth_reset_mail_for_one_account_within_the_hour_is_refused(
    django_capture_on_commit_callbacks,
):
    # given a shopper with an email
    UserFactory(email="lan@example.vn", password="mat-khau-2026")
    client = Client()
    # when the reset form is sent four times for that email
    with django_capture_on_commit_callbacks(execute=True):
        answers = [_reset(client, "lan@example.vn").status_code for _ in range(4)]
    # then three mails went out, the fourth request got the "too many requests" page
    assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    page = _reset(client, "LAN@example.vn ")  # same account, other spelling: still counted
    assert page.status_code == 429
    assert "Quá nhiều yêu cầu" in page.content.decode()


def test_one_address_may_ask_for_ten_resets_an_hour_whatever_the_emails():
    # given one client sending resets for many different emails
    client = Client()
    answers = [_reset(client, f"nguoi{n}@example.vn").status_code for n in range(11)]
    # then the eleventh is refused
    assert answers[:10] == [302] * 10 and answers[10] == 429


def test_the_wagtail_admin_reset_form_is_limited_too():
    UserFactory(email="bientap@example.vn", is_staff=True)
    client = Client()
    answers = [
        _reset(client, "bientap@example.vn", "wagtailadmin_password_reset").status_code
        for _ in range(4)
    ]
    assert answers[:3] == [302] * 3 and answers[3] == 429


def test_staff_reset_the_counters_with_a_command():
    client = Client()
    for _ in range(3):
        _reset(client, "hoa@example.vn")
    assert _reset(client, "hoa@example.vn").status_code == 429
    # when staff run the command
    call_command("throttle_reset", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # then the form answers again
    assert _reset(client, "hoa@example.vn").status_code == 302


def test_an_invitation_link_takes_five_password_tries_then_refuses(
    admin_user,
    django_capture_on_commit_callbacks,
):
    # given an invitation sent by staff
    staff = Client()
    staff.force_login(admin_user)
    producer = ProducerFactory()
    session = staff.session
    session[CHOSEN_PRODUCER] = producer.pk
    session.save()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            reverse("producer_dashboard:accounts"),
            {"email": "moi@example.vn", "name": "Trần Thị Mai"},
        )
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    browser = Client()
    page = browser.get(link, follow=True)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    # when five mismatched passwords are sent, then the right one
    tries = [
        browser.post(
            form_url, {"new_password1": "a-long-pass-2026", "new_password2": f"other-{n}"}
        ).status_code
        for n in range(5)
    ]
    last = browser.post(
        form_url, {"new_password1": "vai-thieu-ngon-2026", "new_password2": "vai-thieu-ngon-2026"}
    )
    # then the sixth try is refused and nothing changed
    assert tries == [200] * 5
    assert last.status_code == 429
    assert not User.objects.get(email="moi@example.vn").has_usable_password()
