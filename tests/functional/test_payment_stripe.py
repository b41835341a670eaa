"""Card payments through Stripe, with the real ``stripe`` library against ``localstripe`` (a
Stripe-compatible server from PyPI, started on loopback by a fixture). Webhook events are signed
for real here (HMAC-SHA256 over ``t.payload`` with the webhook secret, exactly as Stripe signs
them) and posted to our endpoint through the Django test client.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import listed_product
from tests.functional.test_checkout_flow import add, finish, start

Order = get_model("order", "Order")
StripeEvent = get_model("payment", "StripeEvent")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

SECRET = "whsec_ocop_test"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def localstripe():
    """``localstripe`` on a free loopback port for the session; its base URL."""
    port = _free_port()
    binary = Path(sys.executable).with_name("localstripe")
    process = subprocess.Popen(
        [str(binary), "--port", str(port)], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("localstripe did not start")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def stripe_on(settings, localstripe):
    settings.STRIPE_SECRET_KEY = "sk_test_ocop"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ocop"
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_API_BASE = localstripe
    return localstripe


def sign(payload: str, *, secret: str = SECRET, at: int | None = None) -> str:
    stamp = int(time.time()) if at is None else at
    digest = hmac.new(secret.encode(), f"{stamp}.{payload}".encode(), hashlib.sha256)
    return f"t={stamp},v1={digest.hexdigest()}"


def event_for(intent: dict, *, kind="payment_intent.succeeded", event_id=None) -> str:
    return json.dumps({
        "id": event_id or f"evt_{intent['id']}_{kind}", "object": "event", "type": kind,
        "data": {"object": intent},
    })


def post_event(client, payload: str, signature: str | None = None):
    headers = {} if signature is None else {"HTTP_STRIPE_SIGNATURE": signature}
    return client.post(
        reverse("checkout:stripe-webhook"), data=payload, content_type="application/json",
        **headers,
    )


def card_order(client, price=Decimal("150000")):
    product = listed_product(5, price=price, num_in_stock=3)
    add(client, product)
    start(client)
    response = finish(client, payment="stripe")
    return Order.objects.order_by("-pk").first(), response


def confirm_at_stripe(intent_id: str) -> dict:
    from marketplace.payment.methods.stripe_card import stripe_client

    stripe = stripe_client()
    card = stripe.PaymentMethod.create(
        type="card", card={"number": "4242424242424242", "exp_month": 12, "exp_year": 2030,
                           "cvc": "123"},
    )
    stripe.PaymentIntent.modify(intent_id, payment_method=card.id)
    intent = stripe.PaymentIntent.confirm(intent_id)
    return {
        "id": intent.id, "object": "payment_intent", "amount": intent.amount,
        "amount_received": intent.amount, "currency": intent.currency,
        "metadata": {"order_number": intent.metadata["order_number"]}, "status": intent.status,
    }


def test_card_payment_completes_only_through_the_verified_webhook(client, stripe_on,
                                                                   django_capture_on_commit_callbacks):
    # given an order paid by card: placed, stock allocated, awaiting the card
    order, response = card_order(client)
    assert order.status == "Chờ thanh toán thẻ"
    assert response.redirect_chain[-1][0].endswith(reverse("checkout:stripe-card"))
    assert 'data-testid="card-form"' in response.content.decode()
    order.refresh_from_db()
    intent_id = order.sources.get().reference
    assert intent_id.startswith("pi_")
    # a reload (double submit) reuses the same PaymentIntent
    client.get(reverse("checkout:stripe-card"))
    assert order.sources.get().reference == intent_id
    # when the card is confirmed at Stripe and the browser comes back
    intent = confirm_at_stripe(intent_id)
    assert intent["status"] == "succeeded" and intent["amount"] == 150000 + 20000
    page = client.get(reverse("checkout:stripe-card") + f"?payment_intent={intent_id}")
    # then the return alone marks nothing paid
    assert 'data-testid="card-waiting"' in page.content.decode()
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán thẻ"
    # when the signed webhook arrives, twice
    payload = event_for(intent)
    with django_capture_on_commit_callbacks(execute=True):
        first = post_event(client, payload, sign(payload))
    second = post_event(client, payload, sign(payload))
    # then the order is paid once
    assert first.status_code == 200 and first.json()["outcome"] == "paid"
    assert second.status_code == 200 and second.json()["duplicate"] is True
    order.refresh_from_db()
    assert order.status == "Chờ xử lý"
    assert order.payment_events.count() == 1
    assert order.sources.get().amount_debited == order.total_incl_tax
    assert StripeEvent.objects.count() == 1


@pytest.mark.parametrize(
    "signature",
    [None, "t=1,v1=deadbeef", "garbage", "forged", "stale", "future"],
)
def test_unsigned_forged_and_stale_webhooks_are_rejected(client, stripe_on, signature):
    # given
    order, _response = card_order(client)
    intent = {"id": order.sources.get().reference, "amount": int(order.total_incl_tax),
              "amount_received": int(order.total_incl_tax), "currency": "vnd",
              "metadata": {"order_number": order.number}}
    payload = event_for(intent)
    now = int(time.time())
    header = {
        "forged": sign(payload, secret="whsec_someone_else"),
        "stale": sign(payload, at=now - 3600),
        "future": sign(payload, at=now + 3600),
    }.get(signature, signature)
    # when
    response = post_event(client, payload, header)
    # then
    assert response.status_code == 400
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán thẻ"
    assert not StripeEvent.objects.exists()


@pytest.mark.parametrize(
    ("change", "outcome"),
    [({"amount_received": 1000, "amount": 1000}, "amount or currency mismatch"),
     ({"currency": "usd"}, "amount or currency mismatch"),
     ({"metadata": {"order_number": "999999"}}, "unknown order"),
     ({"id": "pi_not_ours"}, "intent does not belong to the order")],
)
def test_events_whose_amount_currency_or_reference_do_not_match_mark_nothing_paid(
    client, stripe_on, change, outcome
):
    order, _response = card_order(client)
    intent = {"id": order.sources.get().reference, "amount": int(order.total_incl_tax),
              "amount_received": int(order.total_incl_tax), "currency": "vnd",
              "metadata": {"order_number": order.number}, **change}
    payload = event_for(intent)
    response = post_event(client, payload, sign(payload))
    assert response.json()["outcome"] == outcome
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán thẻ" and not order.payment_events.exists()


def test_out_of_order_events_never_undo_a_payment_or_revive_a_cancelled_order(client, stripe_on):
    # given a paid order, then a late failure event for it
    order, _response = card_order(client)
    intent = {"id": order.sources.get().reference, "amount": int(order.total_incl_tax),
              "amount_received": int(order.total_incl_tax), "currency": "vnd",
              "metadata": {"order_number": order.number}}
    ok = event_for(intent)
    failed = event_for(intent, kind="payment_intent.payment_failed")
    post_event(client, ok, sign(ok))
    response = post_event(client, failed, sign(failed))
    order.refresh_from_db()
    assert order.status == "Chờ xử lý" and "not awaiting" in response.json()["outcome"]
    # given another order whose payment failed first, then a late success
    client.cookies.clear()
    other, _response = card_order(client)
    record = StockRecord.objects.get(product=other.lines.get().product)
    assert record.num_allocated == 1
    intent = {**intent, "id": other.sources.get().reference,
              "amount": int(other.total_incl_tax), "amount_received": int(other.total_incl_tax),
              "metadata": {"order_number": other.number}}
    failed = event_for(intent, kind="payment_intent.payment_failed")
    late = event_for(intent)
    post_event(client, failed, sign(failed))
    post_event(client, late, sign(late))
    # then the failure released the stock once and the late success changed nothing
    other.refresh_from_db()
    record.refresh_from_db()
    assert other.status == "Đã huỷ" and record.num_allocated == 0
    assert not other.payment_events.exists()


def test_totals_stripe_cannot_take_are_refused_before_any_call(client, settings):
    # given Stripe configured at an address nobody listens on
    settings.STRIPE_SECRET_KEY = "sk_test_ocop"
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{_free_port()}"
    product = listed_product(5, price=Decimal("100000000"), num_in_stock=3)
    add(client, product)
    start(client)
    # when
    response = finish(client, payment="stripe")
    # then
    assert "Thanh toán thẻ nhận đơn từ 13.000 đến 99.999.999" in response.content.decode()
    assert not Order.objects.exists()


def test_card_payment_is_not_offered_without_stripe_keys(client, settings):
    settings.STRIPE_SECRET_KEY = None
    product = listed_product(5)
    add(client, product)
    start(client)
    client.post(reverse("checkout:shipping-method"), {"method_code": "home-delivery"})
    page = client.get(reverse("checkout:payment-method")).content.decode()
    assert 'value="cod"' in page and 'value="stripe"' not in page
    client.post(reverse("checkout:payment-method"), {"method": "stripe"})
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    assert not Order.objects.exists()
