"""VietQR (Napas 247) bank-transfer QR payloads, built locally: EMVCo merchant-presented QR with
the beneficiary bank's BIN, the account number, the amount in đồng and the order reference.

Pure functions: no settings, no network. ``payload`` is what any Vietnamese banking app scans.
"""

from __future__ import annotations

import re
import unicodedata

import segno

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"  # transfer to a bank account (QRIBFTTC is to a card)
CURRENCY_VND = "704"  # ISO 4217 numeric
MAX_MESSAGE = 25  # many banking apps cut the transfer message at 25 characters


def crc16_ccitt(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as EMVCo QR codes require."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def _tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"EMVCo field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def ascii_message(text: str) -> str:
    """The transfer message as banks accept it: ASCII letters, digits and spaces, no marks."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9 ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()[:MAX_MESSAGE]


def payload(*, bank_bin: str, account: str, amount: int, message: str) -> str:
    """The EMVCo payload string for a transfer of ``amount`` đồng to ``account`` at ``bank_bin``.

    Raises :class:`ValueError` for a BIN that is not 6 digits, an account that is not 1–19
    letters or digits, or an amount that is not a positive whole number of đồng.
    """
    if not re.fullmatch(r"\d{6}", bank_bin or ""):
        raise ValueError("the bank BIN must be 6 digits")
    if not re.fullmatch(r"[0-9A-Za-z]{1,19}", account or ""):
        raise ValueError("the account number must be 1–19 letters or digits")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValueError("the amount must be a positive whole number of đồng")
    if amount > 9_999_999_999_999:
        raise ValueError("the amount is too large for a QR transfer")
    beneficiary = _tlv("00", bank_bin) + _tlv("01", account)
    merchant = _tlv("00", NAPAS_GUID) + _tlv("01", beneficiary) + _tlv("02", SERVICE_TO_ACCOUNT)
    body = (
        _tlv("00", "01")
        + _tlv("01", "12")  # dynamic QR: one amount, one payment
        + _tlv("38", merchant)
        + _tlv("53", CURRENCY_VND)
        + _tlv("54", str(amount))
        + _tlv("58", "VN")
    )
    text = ascii_message(message)
    if text:
        body += _tlv("62", _tlv("08", text))
    body += "6304"
    return body + f"{crc16_ccitt(body.encode('ascii')):04X}"


def parse(data: str) -> dict[str, str]:
    """Split a payload's top-level fields into ``{tag: value}`` (for checks and tests)."""
    fields, i = {}, 0
    while i < len(data):
        tag, length = data[i : i + 2], int(data[i + 2 : i + 4])
        fields[tag] = data[i + 4 : i + 4 + length]
        i += 4 + length
    return fields


def qr_svg_data_uri(text: str) -> str:
    """The QR code of ``text`` as an SVG ``data:`` URI (segno, pure Python)."""

    return segno.make(text, error="m", micro=False).svg_data_uri(scale=6, border=2)
