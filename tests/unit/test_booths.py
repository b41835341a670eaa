"""The booth rules (cms/booths.py): when a fair takes applications, what a producer may still
change, room per booth size, when outcomes are recorded, booth numbers."""

from __future__ import annotations

from datetime import date

import pytest

from cms import booths

START = date(2026, 6, 12)


@pytest.mark.parametrize(
    "closes_on, today, expected",
    [
        (date(2026, 6, 1), date(2026, 5, 31), True),
        (date(2026, 6, 1), date(2026, 6, 1), True),  # the closing day itself
        (date(2026, 6, 1), date(2026, 6, 2), False),
        (None, date(2026, 5, 1), False),  # no online applications
        (date(2026, 6, 20), START, False),  # a closing date after the start: closed once it starts
    ],
)
def test_applications_are_open_until_the_end_of_the_closing_day(closes_on, today, expected):
    assert booths.applications_open(closes_on=closes_on, starts_on=START, today=today) is expected


@pytest.mark.parametrize(
    "status, expected",
    [
        ("pending", True),
        ("accepted", False),
        ("waitlisted", False),
        ("refused", False),
    ],
)
def test_only_a_pending_application_is_editable(status, expected):
    assert (
        booths.application_editable(
            status=status, closes_on=date(2026, 6, 1), starts_on=START, today=date(2026, 5, 1)
        )
        is expected
    )


def test_a_pending_application_is_frozen_once_applications_close():
    assert not booths.application_editable(
        status="pending", closes_on=date(2026, 6, 1), starts_on=START, today=date(2026, 6, 2)
    )


@pytest.mark.parametrize(
    "capacity, accepted, expected",
    [
        (4, 3, True),
        (4, 4, False),
        (0, 0, False),
        (1, 0, True),
    ],
)
def test_a_booth_size_has_room_until_its_capacity_is_taken(capacity, accepted, expected):
    assert booths.booth_size_has_room(capacity=capacity, accepted=accepted) is expected


@pytest.mark.parametrize(
    "today, expected",
    [
        (date(2026, 6, 13), False),
        (date(2026, 6, 14), True),
        (date(2026, 7, 1), True),
    ],
)
def test_outcomes_are_recorded_from_the_last_day_on(today, expected):
    assert booths.outcomes_recordable(ends_on=date(2026, 6, 14), today=today) is expected


def test_booth_numbers_compare_without_case_or_spaces():
    assert booths.normalise_booth_number("  a01 ") == "A01"
    assert booths.normalise_booth_number("") == ""


def test_every_status_has_a_label_and_pending_is_no_decision():
    assert set(booths.APPLICATION_STATUS_LABELS) == set(booths.ApplicationStatus)
    assert booths.ApplicationStatus.PENDING not in booths.DECISIONS


@pytest.mark.parametrize(
    ("status", "today", "expected"),
    [
        ("pending", date(2026, 12, 12), True),
        ("accepted", date(2026, 12, 12), True),  # the fair's last day
        ("accepted", date(2026, 12, 13), False),  # the day after
        ("waitlisted", date(2026, 12, 1), False),
        ("refused", date(2026, 12, 1), False),
    ],
)
def test_pickup_at_the_booth_is_settable_while_pending_or_accepted_until_the_last_day(
    status, today, expected
):
    # given a fair ending on 12/12/2026; when / then
    assert booths.pickup_settable(status=status, ends_on=date(2026, 12, 12), today=today) is (
        expected
    )
