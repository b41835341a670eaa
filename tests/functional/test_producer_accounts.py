"""Producer accounts: staff invite by email, a one-time link sets the password, one producer per
user, idle sessions end, producers never reach the staff admins, sign-in lands on the dashboard."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.urls import reverse

from producers.dashboard import accounts
from producers.dashboard.access import SESSION_KEY as CHOSEN_PRODUCER
from producers.models import ShowroomOperator
from tests.factories import ProducerFactory, ShowroomFactory, UserFactory

User = get_user_model()

pytestmark = pytest.mark.django_db

ACCOUNTS = "producer_dashboard:accounts"


@pytest.fixture
def staff_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def invite(staff_client, producer, email, name="Nguyễn Văn Hùng"):
    session = staff_client.session
    session[CHOSEN_PRODUCER] = producer.pk
    session.save()
    return staff_client.post(reverse(ACCOUNTS), {"email": email, "name": name})


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_staff_invite_creates_a_linked_user_who_sets_a_password_once_and_lands_on_the_dashboard(
    staff_client, django_capture_on_commit_callbacks
):
    # given
    producer = ProducerFactory(name="HTX Gà đồi Yên Thế")
    # when staff invite an email
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(staff_client, producer, " Hung.Nguyen@Example.vn ")
    # then a user without a usable password belongs to the producer, and got a link
    assert response.status_code == 302
    user = User.objects.get(email="hung.nguyen@example.vn")
    assert not user.has_usable_password() and not user.is_staff
    assert (user.last_name, user.first_name) == ("Nguyễn Văn", "Hùng")
    assert list(user.partners.all()) == [producer.partner]
    assert len(mail.outbox) == 1 and "HTX Gà đồi Yên Thế" in mail.outbox[0].subject
    link = link_in(mail.outbox[0])
    # when the invited person opens the link and sets a password
    browser = Client()
    form_page = browser.get(link, follow=True)
    assert "Đặt mật khẩu" in form_page.content.decode()
    done = browser.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": "vai-thieu-ngon-2026", "new_password2": "vai-thieu-ngon-2026"},
    )
    # then they are signed in on their dashboard
    assert done.status_code == 302 and done["Location"] == reverse("producer_dashboard:home")
    user.refresh_from_db()
    assert user.check_password("vai-thieu-ngon-2026")
    assert browser.get(reverse("producer_dashboard:home")).status_code == 200
    # and the same link no longer works
    again = Client().get(link, follow=True)
    assert 'data-testid="invite-invalid"' in again.content.decode()


def test_an_expired_invitation_link_is_refused(staff_client, django_capture_on_commit_callbacks):
    # given an invitation
    producer = ProducerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invite(staff_client, producer, "tre@example.vn")
    link = link_in(mail.outbox[-1])
    # when opened four days later (links last three)
    later = datetime.now() + timedelta(days=4)
    with mock.patch.object(default_token_generator, "_now", return_value=later):
        page = Client().get(link, follow=True).content.decode()
    # then
    assert 'data-testid="invite-invalid"' in page
    assert not User.objects.get(email="tre@example.vn").has_usable_password()


def test_an_email_of_another_producers_user_or_of_staff_is_refused(staff_client, admin_user):
    # given a user of producer A
    first, second = ProducerFactory(), ProducerFactory()
    member = UserFactory(email="lan@example.vn")
    first.partner.users.add(member)
    # when staff invite the same email to producer B
    response = invite(staff_client, second, "LAN@example.vn")
    # then
    assert response.status_code == 400
    page = response.content.decode()
    assert "đã thuộc chủ thể" in page and first.name in page
    assert list(member.partners.all()) == [first.partner]
    assert not second.partner.users.exists()
    # and a staff account cannot become a producer user
    assert "cán bộ" in invite(staff_client, second, admin_user.email).content.decode()
    assert not second.partner.users.exists()
    assert not mail.outbox


def test_inviting_a_bad_email_says_so_and_producers_cannot_invite(staff_client):
    producer = ProducerFactory()
    response = invite(staff_client, producer, "khong-phai-email")
    assert response.status_code == 400 and not producer.partner.users.exists()
    # a producer user sees the page but may not post the form
    member = UserFactory()
    producer.partner.users.add(member)
    client = Client()
    client.force_login(member)
    assert client.get(reverse(ACCOUNTS)).status_code == 200
    assert client.post(reverse(ACCOUNTS), {"email": "x@example.vn"}).status_code == 403
    assert producer.partner.users.count() == 1


def test_the_admin_refuses_a_user_who_already_belongs_to_another_producer(admin_client):
    # given
    first, second = ProducerFactory(), ProducerFactory()
    member = UserFactory()
    first.partner.users.add(member)
    url = reverse("admin:partner_partner_change", args=[second.partner.pk])
    # when
    response = admin_client.post(url, {"name": second.partner.name, "users": [member.pk]})
    # then
    assert response.status_code == 200
    assert "Đã thuộc chủ thể khác" in response.content.decode()
    assert not second.partner.users.exists()


def _signed_in_producer():
    producer = ProducerFactory()
    member = UserFactory()
    producer.partner.users.add(member)
    client = Client()
    client.force_login(member)
    return client, member


def _age_session(client, seconds):
    session = client.session
    guard = session[accounts.SESSION_KEY]
    guard["seen"] = int(time.time()) - seconds
    session[accounts.SESSION_KEY] = guard
    session.save()


def test_a_producer_session_ends_after_the_idle_minutes(settings):
    # given a producer who used the dashboard, then nothing for 29 minutes
    settings.PRODUCER_SESSION_IDLE_MINUTES = 30
    client, member = _signed_in_producer()
    home = reverse("producer_dashboard:home")
    assert client.get(home).status_code == 200
    _age_session(client, 29 * 60)
    assert client.get(home).status_code == 200, "still inside the window"
    # when 31 minutes pass without a request
    _age_session(client, 31 * 60)
    response = client.get(home, follow=True)
    # then they are signed out, on the sign-in page, told why
    assert response.redirect_chain[0][0].startswith(reverse("customer:login"))
    assert "Phiên làm việc đã hết hạn" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(home).status_code == 302


def test_idle_timeout_leaves_shoppers_alone(settings, user):
    settings.PRODUCER_SESSION_IDLE_MINUTES = 30
    client = Client()
    client.force_login(user)
    profile = reverse("customer:profile-view")
    assert client.get(profile).status_code == 200
    _age_session(client, 3 * 3600)
    assert client.get(profile).status_code == 200
    assert "_auth_user_id" in client.session


def test_producers_reach_neither_wagtail_admin_nor_oscars_staff_dashboard():
    client, member = _signed_in_producer()
    for url in ("/admin/", reverse("dashboard:index"), "/django-admin/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "login" in response["Location"], url
    assert not member.is_staff


def test_a_producer_signing_in_lands_on_the_dashboard_and_sees_the_header_link():
    # given
    producer = ProducerFactory()
    member = UserFactory(email="sx@example.vn")
    producer.partner.users.add(member)
    client = Client()
    # when signing in through Oscar's form without a "next"
    response = client.post(
        reverse("customer:login"),
        {"login_submit": "1", "login-username": "sx@example.vn", "login-password": "mat-khau-thu"},
        follow=True,
    )
    # then
    assert response.redirect_chain[-1][0] == reverse("producer_dashboard:home")
    assert 'data-testid="nav-producer-dashboard"' in response.content.decode()


def test_a_shopper_signing_in_lands_on_the_home_page_without_dashboard_link(user):
    client = Client()
    response = client.post(
        reverse("customer:login"),
        {"login_submit": "1", "login-username": user.email, "login-password": "mat-khau-thu"},
    )
    assert response.status_code == 302
    landing = client.get(response["Location"])
    assert landing.status_code == 302 and landing["Location"] == "/"
    summary = client.get(reverse("customer:profile-view")).content.decode()
    assert "nav-producer-dashboard" not in summary


def test_a_showroom_operator_lands_at_the_counter(user):
    showroom = ShowroomFactory()
    ShowroomOperator.objects.create(user=user, place=showroom)
    client = Client()
    client.force_login(user)
    landing = client.get(reverse("producer_dashboard:after_login"))
    assert landing["Location"] == reverse("producer_dashboard:counters")


def test_password_reset_emails_a_producer_user_a_working_link(django_capture_on_commit_callbacks):
    # given
    client, member = _signed_in_producer()
    page = Client().get(reverse("password-reset"))
    assert page.status_code == 200
    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("password-reset"), {"email": member.email})
    # then
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/password-reset/confirm/" in mail.outbox[0].body
