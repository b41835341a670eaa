"""One contract for every search backend: the embedded one (on SQLite or PostgreSQL, whichever
the suite runs on) and Elasticsearch (an osmem-server started on loopback by the tests; a real
cluster when ``ELASTICSEARCH_URL`` is set).

Each test builds products with the factories, indexes them through the real indexer (documents
come from the storefront gate), and asks the backend.
"""

from __future__ import annotations

import os
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import override_settings

from search.backends import get_backend
from search.backends.base import SearchQuery
from search.indexing import products_reindex, search_index_check, search_index_rebuild
from tests.factories import product_in_state, searchable_product

pytestmark = pytest.mark.django_db

BACKENDS = ["embedded", "elasticsearch"]


@pytest.fixture(params=BACKENDS)
def backend(request, settings):
    """The backend under contract, configured through settings as the site configures it."""
    if request.param == "embedded":
        settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}
        yield get_backend()
        return
    url = os.environ.get("ELASTICSEARCH_URL")
    options = {"BACKEND": "search.backends.elastic.ElasticsearchBackend", "TIMEOUT": 10}
    if url:
        index = f"test-ocop-{os.getpid()}-{request.node.name}".lower()[:100]
        options.update(URL=url, INDEX="".join(c if c.isalnum() or c == "-" else "-" for c in index))
        settings.SEARCH_BACKEND = options
        backend = get_backend()
        yield backend
        backend.client.indices.delete(index=f"{backend.alias}-*", ignore_unavailable=True)
        return
    clone = request.getfixturevalue("osmem_clone")
    options.update(
        URL=clone.url, INDEX="ocop-products", NODE_CLASS="tests.elastic_node.PlainJsonNode"
    )
    settings.SEARCH_BACKEND = options
    yield get_backend()


def titles(backend, text, **kwargs):
    from search.models import ProductDocument  # noqa: F401  (models loaded)
    from tests.factories import Product

    results = backend.search(SearchQuery(text=text, **kwargs))
    names = dict(Product.objects.filter(pk__in=results.ids).values_list("pk", "title"))
    return [names[pk] for pk in results.ids]


@pytest.fixture
def catalogue(backend):
    """Bắc Giang's signature products, indexed in ``backend``."""
    products = {
        "lychee": searchable_product(
            "Vải thiều Lục Ngạn", stars=5, district="Lục Ngạn", price=Decimal("90000")
        ),
        "noodles": searchable_product(
            "Mỳ Chũ Nam Dương", stars=4, district="Lục Ngạn", price=Decimal("150000")
        ),
        "noodles_i": searchable_product(
            "Mì Chũ gạo lứt", stars=3, district="Lục Ngạn", price=Decimal("120000")
        ),
        "chicken": searchable_product(
            "Gà đồi Yên Thế",
            stars=5,
            district="Yên Thế",
            price=Decimal("320000"),
            producer_kind="farm",
        ),
        "wine": searchable_product(
            "Rượu làng Vân", stars=3, group="Đồ uống", district="Việt Yên", price=Decimal("600000")
        ),
    }
    search_index_rebuild()
    return products


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("vai thieu", "Vải thiều Lục Ngạn"),
        ("VẢI THIỀU", "Vải thiều Lục Ngạn"),
        ("mi chu", "Mỳ Chũ Nam Dương"),
        ("ga doi yen the", "Gà đồi Yên Thế"),
        ("GÀ ĐỒI", "Gà đồi Yên Thế"),
    ],
)
def test_every_spelling_finds_its_product(backend, catalogue, typed, expected):
    # given the signature products indexed
    # when a shopper types the name with or without marks, in any case
    found = titles(backend, typed)
    # then the product is found
    assert expected in found


def test_mi_and_my_spellings_find_each_other_and_the_exact_spelling_ranks_first(backend, catalogue):
    # given "Mỳ Chũ …" and "Mì Chũ …" indexed
    # when each spelling is typed
    with_y = titles(backend, "mỳ Chũ")
    with_i = titles(backend, "mì Chũ")
    # then both find both, and the one spelt as typed comes first
    assert set(with_y) == set(with_i) == {"Mỳ Chũ Nam Dương", "Mì Chũ gạo lứt"}
    assert with_y[0] == "Mỳ Chũ Nam Dương"
    assert with_i[0] == "Mì Chũ gạo lứt"


def test_facet_counts_cover_every_facet_and_only_products_on_sale(backend, catalogue):
    # given a 2★ and a revoked noodle product next to the listed ones
    product_in_state("2_star", title="Mỳ Chũ hai sao")
    product_in_state("revoked", title="Mỳ Chũ thu hồi")
    search_index_rebuild()
    # when searching for the noodles
    results = backend.search(SearchQuery(text="mi chu"))
    # then only the two listed noodles are counted, in every facet
    assert results.total == 2
    facets = {name: {v.key: v.count for v in values} for name, values in results.facets.items()}
    assert facets["stars"] == {"3": 1, "4": 1}
    assert facets["district"] == {"luc-ngan": 2}
    assert facets["price"] == {"100000-200000": 2}
    assert sum(facets["kind"].values()) == 2
    assert sum(facets["group"].values()) == 2


def test_filters_narrow_results_and_other_facets_keep_their_choices(backend, catalogue):
    # given everything indexed
    # when the shopper filters a broad query by district
    results = backend.search(SearchQuery(text="lục ngạn", filters={"stars": ["5"]}))
    # then only the 5★ product is left, and the stars facet still offers 3★ and 4★
    assert [p for p in results.ids] == [catalogue["lychee"].pk]
    stars = {v.key: v.count for v in results.facets["stars"]}
    assert stars == {"3": 1, "4": 1, "5": 1}


def test_price_and_producer_kind_filters(backend, catalogue):
    # given everything indexed
    # when filtering by a price range and by producer kind without any words
    cheap = backend.search(SearchQuery(text="", filters={"price": ["0-100000"]}))
    farms = backend.search(SearchQuery(text="", filters={"kind": ["farm"]}))
    # then each filter alone selects its products
    assert cheap.ids == [catalogue["lychee"].pk]
    assert farms.ids == [catalogue["chicken"].pk]


def test_the_export_growing_area_code_filter_keeps_only_products_with_a_readable_code(
    backend, catalogue
):
    # given the lychee with an export growing-area code, the noodles with a garbage one
    lychee, noodles = catalogue["lychee"], catalogue["noodles"]
    lychee.growing_area_code = "VN-BGOR-0012"
    lychee.save()
    Product = type(noodles)
    Product.objects.filter(pk=noodles.pk).update(growing_area_code="đang làm hồ sơ")
    products_reindex(product_ids=[lychee.pk, noodles.pk])
    # when browsing with the filter, and searching Lục Ngạn without it
    export = backend.search(SearchQuery(text="", filters={"export": ["1"]}))
    everything = backend.search(SearchQuery(text="lục ngạn"))
    # then only the lychee passes the filter, and the facet counts it once
    assert export.ids == [lychee.pk]
    assert {v.key: v.count for v in everything.facets["export"]} == {"1": 1}


def test_sorting_by_price_and_paging(backend, catalogue):
    # given five products
    # when sorted by price, two per page
    first = backend.search(
        SearchQuery(text="", filters={"stars": ["3", "4", "5"]}, sort="price_asc", per_page=2)
    )
    second = backend.search(
        SearchQuery(
            text="", filters={"stars": ["3", "4", "5"]}, sort="price_asc", per_page=2, page=2
        )
    )
    # then pages follow the price order and the total counts everything
    assert first.total == 5
    assert first.ids == [catalogue["lychee"].pk, catalogue["noodles_i"].pk]
    assert second.ids == [catalogue["noodles"].pk, catalogue["chicken"].pk]


def test_browsing_lists_everything_on_sale_and_nothing_without_the_browse_flag(backend, catalogue):
    # given five products on sale and an expired one
    product_in_state("expired", title="Vải thiều hết hạn")
    search_index_rebuild()
    # when browsing with no words and no filters, with and without the browse flag
    browsed = backend.search(SearchQuery(text="", browse=True))
    searched = backend.search(SearchQuery(text=""))
    # then browsing lists the five on sale, the 5★ ones first; a bare search lists nothing
    assert browsed.total == 5
    assert set(browsed.ids) == {p.pk for p in catalogue.values()}
    assert set(browsed.ids[:2]) == {catalogue["lychee"].pk, catalogue["chicken"].pk}
    assert searched.ids == []


def test_a_category_scope_lists_its_products_and_counts_only_them(backend, catalogue):
    # given a drink (in "Đồ uống") and four foods indexed
    from tests.factories import Category

    drinks = Category.objects.get(depth=1, name="Đồ uống")
    # when browsing inside "Đồ uống"
    results = backend.search(SearchQuery(text="", browse=True, category=drinks.pk))
    # then only the wine is listed and the facets count only it
    assert results.ids == [catalogue["wine"].pk]
    assert {v.key: v.count for v in results.facets["stars"]} == {"3": 1}


def test_newest_and_bestselling_orders(backend, catalogue):
    # given the noodles sold 5 units and the wine 2 (the wine was added last)
    from oscar.test.factories import OrderLineFactory

    OrderLineFactory(product=catalogue["noodles"], quantity=5)
    OrderLineFactory(product=catalogue["wine"], quantity=2)
    search_index_rebuild()
    # when browsing newest first and best-selling first
    newest = backend.search(SearchQuery(text="", browse=True, sort="newest"))
    selling = backend.search(SearchQuery(text="", browse=True, sort="bestselling"))
    # then the wine comes first by date, the noodles by units sold, then the wine
    assert newest.ids[0] == catalogue["wine"].pk
    assert newest.ids == sorted(newest.ids, reverse=True)
    assert selling.ids[:2] == [catalogue["noodles"].pk, catalogue["wine"].pk]


def test_suggestions_complete_a_prefix_to_products_and_producers(backend, catalogue):
    # given everything indexed
    # when the shopper has typed part of a word
    products = backend.suggest_products("vai thi")
    # (factory producers are all "HTX Vải thiều <n>": the whole name picks one out)
    producers = backend.suggest_producers(catalogue["lychee"].producer.name)
    # then the lychee is suggested, and its producer
    assert [s.label for s in products] == ["Vải thiều Lục Ngạn"]
    assert products[0].url == catalogue["lychee"].get_absolute_url()
    assert catalogue["lychee"].producer.name in [s.label for s in producers]


def test_a_revoked_certificate_removes_the_product_from_the_index(backend, catalogue):
    # given the lychee indexed
    from catalog import services

    certificate = catalogue["lychee"].certificates.get()
    # when its certificate is revoked and the product reindexed
    services.certificate_revoke(certificate=certificate, reason="Vi phạm chất lượng.")
    products_reindex(product_ids=[catalogue["lychee"].pk])
    # then it is gone from results and suggestions
    assert "Vải thiều Lục Ngạn" not in titles(backend, "vai thieu")
    assert backend.suggest_products("vai thi") == []


def test_an_expired_certificate_leaves_results_that_day_without_any_write(
    backend, catalogue, today
):
    # given the lychee's certificate runs out today
    certificate = catalogue["lychee"].certificates.get()
    # when searching today and tomorrow, with no write in between
    today_titles = titles(backend, "vai thieu", today=certificate.valid_until)
    tomorrow = titles(backend, "vai thieu", today=certificate.valid_until + timedelta(days=1))
    # then it is found on its last valid day and not the day after
    assert "Vải thiều Lục Ngạn" in today_titles
    assert "Vải thiều Lục Ngạn" not in tomorrow


def test_delete_and_rebuild(backend, catalogue):
    # given everything indexed
    # when one product is deleted from the index
    backend.delete([catalogue["wine"].pk])
    # then it is not found, and a rebuild brings it back with nothing missing
    assert titles(backend, "ruou") == []
    assert search_index_check().missing == [catalogue["wine"].pk]
    assert search_index_rebuild() == 5
    assert titles(backend, "ruou") == ["Rượu làng Vân"]
    assert search_index_check().ok


@pytest.mark.parametrize(
    "junk",
    [
        '"',
        'vai"thieu',
        "(((",
        "*:*",
        "AND OR NOT",
        "thi*",
        "NEAR(a b)",
        "'; DROP TABLE x; --",
        "🍜🍜",
        "{}[]^~",
    ],
)
def test_special_characters_never_raise(backend, catalogue, junk):
    # given everything indexed
    # when a query is made of search-syntax characters
    results = backend.search(SearchQuery(text=junk))
    suggestions = backend.suggest_products(junk)
    # then an answer comes back (empty or not) without an error
    assert results.total >= 0
    assert isinstance(suggestions, list)


def test_health_reports_the_number_of_documents(backend, catalogue):
    # given five products indexed
    # when health is asked
    health = backend.health()
    # then the backend is up with five documents
    assert health.ok
    assert health.documents == 5


def test_elasticsearch_down_gives_a_degraded_answer_not_an_error():
    # given a backend pointing at a closed port
    with override_settings(
        SEARCH_BACKEND={
            "BACKEND": "search.backends.elastic.ElasticsearchBackend",
            "URL": "http://127.0.0.1:9",
            "TIMEOUT": 0.5,
        }
    ):
        backend = get_backend()
        # when searching, suggesting and checking health
        results = backend.search(SearchQuery(text="vai thieu"))
        suggestions = backend.suggest_products("vai")
        health = backend.health()
    # then the answers are empty and flagged, never an exception
    assert results.degraded and results.ids == []
    assert suggestions == []
    assert not health.ok


@pytest.fixture
def demo_like(backend):
    """The demo's Lục Ngạn, Chũ and Yên Thế products, titled and described as in
    ``marketplace/demo/data.py``: many share words, and every factory producer is an "HTX Vải thiều
    <n>", so the words typed also turn up outside the titles."""
    from marketplace.demo import data as demo_data  # noqa: F401  (the titles below are copied from it)

    rows = [
        ("Vải thiều Lục Ngạn", 4, "Hộp 2 kg vải thiều Lục Ngạn tươi, hái trong ngày."),
        ("Vải thiều sấy khô Lục Ngạn", 4, "Túi 1 kg vải thiều sấy khô nguyên quả."),
        (
            "Vải thiều Lục Ngạn VietGAP thùng 5 kg",
            5,
            "Thùng xốp 5 kg vải thiều Lục Ngạn đạt chuẩn VietGAP, vải thiều chín cây.",
        ),
        (
            "Rượu vang vải thiều Lục Ngạn",
            5,
            "Chai 750 ml rượu vang lên men từ vải thiều chín, hương vải thiều rõ.",
        ),
        ("Mật ong hoa vải Lục Ngạn", 5, "Mật ong từ hoa vải thiều Lục Ngạn, vùng vải thiều."),
        ("Mỳ Chũ Nam Dương", 4, "Mỳ Chũ làm từ gạo bao thai, phơi nắng."),
        ("Mì Chũ gạo lứt", 3, "Mì Chũ gạo lứt đỏ, không chất tẩy trắng."),
        ("Gạo bao thai Lục Ngạn", 5, "Gạo bao thai, nguyên liệu làm mì Chũ, mỳ Chũ Nam Dương."),
        ("Gà đồi Yên Thế", 4, "Gà đồi Yên Thế thả vườn, gà đồi nuôi 150 ngày."),
        ("Trứng gà đồi Yên Thế", 5, "Trứng gà đồi Yên Thế, gà đồi thả vườn trên đồi Yên Thế."),
        ("Gà đồi Yên Thế ủ muối hoa tiêu", 5, "Gà đồi nguyên con ủ muối hột, hoa tiêu."),
        ("Chân gà đồi ủ xả ớt", 5, "Chân gà đồi Yên Thế ủ xả ớt, gà đồi Yên Thế."),
    ]
    made = {
        title: searchable_product(title, stars=stars, description=text)
        for title, stars, text in rows
    }
    search_index_rebuild()
    return made


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("vai thieu", "Vải thiều Lục Ngạn"),
        ("VẢI THIỀU", "Vải thiều Lục Ngạn"),
        ("ga doi yen the", "Gà đồi Yên Thế"),
        ("gà đồi yên thế", "Gà đồi Yên Thế"),
    ],
)
def test_the_product_named_as_typed_ranks_first(backend, demo_like, typed, first):
    # given products sharing words, some rated higher than the one named as typed
    # when the shopper types the name
    found = titles(backend, typed)
    # then the product with exactly that name comes first, before longer names and before
    # products that only mention the words in their description
    assert found[0] == first


def test_titles_holding_every_word_rank_above_mentions_elsewhere(backend, demo_like):
    # given lychee products and a honey whose title has "vải" but not "thiều"
    # when the shopper types "vai thieu"
    found = titles(backend, "vai thieu")
    # then every title with both words comes before the honey, the phrase at the start first
    with_both = {
        "Vải thiều Lục Ngạn",
        "Vải thiều sấy khô Lục Ngạn",
        "Vải thiều Lục Ngạn VietGAP thùng 5 kg",
        "Rượu vang vải thiều Lục Ngạn",
    }
    assert set(found[:4]) == with_both
    assert found[3] == "Rượu vang vải thiều Lục Ngạn"
    assert found.index("Mật ong hoa vải Lục Ngạn") > 3


def test_chu_noodles_come_before_the_rice_that_mentions_them(backend, demo_like):
    # given two Chũ noodle products and a 5★ rice whose description mentions both spellings
    # when the shopper types "mi chu"
    found = titles(backend, "mi chu")
    # then both noodles come first
    assert set(found[:2]) == {"Mỳ Chũ Nam Dương", "Mì Chũ gạo lứt"}
    assert found[2:] == ["Gạo bao thai Lục Ngạn"]


def test_suggestions_match_from_any_word_of_the_name(backend, demo_like):
    # given the demo-like products indexed
    # when the shopper types the start of a later word of a name
    found = [s.label for s in backend.suggest_products("thieu say")]
    # then the product whose name holds those words in that order is suggested
    assert found == ["Vải thiều sấy khô Lục Ngạn"]


def test_suggestions_start_with_names_that_begin_as_typed(backend, demo_like):
    # given "Gà đồi Yên Thế…" products and "Trứng gà đồi…", "Chân gà đồi…"
    # when the shopper types "ga doi"
    found = [s.label for s in backend.suggest_products("ga doi")]
    # then the names starting with the words come before those holding them later
    assert set(found[:2]) == {"Gà đồi Yên Thế", "Gà đồi Yên Thế ủ muối hoa tiêu"}
    assert set(found[2:]) == {"Trứng gà đồi Yên Thế", "Chân gà đồi ủ xả ớt"}


def test_expired_products_never_crowd_out_suggestions(backend, today):
    # given twenty 5★ lychee products whose certificates end tomorrow and one 3★ valid longer
    from catalog.models import OcopCertificate

    crowd = [searchable_product(f"Vải thiều hộp quà {n}", stars=5) for n in range(20)]
    lasting = searchable_product("Vải thiều hộp gỗ", stars=3)
    OcopCertificate.objects.filter(product__in=crowd).update(valid_until=today + timedelta(days=1))
    search_index_rebuild()
    # when the shopper types "vai thieu hop" the day after tomorrow
    later = today + timedelta(days=2)
    products = backend.suggest_products("vai thieu hop", today=later)
    producers = backend.suggest_producers(crowd[0].producer.name, today=later)
    # then the valid product is suggested, and no expired one or its producer
    assert [s.label for s in products] == [lasting.title]
    assert producers == []
    assert len(backend.suggest_products("vai thieu hop", today=today)) == 5
