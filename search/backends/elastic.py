"""The Elasticsearch backend, on ``elasticsearch.dsl`` (elasticsearch-dsl 8.18 is a shim).

Text arrives folded by :mod:`search.text` (``folded_title``, ``folded``) and is analysed again
with explicit per-field analyzers (standard tokenizer, lowercase, asciifolding): the index-level
default analyzer is never relied on. ``title`` keeps the marks for the exact-spelling boost via
``marked``. Facets are keyword fields. Words of six letters or more tolerate typos (fuzziness
``AUTO:6,9``). Ranking follows the embedded backend's order as far as scores allow: every typed
word in the title, the marks typed in the title, the title starting with the words typed, the
phrase in the title, then BM25 (which prefers the shorter title).

Suggestions are a filtered phrase-prefix search on the folded title (and producer name) with the
certificate's last day in the query's filter, not a completion suggester: completion contexts
are categories or places, never a date range, and filtering options after the fact can leave
fewer suggestions than asked for (or none) when expired products crowd the top.

Reads and writes go through the alias ``<index>``; :meth:`ElasticsearchBackend.rebuild` fills a
new timestamped index with bulk requests, then swaps the alias in one atomic ``_aliases`` call,
so searches never see a half-built index. Every request has a timeout; when the cluster does not
answer, searches return a degraded (empty, flagged) answer instead of an error page.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime

from django.utils import timezone
from django.utils.module_loading import import_string
from elastic_transport import TransportError
from elasticsearch import Elasticsearch, helpers
from elasticsearch import exceptions as es_exceptions
from elasticsearch.dsl import (
    A,
    Boolean,
    Date,
    Document,
    Double,
    Index,
    Integer,
    Keyword,
    Object,
    Q,
    Search,
    Text,
    analyzer,
)

from catalog.credentials import KINDS as CREDENTIAL_KINDS
from search.backends.base import (
    FacetValue,
    Health,
    SearchBackend,
    SearchQuery,
    SearchResults,
    SearchUnavailable,
    Suggestion,
)
from search.backends.embedded import producer_url
from search.documents import PRICE_RANGES, ProductDoc
from search.text import MAX_QUERY_LENGTH, marked_tokens, tokens

logger = logging.getLogger(__name__)

FOLDING = analyzer("ocop_folding", tokenizer="standard", filter=["lowercase", "asciifolding"])
ERRORS = (TransportError, es_exceptions.ApiError, es_exceptions.TransportError)
KEYWORD_FACETS = {
    "group": "group",
    "district": "district",
    "kind": "producer_kind",
    "export": "export_area",
}


class ProductIndexDoc(Document):
    """The mapping of one product document (see :class:`search.documents.ProductDoc`)."""

    title = Text(analyzer=FOLDING)
    url = Keyword(index=False)
    folded_title = Text(analyzer=FOLDING)
    #: The folded title whole, for "the title starts with what was typed".
    title_start = Keyword()
    folded = Text(analyzer=FOLDING)
    marked = Text(analyzer=FOLDING)
    marked_title = Text(analyzer=FOLDING)
    group = Keyword()
    group_name = Text(analyzer=FOLDING)
    subgroup_name = Text(analyzer=FOLDING)
    district = Keyword()
    district_name = Text(analyzer=FOLDING)
    commune_name = Text(analyzer=FOLDING)
    producer_name = Keyword()
    producer_folded = Text(analyzer=FOLDING)
    producer_slug = Keyword()
    producer_kind = Keyword()
    stars = Integer()
    price = Double()
    in_stock = Boolean()
    showrooms = Keyword(multi=True)
    valid_until = Date()
    #: One date per credential kind: its last valid day (see ProductDoc.credentials). A plain
    #: object, not nested: the facet is a range filter per kind, which needs no nesting.
    credentials = Object(properties={kind.value: Date() for kind in CREDENTIAL_KINDS})
    sold = Integer()
    categories = Integer(multi=True)
    #: The product id again, as a number: ids grow with each product added ("newest").
    product_id = Integer()
    export_area = Keyword()


def _source(doc: ProductDoc) -> dict:
    data = doc.as_dict()
    data["product_id"] = data.pop("id")
    data["price"] = float(doc.price) if doc.price is not None else None
    data["valid_until"] = doc.valid_until.isoformat() if doc.valid_until else None
    data["credentials"] = {kind: until.isoformat() for kind, until in doc.credentials.items()}
    data["title_start"] = doc.folded_title[:256]
    data["producer_folded"] = " ".join(tokens(doc.producer_name))
    return data


class ElasticsearchBackend(SearchBackend):
    """Elasticsearch (8.x client) behind the search interface."""

    name = "elasticsearch"

    def __init__(
        self,
        *,
        url: str,
        index: str = "ocop-products",
        timeout: float = 2.0,
        node_class: str | None = None,
        **options,
    ) -> None:
        self.alias = index
        self.timeout = timeout
        kwargs = {"request_timeout": timeout, "max_retries": 0, "retry_on_timeout": False}
        if node_class:
            kwargs["node_class"] = import_string(node_class)
        self.client = Elasticsearch(url, **kwargs)

    # -- index management ------------------------------------------------------------------

    def _new_index(self) -> Index:
        stamp = datetime.now().strftime("%Y%m%d%H%M%S%f")
        index = Index(f"{self.alias}-{stamp}", using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=0)
        index.document(ProductIndexDoc)
        index.create()
        return index

    def _ensure_alias(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            index = self._new_index()
            self.client.indices.update_aliases(
                actions=[{"add": {"index": index._name, "alias": self.alias}}]
            )

    # -- reading ---------------------------------------------------------------------------

    def _today(self, today: date | None) -> str:
        return (today or timezone.localdate()).isoformat()

    def _credential_query(self, kind: str, today: str):
        """Documents whose credential ``kind`` holds on ``today`` (an ISO date)."""
        if kind not in self._credential_kinds:
            return Q("match_none")
        return Q("range", **{f"credentials.{kind}": {"gte": today}})

    _credential_kinds = frozenset(kind.value for kind in CREDENTIAL_KINDS)

    def _filter_queries(
        self, filters: dict[str, list[str]], *, skip: str | None = None, today: str | None = None
    ) -> list:
        queries = []
        for name, values in filters.items():
            if name == skip or not values:
                continue
            if name in KEYWORD_FACETS:
                queries.append(Q("terms", **{KEYWORD_FACETS[name]: values}))
            elif name == "stars":
                queries.append(Q("terms", stars=[int(v) for v in values if v.isdigit()]))
            elif name == "showroom":
                queries.append(Q("terms", showrooms=values))
            elif name == "credential":
                day = today or self._today(None)
                queries.append(
                    Q(
                        "bool",
                        should=[self._credential_query(v, day) for v in values],
                        minimum_should_match=1,
                    )
                )
            elif name == "price":
                ranges = []
                for key, low, high in PRICE_RANGES:
                    if key in values:
                        bounds = {"gte": low} if high is None else {"gte": low, "lt": high}
                        ranges.append(Q("range", price=bounds))
                queries.append(
                    Q("bool", should=ranges, minimum_should_match=1) if ranges else Q("match_none")
                )
        return queries

    def _text_query(self, text: str):
        words = tokens(text)
        if not words:
            return Q("match_all"), False
        folded = " ".join(words)
        must = Q(
            "multi_match",
            query=folded,
            fields=["folded_title^3", "folded"],
            operator="and",
            fuzziness="AUTO:6,9",
            prefix_length=1,
        )
        should = [
            Q("match", folded_title={"query": folded, "operator": "and", "boost": 6}),
            Q("prefix", title_start={"value": folded, "boost": 3}),
            Q("match_phrase", folded_title={"query": folded, "boost": 2}),
        ]
        marked = marked_tokens(text)
        if marked:
            should.append(Q("match", marked_title={"query": " ".join(marked), "boost": 4}))
            should.append(Q("match", marked={"query": " ".join(marked), "boost": 1}))
        return Q("bool", must=[must], should=should), True

    def search(self, query: SearchQuery) -> SearchResults:
        text_query, has_words = self._text_query(query.text[:MAX_QUERY_LENGTH])
        if not has_words and not query.filters and not query.browse:
            return SearchResults(ids=[], total=0)
        today = self._today(query.today)
        live = Q("range", valid_until={"gte": today})
        if query.category is not None:
            # The category page's category: part of the gate here, never a facet.
            live = Q("bool", filter=[live, Q("term", categories=query.category)])
        search = Search(using=self.client, index=self.alias).query(
            Q(
                "bool",
                must=[text_query],
                filter=[live, *self._filter_queries(query.filters, today=today)],
            )
        )
        # Facet counts: each facet counted under the other facets' filters (and the gate).
        base = Search(using=self.client, index=self.alias).query(
            Q("bool", must=[text_query], filter=[live])
        )
        for name in (
            "group",
            "district",
            "kind",
            "stars",
            "showroom",
            "price",
            "credential",
            "export",
        ):
            bucket = base.aggs.bucket(
                f"f_{name}",
                "filter",
                filter=Q(
                    "bool", filter=self._filter_queries(query.filters, skip=name, today=today)
                ),
            )
            if name == "credential":
                bucket.bucket(
                    "values",
                    "filters",
                    filters={
                        kind: self._credential_query(kind, today) for kind in self._credential_kinds
                    },
                )
            elif name == "price":
                bucket.bucket(
                    "values",
                    A(
                        "range",
                        field="price",
                        keyed=False,
                        ranges=[
                            {"key": key, "from": low, **({"to": high} if high else {})}
                            for key, low, high in PRICE_RANGES
                        ],
                    ),
                )
            else:
                field = {"stars": "stars", "showroom": "showrooms"}.get(
                    name, KEYWORD_FACETS.get(name)
                )
                bucket.bucket("values", "terms", field=field, size=100)
        sort = {
            "price_asc": [{"price": {"order": "asc", "missing": "_last"}}, "-stars"],
            "price_desc": [{"price": {"order": "desc", "missing": "_last"}}, "-stars"],
            "stars": ["-stars", "_score"],
            # An index made before these fields existed sorts as if they were 0.
            "newest": [{"product_id": {"order": "desc", "unmapped_type": "long"}}],
            "bestselling": [{"sold": {"order": "desc", "unmapped_type": "long"}}, "-stars"],
        }.get(query.sort, ["_score", "-stars"] if has_words else ["-stars"])
        start = max(query.page - 1, 0) * query.per_page
        search = (
            search.sort(*sort)
            .source(False)
            .extra(track_total_hits=True)[start : start + query.per_page]
        )
        try:
            response = search.execute()
            facets_response = base.extra(size=0).execute()
        except ERRORS as error:
            logger.warning("Elasticsearch search failed: %s", error)
            return SearchResults(ids=[], total=0, degraded=True)
        ids = [int(hit.meta.id) for hit in response.hits]
        facets = {}
        for name in (
            "group",
            "district",
            "stars",
            "kind",
            "price",
            "showroom",
            "credential",
            "export",
        ):
            buckets = facets_response.aggregations[f"f_{name}"]["values"]["buckets"]
            if name == "credential":  # a keyed "filters" aggregation: kind → bucket
                buckets = [
                    {"key": key, "doc_count": b["doc_count"]}
                    for key, b in buckets.to_dict().items()
                ]
            # An empty keyword is "no value" (as the embedded backend counts it): not offered.
            facets[name] = [
                FacetValue(key=str(b["key"]), count=b["doc_count"])
                for b in buckets
                if b["doc_count"] and b["key"] != ""
            ]
            if name != "price":
                facets[name].sort(key=lambda v: v.key)
        return SearchResults(ids=ids, total=response.hits.total.value, facets=facets)

    def _prefix_search(
        self, field: str, text: str, today: date | None, *, starts: str | None = None
    ) -> Search | None:
        """Live documents whose ``field`` holds what was typed as a phrase, the last word as a
        prefix (those whose keyword ``starts`` begins with it first); the certificate's last day
        is filtered in the query itself."""
        prefix = " ".join(tokens(text))
        if not prefix:
            return None
        live = Q("range", valid_until={"gte": self._today(today)})
        should = [Q("prefix", **{starts: {"value": prefix, "boost": 5}})] if starts else []
        return Search(using=self.client, index=self.alias).query(
            Q(
                "bool",
                must=[Q("match_phrase_prefix", **{field: {"query": prefix}})],
                should=should,
                filter=[live],
            )
        )

    def suggest_products(
        self, text: str, *, limit: int = 5, today: date | None = None
    ) -> list[Suggestion]:
        search = self._prefix_search("folded_title", text, today, starts="title_start")
        if search is None:
            return []
        search = search.sort("_score", "-stars").source(["title", "url"])[:limit]
        try:
            response = search.execute()
        except ERRORS as error:
            logger.warning("Elasticsearch suggest failed: %s", error)
            return []
        return [Suggestion("product", hit.title, hit.url) for hit in response.hits]

    def suggest_producers(
        self, text: str, *, limit: int = 3, today: date | None = None
    ) -> list[Suggestion]:

        search = self._prefix_search("producer_folded", text, today)
        if search is None:
            return []
        # One bucket per producer among the live matches: never fewer than asked for because
        # one producer has many products.
        search.aggs.bucket("producers", "terms", field="producer_slug", size=limit).bucket(
            "name", "terms", field="producer_name", size=1
        )
        try:
            response = search.extra(size=0).execute()
        except ERRORS as error:
            logger.warning("Elasticsearch suggest failed: %s", error)
            return []
        found = []
        for bucket in response.aggregations["producers"]["buckets"]:
            names = bucket["name"]["buckets"]
            if bucket["key"] and names:
                found.append(Suggestion("producer", names[0]["key"], producer_url(bucket["key"])))
        return found

    # -- writing ---------------------------------------------------------------------------

    def _bulk(self, index: str, documents: Iterable[ProductDoc]) -> int:
        actions = (
            {"_op_type": "index", "_index": index, "_id": str(doc.id), "_source": _source(doc)}
            for doc in documents
        )
        try:
            client = self.client.options(request_timeout=max(self.timeout, 30))
            written, _errors = helpers.bulk(client, actions, chunk_size=500)
        except ERRORS as error:
            raise SearchUnavailable(str(error)) from error
        return written

    def index(self, documents: Iterable[ProductDoc]) -> int:
        try:
            self._ensure_alias()
        except ERRORS as error:
            raise SearchUnavailable(str(error)) from error
        written = self._bulk(self.alias, documents)
        self._refresh(self.alias)
        return written

    def _refresh(self, name: str) -> None:
        try:
            self.client.indices.refresh(index=name)
        except ERRORS as error:
            raise SearchUnavailable(str(error)) from error

    def delete(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if not ids:
            return
        try:
            self._ensure_alias()
            helpers.bulk(
                self.client,
                ({"_op_type": "delete", "_index": self.alias, "_id": str(pk)} for pk in ids),
                raise_on_error=False,
            )
        except ERRORS as error:
            raise SearchUnavailable(str(error)) from error
        self._refresh(self.alias)

    def rebuild(self, documents: Iterable[ProductDoc]) -> int:
        try:
            new = self._new_index()
            written = self._bulk(new._name, documents)
            self._refresh(new._name)
            old = []
            if self.client.indices.exists_alias(name=self.alias):
                old = list(self.client.indices.get_alias(name=self.alias).keys())
            actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
            actions.append({"add": {"index": new._name, "alias": self.alias}})
            self.client.indices.update_aliases(actions=actions)
            for name in old:
                self.client.indices.delete(index=name, ignore_unavailable=True)
        except ERRORS as error:
            raise SearchUnavailable(str(error)) from error
        return written

    def indexed(self) -> dict[int, tuple]:
        self._ensure_alias()
        found = {}
        search = Search(using=self.client, index=self.alias).source(
            ["stars", "valid_until", "price", "in_stock", "showrooms"]
        )
        for hit in search.scan():
            found[int(hit.meta.id)] = (
                hit.stars,
                hit.valid_until,
                getattr(hit, "price", None),
                hit.in_stock,
                list(getattr(hit, "showrooms", []) or []),
            )
        return found

    def health(self) -> Health:
        try:
            self.client.cluster.health()
            count = None
            if self.client.indices.exists_alias(name=self.alias):
                count = self.client.count(index=self.alias)["count"]
        except ERRORS as error:
            return Health(ok=False, backend=self.name, detail=str(error))
        return Health(ok=True, backend=self.name, documents=count)
