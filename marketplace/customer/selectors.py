"""Reads for the shopper's account: order history and detail, wishlists, who may review.

Every list is read in a fixed number of queries: products come annotated with their current
OCOP rating (the gate's annotation), so star badges and "still on sale?" cost nothing per line.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog import selectors as catalog_selectors
from marketplace.checkout import rules

Order = get_model("order", "Order")
Line = get_model("order", "Line")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
WishListLine = get_model("wishlists", "Line")


def _rated_products() -> QuerySet:
    """Products with their current rating, first image and stock, for lines that show them."""
    return catalog_selectors.with_current_rating(
        Product.objects.select_related("parent", "product_class")
    ).prefetch_related(
        Prefetch("images", queryset=ProductImage.objects.order_by("display_order")),
        "stockrecords",
    )


def orders_of(*, user) -> QuerySet:
    """``user``'s orders, newest first, each with ``items`` (units ordered)."""
    return (
        Order.objects.filter(user=user)
        .annotate(items=Sum("lines__quantity"))
        .order_by("-date_placed", "-pk")
    )


def order_of(*, user, number: str):
    """``user``'s order numbered ``number`` with its lines, products and sources, or ``None``."""
    lines = (
        Line.objects.select_related(
            "partner__producer", "stockrecord", "shipment", "batch_link__batch"
        )
        .prefetch_related(Prefetch("product", queryset=_rated_products()))
        .order_by("pk")
    )
    return (
        Order.objects.filter(user=user, number=number)
        .select_related("shipping_address", "billing_address")
        .prefetch_related(Prefetch("lines", queryset=lines), "sources__source_type")
        .first()
    )


def order_lines_by_producer(order, lines=None) -> list[tuple[str, list]]:
    """``[(producer or partner name, [lines])]`` in the order the lines were added.

    ``lines`` are the order's lines when already fetched (as :func:`order_of` does); otherwise
    they are read with their producers in one query.
    """
    if lines is None:
        lines = order.lines.select_related("partner__producer", "product", "shipment").order_by(
            "pk"
        )
    groups: dict[str, list] = {}
    for line in lines:
        producer = getattr(line.partner, "producer", None) if line.partner else None
        name = producer.name if producer else (line.partner_name or "")
        groups.setdefault(name, []).append(line)
    return list(groups.items())


def order_may_be_reordered(order) -> bool:
    """Whether "buy again" makes sense: the order has lines whose product still exists."""
    return any(line.product_id for line in order.lines.all())


# --- wishlists -------------------------------------------------------------------------------


@dataclass
class WishItem:
    """A wishlist line, and whether its product can be bought now (with the price)."""

    line: object
    product: object
    on_sale: bool
    reason: str = ""
    price: object = None


def wishlist_items(*, wishlist, strategy) -> list[WishItem]:
    """``wishlist``'s lines with their availability through the storefront ``strategy``
    (the gate and stock), in three queries whatever the number of lines."""
    lines = wishlist.lines.prefetch_related(
        Prefetch("product", queryset=_rated_products())
    ).order_by("pk")
    items = []
    for line in lines:
        product = line.product
        if product is None:
            items.append(WishItem(line, None, False, _("Sản phẩm không còn trên cửa hàng.")))
            continue
        info = strategy.fetch_for_product(product)
        permitted, reason = info.availability.is_purchase_permitted(1)
        items.append(
            WishItem(
                line,
                product,
                bool(permitted and info.price.exists),
                "" if permitted else str(reason),
                info.price if info.price.exists else None,
            )
        )
    return items


# --- reviews ---------------------------------------------------------------------------------


def _bought(queryset: QuerySet, *, product) -> QuerySet:
    """Order lines of ``product`` (or its variants) in orders that were placed and not
    cancelled, and not cancelled themselves."""
    return (
        queryset.filter(Q(product_id=product.pk) | Q(product__parent_id=product.pk))
        .exclude(order__status=rules.ORDER_CANCELLED)
        .exclude(status=rules.LINE_CANCELLED)
    )


def product_buyer_ids(*, product, user_ids) -> set[int]:
    """Which of ``user_ids`` bought ``product`` (one query): their reviews say "Đã mua hàng"."""
    ids = {pk for pk in user_ids if pk}
    if not ids:
        return set()
    return set(
        _bought(Line.objects.filter(order__user_id__in=ids), product=product).values_list(
            "order__user_id", flat=True
        )
    )


def product_review_refusal(*, user, product) -> str:
    """Why ``user`` may not review ``product`` (a message for them), or ``""`` when they may.

    Only a signed-in shopper with a placed, not cancelled order containing the product may, once.
    """
    if not user.is_authenticated:
        return _("Hãy đăng nhập: chỉ khách đã mua sản phẩm này mới viết được đánh giá.")
    if product.reviews.filter(user=user).exists():
        return _("Bạn đã đánh giá sản phẩm này rồi.")
    if not _bought(Line.objects.filter(order__user=user), product=product).exists():
        return _("Chỉ khách đã mua sản phẩm này mới viết được đánh giá.")
    return ""
