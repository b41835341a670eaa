"""Vietnamese by default, English under /en/, a switcher on every page; Redis cache when asked."""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from tests.factories import product_in_state

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/cua-hang/catalogue/",
        "/cua-hang/basket/",
        "/cua-hang/search/?q=mi",
        "/cua-hang/nha-san-xuat/",
    ],
)
def test_every_storefront_page_has_a_language_switcher_and_hreflang(client, path):
    html = client.get(path).content.decode()
    assert '<html lang="vi"' in html
    assert 'hreflang="en"' in html
    assert 'href="/en' + path.split("?")[0] in html


def test_english_pages_live_under_en_prefix(client):
    product = product_in_state("4_star")
    with translation.override("vi"):
        vietnamese = product.get_absolute_url()
    response = client.get("/en" + vietnamese)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert f'href="{vietnamese}"' in html  # the switcher back to Vietnamese
    # and the alternates name both pages absolutely, on the configured address
    base = settings.WAGTAILADMIN_BASE_URL
    assert f'<link rel="alternate" hreflang="en" href="{base}/en{vietnamese}">' in html


def test_oscar_root_redirects_to_the_storefront(client):
    response = client.get("/cua-hang/")
    assert response.status_code == 302
    assert response["Location"] == reverse("catalogue:index")


def test_admins_have_their_own_paths(client):
    assert client.get("/admin/").status_code == 302  # Wagtail admin asks for a login
    assert client.get("/cua-hang/dashboard/").status_code == 302  # Oscar dashboard too
    assert client.get("/django-admin/").status_code == 302


def test_shopper_cannot_enter_admins(client, user):
    client.force_login(user)
    assert client.get("/admin/").status_code in (302, 403)
    response = client.get("/cua-hang/dashboard/")
    assert response.status_code in (302, 403)


def test_healthz_answers(client):
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="REDIS_URL not set: the in-process cache is used"
)
def test_redis_cache_round_trip_when_configured():
    cache = caches["default"]
    assert "RedisCache" in type(cache).__name__
    cache.set("ocop-test-key", {"sao": 5}, 10)
    assert cache.get("ocop-test-key") == {"sao": 5}
    cache.delete("ocop-test-key")


def test_producer_user_has_no_staff_dashboard(client):
    from tests.factories import ProducerFactory, UserFactory

    producer_user = UserFactory()
    ProducerFactory().partner.users.add(producer_user)
    client.force_login(producer_user)

    response = client.get("/cua-hang/dashboard/")

    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_forbidden_page_is_the_sites_own(client, user, settings):
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory
    from django.views.defaults import permission_denied

    request = RequestFactory().get("/cua-hang/dashboard/")
    request.user = user
    from oscar.apps.basket.middleware import BasketMiddleware

    BasketMiddleware(lambda r: None)(request)
    response = permission_denied(request, PermissionDenied())

    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()
