"""What a product looks like to every search backend: one plain, pre-folded record.

Only products that pass the storefront gate (:func:`catalog.selectors.product_listed_queryset`)
become documents; every backend indexes these records and nothing else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from django.apps import apps
from django.db.models import OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import selectors as catalog_selectors
from catalog import traceability
from search.text import fold, marked_tokens

Category = get_model("catalogue", "Category")
Place = get_model("catalogue", "Place")

#: Price ranges offered as a facet, in whole đồng: (key, lower bound, upper bound or None).
PRICE_RANGES: tuple[tuple[str, int, int | None], ...] = (
    ("0-100000", 0, 100_000),
    ("100000-200000", 100_000, 200_000),
    ("200000-500000", 200_000, 500_000),
    ("500000-", 500_000, None),
)


@dataclass
class ProductDoc:
    """A product as indexed: display fields, folded text, facet keys and the gate's date."""

    id: int
    title: str
    url: str
    folded_title: str
    folded: str
    marked: str
    #: The marked words of the title only (see :func:`search.text.marked_tokens`).
    marked_title: str = ""
    group: str = ""
    group_name: str = ""
    subgroup_name: str = ""
    district: str = ""
    district_name: str = ""
    commune_name: str = ""
    producer_name: str = ""
    producer_slug: str = ""
    producer_kind: str = ""
    stars: int = 0
    price: Decimal | None = None
    in_stock: bool = False
    showrooms: list[str] = field(default_factory=list)
    valid_until: date | None = None
    #: Credential kind (:class:`catalog.credentials.Kind`) → its last valid day
    #: (:data:`CREDENTIAL_NO_END` when it has none), for those shown when indexed. Queries
    #: compare the day with today, so a credential drops out of the facet the day after it ends.
    credentials: dict[str, date] = field(default_factory=dict)
    #: Units ordered (orders not cancelled): the "best-selling" sort.
    sold: int = 0
    #: Primary keys of the categories the product is filed in and of their ancestors: what a
    #: category page lists.
    categories: list[int] = field(default_factory=list)
    #: "1" when the product has an export growing-area code (the ``export`` facet), else "".
    export_area: str = ""

    def as_dict(self) -> dict:
        """The record as a dict of plain values."""
        return asdict(self)


def _stock_movement_model():
    """The showroom stock ledger when the producers app has one (it is optional here)."""
    try:
        return apps.get_model("partner", "StockMovement")
    except LookupError:
        return None


def showroom_stock(product_ids: list[int]) -> dict[int, list[str]]:
    """Showroom slugs holding stock of each product, from the showroom stock ledger."""
    movement = _stock_movement_model()
    if movement is None or not product_ids:
        return {}
    rows = (
        # Showrooms only: a fair booth is a temporary pickup place, not a place to browse by.
        movement.objects.filter(product_id__in=product_ids, place__kind="showroom")
        .values("product_id", "place__slug")
        .annotate(total=Sum("quantity"))
        .filter(total__gt=0)
    )
    held: dict[int, list[str]] = {}
    for row in rows:
        held.setdefault(row["product_id"], []).append(row["place__slug"])
    return {pk: sorted(slugs) for pk, slugs in held.items()}


#: The last valid day indexed for a credential without an end date.
CREDENTIAL_NO_END = date(9999, 12, 31)


def credentials_held(product_ids: list[int]) -> dict[int, dict[str, date]]:
    """The credentials each product shows today: kind → the latest last valid day among its
    credentials of that kind (see :func:`catalog.selectors.credentials_shown_queryset`)."""
    if not product_ids:
        return {}
    held: dict[int, dict[str, date]] = {}
    rows = (
        catalog_selectors.credentials_shown_queryset(today=_today())
        .filter(product_id__in=product_ids)
        .values_list("product_id", "kind", "valid_until")
    )
    for product_id, kind, until in rows:
        kinds = held.setdefault(product_id, {})
        until = until or CREDENTIAL_NO_END
        kinds[kind] = max(kinds.get(kind, until), until)
    return held


#: Oscar's order status of a cancelled order (``marketplace.order.statuses.CANCELLED``; search
#: may not import commerce, see the import contracts): its units do not count as sold.
CANCELLED_STATUS = "Đã hủy"


def _sold_subquery():
    """Units of the product ordered in orders not cancelled (0 when none), as a subquery."""
    try:
        line = apps.get_model("order", "Line")
    except LookupError:
        return Value(0)
    units = (
        line.objects.filter(product=OuterRef("pk"))
        .exclude(order__status=CANCELLED_STATUS)
        .order_by()
        .values("product")
        .annotate(units=Sum("quantity"))
        .values("units")
    )
    return Coalesce(Subquery(units[:1]), Value(0))


def listed_for_index(product_ids: list[int] | None = None):
    """Gate-passing, browsable products (all, or those of ``product_ids``) with what a document
    needs, in a fixed number of queries."""
    current = catalog_selectors.certificates_valid_on(today=_today()).filter(product=OuterRef("pk"))
    queryset = catalog_selectors.product_listed_queryset().browsable()
    if product_ids is not None:
        queryset = queryset.filter(pk__in=product_ids)
    return (
        queryset.annotate(
            ocop_valid_until=Subquery(current.values("valid_until")[:1]), ocop_sold=_sold_subquery()
        )
        .select_related("producer", "origin_commune__district", "origin_commune__successor")
        .prefetch_related(
            Prefetch("categories", queryset=Category.objects.order_by("depth", "path")),
            "stockrecords",
        )
        .order_by("pk")
    )


def _today() -> date:

    return timezone.localdate()


def _category_ids(categories: list, paths: dict[str, int] | None) -> list[int]:
    """The pks of ``categories`` and of their ancestors (from ``paths``: path → pk)."""
    found: set[int] = set()
    for category in categories:
        found.add(category.pk)
        for depth in range(1, category.depth):
            ancestor = (paths or {}).get(category.path[: depth * Category.steplen])
            if ancestor is not None:
                found.add(ancestor)
    return sorted(found)


def product_document(
    product,
    *,
    showrooms: list[str] | None = None,
    groups: dict[str, Category] | None = None,
    credentials: dict[str, date] | None = None,
    paths: dict[str, int] | None = None,
) -> ProductDoc:
    """The document for one gate-passing ``product`` (loaded by :func:`listed_for_index`)."""
    categories = list(product.categories.all())
    leaf = categories[-1] if categories else None
    root = None
    if leaf is not None:
        root_path = leaf.path[: Category.steplen]
        root = (groups or {}).get(root_path) or (leaf if leaf.depth == 1 else leaf.get_root())
    commune = product.origin_commune
    district = commune.district if commune else None
    producer = product.producer
    records = list(product.stockrecords.all())
    prices = [r.price for r in records if r.price is not None]
    in_stock = any((r.num_in_stock or 0) - (r.num_allocated or 0) > 0 for r in records)
    words = [
        producer.name if producer else "",
        root.name if root else "",
        leaf.name if leaf and leaf is not root else "",
        commune.name if commune else "",
        # today's commune or ward too (the origin keeps the unit recorded before 2025)
        f"{commune.successor.kind} {commune.successor.name}"
        if commune and commune.successor_id
        else "",
        district.name if district else "",
    ]
    # The English versions (catalog.bilingual) are searchable text too, in both backends alike:
    # an English reader finds "Lục Ngạn lychee" while the title shown and ranked stays the
    # Vietnamese one (the cards render the reader's language from the database).
    english = [
        product.title_en,
        producer.name_en if producer else "",
        root.name_en if root else "",
        leaf.name_en if leaf and leaf is not root else "",
    ]
    text = " ".join(w for w in words + english if w)
    description = f"{product.description or ''} {product.description_en or ''}".strip()
    marked = marked_tokens(f"{product.title} {text}")
    return ProductDoc(
        id=product.pk,
        title=product.title,
        url=product.get_absolute_url(),
        folded_title=fold(product.title),
        folded=f"{fold(text)} {fold(description)}".strip(),
        marked=" ".join(marked),
        marked_title=" ".join(marked_tokens(product.title)),
        group=root.slug if root else "",
        group_name=root.name if root else "",
        subgroup_name=leaf.name if leaf and leaf is not root else "",
        district=district.slug if district else "",
        district_name=district.name if district else "",
        commune_name=commune.name if commune else "",
        producer_name=producer.name if producer else "",
        producer_slug=producer.slug if producer else "",
        producer_kind=producer.kind if producer else "",
        stars=getattr(product, catalog_selectors.STARS_ATTR) or 0,
        price=min(prices) if prices else None,
        in_stock=in_stock,
        showrooms=list(showrooms or []),
        valid_until=product.ocop_valid_until,
        credentials=dict(credentials or {}),
        sold=int(getattr(product, "ocop_sold", 0) or 0),
        categories=_category_ids(categories, paths),
        export_area="1"
        if traceability.is_export_growing_area_code(product.growing_area_code)
        else "",
    )


def documents_for(product_ids: list[int] | None = None, *, batch_size: int = 500):
    """Yield the documents of the gate-passing products among ``product_ids`` (all when None)."""
    groups = {c.path: c for c in Category.objects.filter(depth=1)}
    paths = dict(Category.objects.values_list("path", "pk"))
    queryset = listed_for_index(product_ids)
    batch: list = []
    for product in queryset.iterator(chunk_size=batch_size):
        batch.append(product)
        if len(batch) >= batch_size:
            yield from _batch_documents(batch, groups, paths)
            batch = []
    if batch:
        yield from _batch_documents(batch, groups, paths)


def _batch_documents(products: list, groups: dict, paths: dict) -> list[ProductDoc]:
    ids = [p.pk for p in products]
    held = showroom_stock(ids)
    credentials = credentials_held(ids)
    return [
        product_document(
            p,
            showrooms=held.get(p.pk),
            groups=groups,
            paths=paths,
            credentials=credentials.get(p.pk),
        )
        for p in products
    ]
