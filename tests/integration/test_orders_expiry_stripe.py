"""Expiring card orders whose PaymentIntent exists: it is cancelled at Stripe first, and an order
whose payment Stripe already took is left for the webhook. Runs the real ``stripe`` library
against ``localstripe`` on loopback (the fixtures of the Stripe payment tests)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.checkout import services
from tests.functional.test_payment_stripe import (  # noqa: F401  (fixtures)
    card_order,
    confirm_at_stripe,
    event_for,
    localstripe,
    post_event,
    sign,
    stripe_on,
)

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

HOURS = {"bank_transfer": 48, "card": 2}


def opened_card_form(client, hours_ago=3):
    """A card order whose shopper opened the card form (so a PaymentIntent exists), dated back."""
    order, _response = card_order(client)
    client.get(reverse("checkout:stripe-card"))
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - timedelta(hours=hours_ago)
    )
    order.refresh_from_db()
    intent_id = order.sources.get().reference
    assert intent_id.startswith("pi_")
    return order, intent_id


def test_an_abandoned_card_payment_is_cancelled_at_stripe_then_here(client, stripe_on):  # noqa: F811
    from marketplace.payment.methods.stripe_card import stripe_client

    # given a card form opened three hours ago and never paid
    order, intent_id = opened_card_form(client)
    # when
    result = services.orders_unpaid_expire(now=timezone.now(), hours=HOURS)
    # then no card payment can arrive any more, and the stock is back
    assert [o.pk for o in result.cancelled] == [order.pk]
    assert stripe_client().PaymentIntent.retrieve(intent_id).status == "canceled"
    order.refresh_from_db()
    assert order.status == "Đã hủy"
    assert StockRecord.objects.get(product=order.lines.get().product).num_allocated == 0


def test_a_card_payment_stripe_already_took_is_left_for_the_webhook(client, stripe_on):  # noqa: F811
    # given the shopper paid at Stripe, and the webhook is late
    order, intent_id = opened_card_form(client)
    intent = confirm_at_stripe(intent_id)
    assert intent["status"] == "succeeded"
    # when the expiry job runs first
    result = services.orders_unpaid_expire(now=timezone.now(), hours=HOURS)
    # then the order is not cancelled
    assert result.cancelled == []
    assert [(o.pk, "succeeded" in reason) for o, reason in result.skipped] == [(order.pk, True)]
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán thẻ"
    # and the webhook, when it comes, marks it paid
    payload = event_for(intent)
    assert post_event(client, payload, sign(payload)).status_code == 200
    order.refresh_from_db()
    assert order.status == "Chờ xử lý"


def test_staff_cancelling_a_card_order_cancels_its_payment_at_stripe_first(
    client,
    admin_client,
    stripe_on,  # noqa: F811
):
    from marketplace.payment.methods.stripe_card import stripe_client

    # given a card order whose card form is open (a PaymentIntent exists at localstripe)
    order, intent_id = opened_card_form(client, hours_ago=0)
    # when staff cancel it from the admin
    admin_client.post(
        reverse("admin:order_order_changelist"),
        {"action": "cancel_orders", "_selected_action": [order.pk]},
    )
    # then no card payment can arrive for it any more, and it is cancelled
    assert stripe_client().PaymentIntent.retrieve(intent_id).status == "canceled"
    order.refresh_from_db()
    assert order.status == "Đã hủy"


def test_staff_cannot_cancel_a_card_order_stripe_already_charged(
    client,
    admin_client,
    stripe_on,  # noqa: F811
):
    # given a card order paid at Stripe (localstripe) whose webhook has not arrived yet
    order, intent_id = opened_card_form(client, hours_ago=0)
    confirm_at_stripe(intent_id)
    # when staff try to cancel it
    response = admin_client.post(
        reverse("admin:order_order_changelist"),
        {"action": "cancel_orders", "_selected_action": [order.pk]},
        follow=True,
    )
    # then it is kept (the webhook will mark it paid), and staff are told why
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán thẻ"
    assert "succeeded" in response.content.decode()
