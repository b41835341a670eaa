"""What search engines and chat apps read, over HTTP on the demo: the sitemap lists the listed
products, the categories and the producers on the configured site address; a product page
carries ``schema.org/Product`` JSON-LD; product, producer, fair and article pages carry
``og:``/Twitter tags with an absolute preview image; canonical and hreflang URLs are absolute on
the configured address, never the Wagtail Site's ``localhost``."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from oscar.core.loading import get_model
from PIL import Image

from catalog import selectors
from cms import models as cms

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE = "https://ocop.example.vn"


@pytest.fixture
def site(website, db, vietnamese, settings, tmp_path):
    """The demo, Vietnamese active, the public address set to :data:`SITE`, uploads in a
    temporary folder."""
    from django.core.cache import cache

    cache.clear()
    settings.WAGTAILADMIN_BASE_URL = SITE
    settings.MEDIA_ROOT = tmp_path
    return None


def listed_product():
    return selectors.product_listed_queryset().browsable().order_by("pk").first()


def head_tags(html: str) -> dict[str, str]:
    """``property``/``name`` → ``content`` of the page's ``<meta>`` tags."""
    return dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))


def jsonld_blocks(html: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return [json.loads(text) for text in found]


def photo() -> ContentFile:
    buffer = __import__("io").BytesIO()
    Image.new("RGB", (900, 700), (180, 40, 40)).save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name="vai-thieu.jpg")


def test_sitemap_lists_listed_products_categories_and_producers_on_the_site_address(site, client):
    # given a product taken off sale
    hidden = listed_product()
    hidden.is_public = False
    hidden.save()
    shown = listed_product()
    # when
    response = client.get("/sitemap.xml")
    # then every URL is absolute on the configured address
    assert response.status_code == 200
    locations = [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]
    assert locations and all(url.startswith(SITE + "/") for url in locations), locations[:3]
    # and the storefront is there, in both languages, but not the product off sale
    assert SITE + shown.get_absolute_url() in locations
    assert SITE + "/en" + shown.get_absolute_url() in locations
    assert SITE + hidden.get_absolute_url() not in locations
    category = shown.get_categories().first()
    assert SITE + category.get_absolute_url() in locations
    assert SITE + shown.producer.get_absolute_url() in locations
    assert sum("/cua-hang/catalogue/" in url for url in locations) >= 2 * (
        selectors.product_listed_queryset().browsable().count()
    )


def test_product_page_has_schema_org_product_with_offer_brand_and_ocop_rating(site, client):
    # given a listed product with a photo
    product = listed_product()
    ProductImage.objects.create(product=product, display_order=0, original=photo())
    # when
    html = client.get(product.get_absolute_url()).content.decode()
    # then the JSON-LD parses and names the product, its offer in VND and its producer
    data = next(block for block in jsonld_blocks(html) if block.get("@type") == "Product")
    assert data["name"] == product.get_title()
    assert data["url"] == SITE + product.get_absolute_url()
    assert data["image"][0].startswith(SITE + "/") and data["image"][0].endswith("1200x630.jpg")
    offer = data["offers"]
    assert offer["priceCurrency"] == "VND"
    assert int(offer["price"]) == int(product.stockrecords.first().price)
    assert offer["availability"] == "https://schema.org/InStock"
    assert data["brand"]["name"] == product.producer.name
    rating = data["additionalProperty"][0]
    assert rating["propertyID"] == "OCOP"
    assert rating["value"] == selectors.product_current_stars(product)
    assert rating["url"].startswith(SITE + "/xac-minh/")


def test_product_page_has_share_tags_with_an_absolute_rendition_image(site, client):
    # given
    product = listed_product()
    ProductImage.objects.create(product=product, display_order=0, original=photo())
    # when
    html = client.get(product.get_absolute_url()).content.decode()
    # then
    tags = head_tags(html)
    assert tags["og:type"] == "product"
    assert tags["og:title"] == product.get_title()
    assert tags["og:url"] == SITE + product.get_absolute_url()
    assert re.fullmatch(re.escape(SITE) + r"/\S+-1200x630\.jpg", tags["og:image"])
    assert tags["og:image:width"] == "1200" and tags["twitter:card"] == "summary_large_image"
    assert f'<link rel="canonical" href="{SITE}{product.get_absolute_url()}">' in html


@pytest.mark.parametrize("kind", ["producer", "fair", "article"])
def test_producer_fair_and_article_pages_have_share_tags_on_the_site_address(site, client, kind):
    # given a page of the kind
    if kind == "producer":
        url = listed_product().producer.get_absolute_url()
    else:
        model = cms.FairPage if kind == "fair" else cms.NewsPage
        url = model.objects.live().filter(locale__language_code="vi").first().url
    # when
    html = client.get(url).content.decode()
    # then
    tags = head_tags(html)
    assert tags["og:url"] == SITE + url
    assert tags["og:title"] and tags["twitter:title"] == tags["og:title"]
    assert f'<link rel="canonical" href="{SITE}{url}">' in html
    assert "localhost" not in html.split("</head>")[0]
    if "og:image" in tags:
        assert tags["og:image"].startswith(SITE + "/")


@pytest.mark.parametrize("path", ["/cua-hang/catalogue/", "/tin-tuc/"])
def test_hreflang_alternates_are_absolute_on_the_site_address(site, client, path):
    # when
    html = client.get(path).content.decode()
    # then
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html))
    assert alternates["vi"] == SITE + path
    assert alternates["en"].startswith(SITE + "/en/")
