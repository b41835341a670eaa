"""Many simultaneous pre-orders for the last units of a quota, on PostgreSQL: the campaign row
lock makes exactly the free number of orders succeed; the quota is never exceeded.

Uses the race harness of test_stock_concurrency (one connection per thread); skipped on SQLite.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from oscar.core.loading import get_model

from catalog.seasons import window_make
from marketplace.shipping.methods import HomeDelivery
from producers.models import Preorder, PreorderCampaign
from producers.services import preorder_campaign_start, product_windows_set
from tests.concurrency import ROW_LOCK_TESTS
from tests.factories import listed_product
from tests.functional.test_stock_concurrency import SHOPPERS, _basket, _race

StockRecord = get_model("partner", "StockRecord")

pytestmark = ROW_LOCK_TESTS


def test_simultaneous_pre_orders_for_the_last_units_never_exceed_the_quota():
    # given out of season, 110 boxes of last season in stock, a quota of 5 with 2 taken
    today = timezone.localdate()
    first, last = today + timedelta(days=40), today + timedelta(days=100)
    product = listed_product(5, num_in_stock=110)
    product_windows_set(
        product=product,
        windows=[window_make(start=(first.day, first.month), end=(last.day, last.month))],
    )
    campaign = preorder_campaign_start(
        product=product, quota=5, delivery_from=first, delivery_until=last, today=today
    )
    PreorderCampaign.objects.filter(pk=campaign.pk).update(taken=2)
    baskets = [_basket(product) for _ in range(SHOPPERS)]
    delivery = HomeDelivery(charge=0, zone="in_province", weight_grams=1000)
    # when all shoppers order their box at once
    placed, refused = _race(baskets, delivery)
    # then exactly the 3 free units were taken, by 3 orders; the stock was not touched
    campaign.refresh_from_db()
    assert len(placed) == 3 and len(refused) == SHOPPERS - 3
    assert campaign.taken == 5
    assert Preorder.objects.filter(campaign=campaign).count() == 3
    assert all("đặt trước" in message for message in refused), refused
    assert not StockRecord.objects.get(product=product).num_allocated
