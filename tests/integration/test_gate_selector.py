"""The storefront gate (catalog.selectors) and the certificate services, on the real database.

Only public products whose current certificate (their latest one valid today) carries 3★ or more
are listed. The selector does this in SQL; it must agree with the pure rule in catalog.ocop.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog import ocop, selectors, services
from tests.factories import (
    CertificateFactory,
    OcopCertificate,
    Product,
    ProductFactory,
    certificate_for_stars,
    listed_product,
    product_in_state,
)

pytestmark = pytest.mark.django_db


def listed_ids(**kwargs) -> set[int]:
    return set(selectors.product_listed_queryset(**kwargs).values_list("pk", flat=True))


# --- Who is listed ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "listed"),
    [
        ("3_star", True),
        ("4_star", True),
        ("5_star", True),
        ("1_star", False),
        ("2_star", False),
        ("unrated", False),
        ("expired", False),
        ("revoked", False),
    ],
)
def test_only_products_with_a_current_three_star_rating_or_better_are_listed(state, listed):
    # given a product in the state, and a 5★ product beside it that is listed anyway
    product = product_in_state(state)
    neighbour = listed_product(stars=5)
    # when the storefront asks for its products
    ids = listed_ids()
    # then the product is there only if its rating allows
    assert (product.pk in ids) is listed
    assert neighbour.pk in ids
    assert selectors.product_is_listed(product) is listed


def test_a_product_that_is_not_public_is_not_listed_even_with_five_stars():
    hidden = listed_product(stars=5, is_public=False)
    assert hidden.pk not in listed_ids()
    assert selectors.product_is_listed(hidden) is False


def test_a_2023_certificate_below_50_points_gives_no_star_and_no_listing():
    product = ProductFactory()
    certificate = CertificateFactory(product=product, criteria_set="2023", score=Decimal("45"))
    assert certificate.stars is None
    assert product.pk not in listed_ids()
    assert selectors.product_current_stars(product) is None


def test_listed_products_carry_the_stars_of_their_current_certificate():
    three, five = listed_product(stars=3), listed_product(stars=5)
    stars = dict(selectors.product_listed_queryset().values_list("pk", selectors.STARS_ATTR))
    assert stars[three.pk] == 3
    assert stars[five.pk] == 5


def test_the_gate_narrows_a_queryset_it_is_given():
    wanted, other = listed_product(stars=4), listed_product(stars=4)
    narrowed = selectors.product_listed_queryset(
        queryset=Product.objects.filter(pk__in=[wanted.pk])
    )
    assert list(narrowed.values_list("pk", flat=True)) == [wanted.pk]
    assert other.pk in listed_ids()


# --- The current certificate is the latest valid one --------------------------------------------


def test_a_product_re_evaluated_down_to_two_stars_is_hidden(today):
    # given a 4★ product
    product = listed_product(stars=4)
    assert selectors.product_is_listed(product)
    # when the council re-evaluates it at 40 points under the 2019 set (2★), decided today
    certificate_for_stars(product, 2, decision_date=today)
    # then it leaves the storefront though its 4★ certificate is still in date
    assert product.pk not in listed_ids()
    assert selectors.product_current_stars(product) == 2


def test_a_product_re_evaluated_below_50_under_the_2023_set_is_hidden(today):
    product = listed_product(stars=5)
    CertificateFactory(product=product, score=Decimal("49.99"), decision_date=today)
    assert product.pk not in listed_ids()
    assert selectors.product_current_stars(product) is None


def test_a_product_re_evaluated_up_is_shown_with_its_new_stars(today):
    # given a 2★ product that the storefront does not show
    product = listed_product(stars=2)
    assert product.pk not in listed_ids()
    # when it is re-evaluated at 5★
    new = certificate_for_stars(product, 5, decision_date=today)
    # then it is listed with five stars
    assert product.pk in listed_ids()
    assert selectors.product_current_stars(product) == 5
    assert selectors.product_current_certificate(product) == new


def test_revoking_the_latest_certificate_falls_back_to_the_previous_valid_one(today):
    product = listed_product(stars=3)
    latest = certificate_for_stars(product, 5, decision_date=today)
    services.certificate_revoke(certificate=latest, reason="Hồ sơ không trung thực.")
    assert selectors.product_current_stars(product) == 3
    assert product.pk in listed_ids()


def test_a_certificate_decided_in_the_future_does_not_count_yet(today):
    product = listed_product(stars=2)
    certificate_for_stars(product, 4, decision_date=today + timedelta(days=1))
    assert product.pk not in listed_ids(today=today)
    assert product.pk in listed_ids(today=today + timedelta(days=1))


# --- The day a certificate lapses ---------------------------------------------------------------


def test_a_product_is_hidden_the_day_after_its_certificate_lapses(today):
    # given a 4★ certificate whose last valid day is in ten days
    product = ProductFactory()
    last_day = today + timedelta(days=10)
    CertificateFactory(product=product, valid_until=last_day)
    # then it is listed up to and on that day, and hidden from the next
    assert product.pk in listed_ids(today=today)
    assert product.pk in listed_ids(today=last_day)
    assert product.pk not in listed_ids(today=last_day + timedelta(days=1))
    assert selectors.product_is_listed(product, today=last_day) is True
    assert selectors.product_is_listed(product, today=last_day + timedelta(days=1)) is False
    assert selectors.product_current_stars(product, today=last_day) == 4
    assert selectors.product_current_stars(product, today=last_day + timedelta(days=1)) is None


def test_the_default_validity_is_36_months_less_a_day():
    certificate = CertificateFactory(decision_date=date(2024, 5, 10))
    certificate.refresh_from_db()
    assert certificate.valid_until == date(2027, 5, 9)
    assert selectors.product_is_listed(certificate.product, today=date(2027, 5, 9))
    assert not selectors.product_is_listed(certificate.product, today=date(2027, 5, 10))


def test_product_is_listed_trusts_the_gate_annotation_for_today():
    product = listed_product(stars=4)
    annotated = selectors.product_listed_queryset().get(pk=product.pk)
    # The annotation answers without another query.
    with CaptureQueriesContext(connection) as queries:
        assert selectors.product_is_listed(annotated) is True
        assert selectors.product_current_stars(annotated) == 4
    assert len(queries) == 0


def test_an_unsaved_product_is_not_listed():
    assert selectors.product_is_listed(ProductFactory.build()) is False


# --- The SQL gate agrees with the pure rule -----------------------------------------------------


def _random_certificates(rng: random.Random, product, today: date) -> None:
    """Between none and four certificates with dates, scores and statuses drawn from ``rng``.

    Decision dates come from a small pool so that ties on the same day happen, and some lie in
    the future; validity ends are spread around ``today``.
    """
    date_pool = [today + timedelta(days=offset) for offset in (-1400, -900, -400, -30, -1, 0, 5)]
    for _ in range(rng.randint(0, 4)):
        decided = rng.choice(date_pool)
        criteria_set = rng.choice(["2019", "2023"])
        score = Decimal(rng.randint(0, 10000)) / 100
        until = rng.choice(
            [
                None,  # the default 36 months
                today - timedelta(days=1),
                today,
                today + timedelta(days=rng.randint(1, 400)),
            ]
        )
        if until is not None and until < decided:
            until = decided
        certificate = CertificateFactory(
            product=product,
            criteria_set=criteria_set,
            score=score,
            decision_date=decided,
            **({"valid_until": until} if until else {}),
        )
        roll = rng.random()
        if roll < 0.15:
            services.certificate_revoke(certificate=certificate, reason="Thu hồi khi kiểm tra.")
        elif roll < 0.25:
            OcopCertificate.objects.filter(pk=certificate.pk).update(
                status=ocop.CertificateStatus.EXPIRED
            )


@pytest.mark.parametrize("seed", [20180924, 2030])
def test_the_sql_gate_agrees_with_the_pure_rule_on_random_histories(seed, today):
    # given ~30 products with random certificate histories, some not public
    rng = random.Random(seed)
    products = []
    for _ in range(30):
        product = ProductFactory(is_public=rng.random() > 0.1)
        _random_certificates(rng, product, today)
        products.append(product)
    # when the gate and the pure rule judge them on several days
    for day in (
        today - timedelta(days=500),
        today - timedelta(days=1),
        today,
        today + timedelta(days=1),
        today + timedelta(days=365),
    ):
        listed = listed_ids(today=day)
        for product in products:
            history = [c.facts() for c in OcopCertificate.objects.filter(product=product)]
            expected = ocop.current_certificate(history, today=day)
            current = selectors.product_current_certificate(product, today=day)
            # then both pick the same certificate, and the gate lists exactly the listable ones
            assert (current.pk if current else None) == (expected.key if expected else None)
            assert selectors.product_current_stars(product, today=day) == (
                expected.stars if expected else None
            )
            should_list = product.is_public and ocop.is_listable(
                expected.stars if expected else None
            )
            assert (product.pk in listed) is should_list, (seed, day, product.pk, history)
    # and the draw exercised both outcomes
    assert listed_ids(today=today)
    assert len(listed_ids(today=today)) < len(products)


# --- certificate_record -------------------------------------------------------------------------


def record(product, **overrides) -> OcopCertificate:
    """Record a certificate through the service with sensible defaults for a 2026 decision."""
    arguments = {
        "product": product,
        "criteria_set": "2023",
        "score": "82",
        "council_level": "province",
        "decision_number": " 1234/QĐ-UBND ",
        "decision_date": date(2026, 9, 20),
        "issuing_body": " UBND tỉnh Bắc Giang ",
    } | overrides
    return services.certificate_record(**arguments)


def test_certificate_record_computes_stars_and_validity_from_the_facts():
    # given a 4★ evaluation by the province in September 2026, score typed with a decimal comma
    product = ProductFactory()
    # when it is recorded
    certificate = record(product, score="72,5")
    certificate.refresh_from_db()
    # then stars, validity and tidied text follow from the facts
    assert certificate.score == Decimal("72.5")
    assert certificate.stars == 4
    assert certificate.valid_until == date(2029, 9, 19)
    assert certificate.decision_number == "1234/QĐ-UBND"
    assert certificate.issuing_body == "UBND tỉnh Bắc Giang"
    assert certificate.status == ocop.CertificateStatus.VALID


def test_certificate_record_keeps_a_validity_date_the_decision_states():
    certificate = record(ProductFactory(), valid_until=date(2027, 12, 31))
    assert certificate.valid_until == date(2027, 12, 31)


@pytest.mark.parametrize(
    ("score", "fragment"),
    [
        ("abc", "không phải là số"),
        ("", "không phải là số"),
        (-5, "âm"),
        (Decimal("100.01"), "tối đa là 100"),
        (101, "101"),
        (None, "từ 0 đến 100"),
        (True, "từ 0 đến 100"),
        (float("nan"), "hữu hạn"),
        ("29,999", "2 chữ số thập phân"),
    ],
)
def test_certificate_record_refuses_a_bad_score_and_writes_nothing(score, fragment):
    product = ProductFactory()
    with pytest.raises(ocop.InvalidScore) as error:
        record(product, score=score)
    assert fragment in str(error.value)
    assert not OcopCertificate.objects.filter(product=product).exists()


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"council_level": "commune"}, "Cấp hội đồng “commune” không hợp lệ"),
        ({"council_level": ""}, "không hợp lệ"),
        (
            {"council_level": "district", "score": 60},
            "Cấp huyện không có thẩm quyền đánh giá, phân hạng và công nhận sản phẩm 3 sao",
        ),
        ({"council_level": "province", "score": 95}, "công nhận sản phẩm 5 sao"),
        ({"council_level": "central", "score": 75}, "công nhận sản phẩm 4 sao"),
        (
            {"council_level": "district", "score": 75, "decision_date": date(2024, 8, 15)},
            "148/QĐ-TTg",
        ),
        ({"criteria_set": "2025"}, "Không có bộ tiêu chí “2025”"),
        ({"decision_number": "   "}, "số quyết định"),
        ({"valid_until": date(2026, 9, 19)}, "phải sau ngày quyết định"),
    ],
    ids=[
        "unknown-level",
        "empty-level",
        "district-after-2025",
        "province-5-stars",
        "central-4-stars",
        "district-4-stars-2024",
        "unknown-set",
        "no-decision-number",
        "lapses-before-decided",
    ],
)
def test_certificate_record_refuses_what_the_rules_forbid_with_a_readable_message(
    overrides, fragment
):
    product = ProductFactory()
    with pytest.raises(ocop.OcopRuleError) as error:
        record(product, **overrides)
    assert fragment in str(error.value)
    assert not OcopCertificate.objects.filter(product=product).exists()


@pytest.mark.parametrize(
    ("level", "score", "decided", "stars"),
    [
        ("district", 45, date(2021, 8, 20), 2),  # 1048/2019: district up to 3★
        ("province", 75, date(2021, 9, 20), 4),
        ("central", 92, date(2022, 12, 1), 5),
        ("district", 60, date(2024, 8, 15), 3),  # 148/2023
        ("province", 60, date(2026, 9, 20), 3),  # 1489/2025: no district
    ],
)
def test_certificate_record_accepts_each_council_within_its_rights(level, score, decided, stars):
    criteria = ocop.criteria_set_in_force(decided).code
    certificate = record(
        ProductFactory(),
        criteria_set=criteria,
        score=score,
        council_level=level,
        decision_date=decided,
    )
    assert certificate.stars == stars


def test_historic_imports_may_skip_the_council_check():
    certificate = record(ProductFactory(), council_level="district", score=95, check_council=False)
    assert certificate.stars == 5


@pytest.mark.parametrize(("criteria_set", "stars"), [("2019", 2), ("2023", None)])
def test_typed_in_stars_are_ignored_on_save(criteria_set, stars):
    # given a certificate scored 40
    certificate = CertificateFactory(criteria_set=criteria_set, score=Decimal("40"))
    # when someone types 5 stars and saves
    certificate.stars = 5
    certificate.save()
    certificate.refresh_from_db()
    # then the stars follow the score
    assert certificate.stars == stars
    assert not selectors.product_is_listed(certificate.product)


# --- certificate_revoke -------------------------------------------------------------------------


def test_certificate_revoke_records_reason_author_and_time(user):
    product = listed_product(stars=5)
    certificate = product.certificates.get()
    before = timezone.now()
    revoked = services.certificate_revoke(
        certificate=certificate, reason="  Vi phạm an toàn thực phẩm.  ", by=user
    )
    revoked.refresh_from_db()
    assert revoked.status == ocop.CertificateStatus.REVOKED
    assert revoked.revoked_reason == "Vi phạm an toàn thực phẩm."
    assert revoked.revoked_by == user
    assert before <= revoked.revoked_at <= timezone.now()
    assert revoked.status_on() is ocop.CertificateStatus.REVOKED
    assert not selectors.product_is_listed(product)


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_certificate_revoke_refuses_an_empty_reason(reason):
    certificate = CertificateFactory()
    with pytest.raises(ocop.OcopRuleError, match="lý do thu hồi"):
        services.certificate_revoke(certificate=certificate, reason=reason)
    certificate.refresh_from_db()
    assert certificate.status == ocop.CertificateStatus.VALID


def test_certificate_revoke_refuses_a_second_revocation_and_keeps_the_first_reason():
    certificate = CertificateFactory()
    services.certificate_revoke(certificate=certificate, reason="Lần đầu.")
    with pytest.raises(ocop.OcopRuleError, match="đã bị thu hồi"):
        services.certificate_revoke(certificate=certificate, reason="Lần hai.")
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Lần đầu."


def test_certificates_expire_marks_only_lapsed_valid_ones(today):
    lapsed = CertificateFactory(
        decision_date=today - timedelta(days=400), valid_until=today - timedelta(days=1)
    )
    current = CertificateFactory(valid_until=today)
    revoked = CertificateFactory()
    services.certificate_revoke(certificate=revoked, reason="Thu hồi.")
    assert services.certificates_expire(today=today) == 1
    statuses = dict(OcopCertificate.objects.values_list("pk", "status"))
    assert statuses[lapsed.pk] == "expired"
    assert statuses[current.pk] == "valid"
    assert statuses[revoked.pk] == "revoked"


# --- What the database itself refuses -----------------------------------------------------------


@pytest.mark.parametrize("score", [Decimal("101"), Decimal("-1")])
def test_the_database_refuses_a_score_outside_0_to_100(score):
    # Bypass save() (which would refuse first) to prove the CHECK constraint holds on its own.
    certificate = CertificateFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        OcopCertificate.objects.filter(pk=certificate.pk).update(score=score)
    certificate.refresh_from_db()
    assert certificate.score == Decimal("75")


def test_the_database_refuses_a_revocation_without_a_reason():
    certificate = CertificateFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        OcopCertificate.objects.filter(pk=certificate.pk).update(
            status=ocop.CertificateStatus.REVOKED, revoked_reason=""
        )


def test_a_score_with_two_decimals_is_stored_exactly():
    certificate = record(ProductFactory(), score="89.99")
    certificate.refresh_from_db()
    assert certificate.score == Decimal("89.99")
    assert certificate.stars == 4
