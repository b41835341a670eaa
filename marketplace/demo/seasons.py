"""Demo seasons and pre-orders: harvest windows for the fresh products, and pre-orders opened
for the next harvest where the producer would open them, computed from ``today`` so that on any
day of the year the demo shows a product in season, one out of season taking pre-orders and one
out of season without (tests/unit/test_demo_seasons.py walks every day of a leap year).

Where the dates come from (recurring day/month windows; a real year moves them by a week or two):

- Lục Ngạn lychee (*vải thiều*), both the cooperative's box and the farm's 5 kg crate: late May to
  late July, as the products' own descriptions and the DOMAIN's "picked from late May to late
  July" say; 25/5 – 25/7 is the window the issue quotes.
- Phúc Hòa early lychee (*vải sớm*, Tân Yên): ripens about a month before Lục Ngạn's (its
  producer's description): early May to early June.
- Lục Nam custard apple (*na dai*): the description gives August to October; the first fruit of
  the hill orchards is picked from late July, so 20/7 – 15/10.
- Diễn pomelo (*bưởi Diễn*, Tân Yên): picked from October and kept on sale until Tết: 1/10 – 31/1.
- Lục Nam star apple (*vú sữa*): ripens in the cold months and is sold around Tết: 15/12 – 15/3.
- Yên Thế hill chicken (*gà đồi*): raised all year, but most of it is sold for Tết, when the
  cooperative sells whole birds: 15/11 – 15/2, with pre-orders for Tết taken before.
- Nham Sơn oyster mushroom (*nấm sò*): grown in the cool season, September to April.

Pre-orders: the lychee cooperative and the hill-chicken cooperative take pre-orders for their
next season whenever they are out of season (lychee with a 30% VietQR deposit, chicken cash on
delivery); nobody else does. Idempotent: an open campaign is left as it is.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from oscar.core.loading import get_model

from catalog import seasons
from producers.models import PreorderCampaign
from producers.services import preorder_campaign_start, product_windows_set

Product = get_model("catalogue", "Product")

#: SKU → harvest windows as ((start day, month), (end day, month)).
WINDOWS: dict[str, tuple[tuple[tuple[int, int], tuple[int, int]], ...]] = {
    "LN-VT-001": (((25, 5), (25, 7)),),
    "LN-VT-005": (((25, 5), (25, 7)),),
    "TY-VS-001": (((1, 5), (10, 6)),),
    "LNA-NA-001": (((20, 7), (15, 10)),),
    "TY-BU-001": (((1, 10), (31, 1)),),
    "LNA-NA-002": (((15, 12), (15, 3)),),
    "YT-GD-001": (((15, 11), (15, 2)),),
    "YD-NS-001": (((1, 9), (30, 4)),),
}

#: SKU → (quota, deposit kind, deposit value): pre-orders opened whenever out of season.
PREORDERS: dict[str, tuple[int, str, int]] = {
    "LN-VT-001": (300, seasons.DepositKind.PERCENT, 30),
    "YT-GD-001": (120, seasons.DepositKind.NONE, 0),
}

#: How long after the season's first day the demo expects to deliver pre-orders.
DELIVERY_DAYS = 20


def demo_windows(sku: str) -> list[seasons.Window]:
    """The demo's windows for ``sku`` (empty when not seasonal)."""
    return [seasons.window_make(start=start, end=end) for start, end in WINDOWS.get(sku, ())]


def demo_preorders_open(sku: str, *, today: date) -> bool:
    """Whether the demo opens pre-orders for ``sku`` on ``today``: out of season only."""
    return sku in PREORDERS and not seasons.in_season(demo_windows(sku), today=today)


def demo_seasons_load(*, created: Counter, today: date) -> list[str]:
    """Set the windows and open the pre-orders due on ``today``; return lines to print."""
    lines = []
    for product in Product.objects.filter(code__in=WINDOWS):
        windows = demo_windows(product.code)
        if seasons.windows_from_data(product.harvest_windows) != windows:
            product_windows_set(product=product, windows=windows)
            created["harvest windows"] += 1
        if not demo_preorders_open(product.code, today=today):
            continue
        if PreorderCampaign.objects.filter(
            product=product, status=PreorderCampaign.Status.OPEN
        ).exists():
            continue
        upcoming = seasons.season_next(windows, today=today)
        quota, kind, value = PREORDERS[product.code]
        preorder_campaign_start(
            product=product,
            quota=quota,
            delivery_from=upcoming.start,
            delivery_until=upcoming.start + timedelta(days=DELIVERY_DAYS),
            deposit_kind=kind,
            deposit_value=value,
            today=today,
        )
        created["pre-order campaigns"] += 1
        lines.append(f"Pre-orders open: {product.title} (giao từ {upcoming.start:%d/%m/%Y})")
    return lines
