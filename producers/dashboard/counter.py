"""The showroom counter: a :class:`~producers.models.ShowroomOperator` records the sales made at
the counter of the showroom they keep, as ledger movements (*sold at showroom*).

Reads here; the write is :func:`producers.services.stock_move` (locked, never below zero).
"""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery, Sum
from oscar.core.loading import get_model

from producers.models import StockMovement

Place = get_model("catalogue", "Place")
StockRecord = get_model("partner", "StockRecord")


def operator_places(*, user) -> QuerySet:
    """The showrooms ``user`` keeps the counter of (every showroom for staff)."""
    places = Place.objects.filter(kind=Place.Kind.SHOWROOM).order_by("name")
    if user.is_staff:
        return places
    return places.filter(operators__user=user).distinct()


def counter_stock(*, place) -> list[dict]:
    """What ``place`` holds: ``product``, ``title``, ``producer``, ``balance`` (> 0) and the
    online ``price`` (what the shop charges), by title; one query."""
    price = StockRecord.objects.filter(product=OuterRef("product")).order_by("pk").values("price")
    return list(
        StockMovement.objects.filter(place=place)
        .values("product")
        .annotate(balance=Sum("quantity"))
        .filter(balance__gt=0)
        .annotate(
            title=Subquery(_title()), producer=Subquery(_producer()), price=Subquery(price[:1])
        )
        .order_by("title")
    )


def _title():
    Product = get_model("catalogue", "Product")
    return Product.objects.filter(pk=OuterRef("product")).values("title")[:1]


def _producer():
    Producer = get_model("partner", "Producer")
    return Producer.objects.filter(products__pk=OuterRef("product")).values("name")[:1]


def counter_recent_sales(*, place, limit: int = 10) -> QuerySet:
    """The latest counter sales recorded at ``place`` (by anybody), newest first."""
    return (
        StockMovement.objects.filter(
            place=place, kind=StockMovement.Kind.SOLD_AT_SHOWROOM, created_by__isnull=False
        )
        .select_related("product", "created_by")
        .order_by("-created_at", "-pk")[:limit]
    )
