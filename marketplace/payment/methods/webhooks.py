"""Stripe webhooks: verify the signature on the raw body, record each event once, and act only
when the amount, currency and order reference match the order."""

from __future__ import annotations

import time
from dataclasses import dataclass

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from marketplace.checkout import services
from marketplace.payment.methods.stripe_card import CURRENCY, STATUS_AWAITING_CARD

TOLERANCE = 300  # seconds, Stripe's default, applied to past and future timestamps alike


class WebhookRejected(ValueError):
    """The request is not a genuine, fresh Stripe event."""


@dataclass
class WebhookResult:
    """What handling an event did (for the response and the tests)."""

    event_id: str
    outcome: str
    duplicate: bool = False


def webhook_event_verify(*, payload: bytes, signature: str | None, now: float | None = None):
    """The verified event, or :class:`WebhookRejected` for a missing, forged or stale signature.

    ``stripe.Webhook.construct_event`` rejects old timestamps only; future ones are refused here.
    """

    if not signature:
        raise WebhookRejected("missing Stripe-Signature header")
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise WebhookRejected("STRIPE_WEBHOOK_SECRET is not configured")
    parts = dict(p.split("=", 1) for p in signature.split(",") if "=" in p)
    try:
        stamp = int(parts.get("t", ""))
    except ValueError:
        raise WebhookRejected("signature without a timestamp") from None
    if stamp > (now or time.time()) + TOLERANCE:
        raise WebhookRejected("signature timestamp in the future")
    try:
        return stripe.Webhook.construct_event(
            payload.decode("utf-8"), signature, secret, tolerance=TOLERANCE
        )
    except (ValueError, UnicodeDecodeError, stripe.SignatureVerificationError) as error:
        raise WebhookRejected(str(error)) from None


def webhook_event_handle(*, event) -> WebhookResult:
    """Record ``event`` once and apply it; a second delivery of the same id changes nothing."""
    StripeEvent = get_model("payment", "StripeEvent")
    event = event.to_dict() if hasattr(event, "to_dict") else event
    intent = event["data"]["object"]
    number = (intent.get("metadata") or {}).get("order_number", "")
    try:
        with transaction.atomic():
            record = StripeEvent.objects.create(
                event_id=event["id"], type=event["type"], order_number=number
            )
            outcome = _apply(event_type=event["type"], intent=intent, number=number)
            record.outcome = outcome
            record.save(update_fields=["outcome"])
    except IntegrityError:
        return WebhookResult(event_id=event["id"], outcome="duplicate", duplicate=True)
    return WebhookResult(event_id=event["id"], outcome=outcome)


def _apply(*, event_type: str, intent, number: str) -> str:

    Order = get_model("order", "Order")
    if event_type not in (
        "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled"
    ):
        return "ignored"
    order = Order.objects.select_for_update().filter(number=number).first()
    if order is None:
        return "unknown order"
    source = order.sources.first()
    if source is not None and source.reference and source.reference != intent.get("id"):
        return "intent does not belong to the order"
    if event_type == "payment_intent.succeeded":
        amount = intent.get("amount_received") or intent.get("amount")
        if intent.get("currency") != CURRENCY or amount != int(order.total_incl_tax):
            return "amount or currency mismatch"
        if order.status != STATUS_AWAITING_CARD:
            return f"not awaiting card payment ({order.status})"
        services.card_payment_record(order=order, amount=amount, reference=intent.get("id"))
        return "paid"
    if order.status != STATUS_AWAITING_CARD:
        return f"not awaiting card payment ({order.status})"
    services.order_cancel(order=order, note=f"Stripe: {event_type}")
    return "cancelled"

