"""A Content-Security-Policy on every page: the site's own sources, inline scripts only with the
request's nonce, no framing; Stripe's origins on the card page alone."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"


def policy(response) -> dict[str, str]:
    # enforced, not only reported
    assert "Content-Security-Policy-Report-Only" not in response.headers
    header = response.headers.get(HEADER)
    assert header, "no Content-Security-Policy header"
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.parametrize(
    "url",
    [
        "/cua-hang/",
        "/cua-hang/basket/",
        "/cua-hang/accounts/login/",
        "/django-admin/login/",
        "/cua-hang/dashboard/login/",
    ],
)
def test_every_page_has_a_policy_of_own_sources_nonced_scripts_and_no_framing(client, url):
    # when a page of the storefront, an admin or a sign-in is requested
    response = client.get(url, follow=True)
    # then its policy limits sources to the site, needs a nonce for inline scripts, forbids
    # framing, and names no Stripe origin
    found = policy(response)
    assert found["default-src"] == "'self'"
    # (the nonce is named only on pages that use it: the others allow no inline script at all)
    assert re.fullmatch(r"'self'( 'nonce-[A-Za-z0-9+/=_-]+')?", found["script-src"])
    assert found["frame-ancestors"] == "'none'"
    assert "stripe" not in str(found)


def test_wagtail_admin_alone_allows_inline_scripts_and_still_only_own_sources(admin_client):
    # when a page of Wagtail's admin is requested (its date widgets and inline panels write
    # inline scripts that no nonce reaches)
    response = admin_client.get("/admin/")
    # then its scripts may be inline but still come from the site only; no framing, no Stripe
    found = policy(response)
    assert found["script-src"] == "'self' 'unsafe-inline'"
    assert found["default-src"] == "'self'"
    assert found["frame-ancestors"] == "'none'"
    assert "stripe" not in str(found)
    # and the storefront keeps the strict script policy
    assert "unsafe-inline" not in policy(admin_client.get("/cua-hang/"))["script-src"]


def test_only_the_card_page_allows_stripe(client):
    # when the card page is requested
    response = client.get(reverse("checkout:stripe-card"))
    # then its policy adds Stripe's script, frames and API, and still forbids framing
    found = policy(response)
    assert "https://js.stripe.com" in found["script-src"]
    assert "https://api.stripe.com" in found["connect-src"]
    assert found["frame-ancestors"] == "'none'"


def test_inline_scripts_carry_the_nonce_of_the_policy(client, user):
    # given a signed-in producer's packing slip has an inline script; the card page too
    # when the card page template is rendered with a nonce
    from django.template.loader import get_template

    source = get_template("oscar/checkout/stripe_card.html").template.source
    source += get_template("producers/dashboard/packing_slip.html").template.source
    # then no inline script of ours lacks it, and no inline handler remains
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", source)
    assert inline and all("csp_nonce" in attrs for attrs in inline)
    assert "onclick=" not in source


def inline_script_problems(response) -> list[str]:
    """Inline scripts without this response's nonce, and inline event handlers, in a page."""
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", policy(response)["script-src"])
    problems = [
        f"inline script without the nonce: <script{attrs}>"
        for attrs in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
        if "application/json" not in attrs and not (nonce and f'nonce="{nonce.group(1)}"' in attrs)
    ]
    problems += [f"inline handler: {m}" for m in re.findall(r"<[^>]*\son[a-z]+=[^>]*>", html)]
    return problems


def test_storefront_and_oscar_dashboard_pages_have_no_inline_script_the_policy_blocks(
    admin_client,
):
    # given a listed product in a signed-in staff member's basket
    from tests.factories import listed_product

    product = listed_product(4)
    admin_client.post(reverse("basket:add", args=[product.pk]), {"quantity": 1})
    # when the storefront's and Oscar dashboard's pages are rendered
    urls = [
        "/cua-hang/catalogue/",
        product.get_absolute_url(),
        "/cua-hang/basket/",
        "/cua-hang/dashboard/",
        "/cua-hang/dashboard/orders/",
        "/cua-hang/dashboard/catalogue/",
    ]
    # then each inline script carries the nonce of its policy and no inline handler remains
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert inline_script_problems(response) == [], url


def test_the_maps_tile_server_is_an_allowed_image_source(client):
    # given the map partial the home and map pages include (Leaflet loads tiles as images)
    from urllib.parse import urlsplit

    from django.template.loader import render_to_string

    html = render_to_string("cms/partials/map.html", {"map_places": []})
    tiles = re.search(r'data-tiles="([^"]+)"', html).group(1)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(tiles))
    # when any page's policy is read
    allowed = policy(client.get("/cua-hang/basket/"))["img-src"].split()
    # then the tile server is allowed (the map showed no tiles once the policy was enforced)
    assert origin in allowed
