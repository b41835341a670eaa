"""One browser journey in real Chromium at a 390 px phone width: the harvest calendar → an
out-of-season product taking pre-orders → pre-order paid on delivery → the producer's
dashboard lists the line to fulfil. Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from tests.functional.test_accounts_browser import sign_in
from tests.functional.test_checkout_browser import basket_to_address, watch_failures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

PHONE_390 = {"width": 390, "height": 844}


@pytest.fixture
def lychee_out_of_season(home_page):
    from catalog.seasons import window_make
    from producers.services import preorder_campaign_start, product_windows_set
    from tests.factories import ProducerFactory, UserFactory, listed_product

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
    producer = ProducerFactory(name="HTX Vải thiều Lục Ngạn")
    user = UserFactory()
    producer.partner.users.add(user)
    product = listed_product(
        5,
        title="Vải thiều Lục Ngạn tươi",
        price=Decimal("150000"),
        num_in_stock=110,
        producer=producer,
    )
    today = timezone.localdate()
    first, last = today + timedelta(days=60), today + timedelta(days=120)
    product_windows_set(
        product=product,
        windows=[window_make(start=(first.day, first.month), end=(last.day, last.month))],
    )
    preorder_campaign_start(
        product=product,
        quota=50,
        delivery_from=first,
        delivery_until=first + timedelta(days=20),
        today=today,
    )
    return user, product


def test_calendar_to_pre_order_to_producer_dashboard(
    live_server, chromium, lychee_out_of_season, screenshot
):
    user, product = lychee_out_of_season
    base = live_server.url
    context = chromium.new_context(
        viewport=PHONE_390, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    failures = watch_failures(page)

    # The calendar: the product's row says it takes pre-orders.
    page.goto(base + "/lich-mua-vu/")
    row = page.locator("[data-testid=calendar-row]", has_text=product.title)
    assert row.locator("[data-testid=preorder-open]").is_visible()
    screenshot(page, "seasons-1-calendar-390")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"

    # The product page: the season line and the pre-order button, not "add to basket".
    row.get_by_role("link", name=product.title).click()
    page.wait_for_url(f"**{product.get_absolute_url()}")
    assert "Mùa vụ:" in page.locator("[data-testid=season]").inner_text()
    screenshot(page, "seasons-2-product-390")
    with page.expect_navigation():
        page.locator("[data-testid=preorder-button]").click()

    # Checkout with cash on delivery.
    basket_to_address(page, base, [], screenshot, "seasons-3")
    page.check("input[name=method_code][value=home-delivery]")
    page.click("#choose-delivery")
    page.wait_for_url("**/checkout/payment-method/")
    page.check("input[name=method][value=cod]")
    page.click("#choose-payment")
    page.wait_for_url("**/checkout/preview/")
    page.click("#place-order")
    page.wait_for_url("**/checkout/thank-you/")
    deliveries = page.locator("[data-testid=deliveries]").inner_text()
    assert "Đặt trước – giao dự kiến" in deliveries
    screenshot(page, "seasons-4-thank-you-390")
    order = get_model("order", "Order").objects.get()
    assert not failures, failures
    context.close()

    # The producer signs in: the season page lists the line to fulfil.
    context = chromium.new_context(
        viewport=PHONE_390, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, base, user.email)
    page.goto(base + "/cua-hang/quan-ly/mua-vu/")
    line = page.locator("[data-testid=preorder-line]", has_text=order.number)
    assert line.is_visible() and product.title in line.inner_text()
    screenshot(page, "seasons-5-dashboard-390")
    context.close()
