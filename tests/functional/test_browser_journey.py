"""Browser journeys in real Chromium: home page → storefront → product → basket, and the storefront
at a phone's width. Only products rated 3★ or more are shown or sold (the storefront gate).

Screenshots of each key page go to ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

ADD_TO_BASKET = "#add_to_basket_form button[type=submit], form[action*='/basket/add/'] button"


def normalise(text: str) -> str:
    """Collapse every kind of space (NBSP and narrow NBSP included) to one plain space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


@pytest.fixture
def catalogue(home_page):
    """A 5★ product (image-less), a 4★ one and a 2★ one, all with stock."""
    from tests.factories import listed_product

    return {
        5: listed_product(5, title="Mỳ Chũ Nam Dương", price=Decimal("150000")),
        4: listed_product(4, title="Vải thiều Lục Ngạn sấy khô", price=Decimal("120000")),
        2: listed_product(2, title="Rượu làng Vân thử nghiệm", price=Decimal("90000")),
    }


def watch_failures(page) -> list[str]:
    """Collect responses of 400 and above (the favicon aside) and uncaught JavaScript errors."""
    failures: list[str] = []

    def on_response(response):
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            failures.append(f"HTTP {response.status} {response.url}")

    page.on("response", on_response)
    page.on("pageerror", lambda error: failures.append(f"JavaScript error: {error}"))
    return failures


def card_titles(page) -> list[str]:
    return [normalise(t) for t in page.locator("article.ocop-card h3").all_inner_texts()]


def test_home_storefront_product_basket(live_server, desktop_page, catalogue, screenshot):
    page = desktop_page
    failures = watch_failures(page)
    five, four, two = catalogue[5], catalogue[4], catalogue[2]

    # Home: the Wagtail page, with a way into the storefront.
    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text().strip() == "OCOP Bắc Giang"
    screenshot(page, "01-home")

    # Storefront: 5★ and 4★ listed, 2★ not; 5★ first.
    storefront = page.locator("#hero-storefront")
    if not storefront.count():
        storefront = page.locator("#nav-storefront")
    storefront.first.click()
    page.wait_for_url("**/cua-hang/catalogue/**")
    titles = card_titles(page)
    assert titles[:2] == [five.title, four.title], titles
    assert two.title not in titles
    five_card = page.locator("article.ocop-card", has_text=five.title)
    assert five_card.get_by_role("img", name="5 sao OCOP").is_visible()
    assert five_card.locator(".ocop-card__noimage").is_visible()
    screenshot(page, "02-storefront")

    # Product page: badge named for screen readers, price in đồng.
    five_card.locator("h3 a").click()
    page.wait_for_url(f"**{five.get_absolute_url()}")
    main = page.locator(".product_main")
    badge = main.get_by_role("img", name="5 sao OCOP")
    assert badge.is_visible()
    assert badge.get_attribute("aria-label") == "5 sao OCOP"
    assert normalise(main.locator(".ocop-detail__price").inner_text()) == "150.000 ₫"
    screenshot(page, "03-product")

    # Add to basket, then open the basket: the line is there with its badge.
    add = page.locator(ADD_TO_BASKET).first
    assert add.is_visible(), "no add-to-basket button on the product page"
    with page.expect_navigation():
        add.click()
    page.goto(live_server.url + "/cua-hang/basket/")
    line = page.locator("#basket_formset .basket-items", has_text=five.title)
    assert line.count() == 1, page.locator("#content_inner, main, body").first.inner_text()
    assert line.get_by_role("img", name="5 sao OCOP").is_visible()
    assert "150.000 ₫" in normalise(line.inner_text())
    screenshot(page, "04-basket")

    assert failures == []


def test_phone_storefront_and_hidden_product(live_server, phone_page, catalogue, screenshot):
    page = phone_page
    failures = watch_failures(page)
    five, four, two = catalogue[5], catalogue[4], catalogue[2]

    page.goto(live_server.url + "/cua-hang/catalogue/")
    cards = page.locator("article.ocop-card")
    assert cards.count() == 2
    for product, stars in ((five, 5), (four, 4)):
        card = page.locator("article.ocop-card", has_text=product.title)
        assert card.is_visible()
        assert card.get_by_role("img", name=f"{stars} sao OCOP").is_visible()
    assert two.title not in card_titles(page)
    # Cards fit the screen: nothing wider than the viewport.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the storefront is {overflow}px wider than a 360px phone"
    screenshot(page, "05-phone-storefront")

    # The 2★ product's own URL answers 404, even typed in directly.
    response = page.goto(live_server.url + two.get_absolute_url())
    assert response is not None and response.status == 404
    screenshot(page, "06-phone-2-star-404")

    assert [f for f in failures if two.get_absolute_url() not in f] == []
