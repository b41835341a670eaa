"""The rules the producer dashboard explains: why a product is off sale, and the 90/30-day
certificate warnings, on every boundary (pure functions, no database)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from catalog import ocop
from catalog.ocop import CertificateFacts, OffSaleReason

TODAY = date(2026, 11, 29)


def _facts(*, stars=4, decided=TODAY - timedelta(days=30), until=None, status="valid", key=1):
    return CertificateFacts(
        key=key,
        stars=stars,
        decision_date=decided,
        valid_until=until or TODAY + timedelta(days=400),
        recorded_status=status,
    )


@pytest.mark.parametrize(
    ("days_left", "warning"),
    [(91, None), (90, 90), (31, 90), (30, 30), (1, 30), (0, 30), (-1, None)],
)
def test_expiry_warning_opens_at_90_then_30_days_and_ends_when_lapsed(days_left, warning):
    assert (
        ocop.expiry_warning(
            valid_until=TODAY + timedelta(days=days_left), today=TODAY, recorded_status="valid"
        )
        == warning
    )


def test_a_revoked_certificate_gets_no_expiry_warning():
    assert (
        ocop.expiry_warning(
            valid_until=TODAY + timedelta(days=10), today=TODAY, recorded_status="revoked"
        )
        is None
    )


@pytest.mark.parametrize(
    ("certificates", "listed", "public", "in_stock", "reason"),
    [
        ([_facts()], True, True, True, None),
        ([_facts()], True, True, False, OffSaleReason.OUT_OF_STOCK),
        ([], False, True, True, OffSaleReason.AWAITING_REVIEW),
        (
            [_facts(decided=TODAY + timedelta(days=1))],
            False,
            True,
            True,
            OffSaleReason.AWAITING_REVIEW,
        ),
        ([_facts(stars=2)], False, True, True, OffSaleReason.BELOW_MIN_STARS),
        ([_facts(stars=None)], False, True, True, OffSaleReason.BELOW_MIN_STARS),
        ([_facts(until=TODAY - timedelta(days=1))], False, True, True, OffSaleReason.EXPIRED),
        ([_facts(status="revoked")], False, True, True, OffSaleReason.REVOKED),
        ([_facts()], False, False, True, OffSaleReason.HIDDEN),
        # the latest decision explains: an old revoked one, then a newer 2★ one
        (
            [
                _facts(status="revoked", decided=TODAY - timedelta(days=900), key=1),
                _facts(stars=2, key=2),
            ],
            False,
            True,
            True,
            OffSaleReason.BELOW_MIN_STARS,
        ),
    ],
)
def test_off_sale_reason_explains_the_gates_answer(certificates, listed, public, in_stock, reason):
    assert (
        ocop.off_sale_reason(
            listed=listed,
            is_public=public,
            certificates=certificates,
            today=TODAY,
            in_stock=in_stock,
        )
        == reason
    )


def test_a_valid_certificate_on_its_last_day_is_not_expired():
    assert (
        ocop.off_sale_reason(
            listed=False,
            is_public=True,
            certificates=[_facts(stars=2, until=TODAY)],
            today=TODAY,
            in_stock=True,
        )
        is OffSaleReason.BELOW_MIN_STARS
    )
