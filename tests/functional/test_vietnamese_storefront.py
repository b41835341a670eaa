"""The storefront under the Vietnamese locale shows the project's Vietnamese, never a phrase of
Oscar's English (nor its literal Vietnamese) that the project's catalogue translates
(``locale/vi/LC_MESSAGES/django.po``)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import product_in_state

pytestmark = pytest.mark.django_db

#: Phrases of Oscar's catalogue that must not reach a Vietnamese shopper: English, and the
#: literal translations of Oscar's own Vietnamese catalogue.
FORBIDDEN = (
    "Your basket total is now",
    "Items to buy now",
    "before checking out",
    "(reference:",
    "Proceed to checkout",
    "Continue shopping",
    "Những vật phẩm để mua bây giờ",
    "trước khi thóat",
    "Tổng số giỏ hàng",
    "(tài liệu:",
    "số thứ tự của bạn là",
    # English of Oscar's templates and views on the checkout and account pages
    "Order history",
    "Order History",
    "Address book",
    "Address Book",
    "Preview order",
    "Items purchased",
    "Tracking your order",
    "Print this page",
    "Email history",
    "Wish Lists",
    "Product Alerts",
    "Change password",
    "Delete profile",
    "I've forgotten my password",
    "Re-order",
    "Basket total",
    "Shipping total",
    "Continue shopping",
    "Edit order contents",
    "Date registered",
    # literal or wrong Vietnamese in Oscar's own catalogue
    "Tổng số",
    "sao chép",
    "dây",
    "Đăng tải đơn",
    "khách vãn lai",
    "Xem trước",
    "Danh sách mong muốn",
    "Sẵn có",
    "để đi đây",
    "Thông tin cá nhân",
)

#: The checkout and account pages a shopper sees, walked by the tests below.
ADDRESS = {
    "full_name": "Nguyễn Thị Lan",
    "phone_number": "0912 345 678",
    "state": "Bắc Ninh",
    "line4": "Phường Chũ",
    "line1": "Thôn Chũ, 12 đường Lê Lợi",
    "notes": "",
}


def _phrases_in(html: str) -> list[str]:
    return [phrase for phrase in FORBIDDEN if phrase in html]


def test_basket_after_adding_a_product_reads_as_vietnamese(client):
    # given a listed product
    product = product_in_state("5_star", title="Gà đồi Yên Thế")
    # when the shopper adds it and opens the basket
    added = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}),
        {"quantity": 1},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    basket = client.get(reverse("basket:summary"), HTTP_ACCEPT_LANGUAGE="vi")
    # then no English or literal phrase of Oscar's catalogue shows
    for html in (added.content.decode(), basket.content.decode()):
        found = _phrases_in(html)
        assert not found, found
    assert "Tổng tiền giỏ hàng hiện là" in added.content.decode()


def test_every_checkout_step_and_the_confirmation_read_as_vietnamese(client):
    # given a guest with a listed product in the basket
    product = product_in_state("5_star", title="Mỳ Chũ")
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    pages = {}
    # when they walk every step of the checkout under the Vietnamese locale
    vi = {"HTTP_ACCEPT_LANGUAGE": "vi"}
    # (a guest goes from the basket straight to the contact and address step)
    pages["start"] = client.get(reverse("checkout:index"), follow=True, **vi)
    pages["address"] = client.get(reverse("checkout:shipping-address"), **vi)
    client.post(reverse("checkout:shipping-address"), ADDRESS)
    pages["method"] = client.get(reverse("checkout:shipping-method"), **vi)
    client.post(reverse("checkout:shipping-method"), {"method_code": "home-delivery"})
    pages["payment"] = client.get(reverse("checkout:payment-method"), **vi)
    client.post(reverse("checkout:payment-method"), {"method": "cod"})
    pages["preview"] = client.get(reverse("checkout:preview"), **vi)
    pages["thank-you"] = client.post(
        reverse("checkout:preview"), {"action": "place_order"}, follow=True, **vi
    )
    # then each page is served and none shows Oscar's English or literal phrases
    for name, response in pages.items():
        assert response.status_code == 200, name
        found = _phrases_in(response.content.decode())
        assert not found, (name, found)
    assert "Mỳ Chũ" in pages["thank-you"].content.decode()


def test_the_shoppers_account_pages_read_as_vietnamese(client):
    # given a signed-in shopper with one order
    from tests.factories import UserFactory

    user = UserFactory()
    user.save()
    client.force_login(user)
    product = product_in_state("5_star", title="Vải thiều sấy")
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    client.post(reverse("checkout:shipping-address"), ADDRESS)
    client.post(reverse("checkout:shipping-method"), {"method_code": "home-delivery"})
    client.post(reverse("checkout:payment-method"), {"method": "cod"})
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    # when they open each page of their account
    names = [
        "customer:summary",
        "customer:profile-view",
        "customer:order-list",
        "customer:address-list",
        "customer:email-list",
        "customer:change-password",
        "customer:wishlists-list",
        "customer:alerts-list",
        "customer:notifications-inbox",
    ]
    # then none shows Oscar's English or literal phrases
    for name in names:
        response = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="vi", follow=True)
        assert response.status_code == 200, name
        found = _phrases_in(response.content.decode())
        assert not found, (name, found)


def test_sign_in_and_password_reset_pages_read_as_vietnamese(client):
    for name in ("customer:login", "password-reset"):
        response = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200, name
        found = _phrases_in(response.content.decode())
        assert not found, (name, found)
