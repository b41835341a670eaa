"""What invalidates cached pages: any write to what a public page shows.

Invalidation is by generation: every key carries the current generation number, and a change
bumps it, so every page is re-rendered once after any relevant write. Writes to these models are
rare next to page views (a certificate, a price, a stock movement), so dropping every page is
cheaper and safer than working out which pages show what.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

from marketplace.pagecache import store

#: Models whose rows public pages show (``app_label.ModelName``).
WATCHED = frozenset(
    {
        "catalogue.Product",
        "catalogue.OcopCertificate",
        "catalogue.ProductImage",
        "catalogue.ProductCredential",
        "catalogue.Category",
        "catalogue.ProductCategory",
        "catalogue.Place",
        "partner.StockRecord",
        "partner.Producer",
        "partner.StockMovement",
        "partner.PreorderCampaign",  # product pages show whether pre-orders are open, and how many
        "wagtailcore.Page",
        "wagtailcore.Revision",
        "cms.WebsiteFooter",  # every page's footer (Wagtail settings, not a page)
    }
)


#: Models whose row is created, blank, by the first page that reads it (Wagtail's site settings:
#: ``for_site`` is a get_or_create): only an edit changes what pages show.
CREATED_ON_READ = frozenset({"cms.WebsiteFooter"})


def _changed(sender, **kwargs) -> None:
    # Runs on every save of every model (sessions, basket lines…): a set lookup and one
    # issubclass, nothing more.
    label = sender._meta.label
    if label in CREATED_ON_READ and kwargs.get("created"):
        return
    if label in WATCHED or issubclass(sender, Page):
        _invalidate()


def _published(**kwargs) -> None:
    _invalidate()


def _invalidate() -> None:
    # Now, and again after commit: a page rendered by another request between the first bump and
    # the commit still read the old rows and was stored under the new generation.
    store.invalidate()
    transaction.on_commit(store.invalidate)


def connect() -> None:
    """Connect the receivers (called once from the app's ``ready()``)."""
    from wagtail.signals import page_published, page_unpublished  # Wagtail loads after us

    post_save.connect(_changed, dispatch_uid="pagecache-save")
    post_delete.connect(_changed, dispatch_uid="pagecache-delete")
    page_published.connect(_published, dispatch_uid="pagecache-published")
    page_unpublished.connect(_published, dispatch_uid="pagecache-unpublished")
