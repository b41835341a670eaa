"""Demo content for the producer dashboard: two orders the lychee cooperative can fulfil (one
delivered to an address, shared with another producer; one picked up at the Lục Ngạn showroom),
and that showroom's counter login.

Orders go through Oscar's order creator (our fork: stock locked, allocated, or reserved at the
showroom), as the checkout places them. Idempotent: found by order number and username.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.contrib.auth import get_user_model
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_class, get_model

from marketplace.checkout.messages import LANGUAGE_NOTE
from marketplace.demo import data
from marketplace.payment.methods.transfer import STATUS_PENDING
from marketplace.shipping.methods import ShowroomPickup
from marketplace.shipping.repository import Repository
from producers.models import ShowroomOperator

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
Order = get_model("order", "Order")
Place = get_model("catalogue", "Place")
Product = get_model("catalogue", "Product")
ShippingAddress = get_model("order", "ShippingAddress")
SourceType = get_model("payment", "SourceType")


def demo_fulfilment_load(*, created: Counter) -> list[str]:
    """Load the counter login and the two orders; return the login line to print."""

    place = Place.objects.filter(slug=data.COUNTER_PLACE_SLUG).first()
    user, new = get_user_model().objects.get_or_create(
        username=data.COUNTER_USERNAME, defaults={"email": data.COUNTER_EMAIL}
    )
    created["users"] += new
    user.email = data.COUNTER_EMAIL
    user.first_name, user.last_name = "Quầy", "Lục Ngạn"
    user.is_staff = user.is_superuser = False
    user.is_active = True
    user.set_password(data.COUNTER_PASSWORD)  # printed with the other logins: keep it true
    user.save()
    if place is not None:
        _op, new = ShowroomOperator.objects.get_or_create(user=user, place=place)
        created["showroom operators"] += new
    for number, lines, pickup in (
        (data.FULFIL_DELIVERY_ORDER_NUMBER, data.FULFIL_DELIVERY_LINES, None),
        (data.FULFIL_PICKUP_ORDER_NUMBER, data.FULFIL_PICKUP_LINES, place),
    ):
        if not Order.objects.filter(number=number).exists() and _place(number, lines, pickup):
            created["orders to fulfil"] += 1
    return [
        f"  showroom counter (Lục Ngạn, /cua-hang/quan-ly/quay/): "
        f"{data.COUNTER_USERNAME} / {data.COUNTER_PASSWORD}",
    ]


def _place(number: str, lines, pickup) -> bool:
    """Place one cash-on-delivery order for a guest shopper; ``False`` when a product is missing
    or not for sale (the demo then goes without it)."""

    Selector = get_class("partner.strategy", "Selector")
    OrderCreator = get_class("order.utils", "OrderCreator")
    OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
    products = {p.code: p for p in Product.objects.filter(code__in=[sku for sku, _ in lines])}
    if len(products) != len(lines):
        return False
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for sku, quantity in lines:
        if not basket.strategy.fetch_for_product(products[sku]).availability.is_available_to_buy:
            basket.delete()
            return False
        basket.add_product(products[sku], quantity)
    country = Country.objects.filter(is_shipping_country=True).first()
    if country is None:  # a database without Oscar's countries: no address can be made
        basket.delete()
        return False
    address = ShippingAddress.objects.create(country=country, **data.FULFIL_ADDRESS)
    method = ShowroomPickup(pickup) if pickup else Repository().home_delivery(basket, address)
    charge = method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, charge)
    try:
        order = OrderCreator().place_order(
            basket=basket,
            total=total,
            shipping_method=method,
            shipping_charge=charge,
            user=None,
            shipping_address=address,
            order_number=number,
            status=STATUS_PENDING,
            guest_email=f"{number.lower()}@example.vn",
        )
    except UnableToPlaceOrder:
        basket.delete()
        address.delete()
        return False
    basket.submit()
    source_type, _new = SourceType.objects.get_or_create(name="Thanh toán khi nhận hàng (COD)")
    order.sources.create(
        source_type=source_type,
        currency=order.currency,
        amount_allocated=order.total_incl_tax,
        amount_debited=Decimal(0),
        reference=order.number,
    )
    order.notes.create(note_type=LANGUAGE_NOTE, message="vi")
    return True
