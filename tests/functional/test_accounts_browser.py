"""A signed-in shopper's journey in real Chromium: place an order, find it in the account, buy
it again, and keep a product in the wishlist (desktop), then the order page on a phone.

Screenshots go to ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.functional.test_checkout_browser import ADD_TO_BASKET, watch_failures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]


@pytest.fixture
def shop(home_page):
    from tests.factories import UserFactory, listed_product

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
    user = UserFactory(email="hoa@example.vn")
    lychee = listed_product(5, title="Vải thiều Lục Ngạn sấy", price=Decimal("90000"))
    noodles = listed_product(4, title="Mỳ Chũ Nam Dương", price=Decimal("60000"))
    honey = listed_product(4, title="Mật ong hoa vải", price=Decimal("250000"))
    return user, lychee, noodles, honey


def sign_in(page, base, email):
    page.goto(base + "/cua-hang/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", "mat-khau-thu")
    page.click("button[name=login_submit]")
    page.wait_for_load_state()


def test_shopper_orders_finds_the_order_buys_again_and_keeps_a_wish(
    live_server, chromium, shop, screenshot
):
    from tests.functional.conftest import DESKTOP, PHONE

    user, lychee, noodles, honey = shop
    base = live_server.url
    context = chromium.new_context(viewport=DESKTOP, locale="vi-VN")
    context.set_default_timeout(15_000)
    page = context.new_page()
    failures = watch_failures(page)
    sign_in(page, base, user.email)

    # place an order from two producers, cash on delivery
    for product in (lychee, noodles):
        page.goto(base + product.get_absolute_url())
        page.locator(ADD_TO_BASKET).first.click()
        page.wait_for_load_state()
    page.goto(base + "/cua-hang/checkout/shipping-address/")
    page.fill("#id_full_name", "Nguyễn Thị Hoa")
    page.fill("#id_phone_number", "0912 345 678")
    page.select_option("#id_state", "Bắc Ninh")
    page.fill("#id_line4", "Phường Bắc Giang")
    page.fill("#id_line1", "12 Hùng Vương")
    assert page.is_checked("#id_save_to_book")
    page.locator("#new_shipping_address button[type=submit]").click()
    page.wait_for_url("**/checkout/shipping-method/")
    page.click("#choose-delivery")
    page.wait_for_url("**/checkout/payment-method/")
    page.click("#choose-payment")
    page.wait_for_url("**/checkout/preview/")
    page.click("#place-order")
    page.wait_for_url("**/checkout/thank-you/")
    order = get_model("order", "Order").objects.get()

    # the order is in the account, grouped by producer
    page.goto(base + "/cua-hang/accounts/orders/")
    screenshot(page, "accounts-1-orders")
    page.click(f"text=Đơn {order.number}")
    page.wait_for_url(f"**/accounts/orders/{order.number}/")
    assert page.locator("[data-testid=producer-group]").count() == 2
    assert page.locator("[data-testid=order-status]").inner_text() == "Chờ xử lý"
    screenshot(page, "accounts-2-order")

    # buy it again: both lines go back into the basket
    page.click("#reorder")
    page.wait_for_url("**/basket/")
    screenshot(page, "accounts-3-reordered")
    basket = get_model("basket", "Basket").objects.filter(owner=user, status="Open").get()
    assert {line.product_id for line in basket.all_lines()} == {lychee.pk, noodles.pk}

    # keep a product in the wishlist, and find it there
    page.goto(base + honey.get_absolute_url())
    page.click("#add-to-wishlist")
    page.wait_for_load_state()
    assert page.locator("[data-testid=in-wishlist]").is_visible()
    page.goto(base + "/cua-hang/accounts/wishlists/")
    page.locator("table a[href*='/accounts/wishlists/']").first.click()
    page.wait_for_load_state()
    assert page.locator("[data-testid=wish-item]").count() == 1
    assert "Mật ong hoa vải" in page.locator("[data-testid=wish-item]").inner_text()
    screenshot(page, "accounts-4-wishlist")
    assert not failures, failures
    context.close()

    # the order page fits a phone
    phone = chromium.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = phone.new_page()
    sign_in(page, base, user.email)
    page.goto(base + f"/cua-hang/accounts/orders/{order.number}/")
    screenshot(page, "accounts-5-order-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide on a 360px phone"
    phone.close()
