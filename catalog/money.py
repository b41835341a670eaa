"""The one helper that formats money for people.

VND has no minor unit: amounts are whole đồng, shown ``150.000 ₫`` in Vietnamese and ``₫150,000``
in English, never with decimals.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import format_currency, get_currency_precision
from django.conf import settings
from django.utils.translation import get_language, to_locale


def to_amount(value: object, currency: str = "VND") -> Decimal | None:
    """``value`` as a Decimal rounded to the currency's minor unit, or ``None`` if not a number."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    if not amount.is_finite():
        return None
    places = Decimal(1).scaleb(-get_currency_precision(currency))
    return amount.quantize(places, rounding=ROUND_HALF_UP)


def format_money(value: object, currency: str | None = None, language: str | None = None) -> str:
    """Format ``value`` in ``currency`` for ``language`` (the active language when omitted)."""
    currency = currency or settings.OSCAR_DEFAULT_CURRENCY
    amount = to_amount(value, currency)
    if amount is None:
        return ""
    locale = to_locale(language or get_language() or settings.LANGUAGE_CODE)
    return format_currency(amount, currency, locale=locale)
