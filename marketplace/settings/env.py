"""The one place that reads the process environment.

Every setting that depends on the machine (secrets, database, cache, hosts) is read here and
nowhere else, so a reader can see at a glance what a deployment must provide.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import dj_database_url

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
    """Turn ``DATABASE_URL`` into a Django DATABASES entry (parsed by dj-database-url).

    No URL means the embedded default: a SQLite file beside the project. ``postgres://`` and
    ``postgresql://`` select PostgreSQL (psycopg 3); ``sqlite:///path`` selects another file. The
    URL's query string is kept as the connection's OPTIONS (``?sslmode=require`` reaches libpq).
    """
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite_path)}
    scheme = urlparse(url).scheme
    if scheme in {"postgres", "postgresql", "pgsql"}:
        config = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        config["ENGINE"] = "django.db.backends.postgresql"
        config["NAME"] = config.get("NAME") or "postgres"
        config["PORT"] = str(config.get("PORT") or "")
        if not config.get("OPTIONS"):
            config.pop("OPTIONS", None)
        return config
    if scheme == "sqlite":
        path = urlparse(url).path or str(sqlite_path)
        if url.startswith("sqlite:////"):
            path = "/" + path.lstrip("/")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path}
    raise ImproperlyConfiguredEnv(
        f"DATABASE_URL scheme {scheme!r} is not supported (use postgresql:// or sqlite:///)."
    )


def get_admins(name: str) -> list[tuple[str, str]]:
    """Read ``ADMINS`` as comma-separated addresses, each ``Name <address>`` or a bare address."""
    admins = []
    for item in get_list(name):
        if "<" in item and item.endswith(">"):
            label, address = item[:-1].split("<", 1)
            admins.append((label.strip() or address.strip(), address.strip()))
        elif "@" in item:
            admins.append((item, item))
        else:
            raise ImproperlyConfiguredEnv(f"{name}: {item!r} is not an email address.")
    return admins


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
# Bank transfer by VietQR: the shop's account. Development and the demo fall back to a made-up
# account; production switches VietQR off unless BANK_TRANSFER_ACCOUNT is set, and refuses the
# made-up one (settings/production.py).
DEMO_BANK_ACCOUNT = "0011001234567"
BANK_TRANSFER_ACCOUNT_SET = get("BANK_TRANSFER_ACCOUNT") is not None
BANK_TRANSFER_BIN = get("BANK_TRANSFER_BIN", "970436")  # Napas BIN (970436 = Vietcombank)
BANK_TRANSFER_BANK_NAME = get("BANK_TRANSFER_BANK_NAME", "Vietcombank")
BANK_TRANSFER_ACCOUNT = get("BANK_TRANSFER_ACCOUNT", DEMO_BANK_ACCOUNT)
BANK_TRANSFER_ACCOUNT_NAME = get("BANK_TRANSFER_ACCOUNT_NAME", "OCOP BAC GIANG (DEMO)")
SQLITE_PATH = Path(get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")))
MEDIA_ROOT = Path(get("MEDIA_ROOT", str(BASE_DIR / "media")))
BACKUP_DIR = Path(get("BACKUP_DIR", str(BASE_DIR / "backups")))
STATIC_ROOT = Path(get("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Media on S3-compatible object storage (settings/production.py): off unless the bucket is set;
# then the endpoint, region and both keys are required. The custom domain is a public address
# (a CDN or a public-read bucket) that makes media URLs unsigned.
MEDIA_S3_BUCKET = get("MEDIA_S3_BUCKET")
MEDIA_S3_ENDPOINT_URL = get("MEDIA_S3_ENDPOINT_URL")
MEDIA_S3_REGION = get("MEDIA_S3_REGION")
MEDIA_S3_ACCESS_KEY_ID = get("MEDIA_S3_ACCESS_KEY_ID")
MEDIA_S3_SECRET_ACCESS_KEY = get("MEDIA_S3_SECRET_ACCESS_KEY")
MEDIA_S3_CUSTOM_DOMAIN = get("MEDIA_S3_CUSTOM_DOMAIN")
SITE_URL = get("SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = get("DEFAULT_FROM_EMAIL", "OCOP Bắc Giang <no-reply@ocop.bacgiang.local>")
EMAIL_HOST = get("EMAIL_HOST")
EMAIL_PORT = int(get("EMAIL_PORT", "25") or 25)
EMAIL_HOST_USER = get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = get_bool("EMAIL_USE_TLS", False)  # STARTTLS, usually on port 587
EMAIL_USE_SSL = get_bool("EMAIL_USE_SSL", False)  # implicit TLS, usually on port 465
SERVER_EMAIL = get("SERVER_EMAIL")  # the sender of error mails to ADMINS
ADMINS = get_admins("ADMINS")
SENTRY_DSN = get("SENTRY_DSN")
SENTRY_ENVIRONMENT = get("SENTRY_ENVIRONMENT", "production")
LOG_LEVEL = get("LOG_LEVEL", "INFO")
LOG_FORMAT = get("LOG_FORMAT", "json")  # json (one object a line) or text
# Production's task queue: "database" (django-tasks-db, run by `manage.py db_worker`) or
# "immediate" (inside the request: a site with no worker process).
TASKS_BACKEND = get("TASKS_BACKEND", "database")
