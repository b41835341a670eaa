"""``manage.py site_configure``: the Wagtail Site takes SITE_URL's address (the ``localhost:80``
record migrations leave behind would otherwise name page URLs in e-mails); the sitemap is on the
configured address whatever the Site record says."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.contrib.sites.models import Site as DjangoSite
from django.core.management import CommandError, call_command
from wagtail.models import Site

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
pytestmark = pytest.mark.django_db


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_sitemap_uses_the_configured_address_even_before_site_configure(client, settings):
    # given the Site record migrations create (localhost:80; set again here, since a browser
    # test's flush may have left another one) and the public address in the settings
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    Site.clear_site_root_paths_cache()  # Wagtail keeps them in the (Redis) cache across tests
    settings.WAGTAILADMIN_BASE_URL = "https://ocop.bacgiang.gov.vn"
    # when / then every location is on that address, never on the Site's localhost
    assert sitemap_locations(client)
    assert all(url.startswith("https://ocop.bacgiang.gov.vn/") for url in sitemap_locations(client))


def test_site_configure_gives_the_sites_the_public_address():
    # when the deploy step runs with the public address
    call_command("site_configure", url="https://ocop.bacgiang.gov.vn")

    # then Wagtail's Site (page URLs in e-mails and previews) and Django's Site (Oscar's emails)
    # carry that address
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("ocop.bacgiang.gov.vn", 443)
    assert DjangoSite.objects.get(pk=1).domain == "ocop.bacgiang.gov.vn"


def test_site_configure_keeps_an_unusual_http_port():
    call_command("site_configure", url="http://ocop.example.vn:8080/")
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://ocop.example.vn:8080"
    assert DjangoSite.objects.get(pk=1).domain == "ocop.example.vn:8080"


def test_site_configure_refuses_https_on_a_port_wagtail_would_call_http():
    # Wagtail's Site.root_url writes https only for port 443
    with pytest.raises(CommandError, match="only on port 443"):
        call_command("site_configure", url="https://ocop.example.vn:8443/")


def test_site_configure_refuses_an_address_without_a_host():
    with pytest.raises(CommandError, match="not an http"):
        call_command("site_configure", url="ocop.example.vn")
