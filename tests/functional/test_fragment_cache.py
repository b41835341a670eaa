"""Shared fragments for signed-in shoppers (marketplace/pagecache/fragments.py): product cards,
the category menu and the footer are rendered once and shared, with the same invalidation rules
as whole pages, and nothing personal (CSRF token, basket count, user menu) is shared."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Site

from catalog import services
from cms.models import WebsiteFooter
from tests.factories import (
    CategoryFactory,
    ProductFactory,
    StockRecordFactory,
    UserFactory,
    certificate_for_stars,
    listed_product,
)

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
CATALOGUE = "/cua-hang/catalogue/"


@pytest.fixture(autouse=True)
def fragments(settings):
    settings.FRAGMENT_CACHE_ENABLED = True
    caches["fragments"].clear()
    yield caches["fragments"]
    caches["fragments"].clear()


def signed_in() -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    return client


def card_form(html: str, product) -> tuple[str, str]:
    """The add-to-basket form's action and token on ``product``'s card."""
    action = f"/cua-hang/basket/add/{product.pk}/"
    match = re.search(
        r'<form action="' + re.escape(action) + r'"[^>]*>\s*'
        r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">',
        html,
    )
    assert match, "no add-to-basket form on the card"
    return action, match.group(1)


def test_two_shoppers_add_to_basket_from_the_same_shared_card(fragments):
    # given a listed product whose card one signed-in shopper's catalogue rendered and stored
    product = listed_product(4)
    first, second = signed_in(), signed_in()
    first_html = first.get(CATALOGUE).content.decode()
    assert len(fragments._cache) > 0
    # when a second shopper opens the catalogue (the card comes from the shared store)
    second_html = second.get(CATALOGUE).content.decode()
    # then each page carries its own visitor's token, never a placeholder
    first_action, first_token = card_form(first_html, product)
    second_action, second_token = card_form(second_html, product)
    assert "__ocop_fragment" not in first_html + second_html
    assert first_token != second_token
    # and both shoppers can add the product to their own basket from their page
    for client, action, token in (
        (first, first_action, first_token),
        (second, second_action, second_token),
    ):
        response = client.post(action, {"csrfmiddlewaretoken": token, "quantity": 1})
        assert response.status_code == 302
    assert Basket.objects.filter(lines__product=product).distinct().count() == 2


def test_the_basket_count_and_the_account_menu_are_each_shoppers_own(fragments):
    # given a shopper with two items in the basket, whose catalogue was rendered first
    product = listed_product(4)
    full = signed_in()
    action, token = card_form(full.get(CATALOGUE).content.decode(), product)
    full.post(action, {"csrfmiddlewaretoken": token, "quantity": 2})
    full.get(CATALOGUE)
    # when another shopper, with an empty basket, opens it
    html = signed_in().get(CATALOGUE).content.decode()
    # then that shopper's header counts none, and says nothing of the first one's basket
    count = re.search(r'data-testid="header-cart-count">(\d+)<', html).group(1)
    assert count == "0"


def card_prices(html: str) -> list[str]:
    return re.findall(r'ocop-card__price">([^<]+)<', html)


def test_a_price_change_reaches_a_signed_in_shoppers_card():
    product = listed_product(4, price=123_000)
    shopper = signed_in()
    assert card_prices(shopper.get(CATALOGUE).content.decode()) == ["123.000\xa0₫"]
    # when the price changes
    record = product.stockrecords.get()
    record.price = 145_000
    record.save()
    # then the next page shows the new one
    assert card_prices(shopper.get(CATALOGUE).content.decode()) == ["145.000\xa0₫"]


def test_running_out_of_stock_removes_the_add_to_basket_button():
    product = listed_product(4, num_in_stock=3)
    shopper = signed_in()
    card_form(shopper.get(CATALOGUE).content.decode(), product)
    record = product.stockrecords.get()
    record.num_in_stock = 0
    record.save()
    html = shopper.get(CATALOGUE).content.decode()
    assert f"/cua-hang/basket/add/{product.pk}/" not in html
    assert "Tạm hết hàng" in html


def test_a_revoked_certificate_takes_the_card_off_a_signed_in_shoppers_catalogue():
    product = listed_product(4, title="Mỳ Chũ thu hồi")
    shopper = signed_in()
    assert "Mỳ Chũ thu hồi" in shopper.get(CATALOGUE).content.decode()
    services.certificate_revoke(certificate=product.certificates.get(), reason="Kiểm tra lại.")
    assert "Mỳ Chũ thu hồi" not in shopper.get(CATALOGUE).content.decode()


def test_a_product_edit_reaches_the_shared_card():
    product = listed_product(4, title="Gạo bao thai cũ")
    shopper = signed_in()
    assert "Gạo bao thai cũ" in shopper.get(CATALOGUE).content.decode()
    product.title = "Gạo bao thai mới"
    product.save()
    html = shopper.get(CATALOGUE).content.decode()
    assert "Gạo bao thai mới" in html and "Gạo bao thai cũ" not in html


def test_a_renamed_category_reaches_the_shared_menu():
    category = CategoryFactory(name="Thực phẩm cũ")
    product = listed_product(4)
    product.categories.add(category)
    shopper = signed_in()
    assert "Thực phẩm cũ" in shopper.get(CATALOGUE).content.decode()
    category.name = "Thực phẩm mới"
    category.save()
    html = shopper.get(CATALOGUE).content.decode()
    assert "Thực phẩm mới" in html and "Thực phẩm cũ" not in html


def test_a_footer_edit_reaches_every_page_at_once(home_page):
    # given a footer shown to a signed-in shopper (stored as a shared fragment)
    footer = WebsiteFooter.for_site(Site.objects.get(is_default_site=True))
    footer.address = "Số 1 đường cũ"
    footer.save()
    shopper = signed_in()
    assert "Số 1 đường cũ" in shopper.get(CATALOGUE).content.decode()
    # when an editor changes the address in the Wagtail settings
    footer.address = "Số 2 đường mới"
    footer.save()
    # then the next page, signed in or from the anonymous page cache, shows the new one
    assert "Số 2 đường mới" in shopper.get(CATALOGUE).content.decode()


def test_a_footer_edit_drops_cached_anonymous_pages(settings, home_page):
    # given an anonymous page stored by the page cache with the old footer
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    footer = WebsiteFooter.for_site(Site.objects.get(is_default_site=True))
    footer.address = "Số 1 đường cũ"
    footer.save()
    Client().get(CATALOGUE)
    assert Client().get(CATALOGUE)["X-Page-Cache"] == "hit"
    # when the footer changes
    footer.address = "Số 2 đường mới"
    footer.save()
    # then the next visitor gets a page with the new footer
    response = Client().get(CATALOGUE)
    assert response["X-Page-Cache"] == "miss"
    assert "Số 2 đường mới" in response.content.decode()


def test_a_card_is_gone_on_the_day_its_certificate_lapses(fragments, monkeypatch):
    # given a product whose certificate's last valid day is today, whose card a shopper's
    # catalogue stored today
    today = timezone.localdate()
    product = ProductFactory(title="Vải thiều hết hạn hôm nay")
    StockRecordFactory(product=product)
    certificate_for_stars(product, 4, decision_date=today - timedelta(days=400), valid_until=today)
    shopper = signed_in()
    assert "Vải thiều hết hạn hôm nay" in shopper.get(CATALOGUE).content.decode()
    stored_today = set(fragments._cache)
    # when the next day comes, with no write at all (no daily job yet)
    tomorrow = today + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    html = shopper.get(CATALOGUE).content.decode()
    # then the product is gone, and the page's shared parts were rendered anew for the day
    assert "Vải thiều hết hạn hôm nay" not in html
    new = set(fragments._cache) - stored_today
    assert new
    assert all(tomorrow.isoformat() in key for key in new)


def test_each_language_has_its_own_shared_cards():
    # given a card stored from a Vietnamese page
    product = listed_product(4)
    vietnamese_url = product.get_absolute_url()
    shopper = signed_in()
    assert "Thêm vào giỏ" in shopper.get(CATALOGUE).content.decode()
    # when the English catalogue is read
    english = shopper.get("/en" + CATALOGUE).content.decode()
    # then its card links to the English product page and speaks English
    assert f'href="/en{vietnamese_url}"' in english
    assert "Thêm vào giỏ" not in english


def test_a_second_shopper_reuses_the_stored_fragments(fragments):
    # the catalogue read by two shoppers stores each card (and the menu, the footer) once
    for _ in range(3):
        listed_product(4)
    signed_in().get(CATALOGUE)
    stored = len(fragments._cache)
    signed_in().get(CATALOGUE)
    assert len(fragments._cache) == stored


def test_the_generation_never_restarts_at_a_number_used_before():
    # a flushed pages cache must not hand out a generation that in-memory fragments knew
    from marketplace.pagecache import store

    before = store.generation()
    caches["pages"].clear()
    assert store.generation() > before
