"""Writes for the shopper's account: "buy again" puts a past order back in the basket."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _


@dataclass
class Reorder:
    """What :func:`basket_reorder` did: titles added, and ``(title, reason)`` of lines skipped."""

    added: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@transaction.atomic
def basket_reorder(*, basket, order, strategy) -> Reorder:
    """Add ``order``'s lines to ``basket`` through the storefront ``strategy`` (the OCOP gate,
    stock on hand), each with the quantity ordered.

    A line whose product is gone, lost its rating or has too little stock (counting what the
    basket already holds) is skipped with the strategy's reason; the others are added.
    """
    result = Reorder()
    basket.strategy = strategy
    for line in order.lines.select_related("product").order_by("pk"):
        product = line.product
        if product is None:
            result.skipped.append((line.title, _("Sản phẩm không còn trên cửa hàng.")))
            continue
        info = strategy.fetch_for_product(product)
        wanted = basket.product_quantity(product) + line.quantity
        permitted, reason = info.availability.is_purchase_permitted(wanted)
        if not permitted or not info.price.exists:
            result.skipped.append((product.get_title(), str(reason or _("Chưa có giá bán."))))
            continue
        allowed, reason = basket.is_quantity_allowed(line.quantity)
        if not allowed:
            result.skipped.append((product.get_title(), str(reason)))
            continue
        basket.add_product(product, line.quantity)
        result.added.append(product.get_title())
    return result
