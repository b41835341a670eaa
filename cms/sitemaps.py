"""The sitemap: Wagtail's, extended to the translations of the site's root page (English pages
live in a sibling tree under /en/)."""

from __future__ import annotations

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class WebsiteSitemap(Sitemap):
    """Live, public pages of the default site's root and of each of its translations."""

    def items(self):
        root = self.get_wagtail_site().root_page
        paths = Q()
        for translation in Page.objects.filter(translation_key=root.translation_key):
            paths |= Q(path__startswith=translation.path)
        return (
            Page.objects.filter(paths).live().public().order_by("path")
            .defer_streamfields().specific()
        )
