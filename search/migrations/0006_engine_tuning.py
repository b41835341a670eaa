"""Engine-specific tuning of the embedded index, measured with ``make bench`` (10,000 products).

SQLite: a covering index over the columns that facet counts read, so counting the matches of a
query reads a narrow index instead of every matched wide row (folded description included).
PostgreSQL: the GIN index without ``fastupdate``. With it, rows written since the last vacuum
sit in an unsorted pending list that every query scans: after a rebuild, a query that matches
nothing took 17 ms instead of 0.1 ms until autovacuum came by. Index writes are small batches
here, so writing straight into the index costs little.
"""

from django.db import migrations

FACET_COLUMNS = ('product_id, valid_until, "group", district, stars, producer_kind, price, '
                 "showrooms")


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_doc_facets "
            f"ON search_productdocument ({FACET_COLUMNS})"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "ALTER INDEX IF EXISTS search_productdocument_vector SET (fastupdate = off)"
        )
        schema_editor.execute(
            "SELECT gin_clean_pending_list('search_productdocument_vector'::regclass)"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_doc_facets")
    elif vendor == "postgresql":
        schema_editor.execute(
            "ALTER INDEX IF EXISTS search_productdocument_vector RESET (fastupdate)"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0005_suggestions_and_ranking")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
