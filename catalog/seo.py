"""What search engines and chat apps (Zalo, Facebook) read: absolute URLs from the configured
site address, ``schema.org/Product`` structured data, and the preview image size.

Every absolute URL the pages print (canonical, hreflang, ``og:url``, ``og:image``, the sitemap)
starts with ``settings.WAGTAILADMIN_BASE_URL``, which the settings take from ``SITE_URL``: the
request's host (``localhost`` behind a proxy) and the Wagtail Site's hostname are not trusted
for this.
"""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings

#: The preview size Facebook and Zalo show best (1.91:1).
PREVIEW_WIDTH, PREVIEW_HEIGHT = 1200, 630
SCHEMA_IN_STOCK = "https://schema.org/InStock"
SCHEMA_OUT_OF_STOCK = "https://schema.org/OutOfStock"


def site_base_url() -> str:
    """The site's public address without a trailing slash (``https://ocop.bacgiang.gov.vn``)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(url: str) -> str:
    """``url`` (a path, or an absolute URL on any host) on the site's public address.

    An absolute URL keeps its path and query and takes the configured scheme and host: a
    Wagtail page's ``full_url`` names the Site's hostname, which is ``localhost`` until
    ``manage.py site_configure`` has run. An off-site storage URL (``https://…s3…``) is kept.
    """
    if not url:
        return site_base_url() + "/"
    parts = urlsplit(url)
    if parts.scheme and parts.netloc and not _is_own_host(parts.hostname or ""):
        return url
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{site_base_url()}{path}{query}"


def _is_own_host(hostname: str) -> bool:
    """Whether ``hostname`` is this site under another name (the Site's, a local one)."""
    own = urlsplit(site_base_url()).hostname or ""
    allowed = {own, "localhost", "127.0.0.1", "testserver", *settings.ALLOWED_HOSTS}
    return hostname in allowed


def product_structured_data(
    *,
    name: str,
    url: str,
    image_urls: list[str],
    description: str,
    sku: str,
    price: Decimal | None,
    in_stock: bool,
    producer_name: str | None,
    producer_url: str | None,
    stars: int | None,
    certificate_url: str | None,
) -> dict:
    """A ``schema.org/Product`` for a product page (JSON-LD): offers in VND, brand = producer,
    the OCOP rating as an ``additionalProperty``. URLs must already be absolute."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": name,
        "url": url,
    }
    if image_urls:
        data["image"] = image_urls
    if description:
        data["description"] = description
    if sku:
        data["sku"] = sku
    if producer_name:
        brand = {"@type": "Brand", "name": producer_name}
        if producer_url:
            brand["url"] = producer_url
        data["brand"] = brand
    if price is not None:
        data["offers"] = {
            "@type": "Offer",
            "url": url,
            "priceCurrency": "VND",
            # VND has no minor unit: a whole number, written as schema.org wants (a string).
            "price": str(int(price)),
            "availability": SCHEMA_IN_STOCK if in_stock else SCHEMA_OUT_OF_STOCK,
            "itemCondition": "https://schema.org/NewCondition",
        }
    if stars:
        rating = {
            "@type": "PropertyValue",
            "propertyID": "OCOP",
            "name": "Hạng OCOP",
            "value": stars,
            "maxValue": 5,
            "unitText": "sao",
        }
        if certificate_url:
            rating["url"] = certificate_url
        data["additionalProperty"] = [rating]
    return data
