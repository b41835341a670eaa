"""Plain views of the website that are not Wagtail pages: robots.txt and the sitemap."""

from __future__ import annotations

from django.http import HttpResponse
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from cms.sitemaps import sitemaps


def robots_txt(request):
    """Crawlers may read the website and the storefront, not the admins, basket or account."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /cua-hang/dashboard/",
        "Disallow: /cua-hang/basket/",
        "Disallow: /cua-hang/checkout/",
        "Disallow: /cua-hang/accounts/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_xml(request):
    """Every live public page of the site, listed product, category and producer page, in every
    language."""
    return wagtail_sitemap(request, sitemaps=sitemaps(request))
