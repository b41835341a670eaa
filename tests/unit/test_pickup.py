"""Pickup places' rules (catalog.pickup): a fair booth takes pickups only on the fair's days,
takes stock until its last day, and gives back what is left from the day after."""

from datetime import date

import pytest

from catalog import pickup

START, END = date(2026, 12, 10), date(2026, 12, 12)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 9), False),  # the day before the fair
        (START, True),  # the first day
        (date(2026, 12, 11), True),
        (END, True),  # the last day, included
        (date(2026, 12, 13), False),  # the day after
    ],
)
def test_fair_booth_takes_pickups_only_on_the_fairs_days(today, expected):
    # given a booth open on the fair's dates; when / then
    assert pickup.pickup_open(kind="fair", open_from=START, open_until=END, today=today) is expected


def test_fair_booth_whose_pickup_was_withdrawn_takes_no_pickups():
    # given a booth with no dates; when / then
    assert not pickup.pickup_open(kind="fair", open_from=None, open_until=None, today=START)


def test_showroom_always_takes_pickups_and_a_village_never():
    # given / when / then
    assert pickup.pickup_open(kind="showroom", open_from=None, open_until=None, today=START)
    assert not pickup.pickup_open(kind="village", open_from=START, open_until=END, today=START)


@pytest.mark.parametrize(
    ("today", "stockable", "returnable"),
    [
        (date(2026, 11, 1), True, False),  # weeks before: stock may be sent ahead
        (END, True, False),  # the last day: still selling, nothing goes back yet
        (date(2026, 12, 13), False, True),  # the day after: what is left goes back
    ],
)
def test_booth_takes_stock_until_the_last_day_and_gives_it_back_from_the_day_after(
    today, stockable, returnable
):
    # given a booth whose fair ends on END; when / then
    assert pickup.booth_stockable(open_until=END, today=today) is stockable
    assert pickup.booth_stock_returnable(open_until=END, today=today) is returnable


def test_withdrawn_booth_takes_no_stock_and_gives_everything_back():
    # given / when / then
    assert not pickup.booth_stockable(open_until=None, today=START)
    assert pickup.booth_stock_returnable(open_until=None, today=START)
