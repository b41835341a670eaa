"""A producer fulfils its own lines of orders from the dashboard: only its lines, the delivery
details and nothing more; packed → shipped (carrier + tracking) → delivered, ready → collected;
stock leaves the online warehouse exactly once; another producer's lines are a 404."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.checkout import rules
from producers.models import StockMovement
from producers.services import stock_move
from tests.factories import ShowroomFactory, UserFactory, listed_product
from tests.functional.test_checkout_flow import add, finish, start

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
LineShipment = get_model("order", "LineShipment")

pytestmark = pytest.mark.django_db


def place_order(*items, method_code="home-delivery", payment="cod", address=None):
    """An order placed through the real checkout by a guest shopper; ``items`` are products
    or ``(product, quantity)`` pairs."""
    shopper = Client()
    for item in items:
        product, quantity = item if isinstance(item, tuple) else (item, 1)
        add(shopper, product, quantity)
    start(shopper, address=address)
    finish(shopper, method_code=method_code, payment=payment)
    return Order.objects.order_by("-pk").first()


def producer_client(producer) -> Client:
    """A test client signed in as a (new) user of ``producer``."""
    user = UserFactory()
    producer.partner.users.add(user)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def line_of(order, product):
    return order.lines.get(product=product)


def act(client, line, status, **data):
    url = reverse("producer_dashboard:order_line", kwargs={"line_id": line.pk})
    return client.post(url, {"status": status, **data})


@pytest.fixture
def two_producer_order():
    """A cash-on-delivery order with one line of each of two producers."""
    lychee = listed_product(5, title="Vải thiều sấy", price=Decimal("90000"))
    noodles = listed_product(4, title="Mỳ Chũ", price=Decimal("60000"))
    order = place_order((lychee, 2), noodles)
    return order, lychee, noodles


def test_orders_page_shows_only_the_producers_lines_and_the_delivery_details(two_producer_order):
    # given
    order, lychee, noodles = two_producer_order
    client = producer_client(lychee.producer)
    # when
    page = client.get(reverse("producer_dashboard:orders")).content.decode()
    # then: their line, the recipient, phone, address and notes
    assert order.number in page
    assert "Vải thiều sấy" in page and "180.000\xa0₫" in page
    assert "Nguyễn Thị Lan" in page and "0912 345 678" in page
    assert "Thôn Chũ, 12 đường Lê Lợi" in page and "Gọi trước khi giao" in page
    # and nothing else: not the other producer's line, the shopper's email or the order total
    assert "Mỳ Chũ" not in page and "60.000" not in page
    assert "lan@example.vn" not in page
    assert f"{order.total_incl_tax:,.0f}".replace(",", ".") not in page
    assert page.count('data-testid="order-line"') == 1


def test_another_producers_line_and_order_answer_404_and_change_nothing(two_producer_order):
    # given a producer with no line in the order
    order, lychee, noodles = two_producer_order
    outsider = producer_client(listed_product(3).producer)
    line = line_of(order, lychee)
    # when / then
    for status in (rules.LINE_PACKED, rules.LINE_SHIPPED):
        response = act(outsider, line, status, carrier="GHN", tracking_number="X1")
        assert response.status_code == 404
    assert (
        outsider.get(
            reverse("producer_dashboard:order_line", kwargs={"line_id": line.pk})
        ).status_code
        == 404
    )
    assert (
        outsider.get(
            reverse("producer_dashboard:packing_slip", kwargs={"order_id": order.pk})
        ).status_code
        == 404
    )
    line.refresh_from_db()
    assert line.status == rules.LINE_PENDING
    assert not StockMovement.objects.filter(order_line=line).exists()
    # and the noodle producer cannot act on the lychee line of the same order either
    neighbour = producer_client(noodles.producer)
    assert act(neighbour, line, rules.LINE_PACKED).status_code == 404


def test_delivery_line_is_packed_then_shipped_with_tracking_then_delivered(two_producer_order):
    # given
    order, lychee, _ = two_producer_order
    client = producer_client(lychee.producer)
    line = line_of(order, lychee)
    # when packed
    response = act(client, line, rules.LINE_PACKED)
    # then
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.status == rules.LINE_PACKED
    order.refresh_from_db()
    assert order.status == "Chờ xử lý", "packing does not move the order"
    # when shipped with carrier and tracking number
    response = act(
        client, line, rules.LINE_SHIPPED, carrier=" Viettel Post ", tracking_number="VTP123456"
    )
    # then
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.status == rules.LINE_SHIPPED
    shipment = LineShipment.objects.get(line=line)
    assert (shipment.carrier, shipment.tracking_number) == ("Viettel Post", "VTP123456")
    assert shipment.shipped_by == client.user
    order.refresh_from_db()
    assert order.status == rules.ORDER_PARTLY_SHIPPED
    # when delivered
    act(client, line, rules.LINE_DELIVERED)
    line.refresh_from_db()
    assert line.status == rules.LINE_DELIVERED
    page = client.get(reverse("producer_dashboard:orders") + "?loc=hoan-tat").content.decode()
    assert "VTP123456" in page


def test_shipping_needs_carrier_and_tracking_and_wrong_moves_are_refused(two_producer_order):
    # given
    order, lychee, _ = two_producer_order
    client = producer_client(lychee.producer)
    line = line_of(order, lychee)
    # when shipped without a tracking number
    response = act(client, line, rules.LINE_SHIPPED, carrier="GHN", tracking_number=" ")
    # then
    assert response.status_code == 400
    assert "Bắt buộc khi gửi hàng" in response.content.decode()
    # when a delivery line is "collected", or a made-up status is posted
    response = act(client, line, rules.LINE_COLLECTED)
    assert response.status_code == 400
    assert "Không thể chuyển dòng hàng" in response.content.decode()
    assert act(client, line, "Đã thanh toán").status_code == 400
    # then nothing moved
    line.refresh_from_db()
    assert line.status == rules.LINE_PENDING
    assert not LineShipment.objects.exists()
    assert not StockMovement.objects.filter(order_line=line).exists()


def test_shipping_takes_stock_out_of_the_online_warehouse_exactly_once(two_producer_order):
    # given 20 in stock, 2 allocated to the order
    order, lychee, _ = two_producer_order
    client = producer_client(lychee.producer)
    line = line_of(order, lychee)
    record = StockRecord.objects.get(product=lychee)
    assert (record.num_in_stock, record.num_allocated) == (20, 2)
    # when shipped, and the same POST comes again (a second tap, a second tab)
    first = act(client, line, rules.LINE_SHIPPED, carrier="GHN", tracking_number="GHN1")
    second = act(client, line, rules.LINE_SHIPPED, carrier="GHN", tracking_number="GHN2")
    # then the second is refused and the stock left once
    assert first.status_code == 302 and second.status_code == 400
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (18, 0)
    movement = StockMovement.objects.get(order_line=line)
    assert movement.kind == StockMovement.Kind.SOLD_ONLINE and movement.quantity == -2
    assert movement.place is None and movement.created_by == client.user
    assert LineShipment.objects.get(line=line).tracking_number == "GHN1"


def test_lines_of_unpaid_orders_are_shown_but_cannot_be_fulfilled():
    # given an order waiting for a bank transfer
    product = listed_product(5, title="Gà đồi Yên Thế")
    order = place_order(product, payment="bank_transfer")
    client = producer_client(product.producer)
    # when
    todo = client.get(reverse("producer_dashboard:orders")).content.decode()
    waiting = client.get(reverse("producer_dashboard:orders") + "?loc=cho-thanh-toan")
    response = act(client, order.lines.get(), rules.LINE_PACKED)
    # then
    assert order.number not in todo
    assert order.number in waiting.content.decode()
    assert "Chờ thanh toán" in waiting.content.decode()
    assert response.status_code == 400
    assert "chưa thanh toán" in response.content.decode()


def test_pickup_line_is_made_ready_then_collected_and_never_shipped():
    # given a pickup order at a showroom holding the product
    showroom = ShowroomFactory(name="Điểm bán OCOP Lục Ngạn")
    product = listed_product(5, title="Vải thiều sấy")
    stock_move(product=product, place=showroom, quantity=3, kind="sent_to_showroom")
    order = place_order(product, method_code=f"pickup-{showroom.pk}")
    client = producer_client(product.producer)
    line = order.lines.get()
    movements = StockMovement.objects.count()
    page = client.get(reverse("producer_dashboard:orders")).content.decode()
    assert "Điểm bán OCOP Lục Ngạn" in page
    # when shipped: refused
    assert (
        act(client, line, rules.LINE_SHIPPED, carrier="GHN", tracking_number="1").status_code == 400
    )
    # when ready, then collected
    act(client, line, rules.LINE_READY)
    act(client, line, rules.LINE_COLLECTED)
    # then
    line.refresh_from_db()
    order.refresh_from_db()
    assert line.status == rules.LINE_COLLECTED and order.status == rules.ORDER_COLLECTED
    assert StockMovement.objects.count() == movements, "collecting moves no stock"


def test_packing_slip_lists_only_the_producers_lines_without_prices(two_producer_order):
    # given
    order, lychee, noodles = two_producer_order
    client = producer_client(lychee.producer)
    # when
    slip = client.get(
        reverse("producer_dashboard:packing_slip", kwargs={"order_id": order.pk})
    ).content.decode()
    batch = client.get(reverse("producer_dashboard:packing_slips")).content.decode()
    # then
    for page in (slip, batch):
        assert page.count('data-testid="packing-slip"') == 1
        assert page.count('data-testid="slip-line"') == 1
        assert "Vải thiều sấy" in page and "Mỳ Chũ" not in page
        assert "Nguyễn Thị Lan" in page and "Thôn Chũ, 12 đường Lê Lợi" in page
        assert "₫" not in page and "lan@example.vn" not in page
        assert "@media print" in page and lychee.producer.name in page


def test_orders_page_needs_a_producer_user(client, user):
    url = reverse("producer_dashboard:orders")
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(user)
    assert client.get(url).status_code == 403


def test_orders_page_queries_do_not_grow_with_the_orders():
    # given a producer with two orders, then four more
    product = listed_product(5, num_in_stock=50)
    other = listed_product(4, num_in_stock=50)
    showroom = ShowroomFactory()
    stock_move(product=product, place=showroom, quantity=5, kind="sent_to_showroom")
    place_order(product, other)
    place_order(product, method_code=f"pickup-{showroom.pk}")
    client = producer_client(product.producer)
    url = reverse("producer_dashboard:orders") + "?loc=tat-ca"
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    place_order(product, other)
    place_order(product, method_code=f"pickup-{showroom.pk}")
    place_order((product, 2))
    place_order(product, other, payment="bank_transfer")
    place_order((other, 3))  # not theirs: not shown
    with CaptureQueriesContext(connection) as five:
        response = client.get(url)
    # then
    assert response.content.decode().count('data-testid="order-card"') == 6
    assert len(five) == len(one), [q["sql"] for q in five.captured_queries]
    assert len(five) <= 22, [q["sql"][:90] for q in five.captured_queries]


def test_dashboard_home_counts_the_orders_to_send(two_producer_order):
    # given one order to send, and one awaiting its transfer
    order, lychee, _ = two_producer_order
    place_order(lychee, payment="bank_transfer")
    client = producer_client(lychee.producer)
    # when
    page = client.get(reverse("producer_dashboard:home")).content.decode()
    # then
    assert 'data-testid="home-orders"' in page
    assert 'data-testid="home-orders-count">1<' in page
    assert order.number in page and "1 đơn đang chờ thanh toán" in page


def test_shipped_email_tells_the_shopper_the_carrier_and_tracking_number(
    two_producer_order, django_capture_on_commit_callbacks
):
    # given
    from django.core import mail

    order, lychee, noodles = two_producer_order
    client = producer_client(lychee.producer)
    mail.outbox.clear()
    # when the lychee producer ships its line
    with django_capture_on_commit_callbacks(execute=True):
        act(
            client,
            line_of(order, lychee),
            rules.LINE_SHIPPED,
            carrier="Viettel Post",
            tracking_number="VTP777",
        )
    # then the shopper learns how it travels, and nothing about the line not yet sent
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Viettel Post, mã vận đơn VTP777" in body
    assert lychee.get_title() in body
    assert noodles.get_title() not in body
