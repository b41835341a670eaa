"""The one search interface every backend implements.

A backend searches documents (see :mod:`search.documents`) with filters, facets, sorting and
paging; suggests as the user types; indexes, deletes and rebuilds; and reports its health. It
folds text only through :mod:`search.text`, and never answers with a product whose certificate
has lapsed (documents carry ``valid_until``; queries filter on today's date).
"""

from __future__ import annotations

import abc
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

#: Facet names, as used in query strings and in :attr:`SearchResults.facets`.
FACETS = ("group", "district", "stars", "kind", "price", "showroom", "credential", "export")
#: The one value of the ``export`` facet: the product has a readable growing-area code
#: (:func:`catalog.traceability.is_export_growing_area_code`).
EXPORT_AREA = "1"
#: Sort orders offered to shoppers; ``relevance`` is the default. ``newest`` puts the most
#: recently added products first, ``bestselling`` the most units ordered.
SORTS = ("relevance", "price_asc", "price_desc", "stars", "newest", "bestselling")


@dataclass
class SearchQuery:
    """What a shopper asked for: folded words, filters by facet, sort and page."""

    text: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 24
    today: date | None = None
    #: Browsing (the catalogue and category pages): no words and no filters lists every
    #: product instead of none.
    browse: bool = False
    #: Only products filed in this category or one below it (its primary key); not a facet,
    #: so never counted or dropped from the counts.
    category: int | None = None


@dataclass
class FacetValue:
    """One value of a facet with the number of matching products."""

    key: str
    count: int


@dataclass
class SearchResults:
    """Product ids of the requested page in order, the total, and facet counts.

    ``degraded`` is set when the backend could not answer (cluster down): the page then says so
    rather than failing.
    """

    ids: list[int]
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    degraded: bool = False


@dataclass
class Suggestion:
    """One as-you-type suggestion."""

    kind: str  # "product", "producer" or "place"
    label: str
    url: str


@dataclass
class Health:
    """Whether the backend answers, and how many documents it holds."""

    ok: bool
    backend: str
    documents: int | None = None
    detail: str = ""


class SearchBackend(abc.ABC):
    """The interface; see the module docstring."""

    name = "base"

    @abc.abstractmethod
    def search(self, query: SearchQuery) -> SearchResults:
        """Products matching every folded word of ``query.text`` and its filters; with no
        words but some filters, every product passing the filters."""

    @abc.abstractmethod
    def suggest_products(
        self, text: str, *, limit: int = 5, today: date | None = None
    ) -> list[Suggestion]:
        """Products whose words start with what was typed (the last word as a prefix)."""

    @abc.abstractmethod
    def suggest_producers(
        self, text: str, *, limit: int = 3, today: date | None = None
    ) -> list[Suggestion]:
        """Producers with a product on sale whose name starts with what was typed."""

    @abc.abstractmethod
    def index(self, documents: Iterable) -> int:
        """Add or replace ``documents``; returns how many were written."""

    @abc.abstractmethod
    def delete(self, ids: Iterable[int]) -> None:
        """Remove the documents of ``ids`` (missing ones are ignored)."""

    @abc.abstractmethod
    def rebuild(self, documents: Iterable) -> int:
        """Replace the whole index with ``documents``."""

    @abc.abstractmethod
    def indexed(self) -> dict[int, tuple]:
        """Every indexed id with ``(stars, valid_until, price, in_stock)``, for the check."""

    @abc.abstractmethod
    def health(self) -> Health:
        """Whether the backend answers."""


class SearchUnavailable(RuntimeError):
    """The backend could not be reached or refused a write; callers log and carry on."""
