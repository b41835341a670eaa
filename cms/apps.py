"""App config for the Wagtail website."""

from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Pages of the OCOP Bắc Giang website."""

    name = "cms"
    verbose_name = "Trang thông tin OCOP Bắc Giang"
    default_auto_field = "django.db.models.AutoField"

    def ready(self) -> None:
        # Models and signals are imported once the app registry is ready, as Django requires.
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from catalog.programme.selectors import progress_figures_register
        from cms import signals
        from cms.selectors import fair_progress_figures
        from cms.templatetags.cms_tags import menu_cache_clear

        signals.connect()
        # The progress page (in the catalogue, which may not import cms) counts the fairs.
        progress_figures_register(fair_progress_figures)

        # The cached main menu follows every change to the page tree.
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("slug", page_slug_changed),
            ("moved", post_page_move),
        ):
            signal.connect(menu_cache_clear, dispatch_uid=f"cms-menu-{name}")
        post_delete.connect(menu_cache_clear, sender=Page, dispatch_uid="cms-menu-delete")
