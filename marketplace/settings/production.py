"""Production: refuses to start unless the deployment provides what it must.

``SECRET_KEY``, ``ALLOWED_HOSTS``, ``DATABASE_URL`` and an ``https://`` ``SITE_URL`` are required;
HTTPS is assumed (behind nginx, which sets ``X-Forwarded-Proto``), so ``manage.py check --deploy``
passes with no warning. Static files are served by WhiteNoise (hashed names, compressed, cached
for a year); media by nginx only (deploy/nginx/ocop.conf), or from S3-compatible object storage
when ``MEDIA_S3_BUCKET`` is set (several web nodes). Tasks (search reindexing, emails) go
to the database queue, run by ``manage.py db_worker``. Logs are JSON lines on stdout.
"""

from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, MIDDLEWARE, OCOP_BANK_TRANSFER, env

_missing = [
    name
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL")
    if not env.get(name)
]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )
if len(env.SECRET_KEY) < 50 or len(set(env.SECRET_KEY)) < 5:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters with 5 distinct ones.")
if urlparse(env.SITE_URL).scheme != "https" or not urlparse(env.SITE_URL).hostname:
    raise ImproperlyConfigured(
        f"SITE_URL must be the site's public https:// address, not {env.SITE_URL!r}."
    )

DEBUG = False
if env.get_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must not be on in production.")

# Bank transfer by VietQR: off unless a real account is configured; the demo payee is refused,
# because shoppers would send real money to a made-up account.
if env.BANK_TRANSFER_ACCOUNT == env.DEMO_BANK_ACCOUNT and env.BANK_TRANSFER_ACCOUNT_SET:
    raise ImproperlyConfigured(
        "BANK_TRANSFER_ACCOUNT is the demo account; set the shop's real account or unset it "
        "(bank transfer is then switched off)."
    )
if not env.BANK_TRANSFER_ACCOUNT_SET:
    OCOP_BANK_TRANSFER = {**OCOP_BANK_TRANSFER, "account": "", "name": ""}
elif not env.get("BANK_TRANSFER_ACCOUNT_NAME"):
    raise ImproperlyConfigured("BANK_TRANSFER_ACCOUNT needs BANK_TRANSFER_ACCOUNT_NAME.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# A monitor on the machine itself may ask over plain HTTP (gunicorn's port).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sign-in throttling counts the client's address: behind the one proxy, the last hop it added
# to X-Forwarded-For (REMOTE_ADDR is the proxy's own, and would lock everyone out at once).
AXES_CLIENT_IP_CALLABLE = "marketplace.customer.throttling.client_address_behind_proxy"
# Forms posted from the public address pass the CSRF origin check behind the proxy.
CSRF_TRUSTED_ORIGINS = list(
    dict.fromkeys([*env.CSRF_TRUSTED_ORIGINS, f"https://{urlparse(env.SITE_URL).netloc}"])
)
WAGTAILADMIN_BASE_URL = env.SITE_URL.rstrip("/")

# Static files: WhiteNoise right after SecurityMiddleware; collectstatic writes hashed names and
# .gz/.br copies, and WhiteNoise sends hashed files with a one-year immutable Cache-Control.
MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
# Every request gets an id and one log line with its user and duration.
MIDDLEWARE.insert(0, "marketplace.observability.RequestLogMiddleware")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "marketplace.storage.StaticFilesStorage"},
}

# Media on S3-compatible object storage (django-storages) when MEDIA_S3_BUCKET is set: what lets
# several web nodes share uploads without a shared disk. Objects are private (no ACL sent; the
# bucket's own policy applies) and linked by signed URLs, because the bucket also holds certificate
# scans. Signed for an hour: longer than a cached page lives (marketplace/pagecache, at most
# 600 s). With MEDIA_S3_CUSTOM_DOMAIN (a CDN or a public-read bucket) URLs are plain and cacheable
# by browsers; everything in the bucket is then readable by whoever knows its name.
if env.MEDIA_S3_BUCKET:
    _s3_missing = [
        name
        for name in (
            "MEDIA_S3_ENDPOINT_URL",
            "MEDIA_S3_REGION",
            "MEDIA_S3_ACCESS_KEY_ID",
            "MEDIA_S3_SECRET_ACCESS_KEY",
        )
        if not getattr(env, name)
    ]
    if _s3_missing:
        raise ImproperlyConfigured(
            "MEDIA_S3_BUCKET is set; media on object storage also needs: " + ", ".join(_s3_missing)
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.MEDIA_S3_BUCKET,
            "endpoint_url": env.MEDIA_S3_ENDPOINT_URL,
            "region_name": env.MEDIA_S3_REGION,
            "access_key": env.MEDIA_S3_ACCESS_KEY_ID,
            "secret_key": env.MEDIA_S3_SECRET_ACCESS_KEY,
            "custom_domain": env.MEDIA_S3_CUSTOM_DOMAIN,
            "querystring_auth": not env.MEDIA_S3_CUSTOM_DOMAIN,
            "querystring_expire": 3600,
            "default_acl": None,
            # A second upload under a taken name gets a new name, as on the file system: a
            # replaced photo gets new renditions (catalog/renditions.py) and nothing is overwritten.
            "file_overwrite": False,
            "signature_version": "s3v4",
            "addressing_style": "path",  # what MinIO and most S3-compatible servers expect
        },
    }

# Sessions: in the database, cached in Redis when REDIS_URL is set. Both are shared by every web
# node, so a shopper's basket and sign-in follow them whichever node answers.
if env.REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Tasks: the database queue and its worker (`manage.py db_worker`, deploy/systemd/); a failed
# task stays in the table with its traceback. TASKS_BACKEND=immediate runs them in the request.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
if env.TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif env.TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND={env.TASKS_BACKEND!r}: use database or immediate.")

# Mail: SMTP with user, password and TLS, sent by the worker (marketplace/mail.py). Without
# EMAIL_HOST messages are written to the log instead, and the site says so at start-up.
if env.EMAIL_USE_TLS and env.EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS) or EMAIL_USE_SSL, not both.")
EMAIL_BACKEND = "marketplace.mail.TaskEmailBackend"
if env.EMAIL_HOST:
    OCOP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env.EMAIL_HOST
    EMAIL_PORT = env.EMAIL_PORT
    EMAIL_HOST_USER = env.EMAIL_HOST_USER
    EMAIL_HOST_PASSWORD = env.EMAIL_HOST_PASSWORD
    EMAIL_USE_TLS = env.EMAIL_USE_TLS
    EMAIL_USE_SSL = env.EMAIL_USE_SSL
    EMAIL_TIMEOUT = 30
else:
    OCOP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
ADMINS = env.ADMINS
MANAGERS = env.ADMINS
SERVER_EMAIL = env.SERVER_EMAIL or env.DEFAULT_FROM_EMAIL

# Logs: JSON lines (or text) on stdout for journald; errors also mailed to ADMINS when set.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_context": {"()": "marketplace.observability.RequestContextFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "json": {"()": "marketplace.observability.JsonFormatter"},
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s user=%(user_id)s] "
            "%(message)s"
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_context"],
            "formatter": "json" if env.LOG_FORMAT == "json" else "text",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
            # Straight to SMTP: an error report must not depend on the task queue being up.
            "email_backend": OCOP_EMAIL_DELIVERY_BACKEND,
        },
    },
    "root": {"handlers": ["stdout"], "level": env.LOG_LEVEL},
    "loggers": {
        # Django's own request errors: to stdout via root, and to ADMINS by mail.
        "django.request": {"handlers": ["mail_admins"], "level": "ERROR"},
        # One line per request is ours (marketplace.request); Django's is a duplicate.
        "django.server": {"level": "WARNING"},
    },
}

if env.SENTRY_DSN:
    import sentry_sdk  # imported here: only sites with SENTRY_DSN send errors to Sentry

    sentry_sdk.init(
        dsn=env.SENTRY_DSN,
        environment=env.SENTRY_ENVIRONMENT,
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
