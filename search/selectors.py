"""Product search over the storefront gate.

Interim embedded search for the foundation: it folds the query and the listed products' text in
Python and keeps those that contain every query word. Only products that pass the gate are ever
considered, so nothing unlisted can be found. The search issue replaces the matching with
database full-text search and Elasticsearch behind one interface.
"""

from __future__ import annotations

from django.db.models import QuerySet

from catalog import selectors as catalog_selectors
from search.text import fold, tokens


def product_search(*, query: str) -> QuerySet:
    """Listed products matching every word of ``query``, best-rated first."""
    words = tokens(query)
    listed = catalog_selectors.product_listed_queryset()
    if not words:
        return listed.none()
    rows = listed.values_list(
        "pk", "title", "description", "producer__name", "origin_commune__name",
        "origin_commune__district__name",
    )
    matches = []
    for pk, *fields in rows:
        haystack = fold(" ".join(f or "" for f in fields))
        if all(word in haystack for word in words):
            matches.append(pk)
    return catalog_selectors.product_cards_queryset().filter(pk__in=matches)
