"""Reads for checkout: which showrooms can hand over a whole basket, and what each one lacks;
which unpaid orders are overdue."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Q, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import pickup
from catalog.models import Place
from marketplace.checkout import rules
from marketplace.customer.selectors import order_lines_by_producer
from marketplace.payment.methods import transfer as payment_methods
from marketplace.payment.methods.stripe_card import STATUS_AWAITING_CARD
from marketplace.payment.methods.transfer import STATUS_AWAITING_TRANSFER
from marketplace.shipping.methods import pickup_place_id
from producers.models import Preorder, StockMovement


@dataclass
class PickupOption:
    """A showroom point, and the basket lines it cannot hand over (title, wanted, held)."""

    place: Place
    missing: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def available(self) -> bool:
        """Whether the showroom holds enough of every line."""
        return not self.missing


def basket_quantities(basket) -> dict[int, tuple[str, int]]:
    """``{product_id: (title, quantity)}`` for a basket (lines of one product added up)."""
    wanted: dict[int, tuple[str, int]] = {}
    for line in basket.all_lines():
        title, quantity = wanted.get(line.product_id, (line.product.get_title(), 0))
        wanted[line.product_id] = (title, quantity + line.quantity)
    return wanted


def pickup_options(
    *, wanted: dict[int, tuple[str, int]], today: date | None = None
) -> list[PickupOption]:
    """Every showroom point with the lines of ``wanted`` it lacks, and the fair booths taking
    pickups on ``today`` that hold every line (two queries in all).

    A place is available for pickup only when its ledger balance covers every line; a fair
    booth is offered only then (:func:`catalog.pickup.pickup_open` says when it is open), so
    the list does not fill with the booths of every exhibitor.
    """

    today = today or timezone.localdate()
    held: dict[int, dict[int, int]] = defaultdict(dict)
    rows = (
        StockMovement.objects.filter(product_id__in=wanted, place__kind__in=Place.STOCK_KINDS)
        .values("place_id", "product_id")
        .annotate(balance=Sum("quantity"))
    )
    for row in rows:
        held[row["place_id"]][row["product_id"]] = row["balance"]
    places = Place.objects.filter(
        Q(kind=Place.Kind.SHOWROOM)
        | Q(kind=Place.Kind.FAIR, open_from__lte=today, open_until__gte=today)
    ).select_related("district")
    options = []
    for place in places:
        if not pickup.pickup_open(
            kind=place.kind, open_from=place.open_from, open_until=place.open_until, today=today
        ):
            continue
        option = PickupOption(place=place)
        for product_id, (title, quantity) in wanted.items():
            balance = held[place.pk].get(product_id, 0)
            if balance < quantity:
                option.missing.append((title, quantity, max(balance, 0)))
        if place.kind == Place.Kind.FAIR and not option.available:
            continue
        options.append(option)
    options.sort(key=lambda o: (not o.available, o.place.name))
    return options


def orders_unpaid_overdue(*, now: datetime, hours: dict[str, float]):
    """Orders still waiting for a bank transfer or a card payment longer than ``hours`` allow
    (``{"bank_transfer": 48, "card": 2}``) at ``now``, oldest first."""

    Order = get_model("order", "Order")
    statuses = {"bank_transfer": STATUS_AWAITING_TRANSFER, "card": STATUS_AWAITING_CARD}
    overdue = Q(pk__in=[])
    for kind, cutoff in rules.unpaid_cutoffs(now=now, hours=hours).items():
        overdue |= Q(status=statuses[kind], date_placed__lt=cutoff)
    return Order.objects.filter(overdue).order_by("date_placed", "pk")


def order_confirmation_context(order, *, lines=None) -> dict:
    """What the confirmation and the shopper's order page show beyond the order itself: lines
    grouped by producer, the pickup showroom, and the VietQR transfer details while the order
    awaits a transfer."""

    ctx: dict = {
        "line_groups": order_lines_by_producer(order, lines),
        "pickup_place": None,
        "transfer": None,
        "pay_before": None,
    }
    place_id = pickup_place_id(order.shipping_code)
    if place_id:
        ctx["pickup_place"] = Place.objects.filter(pk=place_id).first()
    if order.status == payment_methods.STATUS_AWAITING_TRANSFER:
        ctx["transfer"] = payment_methods.transfer_qr(
            order_number=order.number, total=order_due_now(order)
        )
    ctx["pay_before"] = order_pay_before(order)
    return ctx


def order_pay_before(order) -> datetime | None:
    """When ``order``, still unpaid, will be cancelled by ``expire_unpaid_orders`` (else
    ``None``)."""

    kind = {STATUS_AWAITING_TRANSFER: "bank_transfer", STATUS_AWAITING_CARD: "card"}.get(
        order.status
    )
    hours = settings.OCOP_UNPAID_ORDER_HOURS.get(kind) if kind else None
    if not hours or order.date_placed is None:
        return None
    return order.date_placed + timedelta(hours=hours)


def order_due_now(order) -> int:
    """What a bank transfer for ``order`` pays now, in đồng: the order's total, except that a
    pre-order line whose producer asked for a deposit (*tiền đặt cọc*) counts its deposit
    instead of its price (the rest is paid on delivery, when the harvest arrives)."""
    due = int(order.total_incl_tax)
    preorders = (
        Preorder.objects.filter(order_line__order=order, deposit__gt=0)
        .exclude(status=Preorder.Status.CANCELLED)
        .select_related("order_line")
    )
    for preorder in preorders:
        due -= int(preorder.order_line.line_price_incl_tax) - preorder.deposit
    return due


def order_guest_find(*, number: str, phone: str):
    """The guest order (placed without signing in) with this number whose delivery phone is
    ``phone`` (typed any usual way), else ``None``: the same answer for a wrong number and a
    wrong phone, so the lookup reveals nothing about other orders."""
    normalized = rules.phone_normalize(phone)
    number = (number or "").strip()
    if normalized is None or not number:
        return None
    Order = get_model("order", "Order")
    return Order.objects.filter(
        user=None, number=number, shipping_address__phone_number=normalized
    ).first()
