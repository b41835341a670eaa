"""The producer's journey on a phone (360×740) in real Chromium: sign in, record a sale at a
showroom, ship an order line with carrier and tracking number, see the sales chart drawn.

Screenshots of each step go to ``test-artifacts/`` for people to look at (git-ignored).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from oscar.core.loading import get_model

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

PASSWORD = "vai-thieu-ngon-2026"


def watch_failures(page) -> list[str]:
    failures: list[str] = []

    def on_response(response):
        if response.status >= 500:
            failures.append(f"HTTP {response.status} {response.url}")

    page.on("response", on_response)
    page.on("pageerror", lambda error: failures.append(f"JavaScript error: {error}"))
    return failures


@pytest.fixture
def producer_with_an_order(home_page):
    """The lychee cooperative's user, 5 units at a showroom, and a cash-on-delivery order with
    one of its lines and another producer's."""
    from producers.services import stock_move
    from tests.factories import ShowroomFactory, UserFactory, listed_product
    from tests.functional.test_checkout_flow import add, finish, start

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
    lychee = listed_product(5, title="Vải thiều Lục Ngạn sấy", price=Decimal("90000"))
    noodles = listed_product(4, title="Mỳ Chũ Nam Dương", price=Decimal("60000"))
    showroom = ShowroomFactory(name="Điểm bán OCOP Lục Ngạn")
    stock_move(product=lychee, place=showroom, quantity=5, kind="sent_to_showroom")
    shopper = Client()
    add(shopper, lychee, 2)
    add(shopper, noodles)
    start(shopper)
    finish(shopper)
    member = UserFactory(email="htx@example.vn")
    member.set_password(PASSWORD)
    member.save()
    lychee.producer.partner.users.add(member)
    order = get_model("order", "Order").objects.get()
    return member, lychee, showroom, order


def test_producer_adjusts_showroom_stock_ships_a_line_and_sees_the_sales_chart(
    live_server, phone_page, producer_with_an_order, screenshot
):
    from producers.models import StockMovement
    from producers.selectors import stock_balance

    member, lychee, showroom, order = producer_with_an_order
    page, base = phone_page, live_server.url
    failures = watch_failures(page)

    # sign in: a producer lands on the dashboard
    page.goto(base + "/cua-hang/accounts/login/")
    page.fill("#id_login-username", member.email)
    page.fill("#id_login-password", PASSWORD)
    page.locator("button[name=login_submit]").click()
    page.wait_for_url("**/cua-hang/quan-ly/")
    screenshot(page, "producer-1-home")

    # record a sale of one unit at the showroom (the stock page)
    page.goto(base + f"/cua-hang/quan-ly/ton-kho/diem-ban/{showroom.pk}/")
    page.select_option("#id_product", str(lychee.pk))
    page.select_option("#id_kind", "sold_at_showroom")
    page.fill("#id_quantity", "1")
    page.fill("#id_note", "Khách mua tại quầy")
    page.get_by_role("button", name="Ghi vào sổ kho").click()
    page.wait_for_load_state()
    screenshot(page, "producer-2-showroom-stock")
    assert stock_balance(product=lychee, place=showroom) == 4

    # ship the order line with carrier and tracking number
    page.goto(base + "/cua-hang/quan-ly/don-hang/")
    card = page.locator(f"#don-{order.number}")
    assert card.locator("[data-testid=order-line]").count() == 1, "only their own line"
    assert "Mỳ Chũ" not in card.inner_text()
    card.locator("summary", has_text="Gửi hàng").click()
    card.locator("input[name=carrier]").fill("Viettel Post")
    card.locator("input[name=tracking_number]").fill("VTP2026001")
    screenshot(page, "producer-3-ship-form")
    card.get_by_role("button", name="Xác nhận đã gửi").click()
    page.wait_for_load_state()
    screenshot(page, "producer-4-shipped")
    line = order.lines.get(product=lychee)
    assert line.status == "Đã gửi hàng"
    assert StockMovement.objects.filter(order_line=line, kind="sold_online").count() == 1
    page.goto(base + "/cua-hang/quan-ly/don-hang/?loc=da-gui")
    assert "VTP2026001" in page.locator(f"#don-{order.number}").inner_text()

    # the sales page: the chart is drawn and the table holds the same numbers
    page.goto(base + "/cua-hang/quan-ly/doanh-so/")
    page.wait_for_selector("#chart-months[data-drawn='1']")
    drawn = page.evaluate(
        "() => { const c = document.getElementById('chart-months');"
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; }"
    )
    assert drawn, "the canvas has pixels"
    assert page.locator("#table-products").inner_text().count("Vải thiều Lục Ngạn sấy") == 1
    assert "180.000" in page.locator("[data-testid=total-revenue]").inner_text()
    screenshot(page, "producer-5-sales")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360 + 1, "no sideways scroll"
    assert not failures, failures
