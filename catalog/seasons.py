"""Harvest seasons and pre-orders: the rules, as pure functions.

A seasonal product has one or more harvest windows (*mùa vụ*), each a start and an end given as
day and month that recur every year (lychee: 25/5 – 25/7). A window whose end falls before its
start in the calendar crosses the new year (star apple: 15/12 – 15/3). A producer may also give
one year's actual dates (the lychee ripened early this year: 18/5 – 20/7): a dated window
replaces the recurring windows whose occurrence starts in the same year.

29 February in a recurring window means "the last day of February": 28 February in a common
year. Nothing here reads the clock, the ORM or settings: callers pass ``today``.

The stored form of a product's windows is a list of small dicts (``Product.harvest_windows``):
``{"start": [day, month], "end": [day, month]}`` and, for one year's actual dates,
``"year": yyyy`` (the year the window starts).
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _


class SeasonError(ValueError):
    """A window or a pre-order setting that cannot be right; ``str(error)`` is for the user."""


@dataclass(frozen=True)
class Window:
    """One harvest window: start and end as (day, month); ``year`` set for one year's dates."""

    start_day: int
    start_month: int
    end_day: int
    end_month: int
    year: int | None = None

    @property
    def crosses_new_year(self) -> bool:
        """Whether the window ends in the calendar year after it starts."""
        return (self.end_month, self.end_day) < (self.start_month, self.start_day)

    def as_data(self) -> dict:
        """The stored form (see the module's docstring)."""
        data = {"start": [self.start_day, self.start_month], "end": [self.end_day, self.end_month]}
        if self.year is not None:
            data["year"] = self.year
        return data


@dataclass(frozen=True)
class Season:
    """One occurrence of a window: its first and last day (both inclusive)."""

    start: date
    end: date

    def contains(self, day: date) -> bool:
        """Whether ``day`` is a harvest day of this occurrence."""
        return self.start <= day <= self.end


def _day_in(year: int, month: int, day: int) -> date:
    """``day``/``month`` of ``year``; 29 February becomes 28 February in a common year."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        day = 28
    return date(year, month, day)


def _check_day_month(day: int, month: int) -> None:
    if not (1 <= month <= 12):
        raise SeasonError(_("Tháng %(month)s không hợp lệ.") % {"month": month})
    # A recurring date may be 29/2 (it exists in leap years), so check against a leap year.
    if not (1 <= day <= calendar.monthrange(2024, month)[1]):
        raise SeasonError(
            _("Ngày %(day)s/%(month)s không có trong lịch.") % {"day": day, "month": month}
        )


def window_make(*, start: tuple[int, int], end: tuple[int, int], year: int | None = None) -> Window:
    """A checked window from (day, month) pairs; :class:`SeasonError` for an impossible date
    (31/4, 30/2), an identical start and end, or a dated window longer than a year."""
    (start_day, start_month), (end_day, end_month) = start, end
    _check_day_month(start_day, start_month)
    _check_day_month(end_day, end_month)
    if (start_day, start_month) == (end_day, end_month):
        raise SeasonError(_("Ngày bắt đầu và ngày kết thúc mùa vụ trùng nhau."))
    if year is not None:
        if not (2000 <= year <= 2100):
            raise SeasonError(_("Năm %(year)s không hợp lệ.") % {"year": year})
        # A dated window is real dates: 29/2 only where that year has it.
        crosses = (end_month, end_day) < (start_month, start_day)
        for day, month, in_year in (
            (start_day, start_month, year),
            (end_day, end_month, year + 1 if crosses else year),
        ):
            if month == 2 and day == 29 and not calendar.isleap(in_year):
                raise SeasonError(_("Năm %(year)s không có ngày 29/2.") % {"year": in_year})
    return Window(start_day, start_month, end_day, end_month, year)


def windows_from_data(data) -> list[Window]:
    """Windows from their stored form; anything malformed raises :class:`SeasonError`."""
    windows = []
    for item in data or []:
        try:
            start, end = item["start"], item["end"]
            year = item.get("year")
            windows.append(
                window_make(
                    start=(int(start[0]), int(start[1])),
                    end=(int(end[0]), int(end[1])),
                    year=int(year) if year is not None else None,
                )
            )
        except (KeyError, TypeError, IndexError, ValueError) as error:
            if isinstance(error, SeasonError):
                raise
            raise SeasonError(_("Dữ liệu mùa vụ không hợp lệ.")) from None
    return windows


def occurrence(window: Window, year: int) -> Season:
    """The occurrence of ``window`` that starts in ``year`` (ends in ``year + 1`` when the
    window crosses the new year)."""
    start = _day_in(year, window.start_month, window.start_day)
    end_year = year + 1 if window.crosses_new_year else year
    return Season(start, _day_in(end_year, window.end_month, window.end_day))


def seasons_around(windows: list[Window], *, today: date, years: int = 1) -> list[Season]:
    """Every occurrence starting from ``years`` before ``today``'s year to ``years`` after, in
    date order. In a year for which a dated window exists, only dated windows count."""
    result = []
    for year in range(today.year - years - 1, today.year + years + 1):
        dated = [w for w in windows if w.year == year]
        chosen = dated or [w for w in windows if w.year is None]
        result.extend(occurrence(w, year) for w in chosen)
    return sorted(result, key=lambda s: (s.start, s.end))


def season_current(windows: list[Window], *, today: date) -> Season | None:
    """The occurrence ``today`` falls in, or ``None`` (also for a product with no windows)."""
    for season in seasons_around(windows, today=today):
        if season.contains(today):
            return season
    return None


def season_next(windows: list[Window], *, today: date) -> Season | None:
    """The first occurrence starting after ``today``, or ``None`` when there are no windows."""
    for season in seasons_around(windows, today=today, years=2):
        if season.start > today:
            return season
    return None


def is_seasonal(windows: list[Window]) -> bool:
    """A product is seasonal when it has at least one window (processed goods have none)."""
    return bool(windows)


def in_season(windows: list[Window], *, today: date) -> bool:
    """Whether a product with ``windows`` may be sold from stock on ``today``: always for a
    product with no windows, else only inside an occurrence."""
    return not windows or season_current(windows, today=today) is not None


def days_until(day: date, *, today: date) -> int:
    """Whole days from ``today`` to ``day`` (0 on the day itself)."""
    return (day - today).days


def season_months(windows: list[Window], *, year: int) -> list[bool]:
    """For the harvest calendar: twelve booleans, ``True`` for each month of ``year`` that has
    at least one harvest day."""
    months = [False] * 12
    for season in seasons_around(windows, today=date(year, 6, 30)):
        day = max(season.start, date(year, 1, 1))
        last = min(season.end, date(year, 12, 31))
        while day <= last:
            months[day.month - 1] = True
            day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return months


# --- selling: from stock, by pre-order, or not at all ------------------------------------------


class SaleMode(enum.StrEnum):
    """How the storefront sells a product on a given day."""

    STOCK = "stock"  # from the warehouse, as ever
    PREORDER = "preorder"  # reserved against a pre-order quota, delivered from the harvest
    CLOSED = "closed"  # out of season and no pre-orders open: not sold


def sale_mode(
    *, windows: list[Window], today: date, preorders_open: bool, stock_available: int
) -> SaleMode:
    """Out of season a seasonal product is sold only by pre-order (when open); in season from
    stock, or by pre-order when the harvest has not reached the warehouse yet (the start of the
    window) and pre-orders are open."""
    if in_season(windows, today=today):
        if stock_available <= 0 and preorders_open and windows:
            return SaleMode.PREORDER
        return SaleMode.STOCK
    return SaleMode.PREORDER if preorders_open else SaleMode.CLOSED


def preorders_may_open(windows: list[Window], *, today: date, grace_days: int = 14) -> bool:
    """Pre-orders are opened before a window, or in its first ``grace_days`` days (the harvest
    has begun but not reached the warehouse): never for a product that is not seasonal."""
    if not windows:
        return False
    current = season_current(windows, today=today)
    if current is None:
        return True
    return (today - current.start).days < grace_days


def quota_left(*, quota: int, taken: int) -> int:
    """Units still free under a pre-order quota (never negative)."""
    return max(quota - taken, 0)


def quota_admits(*, quota: int, taken: int, quantity: int) -> bool:
    """Whether ``quantity`` more units fit under the quota: it is never exceeded."""
    return quantity > 0 and taken + quantity <= quota


class DepositKind(enum.StrEnum):
    """How a pre-order's deposit (*tiền đặt cọc*) is set by the producer."""

    NONE = "none"
    AMOUNT = "amount"  # a fixed number of đồng per unit
    PERCENT = "percent"  # a percentage of the line's price


def deposit_amount(*, kind: str, value: int, unit_price: int, quantity: int) -> int:
    """The deposit, in whole đồng, for ``quantity`` units at ``unit_price``: never more than
    the line's price, never negative; a percentage is rounded up to the đồng."""
    line_total = max(unit_price, 0) * max(quantity, 0)
    if kind == DepositKind.AMOUNT:
        amount = max(value, 0) * max(quantity, 0)
    elif kind == DepositKind.PERCENT:
        amount = -(-line_total * max(min(value, 100), 0) // 100)
    else:
        amount = 0
    return min(amount, line_total)


def deposit_check(*, kind: str, value: int | None) -> None:
    """Refuse a deposit setting that cannot be right (:class:`SeasonError`)."""
    if kind not in DepositKind.__members__.values():
        raise SeasonError(_("Cách đặt cọc không hợp lệ."))
    if kind == DepositKind.PERCENT and not (1 <= (value or 0) <= 100):
        raise SeasonError(_("Tỷ lệ đặt cọc phải từ 1 đến 100%."))
    if kind == DepositKind.AMOUNT and (value or 0) <= 0:
        raise SeasonError(_("Tiền đặt cọc phải lớn hơn 0."))


def delivery_check(*, start: date, end: date, today: date) -> None:
    """Refuse an expected delivery period that ends before it starts or has already ended."""
    if end < start:
        raise SeasonError(_("Ngày giao dự kiến kết thúc trước ngày bắt đầu."))
    if end < today:
        raise SeasonError(_("Thời gian giao dự kiến đã qua."))
