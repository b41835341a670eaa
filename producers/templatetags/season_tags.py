"""Template tags for seasons and pre-orders: a product's season line, an order's deliveries."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from producers import selectors

register = template.Library()


def _dm(day) -> str:
    return f"{day.day}/{day.month}"


@register.simple_tag
def product_season(product):
    """The product's :class:`producers.selectors.SaleInfo` for today, plus ``label``: "Mùa vụ:
    25/5 – 25/7 · Còn 175 ngày" (empty for a product sold all year)."""
    info = selectors.product_sale(product)
    label = ""
    if info.seasonal:
        shown = info.season_current or info.season_next
        if shown is not None:
            label = _("Mùa vụ: %(start)s – %(end)s") % {
                "start": _dm(shown.start),
                "end": _dm(shown.end),
            }
            if info.season_current is not None:
                label += " · " + _("Đang vào mùa")
            elif info.days_to_next is not None:
                label += " · " + _("Còn %(days)s ngày") % {"days": info.days_to_next}
    return {"info": info, "label": label, "campaign": info.campaign}


@register.simple_tag
def order_deliveries(order, lines=None):
    """The order's lines as separate deliveries: "Giao ngay" first, then one group for each
    pre-order delivery period ("Đặt trước – giao dự kiến dd/mm–dd/mm"), in date order. A list
    of ``{"label", "lines", "preorder"}``; one group only when nothing was pre-ordered."""
    lines = list(lines if lines is not None else order.lines.all())
    preorders = selectors.order_preorders(order)
    now, later = [], {}
    for line in lines:
        preorder = preorders.get(line.pk)
        if preorder is None:
            now.append(line)
            continue
        campaign = preorder.campaign
        key = (campaign.delivery_from, campaign.delivery_until)
        later.setdefault(key, []).append(line)
    groups = []
    if now:
        groups.append({"label": _("Giao ngay"), "lines": now, "preorder": False})
    for (start, end), group in sorted(later.items()):
        groups.append(
            {
                "label": _("Đặt trước – giao dự kiến %(start)s–%(end)s")
                % {"start": start.strftime("%d/%m"), "end": end.strftime("%d/%m")},
                "lines": group,
                "preorder": True,
            }
        )
    return groups
