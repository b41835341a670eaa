"""Template tags for the producer dashboard's home: the "orders to send" panel."""

from __future__ import annotations

from django import template

from producers.dashboard import orders as selectors

register = template.Library()


@register.simple_tag
def producer_orders_todo(producer, limit: int = 3) -> dict:
    """``{"count": orders to fulfil, "awaiting": orders awaiting payment, "orders": the newest
    few to fulfil}`` for ``producer`` (three queries)."""

    if producer is None:
        return {}
    counts = selectors.producer_order_counts(producer=producer)
    newest = (
        selectors.orders_with_pickup_places(selectors.producer_orders(producer=producer)[:limit])
        if counts["can-xu-ly"]
        else []
    )
    return {"count": counts["can-xu-ly"], "awaiting": counts["cho-thanh-toan"], "orders": newest}
