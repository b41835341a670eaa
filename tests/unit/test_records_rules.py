"""The records' rules in catalog.ocop: part maxima, award periods, notices, codes, scans."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from catalog import ocop

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 8
PDF = b"%PDF-1.7\n" + b"\0" * 7
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 12


@pytest.mark.parametrize(
    ("code", "parts", "total"),
    [
        ("2019", {"A": 35, "B": 25, "C": 40}, Decimal(100)),
        ("2023", {"A": 40, "B": 25, "C": 35}, Decimal(100)),
        ("2023", {"A": "30,5", "B": 10, "C": 20}, Decimal("60.5")),
    ],
)
def test_parts_at_their_maxima_add_up_to_the_total(code, parts, total):
    # given / when
    result = ocop.total_from_parts(parts, ocop.criteria_set_for(code))
    # then
    assert result == total


@pytest.mark.parametrize(
    ("code", "parts", "part"),
    [
        ("2019", {"A": 36, "B": 0, "C": 0}, "A"),  # 2019: A max 35
        ("2023", {"A": 40, "B": 0, "C": 36}, "C"),  # 2023: C max 35
        ("2019", {"A": 0, "B": 0, "C": "40.01"}, "C"),
        ("2023", {"A": 0, "B": 26, "C": 0}, "B"),
    ],
)
def test_a_part_over_its_maximum_is_refused_naming_the_part(code, parts, part):
    # given
    criteria = ocop.criteria_set_for(code)
    # when / then
    with pytest.raises(ocop.OcopRuleError, match=f"Phần {part} tối đa"):
        ocop.total_from_parts(parts, criteria)


@pytest.mark.parametrize(
    ("stars", "level", "decided", "allowed"),
    [
        (3, "district", date(2021, 9, 1), False),
        (3, "province", date(2021, 9, 1), True),
        (2, "district", date(2021, 9, 1), True),
        (4, "district", date(2021, 9, 1), False),
        (4, "province", date(2021, 9, 1), True),
        (5, "province", date(2021, 9, 1), False),
        (5, "central", date(2021, 9, 1), True),
        (3, "district", date(2024, 9, 1), True),
        (4, "province", date(2024, 9, 1), True),
        (3, "district", date(2025, 8, 1), False),
        (3, "province", date(2025, 8, 1), True),
        (4, "province", date(2025, 8, 1), True),
        (5, "province", date(2025, 8, 1), False),
        (5, "central", date(2025, 8, 1), True),
    ],
)
def test_which_council_may_award_which_stars_follows_the_period(stars, level, decided, allowed):
    # when / then
    if allowed:
        ocop.check_award(stars=stars, level=level, decision_date=decided)
    else:
        with pytest.raises(ocop.OcopRuleError, match="không có thẩm quyền"):
            ocop.check_award(stars=stars, level=level, decision_date=decided)


@pytest.mark.parametrize(
    ("days_left", "due"),
    [(120, None), (91, None), (90, 90), (45, 90), (31, 90), (30, 30), (1, 30), (0, 30), (-1, None)],
)
def test_expiry_notice_due_90_then_30_days_ahead(days_left, due):
    # given
    today = date(2026, 1, 10)
    # when / then
    assert ocop.notice_due(valid_until=today + timedelta(days=days_left), today=today) == due


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("ABCDE12345", "ABCDE12345"),
        ("abcde-12345", "ABCDE12345"),
        (" abcde 12345 ", "ABCDE12345"),
        ("ABCDEO1234", "ABCDE01234"),
        ("ABCDEI1234", "ABCDE11234"),
        ("ABCDE1234", None),
        ("ABCDE123456", None),
        ("ABCDEU1234", None),
        ("", None),
        ("../../etc/", None),
        ("ĐBCDE12345", None),
    ],
)
def test_public_codes_are_normalised_or_rejected(raw, canonical):
    # when / then
    assert ocop.normalise_public_code(raw) == canonical


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("qd.pdf", PDF, "pdf"),
        ("qd.PNG", PNG, "png"),
        ("qd.jpg", JPEG, "jpeg"),
        ("qd.jpeg", JPEG, "jpeg"),
    ],
)
def test_scans_are_recognised_by_content(name, head, kind):
    # when / then
    assert ocop.scan_kind(name=name, head=head, size=1000) == kind


@pytest.mark.parametrize(
    ("name", "head", "size", "message"),
    [
        ("qd.pdf", b"<html><script>", 100, "PDF, JPEG hoặc PNG"),
        ("qd.png", PDF, 100, "không khớp"),
        ("qd.exe", PNG, 100, "không khớp"),
        ("qd.pdf", PDF, ocop.SCAN_MAX_BYTES + 1, "quá lớn"),
    ],
)
def test_bad_scans_are_refused_with_a_reason(name, head, size, message):
    # when / then
    with pytest.raises(ocop.OcopRuleError, match=message):
        ocop.scan_kind(name=name, head=head, size=size)


def test_targets_are_every_numeric_target_of_the_scheme_with_its_deadline():
    # given
    targets = {t.code: (t.minimum, t.maximum, t.deadline) for t in ocop.TARGETS}
    end_2020, end_2030 = date(2020, 12, 31), date(2030, 12, 31)
    # then
    assert targets == {
        "standardised_2020": (50, None, end_2020),
        "five_star_2020": (3, None, end_2020),
        "new_organisations_2020": (10, None, end_2020),
        "trained_2020": (100, None, end_2020),
        "five_star_more_2030": (2, 3, end_2030),
        "villages_2030": (1, 3, end_2030),
        "showrooms_2030": (6, None, end_2030),
        "products_2030": (170, None, end_2030),
        "food_2030": (144, None, end_2030),
    }
    assert ocop.target_progress(count=85, target=170) == 50
    assert ocop.target_progress(count=400, target=170) == 100


@pytest.mark.parametrize(
    ("current", "new", "actor", "allowed"),
    [
        ("submitted", "forwarded", "commune", True),
        ("submitted", "forwarded", "staff", False),
        ("submitted", "shortlisted", "staff", False),
        ("forwarded", "shortlisted", "commune", False),
        ("forwarded", "shortlisted", "staff", True),
        ("forwarded", "declined", "staff", True),
        ("submitted", "shortlisted", "producer", False),
        ("submitted", "plan_submitted", "producer", False),
        ("shortlisted", "plan_submitted", "producer", True),
        ("plan_submitted", "plan_accepted", "staff", True),
        ("plan_returned", "plan_submitted", "producer", True),
        ("declined", "shortlisted", "staff", False),
        ("plan_accepted", "plan_returned", "staff", False),
    ],
)
def test_idea_steps_move_only_forward_by_the_right_person(current, new, actor, allowed):
    # when / then
    if allowed:
        ocop.check_idea_move(current=current, new=new, actor=actor)
    else:
        with pytest.raises(ocop.OcopRuleError):
            ocop.check_idea_move(current=current, new=new, actor=actor)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2018, 6, 13), "Sở Nông nghiệp và Phát triển nông thôn"),
        (date(2025, 2, 28), "Sở Nông nghiệp và Phát triển nông thôn"),
        (date(2025, 3, 1), "Sở Nông nghiệp và Môi trường"),
        (date(2026, 11, 29), "Sở Nông nghiệp và Môi trường"),
    ],
)
def test_the_standing_body_is_the_agriculture_department_named_as_of_the_day(day, name):
    # when / then
    assert ocop.standing_body_on(day) == name


def test_roles_put_the_office_under_agriculture_and_fairs_under_industry_and_trade():
    # given the roles before and after the districts ended
    before = {code: (body, duty) for code, body, duty in ocop.programme_roles_on(date(2024, 5, 1))}
    after = {code: (body, duty) for code, body, duty in ocop.programme_roles_on(date(2025, 7, 1))}
    # then the office belongs to the agriculture department of the day
    assert "thuộc Sở Nông nghiệp và Phát triển nông thôn" in before["programme_office"][0]
    assert "thuộc Sở Nông nghiệp và Môi trường" in after["programme_office"][0]
    # and the commune receives ideas, Sở Công Thương runs the fairs
    assert "tiếp nhận ý tưởng" in after["commune"][1]
    assert after["fairs"][0] == "Sở Công Thương" and "hội chợ" in after["fairs"][1]
    # and the district steering committee exists only before July 2025
    assert "district_committee" in before and "district_committee" not in after
    assert "province_committee" in after


@pytest.mark.parametrize(
    ("today", "value", "measured", "status"),
    [
        (date(2020, 12, 30), 2, date(2020, 12, 30), "in_progress"),
        (date(2020, 12, 31), 3, date(2020, 12, 31), "met"),
        (date(2020, 12, 31), 2, date(2020, 12, 31), "in_progress"),
        (date(2021, 1, 1), 2, date(2020, 12, 31), "missed"),
        (date(2026, 1, 1), 3, date(2020, 12, 31), "met"),
        (date(2026, 1, 1), None, date(2020, 12, 31), "no_data"),
    ],
)
def test_a_target_is_decided_on_its_deadline_and_open_before(today, value, measured, status):
    # given the 2020 five-star target
    target = next(t for t in ocop.TARGETS if t.code == "five_star_2020")
    # when / then
    assert ocop.target_measured_on(target, today=today) == measured
    assert ocop.target_status(target, value=value, today=today) == status
