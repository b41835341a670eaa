"""``manage.py pagecache_clear``: drop every page the full-page cache holds (see
:mod:`marketplace.pagecache`).

Writes to what pages show drop them on their own. This is for what the signals cannot see: media
moved to object storage (cached pages still link ``/media/``), or a release whose templates
changed, before the cached pages age out (at most ten minutes).
"""

from django.core.management.base import BaseCommand

from marketplace.pagecache import store


class Command(BaseCommand):
    """Move the page cache to its next generation: every cached page is rendered afresh."""

    help = "Drop every cached page (after moving media to object storage or a template change)."

    def handle(self, *args, **options):
        store.invalidate()
        self.stdout.write("Cached pages dropped.")
