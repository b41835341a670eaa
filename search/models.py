"""The embedded search index: one pre-folded row per product on sale.

Rows are written only by :mod:`search.indexing` from products that pass the storefront gate
(:func:`catalog.selectors.product_listed_queryset`). ``valid_until`` is the current certificate's
last day, so a product whose certificate lapses drops out of results that day with no write.
The full-text index over ``folded_title``, ``folded`` and ``marked`` is engine-specific and made
in migration 0002: an FTS5 table on SQLite, a GIN expression index on PostgreSQL.
"""

from __future__ import annotations

from django.db import models


class ProductDocument(models.Model):
    """One product as the embedded backend searches and facets it."""

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=255)
    #: Folded words of the title (see search.text): what suggestions match.
    folded_title = models.TextField()
    #: Folded words of the producer, groups, place and description.
    folded = models.TextField()
    #: The same words with their marks, ASCII-encoded, for ranking exact spellings first.
    marked = models.TextField(blank=True)
    #: The title's marked words only (encoded as ``marked``), between spaces (" w1 w2 "):
    #: ranking compares what was typed with the product's own name, not with its producer's
    #: (a "Mì" made by "HTX Mỳ Chũ").
    marked_title = models.TextField(blank=True, default="")
    #: ``folded_title`` between spaces, so that ranking finds whole words and phrases with a
    #: plain substring search (" vai thieu " in " vai thieu luc ngan ").
    title_key = models.TextField(blank=True, default="")
    #: Number of words in the title: the shorter title ranks first.
    title_words = models.PositiveSmallIntegerField(default=0)
    group = models.CharField(max_length=100, blank=True, db_index=True)
    group_name = models.CharField(max_length=255, blank=True)
    subgroup_name = models.CharField(max_length=255, blank=True)
    district = models.CharField(max_length=100, blank=True, db_index=True)
    district_name = models.CharField(max_length=100, blank=True)
    commune_name = models.CharField(max_length=100, blank=True)
    producer_name = models.CharField(max_length=200, blank=True)
    producer_slug = models.CharField(max_length=200, blank=True)
    producer_kind = models.CharField(max_length=20, blank=True, db_index=True)
    stars = models.PositiveSmallIntegerField(db_index=True)
    price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    in_stock = models.BooleanField(default=False)
    #: Showroom slugs where the product can be collected, as ``|slug|slug|`` (empty: none).
    showrooms = models.CharField(max_length=500, blank=True)
    valid_until = models.DateField(db_index=True)
    #: Units ordered in orders not cancelled: the "best-selling" sort.
    sold = models.PositiveIntegerField(default=0)
    #: Pks of the categories the product is filed in and their ancestors, as ``|pk|pk|``: what
    #: a category page lists.
    categories = models.CharField(max_length=500, blank=True, default="")
    #: "1": the product has an export growing-area code (the ``export`` facet).
    export_area = models.CharField(max_length=1, blank=True, default="")
    #: Indexed: its maximum is part of the key of cached facet counts (search.backends.embedded).
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = "tài liệu tìm kiếm"
        verbose_name_plural = "tài liệu tìm kiếm"

    def __str__(self) -> str:
        return self.title


class DocumentCredential(models.Model):
    """A credential kind a document's product shows (see
    :attr:`search.documents.ProductDoc.credentials`), one row per kind, with its last valid day:
    the embedded backend filters and counts the credential facet on it."""

    document = models.ForeignKey(
        ProductDocument, on_delete=models.CASCADE, related_name="credentials"
    )
    kind = models.CharField(max_length=20)
    valid_until = models.DateField()

    class Meta:
        verbose_name = "chứng chỉ của tài liệu"
        verbose_name_plural = "chứng chỉ của tài liệu"
        indexes = [
            models.Index(fields=["kind", "valid_until", "document"], name="search_doc_credential")
        ]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.kind}"


class ProductFts(models.Model):
    """SQLite only: the FTS5 table over documents (made by migration 0002, not by Django).

    Declared so that the ORM can join it to :class:`ProductDocument` for ranking with ``bm25``.
    """

    document = models.OneToOneField(
        ProductDocument,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="fts",
    )
    folded_title = models.TextField()
    folded = models.TextField()
    marked = models.TextField()

    class Meta:
        managed = False
        db_table = "search_productfts"

    def __str__(self) -> str:
        return str(self.pk)


class SuggestionEntry(models.Model):
    """One thing the search box can suggest as you type: a product or a producer on sale.

    Written by the embedded backend next to its documents (see
    :mod:`search.backends.embedded`). A product's entry lasts until its certificate's last
    day, a producer's until the last day of its longest-valid product: suggestions filter on
    ``valid_until`` in the query itself, so an expired product is never suggested.
    """

    class Kind(models.TextChoices):
        PRODUCT = "product", "sản phẩm"
        PRODUCER = "producer", "chủ thể"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    #: The product id or the producer slug.
    key = models.CharField(max_length=200)
    label = models.CharField(max_length=255)
    url = models.CharField(max_length=255)
    #: The label's marked words, encoded as :attr:`ProductDocument.marked`.
    marked = models.TextField(blank=True, default="")
    #: Number of folded words in the label: the shorter name ranks first.
    words = models.PositiveSmallIntegerField(default=0)
    #: Stars of a product, number of products of a producer: the higher ranks first.
    weight = models.PositiveSmallIntegerField(default=0)
    valid_until = models.DateField()

    class Meta:
        verbose_name = "gợi ý tìm kiếm"
        verbose_name_plural = "gợi ý tìm kiếm"
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="search_suggestion_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.label}"


class SuggestionTail(models.Model):
    """The folded label of a :class:`SuggestionEntry` from its ``position``-th word on.

    "vai thieu luc ngan" has the tails "vai thieu luc ngan", "thieu luc ngan", "luc ngan" and
    "ngan": what was typed ("thieu l") is looked up as a prefix of the tails, a range scan of
    one b-tree index, much cheaper than a full-text prefix query over every document. The
    entry's kind, last valid day, weight and length are repeated here so that the index alone
    filters and ranks the thousands of tails a two-letter prefix matches.
    """

    entry = models.ForeignKey(SuggestionEntry, on_delete=models.CASCADE, related_name="tails")
    kind = models.CharField(max_length=10, choices=SuggestionEntry.Kind.choices, default="")
    tail = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField()
    valid_until = models.DateField(null=True)
    weight = models.PositiveSmallIntegerField(default=0)
    words = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "đuôi gợi ý"
        verbose_name_plural = "đuôi gợi ý"
        indexes = [
            # varchar_pattern_ops: PostgreSQL uses the index for LIKE 'prefix%' whatever the
            # database collation (ignored on SQLite, where a range on the binary order is used).
            models.Index(
                fields=["kind", "tail", "valid_until", "weight", "words", "position", "entry"],
                opclasses=[
                    "varchar_pattern_ops",
                    "varchar_pattern_ops",
                    "date_ops",
                    "int2_ops",
                    "int2_ops",
                    "int2_ops",
                    "int4_ops",
                ],
                name="search_suggestion_rank",
            ),
        ]

    def __str__(self) -> str:
        return self.tail
