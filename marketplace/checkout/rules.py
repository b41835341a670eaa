"""Checkout rules as data and pure functions: phone numbers, provinces, delivery charges and the
status of an order derived from its lines.

No ORM, no settings, no clock: callers pass everything in, so every boundary is unit-tested.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from vietnam_provinces import Province as _VnProvince
from vietnam_provinces import Ward as _VnWard

from marketplace.order import statuses

DATA_DIR = Path(__file__).resolve().parent / "data"

# Vietnamese mobile numbers: 10 digits starting 03, 05, 07, 08 or 09 (after the 2018 renumbering);
# landlines: 11 digits starting 02 (area code 02xx + 7 digits).
_MOBILE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")


def phone_normalize(raw: object) -> str | None:
    """The E.164 form (``+84…``) of a Vietnamese phone number, or ``None`` when it is not one.

    Accepts the national form (``0912 345 678``), ``+84``/``84`` prefixes, spaces, dots, dashes
    and brackets.
    """
    if not isinstance(raw, str):
        return None
    digits = re.sub(r"[\s.\-()]", "", raw.strip())
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not digits.isdigit():
        return None
    if _MOBILE.match(digits) or _LANDLINE.match(digits):
        return "+84" + digits[1:]
    return None


@dataclass(frozen=True)
class Province:
    """A province-level unit (tỉnh or thành phố trực thuộc trung ương) after 1 July 2025."""

    code: str
    name: str
    former: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The name, with the provinces merged into it in brackets (``Bắc Ninh (Bắc Giang)``)."""
        if self.former:
            return f"{self.name} ({', '.join(self.former)})"
        return self.name


@cache
def provinces() -> tuple[Province, ...]:
    """The 34 province-level units of Vietnam from 1 July 2025 (Resolution 202/2025/QH15)."""
    rows = json.loads((DATA_DIR / "provinces_2025.json").read_text(encoding="utf-8"))
    return tuple(Province(r["code"], r["name"], tuple(r.get("former", ()))) for r in rows)


def province_by_name(name: str) -> Province | None:
    """The province called ``name`` (current or former name, case-insensitive), if any."""
    wanted = (name or "").strip().casefold()
    for province in provinces():
        if wanted == province.name.casefold() or wanted in (f.casefold() for f in province.former):
            return province
    return None


# --- communes and wards (xã, phường, đặc khu) of today's provinces ---------------------------


def _fold(text: str) -> str:
    """Case, tone marks and đ folded, spaces collapsed: "Phường Chũ" → "phuong chu"."""
    text = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(text.casefold().split())


_WARD_PREFIXES = ("xa ", "phuong ", "dac khu ", "thi tran ")


def _bare(folded: str) -> str:
    for prefix in _WARD_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


@cache
def wards_by_province() -> dict[str, tuple[str, ...]]:
    """The 3,321 communes, wards and special zones in force from 1 July 2025, by province name
    as :func:`provinces` spells it ("Hà Nội", not "Thành phố Hà Nội"), sorted by name.

    From the ``vietnam-provinces`` package (the General Statistics Office's list; its version is
    pinned in ``constraints.txt``), which follows Resolution 202/2025/QH15 and the Standing
    Committee's resolutions on the new commune-level units."""
    names = {p.code: p.name.removeprefix("Thành phố ").strip() for p in _VnProvince.iter_all()}
    found: dict[str, list[str]] = {}
    for ward in _VnWard.iter_all():
        found.setdefault(names[ward.province_code], []).append(ward.name)
    return {name: tuple(sorted(wards, key=_fold)) for name, wards in found.items()}


def wards_of(province_name: str) -> tuple[str, ...]:
    """The communes and wards of the province called ``province_name`` (any spelling that
    :func:`province_by_name` accepts, former names included), or ``()``."""
    province = province_by_name(province_name)
    if province is None:
        return ()
    return wards_by_province().get(province.name, ())


def ward_match(province_name: str, typed: str) -> str | None:
    """The commune or ward of the province that ``typed`` names, in its official spelling, or
    ``None``. Case, tone marks and the "Xã"/"Phường"/"Đặc khu" prefix are optional ("phuong chu",
    "Chũ"), but a bare name shared by a xã and a phường must say which."""
    wanted = _fold(typed)
    if not wanted:
        return None
    wards = wards_of(province_name)
    exact = [w for w in wards if _fold(w) == wanted]
    if exact:
        return exact[0]
    bare = [w for w in wards if _bare(_fold(w)) == _bare(wanted)]
    return bare[0] if len(bare) == 1 else None


# --- delivery -------------------------------------------------------------------------------

IN_PROVINCE = "in_province"
OTHER_PROVINCES = "other_provinces"


@dataclass(frozen=True)
class DeliveryTariff:
    """Home-delivery prices in whole đồng: a base price per zone covering ``included_grams``,
    then ``per_extra_kg`` for each started kilogram above it; free from ``free_above``
    (goods total, delivery excluded; ``None`` never free). ``delivery_days`` gives each zone's
    usual delivery time in days (fewest, most), shown to the shopper as an estimate."""

    home_province: str
    base: dict[str, int]
    per_extra_kg: dict[str, int]
    included_grams: int = 1000
    free_above: int | None = 500_000
    delivery_days: dict[str, tuple[int, int]] = field(default_factory=dict)


def delivery_zone(*, province_name: str, tariff: DeliveryTariff) -> str:
    """``IN_PROVINCE`` when the address is in the shop's province (or a province merged into
    it), else ``OTHER_PROVINCES``."""
    province = province_by_name(province_name)
    home = province_by_name(tariff.home_province)
    if province is not None and home is not None and province == home:
        return IN_PROVINCE
    return OTHER_PROVINCES


def delivery_charge(
    *, zone: str, weight_grams: int, goods_total: int, tariff: DeliveryTariff
) -> int:
    """The home-delivery charge in đồng for a parcel of ``weight_grams`` to ``zone``."""
    if zone not in tariff.base:
        raise ValueError(f"unknown delivery zone {zone!r}")
    if weight_grams < 0 or goods_total < 0:
        raise ValueError("weight and total must not be negative")
    if tariff.free_above is not None and goods_total >= tariff.free_above:
        return 0
    extra_grams = max(0, weight_grams - tariff.included_grams)
    extra_kg = -(-extra_grams // 1000)  # every started kilogram
    return tariff.base[zone] + extra_kg * tariff.per_extra_kg[zone]


def delivery_estimate(*, zone: str, tariff: DeliveryTariff) -> tuple[int, int] | None:
    """(fewest, most) days a home delivery to ``zone`` usually takes, or ``None`` when the
    tariff gives no estimate for it."""
    days = tariff.delivery_days.get(zone)
    if days is None:
        return None
    low, high = int(days[0]), int(days[1])
    if low < 0 or high < low:
        raise ValueError(f"bad delivery days for {zone!r}: {days!r}")
    return low, high


def free_delivery_shortfall(*, goods_total: int, tariff: DeliveryTariff) -> int | None:
    """How many đồng of goods the basket still lacks for free home delivery: 0 once it is free,
    ``None`` when the tariff has no free-delivery threshold."""
    if tariff.free_above is None:
        return None
    if goods_total < 0:
        raise ValueError("total must not be negative")
    return max(0, tariff.free_above - goods_total)


# --- order status from line statuses --------------------------------------------------------

LINE_PENDING = statuses.PENDING
LINE_SHIPPED = statuses.SHIPPED
LINE_DELIVERED = statuses.DELIVERED
LINE_READY = statuses.READY_FOR_PICKUP
LINE_COLLECTED = statuses.COLLECTED
LINE_CANCELLED = statuses.CANCELLED
LINE_PACKED = statuses.PACKED

ORDER_PARTLY_SHIPPED = statuses.PARTLY_SHIPPED
ORDER_SHIPPED = statuses.SHIPPED
ORDER_DELIVERED = statuses.DELIVERED
ORDER_READY = statuses.READY_FOR_PICKUP
ORDER_COLLECTED = statuses.COLLECTED
ORDER_CANCELLED = statuses.CANCELLED

_FORWARD = {LINE_SHIPPED, LINE_DELIVERED}


def order_status_from_lines(statuses: Iterable[str], *, current: str) -> str:
    """The order status implied by its lines' statuses (cancelled lines do not count).

    All delivered → delivered; all collected → collected; all ready (or collected) → ready for
    pickup; all shipped or delivered → shipped; some shipped → partly shipped; otherwise the
    order keeps ``current``.
    """
    statuses = list(statuses)
    live = [s for s in statuses if s != LINE_CANCELLED]
    if not live:
        return ORDER_CANCELLED if statuses else current
    if all(s == LINE_DELIVERED for s in live):
        return ORDER_DELIVERED
    if all(s == LINE_COLLECTED for s in live):
        return ORDER_COLLECTED
    if all(s in (LINE_READY, LINE_COLLECTED) for s in live):
        return ORDER_READY
    if all(s in _FORWARD for s in live):
        return ORDER_SHIPPED
    if any(s in _FORWARD for s in live):
        return ORDER_PARTLY_SHIPPED
    return current


#: What a producer may do next with a line of a home-delivery order, and of a pickup order.
#: (Oscar's pipeline in settings is the union; these keep a pickup line from being "shipped"
#: and a delivery line from being "collected".)
DELIVERY_LINE_NEXT: dict[str, tuple[str, ...]] = {
    LINE_PENDING: (LINE_PACKED, LINE_SHIPPED),
    LINE_PACKED: (LINE_SHIPPED,),
    LINE_SHIPPED: (LINE_DELIVERED,),
}
PICKUP_LINE_NEXT: dict[str, tuple[str, ...]] = {
    LINE_PENDING: (LINE_READY,),
    LINE_READY: (LINE_COLLECTED,),
}


def line_next_statuses(status: str, *, pickup: bool) -> tuple[str, ...]:
    """The statuses a producer may move a line in ``status`` to (empty when it is done)."""
    return (PICKUP_LINE_NEXT if pickup else DELIVERY_LINE_NEXT).get(status, ())


# --- unpaid orders --------------------------------------------------------------------------

#: Which payments may lapse, keyed as in ``settings.OCOP_UNPAID_ORDER_HOURS``.
UNPAID_KINDS = ("bank_transfer", "card")


def unpaid_cutoffs(*, now: datetime, hours: dict[str, float]) -> dict[str, datetime]:
    """``{kind: moment}``: an order of that kind still unpaid and placed before ``moment`` is
    overdue at ``now``. Raises :class:`ValueError` for an unknown kind or a limit that is not a
    positive number of hours (a typo in settings must not cancel every order)."""
    cutoffs = {}
    for kind, limit in hours.items():
        if kind not in UNPAID_KINDS:
            raise ValueError(f"unknown unpaid-order kind {kind!r}")
        if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not limit > 0:
            raise ValueError(f"the time limit for {kind} must be a positive number of hours")
        cutoffs[kind] = now - timedelta(hours=limit)
    return cutoffs
