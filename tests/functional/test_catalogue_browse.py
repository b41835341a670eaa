"""Sort and filters on the catalogue and category pages (search.views.BrowseView), through the
Django test client: the same facets and counts as the search page, bad parameters ignored,
shareable URLs and the page cache keyed on them."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.cache import caches

from search.indexing import search_index_rebuild
from tests.factories import CategoryFactory, product_in_state, searchable_product

pytestmark = pytest.mark.django_db

CATALOGUE = "/cua-hang/catalogue/"
SEARCH = "/cua-hang/search/"


@pytest.fixture(autouse=True)
def _embedded(settings):
    settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}


@pytest.fixture
def products(vietnamese):
    from oscar.core.loading import get_model

    made = {
        "lychee": searchable_product(
            "Vải thiều Lục Ngạn", stars=5, district="Lục Ngạn", price=Decimal("90000")
        ),
        "noodles": searchable_product(
            "Mỳ Chũ Nam Dương", stars=4, district="Lục Ngạn", price=Decimal("150000")
        ),
        "chicken": searchable_product(
            "Gà đồi Yên Thế",
            stars=3,
            district="Yên Thế",
            price=Decimal("320000"),
            producer_kind="farm",
        ),
        "wine": searchable_product(
            "Rượu làng Vân", stars=4, group="Đồ uống", district="Việt Yên", price=Decimal("600000")
        ),
    }
    # the noodles are also filed in a subcategory of "Thực phẩm"
    food = made["noodles"].categories.get()
    dry = food.add_child(name="Mỳ, bún khô", slug="my-bun-kho")
    get_model("catalogue", "ProductCategory").objects.create(product=made["noodles"], category=dry)
    made["food"], made["dry"] = food, dry
    product_in_state("expired", title="Vải thiều hết hạn")
    search_index_rebuild()
    return made


def titles(response) -> list[str]:
    return [p.title for p in response.context["products"]]


def facets_of(response) -> dict[str, dict[str, int]]:
    return {
        f["name"]: {i["key"]: i["count"] for i in f["items"]} for f in response.context["facets"]
    }


def test_the_catalogue_lists_every_product_on_sale_best_rated_first(client, products):
    # given four products on sale and an expired one
    # when the catalogue is opened with no parameter
    response = client.get(CATALOGUE)
    # then the four are listed, 5★ first, and the expired one is not
    assert response.status_code == 200
    assert titles(response)[0] == "Vải thiều Lục Ngạn"
    assert set(titles(response)) == {
        "Vải thiều Lục Ngạn",
        "Mỳ Chũ Nam Dương",
        "Gà đồi Yên Thế",
        "Rượu làng Vân",
    }
    assert response.context["total"] == 4


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (
            "price_asc",
            ["Vải thiều Lục Ngạn", "Mỳ Chũ Nam Dương", "Gà đồi Yên Thế", "Rượu làng Vân"],
        ),
        (
            "price_desc",
            ["Rượu làng Vân", "Gà đồi Yên Thế", "Mỳ Chũ Nam Dương", "Vải thiều Lục Ngạn"],
        ),
        ("stars", ["Vải thiều Lục Ngạn", "Mỳ Chũ Nam Dương", "Rượu làng Vân", "Gà đồi Yên Thế"]),
    ],
)
def test_sort_orders(client, products, sort, expected):
    # given four products with different prices and stars
    # when the catalogue is sorted
    response = client.get(CATALOGUE, {"sort": sort})
    # then the products come in that order
    assert titles(response) == expected


def test_newest_first_puts_the_last_added_product_first(client, products):
    # given the wine was added last
    # when sorted newest first
    response = client.get(CATALOGUE, {"sort": "newest"})
    # then it leads
    assert titles(response)[0] == "Rượu làng Vân"


def test_each_filter_narrows_to_its_count_and_counts_match_the_search_page(client, products):
    # given the catalogue's facets with every value and its count
    everything = client.get(CATALOGUE)
    facets = facets_of(everything)
    assert set(facets) >= {"group", "district", "stars", "kind", "price"}
    for name, counts in facets.items():
        for key, count in counts.items():
            # when the catalogue and the search page are filtered by that value
            browsed = client.get(CATALOGUE, {name: key})
            searched = client.get(SEARCH, {"q": "", name: key})
            # then the catalogue lists exactly that many, and both pages count alike
            assert browsed.context["total"] == count, (name, key)
            assert len(browsed.context["products"]) == count
            assert facets_of(browsed) == facets_of(searched), (name, key)
            assert browsed.context["total"] == searched.context["total"]


def test_filters_combine_within_a_facet_by_or_and_across_facets_by_and(client, products):
    # given products in three districts
    # when filtering by two districts and by 4★
    response = client.get(CATALOGUE, {"district": ["luc-ngan", "yen-the"], "stars": "4"})
    # then only the 4★ noodles of Lục Ngạn are left
    assert titles(response) == ["Mỳ Chũ Nam Dương"]


@pytest.mark.parametrize(
    "params",
    [
        {"price": "abc"},
        {"stars": "9"},
        {"sort": "evil"},
        {"page": "x"},
        {"page": "-3"},
        {"stars": "<script>"},
        {"sort": "relevance"},
        {"price": ["abc", "1e9"]},
        {"kind": ""},
        {"page": "99999999999999999999"},
        {"unknown": "1"},
    ],
)
def test_bad_parameters_give_the_normal_page(client, products, params):
    # given the plain catalogue
    plain = client.get(CATALOGUE)
    # when a malformed parameter is sent
    response = client.get(CATALOGUE, params)
    # then the page answers 200 with the same products, the parameter ignored
    assert response.status_code == 200
    if "page" not in params or params["page"] in {"x", "-3"}:
        assert titles(response) == titles(plain)


def test_a_filtered_url_round_trips(client, products):
    # given the catalogue filtered by 4★ and sorted by price
    first = client.get(CATALOGUE, {"stars": "4", "sort": "price_desc"})
    stars = next(f for f in first.context["facets"] if f["name"] == "stars")
    # when the link that adds 5★ is followed, as a shared URL
    link = next(i["url"] for i in stars["items"] if i["key"] == "5")
    shared = client.get(CATALOGUE + link)
    # then it keeps the sort and both choices, and lists the 4★ and 5★ products by price
    assert sorted(parse_qsl(urlsplit(link).query)) == [
        ("sort", "price_desc"),
        ("stars", "4"),
        ("stars", "5"),
    ]
    assert shared.context["filters"] == {"stars": ["4", "5"]}
    assert shared.context["sort"] == "price_desc"
    assert titles(shared) == ["Rượu làng Vân", "Mỳ Chũ Nam Dương", "Vải thiều Lục Ngạn"]
    # and the page's form holds the same choices (it submits the same URL)
    html = shared.content.decode()
    assert 'name="stars" value="4" checked' in html
    assert 'name="stars" value="5" checked' in html
    assert '<option value="price_desc" selected' in html


def test_a_category_page_lists_its_subcategories_and_filters_within(client, products):
    # given the food group holding the lychee, the chicken and (through a subcategory) the
    # noodles
    food, dry = products["food"], products["dry"]
    # when the group, the subcategory, and the group filtered by Lục Ngạn are opened
    group = client.get(food.get_absolute_url())
    sub = client.get(dry.get_absolute_url())
    narrowed = client.get(food.get_absolute_url(), {"district": "luc-ngan", "sort": "price_asc"})
    # then each lists its products only, with counts of those products only
    assert set(titles(group)) == {"Vải thiều Lục Ngạn", "Mỳ Chũ Nam Dương", "Gà đồi Yên Thế"}
    assert titles(sub) == ["Mỳ Chũ Nam Dương"]
    assert titles(narrowed) == ["Vải thiều Lục Ngạn", "Mỳ Chũ Nam Dương"]
    assert facets_of(group)["district"] == {"luc-ngan": 2, "yen-the": 1}


def test_an_old_category_url_redirects_with_its_query_string(client, products):
    # given a category URL with a stale slug and filters
    food = products["food"]
    # when it is opened
    response = client.get(f"/cua-hang/catalogue/category/old_{food.pk}/?stars=5")
    # then it redirects to the category's URL keeping the filters
    assert response.status_code == 301
    assert response["Location"].endswith(f"{food.get_absolute_url()}?stars=5")


def test_the_page_cache_keeps_each_query_string_apart(client, products, settings):
    # given the page cache on
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    try:
        # when two filtered URLs are each opened twice by visitors without cookies
        first = [client.get(CATALOGUE, {"stars": "5"}) for _ in range(2)]
        client.cookies.clear()
        second = [client.get(CATALOGUE, {"stars": "3"}) for _ in range(2)]
    finally:
        caches["pages"].clear()
    # then each is stored then served, and each shows its own products
    assert [r["X-Page-Cache"] for r in first] == ["miss", "hit"]
    assert [r["X-Page-Cache"] for r in second] == ["miss", "hit"]
    assert "Vải thiều Lục Ngạn" in first[1].content.decode()
    assert "Vải thiều Lục Ngạn" not in second[1].content.decode()
    assert "Gà đồi Yên Thế" in second[1].content.decode()


def test_a_new_facet_in_the_search_definitions_appears_on_the_catalogue(
    client, products, monkeypatch
):
    # given the backend answers a facet the pages have never seen, titled in the definitions
    from search.backends.base import FacetValue
    from search.views import FacetedSearchView

    real = type(__import__("search.backends", fromlist=["get_backend"]).get_backend())
    original = real.search

    def with_extra(self, query):
        results = original(self, query)
        results.facets["credential"] = [FacetValue(key="vietgap", count=2)]
        return results

    monkeypatch.setattr(real, "search", with_extra)
    monkeypatch.setitem(FacetedSearchView.FACET_TITLES, "credential", "Chứng nhận")
    # when the catalogue is opened
    response = client.get(CATALOGUE)
    # then the facet is offered in the drawer with its count
    assert facets_of(response)["credential"] == {"vietgap": 2}
    assert 'name="credential" value="vietgap"' in response.content.decode()
    assert "Chứng nhận" in response.content.decode()


def test_an_empty_category_says_so(client, vietnamese):
    # given a category with nothing on sale
    empty = CategoryFactory(name="Dịch vụ du lịch")
    search_index_rebuild()
    # when it is opened with a filter
    response = client.get(empty.get_absolute_url(), {"stars": "5"})
    # then the page says nothing matches
    assert response.status_code == 200
    assert response.context["total"] == 0
    assert "Không có sản phẩm nào khớp các bộ lọc đã chọn." in response.content.decode()
