"""Production: refuses to start unless the deployment provides what it must.

``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL`` are required; HTTPS is assumed (behind a
proxy that sets ``X-Forwarded-Proto``), so ``manage.py check --deploy`` passes with no warning.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

_missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL") if not env.get(name)]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )
if len(env.SECRET_KEY) < 50 or len(set(env.SECRET_KEY)) < 5:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters with 5 distinct ones.")

DEBUG = False
if env.get_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must not be on in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
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

if env.EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env.EMAIL_HOST
    EMAIL_PORT = env.EMAIL_PORT

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
