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
        [str(binary), "--port", str(port)],
        stdout=subprocess.DEVNULL,
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
    return json.dumps(
        {
            "id": event_id or f"evt_{intent['id']}_{kind}",
            "object": "event",
            "type": kind,
            "data": {"object": intent},
        }
    )


def post_event(client, payload: str, signature: str | None = None):
    headers = {} if signature is None else {"HTTP_STRIPE_SIGNATURE": signature}
    return client.post(
        reverse("checkout:stripe-webhook"),
        data=payload,
        content_type="application/json",
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
        type="card",
        card={"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"},
    )
    stripe.PaymentIntent.modify(intent_id, payment_method=card.id)
    intent = stripe.PaymentIntent.confirm(intent_id)
    return {
        "id": intent.id,
        "object": "payment_intent",
        "amount": intent.amount,
        "amount_received": intent.amount,
        "currency": intent.currency,
        "metadata": {"order_number": intent.metadata["order_number"]},
        "status": intent.status,
    }


def test_card_payment_completes_only_through_the_verified_webhook(
    client, stripe_on, django_capture_on_commit_callbacks
):
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
    intent = {
        "id": order.sources.get().reference,
        "amount": int(order.total_incl_tax),
        "amount_received": int(order.total_incl_tax),
        "currency": "vnd",
        "metadata": {"order_number": order.number},
    }
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
    [
        ({"amount_received": 1000, "amount": 1000}, "amount or currency mismatch"),
        ({"currency": "usd"}, "amount or currency mismatch"),
        ({"metadata": {"order_number": "999999"}}, "unknown order"),
        ({"id": "pi_not_ours"}, "intent does not belong to the order"),
    ],
)
def test_events_whose_amount_currency_or_reference_do_not_match_mark_nothing_paid(
    client, stripe_on, change, outcome
):
    order, _response = card_order(client)
    intent = {
        "id": order.sources.get().reference,
        "amount": int(order.total_incl_tax),
        "amount_received": int(order.total_incl_tax),
        "currency": "vnd",
        "metadata": {"order_number": order.number},
        **change,
    }
    payload = event_for(intent)
    response = post_event(client, payload, sign(payload))
    assert response.json()["outcome"] == outcome
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán thẻ" and not order.payment_events.exists()


def test_a_late_failure_event_never_undoes_a_payment(client, stripe_on):
    # given a paid order, then a late failure event for it
    order, _response = card_order(client)
    intent = {
        "id": order.sources.get().reference,
        "amount": int(order.total_incl_tax),
        "amount_received": int(order.total_incl_tax),
        "currency": "vnd",
        "metadata": {"order_number": order.number},
    }
    ok = event_for(intent)
    failed = event_for(intent, kind="payment_intent.payment_failed")
    post_event(client, ok, sign(ok))
    # when
    response = post_event(client, failed, sign(failed))
    # then
    order.refresh_from_db()
    assert order.status == "Chờ xử lý" and "not awaiting" in response.json()["outcome"]
    assert order.payment_events.count() == 1


def intent_payload(intent_id: str) -> dict:
    """The PaymentIntent as localstripe holds it now, shaped as Stripe puts it in an event."""
    from marketplace.payment.methods.stripe_card import stripe_client

    intent = stripe_client().PaymentIntent.retrieve(intent_id).to_dict()
    return {
        "id": intent["id"],
        "object": "payment_intent",
        "amount": intent["amount"],
        "amount_received": intent["amount"] if intent["status"] == "succeeded" else 0,
        "currency": intent["currency"],
        "status": intent["status"],
        "metadata": dict(intent["metadata"]),
        "last_payment_error": intent.get("last_payment_error"),
    }


def decline_at_stripe(intent_id: str, client_secret: str) -> dict:
    """A card that fails its 3-D Secure check. localstripe (1.15) cannot confirm again an
    intent whose charge was declined, as Stripe can; an authentication failure leaves the
    intent exactly as a decline does at Stripe (``requires_payment_method`` with a
    ``last_payment_error``), and can be retried at localstripe too."""
    from marketplace.payment.methods.stripe_card import stripe_client

    stripe = stripe_client()
    card = stripe.PaymentMethod.create(
        type="card",
        card={"number": "4000002500003155", "exp_month": 12, "exp_year": 2030, "cvc": "123"},
    )
    stripe.PaymentIntent.modify(intent_id, payment_method=card.id)
    assert stripe.PaymentIntent.confirm(intent_id).status == "requires_action"
    stripe.PaymentIntent._static_request(
        "post",
        f"/v1/payment_intents/{intent_id}/_authenticate",
        params={"client_secret": client_secret, "success": "false"},
    )
    return intent_payload(intent_id)


def card_form(client, order) -> str:
    """Open the card page (creating the PaymentIntent); the intent's id."""
    client.get(reverse("checkout:stripe-card"))
    order.refresh_from_db()
    return order.sources.get().reference


def test_a_declined_card_leaves_the_order_waiting_and_a_retry_pays_it(
    client, stripe_on, django_capture_on_commit_callbacks
):
    from marketplace.payment.methods.stripe_card import stripe_client

    # given a card order whose first card is declined at Stripe (localstripe), and the signed
    # payment_failed event for it
    order, _response = card_order(client)
    intent_id = card_form(client, order)
    secret = stripe_client().PaymentIntent.retrieve(intent_id).client_secret
    declined = decline_at_stripe(intent_id, secret)
    assert declined["status"] == "requires_payment_method"
    failed = event_for(declined, kind="payment_intent.payment_failed")
    # when the failure arrives
    response = post_event(client, failed, sign(failed))
    # then the attempt is recorded, the order still waits, its stock still held
    assert response.status_code == 200
    assert response.json()["outcome"] == "payment failed: awaiting a retry"
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán thẻ"
    assert StockRecord.objects.get(product=order.lines.get().product).num_allocated == 1
    assert order.notes.filter(message__contains="thẻ bị từ chối").exists()
    # and the card page (also when Stripe sends the shopper back) says why and keeps its form
    page = client.get(
        reverse("checkout:stripe-card") + f"?payment_intent={intent_id}&redirect_status=failed"
    ).content.decode()
    assert 'data-testid="card-declined"' in page and "failed authentication" in page
    assert 'data-testid="card-form"' in page and 'data-testid="card-waiting"' not in page
    # when the shopper retries with another card, and the signed success arrives
    paid = confirm_at_stripe(intent_id)
    assert paid["status"] == "succeeded"
    ok = event_for(paid)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(client, ok, sign(ok))
    # then the order is paid, once, and nothing was refunded
    assert response.json()["outcome"] == "paid"
    order.refresh_from_db()
    assert order.status == "Chờ xử lý" and order.payment_events.count() == 1
    assert not stripe_client().Refund.list(payment_intent=intent_id).data


def test_a_payment_arriving_for_a_cancelled_order_is_refunded_once(client, stripe_on):
    from marketplace.checkout import services
    from marketplace.payment.methods.stripe_card import stripe_client

    # given a card order cancelled here while its PaymentIntent stayed open at Stripe
    # (localstripe), as the old handler of payment_failed left such orders
    order, _response = card_order(client)
    intent_id = card_form(client, order)
    assert services.order_cancel(order=order, note="cancelled before the payment")
    # when the shopper pays anyway and the signed success arrives, then again under a new id
    paid = confirm_at_stripe(intent_id)
    ok = event_for(paid)
    again = event_for(paid, event_id="evt_resent_by_hand")
    first = post_event(client, ok, sign(ok))
    second = post_event(client, again, sign(again))
    # then the money went back once, and the order says so
    assert first.status_code == 200 and first.json()["outcome"].startswith("refunded re_")
    assert second.json()["outcome"] == "late payment already recorded"
    refunds = stripe_client().Refund.list(payment_intent=intent_id).data
    assert [(r.amount, r.status) for r in refunds] == [(int(order.total_incl_tax), "succeeded")]
    order.refresh_from_db()
    assert order.status == "Đã hủy" and not order.payment_events.exists()
    source = order.sources.get()
    assert source.amount_debited == source.amount_refunded == order.total_incl_tax
    assert sorted(source.transactions.values_list("txn_type", "reference")) == [
        ("Debit", intent_id),
        ("Refund", refunds[0].id),
    ]
    assert order.notes.filter(message__contains="đã tự động hoàn tiền").exists()


def test_a_late_payment_stripe_cannot_refund_is_flagged_to_staff(
    client, stripe_on, settings, mailoutbox, django_capture_on_commit_callbacks
):
    from marketplace.checkout import services
    from tests.factories import UserFactory

    # given a cancelled card order paid at Stripe (localstripe) anyway, and a staff member
    UserFactory(email="staff@ocop.example", is_staff=True)
    order, _response = card_order(client)
    intent_id = card_form(client, order)
    assert services.order_cancel(order=order)
    paid = confirm_at_stripe(intent_id)
    # when Stripe cannot be reached for the refund (an address nobody listens on stands in
    # for Stripe down) as the signed success arrives
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{_free_port()}"
    ok = event_for(paid)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(client, ok, sign(ok))
    # then the event is answered and recorded, the order flagged, staff emailed
    assert response.status_code == 200
    assert response.json()["outcome"].startswith("refund failed")
    assert StripeEvent.objects.get().outcome.startswith("refund failed")
    order.refresh_from_db()
    assert order.notes.filter(note_type="Error", message__contains="CẦN HOÀN TIỀN").exists()
    assert order.sources.get().amount_debited == order.total_incl_tax
    alerts = [m for m in mailoutbox if m.to == ["staff@ocop.example"]]
    assert len(alerts) == 1 and order.number in alerts[0].subject


def test_the_shopper_can_cancel_a_card_order_from_the_card_page(client, stripe_on):
    from marketplace.payment.methods.stripe_card import stripe_client

    # given a card order whose card form is open (a PaymentIntent exists at localstripe)
    order, _response = card_order(client)
    intent_id = card_form(client, order)
    page = client.get(reverse("checkout:stripe-card")).content.decode()
    assert 'data-testid="card-cancel"' in page
    # when the shopper cancels
    response = client.post(reverse("checkout:stripe-card-cancel"), follow=True)
    # then the intent is cancelled at Stripe first, then the order, its stock released
    assert stripe_client().PaymentIntent.retrieve(intent_id).status == "canceled"
    order.refresh_from_db()
    assert order.status == "Đã hủy"
    assert StockRecord.objects.get(product=order.lines.get().product).num_allocated == 0
    html = response.content.decode()
    assert "bạn không bị trừ tiền" in html and 'data-testid="card-form"' not in html


def test_cancelling_a_card_order_needs_a_csrf_token(client, stripe_on):
    from django.test import Client

    # given a card order, and a request in the shopper's session without a CSRF token (as a
    # forged cross-site form would send)
    order, _response = card_order(client)
    browser = Client(enforce_csrf_checks=True)
    browser.cookies = client.cookies
    # when
    response = browser.post(reverse("checkout:stripe-card-cancel"))
    # then
    assert response.status_code == 403
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán thẻ"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("EVENT_DATA_EMPTY", "data.object"),
        ("EVENT_OBJECT_LIST", "data.object"),
        ("EVENT_FLOAT_AMOUNT", "amount"),
        ("[]", "JSON object"),
        ("{not json", "JSON object"),
    ],
)
def test_signed_but_malformed_events_are_answered_400_and_recorded(client, stripe_on, body, reason):
    # given a card order and a correctly signed event whose content Stripe never sends
    order, _response = card_order(client)
    intent = {
        "id": order.sources.get().reference or "pi_x",
        "object": "payment_intent",
        "amount": int(order.total_incl_tax),
        "currency": "vnd",
        "metadata": {"order_number": order.number},
    }
    payload = {
        "EVENT_DATA_EMPTY": json.dumps(
            {"id": "evt_1", "type": "payment_intent.succeeded", "data": {}}
        ),
        "EVENT_OBJECT_LIST": json.dumps(
            {"id": "evt_2", "type": "payment_intent.succeeded", "data": {"object": []}}
        ),
        "EVENT_FLOAT_AMOUNT": json.dumps(
            {
                "id": "evt_3",
                "type": "payment_intent.succeeded",
                "data": {
                    "object": {
                        **intent,
                        "amount": float(intent["amount"]),
                        "amount_received": float(intent["amount"]),
                    }
                },
            }
        ),
    }.get(body, body)
    # when
    response = post_event(client, payload, sign(payload))
    # then
    assert response.status_code == 400
    record = StripeEvent.objects.get()
    assert record.outcome.startswith("malformed") and reason in record.outcome
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán thẻ" and not order.payment_events.exists()


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
    page = response.content.decode()
    assert "Chỉ thanh toán bằng thẻ được cho đơn hàng từ 13.000 đến 99.999.999" in page
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
