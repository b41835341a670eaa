"""Shared fragments of pages (product cards, the category menu, the footer), cached for every
visitor, signed in or not.

A page for a signed-in shopper is rendered for them (the page cache never serves it), but most of
it is the same for everyone: the cards, the category tree, the footer. Those are rendered once per
generation, language and day, and kept in each worker's memory (the ``fragments`` cache alias:
no network round trip, so a page of 24 cards costs one lookup each, not one render each).

The same invalidation rules as whole pages hold, because the keys carry the same generation
(:mod:`.store`, bumped by :mod:`.signals` after any write that pages show: a certificate recorded
or revoked, a price, stock or product edit, a Wagtail page published or unpublished, a showroom
stock movement), read once per request from the shared pages cache: a write in one worker moves
every worker to new keys. Keys also carry the local date, and entries expire at local midnight
at the latest, so a product whose certificate lapses is gone on the day it lapses.

Nothing personal may be stored: a fragment is rendered with a placeholder for the CSRF token (a
form inside it gets each visitor's own token when it is served) and with the CSP nonce replaced
by a placeholder; anything else that differs per visitor (basket count, user menu, wishlist) must
stay outside the ``{% shared_fragment %}`` block.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from marketplace.pagecache import store

ALIAS = "fragments"
CSRF_PLACEHOLDER = "__ocop_fragment_csrf__"
NONCE_PLACEHOLDER = "__ocop_fragment_nonce__"


def enabled() -> bool:
    """``FRAGMENT_CACHE_ENABLED`` (default on)."""
    return getattr(settings, "FRAGMENT_CACHE_ENABLED", True)


def fragment_key(*, request, language: str, name: str, vary: tuple[str, ...]) -> str:
    """The key of one fragment: generation, day, language, host, name and what it varies by."""
    raw = "\n".join((request.get_host(), name, *vary))
    digest = hashlib.sha256(raw.encode()).hexdigest()[:40]
    day = timezone.localdate().isoformat()
    return f"fragment:{store.request_generation(request)}:{day}:{language}:{digest}"


def _nonce_attribute(nonce: str) -> str:
    return f'nonce="{nonce}"'


def for_storing(request, html: str) -> str:
    """``html`` (rendered with the CSRF placeholder) with its CSP nonce made a placeholder."""
    nonce = getattr(request, "_csp_nonce", None)  # set by django-csp once the page read it
    if isinstance(nonce, str) and nonce:
        html = html.replace(_nonce_attribute(nonce), _nonce_attribute(NONCE_PLACEHOLDER))
    return html


def for_serving(request, html: str) -> SafeString:
    """A stored fragment with this visitor's own CSRF token and CSP nonce in place."""
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    if NONCE_PLACEHOLDER in html:
        html = html.replace(
            _nonce_attribute(NONCE_PLACEHOLDER), _nonce_attribute(str(request.csp_nonce))
        )
    return mark_safe(html)  # it was rendered by the template engine, escaped there


def get(key: str) -> str | None:
    return caches[ALIAS].get(key)


def get_many(keys: list[str]) -> dict[str, str]:
    return caches[ALIAS].get_many(keys)


def put(key: str, html: str) -> None:
    caches[ALIAS].set(key, html, timeout=store.seconds_to_keep())
