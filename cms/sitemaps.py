"""The sitemap: Wagtail's pages (extended to the translations of the site's root page: English
pages live in a sibling tree under /en/), and the storefront's listed products, its categories
and the producers with something on sale, in Vietnamese and English.

Every URL is absolute on the configured site address (:func:`catalog.seo.absolute_url`), not
on the request's host or the Wagtail Site's hostname.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from catalog import selectors as catalog_selectors
from catalog.models import Category
from catalog.seo import absolute_url, site_base_url
from producers import selectors as producer_selectors


class WebsiteSitemap(Sitemap):
    """Live, public pages of the default site's root and of each of its translations."""

    def items(self):
        root = self.get_wagtail_site().root_page
        paths = Q()
        for translation in Page.objects.filter(translation_key=root.translation_key):
            paths |= Q(path__startswith=translation.path)
        return (
            Page.objects.filter(paths)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = absolute_url(url["location"])
        return urls


class _StorefrontSitemap(DjangoSitemap):
    """A storefront sitemap in every language of the site, each URL with its alternates."""

    i18n = True
    alternates = True
    languages = [code for code, _name in settings.LANGUAGES]

    def get_protocol(self, protocol=None):
        return site_base_url().split("://", 1)[0]

    def get_domain(self, site=None):
        return site_base_url().split("://", 1)[1]


class ProductSitemap(_StorefrontSitemap):
    """Products that are listed today (public, with a current certificate of 3★ or more)."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return (
            catalog_selectors.product_listed_queryset()
            .browsable()
            .only("pk", "slug", "date_updated")
            .order_by("pk")
        )

    def lastmod(self, product):
        return product.date_updated


class CategorySitemap(_StorefrontSitemap):
    """Every category of the catalogue."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Category.objects.order_by("path")


class ProducerSitemap(_StorefrontSitemap):
    """Producers with at least one product on sale."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return producer_selectors.producer_list_public().order_by("pk")


def sitemaps(request) -> dict:
    """The sitemaps served at ``/sitemap.xml``, by section."""
    return {
        "wagtail": WebsiteSitemap(request),
        "products": ProductSitemap(),
        "categories": CategorySitemap(),
        "producers": ProducerSitemap(),
    }
