"""Orders to fulfil, seen from one producer: reads (only the producer's own lines) and the one
write, :func:`order_line_fulfil`.

A producer never sees another producer's lines, the order's totals, the shopper's email or any
payment reference: the selectors here return orders with ``producer_lines`` (their lines only)
and the delivery details needed to send them (recipient, phone, address or pickup showroom,
the shopper's notes).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from marketplace.checkout import rules
from marketplace.checkout.services import LineStatusError, order_line_status_set
from marketplace.payment.methods.stripe_card import STATUS_AWAITING_CARD
from marketplace.payment.methods.transfer import STATUS_AWAITING_TRANSFER
from marketplace.shipping.methods import pickup_place_id
from producers.models import Producer
from producers.services import BatchError, batch_line_assign

Order = get_model("order", "Order")
Line = get_model("order", "Line")
LineShipment = get_model("order", "LineShipment")
Place = get_model("catalogue", "Place")

#: Orders whose payment has not arrived: visible (to prepare), but not to be fulfilled.
UNPAID_ORDER_STATUSES = (STATUS_AWAITING_TRANSFER, STATUS_AWAITING_CARD)
#: Line statuses that still need the producer.
TODO_LINE_STATUSES = (rules.LINE_PENDING, rules.LINE_PACKED, rules.LINE_READY)


@dataclass(frozen=True)
class OrderFilter:
    """One tab of the orders page: which of the producer's lines make an order show."""

    slug: str
    label: str
    line_statuses: tuple[str, ...] | None  # None: any status
    paid: bool | None  # True: paid orders only; False: unpaid only; None: either


ORDER_FILTERS: tuple[OrderFilter, ...] = (
    OrderFilter("can-xu-ly", gettext_lazy("Cần xử lý"), TODO_LINE_STATUSES, True),
    OrderFilter("cho-thanh-toan", gettext_lazy("Chờ thanh toán"), TODO_LINE_STATUSES, False),
    OrderFilter("da-gui", gettext_lazy("Đang giao"), (rules.LINE_SHIPPED,), None),
    OrderFilter(
        "hoan-tat", gettext_lazy("Hoàn tất"), (rules.LINE_DELIVERED, rules.LINE_COLLECTED), None
    ),
    OrderFilter("da-huy", gettext_lazy("Đã hủy"), (rules.LINE_CANCELLED,), None),
    OrderFilter("tat-ca", gettext_lazy("Tất cả"), None, None),
)
ORDER_FILTERS_BY_SLUG = {f.slug: f for f in ORDER_FILTERS}
DEFAULT_ORDER_FILTER = ORDER_FILTERS[0]


def producer_lines(*, producer: Producer) -> QuerySet:
    """Every order line the producer fulfils (its partner's lines), nothing else."""
    return Line.objects.filter(partner_id=producer.partner_id)


def _line_condition(order_filter: OrderFilter) -> Q:
    condition = Q()
    if order_filter.line_statuses is not None:
        condition &= Q(status__in=order_filter.line_statuses)
    return condition


def _order_condition(order_filter: OrderFilter, prefix: str = "") -> Q:
    if order_filter.paid is None:
        return Q()
    unpaid = Q(**{f"{prefix}status__in": UNPAID_ORDER_STATUSES})
    return ~unpaid if order_filter.paid else unpaid


def producer_orders(
    *, producer: Producer, order_filter: OrderFilter = DEFAULT_ORDER_FILTER
) -> QuerySet:
    """Orders holding at least one of the producer's lines that match ``order_filter``, newest
    first, with ``producer_lines`` (only the producer's lines, with product and shipment) and the
    shipping address loaded. Use :func:`orders_with_pickup_places` on the page's orders."""
    lines = producer_lines(producer=producer)
    matching = lines.filter(_line_condition(order_filter), order=OuterRef("pk"))
    return (
        Order.objects.filter(Exists(matching))
        .filter(_order_condition(order_filter))
        .select_related("shipping_address")
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=lines.select_related("product", "shipment").order_by("pk"),
                to_attr="producer_lines",
            )
        )
        .order_by("-date_placed", "-pk")
    )


def producer_order_counts(*, producer: Producer) -> dict[str, int]:
    """``{filter slug: number of orders}`` for every tab, in one query."""
    lines = producer_lines(producer=producer)
    aggregates = {}
    for order_filter in ORDER_FILTERS:
        condition = _line_condition(order_filter) & _order_condition(order_filter, "order__")
        aggregates[order_filter.slug.replace("-", "_")] = Count(
            "order", distinct=True, filter=condition
        )
    counts = lines.aggregate(**aggregates)
    return {f.slug: counts[f.slug.replace("-", "_")] or 0 for f in ORDER_FILTERS}


def orders_with_pickup_places(orders) -> list:
    """``orders`` as a list, each with ``pickup_place`` (the showroom, or ``None`` for home
    delivery) and ``is_unpaid``; one query for all the showrooms."""
    orders = list(orders)
    place_ids = {pickup_place_id(order.shipping_code) for order in orders} - {None}
    places = Place.objects.in_bulk(place_ids) if place_ids else {}
    for order in orders:
        place_id = pickup_place_id(order.shipping_code)
        order.pickup_place = places.get(place_id) if place_id else None
        order.is_pickup = place_id is not None
        order.is_unpaid = order.status in UNPAID_ORDER_STATUSES
        for line in getattr(order, "producer_lines", ()):
            line.next_statuses = (
                ()
                if order.is_unpaid
                else rules.line_next_statuses(line.status, pickup=order.is_pickup)
            )
    return orders


def producer_order(*, producer: Producer, order_id: int):
    """One order holding a line of the producer (else ``Order.DoesNotExist``), loaded like the
    list's orders."""
    order = producer_orders(producer=producer, order_filter=ORDER_FILTERS_BY_SLUG["tat-ca"]).get(
        pk=order_id
    )
    return orders_with_pickup_places([order])[0]


def producer_line(*, producer: Producer, line_id: int):
    """One of the producer's lines (else ``Line.DoesNotExist``), with its order loaded."""
    line = (
        producer_lines(producer=producer)
        .select_related("order", "order__shipping_address", "product", "shipment")
        .get(pk=line_id)
    )
    orders_with_pickup_places([line.order])
    line.next_statuses = (
        ()
        if line.order.is_unpaid
        else rules.line_next_statuses(line.status, pickup=line.order.is_pickup)
    )
    return line


# --- the write --------------------------------------------------------------------------------

#: Labels of the producer's actions (the button says what happens).
ACTION_LABELS = {
    rules.LINE_PACKED: gettext_lazy("Đã đóng gói"),
    rules.LINE_SHIPPED: gettext_lazy("Gửi hàng"),
    rules.LINE_DELIVERED: gettext_lazy("Đã giao xong"),
    rules.LINE_READY: gettext_lazy("Sẵn sàng nhận tại điểm bán"),
    rules.LINE_COLLECTED: gettext_lazy("Khách đã nhận"),
}


@transaction.atomic
def order_line_fulfil(
    *,
    producer: Producer,
    line,
    status: str,
    by=None,
    carrier: str = "",
    tracking_number: str = "",
    batch=None,
) -> str:
    """Move the producer's ``line`` to ``status`` (packed, shipped, delivered, ready for pickup,
    collected) and return the order's new status.

    Only the next steps of the line's own flow are allowed (a pickup line is never shipped, a
    delivery line never collected); shipping needs a carrier and a tracking number, stored in a
    :class:`LineShipment`. The order is locked first, so two taps on "ship" ship once: the
    second is refused as an invalid move. Unpaid and cancelled orders are refused by
    :func:`order_line_status_set`, which also takes the units out of the online warehouse when
    a delivery line ships. Raises :class:`LineStatusError` with a message for the producer.

    When the line leaves the producer (shipped, or collected at a showroom) the batch it came
    from is recorded: ``batch`` (the producer's pick, one of their batches) or by default the
    oldest batch of the product that still holds the line's quantity
    (:func:`producers.services.batch_line_assign`).
    """
    if line.partner_id != producer.partner_id:
        raise Line.DoesNotExist  # never touch another producer's line
    order = Order.objects.select_for_update().get(pk=line.order_id)
    line = order.lines.get(pk=line.pk)
    if order.status in UNPAID_ORDER_STATUSES or order.status == rules.ORDER_CANCELLED:
        raise LineStatusError(_("Đơn hàng chưa thanh toán hoặc đã hủy: chưa thể xử lý."))
    pickup = pickup_place_id(order.shipping_code) is not None
    allowed = rules.line_next_statuses(line.status, pickup=pickup)
    if status not in allowed:
        raise LineStatusError(
            _("Không thể chuyển dòng hàng từ “%(old)s” sang “%(new)s”.")
            % {"old": line.status, "new": status}
        )
    if status == rules.LINE_SHIPPED:
        carrier, tracking_number = (carrier or "").strip(), (tracking_number or "").strip()
        if not carrier or not tracking_number:
            raise LineStatusError(_("Nhập đơn vị vận chuyển và mã vận đơn để gửi hàng."))
        if len(carrier) > 100 or len(tracking_number) > 64:
            raise LineStatusError(_("Đơn vị vận chuyển hoặc mã vận đơn quá dài."))
    new_status = order_line_status_set(line=line, status=status, by=by)
    if status == rules.LINE_SHIPPED:
        LineShipment.objects.create(
            line=line, carrier=carrier, tracking_number=tracking_number, shipped_by=by
        )
    if status in (rules.LINE_SHIPPED, rules.LINE_COLLECTED):
        if batch is not None and batch.producer_id != producer.pk:
            raise Line.DoesNotExist  # never another producer's batch
        try:
            batch_line_assign(line=line, batch=batch)
        except BatchError as error:
            # Raised inside the transaction: the status change above is rolled back with it.
            raise LineStatusError(str(error)) from None
    return new_status
