"""The search part of ``manage.py load_demo_data``: a fresh index of the demo catalogue."""

from __future__ import annotations

from search.indexing import search_index_rebuild


def search_demo_load() -> int:
    """Rebuild the product search index (idempotent); returns the number indexed."""
    return search_index_rebuild()
