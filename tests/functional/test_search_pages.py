"""The search page, the suggestions endpoint and bad queries, through the Django test client."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.indexing import search_index_rebuild
from tests.factories import product_in_state, searchable_product

pytestmark = pytest.mark.django_db

SEARCH = "/cua-hang/search/"
SUGGEST = "/cua-hang/search/suggest/"


@pytest.fixture(autouse=True)
def _embedded(settings):
    settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}


@pytest.fixture
def products(vietnamese):
    made = {
        "lychee": searchable_product(
            "Vải thiều Lục Ngạn", stars=5, district="Lục Ngạn", price=Decimal("90000")
        ),
        "noodles": searchable_product(
            "Mỳ Chũ Nam Dương", stars=4, district="Lục Ngạn", price=Decimal("150000")
        ),
        "chicken": searchable_product(
            "Gà đồi Yên Thế", stars=3, district="Yên Thế", price=Decimal("320000")
        ),
    }
    product_in_state("expired", title="Vải thiều hết hạn")
    search_index_rebuild()
    return made


def test_search_page_lists_the_product_for_a_query_typed_without_marks(client, products):
    # given the signature products indexed
    # when a shopper searches "vai thieu"
    response = client.get(SEARCH, {"q": "vai thieu"})
    # then the lychee is on the page and the expired lychee is not
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vải thiều Lục Ngạn" in html
    assert "Vải thiều hết hạn" not in html
    assert products["lychee"].get_absolute_url() in html


def test_facet_links_narrow_results_with_counts(client, products):
    # given the products of two districts indexed
    # when browsing every rating and following the Yên Thế facet link
    everything = client.get(SEARCH, {"q": "", "stars": ["3", "4", "5"]})
    facets = {f["name"]: f for f in everything.context["facets"]}
    districts = {item["key"]: item for item in facets["district"]["items"]}
    # then the facet shows 2 in Lục Ngạn and 1 in Yên Thế, and its link keeps one product
    assert districts["luc-ngan"]["count"] == 2
    assert districts["yen-the"]["count"] == 1
    narrowed = client.get(SEARCH + districts["yen-the"]["url"])
    assert [p.title for p in narrowed.context["products"]] == ["Gà đồi Yên Thế"]
    assert narrowed.context["total"] == 1


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "😀🍜",
        "x" * 1200,
        '"vải thiều',
        "vai AND (thieu",
        "*:*",
        "'; DROP TABLE x;--",
        "NEAR(vai thieu)",
        "%%%",
    ],
)
def test_bad_queries_get_a_clear_page_never_an_error(client, products, query):
    # given products indexed
    # when a bad query is sent
    response = client.get(SEARCH, {"q": query})
    # then the page answers 200 with its form
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_a_query_with_a_control_character_gets_a_clear_refusal_never_an_error(client, products):
    # given products indexed
    # when a query holding a NUL byte is sent (PostgreSQL refuses NUL in text: it was a 500)
    response = client.get(SEARCH, {"q": "\x00vai"})
    # then the request guard answers 400 with a page that says why
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_an_overlong_query_is_truncated_and_the_page_says_so(client, products):
    # given a 1,000+ character query starting with the product's name
    query = "vải thiều " + "x" * 1200
    # when searched
    response = client.get(SEARCH, {"q": query})
    # then the page says it was truncated
    assert response.status_code == 200
    assert response.context["truncated"]
    assert len(response.context["query"]) <= 200


def test_a_query_without_letters_says_there_is_nothing_to_search(client, products):
    # given products indexed
    # when only emoji are typed
    response = client.get(SEARCH, {"q": "🍜🍜"})
    # then the page explains that nothing searchable was typed
    assert response.context["no_words"]


def test_bad_page_and_filter_values_are_ignored(client, products):
    # given products indexed
    # when the page number and filters are nonsense
    response = client.get(
        SEARCH, {"q": "vai", "page": "abc", "stars": "99", "sort": "x", "district": "<script>"}
    )
    # then the first page is shown, unfiltered by the unknown stars
    assert response.status_code == 200
    assert response.context["sort"] == "relevance"


def test_suggestions_endpoint_returns_products_producers_and_places(client, products):
    # given products indexed
    # when the box has "vai th" typed
    response = client.get(SUGGEST, {"q": "vai th"})
    # then the JSON carries the lychee with its URL
    assert response.status_code == 200
    data = response.json()
    assert data["suggestions"][0] == {
        "kind": "product",
        "label": "Vải thiều Lục Ngạn",
        "url": products["lychee"].get_absolute_url(),
    }
    places = client.get(SUGGEST, {"q": "yen th"}).json()["suggestions"]
    assert {"place"} <= {s["kind"] for s in places}


@pytest.mark.parametrize("query", ["", "v", "😀", "x" * 5000, '"(*'])
def test_suggestions_for_bad_input_are_an_empty_list(client, products, query):
    # when the endpoint gets input with nothing to suggest
    response = client.get(SUGGEST, {"q": query})
    # then it answers an empty list
    assert response.status_code == 200
    assert response.json()["suggestions"] == []


def test_website_pages_are_searched_with_the_same_folding(client, products, home_page):
    # given a live page and a draft page under the home page
    from cms.models import ProgrammePage as Page

    home_page.add_child(instance=Page(title="Hội chợ OCOP Bắc Giang 2026", slug="hoi-cho"))
    home_page.add_child(instance=Page(title="Hội chợ nháp", slug="nhap", live=False))
    # when searching without marks on the pages tab
    response = client.get(SEARCH, {"q": "hoi cho", "tab": "pages"})
    # then the live page is listed, the draft is not
    html = response.content.decode()
    assert "Hội chợ OCOP Bắc Giang 2026" in html
    assert "Hội chợ nháp" not in html
    assert [hit.title for hit in response.context["pages"]] == ["Hội chợ OCOP Bắc Giang 2026"]


def test_search_page_queries_do_not_grow_with_the_products_shown(client, vietnamese):
    # given 2 matching products, then 12
    def count():
        search_index_rebuild()
        client.get(SEARCH, {"q": "mi chu"})  # warm session and basket rows
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(SEARCH, {"q": "mi chu"})
        assert response.status_code == 200
        return len(ctx.captured_queries), response.context["total"]

    for n in range(2):
        searchable_product(f"Mỳ Chũ loại {n}", district="Lục Ngạn")
    few, total_few = count()
    for n in range(10):
        searchable_product(f"Mỳ Chũ đặc biệt {n}", district=f"Huyện {n}")
    many, total_many = count()
    # then the page makes the same number of queries, within budget
    assert (total_few, total_many) == (2, 12)
    assert many == few
    assert many <= 25


def test_extra_spaces_are_not_mistaken_for_truncation(client, products):
    # given a query with runs of spaces
    # when searched
    response = client.get(SEARCH, {"q": "  vải     thiều  "})
    # then it is not reported as truncated and the lychee comes first
    assert not response.context["truncated"]
    assert response.context["products"][0].title == "Vải thiều Lục Ngạn"


def test_a_page_published_after_a_search_is_found_by_the_next_one(client, products, home_page):
    # given a search for "hoi cho" that finds no page
    from cms.models import ProgrammePage as Page

    assert client.get(SEARCH, {"q": "hoi cho", "tab": "pages"}).context["pages"] == []
    # when a page is published, and later unpublished
    page = home_page.add_child(instance=Page(title="Hội chợ OCOP mùa vải", slug="hoi-cho-vai"))
    published = client.get(SEARCH, {"q": "hoi cho", "tab": "pages"}).context["pages"]
    page.unpublish()
    unpublished = client.get(SEARCH, {"q": "hoi cho", "tab": "pages"}).context["pages"]
    # then the next search finds it, and the one after does not
    assert [hit.title for hit in published] == ["Hội chợ OCOP mùa vải"]
    assert unpublished == []


def test_suggestions_take_a_few_queries_whatever_the_catalogue(client, products):
    # given products indexed
    # when suggestions are asked for a prefix matching many and one matching none
    client.get(SUGGEST, {"q": "warm"})  # session, site and language rows
    counts = []
    for typed in ("vai th", "yen th", "zzz"):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(SUGGEST, {"q": typed})
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    # then each answer takes the same small number of queries
    assert counts[0] == counts[2], counts
    assert counts[0] <= 6, counts


def test_website_pages_are_found_by_folded_words_of_their_text_through_wagtails_index(
    client, products, home_page
):
    # given a page whose lead (not its title) tells of Chũ noodles and lychee
    from wagtail.search.backends import get_search_backend

    from cms.models import ProgrammePage

    home_page.add_child(
        instance=ProgrammePage(
            title="Tin mùa vụ",
            slug="mua-vu",
            intro="Mỳ Chũ và vải thiều Lục Ngạn vào vụ.",
        )
    )
    # when shoppers type it without marks, with the other i/y spelling, or in capitals
    found = {
        typed: [
            hit.title for hit in client.get(SEARCH, {"q": typed, "tab": "pages"}).context["pages"]
        ]
        for typed in ("mi chu", "MỲ CHŨ", "vai thieu luc ngan", "vai thieu ha noi")
    }
    # then Wagtail's own index finds it for every spelling, and not when a word is missing
    assert found["mi chu"] == found["MỲ CHŨ"] == ["Tin mùa vụ"]
    assert found["vai thieu luc ngan"] == ["Tin mùa vụ"]
    assert found["vai thieu ha noi"] == []
    assert get_search_backend().search("mi chu", ProgrammePage).count() == 1
