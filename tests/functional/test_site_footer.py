"""The one header and the one footer on every page: cart count, search box outside the menu,
office address with tel: and Zalo links, the policy pages (Wagtail), and the Ministry of Industry
and Trade notification badge shown only when its URL is set."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Site

from cms.models import PolicyPage, WebsiteFooter
from marketplace.demo.trust import demo_trust_load
from tests.factories import listed_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def trust(home_page, vietnamese):
    """The demo's policy pages and footer contact on a fresh home page."""
    cache.clear()  # cached policy links must not outlive a rolled-back test
    demo_trust_load(home=home_page, created=Counter())
    return WebsiteFooter.for_site(Site.objects.get(is_default_site=True))


def test_the_footer_has_the_address_and_tel_and_zalo_links(client, trust):
    # given the demo footer / when a shop page is shown
    html = client.get(reverse("catalogue:index")).content.decode()
    # then
    assert "Số 82 đường Hùng Vương, phường Bắc Giang, tỉnh Bắc Ninh" in html
    assert 'href="tel:02043854300"' in html
    assert 'href="https://zalo.me/0912345300"' in html


@pytest.mark.parametrize("url", ["/", "/cua-hang/catalogue/", "/cua-hang/basket/"])
def test_every_page_has_one_footer_one_main_and_one_menu_button(client, trust, url):
    # given / when
    html = client.get(url).content.decode()
    # then
    assert html.count("<footer") == 1
    assert html.count("<main") == 1
    assert html.count('<button class="navbar-toggler') == 1
    # and the search box sits outside the collapsed menu, always visible
    assert html.index('id="id_q"') < html.index('id="navbarSupportedContent"')


def test_the_policy_pages_are_linked_in_the_footer_and_render(client, trust):
    # given the four demo policies
    pages = list(PolicyPage.objects.live().filter(locale__language_code="vi"))
    assert {p.kind for p in pages} == {"returns", "delivery", "payment", "privacy"}
    # when the footer is shown
    html = client.get("/").content.decode()
    footer = html[html.index('id="site-footer"') :]
    # then each is linked, in the order returns, delivery, payment, privacy, and opens
    positions = [
        footer.index(f'href="{p.url}"')
        for p in sorted(pages, key=lambda p: PolicyPage.Kind.values.index(p.kind))
    ]
    assert positions == sorted(positions)
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200 and page.title in response.content.decode()


def test_the_moit_badge_shows_only_once_its_url_is_set(client, trust):
    # given no notification URL
    assert 'data-testid="footer-moit"' not in client.get("/").content.decode()
    # when staff set it
    trust.moit_notice_url = "http://online.gov.vn/Home/WebDetails/12345"
    trust.save()
    # then the badge links to it
    html = client.get("/").content.decode()
    assert 'data-testid="footer-moit"' in html
    assert 'href="http://online.gov.vn/Home/WebDetails/12345"' in html


def test_the_header_cart_shows_the_item_count(client, trust):
    # given a shopper with three items, and a new visitor
    product = listed_product(5)
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 3})
    # when / then
    html = client.get(reverse("catalogue:index")).content.decode()
    assert 'data-testid="header-cart-count">3<' in html
    client.cookies.clear()
    html = client.get(reverse("catalogue:index")).content.decode()
    assert 'data-testid="header-cart-count">0<' in html


def test_a_cached_page_never_shows_another_visitors_cart(client, trust, settings):
    # given the page cache on, and a shopper with items browsing first
    settings.PAGE_CACHE_ENABLED = True
    product = listed_product(5)
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2})
    client.get(reverse("catalogue:index"))
    # when a visitor without state gets the page twice (stored, then served from the cache)
    from django.test import Client

    visitor = Client()
    visitor.get(reverse("catalogue:index"))
    cached = visitor.get(reverse("catalogue:index"))
    # then it shows an empty cart
    assert cached["X-Page-Cache"] == "hit"
    assert 'data-testid="header-cart-count">0<' in cached.content.decode()
