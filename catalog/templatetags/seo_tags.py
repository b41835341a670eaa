"""Template tags for search engines and chat previews: absolute URLs from the configured site
address, the preview image, ``<meta property="og:…">`` tags and a product's JSON-LD."""

from __future__ import annotations

import json

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from catalog import renditions, seo

register = template.Library()


@register.filter(name="absolute_url")
def absolute_url_filter(url: str) -> str:
    """``url`` (a path or a URL on this site) on the configured public address."""
    return seo.absolute_url(str(url or ""))


@register.simple_tag
def preview_image_url(image_file) -> str:
    """The absolute URL of ``image_file``'s 1200×630 JPEG rendition ("" without a readable
    image): chat apps show this, never the full upload."""
    name = getattr(image_file, "name", "") or ""
    if not name:
        return ""
    urls = renditions.rendition_urls(name, width=seo.PREVIEW_WIDTH, height=seo.PREVIEW_HEIGHT)
    return seo.absolute_url(urls["jpeg"]) if urls else ""


@register.inclusion_tag("catalog/partials/share_meta.html", takes_context=True)
def share_meta(
    context,
    title,
    url,
    description="",
    image_url="",
    kind="website",
    image_width=None,
    image_height=None,
):
    """Canonical link, Open Graph and Twitter card tags for a page (``url`` made absolute)."""
    description = Truncator(strip_tags(str(description or "")).strip()).chars(200)
    return {
        "title": title,
        "url": seo.absolute_url(str(url or "")),
        "description": description,
        "image_url": seo.absolute_url(image_url) if image_url else "",
        "image_width": image_width or (seo.PREVIEW_WIDTH if image_url else None),
        "image_height": image_height or (seo.PREVIEW_HEIGHT if image_url else None),
        "kind": kind,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", "vi"),
    }


def _jsonld(data: dict, nonce: str = "") -> str:
    text = json.dumps(data, ensure_ascii=False, default=str)
    # No "</script>" or HTML-significant characters can end the element early.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # A data block is never run, but it carries the request's nonce like every inline <script>,
    # so a page has no inline script without one.
    nonce_attr = format_html(' nonce="{}"', nonce) if nonce else ""
    return mark_safe(f'<script type="application/ld+json"{nonce_attr}>{text}</script>')


@register.simple_tag
def product_jsonld(product, certificate=None, session=None, image_url="", nonce=""):
    """``<script type="application/ld+json">`` with the product's ``schema.org/Product``."""
    price = None
    in_stock = False
    if session is not None and session.price.exists:
        price = session.price.excl_tax
        in_stock = bool(session.availability.is_available_to_buy)
    producer = getattr(product, "producer", None)
    data = seo.product_structured_data(
        name=product.get_title(),
        url=seo.absolute_url(product.get_absolute_url()),
        image_urls=[image_url] if image_url else [],
        description=Truncator(strip_tags(product.get_description()).strip()).chars(500),
        sku=product.upc or "",
        price=price,
        in_stock=in_stock,
        producer_name=producer.get_name() if producer else None,
        producer_url=seo.absolute_url(producer.get_absolute_url()) if producer else None,
        stars=getattr(certificate, "stars", None),
        certificate_url=(
            seo.absolute_url(certificate.get_verification_url())
            if certificate is not None and certificate.public_code
            else None
        ),
    )
    # str(), not truth: django-csp's lazy nonce is falsy until something has read it.
    return _jsonld(data, nonce="" if nonce is None else str(nonce))
