"""English content (issue 15, point 6): products, categories, producers and places carry optional
English versions (catalog/bilingual.py) that English readers see under /en/, with the Vietnamese
as the fallback; Vietnamese pages never change. Entered by producers (their dashboard) and staff
(Oscar's dashboard, the Django admin); the demo provides them.

The first tests read the fresh demo (loaded once for the module); the rest make their own rows.
"""

from __future__ import annotations

import json
import re

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_class, get_model

from producers.selectors import product_version
from search.indexing import search_index_rebuild
from tests.factories import (
    CategoryFactory,
    ProducerFactory,
    ShowroomFactory,
    UserFactory,
    listed_product,
)

Category = get_model("catalogue", "Category")
Place = get_model("catalogue", "Place")
Product = get_model("catalogue", "Product")
Producer = get_model("partner", "Producer")

pytestmark = pytest.mark.django_db


def url_in(language: str, obj) -> str:
    """``obj``'s URL on the pages of ``language`` (Vietnamese: no prefix; English: /en/)."""
    with translation.override(language):
        return obj.get_absolute_url()


def text_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return re.sub(r"\s+", " ", response.content.decode())


def jsonld(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html)
    ]


# --------------------------------------------------------------------------------------------
# The fresh demo, in both languages
# --------------------------------------------------------------------------------------------


@pytest.fixture
def demo(website, vietnamese):
    """The demo, with an empty page cache (a cached page must not outlive a rolled-back test)."""
    caches["pages"].clear()
    from django.core.cache import cache

    cache.clear()


def test_the_demo_gives_every_product_category_producer_and_place_an_english_name(demo):
    # then (the loader ran in the fixture) no demo row is left with the Vietnamese only
    assert not Product.objects.filter(code__isnull=False, title_en="").exclude(code="").exists()
    assert not Category.objects.filter(name_en="").exists()
    assert not Producer.objects.filter(name_en="").exists()
    assert not Place.objects.exclude(kind="fair").filter(name_en="").exists()
    assert Product.objects.get(code="LN-MC-001").title_en == "Nam Dương Chũ noodles"


def test_english_catalogue_shows_english_products_groups_and_producers(demo, client):
    # when the catalogue is read in each language
    english = text_of(client.get("/en/cua-hang/catalogue/"))
    vietnamese = text_of(client.get("/cua-hang/catalogue/"))
    # then the English page names the products, OCOP groups and producers in English
    assert "Lục Ngạn lychee" in english
    assert "Rural tourism services" in english
    assert "Fresh produce" in english  # the group tree (Oscar's category_tree wrappers)
    assert "Lục Ngạn Lychee Cooperative" in english
    assert "Hợp tác xã Vải thiều Lục Ngạn" not in english
    # and the Vietnamese page is untouched
    assert "Vải thiều Lục Ngạn" in vietnamese
    assert "Dịch vụ du lịch nông thôn, bán hàng" in vietnamese
    assert "Lục Ngạn lychee" not in vietnamese
    assert "Lục Ngạn Lychee Cooperative" not in vietnamese


def test_english_category_page_has_the_english_name_and_description(demo, client):
    group = Category.objects.get(slug="thao-duoc")
    # when
    english = text_of(client.get(url_in("en", group)))
    vietnamese = text_of(client.get(url_in("vi", group)))
    # then the heading, the <title> and the description follow the language
    assert re.search(r"<title>\s*Herbal products \|", english)
    assert "Made from medicinal plants" in english
    assert "Herbal teas" in english  # its subgroups, in the tree beside it
    assert re.search(r"<title>\s*Thảo dược \|", vietnamese)
    assert "Made from medicinal plants" not in vietnamese


def test_english_product_page_title_description_meta_and_json_ld(demo, client):
    product = Product.objects.get(code="LN-VT-001")
    vietnamese_url, english_url = url_in("vi", product), url_in("en", product)
    # the URL keeps the Vietnamese slug in both languages
    assert english_url == "/en" + vietnamese_url
    # when
    english = text_of(client.get(english_url))
    vietnamese = text_of(client.get(vietnamese_url))
    # then the English page speaks English in its heading, <title>, og tags and JSON-LD
    assert re.search(r"<title>\s*Lục Ngạn lychee \|", english)
    assert re.search(r"<h1[^>]*>\s*Lục Ngạn lychee\s*</h1>", english)
    assert ">Fresh produce</a></li>" in english  # the breadcrumb
    assert '<meta property="og:title" content="Lục Ngạn lychee"' in english
    assert "deep-red fruit with thick white flesh" in english
    data = next(d for d in jsonld(english) if d.get("@type") == "Product")
    assert data["name"] == "Lục Ngạn lychee"
    assert data["brand"]["name"] == "Lục Ngạn Lychee Cooperative"
    assert "deep-red fruit" in data["description"]
    # and the Vietnamese page in Vietnamese
    assert re.search(r"<h1[^>]*>\s*Vải thiều Lục Ngạn\s*</h1>", vietnamese)
    assert "deep-red fruit" not in vietnamese
    data = next(d for d in jsonld(vietnamese) if d.get("@type") == "Product")
    assert data["name"] == "Vải thiều Lục Ngạn"


def test_english_producer_page_has_the_english_name_and_story(demo, client):
    producer = Producer.objects.get(slug="htx-my-chu-nam-duong")
    # when
    english = text_of(client.get(url_in("en", producer)))
    vietnamese = text_of(client.get(url_in("vi", producer)))
    # then
    assert "Nam Dương Chũ Noodle Cooperative" in english
    assert "sun-dried" in english
    assert "Nam Dương Chũ noodles" in english  # its products' cards, in English too
    assert "Hợp tác xã Sản xuất và Kinh doanh mỳ Chũ Nam Dương" in vietnamese
    assert "Nam Dương Chũ Noodle Cooperative" not in vietnamese


def test_english_showroom_page_has_english_hours_and_products(demo, client):
    from cms.models import ShowroomPage

    pages = ShowroomPage.objects.live().filter(place__slug="diem-ocop-luc-ngan")
    english_page = pages.get(locale__language_code="en")
    vietnamese_page = pages.get(locale__language_code="vi")
    # when
    english = text_of(client.get(english_page.url))
    vietnamese = text_of(client.get(vietnamese_page.url))
    # then the place's facts and the products held there follow the language
    assert "Daily, 7:30 am – 5:30 pm" in english
    assert "Lục Ngạn lychee" in english
    assert "7:30–17:30 hằng ngày" in vietnamese
    assert "Daily, 7:30 am" not in vietnamese


def test_english_product_page_names_the_showrooms_in_english(demo, client):
    product = Product.objects.get(code="LN-VT-001")
    # when
    english = text_of(client.get(url_in("en", product)))
    # then the "where to see it" list uses the places' English names
    assert "Lục Ngạn OCOP showroom" in english
    assert "Điểm giới thiệu và bán sản phẩm OCOP Lục Ngạn" not in english


def test_an_english_title_is_found_by_the_english_search(demo, client, settings):
    # given the demo indexed by the embedded backend
    settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}
    search_index_rebuild()
    lychee = Product.objects.get(code="LN-VT-001")
    noodles = Product.objects.get(code="BG-MY-001")
    # when an English reader searches in English
    found = client.get("/en/cua-hang/search/", {"q": "lychee"})
    rice_noodles = client.get("/en/cua-hang/search/", {"q": "Đa Mai rice noodles"})
    # then the products are found, shown under their English titles
    assert lychee in found.context["products"]
    assert "Lục Ngạn lychee" in text_of(found)
    assert noodles in rice_noodles.context["products"]


# --------------------------------------------------------------------------------------------
# The fallback, and the page cache per language
# --------------------------------------------------------------------------------------------


def test_without_english_the_english_page_shows_the_vietnamese(client, vietnamese):
    # given a product, its producer and group entered in Vietnamese only
    product = listed_product(4, title="Mỳ Chũ gạo lứt", description="Sợi mì dai.")
    # when
    html = text_of(client.get(url_in("en", product)))
    # then the English page falls back to the Vietnamese text rather than showing nothing
    assert re.search(r"<h1[^>]*>\s*Mỳ Chũ gạo lứt\s*</h1>", html)
    assert "Sợi mì dai." in html
    assert product.producer.name in html


def test_a_blank_english_title_is_a_fallback_not_an_empty_heading(client, vietnamese):
    product = listed_product(4, title="Gà đồi Yên Thế", title_en="   ")
    html = text_of(client.get(url_in("en", product)))
    assert re.search(r"<h1[^>]*>\s*Gà đồi Yên Thế\s*</h1>", html)


def test_each_language_has_its_own_cached_page_and_an_english_edit_reaches_it(settings, vietnamese):
    # given the page cache on and a product page cached in both languages
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    product = listed_product(4, title="Vải thiều Lục Ngạn", title_en="Lục Ngạn lychee")
    vietnamese_url, english_url = url_in("vi", product), url_in("en", product)
    Client().get(vietnamese_url), Client().get(english_url)
    try:
        # when other visitors read them from the cache
        cached_vi, cached_en = Client().get(vietnamese_url), Client().get(english_url)
        # then each language got its own page
        assert cached_vi["X-Page-Cache"] == cached_en["X-Page-Cache"] == "hit"
        assert "Lục Ngạn lychee" in text_of(cached_en)
        assert "Lục Ngạn lychee" not in text_of(cached_vi)
        # when the English title is changed
        product.title_en = "Fresh Lục Ngạn lychee"
        product.save()
        # then the next English reader sees it, and the Vietnamese page is still Vietnamese
        assert "Fresh Lục Ngạn lychee" in text_of(Client().get(english_url))
        assert "Fresh Lục Ngạn lychee" not in text_of(Client().get(vietnamese_url))
    finally:
        caches["pages"].clear()


# --------------------------------------------------------------------------------------------
# Entry: producers in their dashboard, staff in Oscar's dashboard and the Django admin
# --------------------------------------------------------------------------------------------


def producer_client(producer) -> Client:
    user = UserFactory()
    producer.partner.users.add(user)
    client = Client()
    client.force_login(user)
    return client


def test_a_producer_saves_the_english_title_and_description_from_its_dashboard(vietnamese):
    # given a producer's listed product
    producer = ProducerFactory()
    product = listed_product(5, producer=producer, title="Mật ong hoa vải")
    writer = producer_client(producer)
    edit = reverse("producer_dashboard:product_edit", kwargs={"product_id": product.pk})
    form = writer.get(edit).content.decode()
    assert "Tên tiếng Anh (không bắt buộc)" in form
    # when it saves English text, with a formatting tag it may keep and one it may not
    response = writer.post(
        edit,
        {
            "version": product_version(product),
            "price": "150000",
            "description": "Mật ong nguyên chất.",
            "title_en": "  Lychee   blossom honey ",
            "description_en": "<p>Pure <strong>lychee</strong> honey.</p><iframe src=x></iframe>",
        },
    )
    # then it is stored, tidied and sanitised like the Vietnamese description
    assert response.status_code == 302, response.content.decode()[:500]
    product.refresh_from_db()
    assert product.title_en == "Lychee blossom honey"
    assert product.description_en == "<p>Pure <strong>lychee</strong> honey.</p>"
    assert product.title == "Mật ong hoa vải"
    # and English readers see it while Vietnamese readers do not
    english = text_of(Client().get(url_in("en", product)))
    assert "Lychee blossom honey" in english and "<strong>lychee</strong>" in english
    assert "Lychee blossom honey" not in text_of(Client().get(url_in("vi", product)))


def test_a_producer_cannot_write_english_into_another_producers_product(vietnamese):
    # given two producers
    theirs = listed_product(5, title="Gà đồi Yên Thế")
    intruder = producer_client(ProducerFactory())
    edit = reverse("producer_dashboard:product_edit", kwargs={"product_id": theirs.pk})
    # when one posts English text to the other's product
    response = intruder.post(
        edit,
        {
            "version": product_version(theirs),
            "price": "150000",
            "title_en": "Stolen",
            "description_en": "Stolen",
        },
    )
    # then it is not found and nothing changed
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.title_en, theirs.description_en) == ("", "")


def test_an_english_title_longer_than_the_column_is_a_form_error_not_a_500(vietnamese):
    producer = ProducerFactory()
    product = listed_product(5, producer=producer)
    writer = producer_client(producer)
    edit = reverse("producer_dashboard:product_edit", kwargs={"product_id": product.pk})
    response = writer.post(
        edit, {"version": product_version(product), "price": "150000", "title_en": "x" * 300}
    )
    assert response.status_code == 400
    product.refresh_from_db()
    assert product.title_en == ""


def staff_client() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_enter_english_in_oscars_product_and_category_forms(vietnamese):
    # given a product and a category
    product = listed_product(4, title="Chè xanh Yên Thế")
    staff = staff_client()
    # when staff open Oscar's dashboard forms
    product_page = staff.get(
        reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    ).content.decode()
    category_page = staff.get(reverse("dashboard:catalogue-category-create")).content.decode()
    # then the English fields are there, labelled as optional
    assert 'name="title_en"' in product_page and 'name="description_en"' in product_page
    assert 'name="name_en"' in category_page and 'name="description_en"' in category_page
    assert "Tên tiếng Anh (không bắt buộc)" in product_page
    # and Oscar's form saves them
    ProductForm = get_class("dashboard.catalogue.forms", "ProductForm")
    form = ProductForm(
        product.product_class,
        instance=product,
        data={
            "title": product.title,
            "title_en": "Yên Thế green tea",
            "description": "",
            "description_en": "Pan-fired green tea.",
            "structure": Product.STANDALONE,
            "slug": product.slug,
            "is_public": "on",
        },
    )
    assert form.is_valid(), form.errors
    form.save()
    product.refresh_from_db()
    assert (product.title_en, product.description_en) == (
        "Yên Thế green tea",
        "Pan-fired green tea.",
    )


def test_staff_create_a_category_with_an_english_name_through_oscars_form(vietnamese):
    CategoryForm = get_class("dashboard.catalogue.forms", "CategoryForm")
    form = CategoryForm(
        data={
            "name": "Thủ công mỹ nghệ",
            "name_en": "Handicrafts",
            "description": "",
            "description_en": "",
            "is_public": "on",
            "treebeard_position": "first-child",
            "treebeard_ref_node": "",
        }
    )
    assert form.is_valid(), form.errors
    category = form.save()
    # the slug is still made from the Vietnamese name
    assert "thu-cong" in category.slug and "handicraft" not in category.slug
    with translation.override("en"):
        assert category.get_name() == "Handicrafts"
    assert category.get_name() == "Thủ công mỹ nghệ"


def test_staff_enter_english_for_places_and_producers_in_the_django_admin(vietnamese):
    place, producer = ShowroomFactory(), ProducerFactory()
    staff = staff_client()
    place_form = staff.get(
        reverse("admin:catalogue_place_change", args=[place.pk])
    ).content.decode()
    producer_form = staff.get(
        reverse("admin:partner_producer_change", args=[producer.pk])
    ).content.decode()
    for field in ("name_en", "description_en", "opening_hours_en"):
        assert f'name="{field}"' in place_form, field
    for field in ("name_en", "story_en"):
        assert f'name="{field}"' in producer_form, field


def test_english_names_reach_the_search_facets_and_the_pickup_choice(vietnamese):
    # the objects' accessors are what facet labels and pickup names read
    group = CategoryFactory(name="Đồ uống", name_en="Beverages")
    place = ShowroomFactory(name="Điểm bán Lục Ngạn", name_en="Lục Ngạn showroom")
    from marketplace.shipping.methods import ShowroomPickup

    with translation.override("en"):
        assert group.get_name() == "Beverages"
        assert "Lục Ngạn showroom" in str(ShowroomPickup(place).name)
    assert "Điểm bán Lục Ngạn" in str(ShowroomPickup(place).name)
