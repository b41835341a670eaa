"""What a shopper's page makes the browser download before it can paint (issue 13).

Stylesheets and scripts on the shop's pages come from a short allow-list, so that a template
adding a library (a date picker, select2, a map on the wrong page) is a decision, not an
accident; every script file but one is deferred, so that none holds up the first paint. The
weight on the wire is measured by ``python -m marketplace.pageweight`` (``make bench``), which
times nothing here.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import CategoryFactory, listed_product

pytestmark = pytest.mark.django_db

#: Stylesheets a shop page may link, by static path.
STYLESHEETS = {
    "oscar/css/styles.css",  # Bootstrap 4 and Oscar's storefront: the grid, buttons, forms
    "css/ocop.css",
    "css/ocop-palette.css",
    "search/css/search.css",
    "cms/css/website.css",
    "cms/vendor/leaflet/leaflet.css",  # the home page's map only
}
#: Scripts a shop page may load, by static path.
SCRIPTS = {
    "oscar/js/jquery/jquery.min.js",
    "oscar/js/bootstrap4/bootstrap.bundle.min.js",  # the menu's collapse, dropdowns, alerts
    "oscar/js/oscar/ui.js",  # Oscar's basket and checkout behaviour (oscar.init)
    "js/ocop-csp.js",
    "js/ocop-gallery.js",
    "search/js/suggest.js",
    "search/js/browse.js",
    "cms/vendor/leaflet/leaflet.js",
    "cms/js/map.js",
}
#: Runs in order at the end of <body>: it must catch image load events as they happen, and
#: weighs half a kilobyte.
NOT_DEFERRED = {"js/ocop-csp.js"}


def static_path(url: str) -> str:
    assert url.startswith("/static/"), f"{url} is not one of the site's static files"
    return url.removeprefix("/static/").split("?")[0]


def assets(html: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The page's stylesheet paths, and its external scripts as (path, attributes)."""
    sheets = [
        static_path(href)
        for tag in re.findall(r"<link\b[^>]*>", html)
        if re.search(r'rel="stylesheet"', tag)
        for href in re.findall(r'href="([^"]+)"', tag)
    ]
    scripts = [
        (static_path(src), tag)
        for tag in re.findall(r"<script\b[^>]*>", html)
        for src in re.findall(r'src="([^"]+)"', tag)
    ]
    return sheets, scripts


@pytest.fixture
def pages(home_page):
    product = listed_product(4)
    category = CategoryFactory(name="Thực phẩm")
    get_model("catalogue", "ProductCategory").objects.create(product=product, category=category)
    return {
        "home": "/",
        "catalogue": reverse("catalogue:index"),
        "category": category.get_absolute_url(),
        "product": product.get_absolute_url(),
        "basket": reverse("basket:summary"),
        "search": reverse("search:search") + "?q=vai",
    }


@pytest.mark.parametrize("page", ["home", "catalogue", "category", "product", "basket", "search"])
def test_shop_pages_load_only_allowed_assets_and_defer_their_scripts(client, pages, page):
    # when a shopper opens the page
    response = client.get(pages[page])
    assert response.status_code == 200
    sheets, scripts = assets(response.content.decode())
    # then every stylesheet and script is on the allow-list, none twice
    assert set(sheets) <= STYLESHEETS, set(sheets) - STYLESHEETS
    assert {path for path, _ in scripts} <= SCRIPTS, {path for path, _ in scripts} - SCRIPTS
    assert len(sheets) == len(set(sheets)) and len(scripts) == len({p for p, _ in scripts})
    # and no script file but the tiny CSP helper blocks the parser
    blocking = [path for path, tag in scripts if not re.search(r"\b(defer|async)\b", tag)]
    assert set(blocking) <= NOT_DEFERRED, blocking
    # and jQuery comes before what needs it, all deferred in that order
    order = [path for path, _ in scripts]
    assert order.index("oscar/js/jquery/jquery.min.js") < order.index("oscar/js/oscar/ui.js")


def test_the_onbodyload_script_waits_for_the_deferred_scripts(client, pages):
    # when a page whose template sets Oscar's onbodyload is rendered
    html = client.get(pages["basket"]).content.decode()
    # then the inline script runs at DOMContentLoaded (after deferred jQuery), never at once
    inline = [
        body
        for body in re.findall(r"<script\b[^>]*nonce[^>]*>(.*?)</script>", html, flags=re.S)
        if "oscar.init" in body
    ]
    assert len(inline) == 1
    assert inline[0].strip().startswith('document.addEventListener("DOMContentLoaded"')
