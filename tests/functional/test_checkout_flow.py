"""Full checkouts over HTTP: cash on delivery, VietQR bank transfer, home delivery and showroom
pickup, and every kind of bad input (which must create no order)."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.checkout import services
from producers.models import StockMovement
from producers.selectors import stock_balance
from producers.services import stock_move
from tests.factories import ShowroomFactory, UserFactory, listed_product, product_in_state

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

ADDRESS = {
    "full_name": "Nguyễn Thị Lan",
    "phone_number": "0912 345 678",
    "state": "Bắc Ninh",
    "line4": "Phường Chũ",
    "line1": "Thôn Chũ, 12 đường Lê Lợi",
    "notes": "Gọi trước khi giao",
}


def add(client, product, quantity=1):
    return client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})


def start(client, *, address=None):
    """Gateway as a guest, then the contact and address step."""
    client.post(reverse("checkout:index"), {"username": "lan@example.vn", "options": "anonymous"})
    return client.post(reverse("checkout:shipping-address"), address or ADDRESS)


def finish(client, *, method_code="home-delivery", payment="cod", extra=None):
    client.post(reverse("checkout:shipping-method"), {"method_code": method_code})
    client.post(reverse("checkout:payment-method"), {"method": payment})
    return client.post(
        reverse("checkout:preview"), {"action": "place_order", **(extra or {})}, follow=True
    )


def stock_at(showroom, product, quantity):
    stock_move(product=product, place=showroom, quantity=quantity, kind="sent_to_showroom")


def test_cash_on_delivery_home_delivery_places_one_order_with_delivery_charge(client):
    # given
    product = listed_product(5, price=Decimal("120000"), num_in_stock=5)
    add(client, product, 3)
    start(client)
    # when
    response = finish(client)
    # then
    order = Order.objects.get()
    assert order.status == "Chờ xử lý"
    assert order.shipping_code == "home-delivery"
    # 3 kg in the province: 20.000 + 2 × 5.000
    assert order.shipping_incl_tax == 30000
    assert order.total_incl_tax == 360000 + 30000
    assert order.sources.get().amount_allocated == order.total_incl_tax
    address = order.shipping_address
    assert str(address.phone_number) == "+84912345678"
    assert address.state == "Bắc Ninh" and address.notes == "Gọi trước khi giao"
    assert StockRecord.objects.get(product=product).num_allocated == 3
    html = response.content.decode()
    assert "390.000\xa0₫" in html and order.number in html
    assert "Nguyễn Thị Lan" in html, "family name first, the Vietnamese way"
    assert 'data-testid="producer-group"' in html
    assert mail.outbox and order.number in mail.outbox[-1].subject + mail.outbox[-1].body


def test_delivery_is_free_from_the_threshold_and_dearer_to_other_provinces(client):
    # given
    product = listed_product(4, price=Decimal("100000"), num_in_stock=10)
    add(client, product, 2)
    start(client, address={**ADDRESS, "state": "Hồ Chí Minh", "line4": "Phường Bến Thành"})
    # when
    page = client.get(reverse("checkout:shipping-method")).content.decode()
    # then: 2 kg to another province = 35.000 + 10.000
    assert "45.000\xa0₫" in page
    # given five more: 700.000 ₫ of goods is over the free threshold
    add(client, product, 5)
    page = client.get(reverse("checkout:shipping-method")).content.decode()
    assert "Miễn phí" in page


def test_two_producers_one_order_grouped_by_producer_with_showroom_pickup(client):
    # given
    showroom = ShowroomFactory(name="Điểm bán OCOP Lục Ngạn")
    lychee = listed_product(5, title="Vải thiều sấy", price=Decimal("90000"))
    noodles = listed_product(5, title="Mỳ Chũ", price=Decimal("60000"))
    stock_at(showroom, lychee, 4)
    stock_at(showroom, noodles, 2)
    add(client, lychee, 2)
    add(client, noodles, 2)
    start(client)
    # when
    page = client.get(reverse("checkout:shipping-method")).content.decode()
    response = finish(client, method_code=f"pickup-{showroom.pk}")
    # then
    assert "Nhận tại điểm bán: Điểm bán OCOP Lục Ngạn" in page
    order = Order.objects.get()
    assert order.shipping_incl_tax == 0 and order.total_incl_tax == 300000
    assert stock_balance(product=lychee, place=showroom) == 2
    assert stock_balance(product=noodles, place=showroom) == 0
    # online stock is untouched by a pickup order
    assert StockRecord.objects.get(product=lychee).num_allocated in (0, None)
    html = response.content.decode()
    assert html.count('data-testid="producer-group"') == 2
    assert lychee.producer.name in html and noodles.producer.name in html
    assert 'data-testid="pickup-place"' in html


def test_showroom_lacking_a_line_is_not_offered_and_the_page_names_the_missing_line(client):
    # given
    showroom = ShowroomFactory(name="Điểm bán OCOP Sơn Động")
    lychee = listed_product(5, title="Vải thiều sấy")
    noodles = listed_product(5, title="Mỳ Chũ đặc biệt")
    stock_at(showroom, lychee, 5)
    add(client, lychee)
    add(client, noodles)
    start(client)
    # when
    page = client.get(reverse("checkout:shipping-method")).content.decode()
    # then
    assert f"pickup-{showroom.pk}" not in page
    assert "Điểm bán OCOP Sơn Động" in page and "“Mỳ Chũ đặc biệt” (cần 1, còn 0)" in page


def test_crafted_pickup_at_a_showroom_without_stock_creates_no_order(client):
    # given
    showroom = ShowroomFactory()
    product = listed_product(5)
    add(client, product)
    start(client)
    # when
    response = client.post(
        reverse("checkout:shipping-method"),
        {"method_code": f"pickup-{showroom.pk}"},
        follow=True,
    )
    # then
    assert "Cách nhận hàng đã chọn không dùng được cho giỏ hàng này" in response.content.decode()
    client.post(reverse("checkout:payment-method"), {"method": "cod"})
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    assert not Order.objects.exists()


def test_unknown_delivery_method_is_refused_with_a_message(client):
    product = listed_product(5)
    add(client, product)
    start(client)
    response = client.post(
        reverse("checkout:shipping-method"), {"method_code": "teleport"}, follow=True
    )
    assert response.status_code == 200
    assert "Cách nhận hàng đã chọn không dùng được" in response.content.decode()
    assert not Order.objects.exists()


def test_bank_transfer_shows_a_vietqr_code_and_waits_for_staff(
    client, django_capture_on_commit_callbacks
):
    # given
    product = listed_product(5, price=Decimal("150000"))
    add(client, product)
    start(client)
    # when
    response = finish(client, payment="bank_transfer")
    # then
    order = Order.objects.get()
    assert order.status == "Chờ xác nhận chuyển khoản"
    html = response.content.decode()
    assert 'data-testid="vietqr"' in html and "data:image/svg+xml" in html
    assert f"OCOP {order.number}" in html
    source = order.sources.get()
    assert source.amount_debited == 0
    # when staff confirm, twice
    with django_capture_on_commit_callbacks(execute=True):
        assert services.bank_transfer_confirm(order=order) is True
        assert services.bank_transfer_confirm(order=order) is False
    # then one payment is recorded and the shopper is told
    order.refresh_from_db()
    assert order.status == "Chờ xử lý"
    assert order.sources.get().amount_debited == order.total_incl_tax
    assert order.payment_events.count() == 1
    assert any("Đã nhận thanh toán" in m.subject for m in mail.outbox)


def test_invalid_phone_and_unknown_province_are_refused_with_messages(client):
    product = listed_product(5)
    add(client, product)
    response = start(client, address={**ADDRESS, "phone_number": "12345", "state": "Atlantis"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Số điện thoại Việt Nam không hợp lệ" in html
    assert set(response.context["form"].errors) == {"phone_number", "state"}
    assert not client.session.get("checkout_data", {}).get("shipping", {}).get("new_address_fields")


def test_tampered_totals_in_the_post_are_ignored(client):
    product = listed_product(5, price=Decimal("200000"))
    add(client, product)
    start(client)
    finish(client, extra={"order_total": "1", "total_incl_tax": "1", "price": "1"})
    order = Order.objects.get()
    assert order.total_incl_tax == 200000 + 20000


@pytest.mark.parametrize("quantity", [0, -3, 10**9, "abc"])
def test_bad_quantities_never_reach_an_order(client, quantity):
    product = listed_product(5, num_in_stock=5)
    add(client, product, quantity)
    start(client)
    finish(client)
    assert not Order.objects.exists()


def test_product_that_lost_its_rating_blocks_the_order(client):
    from catalog import services as catalog_services

    product = product_in_state("4_star")
    add(client, product)
    start(client)
    client.post(reverse("checkout:shipping-method"), {"method_code": "home-delivery"})
    client.post(reverse("checkout:payment-method"), {"method": "cod"})
    catalog_services.certificate_revoke(certificate=product.certificates.get(), reason="Thu hồi")
    response = client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)
    assert "không có chứng nhận OCOP từ 3 sao" in response.content.decode()
    assert not Order.objects.exists()


def test_last_unit_sold_twice_in_a_row_gives_one_order_and_a_clear_message(client):
    # given two shoppers with the last unit in their baskets
    from django.test import Client

    product = listed_product(5, num_in_stock=1)
    other = Client()
    add(client, product)
    add(other, product)
    start(client)
    start(other)
    # when both place the order
    finish(client)
    response = finish(other)
    # then
    assert Order.objects.count() == 1
    record = StockRecord.objects.get(product=product)
    assert record.num_allocated == 1 <= record.num_in_stock
    assert response.status_code == 200
    assert not ShippingAddress.objects.exclude(order__isnull=False).exists()


def test_cancelling_releases_online_and_showroom_stock_exactly_once(client):
    # given one home-delivery order and one pickup order
    showroom = ShowroomFactory()
    product = listed_product(5, num_in_stock=5)
    stock_at(showroom, product, 3)
    add(client, product, 2)
    start(client)
    finish(client)
    add(client, product, 3)
    start(client)
    finish(client, method_code=f"pickup-{showroom.pk}")
    home, pickup = Order.objects.order_by("pk")
    assert StockRecord.objects.get(product=product).num_allocated == 2
    assert stock_balance(product=product, place=showroom) == 0
    # when each is cancelled twice
    assert services.order_cancel(order=home) and not services.order_cancel(order=home)
    assert services.order_cancel(order=pickup) and not services.order_cancel(order=pickup)
    # then
    assert StockRecord.objects.get(product=product).num_allocated == 0
    assert stock_balance(product=product, place=showroom) == 3
    assert StockMovement.objects.filter(kind="correction").count() == 1


def test_signed_in_shopper_sees_the_order_in_the_account(client):
    user = UserFactory()
    user.save()  # the factory sets the password after saving; keep the session hash valid
    client.force_login(user)
    product = listed_product(5)
    add(client, product)
    client.post(reverse("checkout:shipping-address"), ADDRESS)
    finish(client)
    order = Order.objects.get()
    assert order.user == user
    page = client.get(reverse("customer:order-list")).content.decode()
    assert order.number in page


def test_pickup_sold_out_between_the_checks_and_the_order_sends_the_shopper_back(
    client, monkeypatch
):
    from marketplace.checkout.views import PaymentDetailsView

    # given a shopper who chose pickup at a showroom holding the last unit
    showroom = ShowroomFactory()
    product = listed_product(5)
    stock_at(showroom, product, 1)
    add(client, product)
    start(client)
    client.post(reverse("checkout:shipping-method"), {"method_code": f"pickup-{showroom.pk}"})
    client.post(reverse("checkout:payment-method"), {"method": "cod"})
    # and another shopper taking that unit just after Oscar checked the preconditions (a
    # showroom sale made in the hook stands in for the concurrent checkout of the race)
    checked = PaymentDetailsView.check_pre_conditions

    def check_then_sell(view, request):
        checked(view, request)
        stock_move(
            product=product,
            place=showroom,
            quantity=1,
            kind=StockMovement.Kind.SOLD_AT_SHOWROOM,
            note="the other shopper",
        )

    monkeypatch.setattr(PaymentDetailsView, "check_pre_conditions", check_then_sell)
    # when
    response = client.post(reverse("checkout:preview"), {"action": "place_order"})
    # then no 500: back to choosing delivery, with a message, and no order
    assert response.status_code == 302
    assert response.url == reverse("checkout:shipping-method")
    page = client.get(response.url).content.decode()
    assert "Cách nhận hàng bạn chọn vừa hết" in page
    assert not Order.objects.exists()
    assert stock_balance(product=product, place=showroom) == 0


def test_a_basket_left_frozen_by_a_crashed_submit_is_reopened_on_the_next_visit(client):
    # given a guest's basket frozen at submit by a worker that was then killed (no order)
    product = listed_product(5, num_in_stock=5)
    add(client, product, 2)
    basket = Basket.objects.get()
    services.basket_freeze(basket=basket, now=time.time() - 120)  # two minutes ago
    # when the shopper comes back to the basket
    response = client.get(reverse("basket:summary"))
    # then it is open again, with the goods in it, and the checkout can go on
    basket.refresh_from_db()
    assert basket.status == Basket.OPEN
    assert response.context["basket"].pk == basket.pk
    assert response.context["basket"].num_items == 2
    start(client)
    finish(client)
    assert Order.objects.get().basket_id == basket.pk


def test_a_signed_in_shoppers_frozen_basket_without_order_is_reopened(client):
    # given a signed-in shopper whose basket a crashed submit left frozen
    user = UserFactory()
    client.force_login(user)
    product = listed_product(5, num_in_stock=5)
    add(client, product, 1)
    basket = Basket.objects.get(owner=user)
    services.basket_freeze(basket=basket, now=time.time() - 120)  # two minutes ago
    # when they open the basket again
    response = client.get(reverse("basket:summary"))
    # then they see their goods, not a new empty basket
    assert response.context["basket"].pk == basket.pk
    assert response.context["basket"].num_items == 1


def test_a_frozen_basket_with_an_order_or_just_frozen_stays_frozen(client):
    # given a guest's basket that became an order, and another frozen a moment ago by a
    # submit still on its way (another tab)
    product = listed_product(5, num_in_stock=5)
    add(client, product, 1)
    start(client)
    finish(client)
    ordered = Order.objects.get().basket
    ordered.status = Basket.FROZEN
    ordered.save()
    services.basket_freeze(basket=(fresh := Basket.objects.create()))
    # when the baskets are looked at again
    thawed = services.basket_thaw_abandoned(basket_id=ordered.pk)
    thawed += services.basket_thaw_abandoned(basket_id=fresh.pk)
    # then neither is reopened
    assert thawed == 0
    assert Basket.objects.get(pk=ordered.pk).status == Basket.FROZEN
    assert Basket.objects.get(pk=fresh.pk).status == Basket.FROZEN
