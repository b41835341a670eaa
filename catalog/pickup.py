"""Pure rules of pickup places: when a place hands over pickup orders and when a fair booth's
stock goes back to the producer's online warehouse. No ORM, no settings, no clock: callers pass
``today`` and the place's kind and dates."""

from __future__ import annotations

from datetime import date

SHOWROOM = "showroom"
FAIR = "fair"


def pickup_open(*, kind: str, open_from: date | None, open_until: date | None, today: date) -> bool:
    """Whether a place takes pickup orders on ``today``: a showroom point always; a fair booth
    only from the fair's first day to its last, both included (no dates: pickup withdrawn)."""
    if kind == SHOWROOM:
        return True
    if kind != FAIR or open_from is None or open_until is None:
        return False
    return open_from <= today <= open_until


def booth_stockable(*, open_until: date | None, today: date) -> bool:
    """Whether a producer may still send stock to a fair booth: before the fair and during it,
    not once it has ended or pickup was withdrawn."""
    return open_until is not None and today <= open_until


def booth_stock_returnable(*, open_until: date | None, today: date) -> bool:
    """Whether what is left at a fair booth goes back to the online warehouse on ``today``:
    from the day after the fair's last day, or at once when pickup was withdrawn."""
    return open_until is None or today > open_until
