"""The storefront gate through HTTP: list, category, detail, search, producer page, basket."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import CategoryFactory, product_in_state

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")

pytestmark = pytest.mark.django_db

HIDDEN_STATES = ["1_star", "2_star", "unrated", "expired", "revoked"]
VISIBLE_STATES = ["3_star", "4_star", "5_star"]
STOREFRONT = "/cua-hang/catalogue/"


def _in_category(product, category):
    product.categories.add(category)
    return product


@pytest.fixture
def category():
    return CategoryFactory(name="Thực phẩm")


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_product_is_absent_everywhere_and_404(client, category, state):
    # given a product the gate hides, beside one it shows, both in the same category
    hidden = _in_category(product_in_state(state, title="Sản phẩm ẩn Zeta"), category)
    shown = _in_category(product_in_state("4_star", title="Sản phẩm hiện Alpha"), category)

    # when a shopper browses
    pages = {
        "list": client.get(STOREFRONT),
        "category": client.get(category.get_absolute_url()),
        "search": client.get(reverse("search:search"), {"q": "san pham"}),
        "producer": client.get(hidden.producer.get_absolute_url()),
    }

    # then the hidden product is nowhere, the shown one is listed, and its URL is 404
    for name, response in pages.items():
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "Sản phẩm ẩn Zeta" not in html, name
        assert hidden.get_absolute_url() not in html, name
    for name in ("list", "category", "search"):
        assert "Sản phẩm hiện Alpha" in pages[name].content.decode(), name
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(shown.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("state", VISIBLE_STATES)
def test_rated_product_is_listed_with_its_badge(client, category, state):
    product = _in_category(product_in_state(state, title="Vải thiều Lục Ngạn"), category)
    stars = int(state[0])

    for url in (STOREFRONT, category.get_absolute_url(), product.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Vải thiều Lục Ngạn" in html, url
        assert f'aria-label="{stars} sao OCOP"' in html, url
    html = client.get(reverse("search:search"), {"q": "VAI THIEU"}).content.decode()
    assert f'aria-label="{stars} sao OCOP"' in html


def test_detail_page_shows_certificate_facts(client):
    product = product_in_state("5_star", title="Mỳ Chũ")
    certificate = product.certificates.get()

    html = client.get(product.get_absolute_url()).content.decode()

    assert certificate.decision_number in html
    assert certificate.decision_date.strftime("%d/%m/%Y") in html
    assert certificate.valid_until.strftime("%d/%m/%Y") in html
    assert "95/100" in html
    assert certificate.council_level_label in html
    assert "150.000\xa0₫" in html
    assert not re.search(r"150[.,]000[.,]00", html)


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_adding_hidden_product_to_basket_is_refused_with_message(client, state):
    product = product_in_state(state)

    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1}, follow=True
    )

    assert response.status_code == 200
    assert "không có chứng nhận OCOP từ 3 sao" in response.content.decode()
    assert not Line.objects.filter(product=product).exists()


def test_crafted_basket_post_for_unknown_product_is_404_not_500(client):
    response = client.post("/cua-hang/basket/add/999999/", {"quantity": 1})
    assert response.status_code == 404


@pytest.mark.parametrize("quantity", ["-1", "0", "abc", "99999999999"])
def test_bad_quantity_is_refused_without_server_error(client, quantity):
    product = product_in_state("4_star")

    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity}, follow=True
    )

    assert response.status_code == 200
    assert not Line.objects.filter(product=product).exists()


def test_visible_product_can_be_added_and_shows_badge_in_basket(client):
    product = product_in_state("5_star", title="Gà đồi Yên Thế")

    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2}, follow=True
    )

    assert response.status_code == 200
    line = Line.objects.get(product=product)
    assert line.quantity == 2
    html = client.get(reverse("basket:summary")).content.decode()
    assert "Gà đồi Yên Thế" in html
    assert 'aria-label="5 sao OCOP"' in html
    assert "300.000\xa0₫" in html


def test_basket_line_of_product_that_lost_its_rating_blocks_checkout(client):
    # given a basket holding a 4★ product
    product = product_in_state("4_star")
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert Line.objects.filter(product=product).exists()

    # when its certificate is revoked
    from catalog import services

    services.certificate_revoke(certificate=product.certificates.get(), reason="Vi phạm nhãn")

    # then the basket says so and checkout refuses to go on
    basket_html = client.get(reverse("basket:summary")).content.decode()
    assert "không có chứng nhận OCOP từ 3 sao" in basket_html
    response = client.get(reverse("checkout:index"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain, "checkout must send the shopper back"
    assert response.redirect_chain[-1][0].endswith(reverse("basket:summary"))


def test_english_prices_use_english_format(client):
    product = product_in_state("4_star", price=1500000)

    html = client.get("/en" + product.get_absolute_url()).content.decode()

    assert "₫1,500,000" in html
    assert "1.500.000" not in html


def test_hidden_product_404_page_explains_and_leads_back_to_the_shop(client):
    product = product_in_state("2_star")

    response = client.get(product.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 404
    assert "không có chứng nhận OCOP từ 3 sao" in html
    assert 'href="/cua-hang/catalogue/"' in html
    assert 'name="viewport"' in html
