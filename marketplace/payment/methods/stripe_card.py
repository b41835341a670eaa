"""Card payments through Stripe PaymentIntents, on when ``STRIPE_SECRET_KEY`` is set.

VND is zero-decimal: 150.000 ₫ is ``amount=150000``. The order is placed first (stock allocated)
and waits in *Chờ thanh toán thẻ*; one PaymentIntent is created per order attempt (idempotency
key ``ocop-order-<number>-<attempt>``, and the intent id kept on the order's payment source so a
double submit reuses it). Only a verified webhook event
(:mod:`marketplace.payment.methods.webhooks`) marks
the order paid; the browser's return never does.
"""

from __future__ import annotations

from dataclasses import dataclass

import stripe
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.order import statuses
from marketplace.payment.methods.base import PaymentMethod, PaymentRefused, PaymentStart

STATUS_AWAITING_CARD = statuses.AWAITING_CARD
CURRENCY = "vnd"
#: Stripe's limits for a VND charge: about US$0.50 at least, and at most 8 digits.
MIN_AMOUNT = 13_000
MAX_AMOUNT = 99_999_999


def stripe_client():
    """The ``stripe`` module configured from settings (``STRIPE_API_BASE`` for a local server)."""

    stripe.api_key = settings.STRIPE_SECRET_KEY
    if getattr(settings, "STRIPE_API_BASE", None):
        stripe.api_base = settings.STRIPE_API_BASE
    stripe.max_network_retries = 2
    return stripe


class StripeCard(PaymentMethod):
    """Pay by card (Visa, Mastercard…) through Stripe."""

    code = "stripe"
    name = gettext_lazy("Thẻ quốc tế (Stripe)")
    description = gettext_lazy("Thanh toán bằng thẻ Visa, Mastercard… qua Stripe.")

    def is_enabled(self) -> bool:
        return bool(settings.STRIPE_SECRET_KEY)

    def check(self, *, total: int) -> None:
        super().check(total=total)
        if total < MIN_AMOUNT or total > MAX_AMOUNT:
            raise PaymentRefused(
                _(
                    "Chỉ thanh toán bằng thẻ được cho đơn hàng từ %(low)s đến %(high)s; hãy "
                    "chọn cách thanh toán khác."
                )
                % {
                    "low": f"{MIN_AMOUNT:,}".replace(",", "."),
                    "high": f"{MAX_AMOUNT:,}".replace(",", "."),
                }
            )

    def start(self, *, order_number: str, total: int) -> PaymentStart:
        return PaymentStart(
            source_type=str(self.name),
            allocated=total,
            order_status=STATUS_AWAITING_CARD,
            reference="",
        )


def payment_intent_for(*, order, attempt: int = 1):
    """The order's PaymentIntent: the one recorded on its source, else a new one (idempotent)."""
    stripe = stripe_client()
    source = order.sources.first()
    if source is not None and source.reference.startswith("pi_"):
        return stripe.PaymentIntent.retrieve(source.reference)
    amount = int(order.total_incl_tax)
    StripeCard().check(total=amount)
    intent = stripe.PaymentIntent.create(
        amount=amount,
        currency=CURRENCY,
        payment_method_types=["card"],
        metadata={"order_number": order.number},
        idempotency_key=f"ocop-order-{order.number}-{attempt}",
    )
    if source is not None:
        source.reference = intent.id
        source.save(update_fields=["reference"])
    return intent


#: PaymentIntent statuses in which money may still arrive: such an intent is left alone.
INTENT_PAYING = ("succeeded", "processing", "requires_capture")


def payment_intent_abandon(*, order) -> str:
    """Make sure no card payment can arrive for ``order`` any more, before it is cancelled.

    Cancels the order's PaymentIntent at Stripe when there is one. Returns ``""`` when the order
    may be cancelled, or the reason it must not (Stripe unreachable, or the payment is already
    succeeding: the webhook will mark the order paid).
    """
    source = order.sources.first()
    reference = source.reference if source is not None else ""
    if not reference.startswith("pi_"):
        return ""  # the shopper never reached the card form: nothing exists at Stripe
    if not settings.STRIPE_SECRET_KEY:
        return "Stripe is not configured: cannot cancel the PaymentIntent"
    stripe = stripe_client()
    try:
        intent = stripe.PaymentIntent.retrieve(reference)
        if intent.status in INTENT_PAYING:
            return f"PaymentIntent {reference} is {intent.status}"
        if intent.status != "canceled":
            stripe.PaymentIntent.cancel(reference)
    except stripe.StripeError as error:
        return f"Stripe: {error}"
    return ""


@dataclass
class RefundResult:
    """What asking Stripe for a refund gave: the refund's id, or why there is none."""

    refund_id: str = ""
    error: str = ""


def payment_intent_refund(*, order, intent_id: str, amount: int) -> RefundResult:
    """Refund ``amount`` đồng of the PaymentIntent ``intent_id`` paid for ``order``.

    The idempotency key is per order and intent, so a retry (a webhook redelivered after a
    rollback) returns Stripe's first refund instead of refunding twice. Never raises: a
    refusal or an unreachable Stripe comes back as ``error`` for staff to act on.
    """
    if not settings.STRIPE_SECRET_KEY:
        return RefundResult(error="Stripe is not configured: cannot refund")
    stripe = stripe_client()
    try:
        refund = stripe.Refund.create(
            payment_intent=intent_id,
            amount=amount,
            metadata={"order_number": order.number},
            idempotency_key=f"ocop-refund-{order.number}-{intent_id}",
        )
    except stripe.StripeError as error:
        return RefundResult(error=f"Stripe: {error}")
    if refund.status in ("failed", "canceled"):
        return RefundResult(error=f"Stripe refund {refund.id} is {refund.status}")
    return RefundResult(refund_id=refund.id)


def payment_intent_decline(*, intent) -> str:
    """The message of the PaymentIntent's last failed attempt (a declined card), or ``""``."""
    data = intent.to_dict() if hasattr(intent, "to_dict") else dict(intent)
    error = data.get("last_payment_error") or {}
    return str(error.get("message") or error.get("code") or "")
