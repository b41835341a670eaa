"""``manage.py check_search_index [--fix]``: compare the index with the database.

Run it daily (cron) with ``--fix``: besides drift, it reindexes products whose certificate
lapsed or whose next certificate took effect without a write. Exits 1 when the index differs
and ``--fix`` was not given.
"""

from django.core.management.base import BaseCommand, CommandError

from search.backends import get_backend
from search.indexing import search_index_check


class Command(BaseCommand):
    help = "Check the product search index against the products on sale (and --fix it)."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Reindex what differs.")

    def handle(self, *args, fix=False, **options):
        backend = get_backend()
        health = backend.health()
        if not health.ok:
            raise CommandError(f"Search backend {health.backend} is down: {health.detail}")
        check = search_index_check(fix=fix)
        self.stdout.write(
            f"{backend.name}: {health.documents} documents; missing {len(check.missing)}, "
            f"not on sale {len(check.extra)}, stale {len(check.stale)}."
        )
        for label, ids in (
            ("missing", check.missing),
            ("not on sale", check.extra),
            ("stale", check.stale),
        ):
            if ids:
                self.stdout.write(f"  {label}: {', '.join(map(str, ids[:50]))}")
        if check.ok:
            self.stdout.write("Index is in step with the database.")
        elif fix:
            self.stdout.write("Reindexed the products above.")
        else:
            raise CommandError("The index differs from the database (run with --fix).")
