"""``{% product_picture %}``: a photo at the size shown, WebP with a JPEG fallback, 1× and 2×."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from catalog import renditions

register = template.Library()


@register.simple_tag
def product_picture(image_file, width, height, alt="", lazy=True, priority=False, css_class=""):
    """A ``<picture>`` of ``image_file`` (an upload's field file) cropped to ``width`` × ``height``.

    Offers WebP then JPEG, each at 1× and 2× (``srcset``), with ``width``/``height`` set so the
    page does not jump. ``lazy`` for pictures below the fold; ``priority`` (the first product
    photo) asks the browser to fetch it first. The original upload is never linked.
    """
    width, height = int(width), int(height)
    name = getattr(image_file, "name", "") or ""
    one = renditions.rendition_urls(name, width=width, height=height) if name else None
    two = renditions.rendition_urls(name, width=width * 2, height=height * 2) if one else None
    if not one or not two:
        return format_html(
            '<span class="ocop-card__noimage {}">{}</span>', css_class, _("Chưa có ảnh")
        )
    loading = mark_safe(' loading="lazy"') if lazy and not priority else ""  # constant markup
    fetch = mark_safe(' fetchpriority="high"') if priority else ""
    return format_html(
        '<picture><source type="image/webp" srcset="{} 1x, {} 2x">'
        '<img src="{}" srcset="{} 1x, {} 2x" width="{}" height="{}" alt="{}" class="{}"'
        ' decoding="async"{}{}></picture>',
        one["webp"],
        two["webp"],
        one["jpeg"],
        one["jpeg"],
        two["jpeg"],
        width,
        height,
        alt,
        css_class,
        loading,
        fetch,
    )


@register.simple_tag
def product_zoom_url(image_file, size=1200) -> str:
    """The URL of a large square JPEG rendition of ``image_file`` for the gallery's zoom (the
    original upload is never linked), or ``""`` when the file cannot be read."""
    name = getattr(image_file, "name", "") or ""
    urls = renditions.rendition_urls(name, width=int(size), height=int(size)) if name else None
    return urls["jpeg"] if urls else ""


@register.filter
def card_loading(forloop) -> str:
    """How a product card in a grid loads its photo, from the grid's ``forloop``: the first card
    ``"first"`` (fetched first, the page's largest paint on a phone), the rest of the first row
    ``"eager"``, the others ``"lazy"``; a card outside a loop is ``"lazy"``."""
    if not forloop:
        return "lazy"
    if forloop.get("first"):
        return "first"
    return "eager" if forloop.get("counter", 3) <= 2 else "lazy"
