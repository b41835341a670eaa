"""Settings shared by every environment: the wiring of Wagtail, Oscar and our apps.

Values that depend on the machine come from :mod:`marketplace.settings.env`, the one place that
reads the environment.
"""

import os
import tempfile
from datetime import timedelta

from csp.constants import NONCE, NONE, SELF
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's OSCAR_* defaults, overridden below)

from marketplace.order import statuses as order_statuses

from . import env

BASE_DIR = env.BASE_DIR
SECRET_KEY = env.SECRET_KEY
DEBUG = env.DEBUG
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Oscar, with our forks in place of catalogue, partner, search, checkout, shipping, payment,
    # order and customer (labels kept; the commerce forks live in marketplace/).
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "marketplace.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "marketplace.shipping.apps.ShippingConfig",
    "catalog.apps.CatalogueConfig",
    "marketplace.reviews.apps.ReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "producers.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "marketplace.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "marketplace.order.apps.OrderConfig",
    "marketplace.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "marketplace.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "marketplace.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
    # Wagtail: the OCOP Bắc Giang website.
    "cms",
    "marketplace.demo.apps.DemoConfig",
    "marketplace.pagecache.apps.PageCacheConfig",
    "marketplace.operations.apps.OperationsConfig",  # manage.py backup / restore
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",  # Content-Security-Policy (django-csp): {{ request.csp_nonce }} on inline scripts
    "axes",  # sign-in throttling: see marketplace/customer/throttling.py
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (CONTENT_SECURITY_POLICY* below).
    "csp.middleware.CSPMiddleware",
    # Wagtail's admin: inline scripts allowed under /admin/ only (marketplace/csp.py).
    "marketplace.csp.AdminScriptPolicyMiddleware",
    # No policy on a 304: the browser keeps the one that matches its stored page's nonces.
    "marketplace.csp.NotModifiedKeepsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # 413 for bodies over MAX_REQUEST_BYTES, 400 for control characters in input (NUL bytes
    # made PostgreSQL raise DataError: a 500), before CSRF or any view parses the request.
    "marketplace.security.RequestGuardMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # 304 for a browser revalidating a page it has (the page cache's ETag/Last-Modified, else a
    # digest of the body): before the page cache, so that it sees the cache's headers.
    "django.middleware.http.ConditionalGetMiddleware",
    # Whole pages for visitors who are not signed in (marketplace/pagecache): before the basket.
    "marketplace.pagecache.middleware.PageCacheMiddleware",
    # Producer users and showroom operators are signed out after PRODUCER_SESSION_IDLE_MINUTES.
    "producers.dashboard.accounts.ProducerIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Oscar's, plus: a basket left frozen by a crashed submit (no order) is reopened.
    "marketplace.checkout.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Password-reset and invitation forms: a rate limit per account and address (429).
    "marketplace.throttle.FormThrottleMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page (429).
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy, enforced: everything from the site itself; inline scripts only with
# the request's nonce (Oscar's base.html is ours, with the nonce; its inline handlers moved to
# static/js/ocop-csp.js); no framing by anyone. Stripe's origins are added on the card page
# alone (marketplace.checkout.views.StripeCardView). Under /admin/ (Wagtail), script-src also
# allows inline scripts: see marketplace/csp.py. Styles allow 'unsafe-inline': our templates,
# Oscar's and Wagtail's admin set style attributes (progress bars, chart heights, the editor).
# OCOP_CSP_REPORT_ONLY = True (with the policy moved to CONTENT_SECURITY_POLICY_REPORT_ONLY)
# would only report, e.g. to try a change.
OCOP_CSP_REPORT_ONLY = False
OCOP_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF, "'unsafe-inline'"],
    # The map's tiles (cms/templates/cms/partials/map.html: OpenStreetMap's tile server).
    "img-src": [SELF, "data:", "blob:", "https://tile.openstreetmap.org"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": OCOP_CSP_DIRECTIVES}
# Wagtail's admin would load avatars from gravatar.com and fetch releases.wagtail.org for its
# update notice: both other origins, which the policy blocks (and which tell them who is working).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
#: Stripe's origins, for the card page only (Stripe.js, its iframes, its API).
OCOP_CSP_STRIPE = {
    "script-src": ["https://js.stripe.com"],
    "frame-src": ["https://js.stripe.com", "https://hooks.stripe.com"],
    "connect-src": ["https://api.stripe.com"],
}

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our templates first so they override Oscar's; APP_DIRS keeps Django's cached loader.
        "DIRS": [BASE_DIR / "marketplace" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Widgets render through TEMPLATES, so marketplace/templates can override a widget's template
# (Oscar's image input had inline onload/onerror handlers, which the CSP blocks).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {"default": env.database_from_url(env.DATABASE_URL, sqlite_path=env.SQLITE_PATH)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers carry on while one request writes; a busy timeout waits instead of
    # answering "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

if env.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.REDIS_URL,
            "KEY_PREFIX": "ocop",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole pages (marketplace/pagecache) live where every worker process sees them, so that one
# write invalidates them for all: Redis when configured, else files.
PAGE_CACHE_ENABLED = True
CACHES["pages"] = (
    {**CACHES["default"], "KEY_PREFIX": "ocop-pages"}
    if env.REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.path.join(tempfile.gettempdir(), "ocop-pagecache"),
    }
)
# Shared fragments (product cards, the category menu, the footer: marketplace/pagecache/fragments)
# live in each worker's memory: no round trip per card. Their keys carry the generation read
# from "pages", so a write in any process moves every worker to new keys.
FRAGMENT_CACHE_ENABLED = True
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "ocop-fragments",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

AUTHENTICATION_BACKENDS = [
    # First: refuses any sign-in while the account or the address is locked out.
    "axes.backends.AxesStandaloneBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Producers land on their dashboard, showroom operators at their counter, others on the home page.
LOGIN_REDIRECT_URL = reverse_lazy("producer_dashboard:after_login")
#: A producer's (or showroom operator's) session ends after this many minutes without a request.
PRODUCER_SESSION_IDLE_MINUTES = 30
#: Invitation and password-reset links stop working after three days (Django's default).
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
LOGIN_URL = reverse_lazy("customer:login")  # Oscar's sign-in page, for shoppers and producers

# Sign-in throttling on every form that authenticates (django-axes, database handler so staff
# can unlock in the Django admin or with manage.py axes_reset*): 5 failures for one account, or
# from one address, lock sign-in for 15 minutes; a success resets the account's count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "marketplace.customer.throttling.sign_in_account"
AXES_LOCKOUT_TEMPLATE = "axes_locked_out.html"
AXES_VERBOSE = False

# Languages: Vietnamese is the default and has no URL prefix; English lives under /en/.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
#: Dates written dd/mm/yyyy in both languages (marketplace/formats/).
FORMAT_MODULE_PATH = ["marketplace.formats"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

#: Uploads are images and scans of at most 5 MB; a request body may hold one plus the form.
#: RequestGuardMiddleware refuses larger ones (413) from Content-Length, before reading them.
UPLOAD_MAX_BYTES = 5 * 1024 * 1024
MAX_REQUEST_BYTES = UPLOAD_MAX_BYTES + 1024 * 1024
#: The non-file part of a body (Django's default, written down), and files kept in memory below
#: this size (larger ones stream to a temporary file).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_BYTES
#: Wagtail's library refuses an image of more pixels, counted from its header, before decoding:
#: the same limit as catalog.uploads.MAX_PIXELS (about 120 MB as RGB; Wagtail's default is 128 M).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT
STATICFILES_DIRS = [BASE_DIR / "marketplace" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT
OCOP_BACKUP_DIR = env.BACKUP_DIR

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "OCOP Bắc Giang"
# The admin's sign-in form, with its password label translated (cms/admin_forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_forms.AdminLoginForm"
WAGTAILADMIN_BASE_URL = env.SITE_URL
# The "simple" text search configuration on PostgreSQL: pages are indexed folded (no marks), and
# an English configuration would stem them and drop words such as "the" (Yên Thế → "yen the").
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"

# Oscar's search app is our fork; haystack is imported by Oscar's own modules but never
# installed or used (see ../shared/NOTES.md).
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}

# Product search (search/backends): Elasticsearch when ELASTICSEARCH_URL is set, else the embedded
# database full-text backend. The index is kept in step by signals + a task after each commit.
if env.ELASTICSEARCH_URL:
    SEARCH_BACKEND = {
        "BACKEND": "search.backends.elastic.ElasticsearchBackend",
        "URL": env.ELASTICSEARCH_URL,
        "INDEX": "ocop-products",
        "TIMEOUT": 2,
    }
else:
    SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}
SEARCH_AUTO_INDEX = True

# Oscar
OSCAR_SHOP_NAME = "OCOP Bắc Giang"
OSCAR_SHOP_TAGLINE = _("Sản phẩm OCOP từ 3 sao trở lên")
OSCAR_DEFAULT_CURRENCY = "VND"
OSCAR_HOMEPAGE = reverse_lazy("catalogue:index")
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
OSCAR_FROM_EMAIL = env.DEFAULT_FROM_EMAIL
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4", "country")
OSCAR_GOOGLE_ANALYTICS_ID = None
# Django's slugify drops letters it cannot decompose; đ has no decomposition ("Đồ uống" would
# become "o-uong"), so map it first.
OSCAR_SLUG_MAP = {"đ": "d", "Đ": "d"}

# Checkout (marketplace/checkout, marketplace/payment/methods): statuses, delivery tariff, bank
# transfer.
OSCAR_INITIAL_ORDER_STATUS = order_statuses.PENDING
OSCAR_INITIAL_LINE_STATUS = order_statuses.PENDING
# The vocabulary and its pipelines live in one place (marketplace/order/statuses.py).
OSCAR_ORDER_STATUS_PIPELINE = order_statuses.ORDER_PIPELINE
OSCAR_LINE_STATUS_PIPELINE = order_statuses.LINE_PIPELINE
#: Home delivery in whole đồng: base price per zone for the first kilogram, then per started
#: kilogram; free when the goods total reaches ``free_above``. The shop's province since July
#: 2025 is Bắc Ninh (Bắc Giang merged into it). ``delivery_days``: the usual delivery time per
#: zone (fewest, most days), shown as an estimate at checkout.
OCOP_DELIVERY_TARIFF = {
    "home_province": "Bắc Ninh",
    "base": {"in_province": 20000, "other_provinces": 35000},
    "per_extra_kg": {"in_province": 5000, "other_provinces": 10000},
    "included_grams": 1000,
    "free_above": 500000,
    "default_item_grams": 1000,
    "delivery_days": {"in_province": (1, 2), "other_provinces": (2, 4)},
}
# Card payments through Stripe: on when STRIPE_SECRET_KEY is set.
STRIPE_SECRET_KEY = env.STRIPE_SECRET_KEY
STRIPE_PUBLISHABLE_KEY = env.STRIPE_PUBLISHABLE_KEY
STRIPE_WEBHOOK_SECRET = env.STRIPE_WEBHOOK_SECRET
STRIPE_API_BASE = env.STRIPE_API_BASE
OCOP_BANK_TRANSFER = {
    "bin": env.BANK_TRANSFER_BIN,
    "bank_name": env.BANK_TRANSFER_BANK_NAME,
    "account": env.BANK_TRANSFER_ACCOUNT,
    "name": env.BANK_TRANSFER_ACCOUNT_NAME,
}
#: Orders still unpaid this many hours after they were placed are cancelled (stock released) by
#: ``manage.py expire_unpaid_orders``: bank transfers get two days, card payments two hours.
OCOP_UNPAID_ORDER_HOURS = {"bank_transfer": 48, "card": 2}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# catalog/templatetags/currency_filters.py replaces Oscar's library of the same name on purpose
# (one money helper for every template); the later app wins, which is ours.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]
