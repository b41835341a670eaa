"""``manage.py rebuild_search_index``: rebuild the product search index from the gate."""

from django.core.management.base import BaseCommand, CommandError

from search.backends import get_backend
from search.indexing import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the product search index from the products on sale today."

    def handle(self, *args, **options):
        backend = get_backend()
        health = backend.health()
        if not health.ok:
            raise CommandError(f"Search backend {health.backend} is down: {health.detail}")
        count = search_index_rebuild()
        self.stdout.write(f"{backend.name}: indexed {count} products on sale.")
