"""The demo shopper: a login with one delivered order from two producers, a saved address and a
wishlist entry, so a newcomer sees the account pages working. Idempotent: everything is found by
its natural key (username, address hash, order number) before it is made."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from oscar.core.loading import get_class, get_model

from marketplace.checkout import rules
from marketplace.checkout.messages import LANGUAGE_NOTE
from marketplace.demo import data
from marketplace.payment.methods.transfer import STATUS_PENDING
from marketplace.shipping.repository import Repository

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
ShippingAddress = get_model("order", "ShippingAddress")
UserAddress = get_model("address", "UserAddress")
WishList = get_model("wishlists", "WishList")


@transaction.atomic
def demo_shopper_load(*, created: Counter) -> list[str]:
    """Load the demo shopper; return the login line to print."""
    user, new = get_user_model().objects.get_or_create(
        username=data.SHOPPER_USERNAME, defaults={"email": data.SHOPPER_EMAIL}
    )
    created["users"] += new
    user.email = data.SHOPPER_EMAIL
    user.first_name, user.last_name = (
        data.SHOPPER_ADDRESS["first_name"],
        data.SHOPPER_ADDRESS["last_name"],
    )
    user.is_staff = user.is_superuser = False
    user.is_active = True
    user.set_password(data.SHOPPER_PASSWORD)  # printed with the other logins: keep it true
    user.save()
    vietnam = _shipping_country()
    _load_address(user, vietnam, created)
    _load_wishlist(user, created)
    if not Order.objects.filter(number=data.SHOPPER_ORDER_NUMBER).exists():
        _load_order(user, vietnam)
        created["orders"] += 1
    _load_review(user, created)
    return [
        f"  shopper (orders, addresses, wishlist at /cua-hang/accounts/): "
        f"{data.SHOPPER_USERNAME} / {data.SHOPPER_PASSWORD}"
    ]


def _shipping_country():
    """Vietnam, the one shipping country (made by migration ``catalogue.0035``; remade here when
    a test flushed the tables)."""
    country = Country.objects.filter(is_shipping_country=True).first()
    if country is None:
        country, _new = Country.objects.update_or_create(
            iso_3166_1_a2="VN",
            defaults={
                "iso_3166_1_a3": "VNM",
                "iso_3166_1_numeric": "704",
                "printable_name": "Việt Nam",
                "name": "Cộng hòa Xã hội Chủ nghĩa Việt Nam",
                "display_order": 1,
                "is_shipping_country": True,
            },
        )
    return country


def _load_address(user, country, created: Counter) -> UserAddress:
    address = UserAddress(
        user=user, country=country, is_default_for_shipping=True, **data.SHOPPER_ADDRESS
    )
    existing = user.addresses.filter(hash=address.generate_hash()).first()
    if existing:
        return existing
    address.save()
    created["saved addresses"] += 1
    return address


def _load_wishlist(user, created: Counter) -> None:
    product = Product.objects.filter(code=data.SHOPPER_WISHLIST_SKU).first()
    if product is None:
        return
    wishlist = user.wishlists.first() or WishList.objects.create(owner=user, name="Yêu thích")
    if not wishlist.lines.filter(product=product).exists():
        wishlist.add(product)
        created["wishlist lines"] += 1


def _load_order(user, country) -> None:
    """Place the demo order through Oscar's order creator (our fork: stock locked and allocated),
    then walk it to "delivered" as two producers would, consuming the stock it took."""
    Selector = get_class("partner.strategy", "Selector")
    OrderCreator = get_class("order.utils", "OrderCreator")
    OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")

    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    for sku, quantity in data.SHOPPER_ORDER_LINES:
        basket.add_product(Product.objects.get(code=sku), quantity)
    address = ShippingAddress.objects.create(country=country, **data.SHOPPER_ADDRESS)
    method = Repository().home_delivery(basket, address)
    charge = method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, charge)
    order = OrderCreator().place_order(
        basket=basket,
        total=total,
        shipping_method=method,
        shipping_charge=charge,
        user=user,
        shipping_address=address,
        order_number=data.SHOPPER_ORDER_NUMBER,
        status=STATUS_PENDING,
    )
    basket.submit()
    SourceType = get_model("payment", "SourceType")
    source_type, _new = SourceType.objects.get_or_create(name="Thanh toán khi nhận hàng (COD)")
    order.sources.create(
        source_type=source_type,
        currency=order.currency,
        amount_allocated=order.total_incl_tax,
        amount_debited=Decimal(order.total_incl_tax),
        reference=order.number,
    )
    order.notes.create(note_type=LANGUAGE_NOTE, message="vi")
    # Delivered by both producers (Oscar's own status methods: no emails from the demo).
    for line in order.lines.all():
        line.set_status(rules.LINE_SHIPPED)
        line.set_status(rules.LINE_DELIVERED)
        if line.stockrecord_id:
            line.stockrecord.consume_allocation(line.quantity)
    order.set_status(rules.ORDER_SHIPPED)
    order.set_status(rules.ORDER_DELIVERED)


def _load_review(user, created: Counter) -> None:
    """The shopper's approved review of a product of the order (it shows "Đã mua hàng")."""
    ProductReview = get_model("reviews", "ProductReview")
    sku, _quantity = data.SHOPPER_ORDER_LINES[1]
    product = Product.objects.filter(code=sku).first()
    if product is None or ProductReview.objects.filter(product=product, user=user).exists():
        return
    ProductReview.objects.create(
        product=product,
        user=user,
        score=5,
        status=ProductReview.APPROVED,
        title="Sợi dai, không bị nát",
        body=data.SHOPPER_REVIEW_BODY,
    )
    created["reviews"] += 1
