"""Time spans read as Vietnamese under vi ("17 phút trước" in the admin's listings): Django's
Vietnamese catalogue has none of them (``locale/vi`` adds them)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import translation
from django.utils.timesince import timesince as django_timesince


def timesince(start, now) -> str:
    """Django's time span with its no-break spaces as plain ones."""
    return django_timesince(start, now).replace("\xa0", " ")


def test_time_spans_read_as_vietnamese():
    now = datetime(2026, 12, 8, 9, 0)
    with translation.override("vi"):
        assert timesince(now - timedelta(minutes=17), now) == "17 phút"
        assert timesince(now - timedelta(days=3, hours=2), now) == "3 ngày, 2 giờ"
        assert timesince(now - timedelta(days=400), now) == "1 năm, 1 tháng"
    with translation.override("en"):
        assert timesince(now - timedelta(minutes=17), now) == "17 minutes"
