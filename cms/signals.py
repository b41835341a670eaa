"""Receivers of the website: a place's change re-indexes the pages that show it."""

from __future__ import annotations

from django.db.models.signals import post_save
from wagtail.search import index

from catalog.models import Place
from cms.models import ShowroomPage, VillagePage


def _on_place(sender, instance, **kwargs):
    """A place's address or hours are part of its showroom or village page's search text:
    re-index those pages in Wagtail's search (pages themselves are indexed by Wagtail)."""
    for model in (ShowroomPage, VillagePage):
        for page in model.objects.filter(place=instance):
            index.insert_or_update_object(page)


def connect() -> None:
    """Connect the receivers (called from the app config's ``ready``)."""
    post_save.connect(_on_place, sender=Place, dispatch_uid="cms_place_save")
