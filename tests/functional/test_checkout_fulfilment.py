"""Producers fulfil their own lines; the order's status follows, and the shopper is told."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.checkout import rules, services
from tests.factories import ShowroomFactory, listed_product
from tests.functional.test_checkout_flow import ADDRESS, add, finish, start

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def _order(client, *products, **finish_kwargs):
    for product in products:
        add(client, product)
    start(client)
    finish(client, **finish_kwargs)
    return Order.objects.get()


def test_order_is_partly_then_fully_shipped_as_each_producer_ships(
    client, django_capture_on_commit_callbacks
):
    # given an order from two producers
    order = _order(client, listed_product(5), listed_product(4))
    first, second = order.lines.order_by("pk")
    assert first.partner != second.partner
    mail.outbox.clear()
    # when the first producer ships
    with django_capture_on_commit_callbacks(execute=True):
        status = services.order_line_status_set(line=first, status=rules.LINE_SHIPPED)
    # then
    assert status == rules.ORDER_PARTLY_SHIPPED
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].subject
    # when the second ships and both are delivered
    services.order_line_status_set(line=second, status=rules.LINE_SHIPPED)
    services.order_line_status_set(line=first, status=rules.LINE_DELIVERED)
    status = services.order_line_status_set(line=second, status=rules.LINE_DELIVERED)
    # then
    assert status == rules.ORDER_DELIVERED
    order.refresh_from_db()
    assert order.status == rules.ORDER_DELIVERED


def test_pickup_order_becomes_ready_then_collected(client, django_capture_on_commit_callbacks):
    from producers.services import stock_move

    showroom = ShowroomFactory()
    product = listed_product(5)
    stock_move(product=product, place=showroom, quantity=2, kind="sent_to_showroom")
    order = _order(client, product, method_code=f"pickup-{showroom.pk}")
    line = order.lines.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.order_line_status_set(line=line, status=rules.LINE_READY) == (
            rules.ORDER_READY
        )
    assert "sẵn sàng" in mail.outbox[-1].subject
    assert services.order_line_status_set(line=line, status=rules.LINE_COLLECTED) == (
        rules.ORDER_COLLECTED
    )


def test_illegal_line_moves_and_unpaid_orders_are_refused(client):
    order = _order(client, listed_product(5, price=Decimal("100000")), payment="bank_transfer")
    line = order.lines.get()
    with pytest.raises(services.LineStatusError):
        services.order_line_status_set(line=line, status=rules.LINE_SHIPPED)
    services.bank_transfer_confirm(order=order)
    with pytest.raises(services.LineStatusError):
        services.order_line_status_set(line=line, status=rules.LINE_DELIVERED)
    line.refresh_from_db()
    assert line.status == rules.LINE_PENDING


def test_messages_go_out_in_the_language_the_shopper_ordered_in(
    client, django_capture_on_commit_callbacks
):
    # given an order placed on the English site
    product = listed_product(5)
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    with translation.override("en"):  # URLs under /en/
        steps = [
            (reverse("checkout:index"), {"username": "a@example.com", "options": "anonymous"}),
            (reverse("checkout:shipping-address"), ADDRESS),
            (reverse("checkout:shipping-method"), {"method_code": "home-delivery"}),
            (reverse("checkout:payment-method"), {"method": "bank_transfer"}),
            (reverse("checkout:preview"), {"action": "place_order"}),
        ]
    assert steps[0][0].startswith("/en/")
    for url, data in steps:
        client.post(url, data)
    order = Order.objects.get()
    mail.outbox.clear()
    # when staff confirm the transfer
    with django_capture_on_commit_callbacks(execute=True):
        services.bank_transfer_confirm(order=order)
    # then the message uses the English template path (language recorded on the order)
    from marketplace.checkout.messages import order_language

    assert order_language(order) == "en"
    assert len(mail.outbox) == 1


def test_staff_confirm_a_transfer_and_cancel_an_order_from_the_admin(client, admin_client):
    # given two orders paid by transfer
    first = _order(client, listed_product(5), payment="bank_transfer")
    second = _order_again(client, listed_product(5))
    changelist = reverse("admin:order_order_changelist")
    # when staff confirm the first and cancel the second
    admin_client.post(changelist, {"action": "confirm_transfer", "_selected_action": [first.pk]})
    admin_client.post(changelist, {"action": "cancel_orders", "_selected_action": [second.pk]})
    # then
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "Chờ xử lý" and first.payment_events.count() == 1
    assert second.status == "Đã hủy"


def _order_again(client, product):
    add(client, product)
    start(client)
    finish(client, payment="bank_transfer")
    return Order.objects.order_by("-pk").first()
