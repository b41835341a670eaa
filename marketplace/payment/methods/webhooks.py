"""Stripe webhooks: verify the signature on the raw body, record each event once, and act only
when the amount, currency and order reference match the order.

A card payment cannot be lost here: a declined attempt is recorded and the order keeps waiting
(Stripe leaves the PaymentIntent open for a retry); the order is cancelled only when the
PaymentIntent is; and money arriving for an order that no longer waits for it is refunded, or
flagged to staff when the refund cannot be made.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from marketplace.checkout import services
from marketplace.payment.methods.stripe_card import CURRENCY, STATUS_AWAITING_CARD

TOLERANCE = 300  # seconds, Stripe's default, applied to past and future timestamps alike

SUCCEEDED = "payment_intent.succeeded"
FAILED = "payment_intent.payment_failed"
CANCELED = "payment_intent.canceled"
HANDLED = (SUCCEEDED, FAILED, CANCELED)


class WebhookRejected(ValueError):
    """The request is not a genuine, fresh Stripe event."""


class WebhookMalformed(ValueError):
    """A genuine (signed) event whose content is not what Stripe sends: nothing is done."""


@dataclass
class WebhookResult:
    """What handling an event did (for the response and the tests)."""

    event_id: str
    outcome: str
    duplicate: bool = False
    malformed: bool = False


def webhook_event_verify(*, payload: bytes, signature: str | None, now: float | None = None):
    """The verified event as parsed JSON, or :class:`WebhookRejected` for a missing, forged or
    stale signature.

    ``stripe.WebhookSignature.verify_header`` rejects old timestamps only; future ones are
    refused here. A signed body that is not valid JSON is returned as ``None``: it is genuine,
    so :func:`webhook_event_handle` records it as malformed.
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
        text = payload.decode("utf-8")
        stripe.WebhookSignature.verify_header(text, signature, secret, TOLERANCE)
    except (ValueError, UnicodeDecodeError, stripe.SignatureVerificationError) as error:
        raise WebhookRejected(str(error)) from None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _is_int(value) -> bool:
    # bool is an int in Python, and 280000.0 == 280000: Stripe sends plain integers only.
    return type(value) is int


def webhook_event_parse(*, event) -> tuple[str, str, dict]:
    """``(id, type, data.object)`` of a verified event, or :class:`WebhookMalformed` saying
    which part is not what Stripe sends (for the PaymentIntent events we act upon, their
    amounts, currency, id and metadata too)."""

    if not isinstance(event, dict):
        raise WebhookMalformed("event is not a JSON object")
    event_id, event_type = event.get("id"), event.get("type")
    if not isinstance(event_id, str) or not event_id:
        raise WebhookMalformed("event without an id")
    if not isinstance(event_type, str) or not event_type:
        raise WebhookMalformed("event without a type")
    data = event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if not isinstance(obj, dict):
        raise WebhookMalformed("data.object is not an object")
    if event_type in HANDLED:
        if not isinstance(obj.get("id"), str):
            raise WebhookMalformed("PaymentIntent without an id")
        if not _is_int(obj.get("amount")):
            raise WebhookMalformed("amount is not an integer")
        if obj.get("amount_received") is not None and not _is_int(obj["amount_received"]):
            raise WebhookMalformed("amount_received is not an integer")
        if not isinstance(obj.get("currency"), str):
            raise WebhookMalformed("currency is not a string")
        metadata = obj.get("metadata")
        if metadata is not None and not isinstance(metadata, dict):
            raise WebhookMalformed("metadata is not an object")
        if not isinstance((metadata or {}).get("order_number", ""), str):
            raise WebhookMalformed("metadata.order_number is not a string")
    return event_id, event_type, obj


def _malformed_record(*, event, reason: str) -> WebhookResult:
    """Record a signed but malformed event once (under its id, or a digest of its body when
    it has no usable id) so staff can see what Stripe, or someone holding the secret, sent."""
    StripeEvent = get_model("payment", "StripeEvent")
    event_id = event.get("id") if isinstance(event, dict) else None
    event_type = event.get("type") if isinstance(event, dict) else None
    if not isinstance(event_id, str) or not event_id:
        body = json.dumps(event, sort_keys=True, default=str).encode()
        event_id = "malformed-" + hashlib.sha256(body).hexdigest()[:32]
    outcome = f"malformed: {reason}"
    record, created = StripeEvent.objects.get_or_create(
        event_id=event_id[:255],
        defaults={
            "type": (event_type if isinstance(event_type, str) else "")[:100],
            "outcome": outcome,
        },
    )
    return WebhookResult(
        event_id=record.event_id, outcome=outcome, duplicate=not created, malformed=True
    )


def webhook_event_handle(*, event) -> WebhookResult:
    """Record ``event`` once and apply it; a second delivery of the same id changes nothing.

    A malformed event is recorded and answered with ``malformed=True`` (the view says 400).
    """
    StripeEvent = get_model("payment", "StripeEvent")
    try:
        event_id, event_type, intent = webhook_event_parse(event=event)
    except WebhookMalformed as error:
        return _malformed_record(event=event, reason=str(error))
    number = (intent.get("metadata") or {}).get("order_number", "")
    number = number if isinstance(number, str) else ""
    try:
        with transaction.atomic():
            record = StripeEvent.objects.create(
                event_id=event_id, type=event_type, order_number=number[:128]
            )
            outcome = _apply(event_type=event_type, intent=intent, number=number)
            record.outcome = outcome[:255]
            record.save(update_fields=["outcome"])
    except IntegrityError:
        return WebhookResult(event_id=event_id, outcome="duplicate", duplicate=True)
    return WebhookResult(event_id=event_id, outcome=outcome)


def _decline_reason(intent: dict) -> str:
    error = intent.get("last_payment_error")
    if isinstance(error, dict):
        return str(error.get("message") or error.get("code") or "")
    return ""


def _apply(*, event_type: str, intent: dict, number: str) -> str:
    Order = get_model("order", "Order")
    if event_type not in HANDLED:
        return "ignored"
    order = Order.objects.select_for_update().filter(number=number).first()
    if order is None:
        return "unknown order"
    source = order.sources.first()
    if source is not None and source.reference and source.reference != intent["id"]:
        return "intent does not belong to the order"
    if event_type == SUCCEEDED:
        amount = intent.get("amount_received") or intent["amount"]
        if intent["currency"] != CURRENCY or amount != int(order.total_incl_tax):
            return "amount or currency mismatch"
        if order.status == STATUS_AWAITING_CARD:
            services.card_payment_record(order=order, amount=amount, reference=intent["id"])
            return "paid"
        # The money arrived for an order that no longer waits for it (cancelled meanwhile):
        # give it back, or tell staff.
        return services.card_payment_late(order=order, amount=amount, reference=intent["id"])
    if order.status != STATUS_AWAITING_CARD:
        return f"not awaiting card payment ({order.status})"
    if event_type == FAILED:
        # Stripe keeps the PaymentIntent open (requires_payment_method) and the card page its
        # form: the shopper may retry, so the order keeps waiting and its stock stays held.
        services.card_payment_failure_record(
            order=order, reference=intent["id"], reason=_decline_reason(intent)
        )
        return "payment failed: awaiting a retry"
    services.order_cancel(order=order, note=f"Stripe: {event_type}")
    return "cancelled"
