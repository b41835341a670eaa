"""The one place that reads the process environment.

Every setting that depends on the machine (secrets, database, cache, hosts) is read here and
nowhere else, so a reader can see at a glance what a deployment must provide.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

BASE_DIR = Path(__file__).resolve().parent.parent.parent


class ImproperlyConfiguredEnv(RuntimeError):
    """Raised when a required variable is missing or malformed."""


def get(name: str, default: str | None = None) -> str | None:
    """Return the variable ``name`` or ``default``; empty strings count as unset."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def get_bool(name: str, default: bool = False) -> bool:
    """Read a boolean flag written as 1/0, true/false, yes/no, on/off."""
    value = get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfiguredEnv(f"{name}={value!r} is not a boolean (use 1/0, true/false).")


def get_list(name: str, default: list[str] | None = None) -> list[str]:
    """Read a comma-separated list, dropping blanks."""
    value = get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url: str | None, *, sqlite_path: Path) -> dict:
    """Turn ``DATABASE_URL`` into a Django DATABASES entry.

    No URL means the embedded default: a SQLite file beside the project. ``postgres://`` and
    ``postgresql://`` select PostgreSQL (psycopg 3); ``sqlite:///path`` selects another file.
    """
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite_path)}
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "postgres",
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    if parsed.scheme == "sqlite":
        path = parsed.path or str(sqlite_path)
        if url.startswith("sqlite:////"):
            path = "/" + path.lstrip("/")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path}
    raise ImproperlyConfiguredEnv(
        f"DATABASE_URL scheme {parsed.scheme!r} is not supported (use postgresql:// or sqlite:///)."
    )


SECRET_KEY = get("SECRET_KEY")
DEBUG = get_bool("DEBUG", False)
ALLOWED_HOSTS = get_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = get_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = get("DATABASE_URL")
REDIS_URL = get("REDIS_URL")
ELASTICSEARCH_URL = get("ELASTICSEARCH_URL")
STRIPE_SECRET_KEY = get("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = get("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = get("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = get("STRIPE_API_BASE")  # a local Stripe-compatible server (tests, demo)
# Bank transfer by VietQR: the shop's account (demo values until a real account is set).
BANK_TRANSFER_BIN = get("BANK_TRANSFER_BIN", "970436")  # Napas BIN (970436 = Vietcombank)
BANK_TRANSFER_BANK_NAME = get("BANK_TRANSFER_BANK_NAME", "Vietcombank")
BANK_TRANSFER_ACCOUNT = get("BANK_TRANSFER_ACCOUNT", "0011001234567")
BANK_TRANSFER_ACCOUNT_NAME = get("BANK_TRANSFER_ACCOUNT_NAME", "OCOP BAC GIANG (DEMO)")
SQLITE_PATH = Path(get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")))
MEDIA_ROOT = Path(get("MEDIA_ROOT", str(BASE_DIR / "media")))
STATIC_ROOT = Path(get("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
SITE_URL = get("SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = get("DEFAULT_FROM_EMAIL", "OCOP Bắc Giang <no-reply@ocop.bacgiang.local>")
EMAIL_HOST = get("EMAIL_HOST")
EMAIL_PORT = int(get("EMAIL_PORT", "25") or 25)
