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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "tài liệu tìm kiếm"
        verbose_name_plural = "tài liệu tìm kiếm"

    def __str__(self) -> str:
        return self.title


class ProductFts(models.Model):
    """SQLite only: the FTS5 table over documents (made by migration 0002, not by Django).

    Declared so that the ORM can join it to :class:`ProductDocument` for ranking with ``bm25``.
    """

    document = models.OneToOneField(
        ProductDocument, on_delete=models.DO_NOTHING, primary_key=True, db_column="rowid",
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
