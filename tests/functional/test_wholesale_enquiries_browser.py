"""A wholesale enquiry in real Chromium: a buyer sends it from a product page on a phone, the
producer replies in the dashboard, and the reply is in the buyer's mail (Django's in-memory
outbox: the live server runs in this process). Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.functional.test_accounts_browser import sign_in
from tests.functional.test_checkout_browser import watch_failures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]

BUYER_EMAIL = "thu.mua@xanhviet.example"
REPLY = "Giá 85.000 đ/kg, giao tại kho Lục Ngạn mỗi thứ Hai."


def test_a_buyer_enquires_from_a_product_page_and_gets_the_producers_reply(
    home_page, live_server, chromium, desktop_page, screenshot
):
    from producers.models import Enquiry
    from tests.factories import ProducerFactory, UserFactory, listed_product

    # given a listed product of a producer with a signed-up user
    producer = ProducerFactory(name="HTX Vải thiều Lục Ngạn", email="htx@example.vn")
    product = listed_product(5, producer=producer, title="Vải thiều sấy Lục Ngạn")
    user = UserFactory(email="lan@htx.example.vn")
    producer.partner.users.add(user)
    base = live_server.url

    # when a buyer on a 390 px phone opens the product page and follows the wholesale link
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    buyer = context.new_page()
    failures = watch_failures(buyer)
    buyer.goto(base + product.get_absolute_url())
    buyer.click("[data-testid=wholesale-enquiry]")
    buyer.wait_for_load_state()
    assert buyer.locator("#id_product").input_value() == str(product.pk)
    buyer.fill("#id_company", "Chuỗi siêu thị Xanh Việt")
    buyer.fill("#id_tax_code", "0300588568")  # a typo in the check digit
    buyer.fill("#id_contact_name", "Nguyễn Thu Hà")
    buyer.fill("#id_phone", "0912 345 678")
    buyer.fill("#id_email", BUYER_EMAIL)
    buyer.fill("#id_quantity", "2")
    buyer.select_option("#id_unit", "tan")
    buyer.select_option("#id_destination", "VN:Hà Nội")
    buyer.fill("#id_delivery_period", "Hằng tuần trong vụ")
    buyer.fill("#id_message", "Cần thùng 5 kg có tem truy xuất.")
    screenshot(buyer, "wholesale-enquiry-form-390")
    buyer.click("button[type=submit].btn-primary")
    buyer.wait_for_load_state()
    # then the typo is named next to the field and nothing is stored
    assert "chữ số kiểm tra" in buyer.content()
    assert not Enquiry.objects.exists()
    failures.clear()  # the 400 of the refused form is expected
    # when corrected
    buyer.fill("#id_tax_code", "0300588569")
    buyer.click("button[type=submit].btn-primary")
    buyer.wait_for_load_state()
    assert "đã nhận được yêu cầu" in buyer.content()
    screenshot(buyer, "wholesale-enquiry-sent-390")
    assert not failures, failures
    context.close()
    enquiry = Enquiry.objects.get()
    mail.outbox.clear()  # the producer's "new enquiry" notice

    # when the producer signs in, opens the enquiry and replies
    page = desktop_page
    failures = watch_failures(page)
    sign_in(page, base, user.email)
    page.goto(base + "/cua-hang/quan-ly/mua-si/")
    page.click("text=Chuỗi siêu thị Xanh Việt")
    page.wait_for_load_state()
    page.fill("#id_body", REPLY)
    page.click("button[name=reply]")
    page.wait_for_load_state()
    # then the thread shows it, the state moved, and the buyer has it by email
    assert page.locator("[data-testid=reply]").inner_text().endswith(REPLY)
    assert page.locator("[data-testid=enquiry-status]").inner_text() == "Đã trả lời"
    screenshot(page, "wholesale-enquiry-reply")
    assert not failures, failures
    enquiry.refresh_from_db()
    assert enquiry.status == "replied"
    to_buyer = [m for m in mail.outbox if m.to == [BUYER_EMAIL]]
    assert len(to_buyer) == 1
    assert REPLY in to_buyer[0].body
    assert "HTX Vải thiều Lục Ngạn" in to_buyer[0].subject
