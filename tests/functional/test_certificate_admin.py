"""Staff record certificates in the admin: stars are computed, bad input gets a clear message."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from tests.factories import ProductFactory

OcopCertificate = get_model("catalogue", "OcopCertificate")

pytestmark = pytest.mark.django_db

ADD_URL = "/django-admin/catalogue/ocopcertificate/add/"


@pytest.fixture
def staff_client(client):
    admin = get_user_model().objects.create_superuser("canbo", "canbo@example.vn", "x")
    client.force_login(admin)
    return client


def _form(product, **overrides):
    data = {
        "product": product.pk,
        "criteria_set": "2023",
        "score": "72",
        "council_level": "province",
        "decision_number": "15/QĐ-UBND",
        "decision_date": "2024-05-10",
        "issuing_body": "UBND tỉnh Bắc Giang",
        "valid_until": "",
        "status": "valid",
        "revoked_reason": "",
        "stars": "5",  # not a form field: must be ignored
    }
    data.update(overrides)
    return data


def test_admin_computes_stars_and_validity_from_score_and_decision(staff_client):
    product = ProductFactory()

    response = staff_client.post(ADD_URL, _form(product))

    assert response.status_code == 302, response.content.decode()[:2000]
    certificate = OcopCertificate.objects.get(product=product)
    assert certificate.stars == 4
    assert certificate.valid_until.isoformat() == "2027-05-09"


@pytest.mark.parametrize(
    ("score", "message"),
    [("101", "100"), ("-3", "âm"), ("abc", "số")],
)
def test_admin_refuses_bad_scores_with_a_message(staff_client, score, message):
    product = ProductFactory()

    response = staff_client.post(ADD_URL, _form(product, score=score))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OcopCertificate.objects.exists()


def test_admin_refuses_a_district_council_awarding_five_stars(staff_client):
    product = ProductFactory()

    response = staff_client.post(ADD_URL, _form(product, score="95", council_level="district"))

    assert response.status_code == 200
    assert "công nhận sản phẩm 5 sao" in response.content.decode()
    assert not OcopCertificate.objects.exists()
