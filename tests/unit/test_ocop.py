"""The OCOP rules in catalog/ocop.py: pure functions, so no database and no clock here.

Every star band edge of both criteria sets, the scores that are not scores, the dates on which
the criteria and the councils' rights change, and the rule that picks a product's current rating.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from catalog import ocop
from catalog.ocop import (
    CRITERIA_2019,
    CRITERIA_2023,
    CertificateFacts,
    CertificateStatus,
    InvalidScore,
    OcopRuleError,
)

TODAY = date(2026, 6, 15)


def facts(
    key: int,
    *,
    stars: int | None = 4,
    decided: date,
    valid_until: date | None = None,
    status: str = "valid",
) -> CertificateFacts:
    """A certificate as the rules see it; valid for the default 36 months unless told."""
    return CertificateFacts(
        key=key,
        stars=stars,
        decision_date=decided,
        valid_until=valid_until or ocop.default_valid_until(decided),
        recorded_status=status,
    )


# --- Stars from scores -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "stars"),
    [
        (0, 1),
        (29, 1),
        (Decimal("29.99"), 1),
        (30, 2),
        (49, 2),
        (Decimal("49.99"), 2),
        (50, 3),
        (69, 3),
        (70, 4),
        (89, 4),
        (90, 5),
        (100, 5),
    ],
)
def test_every_band_edge_of_the_2019_set(score, stars):
    assert ocop.stars_for_score(score, CRITERIA_2019) == stars


@pytest.mark.parametrize(
    ("score", "stars"),
    [
        (0, None),
        (Decimal("29.99"), None),
        (30, None),
        (49, None),
        (Decimal("49.99"), None),
        (50, 3),
        (69, 3),
        (Decimal("69.99"), 3),
        (70, 4),
        (89, 4),
        (90, 5),
        (100, 5),
    ],
)
def test_every_band_edge_of_the_2023_set(score, stars):
    assert ocop.stars_for_score(score, CRITERIA_2023) == stars


def test_score_29_99_is_one_star_and_30_is_two_under_2019_set():
    assert ocop.stars_for_score("29.99", CRITERIA_2019) == 1
    assert ocop.stars_for_score("30", CRITERIA_2019) == 2


def test_score_69_is_three_stars_and_70_is_four_under_2019_set():
    assert ocop.stars_for_score(69, CRITERIA_2019) == 3
    assert ocop.stars_for_score(70, CRITERIA_2019) == 4


def test_score_49_earns_no_star_under_2023_set_where_2019_gave_two():
    # given a product that scored 49 points
    # when it is ranked under each set
    # then the 2023 set, which starts at 3★, gives it nothing
    assert ocop.stars_for_score(49, CRITERIA_2019) == 2
    assert ocop.stars_for_score(49, CRITERIA_2023) is None


@pytest.mark.parametrize("criteria", [CRITERIA_2019, CRITERIA_2023], ids=lambda c: c.code)
@pytest.mark.parametrize(("low", "high", "stars"), [(69, 70, 4), (89, 90, 5)])
def test_one_point_more_crosses_into_the_next_band_in_both_sets(criteria, low, high, stars):
    assert ocop.stars_for_score(low, criteria) == stars - 1
    assert ocop.stars_for_score(high, criteria) == stars


@pytest.mark.parametrize(
    ("criteria", "stars", "band"),
    [
        (CRITERIA_2019, 1, (0, 29)),
        (CRITERIA_2019, 2, (30, 49)),
        (CRITERIA_2019, 3, (50, 69)),
        (CRITERIA_2019, 4, (70, 89)),
        (CRITERIA_2019, 5, (90, 100)),
        (CRITERIA_2023, 3, (50, 69)),
        (CRITERIA_2023, 5, (90, 100)),
    ],
)
def test_band_range_matches_the_published_table(criteria, stars, band):
    assert criteria.band_range(stars) == band


def test_the_2023_set_has_no_band_for_two_stars():
    with pytest.raises(OcopRuleError, match="148/QĐ-TTg") as error:
        CRITERIA_2023.band_range(2)
    assert "2 sao" in str(error.value)


def test_awardable_stars_per_set():
    assert CRITERIA_2019.awardable_stars == (1, 2, 3, 4, 5)
    assert CRITERIA_2023.awardable_stars == (3, 4, 5)


# --- Scores that are not scores ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (72, Decimal("72")),
        ("72", Decimal("72")),
        (" 72.5 ", Decimal("72.5")),
        ("72,5", Decimal("72.5")),
        (72.5, Decimal("72.5")),
        (Decimal("0"), Decimal("0")),
        (Decimal("100.00"), Decimal("100")),
    ],
    ids=["int", "str", "padded", "decimal-comma", "float", "zero", "hundred"],
)
def test_parse_score_accepts_numbers_written_the_vietnamese_way_or_not(raw, expected):
    assert ocop.parse_score(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (-1, "âm"),
        (Decimal("-0.01"), "-0.01"),
        (Decimal("100.01"), "100.01"),
        (101, "tối đa là 100"),
        ("abc", "“abc” không phải là số"),
        ("", "không phải là số"),
        ("72,5,1", "72,5,1"),
        (None, "từ 0 đến 100"),
        (True, "từ 0 đến 100"),
        (False, "từ 0 đến 100"),
        (float("nan"), "hữu hạn"),
        ("NaN", "hữu hạn"),
        (float("inf"), "hữu hạn"),
        ("-Infinity", "hữu hạn"),
        ([72], "không phải là số"),
    ],
    ids=[
        "negative",
        "just-below-zero",
        "just-above-100",
        "101",
        "letters",
        "empty",
        "two-commas",
        "none",
        "true",
        "false",
        "nan",
        "nan-text",
        "inf",
        "minus-inf-text",
        "list",
    ],
)
def test_parse_score_refuses_what_is_not_a_score_with_a_readable_message(raw, fragment):
    with pytest.raises(InvalidScore) as error:
        ocop.parse_score(raw)
    assert str(error.value).strip()
    assert fragment in str(error.value)


@pytest.mark.parametrize("raw", ["29.999", Decimal("89.995"), "49,995"])
def test_parse_score_refuses_more_than_two_decimal_places_the_certificate_cannot_store(raw):
    # A score is stored with two decimal places; 29.999 would be stored as 30.00 while its stars
    # were computed from 29.999, so the certificate would contradict itself.
    with pytest.raises(InvalidScore, match="2 chữ số thập phân"):
        ocop.parse_score(raw)


def test_invalid_score_is_an_ocop_rule_error_and_a_value_error():
    assert issubclass(InvalidScore, OcopRuleError)
    assert issubclass(OcopRuleError, ValueError)


@pytest.mark.parametrize("criteria", [CRITERIA_2019, CRITERIA_2023], ids=lambda c: c.code)
def test_stars_for_score_refuses_a_bad_score_rather_than_guessing(criteria):
    with pytest.raises(InvalidScore, match="101"):
        ocop.stars_for_score(101, criteria)


# --- Criteria sets ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "code"),
    [
        (date(2019, 8, 21), "2019"),
        (date(2021, 1, 1), "2019"),
        (date(2023, 2, 23), "2019"),
        (date(2023, 2, 24), "2023"),
        (date(2025, 7, 1), "2023"),
        (date(2030, 1, 1), "2023"),
    ],
)
def test_criteria_set_in_force_switches_on_24_february_2023(on, code):
    assert ocop.criteria_set_in_force(on).code == code


def test_no_criteria_set_was_in_force_before_august_2019():
    with pytest.raises(OcopRuleError, match="2019-08-20"):
        ocop.criteria_set_in_force(date(2019, 8, 20))


def test_criteria_set_for_an_unknown_code_names_the_known_ones():
    with pytest.raises(OcopRuleError) as error:
        ocop.criteria_set_for("2025")
    assert "“2025”" in str(error.value)
    assert "2019, 2023" in str(error.value)


def test_part_maxima_add_up_to_100_in_every_set():
    for criteria in ocop.CRITERIA_SETS.values():
        assert sum(part.max_points for part in criteria.parts) == 100


# --- Councils: who may award what, when ---------------------------------------------------------


@pytest.mark.parametrize(
    ("decided", "level", "stars"),
    [
        # 1048/QĐ-TTg (2019–2023): the province certifies 3★ and 4★ (UBND tỉnh), central 5★;
        # district councils only pre-assess (a product under 50 points keeps their 1★/2★).
        # First and last day of the period.
        (date(2020, 9, 1), "district", 2),
        (date(2023, 2, 23), "district", 1),
        (date(2019, 8, 21), "province", 3),
        (date(2020, 9, 1), "province", 3),
        (date(2023, 2, 23), "province", 3),
        (date(2021, 9, 1), "province", 4),
        (date(2022, 12, 1), "central", 5),
        # 148/QĐ-TTg (2023–2025): district 3★, province 4★, central 5★
        (date(2023, 2, 24), "district", 3),
        (date(2024, 8, 1), "province", 4),
        (date(2025, 6, 30), "central", 5),
        # 1489/QĐ-TTg (from July 2025): province 3★ and 4★, central 5★
        (date(2025, 7, 1), "province", 3),
        (date(2026, 9, 1), "province", 4),
        (date(2026, 9, 1), "central", 5),
    ],
)
def test_council_may_award_the_stars_its_period_allows(decided, level, stars):
    assert ocop.check_award(stars=stars, level=level, decision_date=decided) is None


@pytest.mark.parametrize(
    ("decided", "level", "stars", "period"),
    [
        (date(2021, 8, 1), "district", 4, "1048/QĐ-TTg"),
        (date(2019, 8, 21), "district", 3, "1048/QĐ-TTg"),
        (date(2023, 2, 23), "district", 3, "1048/QĐ-TTg"),
        (date(2021, 9, 1), "province", 2, "1048/QĐ-TTg"),
        (date(2021, 9, 1), "province", 5, "1048/QĐ-TTg"),
        (date(2022, 9, 1), "central", 4, "1048/QĐ-TTg"),
        (date(2023, 2, 24), "district", 2, "148/QĐ-TTg"),
        (date(2024, 8, 1), "district", 4, "148/QĐ-TTg"),
        (date(2024, 9, 1), "province", 3, "148/QĐ-TTg"),
        (date(2025, 6, 30), "province", 5, "148/QĐ-TTg"),
        (date(2025, 7, 1), "district", 3, "1489/QĐ-TTg"),
        (date(2026, 9, 1), "province", 5, "1489/QĐ-TTg"),
        (date(2026, 9, 1), "central", 4, "1489/QĐ-TTg"),
    ],
)
def test_council_may_not_award_stars_beyond_its_level(decided, level, stars, period):
    with pytest.raises(OcopRuleError) as error:
        ocop.check_award(stars=stars, level=level, decision_date=decided)
    message = str(error.value)
    assert period in message
    assert f"{stars} sao" in message
    assert str(ocop.COUNCIL_LEVEL_LABELS[ocop.CouncilLevel(level)]) in message


def test_district_councils_award_3_stars_only_while_decision_148_is_in_force():
    # given a district council's 3★: refused the day before Decision 148 took effect (under
    # 1048 the province certified 3★), allowed from that day until the 2025 reorganisation
    with pytest.raises(OcopRuleError, match="1048"):
        ocop.check_award(stars=3, level="district", decision_date=date(2023, 2, 23))
    ocop.check_award(stars=3, level="district", decision_date=date(2023, 2, 24))
    ocop.check_award(stars=3, level="district", decision_date=date(2025, 6, 30))
    with pytest.raises(OcopRuleError, match="1489"):
        ocop.check_award(stars=3, level="district", decision_date=date(2025, 7, 1))


def test_a_provincial_3_star_certificate_of_2020_is_accepted():
    # the defect: a real provincial 3★ certificate from 2020 (UBND tỉnh) was refused
    assert ocop.check_award(stars=3, level="province", decision_date=date(2020, 11, 5)) is None


def test_the_2025_rules_have_no_district_council():
    # given a district council's decision after the 2025 reorganisation
    # when it awards 3★, which it could the day before
    ocop.check_award(stars=3, level="district", decision_date=date(2025, 6, 30))
    # then it is refused
    with pytest.raises(OcopRuleError, match="Cấp huyện"):
        ocop.check_award(stars=3, level="district", decision_date=date(2025, 7, 1))


def test_no_star_awarded_needs_no_council_right():
    ocop.check_award(stars=None, level="district", decision_date=date(2026, 1, 1))


def test_decisions_before_the_programme_are_not_checked():
    ocop.check_award(stars=5, level="district", decision_date=date(2019, 1, 1))


@pytest.mark.parametrize("stars", [None, 3])
def test_check_award_refuses_an_unknown_council_level_with_a_readable_message(stars):
    with pytest.raises(OcopRuleError, match="“commune”"):
        ocop.check_award(stars=stars, level="commune", decision_date=date(2026, 1, 1))


def test_award_periods_leave_no_day_uncovered_since_2019():
    day = ocop.AWARD_PERIODS[0].starts
    while day <= date(2026, 12, 31):
        assert ocop.award_period_for(day) is not None, day
        day += timedelta(days=1)


# --- Totals from the parts of the form ----------------------------------------------------------


@pytest.mark.parametrize(
    ("criteria", "parts", "total"),
    [
        (CRITERIA_2019, {"A": 35, "B": 25, "C": 40}, Decimal("100")),
        (CRITERIA_2019, {"A": "20,5", "B": 10, "C": "30.25"}, Decimal("60.75")),
        (CRITERIA_2023, {"A": 40, "B": 25, "C": 35}, Decimal("100")),
        (CRITERIA_2023, {"A": 0, "B": 0, "C": 0}, Decimal("0")),
    ],
)
def test_total_from_parts_adds_parts_within_their_maxima(criteria, parts, total):
    assert ocop.total_from_parts(parts, criteria) == total


@pytest.mark.parametrize(
    ("criteria", "part", "value", "maximum"),
    [
        (CRITERIA_2019, "A", 36, 35),
        (CRITERIA_2019, "B", Decimal("25.01"), 25),
        (CRITERIA_2019, "C", 41, 40),
        (CRITERIA_2023, "A", 41, 40),
        (CRITERIA_2023, "B", 26, 25),
        (CRITERIA_2023, "C", 36, 35),
    ],
)
def test_total_from_parts_refuses_a_part_over_its_maximum(criteria, part, value, maximum):
    parts = {p.code: 0 for p in criteria.parts} | {part: value}
    with pytest.raises(OcopRuleError) as error:
        ocop.total_from_parts(parts, criteria)
    assert f"Phần {part} tối đa {maximum} điểm" in str(error.value)


def test_a_2023_part_a_of_38_is_fine_though_over_the_2019_maximum():
    parts = {"A": 38, "B": 20, "C": 30}
    assert ocop.total_from_parts(parts, CRITERIA_2023) == 88
    with pytest.raises(OcopRuleError, match="Phần A tối đa 35"):
        ocop.total_from_parts(parts, CRITERIA_2019)


@pytest.mark.parametrize(
    "parts",
    [{"A": 30, "B": 20}, {"A": 30, "B": 20, "C": 30, "D": 5}, {}, {"a": 30, "b": 20, "c": 30}],
    ids=["missing", "extra", "empty", "lower-case"],
)
def test_total_from_parts_refuses_missing_or_extra_parts(parts):
    with pytest.raises(OcopRuleError) as error:
        ocop.total_from_parts(parts, CRITERIA_2023)
    assert "A, B, C" in str(error.value)


def test_total_from_parts_refuses_a_part_that_is_not_a_score():
    with pytest.raises(InvalidScore, match="âm"):
        ocop.total_from_parts({"A": -1, "B": 20, "C": 30}, CRITERIA_2023)


# --- Validity dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2023, 1, 15), 1, date(2023, 2, 15)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 3, date(2023, 4, 30)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2023, 12, 15), 1, date(2024, 1, 15)),
        (date(2023, 1, 31), 36, date(2026, 1, 31)),
        (date(2023, 3, 31), -1, date(2023, 2, 28)),
        (date(2023, 5, 20), 0, date(2023, 5, 20)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(start, months, expected):
    assert ocop.add_months(start, months) == expected


@pytest.mark.parametrize(
    ("decided", "last_valid_day"),
    [
        (date(2023, 9, 15), date(2026, 9, 14)),
        (date(2023, 1, 1), date(2025, 12, 31)),
        (date(2023, 1, 31), date(2026, 1, 30)),
        (date(2023, 3, 1), date(2026, 2, 28)),
        (date(2024, 2, 29), date(2027, 2, 28)),  # no 29 February in 2027: month's end
        (date(2025, 3, 1), date(2028, 2, 29)),
    ],
)
def test_a_certificate_is_valid_36_months_less_a_day_by_default(decided, last_valid_day):
    assert ocop.CERTIFICATE_VALID_MONTHS == 36
    assert ocop.default_valid_until(decided) == last_valid_day


# --- Certificate status -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("recorded", "today", "status"),
    [
        ("valid", date(2026, 9, 13), CertificateStatus.VALID),
        ("valid", date(2026, 9, 14), CertificateStatus.VALID),
        ("valid", date(2026, 9, 15), CertificateStatus.EXPIRED),
        ("revoked", date(2024, 1, 1), CertificateStatus.REVOKED),
        ("revoked", date(2030, 1, 1), CertificateStatus.REVOKED),
        ("expired", date(2024, 1, 1), CertificateStatus.EXPIRED),
    ],
    ids=[
        "day-before-last",
        "on-valid-until",
        "day-after-valid-until",
        "revoked-while-in-date",
        "revoked-stays-revoked-after-date",
        "recorded-expired",
    ],
)
def test_certificate_status_on_a_given_day(recorded, today, status):
    assert (
        ocop.certificate_status(recorded=recorded, valid_until=date(2026, 9, 14), today=today)
        is status
    )


# --- The current certificate --------------------------------------------------------------------


def test_no_certificates_means_no_current_rating():
    assert ocop.current_certificate([], today=TODAY) is None


def test_the_latest_valid_certificate_is_current():
    older = facts(1, stars=3, decided=date(2024, 9, 1))
    newer = facts(2, stars=4, decided=date(2025, 9, 1))
    assert ocop.current_certificate([newer, older], today=TODAY) == newer
    assert ocop.current_certificate([older, newer], today=TODAY) == newer


def test_an_expired_later_certificate_is_skipped_for_the_earlier_valid_one():
    # given a later certificate whose own validity date has already passed
    earlier = facts(1, stars=3, decided=date(2024, 9, 1))
    later_but_short = facts(2, stars=5, decided=date(2025, 1, 10), valid_until=date(2026, 1, 9))
    # when the current one is chosen
    current = ocop.current_certificate([earlier, later_but_short], today=TODAY)
    # then the earlier, still valid certificate wins
    assert current == earlier


def test_a_revoked_latest_certificate_falls_back_to_the_previous_valid_one():
    previous = facts(1, stars=4, decided=date(2024, 9, 1))
    revoked = facts(2, stars=5, decided=date(2025, 9, 1), status="revoked")
    assert ocop.current_certificate([previous, revoked], today=TODAY) == previous


def test_a_later_lower_rating_replaces_an_older_higher_one():
    # given a 5★ product re-evaluated to 2★
    five = facts(1, stars=5, decided=date(2024, 9, 1))
    two = facts(2, stars=2, decided=date(2025, 9, 1))
    # then the 2★ is its rating, and it is no longer listable
    current = ocop.current_certificate([five, two], today=TODAY)
    assert current == two
    assert not ocop.is_listable(current.stars)


def test_a_later_no_star_result_replaces_an_older_rating():
    four = facts(1, stars=4, decided=date(2024, 9, 1))
    none = facts(2, stars=None, decided=date(2025, 9, 1))
    assert ocop.current_certificate([four, none], today=TODAY) == none


def test_a_decision_dated_in_the_future_is_not_yet_current():
    now = facts(1, stars=3, decided=date(2025, 9, 1))
    tomorrow = facts(2, stars=5, decided=TODAY + timedelta(days=1))
    assert ocop.current_certificate([now, tomorrow], today=TODAY) == now
    assert ocop.current_certificate([now, tomorrow], today=TODAY + timedelta(days=1)) == tomorrow


def test_a_decision_dated_today_is_current_today():
    today = facts(1, stars=4, decided=TODAY)
    assert ocop.current_certificate([today], today=TODAY) == today


def test_only_expired_or_revoked_certificates_mean_no_current_rating():
    expired = facts(1, stars=5, decided=date(2022, 1, 1))
    revoked = facts(2, stars=4, decided=date(2025, 1, 1), status="revoked")
    recorded_expired = facts(3, stars=3, decided=date(2025, 2, 1), status="expired")
    assert ocop.current_certificate([expired, revoked, recorded_expired], today=TODAY) is None


def test_two_decisions_on_the_same_day_are_settled_by_the_later_record():
    first = facts(7, stars=3, decided=date(2025, 9, 1))
    second = facts(9, stars=4, decided=date(2025, 9, 1))
    assert ocop.current_certificate([second, first], today=TODAY) == second


def test_current_certificate_takes_any_iterable():
    certificates = (facts(k, decided=date(2025, 9, k)) for k in range(1, 4))
    assert ocop.current_certificate(certificates, today=TODAY).key == 3


# --- Listing and labels -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stars", "listable"),
    [(None, False), (0, False), (1, False), (2, False), (3, True), (4, True), (5, True)],
)
def test_only_three_stars_and_up_are_listable(stars, listable):
    assert ocop.is_listable(stars) is listable


@pytest.mark.parametrize(
    ("stars", "label"),
    [(None, "Chưa xếp hạng OCOP"), (0, "Chưa xếp hạng OCOP"), (3, "3 sao OCOP"), (5, "5 sao OCOP")],
)
def test_star_label_reads_well_to_a_screen_reader(stars, label):
    assert ocop.star_label(stars) == label


# --- The stored listing state ------------------------------------------------------------------


def _facts(key, stars, decided, until, status="valid"):
    return ocop.CertificateFacts(
        key=key, stars=stars, decision_date=decided, valid_until=until, recorded_status=status
    )


def test_listing_state_holds_until_the_current_certificates_last_valid_day():
    # given a 4★ certificate valid until 10 June
    history = [_facts(1, 4, date(2024, 1, 1), date(2026, 6, 10))]
    # when the state is computed on 1 June
    state = ocop.listing_state(history, today=date(2026, 6, 1))
    # then it is listed and holds through 10 June only
    assert (state.stars, state.listed, state.holds_until) == (4, True, date(2026, 6, 10))
    assert state.certificate.key == 1


def test_listing_state_ends_on_the_eve_of_a_decision_dated_later():
    # given a current 4★ certificate and a 2★ re-evaluation decided for 5 June
    history = [
        _facts(1, 4, date(2024, 1, 1), date(2026, 12, 31)),
        _facts(2, 2, date(2026, 6, 5), date(2029, 6, 4)),
    ]
    # when computed on 1 June
    state = ocop.listing_state(history, today=date(2026, 6, 1))
    # then the 4★ rating holds until 4 June, when the re-evaluation takes over
    assert (state.stars, state.holds_until) == (4, date(2026, 6, 4))
    assert ocop.listing_state(history, today=date(2026, 6, 5)).stars == 2


def test_listing_state_of_a_product_without_certificates_holds_for_good():
    state = ocop.listing_state([], today=date(2026, 6, 1))
    assert (state.stars, state.listed, state.certificate) == (None, False, None)
    assert state.holds_until == ocop.DATE_FOREVER


def test_listing_state_ignores_revoked_certificates_decided_later():
    # given a revoked certificate dated in the future: it will never take over
    history = [
        _facts(1, 3, date(2024, 1, 1), date(2026, 12, 31)),
        _facts(2, 5, date(2026, 7, 1), date(2029, 6, 30), status="revoked"),
    ]
    state = ocop.listing_state(history, today=date(2026, 6, 1))
    assert (state.stars, state.holds_until) == (3, date(2026, 12, 31))
