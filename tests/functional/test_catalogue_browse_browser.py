"""The catalogue's filter drawer on a phone, in real Chromium: open it, tick a choice, and the
page applies it by itself (no "Áp dụng" tap), with a URL that can be shared."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

PHONE_390 = {"width": 390, "height": 844}


@pytest.fixture
def catalogue(home_page, settings):
    """Three products in two districts, indexed by the embedded backend."""
    from search.indexing import search_index_rebuild
    from tests.factories import searchable_product

    settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}
    made = {
        "lychee": searchable_product(
            "Vải thiều Lục Ngạn", stars=5, district="Lục Ngạn", price=Decimal("90000")
        ),
        "noodles": searchable_product(
            "Mỳ Chũ Nam Dương", stars=4, district="Lục Ngạn", price=Decimal("150000")
        ),
        "chicken": searchable_product(
            "Gà đồi Yên Thế", stars=4, district="Yên Thế", price=Decimal("320000")
        ),
    }
    search_index_rebuild()
    return made


def test_on_a_390px_phone_the_drawer_filters_as_you_tick(
    live_server, chromium, catalogue, screenshot
):
    # given the catalogue on a 390 px phone
    context = chromium.new_context(
        viewport=PHONE_390, locale="vi-VN", is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if "Content Security" in m.text else None)
    try:
        page.goto(f"{live_server.url}/cua-hang/catalogue/")
        toggle = page.locator("#browse-drawer > summary")
        # the drawer is closed and its toggle is on the first screen, large enough to tap
        assert not page.locator("#browse-drawer").evaluate("d => d.open")
        box = toggle.bounding_box()
        assert box["y"] + box["height"] < PHONE_390["height"] and box["height"] >= 44
        # when the shopper opens the drawer and ticks Yên Thế
        toggle.tap()
        panel = page.locator(".ocop-drawer__panel")
        assert panel.is_visible()
        panel_box = panel.bounding_box()
        assert panel_box["x"] == 0 and panel_box["width"] <= PHONE_390["width"]
        screenshot(page, "catalogue-filters-phone-390")
        with page.expect_navigation():
            page.get_by_label("Yên Thế").check()
        # then the page reloads with the filter in its URL, lists only the chicken, and the
        # drawer is open again for the next choice
        assert "district=yen-the" in page.url
        assert "Gà đồi Yên Thế" in page.content()
        assert "Vải thiều Lục Ngạn" not in page.locator(".ocop-grid").inner_text()
        assert page.locator("#browse-drawer").evaluate("d => d.open")
        # and the same URL opened afresh (shared) shows the same choice ticked
        shared = context.new_page()
        shared.goto(page.url)
        assert shared.get_by_label("Yên Thế").is_checked()
        assert "Vải thiều Lục Ngạn" not in shared.locator(".ocop-grid").inner_text()
        # and sorting by price applies on change too, keeping the filter
        with shared.expect_navigation():
            shared.select_option("#id_sort", "price_desc")
        assert "sort=price_desc" in shared.url and "district=yen-the" in shared.url
        assert errors == []
    finally:
        context.close()
