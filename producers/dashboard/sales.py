"""Reads for a producer's sales page: revenue by month, top products, units sold per location.

What counts (said on the page too):

- **A sale online** is one of the producer's order lines that is not cancelled, in an order
  placed in the period whose payment is not still awaited (orders waiting for a bank transfer
  or a card payment are not sales yet; cancelled ones never are).
- **Revenue** is the sum of those lines' prices including tax (``line_price_incl_tax``), in
  whole đồng: what shoppers pay for the producer's goods, delivery charges excluded.
- **Units per location**: home deliveries (the online warehouse), and at each showroom the
  pickup orders' lines plus counter sales from the showroom's ledger (*sold at showroom*
  movements recorded by a person: the operator at the counter or the producer). Checkout's own
  pickup reservations have no author in the ledger and are counted from the order lines
  instead, so nothing is counted twice. The ledger holds no prices, so counter sales add
  units, not revenue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.checkout import rules
from marketplace.shipping.methods import PICKUP_PREFIX, pickup_place_id
from producers.dashboard.orders import UNPAID_ORDER_STATUSES, producer_lines
from producers.models import Producer, StockMovement
from producers.selectors import producer_products

Place = get_model("catalogue", "Place")

#: The longest period one page shows (months on the chart stay readable on a phone).
MAX_PERIOD_DAYS = 3 * 366
TOP_PRODUCTS = 10


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """``[start 00:00, end+1 00:00)`` in the site's time zone."""
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def sales_lines(*, producer: Producer, start: date, end: date) -> QuerySet:
    """The producer's order lines that count as sales, for orders placed from ``start`` to
    ``end`` (local dates, both included)."""
    since, until = _bounds(start, end)
    return (
        producer_lines(producer=producer)
        .filter(order__date_placed__gte=since, order__date_placed__lt=until)
        .exclude(status=rules.LINE_CANCELLED)
        .exclude(order__status__in=(*UNPAID_ORDER_STATUSES, rules.ORDER_CANCELLED))
    )


def counter_sales(*, producer: Producer, start: date, end: date) -> QuerySet:
    """Counter sales of the producer's products at showrooms in the period: *sold at showroom*
    movements recorded by a person (checkout's pickup reservations have no author)."""
    since, until = _bounds(start, end)
    return StockMovement.objects.filter(
        product__in=producer_products(producer).values("pk"),
        kind=StockMovement.Kind.SOLD_AT_SHOWROOM,
        place__isnull=False,
        created_by__isnull=False,
        order_line__isnull=True,
        created_at__gte=since,
        created_at__lt=until,
    )


@dataclass
class Row:
    """One row of a table: a label, units and revenue (``None`` where not known)."""

    label: str
    units: int = 0
    revenue: int | None = 0
    key: str = ""


@dataclass
class SalesSummary:
    """Everything the sales page shows for one period."""

    start: date
    end: date
    revenue: int = 0
    units: int = 0
    orders: int = 0
    counter_units: int = 0
    months: list[Row] = field(default_factory=list)
    products: list[Row] = field(default_factory=list)
    locations: list[Row] = field(default_factory=list)

    def chart(self) -> dict:
        """The numbers the page's charts draw (the tables show the same)."""
        return {
            "months": {
                "labels": [r.label for r in self.months],
                "revenue": [r.revenue for r in self.months],
                "units": [r.units for r in self.months],
            },
            "products": {
                "labels": [r.label for r in self.products],
                "revenue": [r.revenue for r in self.products],
            },
            "locations": {
                "labels": [r.label for r in self.locations],
                "units": [r.units for r in self.locations],
            },
            "labels": {"revenue": _("Doanh thu (đồng)"), "units": _("Số lượng")},
        }


def month_starts(start: date, end: date) -> list[date]:
    """The first day of every month from ``start``'s to ``end``'s."""
    months, current = [], start.replace(day=1)
    while current <= end:
        months.append(current)
        current = (current + timedelta(days=32)).replace(day=1)
    return months


def _whole(value) -> int:
    return int(value or 0)


def sales_summary(*, producer: Producer, start: date, end: date) -> SalesSummary:
    """The producer's sales from ``start`` to ``end`` (local dates, both included), in a fixed
    handful of queries whatever the number of lines."""
    lines = sales_lines(producer=producer, start=start, end=end)
    summary = SalesSummary(start=start, end=end)
    totals = lines.aggregate(
        revenue=Sum("line_price_incl_tax"),
        units=Sum("quantity"),
        orders=Count("order", distinct=True),
    )
    summary.revenue, summary.units = _whole(totals["revenue"]), _whole(totals["units"])
    summary.orders = totals["orders"] or 0

    tz = timezone.get_current_timezone()
    by_month = {
        row["month"].date() if isinstance(row["month"], datetime) else row["month"]: row
        for row in lines.annotate(month=TruncMonth("order__date_placed", tzinfo=tz))
        .values("month")
        .annotate(revenue=Sum("line_price_incl_tax"), units=Sum("quantity"))
    }
    for month in month_starts(start, end):
        row = by_month.get(month, {})
        summary.months.append(
            Row(
                label=month.strftime("%m/%Y"),
                key=month.isoformat(),
                revenue=_whole(row.get("revenue")),
                units=_whole(row.get("units")),
            )
        )

    for row in (
        lines.values("product_id", "title")
        .annotate(revenue=Sum("line_price_incl_tax"), units=Sum("quantity"))
        .order_by("-revenue", "-units", "title")[:TOP_PRODUCTS]
    ):
        summary.products.append(
            Row(label=row["title"], units=_whole(row["units"]), revenue=_whole(row["revenue"]))
        )

    summary.locations = _locations(producer=producer, lines=lines, start=start, end=end)
    summary.counter_units = sum(r.units for r in summary.locations if r.revenue is None)
    return summary


def _locations(*, producer: Producer, lines: QuerySet, start: date, end: date) -> list[Row]:
    """Units (and revenue) per location: home delivery, then each showroom's pickups, then each
    showroom's counter sales."""
    delivered = lines.exclude(order__shipping_code__startswith=PICKUP_PREFIX).aggregate(
        units=Sum("quantity"), revenue=Sum("line_price_incl_tax")
    )
    rows = [
        Row(
            label=_("Giao tận nơi (kho trực tuyến)"),
            key="online",
            units=_whole(delivered["units"]),
            revenue=_whole(delivered["revenue"]),
        )
    ]
    pickups: dict[int, dict] = {}
    for row in (
        lines.filter(order__shipping_code__startswith=PICKUP_PREFIX)
        .values("order__shipping_code")
        .annotate(units=Sum("quantity"), revenue=Sum("line_price_incl_tax"))
    ):
        place_id = pickup_place_id(row["order__shipping_code"])
        if place_id is not None:
            entry = pickups.setdefault(place_id, {"units": 0, "revenue": 0})
            entry["units"] += _whole(row["units"])
            entry["revenue"] += _whole(row["revenue"])
    counter = {
        row["place"]: -_whole(row["units"])
        for row in counter_sales(producer=producer, start=start, end=end)
        .values("place")
        .annotate(units=Sum("quantity"))
    }
    places = Place.objects.in_bulk(set(pickups) | set(counter))
    for place_id in sorted(pickups, key=lambda pk: places[pk].name if pk in places else ""):
        name = places[place_id].name if place_id in places else _("Điểm bán đã xóa")
        rows.append(
            Row(
                label=_("Nhận tại %(place)s") % {"place": name},
                key=f"pickup-{place_id}",
                **pickups[place_id],
            )
        )
    for place_id in sorted(counter, key=lambda pk: places[pk].name if pk in places else ""):
        name = places[place_id].name if place_id in places else _("Điểm bán đã xóa")
        rows.append(
            Row(
                label=_("Bán tại quầy %(place)s") % {"place": name},
                key=f"counter-{place_id}",
                units=counter[place_id],
                revenue=None,
            )
        )
    return rows


def sales_csv_rows(*, producer: Producer, start: date, end: date):
    """Rows of the sales CSV: a header, then every sale line (online orders, then counter sales),
    oldest first. No shopper's details."""
    yield [
        _("Ngày"),
        _("Kênh"),
        _("Số đơn"),
        _("Sản phẩm"),
        _("Mã SKU"),
        _("Số lượng"),
        _("Đơn giá (đồng, gồm thuế)"),
        _("Thành tiền (đồng, gồm thuế)"),
        _("Trạng thái"),
    ]
    tz = timezone.get_current_timezone()
    lines = (
        sales_lines(producer=producer, start=start, end=end)
        .select_related("order")
        .order_by("order__date_placed", "pk")
    )
    place_names = dict(Place.objects.filter(kind__in=Place.STOCK_KINDS).values_list("pk", "name"))
    for line in lines.iterator():
        place_id = pickup_place_id(line.order.shipping_code)
        channel = (
            _("Nhận tại %(place)s") % {"place": place_names.get(place_id, place_id)}
            if place_id
            else _("Giao tận nơi")
        )
        yield [
            timezone.localtime(line.order.date_placed, tz).strftime("%Y-%m-%d %H:%M"),
            channel,
            line.order.number,
            line.title,
            line.partner_sku,
            line.quantity,
            _whole(line.unit_price_incl_tax),
            _whole(line.line_price_incl_tax),
            line.status,
        ]
    for movement in (
        counter_sales(producer=producer, start=start, end=end)
        .select_related("product", "place")
        .order_by("created_at", "pk")
        .iterator()
    ):
        yield [
            timezone.localtime(movement.created_at, tz).strftime("%Y-%m-%d %H:%M"),
            _("Bán tại quầy %(place)s") % {"place": movement.place.name},
            "",
            movement.product.get_title(),
            movement.product.upc or "",
            -movement.quantity,
            "",
            "",
            movement.get_kind_display(),
        ]


def default_period(*, today: date) -> tuple[date, date]:
    """The last twelve months, this one included."""
    start = today.replace(day=1)
    for _month in range(11):
        start = (start - timedelta(days=1)).replace(day=1)
    return start, today


__all__ = [
    "MAX_PERIOD_DAYS",
    "Row",
    "SalesSummary",
    "counter_sales",
    "default_period",
    "month_starts",
    "sales_csv_rows",
    "sales_lines",
    "sales_summary",
]
