"""``/healthz`` (liveness) and ``/readyz`` (readiness): each dependency ``ok`` or ``error``, and
never the error text, which names hosts and users."""

from __future__ import annotations

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

#: Nothing listens on port 1 of the loopback: it stands in for a Redis server that is down.
DEAD_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


def test_readyz_lists_every_dependency_as_ok(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "search": "ok", "tasks": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


@override_settings(CACHES=DEAD_REDIS)
def test_readyz_names_the_dependency_that_is_down_without_its_error(client, caplog):
    # when the cache server does not answer
    response = client.get("/readyz")
    # then the check fails, says which, and keeps the reason for the log only
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "error",
        "search": "ok",
        "tasks": "ok",
    }
    assert b"127.0.0.1" not in response.content and b"refused" not in response.content.lower()
    assert "Health check cache failed" in caplog.text


@override_settings(CACHES=DEAD_REDIS)
def test_healthz_is_about_the_process_and_its_database_only(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
