"""Two taps on "ship" at the same moment (two phones, two tabs), on PostgreSQL: the order row
lock lets exactly one through; the stock leaves the online warehouse once and one shipment is
stored. Skipped on SQLite (no row locks)."""

from __future__ import annotations

import threading

from django.db import connections
from oscar.core.loading import get_model

from marketplace.checkout import rules
from marketplace.checkout.services import LineStatusError
from producers.dashboard.orders import order_line_fulfil
from producers.models import StockMovement
from tests.concurrency import ROW_LOCK_TESTS
from tests.factories import listed_product
from tests.functional.test_producer_orders import place_order

StockRecord = get_model("partner", "StockRecord")
LineShipment = get_model("order", "LineShipment")

pytestmark = ROW_LOCK_TESTS

TAPS = 4


def test_simultaneous_ship_requests_ship_once_and_take_the_stock_once():
    # given a line of 3 units, 20 in stock
    product = listed_product(5, num_in_stock=20)
    order = place_order((product, 3))
    line = order.lines.get()
    producer = product.producer
    barrier = threading.Barrier(TAPS)
    shipped, refused, errors = [], [], []

    def tap(index):
        try:
            barrier.wait()
            order_line_fulfil(
                producer=producer,
                line=line,
                status=rules.LINE_SHIPPED,
                carrier="GHN",
                tracking_number=f"GHN{index}",
            )
            shipped.append(index)
        except LineStatusError as error:
            refused.append(str(error))
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))
        finally:
            connections.close_all()

    # when
    threads = [threading.Thread(target=tap, args=(i,)) for i in range(TAPS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then
    assert not errors, errors
    assert len(shipped) == 1 and len(refused) == TAPS - 1
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (17, 0)
    assert StockMovement.objects.filter(order_line=line, kind="sold_online").count() == 1
    assert LineShipment.objects.get(line=line).tracking_number == f"GHN{shipped[0]}"
