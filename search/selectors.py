"""Reads for the search pages: products through the configured backend, places and website
pages matched in Python with the same folding.

Products shown always come from :func:`catalog.selectors.product_cards_queryset`, so even a stale
index entry can never put an unlisted product on a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import selectors as catalog_selectors
from search.backends import get_backend
from search.backends.base import SearchQuery, SearchResults, Suggestion
from search.indexing import search_pending_flush
from search.text import fold, tokens

District = get_model("catalogue", "District")
Place = get_model("catalogue", "Place")


def name_matches(name: str, words: list[str]) -> bool:
    """Whether every folded word of the query starts a word of ``name`` (the last as a prefix,
    the others whole)."""
    name_words = fold(name).split()
    *whole, last = words
    return all(w in name_words for w in whole) and any(n.startswith(last) for n in name_words)


def product_search(*, query: SearchQuery) -> tuple[SearchResults, list]:
    """The backend's answer to ``query`` and the page's products, in the backend's order."""
    search_pending_flush()
    results = get_backend().search(query)
    if not results.ids:
        return results, []
    cards = catalog_selectors.product_cards_queryset(today=query.today).filter(
        pk__in=results.ids
    )
    by_id = {product.pk: product for product in cards}
    return results, [by_id[pk] for pk in results.ids if pk in by_id]


def place_suggestions(text: str, *, limit: int = 3) -> list[Suggestion]:
    """Districts, showroom points and villages whose name starts with what was typed."""
    words = tokens(text)
    if not words:
        return []
    found: list[Suggestion] = []
    for place in Place.objects.select_related("district"):
        if name_matches(place.name, words):
            found.append(Suggestion("place", place.name, _place_url(place)))
    for district in District.objects.only("name", "slug"):
        if name_matches(district.name, words):
            found.append(Suggestion("place", district.name, _district_url(district)))
    return found[:limit]


def _place_url(place) -> str:
    """The place's own page when it has one; else its products: a showroom's stock, or what
    is made in a village."""
    url = getattr(place, "get_absolute_url", None)
    if callable(url):
        try:
            return url()
        except Exception:  # noqa: BLE001  a place page may not exist yet
            pass
    if place.kind == Place.Kind.SHOWROOM:
        return _search_url("", showroom=place.slug)
    return _search_url(place.name)


def _district_url(district) -> str:
    return _search_url(district.name)


def _search_url(text: str, **filters: str) -> str:
    from urllib.parse import urlencode

    from django.urls import reverse

    return f"{reverse('search:search')}?{urlencode({'q': text, **filters})}"


def suggestions(*, text: str, today: date | None = None) -> list[Suggestion]:
    """As-you-type suggestions: products, then producers, then places."""
    search_pending_flush()
    backend = get_backend()
    today = today or timezone.localdate()
    return [
        *backend.suggest_products(text, limit=5, today=today),
        *backend.suggest_producers(text, limit=3, today=today),
        *place_suggestions(text, limit=3),
    ]


@dataclass
class PageHit:
    """A website page matching a query."""

    title: str
    url: str
    summary: str
    kind: str
    score: int


def _page_text(page) -> str:
    search_text = getattr(page, "search_text", None)
    extra = ""
    if callable(search_text):
        try:
            extra = search_text() or ""
        except Exception:  # noqa: BLE001  one broken page must not break the search page
            extra = ""
    return extra


@dataclass
class _PageEntry:
    """A live page as the site search reads it: display fields and folded words."""

    title: str
    url: str
    summary: str
    kind: str
    title_words: frozenset[str]
    words: frozenset[str]


#: Folded pages are kept this long at most; saving or deleting a page or a place changes the
#: key at once (see :func:`pages_changed` and :func:`_pages_fingerprint`), the timeout catches
#: the rest (a snippet shown on a page).
PAGES_CACHE_SECONDS = 300
PAGES_VERSION_KEY = "search:pages:version"


def pages_changed() -> None:
    """A page or a place was saved or deleted: the folded pages cached are stale."""
    from django.core.cache import cache

    if not cache.add(PAGES_VERSION_KEY, 1, None):
        try:
            cache.incr(PAGES_VERSION_KEY)
        except ValueError:  # expired between add and incr
            cache.add(PAGES_VERSION_KEY, 1, None)


def _pages_fingerprint(pages: QuerySet) -> str:
    """Changes when a page of ``pages`` is published, unpublished, added or deleted, even by
    another process whose signals this one did not hear."""
    from django.db.models import Count, Max

    state = pages.aggregate(n=Count("pk"), last=Max("pk"), published=Max("last_published_at"))
    stamp = state["published"].isoformat() if state["published"] else ""
    return f"{state['n']}:{state['last']}:{stamp}"


def _page_entries(pages: QuerySet, language: str) -> list[_PageEntry]:
    """Every page of ``pages`` folded, from the cache when nothing was published since: folding
    each page's ``search_text()`` took about 40 queries and 300 ms per search."""
    from django.core.cache import cache

    version = cache.get(PAGES_VERSION_KEY, 0)
    key = f"search:pages:{language}:{version}:{_pages_fingerprint(pages)}"
    entries = cache.get(key)
    if entries is not None:
        return entries
    entries = []
    for page in pages.specific().iterator(chunk_size=200):
        url = page.get_url()
        if not url:
            continue
        summary = page.search_description or ""
        extra = _page_text(page)
        kind = str(page.specific_class._meta.verbose_name) if page.specific_class else ""
        entries.append(_PageEntry(
            title=page.title, url=url, summary=summary or extra[:200], kind=kind,
            title_words=frozenset(fold(page.title).split()),
            words=frozenset(f"{fold(page.title)} {fold(summary)} {fold(extra)}".split()),
        ))
    cache.set(key, entries, PAGES_CACHE_SECONDS)
    return entries


def page_search(*, text: str, language: str | None = None, limit: int = 50) -> list[PageHit]:
    """Live Wagtail pages (in the active language) whose folded title, search description or
    ``search_text()`` contain every folded word of ``text`` (words of three letters or more
    also as a prefix); title matches first."""
    from django.utils.translation import get_language
    from wagtail.models import Locale, Page

    words = tokens(text)
    if not words:
        return []
    language = language or get_language() or ""
    pages: QuerySet = Page.objects.live().public().filter(depth__gt=1)
    try:
        locale = Locale.objects.get_for_language(language)
        pages = pages.filter(locale=locale)
    except (Locale.DoesNotExist, LookupError):
        pass
    hits: list[PageHit] = []
    for entry in _page_entries(pages, language):
        if not all(w in entry.words or (len(w) > 2 and any(x.startswith(w) for x in entry.words))
                   for w in words):
            continue
        score = sum(1 for w in words if w in entry.title_words)
        hits.append(PageHit(entry.title, entry.url, entry.summary, entry.kind, score))
    hits.sort(key=lambda h: (-h.score, h.title))
    return hits[:limit]
