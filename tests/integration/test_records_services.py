"""Recording, revoking and expiring certificates: rules, audit log, expiry notices."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from catalog import ocop, services
from tests.factories import (
    CertificateFactory,
    ProductFactory,
    UserFactory,
    pdf_bytes,
    png_bytes,
)

OcopCertificate = get_model("catalogue", "OcopCertificate")
CertificateEvent = get_model("catalogue", "CertificateEvent")
CertificateNotice = get_model("catalogue", "CertificateNotice")

pytestmark = pytest.mark.django_db

DECISION = {"decision_number": "12/QĐ-UBND", "issuing_body": "UBND tỉnh Bắc Giang"}


def _record(product, **kwargs):
    values = {
        "criteria_set": "2023",
        "score": None,
        "council_level": "province",
        "decision_date": date(2024, 5, 10),
        **DECISION,
    }
    values.update(kwargs)
    return services.certificate_record(product=product, **values)


def test_part_scores_give_the_total_and_the_stars_and_are_audited():
    # given
    product, staff = ProductFactory(), UserFactory(is_staff=True)
    # when
    certificate = _record(product, parts={"A": "32.5", "B": 20, "C": 25}, by=staff)
    # then
    assert certificate.score == Decimal("77.5")
    assert certificate.stars == 4
    assert (certificate.part_a, certificate.part_b, certificate.part_c) == (
        Decimal("32.5"),
        Decimal(20),
        Decimal(25),
    )
    assert certificate.recorded_by == staff
    event = certificate.events.get()
    assert (event.action, event.by, event.details["parts"]) == (
        "recorded",
        staff,
        {"A": "32.50", "B": "20.00", "C": "25.00"},
    )


def test_a_part_over_its_maximum_is_refused_and_nothing_is_written():
    # given: the 2019 set's part A is worth at most 35
    product = ProductFactory()
    # when / then
    with pytest.raises(ocop.OcopRuleError, match="Phần A tối đa 35"):
        _record(
            product,
            criteria_set="2019",
            decision_date=date(2021, 8, 1),
            council_level="district",
            parts={"A": 36, "B": 10, "C": 10},
        )
    assert not OcopCertificate.objects.exists()
    assert not CertificateEvent.objects.exists()


def test_a_total_that_disagrees_with_the_parts_is_refused():
    with pytest.raises(ocop.OcopRuleError, match="khác tổng các phần"):
        _record(ProductFactory(), score=90, parts={"A": 30, "B": 20, "C": 20})


@pytest.mark.parametrize(
    ("decided", "level", "parts", "allowed"),
    [
        (date(2021, 9, 1), "district", {"A": 20, "B": 15, "C": 25}, False),  # 60: 3★ is the
        (date(2021, 9, 1), "province", {"A": 20, "B": 15, "C": 25}, True),  # province's in 1048
        (date(2021, 9, 1), "district", {"A": 30, "B": 20, "C": 25}, False),  # 75: 4★ not district
        (date(2024, 9, 1), "district", {"A": 20, "B": 15, "C": 20}, True),  # 55: 3★ district
        (date(2025, 8, 1), "district", {"A": 20, "B": 15, "C": 20}, False),  # no district: 2025
        (date(2025, 8, 1), "province", {"A": 20, "B": 15, "C": 20}, True),
        (date(2025, 8, 1), "province", {"A": 40, "B": 25, "C": 30}, False),  # 95: 5★ central only
        (date(2025, 8, 1), "central", {"A": 40, "B": 25, "C": 30}, True),
    ],
)
def test_recording_follows_each_periods_council_rules(decided, level, parts, allowed):
    # given
    product = ProductFactory()
    criteria = ocop.criteria_set_in_force(decided).code
    parts = (
        parts
        if criteria == "2023"
        else {"A": min(parts["A"], 35), "B": parts["B"], "C": parts["C"] + max(0, parts["A"] - 35)}
    )
    # when / then
    if allowed:
        assert _record(
            product, criteria_set=criteria, decision_date=decided, council_level=level, parts=parts
        ).pk
    else:
        with pytest.raises(ocop.OcopRuleError, match="không có thẩm quyền"):
            _record(
                product,
                criteria_set=criteria,
                decision_date=decided,
                council_level=level,
                parts=parts,
            )


def test_reevaluation_adds_a_certificate_and_keeps_the_old_one():
    # given
    product = ProductFactory()
    first = _record(
        product,
        parts={"A": 25, "B": 15, "C": 20},
        council_level="district",
        decision_date=date(2024, 1, 10),
    )
    # when
    second = _record(
        product,
        parts={"A": 30, "B": 20, "C": 25},
        decision_date=date(2024, 9, 1),
        decision_number="99/QĐ-UBND",
    )
    # then
    first.refresh_from_db()
    assert (first.stars, second.stars) == (3, 4)
    assert product.certificates.count() == 2
    assert first.public_code != second.public_code


def test_scan_is_checked_by_content_not_extension():
    # given: HTML renamed to .pdf
    fake = SimpleUploadedFile("qd.pdf", b"<html><script>alert(1)</script>", "application/pdf")
    # when / then
    with pytest.raises(ocop.OcopRuleError, match="PDF, JPEG hoặc PNG"):
        _record(ProductFactory(), parts={"A": 30, "B": 20, "C": 25}, scan=fake)
    assert not OcopCertificate.objects.exists()


def test_a_real_pdf_scan_is_stored(settings, tmp_path):
    # given
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile("qd.pdf", pdf_bytes(), "application/pdf")
    # when
    certificate = _record(ProductFactory(), parts={"A": 30, "B": 20, "C": 25}, scan=scan)
    # then
    assert certificate.scan.name.endswith(".pdf")
    assert certificate.scan.read().startswith(b"%PDF")


def test_revocation_and_expiry_are_audited_with_who_when_why(today):
    # given
    staff = UserFactory(is_staff=True)
    revoked = CertificateFactory()
    lapsed = CertificateFactory(
        decision_date=today - timedelta(days=40), valid_until=today - timedelta(days=1)
    )
    # when
    services.certificate_revoke(certificate=revoked, reason="Vi phạm chất lượng.", by=staff)
    expired_count = services.certificates_expire(today=today)
    # then
    assert expired_count == 1
    event = revoked.events.get(action="revoked")
    assert (event.by, event.details["reason"]) == (staff, "Vi phạm chất lượng.")
    assert (
        lapsed.events.get(action="expired").details["valid_until"]
        == (today - timedelta(days=1)).isoformat()
    )


def test_audit_events_cannot_be_edited_or_deleted():
    # given
    certificate = _record(ProductFactory(), parts={"A": 30, "B": 20, "C": 25})
    event = certificate.events.get()
    # when / then
    event.details = {"score": "100"}
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()


def test_existing_certificates_get_unique_ten_character_codes():
    # given / when
    codes = [CertificateFactory().public_code for _ in range(20)]
    # then
    assert len(set(codes)) == 20
    assert all(ocop.normalise_public_code(code) == code for code in codes)


@pytest.fixture
def office_user():
    user = UserFactory(email="vanphong@example.vn", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=services.PROGRAMME_OFFICE_GROUP)[0])
    return user


def test_expiry_notices_go_90_then_30_days_ahead_once_each(office_user):
    # given: a certificate whose last valid day is 2026-06-30; a producer with a partner user
    product = ProductFactory()
    product.producer.email = "htx@example.vn"
    product.producer.save()
    partner_user = UserFactory(email="thanhvien@example.vn")
    product.producer.partner.users.add(partner_user)
    certificate = CertificateFactory(
        product=product, decision_date=date(2023, 7, 1), valid_until=date(2026, 6, 30)
    )
    # when the job runs every day from 120 days before
    sent_by_day = {}
    day = date(2026, 3, 2)
    while day <= date(2026, 7, 2):
        sent_by_day[day] = services.certificates_notify(today=day)
        services.certificates_notify(today=day)  # a second run the same day sends nothing
        day += timedelta(days=1)
    # then exactly two notices, on the 90th and 30th day before
    assert {d: n for d, n in sent_by_day.items() if n} == {
        date(2026, 4, 1): 1,
        date(2026, 5, 31): 1,
    }
    assert len(mail.outbox) == 2
    assert set(mail.outbox[0].to) == {
        "htx@example.vn",
        "thanhvien@example.vn",
        "vanphong@example.vn",
    }
    assert "90" in mail.outbox[0].subject and "30" in mail.outbox[1].subject
    assert certificate.public_code in mail.outbox[0].body
    assert sorted(certificate.notices.values_list("days_ahead", flat=True)) == [30, 90]
    assert certificate.events.filter(action="notified").count() == 2


def test_revoked_or_already_expired_certificates_get_no_notice(office_user, today):
    # given
    revoked = CertificateFactory(valid_until=today + timedelta(days=20))
    services.certificate_revoke(certificate=revoked, reason="Thu hồi.")
    CertificateFactory(
        decision_date=today - timedelta(days=400), valid_until=today - timedelta(days=1)
    )
    # when
    sent = services.certificates_notify(today=today)
    # then
    assert sent == 0
    assert mail.outbox == []


HTML = b"\n<html><body><script>alert(1)</script></body></html>\n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"%PDF-1.4\n" + HTML, "PDF không hợp lệ"),  # a PDF header, then a web page
        (pdf_bytes() + HTML, "PDF không hợp lệ"),  # a real PDF with a web page appended
        (b"%PDF-1.4\n%%EOF\n", "không đọc được như một PDF"),  # the markers, no document
    ],
)
def test_a_scan_that_does_not_parse_as_a_pdf_is_refused(content, reason):
    # given
    scan = SimpleUploadedFile("qd.pdf", content, "application/pdf")
    # when / then
    with pytest.raises(ocop.OcopRuleError, match=reason):
        _record(ProductFactory(), parts={"A": 30, "B": 20, "C": 25}, scan=scan)
    assert not OcopCertificate.objects.exists()


def test_an_image_scan_is_stored_re_encoded_without_appended_bytes(settings, tmp_path):
    # given a real PNG with HTML appended after its end
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile("qd.png", png_bytes() + HTML, "image/png")
    # when
    certificate = _record(ProductFactory(), parts={"A": 30, "B": 20, "C": 25}, scan=scan)
    # then
    stored = certificate.scan.read()
    assert stored.startswith(b"\x89PNG") and b"<script" not in stored


def test_a_scan_over_5_mb_is_refused_from_its_size_before_it_is_read():
    # given an upload whose content must not be read (reading it fails the test)
    class Unreadable(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("the content was read before the size check")

    scan = Unreadable("qd.pdf", b"", "application/pdf")
    scan.size = 50 * 1024 * 1024
    # when / then
    with pytest.raises(ocop.OcopRuleError, match="quá lớn"):
        _record(ProductFactory(), parts={"A": 30, "B": 20, "C": 25}, scan=scan)
