"""Browser journeys in real Chromium: typing in the header search box on a desktop and on a
phone, with suggestions as you type and without them (Enter submits the plain form)."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]


@pytest.fixture
def catalogue(home_page, settings):
    """The lychee among other products, indexed by the embedded backend."""
    from search.indexing import search_index_rebuild
    from tests.factories import searchable_product

    settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}
    made = {
        "lychee": searchable_product(
            "Vải thiều Lục Ngạn", stars=5, district="Lục Ngạn", price=Decimal("90000")
        ),
        "noodles": searchable_product("Mỳ Chũ Nam Dương", stars=4, price=Decimal("150000")),
        "chicken": searchable_product("Gà đồi Yên Thế", stars=4, price=Decimal("320000")),
    }
    search_index_rebuild()
    return made


def failures_of(page) -> list[str]:
    failures: list[str] = []
    page.on(
        "response",
        lambda r: (
            failures.append(f"HTTP {r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    page.on("pageerror", lambda error: failures.append(f"JavaScript error: {error}"))
    return failures


def test_typing_vai_thieu_suggests_the_lychee_and_lands_on_it(
    live_server, desktop_page, catalogue, screenshot
):
    page = desktop_page
    failures = failures_of(page)
    # given the storefront open in a desktop browser
    page.goto(f"{live_server.url}/cua-hang/catalogue/")
    # when the shopper types "vai thieu" in the header search box
    page.locator("#id_q").first.press_sequentially("vai thieu", delay=40)
    suggestion = page.locator(".ocop-suggest a", has_text="Vải thiều Lục Ngạn")
    suggestion.wait_for()
    screenshot(page, "search-suggestions-desktop")
    suggestion.click()
    # then they land on the lychee's page
    page.wait_for_url(f"**{catalogue['lychee'].get_absolute_url()}")
    assert "Vải thiều Lục Ngạn" in page.locator("h1").first.inner_text()
    assert failures == []


def test_on_a_phone_enter_shows_results_with_facets_and_the_lychee(
    live_server, phone_page, catalogue, screenshot
):
    page = phone_page
    failures = failures_of(page)
    # given the storefront on a phone, menu opened
    page.goto(f"{live_server.url}/cua-hang/catalogue/")
    page.locator('button.navbar-toggler[data-target="#navbarSupportedContent"]').click()
    box = page.locator("#id_q").first
    box.wait_for(state="visible")
    # when the shopper types VẢI THIỀU and presses Enter
    box.fill("VẢI THIỀU")
    box.press("Enter")
    page.wait_for_url("**/cua-hang/search/?q=*")
    screenshot(page, "search-results-phone")
    # then the results show the lychee with a district facet, and the card leads to it
    assert page.locator("[data-facet=district]").count() >= 1
    page.locator("article.ocop-card a", has_text="Vải thiều Lục Ngạn").first.click()
    page.wait_for_url(f"**{catalogue['lychee'].get_absolute_url()}")
    assert failures == []


def test_without_javascript_the_search_box_still_searches(
    live_server, chromium, catalogue, screenshot
):
    # given a browser with JavaScript turned off
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/cua-hang/catalogue/")
        # when the shopper types "mi chu" and presses Enter
        page.locator("#id_q").first.fill("mi chu")
        page.locator("#id_q").first.press("Enter")
        page.wait_for_url("**/cua-hang/search/?q=*")
        screenshot(page, "search-results-desktop-nojs")
        # then the noodles are listed
        assert "Mỳ Chũ Nam Dương" in page.content()
    finally:
        context.close()
