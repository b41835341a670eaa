"""The demo's seasons (marketplace/demo/seasons.py) on every day of a leap year: there is always
a product in season, one out of season taking pre-orders, and one out of season without."""

from __future__ import annotations

from datetime import date, timedelta

from catalog import seasons
from marketplace.demo import seasons as demo


def _roles(today: date) -> set[str]:
    roles = set()
    for sku in demo.WINDOWS:
        if seasons.in_season(demo.demo_windows(sku), today=today):
            roles.add("in season")
        elif demo.demo_preorders_open(sku, today=today):
            roles.add("pre-orders")
        else:
            roles.add("closed")
    return roles


def test_every_day_of_a_leap_year_shows_all_three_season_states():
    # given every day of 2028 (a leap year)
    day, missing = date(2028, 1, 1), []
    while day.year == 2028:
        # when
        roles = _roles(day)
        # then
        if roles != {"in season", "pre-orders", "closed"}:
            missing.append((day, roles))
        day += timedelta(days=1)
    assert missing == []


def test_fresh_lychee_on_1_december_is_out_of_season_with_pre_orders_open():
    today = date(2026, 12, 1)
    assert not seasons.in_season(demo.demo_windows("LN-VT-001"), today=today)
    assert demo.demo_preorders_open("LN-VT-001", today=today)
