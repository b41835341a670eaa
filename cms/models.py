"""Wagtail page types of the OCOP Bắc Giang website."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from catalog import selectors


class HomePage(Page):
    """The site's front page: the programme in a sentence, a way into the storefront, and the
    highest-rated products, read live from the storefront gate (never copied)."""

    intro = models.CharField(_("giới thiệu ngắn"), max_length=255, blank=True)
    body = RichTextField(_("nội dung"), blank=True)
    featured_count = models.PositiveSmallIntegerField(_("số sản phẩm nổi bật"), default=8)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("featured_count"),
    ]
    max_count = None
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("trang chủ")

    def featured_products(self):
        """The best-rated products on sale now, 5★ first."""
        return list(selectors.product_cards_queryset()[: self.featured_count])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = self.featured_products()
        return context
