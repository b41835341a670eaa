"""Dated geography (catalog/geography.py): what a unit was called on a day, what it is today and
what it became, on both sides of the 2025 reform (30/06/2025 vs 01/07/2025), in both languages."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from catalog import geography
from catalog.geography import Unit
from marketplace.checkout.rules import ward_match, wards_of
from marketplace.demo import data

LAST_DAY = date(2025, 6, 30)
FIRST_DAY = date(2025, 7, 1)

PHUONG_CHU = Unit("Phường", "Chũ", "bac-ninh", valid_from=FIRST_DAY)
THI_TRAN_CHU = Unit(
    "Thị trấn",
    "Chũ",
    "bac-giang",
    valid_until=LAST_DAY,
    district_kind="Huyện",
    district_name="Lục Ngạn",
    successor=PHUONG_CHU,
)


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 5, 1), THI_TRAN_CHU),
        (LAST_DAY, THI_TRAN_CHU),
        (FIRST_DAY, PHUONG_CHU),
        (date(2026, 11, 29), PHUONG_CHU),
    ],
)
def test_a_unit_answers_for_itself_until_its_last_day_and_with_its_successor_after(day, expected):
    assert geography.unit_on(THI_TRAN_CHU, day) is expected


def test_nothing_is_known_before_a_unit_began():
    assert geography.unit_on(PHUONG_CHU, LAST_DAY) is None
    assert geography.unit_on(PHUONG_CHU, FIRST_DAY) is PHUONG_CHU


def test_a_unit_that_ended_without_a_recorded_successor_has_no_name_after():
    orphan = Unit("Xã", "Thử", "bac-giang", valid_until=LAST_DAY)
    assert geography.unit_on(orphan, FIRST_DAY) is None
    # and is shown by its recorded name alone, nothing invented
    assert str(geography.naming(orphan, today=date(2026, 1, 1))) == "Xã Thử, tỉnh Bắc Giang"


def test_successors_are_followed_through_every_change():
    later = Unit("Phường", "Chũ Mới", "bac-ninh", valid_from=date(2027, 1, 1))
    middle = Unit("Phường", "Chũ", "bac-ninh", FIRST_DAY, date(2026, 12, 31), successor=later)
    first = Unit("Thị trấn", "Chũ", "bac-giang", valid_until=LAST_DAY, successor=middle)
    assert geography.became(first) == (middle, later)
    assert geography.unit_on(first, date(2027, 3, 1)) is later
    assert geography.unit_on(first, date(2026, 12, 31)) is middle


def test_the_province_is_named_by_period():
    assert geography.province_name("bac-giang", LAST_DAY).valid_on(LAST_DAY)
    assert not geography.province_name("bac-giang", FIRST_DAY).valid_on(FIRST_DAY)
    assert geography.province_name("bac-ninh", FIRST_DAY).name == "Bắc Ninh"
    assert geography.province_name("bac-ninh", FIRST_DAY).valid_on(FIRST_DAY)
    assert geography.province_name("nowhere", FIRST_DAY) is None


def test_today_is_shown_with_the_recorded_unit_and_the_day_it_changed():
    naming = geography.naming(THI_TRAN_CHU, today=date(2026, 11, 29))
    assert str(naming) == (
        "Phường Chũ, tỉnh Bắc Ninh (trước 01/07/2025: thị trấn Chũ, huyện Lục Ngạn, tỉnh Bắc Giang)"
    )


def test_on_its_last_day_a_unit_is_shown_alone():
    naming = geography.naming(THI_TRAN_CHU, today=LAST_DAY)
    assert str(naming) == "Thị trấn Chũ, huyện Lục Ngạn, tỉnh Bắc Giang"
    assert str(geography.naming(PHUONG_CHU, today=FIRST_DAY)) == "Phường Chũ, tỉnh Bắc Ninh"


def test_a_certificate_keeps_the_unit_of_its_date():
    assert geography.label_on(THI_TRAN_CHU, date(2022, 11, 15)) == (
        "Thị trấn Chũ, huyện Lục Ngạn, tỉnh Bắc Giang"
    )
    assert geography.label_on(THI_TRAN_CHU, date(2025, 9, 1)) == "Phường Chũ, tỉnh Bắc Ninh"


def test_the_names_read_in_english():
    with translation.override("en"):
        naming = geography.naming(THI_TRAN_CHU, today=date(2026, 11, 29))
        assert str(naming) == (
            "Chũ ward, Bắc Ninh province (before 01/07/2025: Chũ township, Lục Ngạn district, "
            "Bắc Giang province)"
        )


def test_a_successor_must_begin_the_day_after_its_predecessor_ended():
    assert geography.check_successor(THI_TRAN_CHU, PHUONG_CHU) == []
    late = Unit("Phường", "Chũ", "bac-ninh", valid_from=date(2025, 7, 2))
    assert geography.check_successor(THI_TRAN_CHU, late)
    assert geography.check_successor(PHUONG_CHU, THI_TRAN_CHU)  # still in force


def test_a_cycle_of_successors_is_refused_not_followed_forever():
    a = Unit("Xã", "A", "bac-giang", valid_until=LAST_DAY)
    object.__setattr__(a, "successor", a)
    with pytest.raises(geography.GeographyError):
        geography.unit_on(a, FIRST_DAY)


def test_every_new_demo_unit_is_on_todays_official_list_of_bac_ninh():
    # given today's list (package vietnam-provinces, the General Statistics Office's)
    assert len(wards_of("Bắc Ninh")) == 99
    # then every unit the demo's communes became is on it
    missing = [u.key for u in data.NEW_COMMUNES if ward_match("Bắc Ninh", u.key) is None]
    assert missing == []
