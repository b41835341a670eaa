"""The embedded default: full-text search in the site's own database, no server to run.

SQLite uses the FTS5 table ``search_productfts`` (rowid = product id); PostgreSQL uses the
``simple`` text-search configuration over a stored, GIN-indexed vector column. Both search text
folded in Python by :mod:`search.text`, so đ, both tone placements and mì/mỳ match on either engine.
Ranking: the title weighs more than the rest, and words typed with their marks that match the
marked column rank first (SQLite: bm25 column weights; PostgreSQL: marks A, title B, rest C).
Facet counts come from GROUP BY queries on :class:`search.models.ProductDocument`, always
restricted to documents whose certificate is still valid today.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from search.backends.base import (
    FacetValue,
    Health,
    SearchBackend,
    SearchQuery,
    SearchResults,
    Suggestion,
)
from search.documents import PRICE_RANGES, ProductDoc
from search.models import ProductDocument
from search.text import marked_tokens, tokens

FTS_TABLE = "search_productfts"
#: The stored, GIN-indexed vector (migration 0004): marks A, folded title B, the rest C.
PG_VECTOR = "search_productdocument.search_vector"
#: Suggestions match titles only (marks A, title B: a tsquery restricted to weight B).
TEXT_COLUMNS = "{folded_title folded}"
#: Column and facet names: facet key → ProductDocument field.
FACET_FIELDS = {"group": "group", "district": "district", "stars": "stars",
                "kind": "producer_kind"}


def _fts_phrase(words: list[str], *, prefix: bool) -> str:
    quoted = [f'"{w}"' for w in words]
    if prefix and quoted:
        quoted[-1] += "*"
    return " ".join(quoted)


def _ts_phrase(words: list[str], *, prefix: bool, weights: str = "") -> str:
    quoted = [f"'{w}'" + (f":{weights}" if weights else "") for w in words]
    if prefix and quoted:
        quoted[-1] = f"'{words[-1]}':*{weights}"
    return " & ".join(quoted)


def filter_q(filters: dict[str, list[str]], *, skip: str | None = None) -> Q:
    """The Q object for ``filters`` (values OR'd within a facet, facets AND'd), leaving out
    the facet ``skip`` (its own counts are computed without its selection)."""
    condition = Q()
    for name, values in filters.items():
        if name == skip or not values:
            continue
        if name in FACET_FIELDS:
            condition &= Q(**{f"{FACET_FIELDS[name]}__in": values})
        elif name == "price":
            ranges = Q()
            for key, low, high in PRICE_RANGES:
                if key in values:
                    bounded = Q(price__gte=low) if high is None else Q(price__gte=low,
                                                                       price__lt=high)
                    ranges |= bounded
            condition &= ranges if ranges else Q(pk__in=[])
        elif name == "showroom":
            held = Q()
            for slug in values:
                held |= Q(showrooms__contains=f"|{slug}|")
            condition &= held
    return condition


class EmbeddedBackend(SearchBackend):
    """Database full-text search (SQLite FTS5 or PostgreSQL) with database facet counts."""

    name = "embedded"

    def __init__(self, **options) -> None:
        self.options = options

    # -- reading ---------------------------------------------------------------------------

    @property
    def vendor(self) -> str:
        return connection.vendor

    def _live(self, today: date | None) -> QuerySet:
        return ProductDocument.objects.filter(valid_until__gte=today or timezone.localdate())

    def _match(self, docs: QuerySet, words: list[str], *, prefix: bool = False,
               title_only: bool = False) -> QuerySet:
        if self.vendor == "sqlite":
            sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
            columns = "folded_title" if title_only else TEXT_COLUMNS
            phrase = f"{columns} : ({_fts_phrase(words, prefix=prefix)})"
            return docs.filter(pk__in=RawSQL(sql, [phrase]))
        if self.vendor == "postgresql":
            return docs.extra(
                where=[f"{PG_VECTOR} @@ to_tsquery('simple', %s)"],
                params=[_ts_phrase(words, prefix=prefix, weights="B" if title_only else "")],
            )
        raise NotImplementedError(f"embedded search does not support {self.vendor}")

    def _ranked_ids(self, docs: QuerySet, words: list[str], marked: list[str], *,
                    limit: int, offset: int, prefix: bool = False,
                    title_only: bool = False) -> list[int]:
        """Ids of ``docs`` (filtered, not yet matched) matching ``words``, by relevance:
        title before the rest, exact marks first, then stars."""
        if self.vendor == "sqlite":
            columns = "folded_title" if title_only else TEXT_COLUMNS
            phrase = f"{columns} : ({_fts_phrase(words, prefix=prefix)})"
            if marked:
                # One MATCH must both select and rank: "words AND (words OR marks)".
                phrase = (f"({phrase}) AND (({phrase}) OR "
                          f"(marked : ({_fts_phrase(marked, prefix=False)})))")
            # Joined, not "IN (subquery)": FTS5 then ranks only the matching rows.
            ranked = docs.filter(fts__isnull=False).extra(
                where=[f"{FTS_TABLE} MATCH %s"], params=[phrase],
                select={"fts_rank": f"bm25({FTS_TABLE}, 3.0, 1.0, 6.0)"},
                order_by=["fts_rank", "-stars", "title", "pk"],
            )
            return list(ranked.values_list("pk", flat=True)[offset:offset + limit])
        ts = f"({_ts_phrase(words, prefix=prefix, weights='B' if title_only else '')})"
        if marked:
            ts = f"{ts} | ({_ts_phrase(marked, prefix=False)})"
        ranked = self._match(docs, words, prefix=prefix, title_only=title_only).annotate(
            rank=RawSQL(f"ts_rank({PG_VECTOR}, to_tsquery('simple', %s))", [ts])
        ).order_by("-rank", "-stars", "title", "pk")
        return list(ranked.values_list("pk", flat=True)[offset:offset + limit])

    def search(self, query: SearchQuery) -> SearchResults:
        words = tokens(query.text)
        if not words and not query.filters:
            return SearchResults(ids=[], total=0)
        marked = marked_tokens(query.text)
        live = self._live(query.today)
        # No words but filters: browse by facet (a showroom's stock, a district's products).
        matched = self._match(live, words) if words else live
        filtered = matched.filter(filter_q(query.filters))
        total = filtered.count()
        offset = max(query.page - 1, 0) * query.per_page
        if query.sort == "relevance" and words:
            ids = self._ranked_ids(live.filter(filter_q(query.filters)), words, marked,
                                   limit=query.per_page, offset=offset)
        else:
            order = {
                "price_asc": ("price", "-stars", "title"),
                "price_desc": ("-price", "-stars", "title"),
                "stars": ("-stars", "title"),
            }.get(query.sort, ("-stars", "title"))
            ids = list(filtered.order_by(*order, "pk").values_list("pk", flat=True)
                       [offset:offset + query.per_page])
        return SearchResults(ids=ids, total=total, facets=self._facets(matched, query.filters))

    def _facets(self, matched: QuerySet, filters: dict[str, list[str]]
                ) -> dict[str, list[FacetValue]]:
        facets: dict[str, list[FacetValue]] = {}
        for name, column in FACET_FIELDS.items():
            rows = (
                matched.filter(filter_q(filters, skip=name)).exclude(**{column: ""})
                if column != "stars" else matched.filter(filter_q(filters, skip=name))
            ).values(column).annotate(n=Count("pk")).order_by(column)
            facets[name] = [FacetValue(key=str(r[column]), count=r["n"]) for r in rows]
        price_base = matched.filter(filter_q(filters, skip="price"))
        counts = price_base.aggregate(**{
            f"p{i}": Count("pk", filter=filter_q({"price": [key]}))
            for i, (key, _low, _high) in enumerate(PRICE_RANGES)
        })
        facets["price"] = [FacetValue(key=key, count=counts[f"p{i}"])
                           for i, (key, _l, _h) in enumerate(PRICE_RANGES) if counts[f"p{i}"]]
        showroom_base = matched.filter(filter_q(filters, skip="showroom")).exclude(showrooms="")
        held: dict[str, int] = {}
        for value in showroom_base.values_list("showrooms", flat=True):
            for slug in value.strip("|").split("|"):
                held[slug] = held.get(slug, 0) + 1
        facets["showroom"] = [FacetValue(key=k, count=v) for k, v in sorted(held.items())]
        return facets

    def suggest_products(self, text: str, *, limit: int = 5, today: date | None = None
                         ) -> list[Suggestion]:
        words = tokens(text)
        if not words:
            return []
        ids = self._ranked_ids(self._live(today), words, marked_tokens(text), limit=limit,
                               offset=0, prefix=True, title_only=True)
        by_id = {d.pk: d for d in ProductDocument.objects.filter(pk__in=ids).only("title", "url")}
        return [Suggestion("product", by_id[i].title, by_id[i].url) for i in ids if i in by_id]

    def suggest_producers(self, text: str, *, limit: int = 3, today: date | None = None
                          ) -> list[Suggestion]:
        from search.selectors import name_matches

        words = tokens(text)
        if not words:
            return []
        docs = self._match(self._live(today), words, prefix=True)
        rows = docs.exclude(producer_slug="").values_list("producer_name", "producer_slug")
        found: dict[str, str] = {}
        for name, slug in rows.distinct()[:200]:
            if slug not in found and name_matches(name, words):
                found[slug] = name
        return [Suggestion("producer", name, producer_url(slug))
                for slug, name in list(found.items())[:limit]]

    # -- writing ---------------------------------------------------------------------------

    def index(self, documents: Iterable[ProductDoc]) -> int:
        written = 0
        batch: list[ProductDoc] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= 500:
                written += self._write(batch)
                batch = []
        if batch:
            written += self._write(batch)
        return written

    @transaction.atomic
    def _write(self, docs: list[ProductDoc]) -> int:
        ids = [d.id for d in docs]
        self._delete_ids(ids)
        ProductDocument.objects.bulk_create([
            ProductDocument(
                product_id=d.id, title=d.title[:255], url=d.url[:255],
                folded_title=d.folded_title, folded=d.folded,
                marked=d.marked, group=d.group, group_name=d.group_name,
                subgroup_name=d.subgroup_name, district=d.district,
                district_name=d.district_name, commune_name=d.commune_name,
                producer_name=d.producer_name, producer_slug=d.producer_slug,
                producer_kind=d.producer_kind, stars=d.stars, price=d.price,
                in_stock=d.in_stock,
                showrooms="".join(f"|{s}" for s in d.showrooms) + "|" if d.showrooms else "",
                valid_until=d.valid_until,
            )
            for d in docs
        ], **self._upsert)
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE}(rowid, folded_title, folded, marked) "
                    f"VALUES (%s, %s, %s, %s)",
                    [(d.id, d.folded_title, d.folded, d.marked) for d in docs],
                )
        return len(docs)

    #: Two transactions indexing the same product at once (concurrent checkouts) may both find
    #: no row to delete; the later insert then updates instead of failing on the primary key.
    _upsert = {
        "update_conflicts": True,
        "unique_fields": ["product"],
        "update_fields": [
            "title", "url", "folded_title", "folded", "marked", "group", "group_name",
            "subgroup_name", "district", "district_name", "commune_name", "producer_name",
            "producer_slug", "producer_kind", "stars", "price", "in_stock", "showrooms",
            "valid_until",
        ],
    }

    def _delete_ids(self, ids: list[int]) -> None:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            ProductDocument.objects.filter(pk__in=chunk).delete()
            if self.vendor == "sqlite" and chunk:
                marks = ", ".join(["%s"] * len(chunk))
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)

    @transaction.atomic
    def delete(self, ids: Iterable[int]) -> None:
        self._delete_ids(list(ids))

    @transaction.atomic
    def rebuild(self, documents: Iterable[ProductDoc]) -> int:
        # One transaction: readers see the old index until the new one is complete.
        ProductDocument.objects.all().delete()
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
        return self.index(documents)

    def indexed(self) -> dict[int, tuple]:
        rows = ProductDocument.objects.values_list("pk", "stars", "valid_until", "price",
                                                   "in_stock", "showrooms")
        return {pk: tuple(rest) for pk, *rest in rows}

    def health(self) -> Health:
        try:
            count = ProductDocument.objects.count()
            if self.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT count(*) FROM {FTS_TABLE}")
                    cursor.fetchone()
        except DatabaseError as error:
            return Health(ok=False, backend=self.name, detail=str(error))
        return Health(ok=True, backend=self.name, documents=count, detail=self.vendor)


def producer_url(slug: str) -> str:
    """The public page of the producer ``slug``."""
    from django.urls import reverse

    return reverse("producers:detail", kwargs={"slug": slug})
