"""Unpaid orders expire: bank transfers after 48 h, card payments after 2 h (settings), through
``order_cancel`` (stock released once), with an email to the shopper. Every "now" is explicit:
nothing sleeps."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.checkout import rules, services
from producers.selectors import stock_balance
from producers.services import stock_move
from tests.factories import ShowroomFactory, listed_product
from tests.functional.test_checkout_flow import add, finish, start

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

HOURS = {"bank_transfer": 48, "card": 2}


def place(client, product, *, payment="bank_transfer", quantity=1, hours_ago=0, **kwargs):
    """An order placed through the real checkout, then dated ``hours_ago`` hours back."""
    add(client, product, quantity)
    start(client)
    finish(client, payment=payment, **kwargs)
    order = Order.objects.order_by("-pk").first()
    placed = timezone.now() - timedelta(hours=hours_ago)
    Order.objects.filter(pk=order.pk).update(date_placed=placed)
    order.refresh_from_db()
    return order


def allocated(product) -> int:
    return StockRecord.objects.get(product=product).num_allocated or 0


# --- the rule -------------------------------------------------------------------------------


def test_cutoffs_are_now_minus_each_limit():
    now = timezone.now()
    cutoffs = rules.unpaid_cutoffs(now=now, hours=HOURS)
    assert cutoffs == {"bank_transfer": now - timedelta(hours=48), "card": now - timedelta(hours=2)}


@pytest.mark.parametrize(
    "hours", [{"bank_transfer": 0}, {"card": -1}, {"card": "2"}, {"card": True}, {"cash": 5}]
)
def test_a_limit_that_is_not_a_positive_number_of_hours_is_refused(hours):
    with pytest.raises(ValueError):
        rules.unpaid_cutoffs(now=timezone.now(), hours=hours)


# --- the service ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_transfer_waiting_over_48_hours_is_cancelled_and_its_stock_released(
    client, django_capture_on_commit_callbacks
):
    # given a transfer order placed 49 hours ago, holding 2 units
    product = listed_product(5, price=Decimal("100000"), num_in_stock=5)
    order = place(client, product, quantity=2, hours_ago=49)
    assert order.status == "Chờ xác nhận chuyển khoản" and allocated(product) == 2
    mail.outbox.clear()
    # when
    with django_capture_on_commit_callbacks(execute=True):
        result = services.orders_unpaid_expire(now=timezone.now(), hours=HOURS)
    # then
    order.refresh_from_db()
    assert [o.pk for o in result.cancelled] == [order.pk]
    assert order.status == "Đã hủy"
    assert allocated(product) == 0
    assert set(order.lines.values_list("status", flat=True)) == {"Đã hủy"}
    assert order.notes.filter(message__contains="quá hạn thanh toán").exists()
    assert len(mail.outbox) == 1
    assert order.number in mail.outbox[0].subject
    assert mail.outbox[0].to == ["lan@example.vn"]


@pytest.mark.django_db
def test_orders_within_their_time_and_cash_orders_are_left_alone(client):
    # given a transfer placed 47 hours ago and a cash-on-delivery order placed a week ago
    product = listed_product(5, num_in_stock=5)
    transfer = place(client, product, hours_ago=47)
    cash = place(client, product, payment="cod", hours_ago=24 * 7)
    # when
    result = services.orders_unpaid_expire(now=timezone.now(), hours=HOURS)
    # then
    assert result.cancelled == [] and result.skipped == []
    transfer.refresh_from_db()
    cash.refresh_from_db()
    assert transfer.status == "Chờ xác nhận chuyển khoản"
    assert cash.status == "Chờ xử lý"
    assert allocated(product) == 2


@pytest.mark.django_db
def test_the_limit_comes_from_settings(client, settings):
    # given transfers may wait only 12 hours here
    settings.OCOP_UNPAID_ORDER_HOURS = {"bank_transfer": 12, "card": 2}
    product = listed_product(5, num_in_stock=5)
    order = place(client, product, hours_ago=13)
    # when
    result = services.orders_unpaid_expire(now=timezone.now())
    # then
    assert [o.pk for o in result.cancelled] == [order.pk]


@pytest.mark.django_db
def test_card_payment_waiting_over_2_hours_is_cancelled_but_not_one_hour_old(client, settings):
    # given Stripe is on (no PaymentIntent yet: the shopper never opened the card form)
    settings.STRIPE_SECRET_KEY = "sk_test_expiry"
    product = listed_product(5, price=Decimal("150000"), num_in_stock=5)
    old = place(client, product, payment="stripe", hours_ago=3)
    recent = place(client, product, payment="stripe", hours_ago=1)
    assert old.status == recent.status == "Chờ thanh toán thẻ"
    # when
    result = services.orders_unpaid_expire(now=timezone.now(), hours=HOURS)
    # then
    assert [o.pk for o in result.cancelled] == [old.pk]
    recent.refresh_from_db()
    assert recent.status == "Chờ thanh toán thẻ"
    assert allocated(product) == 1


@pytest.mark.django_db
def test_running_twice_releases_stock_once_and_emails_once(
    client, django_capture_on_commit_callbacks
):
    # given an overdue transfer for 3 of 5 units, and another order holding 1 unit
    product = listed_product(5, num_in_stock=5)
    overdue = place(client, product, quantity=3, hours_ago=50)
    place(client, product, payment="cod", quantity=1)
    assert allocated(product) == 4
    mail.outbox.clear()
    now = timezone.now()
    # when the job runs twice (say cron and a manual run)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.orders_unpaid_expire(now=now, hours=HOURS)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.orders_unpaid_expire(now=now, hours=HOURS)
    # then the 3 units came back once; the cash order keeps its unit
    assert [o.pk for o in first.cancelled] == [overdue.pk]
    assert second.cancelled == []
    assert allocated(product) == 1
    assert len(mail.outbox) == 1
    overdue.refresh_from_db()
    assert overdue.status_changes.filter(new_status="Đã hủy").count() == 1


@pytest.mark.django_db
def test_an_order_paid_after_the_job_read_it_is_not_cancelled(client, monkeypatch):
    # given an overdue transfer, read by the job, then confirmed by staff before the job acts
    from marketplace.checkout import selectors

    product = listed_product(5, num_in_stock=5)
    order = place(client, product, hours_ago=60)
    read = list(selectors.orders_unpaid_overdue(now=timezone.now(), hours=HOURS))
    services.bank_transfer_confirm(order=order)
    monkeypatch.setattr(selectors, "orders_unpaid_overdue", lambda **kwargs: read)
    # when
    result = services.orders_unpaid_expire(now=timezone.now(), hours=HOURS)
    # then the paid order goes on to fulfilment with its stock
    assert result.cancelled == []
    order.refresh_from_db()
    assert order.status == "Chờ xử lý" and allocated(product) == 1


@pytest.mark.django_db
def test_pickup_transfer_gives_the_showroom_its_units_back_once(client):
    # given a pickup order paid by transfer, holding 2 of 4 units at the showroom
    showroom = ShowroomFactory()
    product = listed_product(5, num_in_stock=5)
    stock_move(product=product, place=showroom, quantity=4, kind="sent_to_showroom")
    place(client, product, quantity=2, hours_ago=72, method_code=f"pickup-{showroom.pk}")
    assert stock_balance(product=product, place=showroom) == 2
    # when the job runs twice
    services.orders_unpaid_expire(now=timezone.now(), hours=HOURS)
    services.orders_unpaid_expire(now=timezone.now(), hours=HOURS)
    # then
    assert stock_balance(product=product, place=showroom) == 4


# --- the command ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_with_an_explicit_now_cancels_and_prints_what_it_did(client):
    # given a transfer placed now: overdue only 48 hours later
    product = listed_product(5, num_in_stock=5)
    order = place(client, product)
    later = timezone.localtime() + timedelta(hours=49)
    out = StringIO()
    # when
    call_command("expire_unpaid_orders", "--now", later.strftime("%Y-%m-%dT%H:%M"), stdout=out)
    # then
    text = out.getvalue()
    assert f"cancelled {order.number}" in text
    assert "1 unpaid order(s) cancelled" in text
    order.refresh_from_db()
    assert order.status == "Đã hủy"
    # and run again at the same moment: nothing to do
    out = StringIO()
    call_command("expire_unpaid_orders", "--now", later.isoformat(), stdout=out)
    assert "0 unpaid order(s) cancelled" in out.getvalue()


@pytest.mark.django_db
def test_command_refuses_a_bad_moment_and_bad_settings(settings):
    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("expire_unpaid_orders", "--now", "yesterday", stdout=StringIO())
    settings.OCOP_UNPAID_ORDER_HOURS = {"bank_transfer": 0}
    with pytest.raises(CommandError, match="OCOP_UNPAID_ORDER_HOURS"):
        call_command("expire_unpaid_orders", stdout=StringIO())
