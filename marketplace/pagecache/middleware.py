"""Full-page cache for visitors who are not signed in.

Rules, and why:

- Only GET/HEAD of public pages (the website, catalogue, categories, products, producers, the
  registry, search results), resolved by URL namespace; the basket, checkout, accounts,
  dashboards and admin are never cached.
- Only for a visitor with no session cookie, no basket cookie and no messages cookie: such a
  visitor sees the empty basket, no messages and no user menu, which is exactly what the cached
  page shows. Anyone else gets a page rendered for them and nothing is stored from it.
- A response is stored only if it is a 200 HTML page that sets no cookie but the CSRF one and did
  not ask to stay private. Its CSRF form tokens are replaced by a placeholder before it is stored;
  each visitor served from the cache gets their own token in its place (``get_token``; a visitor
  with no CSRF cookie yet receives one on that response), so forms on cached pages work.
- Likewise the Content-Security-Policy nonce of the request that rendered the page is replaced
  by a placeholder before storing, and each visitor served from the cache gets the nonce of their
  own request (reading ``request.csp_nonce`` makes django-csp name it in that response's header;
  a stale nonce would leave every inline script of the page blocked).
- A stored page keeps an ``ETag`` (a digest of the page before any visitor's token goes in) and
  the ``Last-Modified`` time it was rendered, so Django's ``ConditionalGetMiddleware`` (placed
  before this one) answers a browser's revalidation with 304: a digest of the served body would
  differ for every visitor's token and never match.
- Keys carry the language and the cache generation (bumped by :mod:`.signals` after any write
  to what the pages show); entries expire at local midnight at the latest, when certificates
  that ended yesterday stop counting.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import OrderedDict
from functools import lru_cache

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

from marketplace.pagecache import store

#: URL namespaces whose pages are public and shared by every visitor.
CACHED_NAMESPACES = frozenset({"catalogue", "search", "producers"})
#: Single public views outside those namespaces (namespace:url_name, or url_name).
CACHED_VIEWS = frozenset(
    {"records:registry", "records:progress", "records:verify", "wagtail_serve"}
)
PLACEHOLDER = "__ocop_csrf_token__"
NONCE_PLACEHOLDER = "__ocop_csp_nonce__"
_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')
#: Headers a stored page keeps; cookies and caching headers are set per response.
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary")
HIT_HEADER = "X-Page-Cache"


def _cacheable_view(path_info: str) -> bool:
    return _cacheable_path(path_info, get_language())


# Which view a path resolves to never changes while the process runs (the language is part of
# the key: i18n_patterns resolve a path under the active language); resolving costs more than
# the rest of a cache hit.
@lru_cache(maxsize=4096)
def _cacheable_path(path_info: str, language: str | None) -> bool:
    try:
        match = resolve(path_info)
    except Resolver404:
        return False
    if set(match.namespaces) & CACHED_NAMESPACES:
        return True
    return match.view_name in CACHED_VIEWS or match.url_name in CACHED_VIEWS


def _anonymous_without_state(request) -> bool:
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if settings.OSCAR_BASKET_COOKIE_OPEN in cookies:
        return False
    return not request.user.is_authenticated


_CSRF_MARK = PLACEHOLDER.encode()
_SPLIT = re.compile(b"(" + re.escape(_CSRF_MARK) + b'|nonce="' + NONCE_PLACEHOLDER.encode() + b'")')


def _split(body: bytes) -> list[bytes]:
    """``body`` cut at its placeholders (odd items), to be filled per visitor and joined: one
    pass over a stored page instead of one per placeholder kind."""
    return _SPLIT.split(body)


def _nonce_attribute(nonce: str) -> bytes:
    return b'nonce="' + nonce.encode() + b'"'


def _without_nonce(request, body: bytes) -> bytes:
    """The page with its CSP nonce attributes holding a placeholder (if it used a nonce)."""
    nonce = getattr(request, "_csp_nonce", None)  # set by django-csp once the page read it
    if not isinstance(nonce, str):
        return body
    return body.replace(_nonce_attribute(nonce), _nonce_attribute(NONCE_PLACEHOLDER))


class _RecentPages:
    """The pages this worker served last, by key, so that a hit costs neither a round trip nor
    unpickling. Keys carry the generation, so an entry is never stale after a write; each is
    forgotten after :data:`LOCAL_SECONDS` (and at local midnight, with the shared entry)."""

    def __init__(self, size: int = 64):
        self.size = size
        self.entries: OrderedDict[str, tuple[float, tuple]] = OrderedDict()

    def get(self, key: str):
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            self.entries.pop(key, None)
            return None
        self.entries.move_to_end(key)
        return entry[1]

    def put(self, key: str, page: tuple) -> None:
        keep = min(LOCAL_SECONDS, store.seconds_to_keep())
        self.entries[key] = (time.monotonic() + keep, page)
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


#: How long a worker keeps a page in its own memory (the shared cache keeps it longer).
LOCAL_SECONDS = 60
_recent = _RecentPages()


class PageCacheMiddleware:
    """Serve and store whole pages for visitors who carry no state (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not getattr(settings, "PAGE_CACHE_ENABLED", False)
            or request.method not in ("GET", "HEAD")
            or not _anonymous_without_state(request)
            or not _cacheable_view(request.path_info)
        ):
            return self.get_response(request)
        key = store.page_key(
            generation=store.request_generation(request),
            language=getattr(request, "LANGUAGE_CODE", ""),
            host=request.get_host(),
            path=request.get_full_path(),
        )
        cached = _recent.get(key)
        if cached is None:
            cached = store.cache().get(key)
            if cached is not None:
                cached = (*cached[:2], _split(cached[0]))
                _recent.put(key, cached)
        if cached is not None:
            return self._serve(request, cached, hit=True)
        response = self.get_response(request)
        if self._storable(response):
            body = _TOKEN.sub(rb"\g<1>" + PLACEHOLDER.encode() + rb"\g<2>", response.content)
            body = _without_nonce(request, body)
            headers = {h: response[h] for h in _KEPT_HEADERS if h in response}
            headers["ETag"] = quote_etag(hashlib.sha256(body).hexdigest()[:32])
            headers["Last-Modified"] = http_date()
            store.cache().set(key, (body, headers), timeout=store.seconds_to_keep())
            response["ETag"], response["Last-Modified"] = headers["ETag"], headers["Last-Modified"]
        response[HIT_HEADER] = "miss"
        response["Cache-Control"] = "private, max-age=0, must-revalidate"
        return response

    @staticmethod
    def _storable(response) -> bool:
        if response.status_code != 200 or response.streaming:
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        if "private" in response.get("Cache-Control", "") or "no-store" in response.get(
            "Cache-Control", ""
        ):
            return False
        return set(response.cookies) <= {settings.CSRF_COOKIE_NAME}

    @staticmethod
    def _serve(request, cached, *, hit: bool) -> HttpResponse:
        body, headers = cached[0], cached[1]
        parts = cached[2] if len(cached) > 2 else _split(body)
        if len(parts) > 1:
            parts = list(parts)  # the stored list is shared by every request of this worker
            token = nonce = None
            for i in range(1, len(parts), 2):
                if parts[i] == _CSRF_MARK:
                    token = token or get_token(request).encode()
                    parts[i] = token
                else:
                    nonce = nonce or _nonce_attribute(str(request.csp_nonce))
                    parts[i] = nonce
            body = b"".join(parts)
        response = HttpResponse(body if request.method == "GET" else b"")
        for name, value in headers.items():
            response[name] = value
        response["Content-Length"] = str(len(body))
        response[HIT_HEADER] = "hit" if hit else "miss"
        # The page carries this visitor's CSRF token: browsers may keep it, shared caches not.
        response["Cache-Control"] = "private, max-age=0, must-revalidate"
        return response
