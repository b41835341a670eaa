"""The programme office records evaluations in the Django admin: part scores, rules refused with
their reason, scans checked, the product goes on sale, revocation takes it off, all audited."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from catalog import selectors, services
from tests.factories import (
    ProductFactory,
    StockRecordFactory,
    UserFactory,
    pdf_bytes,
    png_bytes,
)

OcopCertificate = get_model("catalogue", "OcopCertificate")

pytestmark = pytest.mark.django_db

ADD_URL = "/django-admin/catalogue/ocopcertificate/add/"


@pytest.fixture
def office_client(client):
    """Logged in as a member of the programme office group (staff, not superuser)."""
    user = UserFactory(is_staff=True, username="vanphong")
    user.save()
    user.groups.add(Group.objects.get(name=services.PROGRAMME_OFFICE_GROUP))
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def product():
    product = ProductFactory(title="Gà đồi Yên Thế thử")
    StockRecordFactory(product=product)
    return product


def _form(product, **overrides):
    data = {
        "product": product.pk,
        "criteria_set": "2023",
        "part_a": "32",
        "part_b": "20",
        "part_c": "25",
        "score": "",
        "council_level": "province",
        "decision_number": "15/QĐ-UBND",
        "decision_date": "2025-09-10",
        "issuing_body": "UBND tỉnh Bắc Giang",
        "valid_until": "",
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_recording_with_part_scores_puts_the_product_on_sale(office_client, product, client):
    # given the product is not on sale
    assert not selectors.product_is_listed(product)
    # when the office records a 77-point province decision
    response = office_client.post(ADD_URL, _form(product))
    # then
    assert response.status_code == 302, response.content.decode()[:3000]
    certificate = OcopCertificate.objects.get(product=product)
    assert (certificate.score, certificate.stars) == (77, 4)
    assert certificate.recorded_by == office_client.user
    assert certificate.events.get().action == "recorded"
    assert selectors.product_is_listed(product)
    assert office_client.get(product.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"part_a": "41"}, "Phần A tối đa 40"),
        ({"part_c": ""}, "Nhập đủ điểm các phần"),
        ({"part_a": "", "part_b": "", "part_c": ""}, "Nhập điểm các phần"),
        ({"council_level": "district"}, "công nhận sản phẩm 4 sao"),  # no district after 7/2025
        ({"part_a": "40", "part_b": "25", "part_c": "30"}, "công nhận sản phẩm 5 sao"),
        ({"criteria_set": "2019"}, "phải chấm theo bộ tiêu chí"),
        ({"score": "90"}, "khác tổng các phần"),
    ],
)
def test_a_recording_that_breaks_a_rule_is_refused_with_the_reason(
    office_client, product, overrides, message
):
    # when
    response = office_client.post(ADD_URL, _form(product, **overrides))
    # then
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OcopCertificate.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "ok"),
    [
        ("qd.pdf", pdf_bytes(), True),
        ("qd.png", png_bytes(), True),
        ("qd.pdf", b"MZ\x90\x00 not a pdf", False),
        ("qd.svg", b"<svg onload=alert(1)>", False),
    ],
)
def test_scans_are_accepted_only_as_real_pdf_jpeg_or_png(
    office_client, product, settings, tmp_path, name, content, ok
):
    # given
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile(name, content)
    # when
    response = office_client.post(ADD_URL, {**_form(product), "scan": scan})
    # then
    assert OcopCertificate.objects.exists() is ok
    if not ok:
        assert response.status_code == 200
        assert "PDF, JPEG hoặc PNG" in response.content.decode()


def test_revoking_in_the_admin_takes_the_product_off_sale_and_is_audited(office_client, product):
    # given
    office_client.post(ADD_URL, _form(product))
    certificate = OcopCertificate.objects.get(product=product)
    change_url = f"/django-admin/catalogue/ocopcertificate/{certificate.pk}/change/"
    # when
    response = office_client.post(
        change_url,
        {
            "revoke_reason": "Hậu kiểm không đạt.",
            "events-TOTAL_FORMS": "1",
            "events-INITIAL_FORMS": "1",
            "events-MIN_NUM_FORMS": "0",
            "events-MAX_NUM_FORMS": "1000",
            "events-0-id": certificate.events.get().pk,
            "events-0-certificate": certificate.pk,
        },
    )
    # then
    assert response.status_code == 302, response.content.decode()[:3000]
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revoked_by == office_client.user
    assert certificate.revoked_reason == "Hậu kiểm không đạt."
    assert list(certificate.events.values_list("action", flat=True)) == ["recorded", "revoked"]
    assert not selectors.product_is_listed(product)
    assert office_client.get(product.get_absolute_url()).status_code == 404


def test_recorded_facts_cannot_be_edited_and_certificates_cannot_be_deleted(office_client, product):
    # given
    office_client.post(ADD_URL, _form(product))
    certificate = OcopCertificate.objects.get(product=product)
    base = f"/django-admin/catalogue/ocopcertificate/{certificate.pk}"
    # when: a crafted POST tries to change the score
    office_client.post(
        f"{base}/change/",
        {
            "score": "99",
            "part_a": "40",
            "decision_number": "X",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )
    # then
    certificate.refresh_from_db()
    assert (certificate.score, certificate.decision_number) == (77, "15/QĐ-UBND")
    assert office_client.post(f"{base}/delete/", {"post": "yes"}).status_code == 403
    assert OcopCertificate.objects.filter(pk=certificate.pk).exists()


def test_staff_outside_the_programme_office_cannot_record(client, product):
    # given
    staff = UserFactory(is_staff=True)
    staff.save()
    client.force_login(staff)
    # when
    response = client.post(ADD_URL, _form(product))
    # then
    assert response.status_code == 403
    assert not OcopCertificate.objects.exists()
