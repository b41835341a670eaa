"""Reads for the search pages: products through the configured backend, places matched in
Python and website pages through Wagtail's search, all with the same folding.

Products shown always come from :func:`catalog.selectors.product_cards_queryset`, so even a stale
index entry can never put an unlisted product on a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from oscar.core.loading import get_model
from wagtail.models import Locale, Page

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
    cards = catalog_selectors.product_cards_queryset(today=query.today).filter(pk__in=results.ids)
    by_id = {product.pk: product for product in cards}
    return results, [by_id[pk] for pk in results.ids if pk in by_id]


def place_suggestions(text: str, *, limit: int = 3) -> list[Suggestion]:
    """Districts, showroom points and villages whose name starts with what was typed."""
    words = tokens(text)
    if not words:
        return []
    found: list[Suggestion] = []
    # Fair booths (temporary pickup places) are not places to look for.
    for place in Place.objects.exclude(kind=Place.Kind.FAIR).select_related("district"):
        name = place.get_name()
        if name_matches(name, words) or (name != place.name and name_matches(place.name, words)):
            found.append(Suggestion("place", name, _place_url(place)))
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


#: How many pages Wagtail's search may return before the Python re-ranking.
PAGE_SEARCH_CANDIDATES = 200


def _page_summary(page) -> str:
    """A short line under a page hit: the editor's search description, else the page's lead."""
    text = page.search_description or getattr(page, "intro", "") or ""
    text = str(text)
    return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"


def page_search(*, text: str, language: str | None = None, limit: int = 50) -> list[PageHit]:
    """Live, public Wagtail pages (in the active language) holding every folded word of ``text``.

    The words are found by Wagtail's own search backend (``WAGTAILSEARCH_BACKENDS``) in each
    page's ``folded_search_text`` (:class:`cms.models.FoldedSearchMixin`: title, search
    description and ``search_text()`` through the same :func:`search.text.fold` as products), so
    "hoi cho" finds "Hội chợ". Pages with more of the words in their title come first, then
    Wagtail's own relevance order.
    """

    words = tokens(text)
    if not words:
        return []
    language = language or get_language() or ""
    pages: QuerySet = Page.objects.live().filter(depth__gt=1)
    try:
        pages = pages.filter(locale=Locale.objects.get_for_language(language))
    except (Locale.DoesNotExist, LookupError):
        pass
    found = pages.search(" ".join(words), operator="and")[:PAGE_SEARCH_CANDIDATES]
    rank = {page.pk: position for position, page in enumerate(found)}
    if not rank:
        return []
    hits: list[tuple[int, int, PageHit]] = []
    for page in Page.objects.filter(pk__in=rank).public().specific():
        url = page.get_url()
        if not url:
            continue
        title_words = set(fold(page.title).split())
        score = sum(1 for w in words if w in title_words)
        kind = str(page._meta.verbose_name)
        hit = PageHit(page.title, url, _page_summary(page), kind, score)
        hits.append((-score, rank[page.pk], hit))
    hits.sort(key=lambda item: (item[0], item[1]))
    return [hit for _score, _rank, hit in hits[:limit]]
