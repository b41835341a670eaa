"""Tests: fast password hashing, in-memory email, the same apps and database choice as dev."""

from .dev import *  # noqa: F403
from .dev import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Every test client signs in from 127.0.0.1: sign-in throttling would lock out the suite.
# tests/functional/test_sign_in_throttling.py turns it on for its own tests.
AXES_ENABLED = False
# Form rate limits count per address (127.0.0.1 for every test): on only in their own tests.
OCOP_FORM_THROTTLE_ENABLED = False

# Workers of one pytest-xdist run share a Redis server in CI: keep their keys apart, and give
# each worker its own Redis database, because a test's cache.clear() is a FLUSHDB that would
# otherwise empty the cache under another worker's request (seen as a flaky query count).
if "KEY_PREFIX" in CACHES["default"]:  # noqa: F405
    _worker = env.get("PYTEST_XDIST_WORKER", "main")
    CACHES["default"]["KEY_PREFIX"] = "ocop-test-" + _worker  # noqa: F405
    if _worker.startswith("gw") and _worker[2:].isdigit():
        from urllib.parse import urlparse

        _url = urlparse(CACHES["default"]["LOCATION"])  # noqa: F405
        _base = int(_url.path.strip("/") or 0)
        _db = (_base - 1 - int(_worker[2:])) % 16
        CACHES["default"]["LOCATION"] = _url._replace(path=f"/{_db}").geturl()  # noqa: F405

# The page cache is off in tests but for the ones that test it (they turn it on, with a cache
# of their own): other tests expect each request to render.
PAGE_CACHE_ENABLED = False
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",  # noqa: F405
    "LOCATION": "pages",
}
