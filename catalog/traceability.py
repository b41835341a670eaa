"""Traceability rules: growing-area and packing-facility codes, batch codes, which batch a shipped
order line came from. Pure functions (no ORM, no settings, no clock), like :mod:`catalog.ocop`.

Growing-area and packing-facility codes (*mã số vùng trồng*, *mã số cơ sở đóng gói*)
--------------------------------------------------------------------------------------
The Plant Protection Department (*Cục Bảo vệ thực vật*) issues export codes written
``VN-<province><kind>-<number>``: ``VN``, the province's letters (``BG`` for Bắc Giang, two to four
letters), the kind (``OR`` orchard, i.e. a growing area; ``PH`` packing house), a hyphen and a
serial number, e.g. ``VN-BGOR-0012`` (a growing area in Bắc Giang) or ``VN-BGPH-0003`` (a packing
facility). What is accepted, and stored in that canonical spelling:

- letters in either case, spaces, underscores, dots or dashes of any kind (``–``, ``—``) between the
  parts, or none at all (``vn bgor 12``, ``VNBGOR0012`` both read as ``VN-BGOR-0012`` with the
  number kept as written: ``vn bgor 12`` is ``VN-BGOR-12``);
- a number of one to six digits (serials seen on published lists have three or four);
- the right kind for the field: ``OR`` for a growing area, ``PH`` for a packing facility.

Anything else (other countries' prefixes, no kind, letters in the number, more than 30
characters) is refused with a message naming the expected form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

#: Kind letters inside a code, by field.
GROWING_AREA = "OR"
PACKING_FACILITY = "PH"
KIND_NAMES = {GROWING_AREA: "vùng trồng", PACKING_FACILITY: "cơ sở đóng gói"}
EXAMPLES = {GROWING_AREA: "VN-BGOR-0012", PACKING_FACILITY: "VN-BGPH-0003"}

MAX_CODE_INPUT = 30
_SEPARATORS = re.compile(r"[\s_.\-\u2010-\u2015\u2212]+")
_CODE = re.compile(r"^VN([A-Z]{2,4}?)(OR|PH)(\d{1,6})$")


class TraceCodeError(ValueError):
    """A code that cannot be read; ``str(error)`` is a message for the user (Vietnamese)."""


def trace_code_parse(text: str, *, kind: str) -> str:
    """The canonical spelling (``VN-BGOR-0012``) of a growing-area (``kind=GROWING_AREA``) or
    packing-facility (``kind=PACKING_FACILITY``) code typed as ``text``; raises
    :class:`TraceCodeError` for anything else (see the module docstring for what is accepted)."""
    if kind not in KIND_NAMES:
        raise ValueError(f"unknown code kind {kind!r}")
    raw = (text or "").strip()
    expected = f"Mã số {KIND_NAMES[kind]} có dạng {EXAMPLES[kind]}."
    if not raw or len(raw) > MAX_CODE_INPUT:
        raise TraceCodeError(expected)
    compact = _SEPARATORS.sub("", raw.upper())
    match = _CODE.match(compact)
    if match is None:
        raise TraceCodeError(expected)
    province, found_kind, number = match.groups()
    if found_kind != kind:
        raise TraceCodeError(
            f"Đây là mã số {KIND_NAMES[found_kind]} ({found_kind}), không phải mã số "
            f"{KIND_NAMES[kind]} ({kind}). {expected}"
        )
    return f"VN-{province}{found_kind}-{number}"


def is_export_growing_area_code(text: str | None) -> bool:
    """Whether ``text`` is a readable growing-area code (what the "has an export growing-area
    code" search filter means)."""
    try:
        trace_code_parse(text or "", kind=GROWING_AREA)
    except TraceCodeError:
        return False
    return True


# --- batch codes --------------------------------------------------------------------------------

#: Crockford's base 32: no I, L, O or U, so a code read aloud or off a smudged label is not
#: mistaken (0/O, 1/I/L).
BATCH_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: 8 characters = 40 bits: short enough to type from a label, unguessable enough that batch
#: pages cannot be walked (they are public, but a producer's volumes are not a directory).
BATCH_CODE_LENGTH = 8
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def batch_code_generate(choice: Callable[[Sequence[str]], str]) -> str:
    """A new batch code drawn with ``choice`` (``secrets.choice`` in production; a seeded
    ``random.Random().choice`` in tests). Uniqueness is the caller's check."""
    return "".join(choice(BATCH_CODE_ALPHABET) for _ in range(BATCH_CODE_LENGTH))


def batch_code_normalise(text: str | None) -> str | None:
    """The stored code that ``text`` (as typed or printed: any case, spaces or dashes, O for 0,
    I or L for 1) stands for, or ``None`` when it cannot be one."""
    compact = _SEPARATORS.sub("", (text or "").upper()).translate(_CONFUSABLE)
    if len(compact) != BATCH_CODE_LENGTH or any(c not in BATCH_CODE_ALPHABET for c in compact):
        return None
    return compact


def batch_code_display(code: str) -> str:
    """How a code is printed for people: two groups of four (``7K3Q-9XMD``)."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


# --- which batch an order line came from -----------------------------------------------------


@dataclass(frozen=True)
class BatchStock:
    """A batch as the picking rule sees it: its key, date and what is left of it."""

    key: int
    harvest_date: date
    remaining: int


def batch_pick(batches: Iterable[BatchStock], *, quantity: int) -> int | None:
    """The batch a shipped line of ``quantity`` units is recorded against by default: the oldest
    (harvest date, then first recorded) that still has ``quantity`` units left — first in, first
    out, as fresh produce is sold. ``None`` when no batch has enough (the line is then shipped
    without a batch rather than charged to one that could not have filled it)."""
    fitting = [b for b in batches if b.remaining >= quantity > 0]
    if not fitting:
        return None
    return min(fitting, key=lambda b: (b.harvest_date, b.key)).key


def batch_remaining(*, quantity: int, shipped: int) -> int:
    """Units of a batch not yet recorded against shipped lines (never below zero)."""
    return max(quantity - shipped, 0)
