"""The page cache's app: connects the invalidation signals in every process (web and jobs)."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Connects :mod:`marketplace.pagecache.signals` so that a write in any process (a view, the
    daily job, the admin) invalidates the cached pages."""

    name = "marketplace.pagecache"
    label = "pagecache"

    def ready(self) -> None:
        from marketplace.pagecache import signals  # connects receivers once the apps are loaded

        signals.connect()
