"""A Content-Security-Policy on every page: the site's own sources, inline scripts only with the
request's nonce, no framing; Stripe's origins on the card page alone."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy-Report-Only"


def policy(response) -> dict[str, str]:
    header = response.headers.get(HEADER) or response.headers.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.parametrize(
    "url",
    [
        "/cua-hang/",
        "/cua-hang/basket/",
        "/cua-hang/accounts/login/",
        "/admin/login/",
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
