"""The phone journey in real Chromium at 390×844: home → search with suggestions → product →
the sticky "Mua ngay" → checkout with only a phone number → cash-on-delivery order placed,
checking where the search box and the buy bar sit on the screen."""

from __future__ import annotations

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.functional.conftest import _new_page
from tests.functional.test_search_journey import failures_of
from tests.functional.test_vietnamese_storefront import FORBIDDEN

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

PHONE_390 = {"width": 390, "height": 844}


@pytest.fixture
def shop(home_page, settings):
    """The lychee among other products, indexed for suggestions; Vietnam ships."""
    from search.indexing import search_index_rebuild
    from tests.factories import searchable_product

    # A transactional test before this one flushed the rows migrations made.
    get_model("address", "Country").objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "name": "Việt Nam",
            "printable_name": "Việt Nam",
            "is_shipping_country": True,
        },
    )
    settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}
    lychee = searchable_product(
        "Vải thiều Lục Ngạn", stars=5, district="Lục Ngạn", price=Decimal("90000")
    )
    searchable_product("Mỳ Chũ Nam Dương", stars=4, price=Decimal("150000"))
    search_index_rebuild()
    return lychee


def test_phone_home_search_buy_now_and_cash_on_delivery_with_only_a_phone(
    live_server, chromium, shop, screenshot
):
    context, page = _new_page(chromium, PHONE_390, is_mobile=True, has_touch=True)
    failures = failures_of(page)
    try:
        # given the home page on a 390×844 phone
        page.goto(live_server.url + "/")
        box = page.locator("#id_q").bounding_box()
        # then the search box is visible on the first screen, no menu to open
        assert page.locator("#id_q").is_visible()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box
        assert page.locator("button.navbar-toggler").count() == 1
        screenshot(page, "phone-journey-1-home")

        # when the shopper types and picks the suggestion
        page.locator("#id_q").press_sequentially("vai thieu", delay=40)
        suggestion = page.locator(".ocop-suggest a", has_text="Vải thiều Lục Ngạn")
        suggestion.wait_for()
        screenshot(page, "phone-journey-2-suggestions")
        suggestion.click()
        page.wait_for_url(f"**{shop.get_absolute_url()}")

        # then the buy bar is fixed at the bottom of the screen, and stays there on scroll
        bar = page.locator("[data-testid=buy-bar]")
        before = bar.bounding_box()
        assert abs(before["y"] + before["height"] - 844) <= 1, before
        assert before["width"] == 390
        assert bar.evaluate("e => getComputedStyle(e).position") == "fixed"
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(200)
        after = bar.bounding_box()
        assert abs(after["y"] - before["y"]) <= 1, (before, after)
        assert page.get_by_label("Số lượng").is_visible()
        screenshot(page, "phone-journey-3-product")

        # when they tap "Mua ngay"
        page.locator("[data-testid=buy-now]").click()
        page.wait_for_url("**/checkout/shipping-address/")
        english: dict[str, list[str]] = {}

        def read_as_vietnamese(step: str) -> None:
            """What the shopper reads holds none of Oscar's English or literal phrases."""
            text = page.locator("body").inner_text()
            found = [phrase for phrase in FORBIDDEN if phrase in text]
            if found:
                english[step] = found

        read_as_vietnamese("address")
        page.goto(live_server.url + "/cua-hang/basket/")
        read_as_vietnamese("basket")
        page.goto(live_server.url + "/cua-hang/checkout/shipping-address/")

        # and give only a phone number (no email), name and address
        page.fill("#id_phone_number", "0912 345 678")
        page.fill("#id_full_name", "Nguyễn Thị Lan")
        page.select_option("#id_state", "Bắc Ninh")
        page.fill("#id_line4", "Phường Chũ")
        page.fill("#id_line1", "Thôn Chũ")
        screenshot(page, "phone-journey-4-address")
        page.click("#address-continue")
        page.wait_for_url("**/checkout/shipping-method/")
        read_as_vietnamese("delivery")
        assert page.locator("[data-testid=delivery-estimate]").first.is_visible()
        page.click("#choose-delivery")
        page.wait_for_url("**/checkout/payment-method/")
        read_as_vietnamese("payment")
        page.check("input[name=method][value=cod]")
        page.click("#choose-payment")
        page.wait_for_url("**/checkout/preview/")
        read_as_vietnamese("review")

        # then the review fits the phone and "Đặt hàng" is on the first screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        place = page.locator("#place-order").bounding_box()
        assert place["y"] + place["height"] <= 844, place
        assert "0912 345 678" in page.locator("[data-testid=review-phone]").inner_text()
        screenshot(page, "phone-journey-5-review")
        page.click("#place-order")
        page.wait_for_url("**/checkout/thank-you/")
        read_as_vietnamese("confirmation")
        screenshot(page, "phone-journey-6-thank-you")

        # and the cash-on-delivery order is placed without an email
        order = get_model("order", "Order").objects.get()
        assert order.guest_email == "" and order.number in page.content()
        assert page.locator("[data-testid=thank-you-order-link] a").is_visible()
        assert failures == [], failures
        # and the basket and every step read as Vietnamese
        assert english == {}, english
    finally:
        context.close()
