"""Reads about producers, always through the storefront gate."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, QuerySet

from catalog import selectors as catalog_selectors
from producers.models import Producer


def producer_list_public(*, with_unlisted: bool = False) -> QuerySet:
    """Producers for public pages, with ``listed_count`` (products on sale now).

    Without ``with_unlisted`` only producers with something on sale are returned.
    """
    listed = catalog_selectors.product_listed_queryset().filter(producer=OuterRef("pk"))
    queryset = Producer.objects.select_related("commune__district").annotate(
        has_listed=Exists(listed)
    )
    if not with_unlisted:
        queryset = queryset.filter(has_listed=True)
    return queryset


def producer_products_listed(*, producer: Producer) -> QuerySet:
    """The producer's products that are on sale now, ready for product cards."""
    return catalog_selectors.product_cards_queryset().filter(producer=producer)


def producer_counts_by_kind() -> dict[str, int]:
    """How many producers there are of each kind."""
    rows = Producer.objects.values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


def place_products_in_stock(*, place) -> QuerySet:
    """Products on sale now that ``place`` holds stock of, with ``showroom_stock`` annotated."""
    from django.db.models import IntegerField, OuterRef, Subquery, Sum
    from django.db.models.functions import Coalesce

    from producers.models import StockMovement

    held = (
        StockMovement.objects.filter(place=place, product=OuterRef("pk"))
        .values("product")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return (
        catalog_selectors.product_cards_queryset()
        .annotate(showroom_stock=Coalesce(Subquery(held, output_field=IntegerField()), 0))
        .filter(showroom_stock__gt=0)
    )


def product_places_in_stock(*, product) -> list:
    """The showroom points holding stock of ``product``, with ``stock`` on each."""
    from django.db.models import Sum

    from catalog.models import Place

    return list(
        Place.objects.filter(kind=Place.Kind.SHOWROOM, stock_movements__product=product)
        .select_related("district")
        .annotate(stock=Sum("stock_movements__quantity"))
        .filter(stock__gt=0)
        .order_by("name")
    )
