"""Pure rules of the website: a fair's status from its dates, its iCalendar (RFC 5545) text, and
distances between places. No ORM, no settings, no clock: callers pass ``today`` and ``now``."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.utils.translation import gettext_lazy as _


class FairStatus(enum.StrEnum):
    """Where a fair stands on a given day."""

    UPCOMING = "upcoming"
    ON_NOW = "on_now"
    PAST = "past"


FAIR_STATUS_LABELS = {
    FairStatus.UPCOMING: _("Sắp diễn ra"),
    FairStatus.ON_NOW: _("Đang diễn ra"),
    FairStatus.PAST: _("Đã diễn ra"),
}


def fair_status(*, start: date, end: date, today: date) -> FairStatus:
    """Upcoming before ``start``, on now from ``start`` to ``end`` inclusive, past after ``end``."""
    if end < start:
        raise ValueError("A fair cannot end before it starts.")
    if today < start:
        return FairStatus.UPCOMING
    if today <= end:
        return FairStatus.ON_NOW
    return FairStatus.PAST


@dataclass(frozen=True)
class CalendarEvent:
    """What an .ics file says about one fair (all-day dates, end inclusive as people say it)."""

    uid: str
    title: str
    start: date
    end: date
    location: str = ""
    description: str = ""
    url: str = ""
    latitude: float | None = None
    longitude: float | None = None


def ics_escape(text: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def ics_fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character."""
    out: list[str] = []
    current = b""
    limit = 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            out.append(current.decode("utf-8"))
            current = b" "  # continuation lines start with one space, which counts
            limit = 75
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n".join(out)


def ics_calendar(event: CalendarEvent, *, now: datetime) -> str:
    """A VCALENDAR with one all-day VEVENT, CRLF line endings, DTSTAMP in UTC."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//OCOP Bac Giang//Website//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
        # DTEND of an all-day event is exclusive: the day after the last day.
        f"DTEND;VALUE=DATE:{event.end + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{ics_escape(event.title)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{ics_escape(event.location)}")
    if event.latitude is not None and event.longitude is not None:
        lines.append(f"GEO:{event.latitude:.6f};{event.longitude:.6f}")
    if event.description:
        lines.append(f"DESCRIPTION:{ics_escape(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(ics_fold(line) for line in lines) + "\r\n"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
