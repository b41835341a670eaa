"""A journey in real Chromium through pages served by the full-page cache (marketplace/pagecache):
a visitor with no cookie adds a product to the basket from a cached product page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.cache import caches

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

ADD_TO_BASKET = "#add_to_basket_form button[type=submit], form[action*='/basket/add/'] button"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_a_visitor_adds_to_the_basket_from_a_page_served_by_the_cache(
    live_server, desktop_page, home_page, chromium
):
    from tests.factories import listed_product

    # given a product page that an earlier visitor (another browser) had rendered and stored
    product = listed_product(4, title="Vải thiều Lục Ngạn sấy khô", price=Decimal("120000"))
    url = live_server.url + product.get_absolute_url()
    earlier = chromium.new_context()
    try:
        assert earlier.new_page().goto(url).headers["x-page-cache"] == "miss"
    finally:
        earlier.close()
    # when a new visitor, with no cookie, opens it and adds the product to the basket
    page = desktop_page
    response = page.goto(url)
    assert response.headers["x-page-cache"] == "hit"
    with page.expect_navigation():
        page.locator(ADD_TO_BASKET).first.click()
    # then the form was accepted (its CSRF token was this visitor's) and the basket holds it
    basket = page.goto(live_server.url + "/cua-hang/basket/")
    assert basket.status == 200
    line = page.locator("#basket_formset .basket-items", has_text=product.title)
    assert line.count() == 1
    # and with a basket, the visitor is no longer served shared pages
    assert page.goto(url).headers.get("x-page-cache") != "hit"
