"""A producer on a phone (360 px, real Chromium): signs in, records a counter sale at a
showroom, sees the ledger line, sends stock from the warehouse; no page scrolls sideways.
Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

import pytest

from tests.functional.test_browser_journey import watch_failures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_producer_records_a_showroom_sale_on_a_phone(
    live_server, phone_page, home_page, screenshot
):
    # given a producer user, a product with 10 units online and 5 at a showroom
    from django.contrib.auth import get_user_model

    from producers.selectors import stock_balance
    from producers.services import stock_move, stock_transfer
    from tests.factories import ProducerFactory, ShowroomFactory, listed_product

    producer = ProducerFactory(name="HTX Vải thiều Phượng Sơn")
    user = get_user_model().objects.create_user(
        username="htx.phuongson",
        email="htx.phuongson@example.vn",
        password="mat-khau-2026",
        first_name="Lan",
    )
    producer.partner.users.add(user)
    product = listed_product(5, producer=producer, num_in_stock=0, title="Vải thiều sấy khô")
    showroom = ShowroomFactory(name="Điểm OCOP Lục Ngạn")
    stock_move(product=product, place=None, quantity=10, kind="received")
    stock_transfer(product=product, source=None, target=showroom, quantity=5)
    page = phone_page
    failures = watch_failures(page)
    # when they open the dashboard, they are asked to sign in, and come back
    page.goto(live_server.url + "/cua-hang/quan-ly/ton-kho/")
    page.fill("#id_login-username", "htx.phuongson@example.vn")
    page.fill("#id_login-password", "mat-khau-2026")
    page.click("button[name=login_submit]")
    page.wait_for_url("**/cua-hang/quan-ly/ton-kho/")
    assert _no_sideways_scroll(page)
    screenshot(page, "producer-stock-phone")
    # when they open the showroom and record a counter sale of 2
    page.click(f"text={showroom.name}")
    page.wait_for_url(f"**/ton-kho/diem-ban/{showroom.pk}/")
    page.select_option("#id_product", str(product.pk))
    page.select_option("#id_kind", "sold_at_showroom")
    page.fill("#id_quantity", "2")
    page.fill("#id_note", "Khách đoàn Hà Nội")
    page.click("button:has-text('Ghi vào sổ kho')")
    # then the ledger shows the line, and the balance is 3
    page.wait_for_selector("text=Khách đoàn Hà Nội")
    assert stock_balance(product=product, place=showroom) == 3
    assert _no_sideways_scroll(page)
    screenshot(page, "producer-showroom-phone")
    # when they try to sell more than is held, they are told why
    page.select_option("#id_product", str(product.pk))
    page.select_option("#id_kind", "sold_at_showroom")
    page.fill("#id_quantity", "9")
    page.click("button:has-text('Ghi vào sổ kho')")
    page.wait_for_selector(".alert-danger >> text=chỉ còn 3")
    screenshot(page, "producer-showroom-refused-phone")
    assert stock_balance(product=product, place=showroom) == 3
    for path in (
        "",
        "san-pham/",
        "chung-nhan/",
        "ton-kho/kho-online/",
        "ton-kho/nguong/",
        "ton-kho/nhap-kiem-ke/",
    ):
        page.goto(live_server.url + "/cua-hang/quan-ly/" + path)
        assert _no_sideways_scroll(page), path
    assert [f for f in failures if "HTTP 400" not in f] == []
