"""Index updates that cannot be lost, on PostgreSQL: two transactions reindexing the same product
at once (two orders of it committed together) both succeed and leave one document and one
suggestion.

Each thread has its own connection, so the writes really race; skipped on SQLite, which locks the
whole file.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connections, transaction

from search import indexing
from search.models import ProductDocument, SuggestionEntry
from tests.concurrency import ROW_LOCK_TESTS
from tests.factories import listed_product
from tests.functional.conftest import _keep_migration_rows  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def _embedded(settings):
    settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}


pytestmark = ROW_LOCK_TESTS


def test_two_transactions_reindexing_one_product_at_once_both_succeed():
    # given a product on sale, not yet indexed
    product = listed_product(5, num_in_stock=10)
    ProductDocument.objects.filter(pk=product.pk).delete()
    SuggestionEntry.objects.filter(key=str(product.pk)).delete()
    first_wrote, errors = threading.Event(), []

    def first():
        # the first reindex writes and keeps its transaction open a moment
        try:
            with transaction.atomic():
                indexing.products_reindex(product_ids=[product.pk])
                first_wrote.set()
                time.sleep(1.0)
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))
            first_wrote.set()
        finally:
            connections.close_all()

    def second():
        # the second starts while the first has not committed (it saw no row to replace)
        first_wrote.wait()
        try:
            indexing.products_reindex(product_ids=[product.pk])
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))
        finally:
            connections.close_all()

    # when both run at once
    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then neither failed, and the index holds one document and one suggestion for the product
    assert not errors, errors
    assert ProductDocument.objects.filter(pk=product.pk).count() == 1
    assert SuggestionEntry.objects.filter(kind="product", key=str(product.pk)).count() == 1
    assert indexing.search_index_check().ok
