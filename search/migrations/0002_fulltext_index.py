"""The engine-specific full-text index over ProductDocument.folded_title, .folded and .marked.

SQLite: an FTS5 table keyed by product id (``unicode61 remove_diacritics 2``; the text is already
folded in Python, which FTS5 alone cannot do for đ or mì/mỳ). PostgreSQL: a GIN index on the
``simple`` configuration's vector, marks weighted A, the folded title B and the other folded words C. Other engines: none
(the backend then refuses to start, see search.backends.embedded).
"""

from django.db import migrations

PG_VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, marked), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, folded_title), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, folded), 'C'))"
)


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_productfts USING fts5("
            "folded_title, folded, marked, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_productdocument_fts "
            f"ON search_productdocument USING GIN ({PG_VECTOR})"
        )


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_productfts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_productdocument_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_product_document")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
