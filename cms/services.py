"""Writes on the website's configuration."""

from __future__ import annotations

from urllib.parse import urlparse

from django.contrib.sites.models import Site as DjangoSite
from django.db import transaction
from wagtail.models import Site


@transaction.atomic
def site_address_set(*, url: str, site_name: str) -> Site:
    """Point the default Wagtail Site (and Django's Site) at the public address ``url``.

    Wagtail builds canonical links, the sitemap and hreflang alternates from the Site's hostname
    and port, and migrations leave it at ``localhost:80``; Oscar's emails use Django's Site domain.
    Idempotent: the deploy steps run it after every migrate.
    """
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise ValueError(f"{url!r} is not an http(s) address")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    if parsed.scheme == "https" and port != 443:
        # Wagtail's Site.root_url says https only for port 443: any other port would be http.
        raise ValueError(f"{url!r}: Wagtail serves https only on port 443")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise LookupError("No default Wagtail Site: run `manage.py migrate` first.")
    site.hostname, site.port, site.site_name = parsed.hostname, port, site_name
    site.save()
    Site.clear_site_root_paths_cache()
    default_port = {"http": 80, "https": 443}[parsed.scheme]
    domain = parsed.hostname if port == default_port else f"{parsed.hostname}:{port}"
    DjangoSite.objects.update_or_create(
        pk=1, defaults={"domain": domain, "name": site_name}
    )
    return site
