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
