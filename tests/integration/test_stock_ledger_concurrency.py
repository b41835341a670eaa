"""The ledger under concurrent adjustments, on PostgreSQL: the balance is always the sum of
the movements, never negative, the stock record mirrors the online ledger, and no update is
lost. Each thread has its own connection; skipped on SQLite (no row locks)."""

from __future__ import annotations

import threading
from decimal import Decimal

from django.db import connections
from django.db.models import Sum
from oscar.core import prices
from oscar.core.loading import get_class, get_model

from marketplace.shipping.methods import HomeDelivery
from producers.models import StockMovement
from producers.services import StockError, stock_line_ship, stock_move, stock_transfer
from producers.strategy import OcopStrategy
from tests.concurrency import ROW_LOCK_TESTS
from tests.factories import ShowroomFactory, listed_product
from tests.functional.conftest import _keep_migration_rows  # noqa: F401  (fixture)

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")
OrderCreator = get_class("order.utils", "OrderCreator")

pytestmark = ROW_LOCK_TESTS

WORKERS = 8


def _race(jobs):
    """Run every job at once, each in its own thread and connection; return (done, refused)."""
    barrier = threading.Barrier(len(jobs))
    done, refused, errors = [], [], []

    def run(job):
        try:
            barrier.wait()
            done.append(job())
        except StockError as error:
            refused.append(str(error))
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return done, refused


def _sum(product, **filters) -> int:
    return (
        StockMovement.objects.filter(product=product, **filters).aggregate(n=Sum("quantity"))["n"]
        or 0
    )


def test_concurrent_withdrawals_never_take_the_warehouse_below_zero():
    # given 5 units online and 8 people each spoiling 1 at once
    product = listed_product(5, num_in_stock=0)
    stock_move(product=product, place=None, quantity=5, kind="received")
    # when
    done, refused = _race(
        [lambda: stock_move(product=product, place=None, quantity=1, kind="spoiled")] * WORKERS
    )
    # then exactly five succeed, and everything agrees
    assert len(done) == 5 and len(refused) == WORKERS - 5
    assert _sum(product, place__isnull=True) == 0
    assert StockRecord.objects.get(product=product).num_in_stock == 0


def test_concurrent_adjustments_lose_no_update():
    # given 20 units online and a showroom
    product, showroom = listed_product(5, num_in_stock=0), ShowroomFactory()
    stock_move(product=product, place=None, quantity=20, kind="received")
    jobs = []
    for n in range(WORKERS):
        if n % 3 == 0:
            jobs.append(
                lambda: stock_move(product=product, place=None, quantity=2, kind="received")
            )
        elif n % 3 == 1:
            jobs.append(lambda: stock_move(product=product, place=None, quantity=1, kind="spoiled"))
        else:
            jobs.append(
                lambda: stock_transfer(product=product, source=None, target=showroom, quantity=3)
            )
    # when
    done, refused = _race(jobs)
    # then the balance is the start plus every recorded movement, mirrored in the record
    assert not refused and len(done) == WORKERS
    online = _sum(product, place__isnull=True)
    assert online == 20 + 3 * 2 - 3 * 1 - 2 * 3
    assert StockRecord.objects.get(product=product).num_in_stock == online
    assert _sum(product, place=showroom) == 2 * 3


def test_a_line_shipped_twice_at_once_leaves_the_warehouse_once():
    product = listed_product(5, num_in_stock=0)
    stock_move(product=product, place=None, quantity=5, kind="received")
    basket = Basket.objects.create()
    basket.strategy = OcopStrategy()
    basket.add_product(product, 2)
    zero = prices.Price(currency="VND", excl_tax=Decimal(0), incl_tax=Decimal(0))
    total = prices.Price(
        currency="VND", excl_tax=basket.total_incl_tax, incl_tax=basket.total_incl_tax
    )
    order = OrderCreator().place_order(
        basket=basket,
        total=total,
        shipping_charge=zero,
        order_number="S0001",
        shipping_method=HomeDelivery(charge=0, zone="in_province", weight_grams=1000),
    )
    line = order.lines.get()
    # when two requests ship it at the same moment
    done, refused = _race([lambda: stock_line_ship(line=line, pickup=False)] * 4)
    # then one movement; the allocation consumed once
    assert len({movement.pk for movement in done}) == 1
    assert StockMovement.objects.filter(order_line=line).count() == 1
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (3, 0)
