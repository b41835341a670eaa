"""Test builders for fairs with booth sizes (pages need a home page, so they live here and not
in factories.py)."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.utils import timezone

_numbers = itertools.count(1)


def make_fair(
    *,
    home,
    starts_in: int = 30,
    days: int = 3,
    closes_in: int | None = 10,
    sizes=(("3x3 m", 20), ("3x6 m", 4)),
    title: str = "Hội chợ OCOP Bắc Giang",
):
    """A live fair under ``home`` (a fair index is made when missing) starting ``starts_in``
    days from today, taking applications until ``closes_in`` days from today (``None``: no
    online applications), with booth sizes ``(label, capacity)``."""
    from cms.models import FairBoothSize, FairIndexPage, FairPage

    index = FairIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=FairIndexPage(title="Hội chợ", slug="hoi-cho"))
    today = timezone.localdate()
    start = today + timedelta(days=starts_in)
    fair = FairPage(
        title=title,
        slug=f"hoi-cho-{next(_numbers)}",
        start_date=start,
        end_date=start + timedelta(days=days - 1),
        venue="Nhà văn hóa tỉnh",
        applications_close=None if closes_in is None else today + timedelta(days=closes_in),
    )
    for order, (label, capacity) in enumerate(sizes):
        fair.booth_sizes.add(FairBoothSize(label=label, capacity=capacity, sort_order=order))
    index.add_child(instance=fair)
    return fair


def booth_size(fair, label: str):
    """The fair's booth size called ``label``."""
    return fair.booth_sizes.get(label=label)
