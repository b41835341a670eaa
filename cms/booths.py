"""Pure rules of fair booths: when a fair takes applications, what a producer may still change,
which review decisions exist and whether a booth size has room. No ORM, no settings, no clock:
callers pass ``today`` and the counts they read."""

from __future__ import annotations

import enum
from datetime import date

from django.utils.translation import gettext_lazy as _


class ApplicationStatus(enum.StrEnum):
    """Where a producer's booth application stands."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    WAITLISTED = "waitlisted"
    REFUSED = "refused"


APPLICATION_STATUS_LABELS = {
    ApplicationStatus.PENDING: _("Chờ xét duyệt"),
    ApplicationStatus.ACCEPTED: _("Được nhận gian hàng"),
    ApplicationStatus.WAITLISTED: _("Danh sách chờ"),
    ApplicationStatus.REFUSED: _("Không được nhận"),
}

#: The decisions an organiser may take on an application (any of them from any state, so a
#: waitlisted producer can be accepted when a booth frees up, or an accepted one withdrawn).
DECISIONS = (ApplicationStatus.ACCEPTED, ApplicationStatus.WAITLISTED, ApplicationStatus.REFUSED)

#: A booth number is short text printed on the plan: "A01", "12", "B-3".
BOOTH_NUMBER_MAX_LENGTH = 10


def applications_open(*, closes_on: date | None, starts_on: date, today: date) -> bool:
    """Whether a fair takes applications on ``today``: it has a closing date, that date has not
    passed (applications are taken on the closing day itself), and the fair has not started."""
    if closes_on is None:
        return False
    return today <= closes_on and today < starts_on


def application_editable(
    *, status: str, closes_on: date | None, starts_on: date, today: date
) -> bool:
    """A producer may change an application until the organiser has reviewed it, and only while
    the fair still takes applications."""
    return status == ApplicationStatus.PENDING and applications_open(
        closes_on=closes_on, starts_on=starts_on, today=today
    )


def booth_size_has_room(*, capacity: int, accepted: int) -> bool:
    """Whether one more application may be accepted for a size with ``capacity`` booths of
    which ``accepted`` are already taken."""
    return accepted < capacity


def outcomes_recordable(*, ends_on: date, today: date) -> bool:
    """Outcomes (visitors, sales, contracts) are recorded from the fair's last day on: the
    organiser tallies them at closing time or after."""
    return today >= ends_on


def normalise_booth_number(value: str) -> str:
    """``" a01 "`` → ``"A01"``: booth numbers compare without case or surrounding spaces."""
    return (value or "").strip().upper()


def pickup_settable(*, status: str, ends_on: date, today: date) -> bool:
    """A producer may offer (or withdraw) pickup at its booth while the application is pending
    or accepted, until the fair's last day included."""
    return status in (ApplicationStatus.PENDING, ApplicationStatus.ACCEPTED) and today <= ends_on
