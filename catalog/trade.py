"""Rules of wholesale enquiries (*kết nối giao thương*): business buyers' tax codes, where goods
may go, the states an enquiry passes through, and CSV cells safe to open in a spreadsheet.

Pure: no ORM, no settings, no clock. The services in :mod:`producers.services` and the forms
ask these functions; none re-implements them.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy

# --- tax codes (mã số thuế) -------------------------------------------------------------------

#: Weights of the first nine digits of a 10-digit enterprise tax code, left to right.
TAX_CODE_WEIGHTS: tuple[int, ...] = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_TAX_CODE = re.compile(r"^(\d{10})(?:-(\d{3}))?$")


def tax_code_check_digit(first_nine: str) -> int | None:
    """The check digit (the 10th) of a tax code whose first nine digits are ``first_nine``, or
    ``None`` when no code is issued with them.

    The 10-digit code is N1N2 (the issuing province), N3–N9 (a sequence) and N10, a check digit
    computed by the tax authority's rule: multiply the nine digits by 31, 29, 23, 19, 17, 13, 7,
    5, 3, add the products, and the check digit is ``10 − (sum mod 11)``. When ``sum mod 11`` is
    0 the result would be 10, which is no digit: such a nine-digit prefix is never issued.
    Checked against published codes, e.g. Vinamilk 0300588569 and FPT 0101248141.
    """
    if len(first_nine) != 9 or not first_nine.isdigit():
        raise ValueError("nine digits expected")
    total = sum(int(d) * w for d, w in zip(first_nine, TAX_CODE_WEIGHTS, strict=True))
    check = 10 - total % 11
    return None if check == 10 else check


def tax_code_normalise(code: str) -> str:
    """``code`` without spaces and dots (buyers copy codes as "0300 588 569" or
    "0300.588.569"); dashes are kept, they separate a branch's suffix."""
    return re.sub(r"[\s.]", "", code or "")


def tax_code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid Vietnamese enterprise tax code, or ``None`` when it is.

    Valid: 10 digits (an enterprise or organisation) or 10 digits, a dash and 3 digits (a
    dependent unit: branch, representative office), after :func:`tax_code_normalise`. The 10th
    digit must match :func:`tax_code_check_digit`; a branch suffix is 001–999 (000 is never
    issued). The 12-digit personal codes (citizen ID numbers) are not business codes.
    """
    match = _TAX_CODE.match(tax_code_normalise(code))
    if match is None:
        return str(
            gettext_lazy(
                "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 "
                "chữ số đối với chi nhánh (ví dụ 0300588569 hoặc "
                "0300588569-001)."
            )
        )
    ten, branch = match.groups()
    if tax_code_check_digit(ten[:9]) != int(ten[9]):
        return str(
            gettext_lazy(
                "Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không "
                "khớp. Vui lòng kiểm tra lại."
            )
        )
    if branch == "000":
        return str(gettext_lazy("Mã chi nhánh (3 chữ số sau dấu gạch ngang) bắt đầu từ 001."))
    return None


# --- where the goods go ------------------------------------------------------------------------

#: The 34 provincial-level units in force since 1 July 2025 (Resolution 202/2025/QH15): six
#: centrally-run cities, then the provinces. Bắc Giang is part of Bắc Ninh since that day.
PROVINCES: tuple[str, ...] = (
    "Hà Nội",
    "Huế",
    "Hải Phòng",
    "Đà Nẵng",
    "TP. Hồ Chí Minh",
    "Cần Thơ",
    "Tuyên Quang",
    "Cao Bằng",
    "Lai Châu",
    "Lào Cai",
    "Thái Nguyên",
    "Điện Biên",
    "Lạng Sơn",
    "Sơn La",
    "Phú Thọ",
    "Bắc Ninh",
    "Quảng Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)

#: Export markets offered by name (ISO 3166-1 alpha-2 → name); any other country is "OTHER",
#: with the country written in the message.
COUNTRIES: dict[str, object] = {
    "CN": gettext_lazy("Trung Quốc"),
    "JP": gettext_lazy("Nhật Bản"),
    "KR": gettext_lazy("Hàn Quốc"),
    "US": gettext_lazy("Hoa Kỳ"),
    "AU": gettext_lazy("Úc"),
    "SG": gettext_lazy("Singapore"),
    "TH": gettext_lazy("Thái Lan"),
    "LA": gettext_lazy("Lào"),
    "KH": gettext_lazy("Campuchia"),
    "TW": gettext_lazy("Đài Loan"),
    "DE": gettext_lazy("Đức"),
    "FR": gettext_lazy("Pháp"),
    "NL": gettext_lazy("Hà Lan"),
    "GB": gettext_lazy("Anh"),
    "AE": gettext_lazy("UAE"),
    "OTHER": gettext_lazy("Nước khác (ghi trong lời nhắn)"),
}


def destination_choices() -> list[tuple[str, list[tuple[str, object]]]]:
    """Grouped choices for a form: provinces (``VN:<name>``), then countries (``<ISO>``)."""
    return [
        (gettext_lazy("Trong nước"), [(f"VN:{name}", name) for name in PROVINCES]),
        (gettext_lazy("Xuất khẩu"), list(COUNTRIES.items())),
    ]


def destination_label(code: str) -> str:
    """What a stored destination code reads as ("Hà Nội", "Nhật Bản"); unknown codes as is."""
    if code.startswith("VN:"):
        return code[3:]
    return str(COUNTRIES.get(code, code))


def destination_valid(code: str) -> bool:
    """Whether ``code`` is one of :func:`destination_choices`."""
    if code.startswith("VN:"):
        return code[3:] in PROVINCES
    return code in COUNTRIES


def destination_is_export(code: str) -> bool:
    """Whether the goods leave Vietnam."""
    return not code.startswith("VN:")


# --- units and sizes ---------------------------------------------------------------------------

#: Units a buyer may ask in (value → label).
UNITS: dict[str, object] = {
    "kg": gettext_lazy("kg"),
    "tan": gettext_lazy("tấn"),
    "thung": gettext_lazy("thùng"),
    "hop": gettext_lazy("hộp"),
    "chai": gettext_lazy("chai"),
    "goi": gettext_lazy("gói"),
    "con": gettext_lazy("con"),
    "lit": gettext_lazy("lít"),
}
#: The longest message (and reply) in characters: a page of A4, more than any enquiry needs,
#: short enough that the form is no free file store for spammers.
MESSAGE_MAX_CHARS = 3000
#: The largest quantity (a typo guard: a million tonnes is not an enquiry).
QUANTITY_MAX = 1_000_000


# --- states --------------------------------------------------------------------------------------

NEW, REPLIED, QUOTED, WON, LOST = "new", "replied", "quoted", "won", "lost"
#: Every state, in the order an enquiry moves (labels: ``producers.models.Enquiry.Status``).
STATUSES: tuple[str, ...] = (NEW, REPLIED, QUOTED, WON, LOST)
#: The outcomes a producer marks; ``won`` and ``lost`` close the enquiry.
OUTCOMES: tuple[str, ...] = (QUOTED, WON, LOST)
CLOSED: frozenset[str] = frozenset({WON, LOST})


class TradeRuleError(ValueError):
    """A step the enquiry's state does not allow; the message is shown to the user."""


def status_after_reply(status: str) -> str:
    """The state after the producer replies: a new enquiry becomes "replied"; a quoted or
    closed one keeps its state (a reply does not undo a quote or an outcome)."""
    return REPLIED if status == NEW else status


def status_after_outcome(status: str, outcome: str) -> str:
    """The state after the producer marks ``outcome``; raises :class:`TradeRuleError` when
    ``outcome`` is not one of :data:`OUTCOMES` or the enquiry is already closed (won or lost
    is final: the programme's counts must not change behind its back)."""
    if outcome not in OUTCOMES:
        raise TradeRuleError(str(gettext_lazy("Kết quả không hợp lệ.")))
    if status in CLOSED:
        raise TradeRuleError(str(gettext_lazy("Yêu cầu đã kết thúc, không đổi kết quả được.")))
    return outcome


# --- CSV -----------------------------------------------------------------------------------------

#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
#: equals, plus, minus, at, and tab and carriage return, which some spreadsheets skip.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """``value`` safe for a CSV cell: text starting with a formula character gets a leading
    apostrophe, so a spreadsheet shows it as text instead of running it. Numbers pass as is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
