"""The cache that holds pages: the ``pages`` alias (Redis, or a file cache all workers share)."""

from __future__ import annotations

import hashlib
import time as clock
from datetime import datetime, time, timedelta

from django.core.cache import caches
from django.utils import timezone

ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"
#: The longest a page is kept; it is also dropped at local midnight (see :func:`seconds_to_keep`).
MAX_SECONDS = 600


def cache():
    """The cache that holds pages."""
    return caches[ALIAS]


def _first_generation() -> int:
    # The clock's microseconds, not 1: when the pages cache loses its generation (Redis flushed
    # or restarted), the new one must never equal one that a worker's in-memory fragments
    # (marketplace/pagecache/fragments.py) were stored under.
    return clock.time_ns() // 1_000


def generation() -> int:
    """The current generation; keys of earlier generations are never read again."""
    value = cache().get(GENERATION_KEY)
    if value is None:
        cache().add(GENERATION_KEY, _first_generation(), timeout=None)
        value = cache().get(GENERATION_KEY) or _first_generation()
    return int(value)


def request_generation(request) -> int:
    """The generation for one request: read once, then kept on the request, so that a page and
    every fragment in it agree (and the shared cache is asked once)."""
    value = getattr(request, "_ocop_cache_generation", None)
    if value is None:
        value = request._ocop_cache_generation = generation()
    return value


def invalidate() -> None:
    """Drop every cached page and fragment (by moving to the next generation)."""
    try:
        cache().incr(GENERATION_KEY)
    except ValueError:  # no generation yet: nothing cached under one
        cache().add(GENERATION_KEY, _first_generation(), timeout=None)


def page_key(*, generation: int, language: str, host: str, path: str) -> str:
    """The key of one page for one language (the full path includes the query string)."""
    digest = hashlib.sha256(f"{host}\n{path}".encode()).hexdigest()
    return f"pagecache:{generation}:{language}:{digest}"


def seconds_to_keep(now: datetime | None = None) -> int:
    """How long a page rendered now may be kept: at most until local midnight, when the gate's
    day changes (a certificate's last valid day ends) and listed products may change."""
    now = timezone.localtime(now)
    midnight = timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), time.min))
    return max(1, min(MAX_SECONDS, int((midnight - now).total_seconds())))
