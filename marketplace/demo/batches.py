"""Demo traceable batches (lô hàng) with QR labels for the signature products, and growing-area
and packing-facility codes on the lychee orchards.

Every code here is INVENTED for the demo: growing-area codes use the ``VN-BGOR-9xxx`` serials and
the packing facility ``VN-BGPH-9001`` (real codes are issued by the Plant Protection Department;
the 9xxx range marks these as made up), and every batch's notes say "dữ liệu demo".

Dates are relative to ``today`` so the demo loads on any day of the year: fresh lychee batches
are dated in the last lychee season (late May – late July, the most recent one that has
started), processed products and hill chicken in the last weeks. Idempotent: a batch is found by
product, harvest date and growing area before one is recorded.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from oscar.core.loading import get_model

from marketplace.demo import data
from producers.models import Batch, Producer
from producers.services import batch_record

Product = get_model("catalogue", "Product")
Place = get_model("catalogue", "Place")

DEMO_NOTE = "Dữ liệu demo: mã số vùng trồng và lô hàng là minh hoạ, không phải mã thật."
#: Growing-area codes (invented, see the module docstring) of the lychee products, by SKU.
GROWING_AREA_CODES = {
    "LN-VT-001": "VN-BGOR-9001",
    "LN-VT-005": "VN-BGOR-9002",
    "LN-VT-002": "VN-BGOR-9001",
}
PACKING_FACILITY_CODES = {data.LYCHEE_COOPERATIVE_SLUG: "VN-BGPH-9001"}


def _last_season_day(today: date, month: int, day: int) -> date:
    """The most recent ``day``/``month`` on or before ``today``."""
    this_year = date(today.year, month, day)
    return this_year if this_year <= today else date(today.year - 1, month, day)


def _batches(today: date) -> list[tuple[str, date, int, str, str]]:
    """(SKU, harvest date, quantity, growing area, showroom slug) of each demo batch."""
    lychee_day = _last_season_day(today, 6, 20)
    return [
        ("LN-VT-001", lychee_day, 400, "Vườn vải thôn Khuôn Thần, xã Phượng Sơn", ""),
        (
            "LN-VT-005",
            lychee_day + timedelta(days=3),
            120,
            "Vườn vải VietGAP đồi Khuôn Thần, xã Phượng Sơn",
            data.COUNTER_PLACE_SLUG,
        ),
        (
            "LN-VT-002",
            lychee_day + timedelta(days=12),
            300,
            "Lò sấy của hợp tác xã, xã Phượng Sơn",
            "",
        ),
        ("LN-MC-001", today - timedelta(days=10), 500, "Xưởng mỳ thôn Chũ, xã Nam Dương", ""),
        ("YT-GD-001", today - timedelta(days=3), 80, "Trại gà đồi xã Đồng Tâm", ""),
    ]


def demo_batches_load(*, created: Counter, today: date) -> list[str]:
    """Load the codes and batches; return a line naming one batch page to scan."""
    for sku, code in GROWING_AREA_CODES.items():
        created["growing-area codes"] += (
            Product.objects.filter(code=sku)
            .exclude(growing_area_code=code)
            .update(growing_area_code=code)
        )
    for slug, code in PACKING_FACILITY_CODES.items():
        Producer.objects.filter(slug=slug).update(packing_facility_code=code)
    products = {
        p.code: p
        for p in Product.objects.filter(
            code__in=[row[0] for row in _batches(today)]
        ).select_related("producer")
    }
    first = None
    for sku, day, quantity, area, place_slug in _batches(today):
        product = products.get(sku)
        if product is None or product.producer is None:
            continue
        batch = Batch.objects.filter(product=product, harvest_date=day, growing_area=area).first()
        if batch is None:
            batch = batch_record(
                producer=product.producer,
                product=product,
                harvest_date=day,
                quantity=quantity,
                growing_area=area,
                place=Place.objects.filter(slug=place_slug).first(),
                notes=DEMO_NOTE,
                today=today,
            )
            created["batches"] += 1
        first = first or batch
    if first is None:
        return []
    return [f"Lô hàng (QR trên nhãn): /lo-hang/{first.code}/ · in nhãn: bảng quản lý → Lô hàng"]
