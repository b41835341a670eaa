"""The index follows the catalogue: changes reach it after commit, in one batched task."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from search import indexing
from search.models import ProductDocument, SuggestionEntry
from tests.factories import (
    ProductFactory,
    certificate_for_stars,
    listed_product,
    searchable_product,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _embedded(settings):
    settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}


def test_a_newly_certified_product_is_indexed_after_commit(django_capture_on_commit_callbacks):
    # given a product without a certificate: not on sale, not indexed
    with django_capture_on_commit_callbacks(execute=True):
        product = searchable_product("Vải thiều Lục Ngạn", stars=2)
    assert not ProductDocument.objects.filter(pk=product.pk).exists()
    # when it is rated 4★ and the transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        certificate_for_stars(product, 4)
    # then its document is there with 4 stars
    assert ProductDocument.objects.get(pk=product.pk).stars == 4


def test_nothing_is_indexed_before_the_commit(django_capture_on_commit_callbacks):
    # given a transaction that saves a listed product
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        product = searchable_product("Mỳ Chũ")
        # when it has not committed yet
        # then the index does not have it
        assert not ProductDocument.objects.filter(pk=product.pk).exists()
    assert callbacks


def test_changes_in_one_transaction_are_reindexed_by_one_task(
    django_capture_on_commit_callbacks, monkeypatch
):
    # given a task spy
    import search.indexing as indexing

    batches = []

    class Spy:
        def enqueue(self, ids):
            batches.append(ids)

    monkeypatch.setattr(indexing, "reindex_products", Spy())
    # when three products are made in one transaction
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            made = [searchable_product(f"Gà đồi {n}") for n in range(3)]
    # then one batch carries all three
    assert len(batches) == 1
    assert set(batches[0]) >= {p.pk for p in made}


def test_a_rolled_back_product_is_not_indexed(django_capture_on_commit_callbacks):
    # given a transaction that fails after saving a listed product
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            product = searchable_product("Rượu làng Vân")
            pk = product.pk
            raise RuntimeError("boom")
    # then no document exists for it
    assert not ProductDocument.objects.filter(pk=pk).exists()


def test_price_producer_and_category_changes_reach_the_document(django_capture_on_commit_callbacks):
    # given an indexed product
    with django_capture_on_commit_callbacks(execute=True):
        product = searchable_product("Gạo bao thai", price=Decimal("50000"))
    # when its price, its producer's name and its group's name change
    with django_capture_on_commit_callbacks(execute=True):
        record = product.stockrecords.get()
        record.price = Decimal("70000")
        record.save()
        product.producer.name = "HTX Gạo Tân Yên"
        product.producer.save()
        group = product.categories.get()
        group.name = "Thực phẩm sạch"
        group.save()
    # then the document shows all three
    doc = ProductDocument.objects.get(pk=product.pk)
    assert doc.price == Decimal("70000")
    assert doc.producer_name == "HTX Gạo Tân Yên"
    assert doc.group_name == "Thực phẩm sạch"
    assert "tan yen" in doc.folded


def test_revoking_the_certificate_removes_the_document(django_capture_on_commit_callbacks):
    # given an indexed product
    from catalog import services

    with django_capture_on_commit_callbacks(execute=True):
        product = searchable_product("Vải thiều sấy khô")
    # when its certificate is revoked through the service
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate=product.certificates.get(), reason="Vi phạm.")
    # then the document is gone
    assert not ProductDocument.objects.filter(pk=product.pk).exists()


def test_hiding_a_product_removes_it_and_deleting_it_leaves_no_document(
    django_capture_on_commit_callbacks,
):
    # given two indexed products
    with django_capture_on_commit_callbacks(execute=True):
        hidden = searchable_product("Chè Yên Thế")
        deleted = searchable_product("Mật ong")
    # when one is unpublished and the other deleted
    with django_capture_on_commit_callbacks(execute=True):
        hidden.is_public = False
        hidden.save()
        deleted_pk = deleted.pk
        deleted.stockrecords.all().delete()
        deleted.delete()
    # then neither has a document
    assert not ProductDocument.objects.filter(pk__in=[hidden.pk, deleted_pk]).exists()


def test_the_check_command_finds_drift_and_fixes_it(django_capture_on_commit_callbacks):
    # given an indexed product whose document was removed behind the indexer's back
    with django_capture_on_commit_callbacks(execute=True):
        product = searchable_product("Dưa chuột Hiệp Hòa")
    unlisted = ProductFactory(title="Không có chứng nhận")
    ProductDocument.objects.filter(pk=product.pk).delete()
    # when the check runs without and then with --fix
    with pytest.raises(CommandError):
        call_command("check_search_index")
    call_command("check_search_index", "--fix")
    # then the product is back, the unlisted one never indexed, and the check passes
    assert ProductDocument.objects.filter(pk=product.pk).exists()
    assert not ProductDocument.objects.filter(pk=unlisted.pk).exists()
    call_command("check_search_index")


def test_the_rebuild_command_indexes_every_product_on_sale(capsys):
    # given two listed products and one 2★ product, none indexed
    searchable_product("Vải thiều")
    searchable_product("Mỳ Chũ")
    searchable_product("Ớt Hiệp Hòa", stars=2)
    ProductDocument.objects.all().delete()
    # when the index is rebuilt
    call_command("rebuild_search_index")
    # then the two on sale are indexed
    assert ProductDocument.objects.count() == 2
    assert "indexed 2" in capsys.readouterr().out


def test_a_search_in_the_same_transaction_sees_the_products_just_written():
    # given a listed product saved in a transaction that has not committed
    from search.backends.base import SearchQuery
    from search.selectors import product_search

    with transaction.atomic():
        product = searchable_product("Nấm Lục Nam")
        # when a search runs before the commit
        results, products = product_search(query=SearchQuery(text="nam luc nam"))
        # then the product is found
        assert products == [product]


def test_the_nightly_expiry_job_removes_the_lapsed_product_from_the_index(
    django_capture_on_commit_callbacks, today
):
    # given an indexed product whose certificate runs out today
    from catalog import services

    with django_capture_on_commit_callbacks(execute=True):
        product = searchable_product("Vải thiều Lục Ngạn")
        certificate = product.certificates.get()
        certificate.valid_until = today
        certificate.save()
    assert ProductDocument.objects.filter(pk=product.pk).exists()
    # when the nightly job runs tomorrow morning and marks the certificate expired
    with django_capture_on_commit_callbacks(execute=True):
        assert services.certificates_expire(today=today + timedelta(days=1)) == 1
    # then the product's document and suggestion are gone, not only filtered out
    assert not ProductDocument.objects.filter(pk=product.pk).exists()
    assert not SuggestionEntry.objects.filter(kind="product", key=str(product.pk)).exists()


def test_browsing_counts_follow_the_index_though_they_are_cached(
    django_capture_on_commit_callbacks,
):
    # given two listed products, browsed once (the counts are now cached)
    from catalog import services
    from search.backends import get_backend
    from search.backends.base import SearchQuery

    def browse():
        results = get_backend().search(SearchQuery(text="", filters={"stars": ["3", "4", "5"]}))
        return results.total, {v.key: v.count for v in results.facets["stars"]}

    with django_capture_on_commit_callbacks(execute=True):
        kept = searchable_product("Gà đồi Yên Thế", stars=4)
        revoked = searchable_product("Mật ong Lục Ngạn", stars=5)
    assert browse() == (2, {"4": 1, "5": 1})
    # when a third product is listed, then one is revoked
    with django_capture_on_commit_callbacks(execute=True):
        searchable_product("Chè Yên Thế", stars=3)
    added = browse()
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate=revoked.certificates.get(), reason="Vi phạm.")
    removed = browse()
    # then each browse counts what the index holds at that moment
    assert added == (3, {"3": 1, "4": 1, "5": 1})
    assert removed == (2, {"3": 1, "4": 1})
    assert kept.pk in get_backend().search(SearchQuery(text="", filters={"stars": ["4"]})).ids


def test_stock_moved_from_the_online_warehouse_to_a_showroom_reaches_the_document(
    django_capture_on_commit_callbacks,
):
    # given an indexed product with stock in its producer's online warehouse
    from producers import services as stock_services
    from tests.factories import ShowroomFactory

    with django_capture_on_commit_callbacks(execute=True):
        product = searchable_product("Mỳ Chũ Nam Dương")
        showroom = ShowroomFactory()
    # when five units go from the warehouse (a movement without a place) to the showroom
    with django_capture_on_commit_callbacks(execute=True):
        stock_services.stock_transfer(product=product, source=None, target=showroom, quantity=5)
    # then the document names that showroom only, and the product is still in stock online
    doc = ProductDocument.objects.get(pk=product.pk)
    assert doc.showrooms == f"|{showroom.slug}|"
    assert doc.in_stock


def test_a_reindex_task_that_fails_on_the_database_is_retried(monkeypatch):
    # given a product on sale, and a database write that fails once (as a lost race did)
    product = listed_product(5, num_in_stock=10)
    ProductDocument.objects.filter(pk=product.pk).delete()
    real = indexing.products_reindex
    calls = []

    def flaky(*, product_ids):
        calls.append(product_ids)
        if len(calls) == 1:
            raise IntegrityError("duplicate key value violates search_suggestion_unique")
        return real(product_ids=product_ids)

    monkeypatch.setattr(indexing, "products_reindex", flaky)
    # when the task runs
    result = indexing.reindex_products.enqueue([product.pk])
    # then it succeeded on its second attempt and the product is indexed
    assert result.status == "SUCCESSFUL", result.errors
    assert len(calls) == 2
    assert ProductDocument.objects.filter(pk=product.pk).exists()
