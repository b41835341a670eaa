"""Which payment methods exist, and which a shopper may choose now."""

from __future__ import annotations

from catalog.payments.base import PaymentMethod
from catalog.payments.methods import BankTransfer, CashOnDelivery
from catalog.payments.stripe_card import StripeCard

#: Every plug-in, in the order shown to shoppers; the first is the default.
METHODS: tuple[type[PaymentMethod], ...] = (CashOnDelivery, BankTransfer, StripeCard)


def payment_methods_enabled() -> list[PaymentMethod]:
    """The methods shoppers may choose now (cash on delivery always first)."""
    return [method() for method in METHODS if method().is_enabled()]


def payment_method_get(code: str | None) -> PaymentMethod | None:
    """The enabled method whose code is ``code``, or ``None``."""
    for method in payment_methods_enabled():
        if method.code == code:
            return method
    return None
