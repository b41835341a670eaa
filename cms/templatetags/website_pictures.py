"""``{% website_picture %}``: a Wagtail image at the size the website shows it, as renditions.

Every picture of the website (the lead photo of a page, a card, a photo in a page's body, a fair's
booth plan) is a ``<picture>`` of Wagtail renditions: WebP with a JPEG fallback, each at the size
shown and at twice that size (``srcset`` with width descriptors and the ``sizes`` the layout gives
it, so a 2× phone takes the larger one), ``width``/``height`` set so the page does not jump. The
original upload (``original_images/``) is never linked. What each kind measures is written once,
here, beside the layout it follows.
"""

from __future__ import annotations

from django import template
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()

# Bootstrap 4's container holds 1110 px of content from 1200 px, 930 from 992, 690 from 768, 510
# from 576, and the screen less 30 px of padding below that.
_COLUMN = "(min-width: 1200px) 960px, (min-width: 992px) 930px, (min-width: 768px) 690px, (min-width: 576px) 510px, calc(100vw - 30px)"  # noqa: E501
# A card is a third of the container from 992 px (350 / 280), a half or a third from 768 (at
# most 315), the full width below.
_CARD = "(min-width: 1200px) 340px, (min-width: 768px) 315px, (min-width: 576px) 510px, calc(100vw - 30px)"  # noqa: E501
_HALF = "(min-width: 1200px) 525px, (min-width: 992px) 435px, (min-width: 768px) 315px, calc(100vw - 30px)"  # noqa: E501

#: kind → (filter specs, the 1× size first: it gives ``src``, ``width`` and ``height``; sizes)
KINDS = {
    # the lead photo of a page and a photo in its body: the column's width, at most 960
    "lead": ("width-{960,480,1920}", _COLUMN),
    "figure": ("width-{960,480,1920}", _COLUMN),
    # a card of a list: 480×300, cropped round the focal point
    "card": ("fill-{480x300,960x600}", _CARD),
    # a fair's booth plan: whole, at most 800 px on a side, in half the container from 768 px
    "plan": ("max-{800x800,400x400,1600x1600}", _HALF),
}
#: The formats offered, the first the browser can show wins; JPEG is the fallback ``<img>``.
FORMATS = "format-{webp,jpeg}"


def picture_specs(kind: str) -> list[str]:
    """The Wagtail filter specs of ``kind``'s renditions (every size in every format)."""
    return Filter.expand_spec([FORMATS, KINDS[kind][0]])


@register.simple_tag
def website_picture(image, kind, alt=None, css_class="", priority=False, lazy=True):
    """A ``<picture>`` of the Wagtail ``image`` shown as ``kind`` (see :data:`KINDS`).

    ``alt`` defaults to the image's own text; ``""`` marks it decorative. ``priority`` (the first
    picture above the fold, a page's lead photo) asks the browser to fetch it first; otherwise
    ``lazy`` defers it until it nears the screen.
    """
    if not image:
        return ""
    specs, sizes = KINDS[kind]
    renditions = get_renditions_or_not_found(image, picture_specs(kind))
    attrs = {"sizes": sizes, "decoding": "async"}
    if alt is not None:
        attrs["alt"] = alt
    if css_class:
        attrs["class"] = css_class
    if priority:
        attrs["fetchpriority"] = "high"
    elif lazy:
        attrs["loading"] = "lazy"
    return Picture(renditions, attrs).__html__()
