"""The website's pure rules (cms/events.py): fair status from dates, iCalendar text, distances."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone

import pytest

from cms import events
from cms.templatetags.cms_tags import jsonld

START, END = date(2026, 6, 10), date(2026, 6, 12)
NOW = datetime(2026, 6, 1, 8, 30, tzinfo=dt_timezone(timedelta(hours=7)))


def unfold(text: str) -> list[str]:
    """RFC 5545 §3.1: a CRLF followed by one space or tab continues the previous line."""
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (START - timedelta(days=1), events.FairStatus.UPCOMING),
        (START, events.FairStatus.ON_NOW),
        (END, events.FairStatus.ON_NOW),
        (END + timedelta(days=1), events.FairStatus.PAST),
    ],
)
def test_fair_status_follows_the_dates_with_both_ends_inclusive(today, expected):
    # given a fair from START to END
    # when / then
    assert events.fair_status(start=START, end=END, today=today) is expected


def test_fair_that_ends_before_it_starts_is_refused():
    # given / when / then
    with pytest.raises(ValueError, match="cannot end before"):
        events.fair_status(start=END, end=START, today=START)


def test_ics_uses_crlf_folds_long_lines_and_stamps_utc():
    # given a fair with a long Vietnamese title and a description with special characters
    event = events.CalendarEvent(
        uid="fair-1@ocop",
        title="Tuần lễ sản phẩm OCOP Bắc Giang " * 4,
        start=START,
        end=END,
        location="Nhà văn hóa; TP Bắc Giang, Việt Nam",
        description="Dòng 1\nDòng 2 \\ hết",
        latitude=21.2731,
        longitude=106.1946,
    )

    # when
    text = events.ics_calendar(event, now=NOW)

    # then every line ends with CRLF and is at most 75 octets long
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert "DTSTAMP:20260601T013000Z" in lines
    assert "DTSTART;VALUE=DATE:20260610" in lines
    assert "DTEND;VALUE=DATE:20260613" in lines  # exclusive: the day after the last day
    assert f"SUMMARY:{event.title}" in lines  # unfolding restores the title, marks intact
    assert "LOCATION:Nhà văn hóa\\; TP Bắc Giang\\, Việt Nam" in lines
    assert "DESCRIPTION:Dòng 1\\nDòng 2 \\\\ hết" in lines
    assert "GEO:21.273100;106.194600" in lines


def test_ics_fold_never_splits_a_multibyte_letter():
    # given a line of three-byte letters longer than 75 octets
    line = "SUMMARY:" + "ệ" * 60

    # when
    folded = events.ics_fold(line)

    # then each physical line decodes and unfolding gives the line back
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert unfold(folded) == [line]


def test_distance_between_bac_giang_and_hanoi_is_about_fifty_kilometres():
    # given Bắc Giang city and Hà Nội (Hoàn Kiếm)
    # when
    km = events.distance_km(21.2731, 106.1946, 21.0285, 105.8542)
    # then
    assert 40 < km < 50


def test_jsonld_cannot_close_its_script_element():
    # given text that tries to end the script
    data = {"name": "</script><script>alert(1)</script>"}
    # when
    html = jsonld(data)
    # then
    assert html.count("</script>") == 1
    assert html.startswith('<script type="application/ld+json">')
