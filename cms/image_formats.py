"""Images placed in rich text (Wagtail's "full width", "left", "right" formats) as ``<picture>``
renditions like every other picture of the website (:mod:`cms.templatetags.website_pictures`):
WebP with a JPEG fallback at the width shown and twice it, ``width``/``height`` set, loaded lazily
(rich text sits below a page's lead). Wagtail imports this module by its name from every app."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.images.formats import Format, register_image_format, unregister_image_format
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found


class PictureFormat(Format):
    """A rich-text image format shown ``width`` pixels wide (less on a narrower screen)."""

    def __init__(self, name, label, classname, width: int):
        super().__init__(name, label, classname, f"width-{width}")
        self.width = width

    def image_to_html(self, image, alt_text, extra_attributes=None):
        specs = Filter.expand_spec(
            ["format-{webp,jpeg}", f"width-{{{self.width},{self.width * 2}}}"]
        )
        attrs = dict(extra_attributes or {})
        attrs.update(
            alt=alt_text,
            sizes=f"(min-width: {self.width + 30}px) {self.width}px, calc(100vw - 30px)",
            loading="lazy",
            decoding="async",
        )
        if self.classname:
            attrs["class"] = self.classname
        return Picture(get_renditions_or_not_found(image, specs), attrs).__html__()


# Wagtail's own names and labels (its catalogues translate them), at Wagtail's own widths.
for _name, _label, _classname, _width in (
    ("fullwidth", _("Full width"), "richtext-image full-width", 800),
    ("left", _("Left-aligned"), "richtext-image left", 500),
    ("right", _("Right-aligned"), "richtext-image right", 500),
):
    unregister_image_format(_name)
    register_image_format(PictureFormat(_name, _label, _classname, _width))
