"""Fixtures shared by every layer of the suite. Keep this small: builders live in factories.py.

The suite runs under pytest-xdist (``-n 2``) with ``--reuse-db``: each worker has its own test
database, so fixtures must not rely on rows made by another test or on a fixed primary key.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone, translation


@pytest.fixture(scope="session", autouse=True)
def _empty_cache_first():
    """Start from an empty cache: on Redis each worker's database may hold keys from an
    earlier run on this machine (a cached page list naming pages that no longer exist)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _vietnamese_first():
    """Every test starts in Vietnamese, the site's default, whatever a request before it
    activated (LocaleMiddleware leaves the last request's language active in the thread)."""
    translation.activate("vi")
    yield
    translation.activate("vi")


@pytest.fixture
def today() -> date:
    """The local date in Asia/Ho_Chi_Minh, the one the storefront gate uses by default."""
    return timezone.localdate()


@pytest.fixture
def user(db):
    """A plain signed-up customer (no staff rights)."""
    from tests.factories import UserFactory

    return UserFactory()
