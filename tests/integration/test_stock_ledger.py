"""The stock ledger across locations: the online warehouse mirrors Oscar's stock record,
transfers move both sides at once, shipping a line consumes its allocation exactly once,
thresholds alert once per crossing, and counts refuse stale previews."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.db.models import Sum
from oscar.core import prices
from oscar.core.loading import get_class, get_model

from marketplace.shipping.methods import HomeDelivery, ShowroomPickup
from producers.models import StockMovement
from producers.selectors import stock_balance
from producers.services import (
    ONLINE_SYNC_NOTE,
    StockError,
    stock_count,
    stock_line_ship,
    stock_move,
    stock_threshold_set,
    stock_transfer,
)
from producers.strategy import OcopStrategy
from tests.factories import ShowroomFactory, UserFactory, listed_product

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")
OrderCreator = get_class("order.utils", "OrderCreator")

pytestmark = pytest.mark.django_db


def _stocked(units: int = 10, **kwargs):
    """A listed product whose online stock came in through the ledger."""
    product = listed_product(5, num_in_stock=0, **kwargs)
    if units:
        stock_move(product=product, place=None, quantity=units, kind="received")
    return product


def _record(product):
    return StockRecord.objects.get(product=product)


def _online_sum(product) -> int:
    return (
        StockMovement.objects.filter(product=product, place__isnull=True).aggregate(
            n=Sum("quantity")
        )["n"]
        or 0
    )


def _order(product, quantity=1, method=None, number="T0001"):
    basket = Basket.objects.create()
    basket.strategy = OcopStrategy()
    basket.add_product(product, quantity)
    zero = prices.Price(currency="VND", excl_tax=Decimal(0), incl_tax=Decimal(0))
    total = prices.Price(
        currency="VND", excl_tax=basket.total_incl_tax, incl_tax=basket.total_incl_tax
    )
    method = method or HomeDelivery(charge=0, zone="in_province", weight_grams=1000)
    return OrderCreator().place_order(
        basket=basket,
        total=total,
        shipping_method=method,
        shipping_charge=zero,
        order_number=number,
    )


def test_online_movements_keep_the_stock_record_equal_to_the_ledger():
    # given
    product = _stocked(10)
    # when
    stock_move(product=product, place=None, quantity=3, kind="spoiled", note="Dập nát")
    stock_move(product=product, place=None, quantity=-2, kind="correction")
    # then
    assert stock_balance(product=product, place=None) == 5 == _record(product).num_in_stock
    assert list(
        StockMovement.objects.filter(product=product).order_by("pk").values_list("kind", "quantity")
    ) == [("received", 10), ("spoiled", -3), ("correction", -2)]


def test_sending_to_a_showroom_takes_units_out_of_the_warehouse_in_one_go():
    # given
    product, showroom = _stocked(10), ShowroomFactory()
    # when
    stock_transfer(product=product, source=None, target=showroom, quantity=4, note="Đợt 1")
    stock_transfer(product=product, source=showroom, target=None, quantity=1)
    # then
    assert stock_balance(product=product, place=showroom) == 3
    assert stock_balance(product=product, place=None) == 7 == _record(product).num_in_stock


def test_a_transfer_of_more_than_the_warehouse_holds_writes_nothing():
    # given
    product, showroom = _stocked(2), ShowroomFactory()
    before = StockMovement.objects.count()
    # when / then
    with pytest.raises(StockError, match="chỉ còn 2"):
        stock_transfer(product=product, source=None, target=showroom, quantity=3)
    assert StockMovement.objects.count() == before
    assert stock_balance(product=product, place=showroom) == 0
    assert _record(product).num_in_stock == 2


@pytest.mark.parametrize(
    ("quantity", "kind", "message"),
    [
        (-1, "received", "dương"),
        ("2.5", "received", "số nguyên"),
        (0, "spoiled", "khác 0"),
        (3, "sold_at_showroom", "điểm bán"),
        (11, "spoiled", "chỉ còn 10"),
        (-11, "correction", "chỉ còn 10"),
        (10**9, "received", "quá lớn"),
    ],
)
def test_bad_online_movements_are_refused_and_leave_the_ledger_alone(quantity, kind, message):
    product = _stocked(10)
    with pytest.raises(StockError, match=message):
        stock_move(product=product, place=None, quantity=quantity, kind=kind)
    assert _online_sum(product) == 10 == _record(product).num_in_stock


def test_units_reserved_for_orders_cannot_be_spoiled_away():
    # given 5 units, 3 of them ordered and not yet shipped
    product = _stocked(5)
    _order(product, quantity=3)
    # when / then
    with pytest.raises(StockError, match="3 đã giữ cho đơn"):
        stock_move(product=product, place=None, quantity=3, kind="spoiled")
    stock_move(product=product, place=None, quantity=2, kind="spoiled")
    assert _record(product).num_in_stock == 3 and _record(product).num_allocated == 3


def test_shipping_a_delivery_line_consumes_its_allocation_exactly_once():
    # given
    product = _stocked(5)
    line = _order(product, quantity=2).lines.get()
    assert _record(product).num_allocated == 2
    # when the line is shipped twice
    first = stock_line_ship(line=line, pickup=False)
    again = stock_line_ship(line=line, pickup=False)
    # then
    assert first.pk == again.pk and first.quantity == -2 and first.order_line_id == line.pk
    record = _record(product)
    assert (record.num_in_stock, record.num_allocated) == (3, 0)
    assert _online_sum(product) == 3
    assert StockMovement.objects.filter(kind="sold_online").count() == 1


def test_shipping_through_the_line_status_service_takes_stock_out_once():
    from marketplace.checkout import rules, services

    product = _stocked(5)
    order = _order(product, quantity=1)
    line = order.lines.get()
    # when the producer marks the line shipped
    services.order_line_status_set(line=line, status=rules.LINE_SHIPPED)
    # then the unit has left the warehouse
    assert (_record(product).num_in_stock, _record(product).num_allocated) == (4, 0)
    assert StockMovement.objects.get(order_line=line).kind == "sold_online"
    stock_line_ship(line=line, pickup=False)  # a second path calling it again changes nothing
    assert _record(product).num_in_stock == 4
    assert StockMovement.objects.filter(order_line=line).count() == 1


def test_collecting_a_pickup_line_moves_no_more_stock():
    product, showroom = _stocked(5), ShowroomFactory()
    stock_transfer(product=product, source=None, target=showroom, quantity=2)
    line = _order(product, method=ShowroomPickup(showroom)).lines.get()
    assert stock_balance(product=product, place=showroom) == 1  # reserved at checkout
    assert stock_line_ship(line=line, pickup=True) is None
    assert stock_balance(product=product, place=showroom) == 1
    assert _record(product).num_in_stock == 3


def test_a_stock_record_edited_outside_the_ledger_is_reconciled_by_a_visible_correction():
    # given a record whose count was typed in Oscar's staff dashboard
    product = _stocked(4)
    StockRecord.objects.filter(product=product).update(num_in_stock=9)
    # when
    stock_move(product=product, place=None, quantity=1, kind="spoiled")
    # then
    sync = StockMovement.objects.get(note=ONLINE_SYNC_NOTE)
    assert sync.quantity == 5 and sync.kind == "correction"
    assert _online_sum(product) == 8 == _record(product).num_in_stock


def test_a_low_stock_email_goes_once_per_crossing_and_rearms_after_restocking(
    django_capture_on_commit_callbacks,
):
    # given a threshold of 3 online and a producer user
    product = _stocked(6)
    producer = product.producer
    producer.email = "htx@example.vn"
    producer.save()
    producer.partner.users.add(UserFactory(email="chu.nhiem@example.vn"))
    stock_threshold_set(product=product, place=None, threshold=3)
    # when two sales take it to 3 then 2
    with django_capture_on_commit_callbacks(execute=True):
        stock_move(product=product, place=None, quantity=2, kind="spoiled")
        assert not mail.outbox
        stock_move(product=product, place=None, quantity=1, kind="spoiled")
        stock_move(product=product, place=None, quantity=1, kind="spoiled")
    # then one email, to both addresses
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"htx@example.vn", "chu.nhiem@example.vn"}
    assert product.title in mail.outbox[0].subject
    # when restocked above the threshold and falling again
    with django_capture_on_commit_callbacks(execute=True):
        stock_move(product=product, place=None, quantity=5, kind="received")
        stock_move(product=product, place=None, quantity=4, kind="spoiled")
    # then a second email
    assert len(mail.outbox) == 2


def test_showroom_thresholds_watch_the_showroom_balance(django_capture_on_commit_callbacks):
    product, showroom = _stocked(10), ShowroomFactory()
    product.producer.email = "htx@example.vn"
    product.producer.save()
    stock_transfer(product=product, source=None, target=showroom, quantity=5)
    stock_threshold_set(product=product, place=showroom, threshold=2)
    with django_capture_on_commit_callbacks(execute=True):
        stock_move(product=product, place=showroom, quantity=3, kind="sold_at_showroom")
    assert len(mail.outbox) == 1 and showroom.name in mail.outbox[0].subject


def test_a_count_writes_the_difference_and_refuses_a_stale_expectation():
    product = _stocked(10)
    movement = stock_count(product=product, place=None, counted=7, expected=10)
    assert movement.quantity == -3 and movement.kind == "correction"
    assert stock_count(product=product, place=None, counted=7) is None
    with pytest.raises(StockError, match="đã thay đổi"):
        stock_count(product=product, place=None, counted=9, expected=10)
    assert _record(product).num_in_stock == 7


def test_every_ledger_line_records_who_made_it():
    user = UserFactory()
    product = _stocked(0)
    stock_move(product=product, place=None, quantity=5, kind="received", by=user)
    assert StockMovement.objects.get(product=product).created_by == user
