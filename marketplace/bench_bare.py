"""The bare Django view that ``make bench`` measures every page against.

A whole Django project in one module: ``startproject``'s default middleware and apps, no
database, one view answering a short HTML page. Served by the same server (gunicorn, same
worker count) in the same run as the project, it is the ceiling a page's requests per second
are divided by, so that ratios stay comparable on a shared, noisy machine.

    gunicorn -w 2 marketplace.bench_bare:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path


def bare(request):
    """A constant page: no template, no database."""
    return HttpResponse("<!doctype html><title>bare</title><p>Hello.</p>")


settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-view-only-" + "x" * 40,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    DATABASES={},
    INSTALLED_APPS=[
        "django.contrib.admin",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
        "django.contrib.staticfiles",
    ],
    # django-admin startproject's MIDDLEWARE, unchanged.
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": True,
            "OPTIONS": {"context_processors": []},
        }
    ],
)
urlpatterns = [path("", bare)]
application = get_wsgi_application()
