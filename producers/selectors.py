"""Reads about producers and their stock (what the public sees goes through the storefront gate)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import ocop, seasons, traceability, trade
from catalog import selectors as catalog_selectors
from catalog.models import Place
from catalog.programme import selectors as records
from catalog.programme.selectors import product_groups
from producers.models import (
    Batch,
    BatchLine,
    Enquiry,
    Preorder,
    PreorderCampaign,
    Producer,
    StockMovement,
    StockThreshold,
)


def producer_for_user(user) -> Producer | None:
    """The producer a signed-in user belongs to (one of its partner's users), if any."""
    if not user.is_authenticated:
        return None
    return Producer.objects.filter(partner__users=user).select_related("commune").first()


def producer_products(producer: Producer) -> QuerySet:
    """Every product of ``producer`` (standalone, parents and their variants), drafts included."""
    Product = get_model("catalogue", "Product")
    return Product.objects.filter(Q(producer=producer) | Q(parent__producer=producer))


def producer_list_public(*, with_unlisted: bool = False) -> QuerySet:
    """Producers for public pages, with ``listed_count`` (products on sale now).

    Without ``with_unlisted`` only producers with something on sale are returned.
    """
    listed = catalog_selectors.product_listed_queryset().filter(producer=OuterRef("pk"))
    queryset = Producer.objects.select_related(
        "commune__district", "commune__successor__district"
    ).annotate(has_listed=Exists(listed))
    if not with_unlisted:
        queryset = queryset.filter(has_listed=True)
    return queryset


def producer_products_listed(*, producer: Producer) -> QuerySet:
    """The producer's products that are on sale now, ready for product cards."""
    return catalog_selectors.product_cards_queryset().filter(producer=producer)


def place_products_in_stock(*, place) -> QuerySet:
    """Products on sale now that ``place`` holds stock of, with ``showroom_stock`` annotated."""

    held = (
        StockMovement.objects.filter(place=place, product=OuterRef("pk"))
        .values("product")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return (
        catalog_selectors.product_cards_queryset()
        .annotate(showroom_stock=Coalesce(Subquery(held, output_field=IntegerField()), 0))
        .filter(showroom_stock__gt=0)
    )


def product_places_in_stock(*, product) -> list:
    """The showroom points holding stock of ``product``, with ``stock`` on each."""

    return list(
        Place.objects.filter(kind=Place.Kind.SHOWROOM, stock_movements__product=product)
        .select_related("district")
        .annotate(stock=Sum("stock_movements__quantity"))
        .filter(stock__gt=0)
        .order_by("name")
    )


# --- the producer dashboard -------------------------------------------------------------------


ONLINE_SLUG = "kho-online"


@dataclass(frozen=True)
class StockRow:
    """One product at one location, as the stock pages, the CSV export and the badge see it.

    ``balance`` is the sum of the location's ledger; online, ``reserved`` units belong to
    orders not yet shipped, and ``available`` (what the threshold watches) leaves them out.
    """

    product: object
    place: object | None
    balance: int
    reserved: int
    threshold: int | None
    threshold_id: int | None

    @property
    def available(self) -> int:
        return self.balance - self.reserved

    @property
    def low(self) -> bool:
        return self.threshold is not None and self.available <= self.threshold

    @property
    def location_slug(self) -> str:
        return self.place.slug if self.place else ONLINE_SLUG


def dashboard_products(producer) -> QuerySet:
    """The producer's products that hold stock (standalone products and variants, drafts
    included; not services), in title order."""
    return (
        producer_products(producer)
        .exclude(structure="parent")
        .exclude(product_class__track_stock=False)  # services (tours, stays) hold no stock
        .order_by("title", "pk")
    )


def producer_stock_places(producer, *, today: date | None = None, sendable: bool = False):
    """The places where ``producer`` may keep stock: every showroom point and its own fair
    booths (``sendable``: only the booths still taking stock on ``today``, i.e. before or
    during their fair)."""
    booths = Q(kind=Place.Kind.FAIR, producer=producer)
    if sendable:
        booths &= Q(open_until__gte=today or timezone.localdate())
    return Place.objects.filter(Q(kind=Place.Kind.SHOWROOM) | booths)


def stock_places(producer, *, today: date | None = None) -> list:
    """The showroom points the producer consigns to (any with a ledger line or a threshold),
    and its fair booths before and during their fair or while they still hold stock."""

    today = today or timezone.localdate()
    products = dashboard_products(producer)
    booth_held = (
        StockMovement.objects.filter(place=OuterRef("pk"))
        .values("place")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return list(
        Place.objects.alias(held=Subquery(booth_held, output_field=IntegerField()))
        .filter(
            Q(kind=Place.Kind.SHOWROOM)
            & (
                Exists(StockMovement.objects.filter(place=OuterRef("pk"), product__in=products))
                | Exists(StockThreshold.objects.filter(place=OuterRef("pk"), product__in=products))
            )
            | Q(kind=Place.Kind.FAIR, producer=producer)
            & (Q(open_until__gte=today) | Q(held__gt=0))
        )
        .select_related("district")
        .order_by("kind", "name")
    )


def stock_rows(producer, *, place=..., products: list | None = None) -> list[StockRow]:
    """Every product × location row of ``producer``'s stock, in four queries whatever the size.

    ``place``: ``None`` for the online warehouse only, a showroom for that one only; omitted for
    the warehouse and every showroom with stock or a threshold. A showroom row exists only
    when it has a ledger line or a threshold; every product has an online row.
    """

    StockRecord = get_model("partner", "StockRecord")
    if products is None:
        products = list(dashboard_products(producer))
    by_pk = {p.pk: p for p in products}
    movements = StockMovement.objects.filter(product__in=list(by_pk))
    thresholds = StockThreshold.objects.filter(product__in=list(by_pk))
    if place is None:
        movements, thresholds = (
            movements.filter(place__isnull=True),
            thresholds.filter(place__isnull=True),
        )
    elif place is not ...:
        movements, thresholds = movements.filter(place=place), thresholds.filter(place=place)
    balances = {
        (row["product"], row["place"]): row["n"]
        for row in movements.values("product", "place").annotate(n=Sum("quantity"))
    }
    limits = {(t.product_id, t.place_id): t for t in thresholds}
    reserved = dict(
        StockRecord.objects.filter(
            product__in=list(by_pk), partner_id=producer.partner_id
        ).values_list("product", "num_allocated")
    )
    places = {}
    if place is ... or place is not None:
        wanted = {key[1] for key in (*balances, *limits) if key[1] is not None}
        places = Place.objects.in_bulk(wanted) if place is ... else {place.pk: place}
    keys = set(balances) | set(limits)
    if place is ... or place is None:
        keys |= {(pk, None) for pk in by_pk}
    rows = []
    for product_id, place_id in keys:
        limit = limits.get((product_id, place_id))
        rows.append(
            StockRow(
                product=by_pk[product_id],
                place=places.get(place_id) if place_id else None,
                balance=balances.get((product_id, place_id), 0),
                reserved=(reserved.get(product_id) or 0) if place_id is None else 0,
                threshold=limit.threshold if limit else None,
                threshold_id=limit.pk if limit else None,
            )
        )
    rows.sort(
        key=lambda r: (
            r.place is not None,
            r.place.name if r.place else "",
            r.product.title,
            r.product.pk,
        )
    )
    return rows


def low_stock_count(producer) -> int:
    """How many product × location rows are at or below their threshold (the nav badge)."""
    if not StockThreshold.objects.filter(product__in=dashboard_products(producer)).exists():
        return 0
    return sum(1 for row in stock_rows(producer) if row.low)


def stock_ledger(producer, *, place=..., product=None) -> QuerySet:
    """The producer's ledger lines, newest first, with who and where (``place=None``: online)."""
    queryset = StockMovement.objects.filter(product__in=dashboard_products(producer))
    if place is None:
        queryset = queryset.filter(place__isnull=True)
    elif place is not ...:
        queryset = queryset.filter(place=place)
    if product is not None:
        queryset = queryset.filter(product=product)
    return queryset.select_related("product", "place", "created_by", "order_line__order")


@dataclass
class ProductStatus:
    """A producer's product with its sale status: stars, whether listed, and why not."""

    product: object
    stars: int | None
    listed: bool
    reason: str | None
    reason_label: str | None
    price: object
    available: int
    record: object | None


def product_statuses(producer, *, today=None) -> list[ProductStatus]:
    """Each of the producer's products (variants excluded) with its star badge, price, online
    stock and, when not on sale, why. The gate decides (``product_listed_queryset``); the
    certificates only explain (``ocop.off_sale_reason``). Five queries whatever the count."""

    today = today or timezone.localdate()
    Product = get_model("catalogue", "Product")
    ProductImage = get_model("catalogue", "ProductImage")
    StockRecord = get_model("partner", "StockRecord")
    listed = catalog_selectors.product_listed_queryset(today=today).filter(pk=OuterRef("pk"))
    products = list(
        catalog_selectors.with_current_rating(
            Product.objects.filter(producer=producer)
            .exclude(structure="child")
            .select_related("product_class"),
            today=today,
        )
        .annotate(is_listed=Exists(listed))
        .prefetch_related(
            "certificates",
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order")),
            Prefetch(
                "stockrecords", queryset=StockRecord.objects.filter(partner_id=producer.partner_id)
            ),
        )
        .order_by("title", "pk")
    )
    statuses = []
    for product in products:
        record = next(iter(product.stockrecords.all()), None)
        available = record.net_stock_level if record and record.num_in_stock is not None else 0
        reason = ocop.off_sale_reason(
            listed=product.is_listed,
            is_public=product.is_public,
            certificates=[c.facts() for c in product.certificates.all()],
            today=today,
            in_stock=available > 0 or not product.get_product_class().track_stock,
        )
        statuses.append(
            ProductStatus(
                product=product,
                stars=getattr(product, catalog_selectors.STARS_ATTR),
                listed=product.is_listed and reason is None,
                reason=reason,
                reason_label=str(ocop.OFF_SALE_LABELS[reason]) if reason else None,
                price=record.price if record else None,
                available=available,
                record=record,
            )
        )
    return statuses


@dataclass
class CertificateLine:
    """One certificate of the producer's, with today's status and the warning due."""

    certificate: object
    status: str
    warning: int | None
    days_left: int


def certificate_line(certificate, *, today=None) -> CertificateLine:
    """``certificate`` with its status on ``today`` and the expiry warning due."""

    today = today or timezone.localdate()
    return CertificateLine(
        certificate=certificate,
        status=certificate.status_on(today),
        warning=ocop.expiry_warning(
            valid_until=certificate.valid_until, today=today, recorded_status=certificate.status
        ),
        days_left=(certificate.valid_until - today).days,
    )


def producer_certificates(producer, *, today=None) -> list[CertificateLine]:
    """Every certificate of the producer's products, latest decision first."""
    OcopCertificate = get_model("catalogue", "OcopCertificate")
    return [
        certificate_line(certificate, today=today)
        for certificate in OcopCertificate.objects.filter(product__producer=producer)
        .select_related("product")
        .order_by("-decision_date", "-pk")
    ]


# --- stock balances, addresses, versions (reads used by the services) -------------------------


def _ledger_sum(*, product, place: Place | None) -> int:
    filters = {"place__isnull": True} if place is None else {"place": place}
    total = StockMovement.objects.filter(product=product, **filters).aggregate(n=Sum("quantity"))
    return total["n"] or 0


def stock_balance(*, product, place: Place | None) -> int:
    """Units of ``product`` held at ``place`` (``None``: online warehouse): the sum of its
    ledger."""
    return _ledger_sum(product=product, place=place)


def producer_emails(producer: Producer) -> list[str]:
    """The producer's address and its users' addresses, once each."""
    emails = [producer.email, *producer.partner.users.values_list("email", flat=True)]
    seen: dict[str, None] = {}
    for email in emails:
        if email and email.strip():
            seen.setdefault(email.strip().lower(), None)
    return list(seen)


def product_version(product) -> str:
    """The optimistic-concurrency token of a product: Oscar's ``date_updated`` (auto_now)."""
    return product.date_updated.isoformat() if product.date_updated else ""


# --- wholesale enquiries -------------------------------------------------------------------------


def producer_enquiries(producer: Producer, *, status: str = "") -> QuerySet:
    """The enquiries about ``producer``'s products, newest first (``status`` filters)."""
    queryset = Enquiry.objects.filter(producer=producer).select_related("product")
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def producer_enquiry_new_count(producer: Producer) -> int:
    """Enquiries the producer has not answered yet (the dashboard's badge)."""
    return Enquiry.objects.filter(producer=producer, status=Enquiry.Status.NEW).count()


@dataclass
class EnquiryStatsRow:
    """Enquiry counts for one product group in one district, by state."""

    group: str
    district: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _enquiry_rows():
    enquiries = list(
        Enquiry.objects.select_related("product__parent", "producer__commune__district").order_by(
            "-created_at", "-pk"
        )
    )
    groups = product_groups({e.product.parent_id or e.product_id for e in enquiries})
    for enquiry in enquiries:
        group = groups.get(enquiry.product.parent_id or enquiry.product_id)
        yield enquiry, (group.name if group else "—"), enquiry.producer.commune.district.name


def enquiry_statistics() -> tuple[list[EnquiryStatsRow], dict[str, int]]:
    """Counts of every enquiry by product group and district (rows sorted by group, then
    district) and the totals by state, for the programme office. Buyers' details are not read."""
    rows: dict[tuple[str, str], EnquiryStatsRow] = {}
    totals = dict.fromkeys(trade.STATUSES, 0)
    for enquiry, group, district in _enquiry_rows():
        row = rows.setdefault(
            (group, district), EnquiryStatsRow(group, district, dict.fromkeys(trade.STATUSES, 0))
        )
        row.counts[enquiry.status] += 1
        totals[enquiry.status] += 1
    return [rows[key] for key in sorted(rows)], totals


#: Columns of the programme office's CSV export: what was asked, not who to call.
ENQUIRY_EXPORT_FIELDS = (
    "date",
    "group",
    "district",
    "producer",
    "product",
    "company",
    "tax_code",
    "quantity",
    "unit",
    "destination",
    "status",
    "demo",
)


def enquiry_export_rows():
    """One dict per enquiry (:data:`ENQUIRY_EXPORT_FIELDS`), newest first; raw values: the
    view makes each cell safe for spreadsheets."""
    for enquiry, group, district in _enquiry_rows():
        yield {
            "date": timezone.localtime(enquiry.created_at).strftime("%d/%m/%Y"),
            "group": group,
            "district": district,
            "producer": enquiry.producer.name,
            "product": enquiry.product.get_title(),
            "company": enquiry.company,
            "tax_code": enquiry.tax_code,
            "quantity": enquiry.quantity,
            "unit": enquiry.unit,
            "destination": trade.destination_label(enquiry.destination),
            "status": enquiry.status,
            "demo": "1" if enquiry.is_demo else "",
        }


# --- traceable batches -------------------------------------------------------------------------


def producer_batches(producer: Producer) -> QuerySet:
    """The producer's batches, newest harvest first, with ``shipped`` (units recorded against
    shipped order lines) annotated."""
    return (
        Batch.objects.filter(producer=producer)
        .select_related("product", "place", "certificate")
        .annotate(shipped=Coalesce(Sum("lines__quantity"), 0))
        .order_by("-harvest_date", "-pk")
    )


def batch_by_code(code: str | None) -> Batch | None:
    """The batch whose public code ``code`` stands for (as typed or printed), or ``None``."""
    canonical = traceability.batch_code_normalise(code)
    if canonical is None:
        return None
    return (
        Batch.objects.select_related(
            "producer__commune__district",
            "product__origin_commune__district",
            "certificate",
            "place",
        )
        .filter(code=canonical)
        .first()
    )


@dataclass
class BatchPage:
    """What the public batch page shows: the batch, its certificate's state today (as the
    verification page says it) and where it went."""

    batch: Batch
    certificate: object | None
    certificate_status: str | None
    certificate_label: str
    commune: object | None
    online_orders: int
    online_units: int


def batch_page(batch: Batch, *, today) -> BatchPage:
    """The public page's facts about ``batch`` on ``today``. Without a recorded certificate the
    product's current one (the storefront's) stands in, so a scan still answers "is it OCOP"."""
    certificate = batch.certificate or batch.product.listing_certificate
    if certificate is not None:
        status, label = records.certificate_state_on(certificate, today=today)
    else:
        status, label = None, ""
    sent = batch.lines.aggregate(orders=Count("line__order", distinct=True), units=Sum("quantity"))
    return BatchPage(
        batch=batch,
        certificate=certificate,
        certificate_status=str(status) if status else None,
        certificate_label=label,
        commune=batch.product.origin_commune or batch.producer.commune,
        online_orders=sent["orders"] or 0,
        online_units=sent["units"] or 0,
    )


def batch_stock(*, product) -> list[traceability.BatchStock]:
    """Each batch of ``product`` with what is left of it (for :func:`traceability.batch_pick`)."""
    rows = (
        Batch.objects.filter(product=product)
        .annotate(shipped=Coalesce(Sum("lines__quantity"), 0))
        .values_list("pk", "harvest_date", "quantity", "shipped")
    )
    return [
        traceability.BatchStock(
            key=pk,
            harvest_date=day,
            remaining=traceability.batch_remaining(quantity=q, shipped=shipped),
        )
        for pk, day, q, shipped in rows
    ]


def line_batches(lines) -> dict[int, Batch]:
    """The batch each of ``lines`` (order lines) was shipped from, by line id."""
    return {
        link.line_id: link.batch
        for link in BatchLine.objects.filter(line__in=list(lines)).select_related("batch")
    }


# --- seasons and pre-orders --------------------------------------------------------------------


@dataclass(frozen=True)
class SaleInfo:
    """How a product is sold on a day, and what its page says about the season."""

    mode: seasons.SaleMode
    seasonal: bool
    season_current: seasons.Season | None
    season_next: seasons.Season | None
    campaign: PreorderCampaign | None
    quota_left: int
    days_to_next: int | None = None


def product_windows(product) -> list[seasons.Window]:
    """The product's harvest windows (set on each product that is sold: a standalone product or
    a variant); a malformed stored value counts as none, so a bad edit never hides a product."""
    try:
        return seasons.windows_from_data(product.harvest_windows)
    except seasons.SeasonError:
        return []


def preorder_campaign_open(product) -> PreorderCampaign | None:
    """The product's open pre-order campaign, if any."""
    return PreorderCampaign.objects.filter(
        product=product, status=PreorderCampaign.Status.OPEN
    ).first()


def product_sale(product, *, today=None, stock_available: int | None = None) -> SaleInfo:
    """What the storefront does with ``product`` on ``today`` (from stock, by pre-order, or
    not at all) and the season facts its page shows. No query for a product with no windows."""
    today = today or timezone.localdate()
    windows = product_windows(product)
    if not windows:
        return SaleInfo(seasons.SaleMode.STOCK, False, None, None, None, 0)
    campaign = preorder_campaign_open(product)
    left = seasons.quota_left(quota=campaign.quota, taken=campaign.taken) if campaign else 0
    if stock_available is None:
        record = product.stockrecords.order_by("pk").first()
        stock_available = record.net_stock_level if record else 0
    mode = seasons.sale_mode(
        windows=windows,
        today=today,
        preorders_open=campaign is not None,
        stock_available=stock_available,
    )
    upcoming = seasons.season_next(windows, today=today)
    return SaleInfo(
        mode,
        True,
        seasons.season_current(windows, today=today),
        upcoming,
        campaign,
        left,
        seasons.days_until(upcoming.start, today=today) if upcoming else None,
    )


def preorders_to_fulfil(producer: Producer) -> QuerySet:
    """The producer's pre-order lines not yet shipped nor cancelled, in the order of placing."""
    return (
        Preorder.objects.filter(campaign__product__in=producer_products(producer))
        .exclude(status=Preorder.Status.CANCELLED)
        # Shipped lines left the warehouse through the ledger: nothing more to do for them.
        .exclude(
            Exists(
                StockMovement.objects.filter(
                    order_line=OuterRef("order_line"), kind=StockMovement.Kind.SOLD_ONLINE
                )
            )
        )
        .select_related("campaign__product", "order_line__order")
        .order_by("created_at", "pk")
    )


def producer_campaigns(producer: Producer) -> QuerySet:
    """Every pre-order campaign of the producer's products, newest first."""
    return PreorderCampaign.objects.filter(product__in=producer_products(producer)).select_related(
        "product"
    )


def season_calendar(
    *, year: int, group_slug: str = "", district_slug: str = "", today=None
) -> list[dict]:
    """The harvest calendar: every listed seasonal product with its months of ``year`` and
    today's sale state, optionally of one product group (top-level category) and one district.
    """
    today = today or timezone.localdate()
    products = (
        catalog_selectors.product_listed_queryset(today=today)
        .exclude(harvest_windows=[])
        .select_related("origin_commune__district", "producer")
        .prefetch_related("stockrecords")
        .order_by("title")
    )
    if district_slug:
        products = products.filter(origin_commune__district__slug=district_slug)
    if group_slug:
        Category = get_model("catalogue", "Category")
        group = Category.objects.filter(slug=group_slug, depth=1).first()
        if group is None:
            return []
        # A group is a top-level category: its products sit in it or in its subgroups.
        products = products.filter(categories__path__startswith=group.path).distinct()
    open_ids = set(
        PreorderCampaign.objects.filter(status=PreorderCampaign.Status.OPEN).values_list(
            "product_id", flat=True
        )
    )
    rows = []
    for product in products:
        windows = product_windows(product)
        if not windows:
            continue
        record = next(iter(product.stockrecords.all()), None)
        mode = seasons.sale_mode(
            windows=windows,
            today=today,
            preorders_open=product.pk in open_ids,
            stock_available=record.net_stock_level if record else 0,
        )
        rows.append(
            {
                "product": product,
                "months": seasons.season_months(windows, year=year),
                "mode": mode,
                "next": seasons.season_next(windows, today=today),
                "current": seasons.season_current(windows, today=today),
                "preorders_open": product.pk in open_ids,
            }
        )
    return rows


def order_preorders(order) -> dict[int, Preorder]:
    """``{order line id: Preorder}`` for the order's pre-ordered lines (one query)."""
    return {
        p.order_line_id: p
        for p in Preorder.objects.filter(order_line__order=order).select_related("campaign")
    }
