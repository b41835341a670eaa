"""Tests: fast password hashing, in-memory email, the same apps and database choice as dev."""

from .dev import *  # noqa: F403
from .dev import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"

# Workers of one pytest-xdist run share a Redis server in CI: keep their keys apart.
if "KEY_PREFIX" in CACHES["default"]:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = "ocop-test-" + env.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
