"""The season and pre-order rules in catalog/seasons.py: pure, so no database and no clock."""

from __future__ import annotations

from datetime import date

import pytest

from catalog import seasons
from catalog.seasons import SaleMode, SeasonError, window_make

LYCHEE = [window_make(start=(25, 5), end=(25, 7))]
STAR_APPLE = [window_make(start=(15, 12), end=(15, 3))]  # crosses the new year


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 5, 24), False),
        (date(2026, 5, 25), True),
        (date(2026, 7, 25), True),
        (date(2026, 7, 26), False),
    ],
)
def test_window_edges_are_inclusive(day, expected):
    # given a lychee window 25/5 – 25/7; when / then
    assert seasons.in_season(LYCHEE, today=day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 14), False),
        (date(2026, 12, 15), True),
        (date(2026, 12, 31), True),
        (date(2027, 1, 1), True),
        (date(2027, 3, 15), True),
        (date(2027, 3, 16), False),
    ],
)
def test_window_crossing_the_new_year_covers_both_sides(day, expected):
    assert seasons.in_season(STAR_APPLE, today=day) is expected


def test_season_current_across_new_year_started_last_year():
    # given / when
    current = seasons.season_current(STAR_APPLE, today=date(2027, 2, 1))
    # then
    assert current == seasons.Season(date(2026, 12, 15), date(2027, 3, 15))


def test_next_season_and_days_until_on_1_december():
    # given
    today = date(2026, 12, 1)
    # when
    upcoming = seasons.season_next(LYCHEE, today=today)
    # then
    assert upcoming.start == date(2027, 5, 25)
    assert seasons.days_until(upcoming.start, today=today) == 175


def test_next_season_on_the_last_day_is_next_year():
    upcoming = seasons.season_next(LYCHEE, today=date(2026, 7, 25))
    assert upcoming.start == date(2027, 5, 25)


def test_29_february_is_28_february_in_a_common_year():
    # given a window ending on 29/2
    window = [window_make(start=(1, 12), end=(29, 2))]
    # when / then
    assert seasons.in_season(window, today=date(2027, 2, 28))
    assert not seasons.in_season(window, today=date(2027, 3, 1))
    assert seasons.in_season(window, today=date(2028, 2, 29))
    assert seasons.season_current(window, today=date(2028, 2, 29)).end == date(2028, 2, 29)


def test_window_starting_29_february_starts_28_february_in_a_common_year():
    window = [window_make(start=(29, 2), end=(31, 3))]
    assert seasons.season_next(window, today=date(2026, 12, 1)).start == date(2027, 2, 28)
    assert seasons.season_next(window, today=date(2027, 12, 1)).start == date(2028, 2, 29)


def test_dated_29_february_in_a_common_year_is_refused():
    with pytest.raises(SeasonError):
        window_make(start=(29, 2), end=(30, 3), year=2027)


@pytest.mark.parametrize(
    ("start", "end"), [((31, 4), (1, 5)), ((30, 2), (1, 3)), ((1, 13), (1, 1)), ((5, 5), (5, 5))]
)
def test_impossible_windows_are_refused(start, end):
    with pytest.raises(SeasonError):
        window_make(start=start, end=end)


def test_this_years_actual_dates_replace_the_recurring_window_for_that_year_only():
    # given the usual window and this year's early harvest
    windows = LYCHEE + [window_make(start=(18, 5), end=(20, 7), year=2027)]
    # when / then
    assert seasons.in_season(windows, today=date(2027, 5, 18))
    assert not seasons.in_season(windows, today=date(2027, 7, 22))
    assert seasons.in_season(windows, today=date(2028, 7, 22))
    assert seasons.season_next(windows, today=date(2026, 12, 1)).start == date(2027, 5, 18)


def test_no_windows_means_sold_all_year():
    assert seasons.in_season([], today=date(2026, 12, 1))
    assert (
        seasons.sale_mode(
            windows=[], today=date(2026, 12, 1), preorders_open=True, stock_available=0
        )
        == SaleMode.STOCK
    )


@pytest.mark.parametrize(
    ("day", "open_", "stock", "mode"),
    [
        (date(2026, 12, 1), False, 110, SaleMode.CLOSED),
        (date(2026, 12, 1), True, 110, SaleMode.PREORDER),
        (date(2026, 6, 1), True, 10, SaleMode.STOCK),
        (date(2026, 6, 1), True, 0, SaleMode.PREORDER),
        (date(2026, 6, 1), False, 0, SaleMode.STOCK),
    ],
)
def test_sale_mode(day, open_, stock, mode):
    assert (
        seasons.sale_mode(windows=LYCHEE, today=day, preorders_open=open_, stock_available=stock)
        == mode
    )


def test_preorders_open_before_and_at_the_start_of_a_window_only():
    assert seasons.preorders_may_open(LYCHEE, today=date(2026, 12, 1))
    assert seasons.preorders_may_open(LYCHEE, today=date(2026, 5, 25))
    assert not seasons.preorders_may_open(LYCHEE, today=date(2026, 7, 1))
    assert not seasons.preorders_may_open([], today=date(2026, 12, 1))


def test_quota_is_never_exceeded():
    assert seasons.quota_admits(quota=10, taken=9, quantity=1)
    assert not seasons.quota_admits(quota=10, taken=9, quantity=2)
    assert not seasons.quota_admits(quota=10, taken=0, quantity=0)
    assert seasons.quota_left(quota=10, taken=12) == 0


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("none", 0, 0),
        ("amount", 50000, 100000),
        ("percent", 30, 90000),
        ("percent", 33, 99000),
        ("amount", 999999, 300000),
        ("percent", 1, 3000),
    ],
)
def test_deposit_amount(kind, value, expected):
    # given 2 boxes at 150.000 đ
    assert seasons.deposit_amount(kind=kind, value=value, unit_price=150000, quantity=2) == expected


def test_percentage_deposit_rounds_up_to_the_dong():
    assert seasons.deposit_amount(kind="percent", value=33, unit_price=1001, quantity=1) == 331


@pytest.mark.parametrize(
    ("kind", "value"), [("percent", 0), ("percent", 101), ("amount", 0), ("bogus", 5)]
)
def test_bad_deposit_settings_are_refused(kind, value):
    with pytest.raises(SeasonError):
        seasons.deposit_check(kind=kind, value=value)


def test_delivery_period_must_not_end_before_it_starts_or_be_over():
    with pytest.raises(SeasonError):
        seasons.delivery_check(
            start=date(2027, 6, 1), end=date(2027, 5, 1), today=date(2026, 12, 1)
        )
    with pytest.raises(SeasonError):
        seasons.delivery_check(
            start=date(2026, 6, 1), end=date(2026, 7, 1), today=date(2026, 12, 1)
        )


def test_season_months_of_a_window_crossing_the_new_year():
    months = seasons.season_months(STAR_APPLE, year=2027)
    assert [i + 1 for i, on in enumerate(months) if on] == [1, 2, 3, 12]


def test_stored_form_round_trips_and_rejects_garbage():
    data = [w.as_data() for w in LYCHEE + [window_make(start=(1, 6), end=(2, 7), year=2027)]]
    assert seasons.windows_from_data(data)[1].year == 2027
    with pytest.raises(SeasonError):
        seasons.windows_from_data([{"start": [1]}])
