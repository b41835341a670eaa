"""Background tasks of the checkout (Django's task framework through ``django-tasks``)."""

from __future__ import annotations

from django_tasks import task

from catalog.checkout import services


@task()
def expire_unpaid_orders() -> int:
    """Cancel orders left unpaid too long (see :func:`services.orders_unpaid_expire`); returns
    how many were cancelled. For a scheduler that enqueues tasks rather than running commands."""
    return len(services.orders_unpaid_expire().cancelled)
