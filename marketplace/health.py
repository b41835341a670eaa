"""Liveness and readiness: what a load balancer, a monitor and the deploy steps ask.

Each check answers only ``ok`` or ``error``; the reason goes to the log (with the request id),
never to the public, because a database error text names hosts, users and tables.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from search.backends import get_backend

logger = logging.getLogger(__name__)

#: A task still waiting after this long means no worker is taking tasks.
TASK_QUEUE_STALL = timedelta(minutes=15)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was just stored")
    cache.delete(key)


def _search() -> None:
    health = get_backend().health()
    if not health.ok:
        raise RuntimeError(f"search backend {health.backend}: {health.detail}")


def _tasks() -> None:
    """With the database queue, the oldest waiting task must be younger than the stall limit.

    The immediate backend (development, a site run without a worker) has no queue to check.
    """
    if not apps.is_installed("django_tasks_db"):
        return
    # Imported here: the model exists only where the database queue is installed.
    from django_tasks_db.models import DBTaskResult

    oldest = (
        DBTaskResult.objects.filter(status="READY")
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    if oldest is not None and timezone.now() - oldest > TASK_QUEUE_STALL:
        raise RuntimeError(f"a task has waited since {oldest:%Y-%m-%d %H:%M}: is db_worker up?")


CHECKS: dict[str, Callable[[], None]] = {
    "database": _database,
    "cache": _cache,
    "search": _search,
    "tasks": _tasks,
}


def health_check(names: tuple[str, ...]) -> dict[str, bool]:
    """Run the named checks; ``{name: passed}``. A failure is logged with its reason."""
    results = {}
    for name in names:
        try:
            CHECKS[name]()
        except Exception:  # noqa: BLE001 - any failure of a dependency means "not ready"
            logger.exception("Health check %s failed", name)
            results[name] = False
        else:
            results[name] = True
    return results
