"""The embedded default: full-text search in the site's own database, no server to run.

SQLite uses the FTS5 table ``search_productfts`` (rowid = product id); PostgreSQL uses the
``simple`` text-search configuration over a stored, GIN-indexed vector column. Both search text
folded in Python by :mod:`search.text`, so đ, both tone placements and mì/mỳ match on either engine.

One search is two SQL statements, whatever the facets: the total and every facet's counts come
from one statement that matches the query once (a materialised CTE) and groups it once per facet
(each facet counted under the other facets' filters); the page's ids come from a second one.

Ranking (the same order on both engines, see :func:`_rank_sql`): products whose title holds
more of the typed words first; then titles holding more of the words typed with their marks
(exact spelling before folded); then the typed words as a phrase at the start of the title,
then anywhere in it; then the shorter title (the product named just "Vải thiều Lục Ngạn" before
"Rượu vang vải thiều Lục Ngạn"); then stars, then title.

Suggestions come from a small dedicated table (:class:`search.models.SuggestionEntry`, one row
per product and per producer on sale) whose word tails are looked up by prefix in a b-tree.
Every query filters on the certificate's last valid day, so a lapsed product leaves results and
suggestions that day with no write.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from hashlib import sha1

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Max
from django.urls import reverse
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
from search.models import DocumentCredential, ProductDocument, SuggestionEntry, SuggestionTail
from search.text import marked_tokens, tokens

DOC_TABLE = "search_productdocument"
CREDENTIAL_TABLE = DocumentCredential._meta.db_table
FTS_TABLE = "search_productfts"
#: The stored, GIN-indexed vector (migration 0004): marks A, folded title B, the rest C.
PG_VECTOR = "search_vector"
#: Facet key → ProductDocument column (quoted: "group" is an SQL keyword).
FACET_COLUMNS = {
    "group": '"group"',
    "district": "district",
    "stars": "stars",
    "kind": "producer_kind",
    "export": "export_area",
}
#: A filter that is not a facet: the category page's category (``SearchQuery.category``).
CATEGORY_FILTER = "_category"
#: ORDER BY of each sort without words (products without a price last when sorting by price;
#: ``newest``: ids grow with each product added).
SORT_SQL = {
    "price_asc": "CASE WHEN d.price IS NULL THEN 1 ELSE 0 END, d.price, d.stars DESC",
    "price_desc": "CASE WHEN d.price IS NULL THEN 1 ELSE 0 END, d.price DESC, d.stars DESC",
    "newest": "d.product_id DESC",
    "bestselling": "d.sold DESC, d.stars DESC",
}
#: Longest tail stored and looked up for suggestions (characters of folded text).
TAIL_LENGTH = 100
#: Words of a label that start a tail: suggestions match from any of the first few words.
TAIL_WORDS = 8
#: Facet counts of browsing without words are kept at most this long (any index write changes
#: their key at once; the timeout only bounds memory).
BROWSE_CACHE_SECONDS = 600
BROWSE_VERSION_KEY = "search:browse:version"
#: PostgreSQL advisory lock key taken by every index write (the bytes of "ocopsrch").
WRITE_LOCK_KEY = 0x6F636F7073726368


def _browse_changed() -> None:
    """Documents were deleted: cached facet counts of browsing are stale."""

    if not cache.add(BROWSE_VERSION_KEY, 1, None):
        try:
            cache.incr(BROWSE_VERSION_KEY)
        except ValueError:  # expired between add and incr
            cache.add(BROWSE_VERSION_KEY, 1, None)


def _lock_index_writes() -> None:
    """Serialise index writes until the current transaction ends (PostgreSQL).

    A write deletes a product's rows then inserts them again. Two transactions writing the same
    product (two orders of it committed at the same moment) both found nothing to delete under
    READ COMMITTED, and the later insert of its suggestion failed on ``search_suggestion_unique``
    (the reindex was lost until ``check_search_index --fix``); the same for a producer's entry
    shared by two products. One transaction-scoped lock makes the second wait, then read what
    the first committed. Writes are a few milliseconds, so one lock for the whole index costs
    nothing noticeable; SQLite already allows a single writer.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK_KEY])


def _fts_phrase(words: list[str], *, prefix: bool = False) -> str:
    quoted = [f'"{w}"' for w in words]
    if prefix and quoted:
        quoted[-1] += "*"
    return " ".join(quoted)


def _ts_query(words: list[str], *, weights: str = "") -> str:
    return " & ".join(f"'{w}'" + (f":{weights}" if weights else "") for w in words)


def _position(vendor: str, haystack: str, needle_param: str = "%s") -> str:
    """SQL for the 1-based position of a parameter in a text expression (0 when absent)."""
    if vendor == "postgresql":
        return f"strpos({haystack}, {needle_param})"
    return f"instr({haystack}, {needle_param})"


def filter_sql(
    filters: dict[str, list[str]],
    *,
    vendor: str,
    skip: str | None = None,
    table: str = "",
    today: date | None = None,
) -> tuple[str, list]:
    """SQL conditions for ``filters`` (values OR'd within a facet, facets AND'd), leaving out the
    facet ``skip`` (its own counts are computed without its selection): ``("", [])`` for none.
    ``today`` (the local date when omitted) decides which credentials still hold."""
    prefix = f"{table}." if table else ""
    clauses: list[str] = []
    params: list = []
    for name, values in filters.items():
        if name == skip or not values:
            continue
        if name == "stars":
            stars = [int(v) for v in values if str(v).isdigit()]
            if not stars:
                clauses.append("1 = 0")
                continue
            clauses.append(f"{prefix}stars IN ({', '.join(['%s'] * len(stars))})")
            params.extend(stars)
        elif name in FACET_COLUMNS:
            clauses.append(f"{prefix}{FACET_COLUMNS[name]} IN ({', '.join(['%s'] * len(values))})")
            params.extend(values)
        elif name == "price":
            ranges = []
            for key, low, high in PRICE_RANGES:
                if key in values:
                    if high is None:
                        ranges.append(f"{prefix}price >= %s")
                        params.append(low)
                    else:
                        ranges.append(f"({prefix}price >= %s AND {prefix}price < %s)")
                        params.extend([low, high])
            clauses.append(f"({' OR '.join(ranges)})" if ranges else "1 = 0")
        elif name == "showroom":
            held = [f"{_position(vendor, prefix + 'showrooms')} > 0" for _ in values]
            clauses.append(f"({' OR '.join(held)})")
            params.extend(f"|{slug}|" for slug in values)
        elif name == "credential":
            # A credential past its last day no longer counts, with no index write.
            clauses.append(
                f"{prefix}product_id IN (SELECT document_id FROM {CREDENTIAL_TABLE} "
                f"WHERE kind IN ({', '.join(['%s'] * len(values))}) AND valid_until >= %s)"
            )
            params.extend([*values, today or timezone.localdate()])
        elif name == CATEGORY_FILTER:
            clauses.append(f"{_position(vendor, prefix + 'categories')} > 0")
            params.append(f"|{int(values[0])}|")
    return " AND ".join(clauses), params


def _and(*conditions: str) -> str:
    return " AND ".join(c for c in conditions if c) or "1 = 1"


def _price_bucket_sql() -> str:
    cases = []
    for key, low, high in PRICE_RANGES:
        bound = f"price >= {int(low)}" + (f" AND price < {int(high)}" if high is not None else "")
        cases.append(f"WHEN {bound} THEN '{key}'")
    return f"CASE {' '.join(cases)} END"


def _rank_sql(
    vendor: str, words: list[str], marked: list[str], *, table: str
) -> tuple[list[str], list]:
    """ORDER BY terms (and their parameters) putting the best title matches first; see the
    module docstring. ``table`` is the alias of the document table.

    Only the title's columns are read (on SQLite from the covering index of migration 0007):
    bm25 / ts_rank over the whole text cost five times the rest at 10,000 products and
    added nothing the title does not say better.
    """

    def found(column: str) -> str:
        hit = f"{_position(vendor, f'{table}.{column}')} > 0"
        return f"(CASE WHEN {hit} THEN 1 ELSE 0 END)"

    order: list[str] = []
    params: list = []
    distinct = list(dict.fromkeys(words))
    order.append(f"({' + '.join(found('title_key') for _ in distinct)}) DESC")
    params.extend(f" {w} " for w in distinct)
    if marked:
        exact = list(dict.fromkeys(marked))
        order.append(f"({' + '.join(found('marked_title') for _ in exact)}) DESC")
        params.extend(f" {m} " for m in exact)
    position = _position(vendor, f"{table}.title_key")
    order.append(f"(CASE {position} WHEN 0 THEN 0 WHEN 1 THEN 2 ELSE 1 END) DESC")
    params.append(f" {' '.join(words)} ")
    order.extend(
        [f"{table}.title_words", f"{table}.stars DESC", f"{table}.title", f"{table}.product_id"]
    )
    return order, params


class EmbeddedBackend(SearchBackend):
    """Database full-text search (SQLite FTS5 or PostgreSQL) with database facet counts."""

    name = "embedded"

    def __init__(self, **options) -> None:
        self.options = options

    # -- reading ---------------------------------------------------------------------------

    @property
    def vendor(self) -> str:
        if connection.vendor not in {"sqlite", "postgresql"}:
            raise NotImplementedError(f"embedded search does not support {connection.vendor}")
        return connection.vendor

    @property
    def _cover(self) -> str:
        """SQLite: read matches through the covering index (migration 0007). Told, not left
        to the planner: once ANALYZE has run it prefers the primary key, which reads every
        matched wide row (three to five times slower for a query matching thousands)."""
        if self.vendor != "sqlite":
            return ""
        found = getattr(connection, "_search_doc_cover", None)
        if found is None:
            # A later migration remaking the table would drop it: then do without, slower.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'search_doc_cover'"
                )
                found = connection._search_doc_cover = cursor.fetchone() is not None
        return " INDEXED BY search_doc_cover" if found else ""

    def _match_sql(self, words: list[str], *, table: str = DOC_TABLE) -> tuple[str, list]:
        """The SQL condition selecting documents that hold every folded word."""
        if not words:
            return "", []
        if self.vendor == "sqlite":
            return (
                f"{table}.product_id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
                [f"{{folded_title folded}} : ({_fts_phrase(words)})"],
            )
        return f"{table}.{PG_VECTOR} @@ to_tsquery('simple', %s)", [_ts_query(words)]

    def search(self, query: SearchQuery) -> SearchResults:
        words = tokens(query.text)
        if not words and not query.filters and not query.browse:
            return SearchResults(ids=[], total=0)
        today = query.today or timezone.localdate()
        filters = dict(query.filters)
        if query.category is not None:
            filters[CATEGORY_FILTER] = [str(query.category)]
        total, facets = self._facets(words, filters, today)
        offset = max(query.page - 1, 0) * query.per_page
        if not total:
            ids = []
        elif query.sort == "relevance" and words:
            ids = self._ranked_ids(
                words,
                marked_tokens(query.text),
                filters,
                today,
                limit=query.per_page,
                offset=offset,
            )
        else:
            ids = self._sorted_ids(
                words, filters, today, sort=query.sort, limit=query.per_page, offset=offset
            )
        return SearchResults(ids=ids, total=total, facets=facets)

    def _facets(
        self, words: list[str], filters: dict[str, list[str]], today: date
    ) -> tuple[int, dict[str, list[FacetValue]]]:
        """The number of documents matching ``words`` and ``filters``, and every facet's counts
        (each under the other facets' filters). Browsing without words counts the whole index
        (50 ms at 10,000 products): those counts are cached until the index changes."""
        if words:
            return self._count_facets(words, filters, today)

        # A write moves the latest update time (an indexed column: one index probe), a delete
        # bumps the version; a rolled-back test database differs in its update times.
        last = ProductDocument.objects.aggregate(last=Max("updated_at"))["last"]
        chosen = sorted((name, sorted(values)) for name, values in filters.items())
        key = (
            "search:browse:"
            + sha1(
                repr((self.vendor, today, cache.get(BROWSE_VERSION_KEY, 0), last, chosen)).encode()
            ).hexdigest()
        )
        found = cache.get(key)
        if found is None:
            found = self._count_facets(words, filters, today)
            cache.set(key, found, BROWSE_CACHE_SECONDS)
        return found

    def _count_facets(
        self, words: list[str], filters: dict[str, list[str]], today: date
    ) -> tuple[int, dict[str, list[FacetValue]]]:
        """See :meth:`_facets`: one statement, matching once and grouping once per facet."""
        vendor = self.vendor
        match, params = self._match_sql(words)
        columns = (
            'product_id, "group", district, stars, producer_kind, price, showrooms, export_area'
        )
        if CATEGORY_FILTER in filters:
            # Only then: the covering index (migration 0007) does not hold the column.
            columns += ", categories"
        sql = [
            f"WITH m AS MATERIALIZED (SELECT {columns} FROM {DOC_TABLE}{self._cover} "
            f"WHERE {_and(f'{DOC_TABLE}.valid_until >= %s', match)})"
        ]
        params = [today, *params]
        where, extra = filter_sql(filters, vendor=vendor, today=today)
        branches = [
            f"SELECT 'total' AS facet, '' AS value, COUNT(*) AS n FROM m WHERE {_and(where)}"
        ]
        params.extend(extra)
        for name, column in FACET_COLUMNS.items():
            where, extra = filter_sql(filters, vendor=vendor, skip=name, today=today)
            value = f"CAST({column} AS VARCHAR(100))" if name == "stars" else column
            present = "" if name == "stars" else f"{column} <> ''"
            branches.append(
                f"SELECT '{name}', {value}, COUNT(*) FROM m "
                f"WHERE {_and(present, where)} GROUP BY {column}"
            )
            params.extend(extra)
        where, extra = filter_sql(filters, vendor=vendor, skip="price", today=today)
        bucket = _price_bucket_sql()
        branches.append(
            f"SELECT 'price', {bucket}, COUNT(*) FROM m "
            f"WHERE {_and('price IS NOT NULL', where)} GROUP BY {bucket}"
        )
        params.extend(extra)
        where, extra = filter_sql(filters, vendor=vendor, skip="showroom", today=today)
        held = "showrooms <> ''"
        branches.append(
            f"SELECT 'showroom', showrooms, COUNT(*) FROM m "
            f"WHERE {_and(held, where)} GROUP BY showrooms"
        )
        params.extend(extra)
        # One credential row per kind and document: COUNT(*) counts products.
        where, extra = filter_sql(filters, vendor=vendor, skip="credential", today=today)
        branches.append(
            f"SELECT 'credential', c.kind, COUNT(*) FROM m "
            f"JOIN {CREDENTIAL_TABLE} c ON c.document_id = m.product_id "
            f"WHERE {_and('c.valid_until >= %s', where)} GROUP BY c.kind"
        )
        params.extend([today, *extra])
        sql.append(" UNION ALL ".join(branches))
        with connection.cursor() as cursor:
            cursor.execute("\n".join(sql), params)
            rows = cursor.fetchall()
        total = 0
        counts: dict[str, dict[str, int]] = {
            name: {} for name in [*FACET_COLUMNS, "price", "showroom", "credential"]
        }
        for facet, value, n in rows:
            if facet == "total":
                total = n
            elif facet == "showroom":
                # A document held at two showrooms is "|a|b|": counted once under each.
                for slug in str(value).strip("|").split("|"):
                    counts["showroom"][slug] = counts["showroom"].get(slug, 0) + n
            elif value is not None:
                counts[facet][str(value)] = n
        facets = {
            name: [FacetValue(key=k, count=v) for k, v in sorted(found.items()) if v]
            for name, found in counts.items()
            if name != "price"
        }
        facets["price"] = [
            FacetValue(key=key, count=counts["price"][key])
            for key, _low, _high in PRICE_RANGES
            if counts["price"].get(key)
        ]
        return total, {
            name: facets[name]
            for name in (
                "group",
                "district",
                "stars",
                "kind",
                "price",
                "showroom",
                "credential",
                "export",
            )
        }

    def _ranked_ids(
        self,
        words: list[str],
        marked: list[str],
        filters: dict[str, list[str]],
        today: date,
        *,
        limit: int,
        offset: int,
    ) -> list[int]:
        """Ids of the page of documents matching ``words`` and ``filters``, best first."""
        match, match_params = self._match_sql(words, table="d")
        where, filter_params = filter_sql(filters, vendor=self.vendor, table="d", today=today)
        order, order_params = _rank_sql(self.vendor, words, marked, table="d")
        sql = (
            f"SELECT d.product_id FROM {DOC_TABLE} AS d{self._cover} "
            f"WHERE {_and(match, 'd.valid_until >= %s', where)} "
            f"ORDER BY {', '.join(order)} LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                sql, [*match_params, today, *filter_params, *order_params, limit, offset]
            )
            return [row[0] for row in cursor.fetchall()]

    def _sorted_ids(
        self,
        words: list[str],
        filters: dict[str, list[str]],
        today: date,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> list[int]:
        """Ids of the page of documents matching ``words`` and ``filters`` in ``sort`` order
        (products without a price last)."""
        match, match_params = self._match_sql(words, table="d")
        where, filter_params = filter_sql(filters, vendor=self.vendor, table="d", today=today)
        order = SORT_SQL.get(sort, "d.stars DESC")
        sql = (
            f"SELECT d.product_id FROM {DOC_TABLE} d "
            f"WHERE {_and('d.valid_until >= %s', match, where)} "
            f"ORDER BY {order}, d.title, d.product_id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [today, *match_params, *filter_params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def _suggest(self, text: str, kind: str, *, limit: int, today: date | None) -> list[Suggestion]:
        """Entries of ``kind`` with a word tail starting with what was typed: those whose label
        starts with it first, then the exact marks typed, weight (stars, products), shorter."""
        prefix = " ".join(tokens(text))[:TAIL_LENGTH]
        if not prefix:
            return []
        if self.vendor == "postgresql":
            tail, tail_params, tail_index = "t.tail LIKE %s", [prefix + "%"], ""
        else:
            # Binary order: every string starting with the prefix sorts in this range. The
            # index is named: the planner may otherwise walk every tail of the kind instead.
            tail, tail_params = "t.tail >= %s AND t.tail < %s", [prefix, prefix + "\U0010ffff"]
            tail_index = " INDEXED BY search_suggestion_rank"
        starts = "CASE WHEN MIN(t.position) = 0 THEN 0 ELSE 1 END"
        # The inner query reads only the covering index (kind, tail, valid_until, weight,
        # words, position, entry): a two-letter prefix matches thousands of tails.
        sql = (
            f"SELECT e.label, e.url, e.marked, r.starts FROM ("
            f"SELECT t.entry_id, {starts} AS starts, t.weight, t.words "
            f"FROM {SuggestionTail._meta.db_table} AS t{tail_index} "
            f"WHERE t.kind = %s AND {tail} AND t.valid_until >= %s "
            f"GROUP BY t.entry_id, t.weight, t.words "
            f"ORDER BY {starts}, t.weight DESC, t.words, t.entry_id LIMIT %s"
            f") r JOIN {SuggestionEntry._meta.db_table} e ON e.id = r.entry_id "
            f"ORDER BY r.starts, r.weight DESC, r.words, r.entry_id"
        )
        # A few more than shown, re-ranked by the marks typed (cheaper in Python than in SQL).
        params = [kind, *tail_params, today or timezone.localdate(), limit * 4]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        typed = set(marked_tokens(text))
        if typed:
            rows.sort(key=lambda r: (r[3], -len(typed & set(r[2].split()))))
        return [Suggestion(kind, label, url) for label, url, *_rest in rows[:limit]]

    def suggest_products(
        self, text: str, *, limit: int = 5, today: date | None = None
    ) -> list[Suggestion]:
        return self._suggest(text, SuggestionEntry.Kind.PRODUCT, limit=limit, today=today)

    def suggest_producers(
        self, text: str, *, limit: int = 3, today: date | None = None
    ) -> list[Suggestion]:
        return self._suggest(text, SuggestionEntry.Kind.PRODUCER, limit=limit, today=today)

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
        _lock_index_writes()
        ids = [d.id for d in docs]
        producers = self._delete_ids(ids)
        ProductDocument.objects.bulk_create(
            [
                ProductDocument(
                    product_id=d.id,
                    title=d.title[:255],
                    url=d.url[:255],
                    folded_title=d.folded_title,
                    folded=d.folded,
                    marked=d.marked,
                    marked_title=f" {d.marked_title} " if d.marked_title else "",
                    title_key=f" {d.folded_title} ",
                    title_words=len(d.folded_title.split()),
                    group=d.group,
                    group_name=d.group_name,
                    subgroup_name=d.subgroup_name,
                    district=d.district,
                    district_name=d.district_name,
                    commune_name=d.commune_name,
                    producer_name=d.producer_name,
                    producer_slug=d.producer_slug,
                    producer_kind=d.producer_kind,
                    stars=d.stars,
                    price=d.price,
                    in_stock=d.in_stock,
                    showrooms="".join(f"|{s}" for s in d.showrooms) + "|" if d.showrooms else "",
                    valid_until=d.valid_until,
                    sold=d.sold,
                    export_area=d.export_area,
                    categories="".join(f"|{c}" for c in d.categories) + "|" if d.categories else "",
                )
                for d in docs
            ],
            **self._upsert,
        )
        # _delete_ids removed the old rows (the cascade); an upserted document may keep some.
        DocumentCredential.objects.filter(document_id__in=ids).delete()
        DocumentCredential.objects.bulk_create(
            [
                DocumentCredential(document_id=d.id, kind=kind, valid_until=until)
                for d in docs
                for kind, until in d.credentials.items()
            ]
        )
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE}(rowid, folded_title, folded, marked) "
                    f"VALUES (%s, %s, %s, %s)",
                    [(d.id, d.folded_title, d.folded, d.marked) for d in docs],
                )
        self._write_entries(
            [
                SuggestionEntry(
                    kind=SuggestionEntry.Kind.PRODUCT,
                    key=str(d.id),
                    label=d.title[:255],
                    url=d.url[:255],
                    marked=d.marked_title,
                    words=len(d.folded_title.split()),
                    weight=d.stars,
                    valid_until=d.valid_until,
                )
                for d in docs
                if d.valid_until
            ],
            [d.folded_title for d in docs if d.valid_until],
        )
        self._refresh_producers(producers | {d.producer_slug for d in docs})
        return len(docs)

    #: Two transactions indexing the same product at once (concurrent checkouts) may both find
    #: no row to delete; the later insert then updates instead of failing on the primary key.
    _upsert = {
        "update_conflicts": True,
        "unique_fields": ["product"],
        "update_fields": [
            "title",
            "url",
            "folded_title",
            "folded",
            "marked",
            "marked_title",
            "title_key",
            "title_words",
            "group",
            "group_name",
            "subgroup_name",
            "district",
            "district_name",
            "commune_name",
            "producer_name",
            "producer_slug",
            "producer_kind",
            "stars",
            "price",
            "in_stock",
            "showrooms",
            "valid_until",
            "sold",
            "categories",
            "export_area",
            "updated_at",
        ],
    }

    def _write_entries(self, entries: list[SuggestionEntry], folded: list[str]) -> None:
        """Insert suggestion ``entries`` (none may exist) with the word tails of ``folded``."""
        made = SuggestionEntry.objects.bulk_create(entries)
        tails = []
        for entry, text in zip(made, folded, strict=True):
            words = text.split()
            tails.extend(
                SuggestionTail(
                    entry_id=entry.pk,
                    kind=entry.kind,
                    position=i,
                    tail=" ".join(words[i:])[:TAIL_LENGTH],
                    valid_until=entry.valid_until,
                    weight=entry.weight,
                    words=entry.words,
                )
                for i in range(min(len(words), TAIL_WORDS))
            )
        SuggestionTail.objects.bulk_create(tails, batch_size=2000)

    def _refresh_producers(self, slugs: set[str]) -> None:
        """Rewrite the suggestion entries of the producers ``slugs`` from their documents: one
        per producer with a product indexed, valid as long as its longest-valid product."""
        slugs = {s for s in slugs if s}
        if not slugs:
            return
        SuggestionEntry.objects.filter(kind=SuggestionEntry.Kind.PRODUCER, key__in=slugs).delete()
        rows = (
            ProductDocument.objects.filter(producer_slug__in=slugs)
            .values("producer_slug", "producer_name")
            .annotate(n=Count("pk"), until=Max("valid_until"))
            .order_by("producer_slug")
        )
        entries, folded, seen = [], [], set()
        for row in rows:
            if row["producer_slug"] in seen:  # renamed mid-batch: one entry, latest wins
                continue
            seen.add(row["producer_slug"])
            name = row["producer_name"]
            entries.append(
                SuggestionEntry(
                    kind=SuggestionEntry.Kind.PRODUCER,
                    key=row["producer_slug"],
                    label=name[:255],
                    url=producer_url(row["producer_slug"])[:255],
                    marked=" ".join(marked_tokens(name)),
                    words=len(tokens(name)),
                    weight=min(row["n"], 32767),
                    valid_until=row["until"],
                )
            )
            folded.append(" ".join(tokens(name)))
        self._write_entries(entries, folded)

    def _delete_ids(self, ids: list[int]) -> set[str]:
        """Remove the documents and product suggestions of ``ids``; returns their producers."""
        producers: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            if not chunk:
                continue
            producers.update(
                ProductDocument.objects.filter(pk__in=chunk).values_list("producer_slug", flat=True)
            )
            if ProductDocument.objects.filter(pk__in=chunk).delete()[0]:
                _browse_changed()
                # Again once committed: a reader may have cached counts in between.
                transaction.on_commit(_browse_changed)
            SuggestionEntry.objects.filter(
                kind=SuggestionEntry.Kind.PRODUCT, key__in=[str(pk) for pk in chunk]
            ).delete()
            if self.vendor == "sqlite":
                marks = ", ".join(["%s"] * len(chunk))
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
        return producers

    @transaction.atomic
    def delete(self, ids: Iterable[int]) -> None:
        _lock_index_writes()
        self._refresh_producers(self._delete_ids(list(ids)))

    def rebuild(self, documents: Iterable[ProductDoc]) -> int:
        written = self._replace_all(documents)
        if self.vendor == "postgresql" and not connection.in_atomic_block:
            # The rebuild deleted and rewrote every row: without a vacuum the dead rows stay in
            # the GIN index and the heap until autovacuum, and queries read through them (a
            # search took 40 ms instead of 10 ms after a few rebuilds). VACUUM cannot run in a
            # transaction: tests, which run in one, skip it.
            with connection.cursor() as cursor:
                cursor.execute(f"VACUUM ANALYZE {', '.join(self._tables)}")
        return written

    _tables = (
        DOC_TABLE,
        SuggestionEntry._meta.db_table,
        SuggestionTail._meta.db_table,
        CREDENTIAL_TABLE,
    )

    @transaction.atomic
    def _replace_all(self, documents: Iterable[ProductDoc]) -> int:
        # One transaction: readers see the old index until the new one is complete.
        _lock_index_writes()
        SuggestionTail.objects.all().delete()
        SuggestionEntry.objects.all().delete()
        DocumentCredential.objects.all().delete()
        ProductDocument.objects.all().delete()
        _browse_changed()
        transaction.on_commit(_browse_changed)
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
        written = self.index(documents)
        with connection.cursor() as cursor:
            if self.vendor == "sqlite":
                # Merge the FTS segments written batch by batch into one b-tree.
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
            else:
                # Fresh statistics: without them PostgreSQL guessed a handful of rows per
                # query and scanned by date instead of using the GIN index.
                cursor.execute(f"ANALYZE {', '.join(self._tables)}")
        return written

    def indexed(self) -> dict[int, tuple]:
        rows = ProductDocument.objects.values_list(
            "pk", "stars", "valid_until", "price", "in_stock", "showrooms"
        )
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

    return reverse("producers:detail", kwargs={"slug": slug})
