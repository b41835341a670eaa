"""Many simultaneous orders for the last units, on PostgreSQL: row locks make exactly the
available number of orders succeed, online and at a showroom; allocated never exceeds stock.

Each thread has its own database connection (Django opens one per thread), so the orders really
race; the test needs a database with row locks and is skipped on SQLite.
"""

from __future__ import annotations

import threading
from decimal import Decimal

from django.db import connections
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core import prices
from oscar.core.loading import get_class, get_model

from marketplace.shipping.methods import HomeDelivery, ShowroomPickup
from producers.selectors import stock_balance
from producers.services import stock_move
from producers.strategy import OcopStrategy
from tests.concurrency import ROW_LOCK_TESTS
from tests.factories import ShowroomFactory, listed_product

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
OrderCreator = get_class("order.utils", "OrderCreator")

pytestmark = ROW_LOCK_TESTS

SHOPPERS = 8


def _basket(product, quantity=1):
    basket = Basket.objects.create()
    basket.strategy = OcopStrategy()
    basket.add_product(product, quantity)
    return basket


def _race(baskets, method):
    """Place one order per basket, all at once; return (orders placed, refusals)."""
    barrier = threading.Barrier(len(baskets))
    placed, refused, errors = [], [], []

    def shop(index, basket):
        try:
            basket.strategy = OcopStrategy()
            zero = prices.Price(currency="VND", excl_tax=Decimal(0), incl_tax=Decimal(0))
            total = prices.Price(
                currency="VND", excl_tax=basket.total_incl_tax, incl_tax=basket.total_incl_tax
            )
            barrier.wait()
            OrderCreator().place_order(
                basket=basket,
                total=total,
                shipping_method=method,
                shipping_charge=zero,
                order_number=f"R{index:04d}",
            )
            placed.append(index)
        except UnableToPlaceOrder as error:
            refused.append(str(error))
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=shop, args=(i, b)) for i, b in enumerate(baskets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return placed, refused


def test_simultaneous_orders_for_the_last_unit_give_exactly_one_order():
    # given
    product = listed_product(5, num_in_stock=1)
    baskets = [_basket(product) for _ in range(SHOPPERS)]
    delivery = HomeDelivery(charge=0, zone="in_province", weight_grams=1000)
    # when
    placed, refused = _race(baskets, delivery)
    # then
    assert len(placed) == 1 and len(refused) == SHOPPERS - 1
    assert Order.objects.count() == 1
    record = StockRecord.objects.get(product=product)
    assert record.num_allocated == 1 <= record.num_in_stock
    assert all("chỉ còn 0" in message for message in refused)


def test_simultaneous_pickups_never_take_more_than_the_showroom_holds():
    # given three units at the showroom, eight shoppers wanting one each
    showroom = ShowroomFactory()
    product = listed_product(5, num_in_stock=50)
    stock_move(product=product, place=showroom, quantity=3, kind="sent_to_showroom")
    baskets = [_basket(product) for _ in range(SHOPPERS)]
    # when
    placed, refused = _race(baskets, ShowroomPickup(showroom))
    # then
    assert len(placed) == 3 and len(refused) == SHOPPERS - 3
    assert Order.objects.count() == 3
    assert stock_balance(product=product, place=showroom) == 0
