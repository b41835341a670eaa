"""Receivers of the website: a place's change re-indexes the pages that show it; an image added
to Wagtail's library is stored no longer than :data:`catalog.uploads.MAX_EDGE`, upright and
without EXIF (whatever screen it came through: the library, a chooser, the bulk uploader)."""

from __future__ import annotations

from django.db.models.signals import post_save, pre_save
from wagtail.images import get_image_model
from wagtail.search import index

from catalog.models import Place
from catalog.uploads import image_shrink_on_save
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
    pre_save.connect(
        image_shrink_on_save("file"),
        sender=get_image_model(),
        weak=False,
        dispatch_uid="cms_image_shrink",
    )
