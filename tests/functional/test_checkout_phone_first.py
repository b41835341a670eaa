"""Checkout for phones: the phone number first and required, the email optional, one full-name
field, the phone echoed as typed, a delivery estimate, the free-delivery threshold in the basket,
and a guest finding an order again with phone and order number."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import listed_product
from tests.functional.test_checkout_flow import add, finish

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

PHONE_ONLY = {
    "phone_number": "0912.345.678",
    "full_name": "Nguyễn Thị  Lan",
    "state": "Bắc Ninh",
    "line4": "Phường Chũ",
    "line1": "Thôn Chũ, 12 đường Lê Lợi",
    "notes": "",
}


def _phone_only_order(client, *, address=None):
    add(client, listed_product(5, price=Decimal("120000"), num_in_stock=5))
    client.post(reverse("checkout:shipping-address"), address or PHONE_ONLY)
    finish(client)
    return Order.objects.get()


def test_a_guest_goes_straight_from_the_basket_to_the_phone_first_address_form(client):
    # given a guest with a basket
    add(client, listed_product(5))
    # when they start the checkout
    response = client.get(reverse("checkout:index"))
    # then no email gateway: the contact and address form, the phone field first
    assert response.status_code == 302
    assert response.url == reverse("checkout:shipping-address")
    html = client.get(response.url).content.decode()
    assert html.index('name="phone_number"') < html.index('name="full_name"')
    assert html.index('name="full_name"') < html.index('name="guest_email"')
    assert 'name="last_name"' not in html and 'name="first_name"' not in html


def test_the_phone_number_is_required(client):
    # given a guest with a basket
    add(client, listed_product(5))
    # when they leave the phone empty
    response = client.post(reverse("checkout:shipping-address"), {**PHONE_ONLY, "phone_number": ""})
    # then the form says so and the next step is not open
    assert response.status_code == 200
    assert response.context["form"].errors["phone_number"]
    assert client.get(reverse("checkout:shipping-method")).status_code == 302


def test_a_cash_on_delivery_order_with_only_a_phone_is_placed_and_sends_no_email(client):
    # given / when a guest orders with a phone number and no email
    order = _phone_only_order(client)
    # then the order is placed, stored with the normalised phone and the split name
    assert order.guest_email == ""
    address = order.shipping_address
    assert str(address.phone_number) == "+84912345678"
    assert (address.last_name, address.first_name) == ("Nguyễn Thị", "Lan")
    assert mail.outbox == []


def test_the_thank_you_page_shows_the_order_link_and_it_opens_in_that_session(client):
    # given a guest's phone-only order
    add(client, listed_product(5, num_in_stock=5))
    client.post(reverse("checkout:shipping-address"), PHONE_ONLY)
    html = finish(client).content.decode()
    order = Order.objects.get()
    link = reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )
    # then the confirmation shows the link, not a claim that an email went out
    assert link in html
    assert 'data-testid="thank-you-email"' not in html
    # and the link opens the order page in this session
    response = client.get(link)
    assert response.status_code == 200 and order.number in response.content.decode()


def test_with_an_email_the_confirmation_goes_by_email(client):
    # given / when a guest also gives an email
    order = _phone_only_order(client, address={**PHONE_ONLY, "guest_email": "lan@example.vn"})
    # then
    assert order.guest_email == "lan@example.vn"
    assert mail.outbox and mail.outbox[-1].to == ["lan@example.vn"]
    assert order.number in mail.outbox[-1].subject + mail.outbox[-1].body


def test_an_order_is_found_with_phone_and_order_number(client):
    # given a phone-only order and a visitor in another session
    order = _phone_only_order(client)
    client.cookies.clear()
    # when they look it up with the phone typed another way and the number
    response = client.post(
        reverse("checkout:order-lookup"), {"number": order.number, "phone": "+84 912 345 678"}
    )
    # then they land on the order's page, which opens
    assert response.status_code == 302
    assert response.url == reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )
    page = client.get(response.url)
    assert page.status_code == 200 and order.number in page.content.decode()


@pytest.mark.parametrize("wrong", ["phone", "number"])
def test_a_wrong_phone_or_number_gets_the_same_not_found_answer(client, wrong):
    # given a phone-only order, looked up from another session
    order = _phone_only_order(client)
    client.cookies.clear()
    data = {"number": order.number, "phone": "0912 345 678"}
    data[wrong] = {"phone": "0987 654 321", "number": str(int(order.number) + 1)}[wrong]
    # when
    response = client.post(reverse("checkout:order-lookup"), data)
    # then the same message either way, and no order shown
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không tìm thấy đơn hàng với mã và số điện thoại này." in html
    assert "Nguyễn Thị" not in html


def test_the_order_link_without_the_session_sends_to_the_lookup_page(client):
    # given a phone-only order and its link opened in a fresh session
    order = _phone_only_order(client)
    client.cookies.clear()
    link = reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )
    # when
    response = client.get(link)
    # then the lookup page asks for the phone, the number filled in
    assert response.status_code == 302 and reverse("checkout:order-lookup") in response.url
    assert f'value="{order.number}"' in client.get(response.url).content.decode()


def test_the_phone_is_echoed_as_typed_and_stored_normalised(client):
    # given a guest who typed the phone with dots
    add(client, listed_product(5, num_in_stock=5))
    client.post(reverse("checkout:shipping-address"), PHONE_ONLY)
    client.post(reverse("checkout:shipping-method"), {"method_code": "home-delivery"})
    client.post(reverse("checkout:payment-method"), {"method": "cod"})
    # when they review the order, and when they go back to the address form
    review = client.get(reverse("checkout:preview")).content.decode()
    form = client.get(reverse("checkout:shipping-address")).content.decode()
    # then both show it as typed, never +84
    assert "0912.345.678" in review and "+84" not in review
    assert 'value="0912.345.678"' in form
    # and the review has the place-order button before the lines
    assert review.index('id="place-order"') < review.index('id="review-lines"')


def test_home_delivery_shows_a_delivery_estimate_per_zone(client):
    # given a basket to an address in the province, then to another province
    add(client, listed_product(5, num_in_stock=5))
    client.post(reverse("checkout:shipping-address"), PHONE_ONLY)
    in_province = client.get(reverse("checkout:shipping-method")).content.decode()
    elsewhere_address = {**PHONE_ONLY, "state": "Hồ Chí Minh", "line4": "Phường Bến Thành"}
    client.post(reverse("checkout:shipping-address"), elsewhere_address)
    elsewhere = client.get(reverse("checkout:shipping-method")).content.decode()
    # then
    assert "Dự kiến giao trong 1–2 ngày" in in_province
    assert "Dự kiến giao trong 2–4 ngày" in elsewhere


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        (1, "Mua thêm 120.000\xa0₫ để được miễn phí giao hàng"),  # 380.000 of 500.000
        (2, "được miễn phí giao hàng tận nơi"),  # 760.000: free
    ],
)
def test_the_basket_says_how_much_more_buys_free_delivery(client, quantity, message):
    # given a basket of goods worth 380.000 ₫ per item
    add(client, listed_product(5, price=Decimal("380000"), num_in_stock=5), quantity)
    # when
    html = client.get(reverse("basket:summary")).content.decode()
    # then
    assert message in html


# --- the commune or ward, chosen from today's list --------------------------------------------


def test_the_address_form_lists_the_provinces_communes_and_wards(client):
    # given a guest at the address step
    add(client, listed_product(5))
    # when the form is drawn
    html = client.get(reverse("checkout:shipping-address")).content.decode()
    # then the ward box offers Bắc Ninh's units from July 2025, and none merged away before
    assert 'list="id_line4_list"' in html and '<datalist id="id_line4_list">' in html
    assert '<option value="Phường Chũ">' in html
    assert "Xã Thanh Hải" not in html


def test_a_ward_not_in_the_province_is_refused_and_no_order_is_made(client):
    # given a guest with a basket
    add(client, listed_product(5))
    # when they type a commune that no longer exists (merged in 2025), or another province's ward
    for typed in ("Xã Thanh Hải", "Phường Ba Đình"):
        response = client.post(reverse("checkout:shipping-address"), {**PHONE_ONLY, "line4": typed})
        # then the form says to choose from the list, and the next step stays closed
        assert response.status_code == 200
        assert "hãy chọn trong danh sách" in str(response.context["form"].errors["line4"])
    assert client.get(reverse("checkout:shipping-method")).status_code == 302
    assert not Order.objects.exists()


def test_a_ward_typed_without_marks_is_stored_in_its_official_spelling(client):
    # when the guest types the ward the way a phone keyboard without Vietnamese does
    order = _phone_only_order(client, address={**PHONE_ONLY, "line4": "phuong chu"})
    # then the order keeps the unit's official name
    assert order.shipping_address.line4 == "Phường Chũ"


def test_the_ward_list_of_another_province_is_served_as_json(client):
    ok = client.get(reverse("wards"), {"tinh": "Hà Nội"})
    assert ok.status_code == 200 and "Phường Ba Đình" in ok.json()["wards"]
    assert "Phường Chũ" not in ok.json()["wards"]
    unknown = client.get(reverse("wards"), {"tinh": "Atlantis"})
    assert unknown.status_code == 404 and unknown.json() == {"wards": []}
