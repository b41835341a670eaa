"""Which payment methods exist, and which a shopper may choose now."""

from __future__ import annotations

from marketplace.payment.methods.base import PaymentMethod
from marketplace.payment.methods.stripe_card import StripeCard
from marketplace.payment.methods.transfer import BankTransfer, CashOnDelivery

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
