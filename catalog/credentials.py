"""Product credentials: the kinds, the barcode rule and when a credential shows.

A credential is something a product can prove besides its OCOP rating: industrial-property
protection (*bảo hộ quyền sở hữu công nghiệp*: geographical indications, collective,
certification and registered trademarks), a barcode (*mã số, mã vạch*), a quality or
food-safety certificate, a growing-area code. The kinds are data (:data:`KINDS`); a new kind is
one entry here. Everything is pure: callers pass ``today``; nothing reads the ORM, settings or
the clock.

Sources: Law on Intellectual Property (*Luật Sở hữu trí tuệ*: geographical indications, collective
and certification trademarks); GS1 General Specifications (GTIN check digit; prefix 893 is
GS1 Vietnam); TCVN 11892-1:2017 (VietGAP); TCVN 11041 (organic); Decree 15/2018/NĐ-CP (the
food-safety establishment certificate, *giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm*).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class CredentialError(ValueError):
    """A credential that breaks a rule; ``str(error)`` is a message fit for the user."""


class Kind(enum.StrEnum):
    """Every kind of product credential (the value is stored and used in query strings)."""

    GEOGRAPHICAL_INDICATION = "gi"
    COLLECTIVE_TRADEMARK = "collective_tm"
    CERTIFICATION_TRADEMARK = "certification_tm"
    REGISTERED_TRADEMARK = "trademark"
    BARCODE = "barcode"
    VIETGAP = "vietgap"
    ORGANIC = "organic"
    HACCP = "haccp"
    ISO_22000 = "iso22000"
    FOOD_SAFETY = "food_safety"
    GROWING_AREA = "growing_area"


class Family(enum.StrEnum):
    """How the programme sorts credentials (the progress page counts the first family)."""

    INDUSTRIAL_PROPERTY = "industrial_property"
    BARCODE = "barcode"
    QUALITY = "quality"
    TRACEABILITY = "traceability"


@dataclass(frozen=True)
class KindInfo:
    """One kind: its names, its family, what its number is called and whether it lapses.

    ``expires`` is ``False`` for kinds that hold until cancelled (a geographical indication is
    protected indefinitely; a barcode stays assigned while the membership is paid, which the
    site does not track); ``needs_end`` says the end date must be recorded (certificates with a
    fixed term). ``short`` is the badge text.
    """

    kind: Kind
    label: str
    short: str
    family: Family
    number_label: str
    default_issuer: str
    expires: bool = True
    needs_end: bool = False


KINDS: Mapping[Kind, KindInfo] = {
    info.kind: info
    for info in (
        KindInfo(
            Kind.GEOGRAPHICAL_INDICATION,
            gettext_lazy("Chỉ dẫn địa lý"),
            gettext_lazy("Chỉ dẫn địa lý"),
            Family.INDUSTRIAL_PROPERTY,
            gettext_lazy("Số giấy chứng nhận đăng ký chỉ dẫn địa lý"),
            "Cục Sở hữu trí tuệ",
            expires=False,
        ),
        KindInfo(
            Kind.COLLECTIVE_TRADEMARK,
            gettext_lazy("Nhãn hiệu tập thể"),
            gettext_lazy("Nhãn hiệu tập thể"),
            Family.INDUSTRIAL_PROPERTY,
            gettext_lazy("Số giấy chứng nhận đăng ký nhãn hiệu"),
            "Cục Sở hữu trí tuệ",
        ),
        KindInfo(
            Kind.CERTIFICATION_TRADEMARK,
            gettext_lazy("Nhãn hiệu chứng nhận"),
            gettext_lazy("Nhãn hiệu chứng nhận"),
            Family.INDUSTRIAL_PROPERTY,
            gettext_lazy("Số giấy chứng nhận đăng ký nhãn hiệu"),
            "Cục Sở hữu trí tuệ",
        ),
        KindInfo(
            Kind.REGISTERED_TRADEMARK,
            gettext_lazy("Nhãn hiệu đã đăng ký"),
            gettext_lazy("Nhãn hiệu ®"),
            Family.INDUSTRIAL_PROPERTY,
            gettext_lazy("Số giấy chứng nhận đăng ký nhãn hiệu"),
            "Cục Sở hữu trí tuệ",
        ),
        KindInfo(
            Kind.BARCODE,
            gettext_lazy("Mã số mã vạch (GTIN)"),
            gettext_lazy("Mã vạch"),
            Family.BARCODE,
            gettext_lazy("Mã GTIN"),
            "GS1 Việt Nam",
            expires=False,
        ),
        KindInfo(
            Kind.VIETGAP,
            gettext_lazy("VietGAP"),
            gettext_lazy("VietGAP"),
            Family.QUALITY,
            gettext_lazy("Số giấy chứng nhận"),
            "",
            needs_end=True,
        ),
        KindInfo(
            Kind.ORGANIC,
            gettext_lazy("Hữu cơ"),
            gettext_lazy("Hữu cơ"),
            Family.QUALITY,
            gettext_lazy("Số giấy chứng nhận"),
            "",
            needs_end=True,
        ),
        KindInfo(
            Kind.HACCP,
            gettext_lazy("HACCP"),
            gettext_lazy("HACCP"),
            Family.QUALITY,
            gettext_lazy("Số giấy chứng nhận"),
            "",
            needs_end=True,
        ),
        KindInfo(
            Kind.ISO_22000,
            gettext_lazy("ISO 22000"),
            gettext_lazy("ISO 22000"),
            Family.QUALITY,
            gettext_lazy("Số giấy chứng nhận"),
            "",
            needs_end=True,
        ),
        KindInfo(
            Kind.FOOD_SAFETY,
            gettext_lazy("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"),
            gettext_lazy("Đủ điều kiện ATTP"),
            Family.QUALITY,
            gettext_lazy("Số giấy chứng nhận"),
            "",
            needs_end=True,
        ),
        KindInfo(
            Kind.GROWING_AREA,
            gettext_lazy("Mã số vùng trồng"),
            gettext_lazy("Mã vùng trồng"),
            Family.TRACEABILITY,
            gettext_lazy("Mã số vùng trồng"),
            "Cục Bảo vệ thực vật",
            expires=False,
        ),
    )
}

#: The kinds the programme counts as industrial-property protection.
INDUSTRIAL_PROPERTY_KINDS = frozenset(
    info.kind for info in KINDS.values() if info.family == Family.INDUSTRIAL_PROPERTY
)


class Status(enum.StrEnum):
    """Where a credential stands in review: proposed by a producer, verified or refused by staff."""

    PROPOSED = "proposed"
    VERIFIED = "verified"
    REFUSED = "refused"


STATUS_LABELS: Mapping[Status, str] = {
    Status.PROPOSED: gettext_lazy("Chờ xác minh"),
    Status.VERIFIED: gettext_lazy("Đã xác minh"),
    Status.REFUSED: gettext_lazy("Không được xác nhận"),
}


def kind_info(kind: str) -> KindInfo:
    """The data of ``kind``; :class:`CredentialError` for an unknown kind."""
    try:
        return KINDS[Kind(kind)]
    except ValueError:
        raise CredentialError(_("Loại chứng nhận “%(kind)s” không có.") % {"kind": kind}) from None


# -- barcodes ----------------------------------------------------------------------------------

#: GTIN lengths accepted (GTIN-8 for small packs, GTIN-13 for the rest).
GTIN_LENGTHS = (8, 13)
#: GS1 Vietnam's prefix: a GTIN-13 starting with it was assigned in Viet Nam.
VIETNAM_GS1_PREFIX = "893"


def gtin_check_digit(body: str) -> int:
    """The GS1 check digit of ``body`` (the GTIN without its last digit).

    From the right, digits are weighted 3, 1, 3, 1…; the check digit brings the sum up to a
    multiple of ten.
    """
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def gtin_clean(raw: str) -> str:
    """``raw`` as a valid GTIN-8 or GTIN-13 (spaces and hyphens dropped), or
    :class:`CredentialError` saying what is wrong."""
    code = "".join(str(raw or "").split()).replace("-", "")
    if not code.isascii() or not code.isdigit():
        raise CredentialError(_("Mã vạch chỉ gồm chữ số."))
    if len(code) not in GTIN_LENGTHS:
        raise CredentialError(
            _("Mã vạch phải có 8 hoặc 13 chữ số (mã này có %(n)s).") % {"n": len(code)}
        )
    if gtin_check_digit(code[:-1]) != int(code[-1]):
        raise CredentialError(
            _("Số kiểm tra của mã vạch không đúng (chữ số cuối phải là %(digit)s).")
            % {"digit": gtin_check_digit(code[:-1])}
        )
    return code


def gtin_is_vietnamese(code: str) -> bool:
    """Whether the GTIN-13 ``code`` carries GS1 Vietnam's prefix 893."""
    return len(code) == 13 and code.startswith(VIETNAM_GS1_PREFIX)


# -- dates and showing -------------------------------------------------------------------------


def check(
    *, kind: str, number: str, issuer: str, issued_on: date | None, valid_until: date | None
) -> dict[str, object]:
    """Check one credential's facts; return them cleaned (the barcode normalised).

    Raises :class:`CredentialError` with the reason: an unknown kind, a missing number or issuer,
    a barcode that is not a valid GTIN, a fixed-term certificate without its end date, an end
    before the start.
    """
    info = kind_info(kind)
    number = (number or "").strip()
    if not number:
        raise CredentialError(_("Cần ghi %(what)s.") % {"what": str(info.number_label).lower()})
    if info.kind == Kind.BARCODE:
        number = gtin_clean(number)
    issuer = (issuer or "").strip() or info.default_issuer
    if not issuer:
        raise CredentialError(_("Cần ghi cơ quan hoặc tổ chức cấp."))
    if info.needs_end and valid_until is None:
        raise CredentialError(
            _("%(kind)s có thời hạn: cần ghi ngày hết hiệu lực.") % {"kind": info.label}
        )
    if issued_on and valid_until and valid_until < issued_on:
        raise CredentialError(_("Ngày hết hiệu lực phải sau ngày cấp."))
    return {
        "kind": info.kind.value,
        "number": number,
        "issuer": issuer,
        "issued_on": issued_on,
        "valid_until": valid_until,
    }


def is_in_force(*, issued_on: date | None, valid_until: date | None, today: date) -> bool:
    """Whether a credential's dates cover ``today``: from its issue date through its last valid
    day inclusive (no end date: until cancelled). It stops the day after ``valid_until``."""
    if issued_on is not None and issued_on > today:
        return False
    return valid_until is None or today <= valid_until


def is_shown(*, status: str, issued_on: date | None, valid_until: date | None, today: date) -> bool:
    """Whether shoppers see the credential on ``today``: verified by staff and in force."""
    return status == Status.VERIFIED and is_in_force(
        issued_on=issued_on, valid_until=valid_until, today=today
    )


@dataclass(frozen=True)
class Badge:
    """What a product card shows for one credential."""

    kind: str
    text: str
    title: str


def badges(kinds: Iterable[str]) -> list[Badge]:
    """One badge per kind among ``kinds`` (duplicates dropped) in the order of :data:`KINDS`
    (protection first, then barcode, quality, traceability)."""
    known = {k.value for k in Kind}
    present = {Kind(k) for k in kinds if k in known}
    return [
        Badge(kind=info.kind.value, text=str(info.short), title=str(info.label))
        for info in KINDS.values()
        if info.kind in present
    ]


def has_industrial_property(kinds: Iterable[str]) -> bool:
    """Whether any of ``kinds`` is industrial-property protection."""
    return any(k in INDUSTRIAL_PROPERTY_KINDS for k in kinds)
