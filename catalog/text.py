"""Text that users write, made safe to show: the one place HTML from outside staff is handled.

Producers and shoppers never get raw HTML onto a page. Everything they write is plain text,
rendered escaped by Django's autoescape, except a product's description, which may keep a small
formatting subset (paragraphs, line breaks, bold, italics, lists). That subset is enforced by
nh3 (a maintained binding to the Rust ``ammonia`` sanitiser) with an allow-list and no attributes,
twice: on save (:func:`rich_text_clean` in the services that write descriptions) and on render
(the ``rich_text`` filter in :mod:`catalog.templatetags.text_tags`), because rows written before
the sanitiser existed, by staff in Oscar's dashboard or by the demo loader, are never trusted.

Pure: no ORM, no settings.
"""

from __future__ import annotations

import nh3
from django.utils.html import linebreaks

#: The formatting a producer may keep in a description. No attributes at all: no links, no
#: styles, no event handlers, no ``src``; nothing that loads or runs anything.
RICH_TEXT_TAGS: frozenset[str] = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li"})
#: Elements dropped together with their content (not merely unwrapped): what is inside them
#: is code or styling, never text a reader should see.
_DROP_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math"}
)


def rich_text_clean(text: str | None) -> str:
    """``text`` with every tag outside :data:`RICH_TEXT_TAGS`, every attribute and every
    comment removed; stray ``<``, ``>`` and ``&`` come back as entities. Idempotent.
    """
    return nh3.clean(
        (text or "").strip(),
        tags=set(RICH_TEXT_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={},
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
    )


def rich_text_html(text: str | None) -> str:
    """``text`` as HTML safe to put on a page: sanitised by :func:`rich_text_clean`, and, when
    no formatting tag is left (a description typed as plain lines), its line breaks made into
    paragraphs and ``<br>`` so that what the producer typed reads as typed.
    """
    cleaned = rich_text_clean(text)
    if "<" in cleaned:  # nh3 escapes every "<" it does not keep, so this is a kept tag
        return cleaned
    return linebreaks(cleaned, autoescape=False)  # already escaped by nh3
