"""Keeping the index in step with the catalogue.

Changes to a product, its stock, its certificates, its producer or its categories add the
product ids to a pending set; once the transaction commits, one background task
(:func:`reindex_products`, Django's task framework: run immediately in development and tests)
re-reads those products through the gate and writes or deletes their documents. Nothing is
indexed from a transaction that rolls back. A search made in the same thread before the commit
first reindexes what is pending (:func:`search_pending_flush`), so it reads its own writes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from django_tasks import task

from search.backends import get_backend
from search.backends.base import SearchUnavailable
from search.documents import documents_for

logger = logging.getLogger(__name__)
_local = threading.local()


def products_reindex(*, product_ids: Iterable[int]) -> int:
    """Re-read ``product_ids`` through the gate: index those on sale, delete the others."""
    ids = sorted(set(product_ids))
    if not ids:
        return 0
    docs = list(documents_for(ids))
    backend = get_backend()
    on_sale = {doc.id for doc in docs}
    gone = [pk for pk in ids if pk not in on_sale]
    if gone:
        backend.delete(gone)
    return backend.index(docs)


#: Attempts of :func:`reindex_products` when the database refuses a write (a deadlock, a
#: serialisation failure, a constraint hit by a concurrent writer), and the pause between them.
REINDEX_ATTEMPTS = 3
REINDEX_RETRY_SECONDS = 0.2


@task()
def reindex_products(product_ids: list[int]) -> int:
    """The background task: reindex ``product_ids`` (see :func:`products_reindex`).

    A backend that is down is logged, not raised: the write that triggered the task has
    committed, and ``check_search_index --fix`` catches up once the backend is back. A database
    error is retried (each attempt re-reads the products, so a retry writes what is current) up
    to ``REINDEX_ATTEMPTS`` times, then raised: the task is marked failed and the error logged.
    """
    for attempt in range(1, REINDEX_ATTEMPTS + 1):
        try:
            return products_reindex(product_ids=product_ids)
        except SearchUnavailable as error:
            logger.warning("Search index not updated for %s products: %s", len(product_ids), error)
            return 0
        except DatabaseError as error:
            if attempt == REINDEX_ATTEMPTS:
                logger.error(
                    "Search index not updated for %s products after %s attempts: %s",
                    len(product_ids),
                    attempt,
                    error,
                )
                raise
            logger.warning("Reindex attempt %s failed, retrying: %s", attempt, error)
            time.sleep(REINDEX_RETRY_SECONDS * attempt)
    return 0


def _flush() -> None:
    pending = getattr(_local, "pending", None)
    if not pending:
        return
    _local.pending = set()
    reindex_products.enqueue(sorted(pending))


def search_pending_flush() -> int:
    """Reindex, now and in the current transaction, what this thread scheduled but has not yet
    committed: a search made after a write in the same transaction sees that write."""
    pending = getattr(_local, "pending", None)
    if not pending:
        return 0
    _local.pending = set()
    try:
        return products_reindex(product_ids=pending)
    except SearchUnavailable as error:
        logger.warning("Search index not updated before searching: %s", error)
        return 0


def products_schedule_reindex(*, product_ids: Iterable[int]) -> None:
    """Reindex ``product_ids`` after the current transaction commits, batched with others."""
    if not getattr(settings, "SEARCH_AUTO_INDEX", True):
        return
    ids = {pk for pk in product_ids if pk is not None}
    if not ids:
        return
    pending = getattr(_local, "pending", None)
    if pending is None:
        pending = _local.pending = set()
    pending.update(ids)
    # Every call registers the flush; the first to run after commit takes the whole batch.
    transaction.on_commit(_flush)


def search_index_rebuild() -> int:
    """Rebuild the whole index from the gate; returns the number of documents."""
    return get_backend().rebuild(documents_for())


@dataclass
class IndexCheck:
    """How the index differs from the database today."""

    missing: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale)


def search_index_check(*, fix: bool = False, today: date | None = None) -> IndexCheck:
    """Compare the index with the gate: products missing, indexed though not on sale, or
    indexed with other stars, validity, price, stock or showrooms. ``fix`` reindexes them."""
    today = today or timezone.localdate()
    expected = {doc.id: doc for doc in documents_for()}
    indexed = get_backend().indexed()
    check = IndexCheck(
        missing=sorted(set(expected) - set(indexed)),
        extra=sorted(set(indexed) - set(expected)),
    )
    for pk, doc in expected.items():
        if pk in indexed:
            stars, valid_until, price, in_stock, showrooms = indexed[pk]
            showrooms = (
                showrooms
                if isinstance(showrooms, list)
                else [s for s in (showrooms or "").split("|") if s]
            )
            price = None if price is None else round(float(price))
            doc_price = None if doc.price is None else round(float(doc.price))
            if (stars, str(valid_until), price, bool(in_stock), sorted(showrooms)) != (
                doc.stars,
                str(doc.valid_until),
                doc_price,
                doc.in_stock,
                sorted(doc.showrooms),
            ):
                check.stale.append(pk)
    if fix and not check.ok:
        products_reindex(product_ids=check.missing + check.extra + check.stale)
    return check
