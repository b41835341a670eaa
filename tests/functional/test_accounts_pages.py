"""The shopper's account over HTTP: order history and detail, "buy again", the address book (same
Vietnamese rules as checkout, offered at checkout), wishlists, and reviews from buyers only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from catalog import services as catalog_services
from tests.factories import ShowroomFactory, UserFactory, listed_product
from tests.functional.test_checkout_flow import ADDRESS, add, finish

Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")
ProductReview = get_model("reviews", "ProductReview")
StockRecord = get_model("partner", "StockRecord")
WishList = get_model("wishlists", "WishList")

pytestmark = pytest.mark.django_db

#: Fixed budgets for the account pages (measured 13–17 on SQLite; they must not grow).
BUDGET = {"history": 20, "detail": 24, "wishlist": 22}


@pytest.fixture
def shopper(client):
    user = UserFactory(email="hoa@example.vn")
    client.force_login(user)
    return user


def order_as(client, *products, address=None, quantity=1, **finish_kwargs):
    """Place an order as the signed-in shopper through the real checkout."""
    for product in products:
        add(client, product, quantity)
    client.post(reverse("checkout:shipping-address"), address or ADDRESS)
    finish(client, **finish_kwargs)
    return Order.objects.order_by("-pk").first()


def messages_of(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


# --- order history and detail ---------------------------------------------------------------


def test_history_lists_only_my_orders_with_status_words_and_totals(client, shopper):
    # given my order, and someone else's
    mine = order_as(client, listed_product(5, price=Decimal("120000")))
    other_client = client.__class__()
    other_client.force_login(UserFactory())
    theirs = order_as(other_client, listed_product(4))
    # when
    html = client.get(reverse("customer:order-list")).content.decode()
    # then
    assert mine.number in html and theirs.number not in html
    assert "Chờ xử lý" in html
    assert "140.000\xa0₫" in html  # 120.000 ₫ + 20.000 ₫ delivery in the province
    # and someone else's order page is not found
    response = client.get(reverse("customer:order", kwargs={"order_number": theirs.number}))
    assert response.status_code == 404


def test_order_page_groups_lines_by_producer_with_badges_delivery_and_payment(client, shopper):
    # given an order from two producers
    lychee = listed_product(5, title="Vải thiều sấy", price=Decimal("90000"))
    noodles = listed_product(4, title="Mỳ Chũ", price=Decimal("60000"))
    order = order_as(client, lychee, noodles)
    # when
    html = client.get(
        reverse("customer:order", kwargs={"order_number": order.number})
    ).content.decode()
    # then
    assert html.count('data-testid="producer-group"') == 2
    assert lychee.producer.name in html and noodles.producer.name in html
    assert "5 sao OCOP" in html and "4 sao OCOP" in html
    assert "Giao hàng tận nơi" in html
    assert "Thanh toán khi nhận hàng (COD)" in html
    assert "Nguyễn Thị Lan" in html and "0912 345 678" in html
    assert 'data-testid="vietqr"' not in html
    assert 'id="reorder"' in html


def test_order_page_shows_the_carrier_and_tracking_number_of_a_shipped_line(client, shopper):
    # given an order from two producers, one line shipped by its producer
    from producers.dashboard.orders import order_line_fulfil

    lychee = listed_product(5, title="Vải thiều sấy", price=Decimal("90000"))
    noodles = listed_product(4, title="Mỳ Chũ", price=Decimal("60000"))
    order = order_as(client, lychee, noodles)
    order_line_fulfil(
        producer=lychee.producer,
        line=order.lines.get(product=lychee),
        status="Đã gửi hàng",
        carrier="Viettel Post",
        tracking_number="VTP42",
    )
    # when
    html = client.get(
        reverse("customer:order", kwargs={"order_number": order.number})
    ).content.decode()
    # then only the shipped line carries a tracking number
    assert html.count('data-testid="line-shipment"') == 1
    assert "Viettel Post, mã vận đơn VTP42" in html


def test_order_awaiting_a_transfer_shows_the_vietqr_code_and_deadline_again(client, shopper):
    # given a pickup order paid by bank transfer, not yet confirmed
    showroom = ShowroomFactory(name="Điểm bán OCOP Lục Nam")
    product = listed_product(5, price=Decimal("100000"))
    from producers.services import stock_move

    stock_move(product=product, place=showroom, quantity=3, kind="sent_to_showroom")
    order = order_as(client, product, method_code=f"pickup-{showroom.pk}", payment="bank_transfer")
    url = reverse("customer:order", kwargs={"order_number": order.number})
    # when
    html = client.get(url).content.decode()
    # then
    assert 'data-testid="vietqr"' in html and "data:image/svg+xml" in html
    assert f"OCOP {order.number}" in html
    assert 'data-testid="pay-before"' in html
    assert "Chờ xác nhận chuyển khoản" in html
    assert "Nhận tại Điểm bán OCOP Lục Nam" in html
    # and once staff confirm the transfer, the code is gone
    from marketplace.checkout import services

    services.bank_transfer_confirm(order=order)
    assert 'data-testid="vietqr"' not in client.get(url).content.decode()


def test_history_and_order_pages_keep_a_flat_query_count(client, shopper, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # given one order of one line
    first = order_as(client, listed_product(5))
    history = reverse("customer:order-list")
    count_queries(client, history)  # warm the session and basket rows
    few = (
        count_queries(client, history),
        count_queries(client, reverse("customer:order", kwargs={"order_number": first.number})),
    )
    # when there are four more orders, the last with four lines from four producers
    for _ in range(3):
        order_as(client, listed_product(4))
    big = order_as(client, *[listed_product(3 + i % 3) for i in range(4)])
    count_queries(client, history)  # the next basket is made on the first page after an order
    many = (
        count_queries(client, history),
        count_queries(client, reverse("customer:order", kwargs={"order_number": big.number})),
    )
    # then
    assert many == few, (few, many)
    assert many[0] <= BUDGET["history"] and many[1] <= BUDGET["detail"], many


# --- buy again ------------------------------------------------------------------------------


def test_buy_again_puts_the_lines_back_in_the_basket(client, shopper):
    # given a past order of 2 + 1 units
    lychee = listed_product(5, title="Vải thiều sấy")
    noodles = listed_product(4, title="Mỳ Chũ")
    add(client, lychee, 2)
    order = order_as(client, noodles)
    # when
    response = client.post(
        reverse("customer:order", kwargs={"order_number": order.number}), {"action": "reorder"}
    )
    # then
    assert response.status_code == 302 and response.url == reverse("basket:summary")
    basket = response.wsgi_request.basket
    assert {(line.product_id, line.quantity) for line in basket.all_lines()} == {
        (lychee.pk, 2),
        (noodles.pk, 1),
    }
    assert "Đã thêm vào giỏ hàng" in messages_of(response)


def test_buy_again_skips_lines_no_longer_on_sale_and_names_them(client, shopper):
    # given an order of three products: one kept its rating, one lost it, one sold out
    kept = listed_product(5, title="Gà đồi Yên Thế")
    revoked = listed_product(5, title="Nước ép vải thiều")
    sold_out = listed_product(4, title="Mật ong hoa vải", num_in_stock=3)
    order = order_as(client, kept, revoked, sold_out)
    catalog_services.certificate_revoke(
        certificate=revoked.certificates.get(), reason="Không duy trì chất lượng sau kiểm tra."
    )
    StockRecord.objects.filter(product=sold_out).update(num_in_stock=1)  # 1 allocated already
    # when
    response = client.post(
        reverse("customer:order", kwargs={"order_number": order.number}), {"action": "reorder"}
    )
    # then only the product still on sale is in the basket
    basket = response.wsgi_request.basket
    assert [line.product_id for line in basket.all_lines()] == [kept.pk]
    text = messages_of(response)
    assert "Không thể mua lại “Nước ép vải thiều”" in text
    assert "không có chứng nhận OCOP từ 3 sao" in text
    assert "Không thể mua lại “Mật ong hoa vải”" in text


def test_buy_again_with_nothing_left_on_sale_says_so_and_adds_nothing(client, shopper):
    # given an order whose only product lost its rating
    product = listed_product(5, title="Tương ớt Hiệp Hòa")
    order = order_as(client, product)
    catalog_services.certificate_revoke(
        certificate=product.certificates.get(), reason="Không duy trì chất lượng sau kiểm tra."
    )
    url = reverse("customer:order", kwargs={"order_number": order.number})
    # when
    response = client.post(url, {"action": "reorder"})
    # then
    assert response.status_code == 302 and response.url == url
    assert response.wsgi_request.basket.num_lines == 0
    assert "còn mua được" in messages_of(response)


# --- the address book -----------------------------------------------------------------------

BOOK_ADDRESS = {
    "last_name": "Trần Văn",
    "first_name": "Nam",
    "phone_number": "0987.654.321",
    "state": "Hà Nội",
    "line4": "Phường Ba Đình",
    "line1": "12 phố Điện Biên Phủ",
    "notes": "",
}


def test_address_book_uses_the_checkout_rules(client, shopper):
    # when a valid address is added
    response = client.post(reverse("customer:address-create"), BOOK_ADDRESS)
    # then it is saved with the phone number in +84 form, in Vietnam
    assert response.status_code == 302
    address = UserAddress.objects.get(user=shopper)
    assert str(address.phone_number) == "+84987654321"
    assert address.state == "Hà Nội" and address.country.iso_3166_1_a2 == "VN"
    html = client.get(reverse("customer:address-list")).content.decode()
    assert "Trần Văn Nam" in html, "family name first"


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("phone_number", "12345", "Số điện thoại Việt Nam không hợp lệ"),
        ("state", "Bắc Giang cũ", "Chọn một lựa chọn hợp lệ"),
        ("line4", "", "This field is required"),
    ],
)
def test_address_book_refuses_bad_input_with_a_message(client, shopper, field, value, message):
    response = client.post(reverse("customer:address-create"), {**BOOK_ADDRESS, field: value})
    assert response.status_code == 200
    assert not UserAddress.objects.filter(user=shopper).exists()
    assert response.context["form"].errors[field]


def test_checkout_offers_saved_addresses_and_ships_to_the_one_picked(client, shopper):
    # given a saved address
    client.post(reverse("customer:address-create"), BOOK_ADDRESS)
    address = UserAddress.objects.get(user=shopper)
    add(client, listed_product(5))
    # when
    page = client.get(reverse("checkout:shipping-address")).content.decode()
    response = client.post(
        reverse("checkout:shipping-address"), {"action": "ship_to", "address_id": address.pk}
    )
    # then
    assert "Trần Văn Nam" in page
    assert response.status_code == 302 and response.url == reverse("checkout:shipping-method")
    finish(client)
    order = Order.objects.get()
    assert order.shipping_address.state == "Hà Nội"
    assert str(order.shipping_address.phone_number) == "+84987654321"


def test_checkout_refuses_someone_elses_or_a_bogus_saved_address(client, shopper):
    # given another shopper's address
    stranger = UserFactory()
    other = UserAddress.objects.create(
        user=stranger, country_id="VN", **{**BOOK_ADDRESS, "phone_number": "+84987654321"}
    )
    add(client, listed_product(5))
    for address_id in (other.pk, "abc", "999999"):
        # when
        response = client.post(
            reverse("checkout:shipping-address"), {"action": "ship_to", "address_id": address_id}
        )
        # then a message, not an error page
        assert response.status_code == 302
        assert response.url == reverse("checkout:shipping-address")
        assert "Không tìm thấy địa chỉ" in messages_of(response)


@pytest.mark.parametrize("ticked,saved", [(True, 1), (False, 0)])
def test_a_new_checkout_address_goes_to_the_book_only_when_ticked(client, shopper, ticked, saved):
    add(client, listed_product(5))
    form = {**ADDRESS, **({"save_to_book": "on"} if ticked else {})}
    client.post(reverse("checkout:shipping-address"), form)
    finish(client)
    assert Order.objects.count() == 1
    assert UserAddress.objects.filter(user=shopper).count() == saved


def test_two_orders_to_the_same_new_address_keep_one_book_entry(client, shopper):
    # given (family name first on the order address must not defeat the book's dedupe)
    for _ in range(2):
        order_as(client, listed_product(5), address={**ADDRESS, "save_to_book": "on"})
    # then
    assert Order.objects.count() == 2
    address = UserAddress.objects.get(user=shopper)
    assert address.num_orders_as_shipping_address == 2


def test_guests_are_not_offered_the_address_book(client):
    add(client, listed_product(5))
    client.post(reverse("checkout:index"), {"username": "lan@example.vn", "options": "anonymous"})
    html = client.get(reverse("checkout:shipping-address")).content.decode()
    assert "save_to_book" not in html


# --- wishlists ------------------------------------------------------------------------------


def test_wishlist_add_list_and_remove(client, shopper):
    # given
    product = listed_product(5, title="Mật ong hoa vải", price=Decimal("250000"))
    # when added from the product page
    response = client.post(
        reverse("customer:wishlists-add-product", kwargs={"product_pk": product.pk}),
        HTTP_REFERER=product.get_absolute_url(),
    )
    # then
    assert response.status_code == 302
    wishlist = WishList.objects.get(owner=shopper)
    page = client.get(product.get_absolute_url()).content.decode()
    assert 'data-testid="in-wishlist"' in page
    html = client.get(wishlist.get_absolute_url()).content.decode()
    assert "Mật ong hoa vải" in html and "250.000\xa0₫" in html
    assert 'data-testid="wish-add-to-basket"' in html
    # when removed
    line = wishlist.lines.get()
    client.post(
        reverse(
            "customer:wishlists-remove-product", kwargs={"key": wishlist.key, "line_pk": line.pk}
        )
    )
    # then
    assert not wishlist.lines.exists()


def test_wishlist_items_no_longer_on_sale_say_so_and_cannot_go_to_the_basket(client, shopper):
    # given a wishlist with a product that then lost its rating
    product = listed_product(5, title="Nước ép vải thiều")
    wishlist = WishList.objects.create(owner=shopper)
    wishlist.add(product)
    catalog_services.certificate_revoke(
        certificate=product.certificates.get(), reason="Không duy trì chất lượng sau kiểm tra."
    )
    # when
    html = client.get(wishlist.get_absolute_url()).content.decode()
    # then
    assert 'data-testid="not-on-sale"' in html and "Không còn bán" in html
    assert 'data-testid="wish-add-to-basket"' not in html
    # and a crafted add to basket is refused by the strategy
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert client.get(reverse("basket:summary")).context["basket"].num_lines == 0


def test_wishlist_page_keeps_a_flat_query_count(client, shopper, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.FRAGMENT_CACHE_ENABLED = False  # counted on a cold render, as the query budgets are
    wishlist = WishList.objects.create(owner=shopper)
    wishlist.add(listed_product(5))
    url = wishlist.get_absolute_url()
    count_queries(client, url)
    few = count_queries(client, url)
    for stars in (3, 4, 5, 4):
        wishlist.add(listed_product(stars))
    many = count_queries(client, url)
    assert many == few and many <= BUDGET["wishlist"], (few, many)


# --- reviews from buyers only ---------------------------------------------------------------

REVIEW = {"title": "Thơm ngon", "score": "5", "body": "Vải sấy dẻo, ngọt vừa."}


def review_url(product):
    return reverse(
        "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
    )


def test_a_buyer_may_review_once_and_the_review_says_verified_buyer(client, shopper):
    # given I bought the product
    product = listed_product(5)
    order_as(client, product)
    # then the product page and the reviews page offer the form
    assert 'id="write-review"' in client.get(product.get_absolute_url()).content.decode()
    reviews_page = client.get(
        reverse(
            "catalogue:reviews-list",
            kwargs={"product_slug": product.slug, "product_pk": product.pk},
        )
    )
    assert 'id="write_review"' in reviews_page.content.decode()
    # when I post a review
    response = client.post(review_url(product), REVIEW)
    # then it waits for moderation
    assert response.status_code == 302
    review = ProductReview.objects.get(product=product, user=shopper)
    assert review.status == ProductReview.FOR_MODERATION
    # when staff approve it, it shows with "Đã mua hàng"
    review.status = ProductReview.APPROVED
    review.save()
    page = client.get(product.get_absolute_url()).content.decode()
    assert "Thơm ngon" in page and 'data-testid="verified-buyer"' in page
    all_reviews = client.get(
        reverse(
            "catalogue:reviews-list",
            kwargs={"product_slug": product.slug, "product_pk": product.pk},
        )
    )
    assert 'data-testid="verified-buyer"' in all_reviews.content.decode()
    # and a second review is refused, creating nothing
    response = client.post(review_url(product), {**REVIEW, "title": "Lần hai"})
    assert response.status_code == 403
    assert "đã đánh giá" in response.content.decode()
    assert ProductReview.objects.filter(product=product).count() == 1


def test_a_shopper_who_did_not_buy_is_refused_even_with_a_crafted_post(client, shopper):
    product = listed_product(5)
    page = client.get(product.get_absolute_url()).content.decode()
    assert 'id="write-review"' not in page
    assert "Chỉ khách đã mua sản phẩm này" in page
    reviews_page = client.get(
        reverse(
            "catalogue:reviews-list",
            kwargs={"product_slug": product.slug, "product_pk": product.pk},
        )
    )
    assert 'id="write_review"' not in reviews_page.content.decode()
    # when the form is fetched, or posted anyway
    assert client.get(review_url(product)).status_code == 302
    response = client.post(review_url(product), REVIEW)
    # then
    assert response.status_code == 403
    assert "Chỉ khách đã mua sản phẩm này" in response.content.decode()
    assert not ProductReview.objects.exists()


def test_anonymous_visitors_cannot_review(client):
    product = listed_product(5)
    response = client.post(review_url(product), {**REVIEW, "name": "A", "email": "a@b.vn"})
    assert response.status_code == 403
    assert not ProductReview.objects.exists()
    assert client.get(review_url(product)).status_code == 302  # to the sign-in page


def test_a_cancelled_order_does_not_make_a_buyer(client, shopper):
    from marketplace.checkout import services

    product = listed_product(5)
    order = order_as(client, product)
    services.order_cancel(order=order, note="Khách hủy")
    response = client.post(review_url(product), REVIEW)
    assert response.status_code == 403
    assert not ProductReview.objects.exists()
