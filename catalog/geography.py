"""Dated geography: administrative units with their validity periods, as data and pure functions.

Vietnam's local government became two-level on 1 July 2025 (Law 72/2025/QH15 on the
organisation of local government; Resolution 202/2025/QH15 on the arrangement of provinces):
the district level (huyện, thị xã, thành phố thuộc tỉnh) ended on 30 June 2025, and Bắc Giang
province was merged into Bắc Ninh province. Communes, wards and townships were merged into new
communes and wards (xã, phường) under each province's resolution of the National Assembly's
Standing Committee; for Bắc Ninh (with the former Bắc Giang) that is Resolution
1658/NQ-UBTVQH15 of 16 June 2025.

A unit here is a commune-level unit as it was named during one period, with the district it
belonged to (before the reform), the province it belonged to, and the unit it became
(``successor``). A unit valid on a day answers for itself; a unit that ended before the day
answers with its successor (followed as far as needed); nothing is known before a unit began.

The province-level names live in :data:`PROVINCE_NAMES` (by key and period) so that a later
renaming is a change of data. Nothing here reads the clock, the ORM or settings: callers pass
the day (``today`` for "what is it called now", a certificate's date for "what was it called
then").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

#: The first day of two-level local government (no district level; Bắc Giang within Bắc Ninh).
REFORM_DAY = date(2025, 7, 1)
#: The last day the district-level units existed.
LAST_DISTRICT_DAY = date(2025, 6, 30)


@dataclass(frozen=True)
class ProvinceName:
    """The name of a province-level unit during a period (``None``: open-ended)."""

    kind: str
    name: str
    valid_from: date | None = None
    valid_until: date | None = None

    def valid_on(self, day: date) -> bool:
        """Whether this name was in force on ``day``."""
        return _within(day, self.valid_from, self.valid_until)


#: Province-level units by key, each a sequence of names by period. "bac-giang" is the former
#: Bắc Giang province (until 30/06/2025); "bac-ninh" is Bắc Ninh, which from 01/07/2025 also
#: covers the former Bắc Giang (Resolution 202/2025/QH15, Article 1). Only the names that the
#: software shows are here; Bắc Ninh's own name before the merger is not needed by any unit.
PROVINCE_NAMES: dict[str, tuple[ProvinceName, ...]] = {
    "bac-giang": (ProvinceName("Tỉnh", "Bắc Giang", None, LAST_DISTRICT_DAY),),
    "bac-ninh": (ProvinceName("Tỉnh", "Bắc Ninh", REFORM_DAY, None),),
}


def province_name(key: str, day: date) -> ProvinceName | None:
    """The name of province ``key`` on ``day``; outside every known period, its nearest name
    (a province's name is still the best label for a day just outside the data), or ``None``
    for an unknown key."""
    names = PROVINCE_NAMES.get(key, ())
    for name in names:
        if name.valid_on(day):
            return name
    if not names:
        return None
    return names[0] if names[0].valid_from and day < names[0].valid_from else names[-1]


@dataclass(frozen=True)
class Unit:
    """A commune-level unit (xã, phường, thị trấn) as named during one period.

    ``district_kind``/``district_name``: the district-level unit it belonged to (empty after the
    reform, when there is none). ``province``: a key of :data:`PROVINCE_NAMES`. ``successor``:
    the unit it became when it ended (``None`` while it is in force, or when not recorded).
    """

    kind: str
    name: str
    province: str
    valid_from: date | None = None
    valid_until: date | None = None
    district_kind: str = ""
    district_name: str = ""
    successor: Unit | None = None

    def valid_on(self, day: date) -> bool:
        """Whether this unit existed under this name on ``day``."""
        return _within(day, self.valid_from, self.valid_until)


class GeographyError(ValueError):
    """Unit data that cannot be right (a successor that began before its predecessor ended…)."""


def unit_on(unit: Unit, day: date) -> Unit | None:
    """What ``unit`` was called on ``day``: itself while in force, the unit it became (followed
    through every later change) after it ended, ``None`` before it began or when the chain of
    successors is not recorded that far."""
    seen = 0
    current: Unit | None = unit
    while current is not None:
        if current.valid_from is not None and day < current.valid_from:
            return None
        if current.valid_until is None or day <= current.valid_until:
            return current
        current = current.successor
        seen += 1
        if seen > 50:  # a cycle in the data; no real chain is this long
            raise GeographyError(_("Chuỗi đơn vị kế thừa bị vòng lặp."))
    return None


def became(unit: Unit) -> tuple[Unit, ...]:
    """The units ``unit`` became, in order (empty while it is in force or unrecorded)."""
    chain: list[Unit] = []
    current = unit.successor
    while current is not None and len(chain) <= 50:
        chain.append(current)
        current = current.successor
    return tuple(chain)


def check_successor(unit: Unit, successor: Unit) -> list[str]:
    """Why ``successor`` cannot be what ``unit`` became (empty list: it can).

    The successor must begin the day after the unit ends, and the unit must have ended."""
    errors = []
    if unit.valid_until is None:
        errors.append(_("Đơn vị còn hiệu lực thì chưa có đơn vị kế thừa."))
    elif successor.valid_from is None or (successor.valid_from - unit.valid_until).days != 1:
        errors.append(
            _("Đơn vị kế thừa phải bắt đầu ngay sau ngày %(day)s.")
            % {"day": f"{unit.valid_until:%d/%m/%Y}"}
        )
    return errors


# --- labels ------------------------------------------------------------------------------------

# One pattern per kind of unit, so that each language puts the name where it belongs
# ("xã Nam Dương" / "Nam Dương commune"). Kinds not listed print as "kind name".
_PATTERNS = {
    "xã": gettext_noop("xã %(name)s"),
    "phường": gettext_noop("phường %(name)s"),
    "thị trấn": gettext_noop("thị trấn %(name)s"),
    "huyện": gettext_noop("huyện %(name)s"),
    "thị xã": gettext_noop("thị xã %(name)s"),
    "thành phố": gettext_noop("thành phố %(name)s"),
    "tỉnh": gettext_noop("tỉnh %(name)s"),
}


def named(kind: str, name: str) -> str:
    """``kind`` and ``name`` in the active language ("xã Nam Dương", "Nam Dương commune")."""
    pattern = _PATTERNS.get(kind.strip().casefold())
    if pattern is None:
        return f"{kind} {name}".strip()
    return _(pattern) % {"name": name}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def unit_label(unit: Unit, day: date, *, capitalise: bool = True) -> str:
    """The full name of ``unit`` with its district (if any) and its province as named on
    ``day``: "Thị trấn Chũ, huyện Lục Ngạn, tỉnh Bắc Giang"; "Phường Chũ, tỉnh Bắc Ninh"
    (``capitalise=False`` inside a sentence: "thị trấn Chũ, …")."""
    parts = [named(unit.kind, unit.name)]
    if unit.district_name:
        parts.append(named(unit.district_kind, unit.district_name))
    province = province_name(unit.province, day)
    if province is not None:
        parts.append(named(province.kind, province.name))
    text = ", ".join(parts)
    return _capitalised(text) if capitalise else text


@dataclass(frozen=True)
class Naming:
    """How to show a unit recorded at some time: ``today`` (its name now, or the recorded one
    when no successor is known), and ``former`` with ``changed_on`` when the two differ."""

    today: str
    former: str = ""
    changed_on: date | None = None

    def __str__(self) -> str:
        if not self.former:
            return self.today
        return _("%(today)s (trước %(day)s: %(former)s)") % {
            "today": self.today,
            "day": f"{self.changed_on:%d/%m/%Y}" if self.changed_on else "",
            "former": self.former,
        }


def naming(unit: Unit, *, today: date) -> Naming:
    """Today's name of ``unit`` and, when it is no longer in force, its recorded name with the
    day the change took effect: "Phường Chũ, tỉnh Bắc Ninh (trước 01/07/2025: thị trấn Chũ,
    huyện Lục Ngạn, tỉnh Bắc Giang)". A unit that ended with no recorded successor is shown by
    its recorded name alone (nothing invented)."""
    now = unit_on(unit, today)
    recorded_day = unit.valid_until or today
    if now is None or now is unit:
        return Naming(unit_label(unit, min(today, recorded_day)))
    return Naming(
        unit_label(now, today),
        former=unit_label(unit, recorded_day, capitalise=False),
        changed_on=now.valid_from,
    )


def label_on(unit: Unit, day: date) -> str:
    """The name the unit had on ``day`` (for certificates and decisions, which keep the unit of
    their date); the recorded name when ``day`` is outside every known period."""
    then = unit_on(unit, day)
    if then is None:
        return unit_label(unit, unit.valid_until or day)
    return unit_label(then, day)


def _within(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)
