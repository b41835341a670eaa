"""The full-page cache for visitors who are not signed in (marketplace/pagecache)."""

from __future__ import annotations

import io
import re

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client

from catalog import services
from tests.factories import UserFactory, listed_product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def add_to_basket(client, product, html):
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    action = re.search(r'<form[^>]+action="([^"]*basket/add/[^"]*)"', html).group(1)
    return client.post(action, {"csrfmiddlewaretoken": token, "quantity": 1})


def test_a_second_visitor_is_served_from_the_cache_with_a_working_form():
    # given a listed product whose page one visitor has seen
    product = listed_product(4)
    first = Client(enforce_csrf_checks=True)
    assert first.get(product.get_absolute_url())["X-Page-Cache"] == "miss"
    # when a second visitor, with no cookie at all, opens it
    second = Client(enforce_csrf_checks=True)
    response = second.get(product.get_absolute_url())
    html = response.content.decode()
    # then it comes from the cache, private to the browser, with this visitor's own token
    assert response["X-Page-Cache"] == "hit"
    assert "private" in response["Cache-Control"]
    assert "__ocop_csrf_token__" not in html
    assert "csrftoken" in response.cookies
    # and adding to the basket from that cached page works (no CSRF failure)
    added = add_to_basket(second, product, html)
    assert added.status_code == 302
    assert second.cookies.get("oscar_open_basket")


def test_a_visitor_with_a_basket_never_gets_or_leaves_a_shared_page():
    # given a visitor who has something in the basket
    product = listed_product(4)
    shopper = Client(enforce_csrf_checks=True)
    html = shopper.get(product.get_absolute_url()).content.decode()
    assert add_to_basket(shopper, product, html).status_code == 302
    # when that visitor opens the catalogue, then a fresh visitor does
    with_basket = shopper.get("/cua-hang/catalogue/")
    fresh = Client().get("/cua-hang/catalogue/")
    # then the shopper's page was rendered for them and not stored; the fresh visitor's is its own
    assert "X-Page-Cache" not in with_basket
    assert fresh["X-Page-Cache"] == "miss"
    assert with_basket.content != fresh.content


def test_signed_in_users_the_basket_and_accounts_are_never_cached():
    user = UserFactory()
    client = Client()
    client.force_login(user)
    assert "X-Page-Cache" not in client.get("/cua-hang/catalogue/")
    anonymous = Client()
    assert "X-Page-Cache" not in anonymous.get("/cua-hang/basket/")
    assert "X-Page-Cache" not in anonymous.get("/cua-hang/accounts/login/")


def test_each_language_has_its_own_cached_page():
    listed_product(4)
    Client().get("/cua-hang/catalogue/")
    english = Client().get("/en/cua-hang/catalogue/")
    assert english["X-Page-Cache"] == "miss"
    assert english["Content-Language"] == "en"


def test_revoking_a_certificate_removes_the_product_from_cached_pages():
    # given a product shown on the cached catalogue
    product = listed_product(4)
    Client().get("/cua-hang/catalogue/")
    assert product.get_title() in Client().get("/cua-hang/catalogue/").content.decode()
    # when its certificate is revoked
    services.certificate_revoke(certificate=product.certificates.get(), reason="Kiểm tra lại.")
    # then the next visitor does not see it
    response = Client().get("/cua-hang/catalogue/")
    assert response["X-Page-Cache"] == "miss"
    assert product.get_title() not in response.content.decode()


def test_a_price_change_reaches_the_cached_product_page():
    product = listed_product(4)
    Client().get(product.get_absolute_url())
    record = product.stockrecords.get()
    record.price = record.price + 1000
    record.save()
    assert Client().get(product.get_absolute_url())["X-Page-Cache"] == "miss"


def test_a_page_served_from_the_cache_carries_the_nonce_of_the_visitors_own_policy():
    # given a listed product whose page one visitor has seen (its inline script has a nonce)
    product = listed_product(4)
    first = Client().get(product.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    first_nonce = re.search(r"'nonce-([^']+)'", first["Content-Security-Policy"]).group(1)
    # when a second visitor is served that page from the cache
    response = Client().get(product.get_absolute_url())
    html = response.content.decode()
    # then every nonce in the page is the one this response's policy names, not the first one's
    assert response["X-Page-Cache"] == "hit"
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    in_page = set(re.findall(r'nonce="([^"]*)"', html))
    assert in_page == {nonce}
    assert nonce != first_nonce
    assert "__ocop_csp_nonce__" not in html


def test_a_browser_revalidating_a_cached_page_gets_304_until_the_page_changes():
    # given a product page stored by the cache, with its validators
    product = listed_product(4)
    first = Client().get(product.get_absolute_url())
    etag, last_modified = first["ETag"], first["Last-Modified"]
    # when another visitor's browser revalidates the copy it holds (its own token inside)
    again = Client().get(product.get_absolute_url(), headers={"If-None-Match": etag})
    since = Client().get(product.get_absolute_url(), headers={"If-Modified-Since": last_modified})
    # then both are answered 304 without a body (a digest of the served body, which carries
    # this visitor's own token, could not have matched: the ETag is the cache's)
    assert (again.status_code, again.content) == (304, b"")
    assert since.status_code == 304
    # and the 304s name no policy: a new nonce would replace the stored header and block the
    # inline scripts of the stored page, which carry the first response's nonce
    assert "Content-Security-Policy" not in again.headers
    assert "Content-Security-Policy" not in since.headers
    # when the price changes, then the same validator gets the new page and a new ETag
    record = product.stockrecords.get()
    record.price = record.price + 1000
    record.save()
    changed = Client().get(product.get_absolute_url(), headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_opening_pre_orders_drops_the_cached_product_page(django_capture_on_commit_callbacks):
    # given an out-of-season product whose page is cached without a pre-order button
    from datetime import timedelta

    from django.utils import timezone

    from catalog.seasons import window_make
    from producers.services import preorder_campaign_start, product_windows_set

    product = listed_product(4)
    today = timezone.localdate()
    first, last = today + timedelta(days=40), today + timedelta(days=90)
    with django_capture_on_commit_callbacks(execute=True):
        product_windows_set(
            product=product,
            windows=[window_make(start=(first.day, first.month), end=(last.day, last.month))],
        )
    Client().get(product.get_absolute_url())
    assert Client().get(product.get_absolute_url())["X-Page-Cache"] == "hit"
    # when the producer opens pre-orders
    with django_capture_on_commit_callbacks(execute=True):
        preorder_campaign_start(
            product=product, quota=5, delivery_from=first, delivery_until=last, today=today
        )
    # then the next visitor sees the pre-order button
    response = Client().get(product.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert 'data-testid="preorder-button"' in response.content.decode()


def test_pagecache_clear_drops_every_cached_page():
    # given a product page served from the cache
    product = listed_product(4)
    Client().get(product.get_absolute_url())
    assert Client().get(product.get_absolute_url())["X-Page-Cache"] == "hit"
    # when the operator clears the page cache (as after moving media to object storage)
    call_command("pagecache_clear", stdout=io.StringIO())
    # then the next visitor gets the page rendered afresh
    assert Client().get(product.get_absolute_url())["X-Page-Cache"] == "miss"
