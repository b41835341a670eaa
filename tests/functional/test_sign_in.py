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
