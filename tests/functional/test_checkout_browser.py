"""Browser journeys in real Chromium from basket to confirmation: cash on delivery to a home
address (desktop), and pickup at a showroom paid by VietQR transfer (phone width).

Screenshots of each checkout step go to ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

ADD_TO_BASKET = "#add_to_basket_form button[type=submit], form[action*='/basket/add/'] button"


def watch_failures(page) -> list[str]:
    failures: list[str] = []

    def on_response(response):
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            failures.append(f"HTTP {response.status} {response.url}")

    page.on("response", on_response)
    page.on("pageerror", lambda error: failures.append(f"JavaScript error: {error}"))
    return failures


def basket_to_address(page, base, products, screenshot, prefix):
    for product in products:
        page.goto(base + product.get_absolute_url())
        page.locator(ADD_TO_BASKET).first.click()
        page.wait_for_load_state()
    page.goto(base + "/cua-hang/basket/")
    screenshot(page, f"{prefix}-1-basket")
    page.goto(base + "/cua-hang/checkout/")
    page.wait_for_url("**/checkout/shipping-address/")
    page.fill("#id_phone_number", "0912 345 678")
    page.fill("#id_full_name", "Nguyễn Thị Lan")
    page.fill("#id_guest_email", "lan@example.vn")
    page.select_option("#id_state", "Bắc Ninh")
    page.fill("#id_line4", "Phường Chũ")
    page.fill("#id_line1", "Thôn Chũ, 12 Lê Lợi")
    screenshot(page, f"{prefix}-2-address")
    page.click("#address-continue")
    page.wait_for_url("**/checkout/shipping-method/")


@pytest.fixture
def two_producers(home_page):
    from tests.factories import ShowroomFactory, listed_product

    # A transactional test before this one flushed the rows migrations made: Vietnam is the
    # one shipping country.
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
    showroom = ShowroomFactory(name="Điểm bán OCOP Lục Ngạn", opening_hours="7:30–17:00")
    lychee = listed_product(5, title="Vải thiều Lục Ngạn sấy", price=Decimal("90000"))
    noodles = listed_product(4, title="Mỳ Chũ Nam Dương", price=Decimal("60000"))
    from producers.services import stock_move

    for product in (lychee, noodles):
        stock_move(product=product, place=showroom, quantity=5, kind="sent_to_showroom")
    return showroom, lychee, noodles


def test_cash_on_delivery_to_a_home_address(live_server, desktop_page, two_producers, screenshot):
    page = desktop_page
    failures = watch_failures(page)
    _showroom, lychee, noodles = two_producers
    basket_to_address(page, live_server.url, [lychee, noodles], screenshot, "checkout-cod")

    page.check("input[name=method_code][value=home-delivery]")
    screenshot(page, "checkout-cod-3-delivery")
    page.click("#choose-delivery")
    page.wait_for_url("**/checkout/payment-method/")
    page.check("input[name=method][value=cod]")
    screenshot(page, "checkout-cod-4-payment")
    page.click("#choose-payment")
    page.wait_for_url("**/checkout/preview/")
    screenshot(page, "checkout-cod-5-preview")
    page.click("#place-order")
    page.wait_for_url("**/checkout/thank-you/")
    screenshot(page, "checkout-cod-6-thank-you")

    Order = get_model("order", "Order")
    order = Order.objects.get()
    assert order.number in page.content()
    assert page.locator("[data-testid=producer-group]").count() == 2
    # 150.000 ₫ of goods + 20.000 ₫ for 2 kg in the province (20.000 + 5.000)
    assert int(order.total_incl_tax) == 150000 + 25000
    assert not failures, failures


def test_showroom_pickup_with_vietqr_on_a_phone(live_server, phone_page, two_producers, screenshot):
    page = phone_page
    failures = watch_failures(page)
    showroom, lychee, noodles = two_producers
    basket_to_address(page, live_server.url, [lychee, noodles], screenshot, "checkout-pickup")

    page.check(f"input[name=method_code][value=pickup-{showroom.pk}]")
    screenshot(page, "checkout-pickup-3-delivery")
    page.click("#choose-delivery")
    page.wait_for_url("**/checkout/payment-method/")
    page.check("input[name=method][value=bank_transfer]")
    page.click("#choose-payment")
    page.wait_for_url("**/checkout/preview/")
    page.click("#place-order")
    page.wait_for_url("**/checkout/thank-you/")
    screenshot(page, "checkout-pickup-4-thank-you")

    assert page.locator("[data-testid=vietqr] img").is_visible()
    assert page.locator("[data-testid=pickup-place]").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide on a 360px phone"
    assert not failures, failures
