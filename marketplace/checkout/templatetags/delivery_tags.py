"""Template tags about delivery: how far a basket is from free home delivery."""

from __future__ import annotations

from django import template

from marketplace.checkout import rules
from marketplace.shipping.repository import delivery_tariff

register = template.Library()


@register.simple_tag
def free_delivery_shortfall(basket) -> int | None:
    """Đồng of goods the basket still lacks for free home delivery (0 once free; ``None``
    when the tariff has no threshold), from :func:`marketplace.checkout.rules
    .free_delivery_shortfall` and the configured tariff."""
    goods = int(basket.total_incl_tax or 0) if basket is not None else 0
    return rules.free_delivery_shortfall(goods_total=goods, tariff=delivery_tariff())
