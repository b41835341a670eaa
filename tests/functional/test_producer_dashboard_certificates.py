"""The producer's certificates page and home: score, stars, level, decision, validity, and the
90/30-day warnings; the emailed notices go out once each (``expire_certificates``)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    CertificateFactory,
    ProducerFactory,
    ProductFactory,
    listed_product,
)

pytestmark = pytest.mark.django_db

CERTIFICATES = reverse("producer_dashboard:certificates")


@pytest.fixture
def producer():
    return ProducerFactory(email="htx@example.vn")


def _lapsing(producer, days_left: int, title: str):
    product = ProductFactory(producer=producer, title=title)
    today = timezone.localdate()
    return CertificateFactory(
        product=product,
        decision_date=today - timedelta(days=300),
        valid_until=today + timedelta(days=days_left),
    )


def test_certificates_page_lists_each_with_its_warning(signed_in, producer):
    # given certificates lapsing in 20, 60 and 200 days, and another producer's
    _lapsing(producer, 20, "Mỳ Chũ")
    _lapsing(producer, 60, "Vải sấy")
    _lapsing(producer, 200, "Gạo bao thai")
    listed_product(5, title="Gà đồi nhà khác")
    # when
    response = signed_in.get(CERTIFICATES)
    html = response.content.decode()
    # then
    assert "Gà đồi nhà khác" not in html
    assert "Hết hiệu lực sau 20 ngày" in html and "badge-danger" in html
    assert "Hết hiệu lực sau 60 ngày" in html
    assert "Hết hiệu lực sau 200 ngày" not in html
    assert "2 chứng nhận sắp hết hiệu lực" in html
    assert "75" in html and "Cấp" in html  # score and council level


def test_home_shows_lapsing_certificates_and_off_sale_products(signed_in, producer):
    _lapsing(producer, 25, "Mỳ Chũ")
    ProductFactory(producer=producer, title="Miến dong mới")  # no certificate yet
    html = signed_in.get(reverse("producer_dashboard:home")).content.decode()
    assert "Mỳ Chũ" in html and "Hết hiệu lực sau 25 ngày" in html
    assert "Miến dong mới" in html and "chờ hội đồng đánh giá" in html


def test_certificate_detail_shows_the_decision_and_verification(signed_in, producer):
    certificate = _lapsing(producer, 100, "Mỳ Chũ")
    html = signed_in.get(
        reverse("producer_dashboard:certificate_detail", kwargs={"certificate_id": certificate.pk})
    ).content.decode()
    assert certificate.decision_number in html and certificate.public_code in html


def test_expiry_notices_are_emailed_once_per_threshold(producer):
    # given a certificate lapsing in 30 days (the daily job's notices, reused by the dashboard)
    _lapsing(producer, 30, "Mỳ Chũ")
    # when the job runs twice
    call_command("expire_certificates", verbosity=0)
    call_command("expire_certificates", verbosity=0)
    # then one email to the producer
    assert len(mail.outbox) == 1 and "htx@example.vn" in mail.outbox[0].to
