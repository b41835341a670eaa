"""Browser journey through the website in real Chromium, on the full demo content:
home → a fair → a featured product → its showroom page → the map, at desktop and phone widths.

Screenshots go to ``test-artifacts/`` (kept by CI). Map tiles come from a tile server the test
machine cannot reach: the journey checks the markers and the text list, never the tiles.
"""

from __future__ import annotations

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]


@pytest.fixture
def demo_website(transactional_db):
    """The whole demo, committed so the live server sees it (flushed after the test)."""
    from django.core.cache import cache

    from marketplace.demo.loader import demo_data_load

    cache.clear()
    demo_data_load(images=False)
    yield
    cache.clear()


def watch_failures(page, live_url: str) -> list[str]:
    """Responses of 400 and above from our own server, and uncaught JavaScript errors."""
    failures: list[str] = []

    def on_response(response):
        if (
            response.status >= 400
            and response.url.startswith(live_url)
            and not response.url.endswith("/favicon.ico")
        ):
            failures.append(f"HTTP {response.status} {response.url}")

    page.on("response", on_response)
    page.on("pageerror", lambda error: failures.append(f"JavaScript error: {error}"))
    return failures


def block_tiles(page) -> None:
    """Answer tile requests with nothing at once (the public internet is not reachable)."""
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())


def test_home_fair_product_showroom_map(live_server, demo_website, desktop_page, screenshot):
    from cms.models import FairPage

    page = desktop_page
    block_tiles(page)
    failures = watch_failures(page, live_server.url)

    # Home: featured products, upcoming fairs, the map.
    page.goto(live_server.url + "/")
    assert page.locator("#home-fairs").is_visible()
    assert page.locator("article.ocop-card").count() >= 4
    screenshot(page, "website-01-home")

    # A fair that is on now, with its products.
    fair = (
        FairPage.objects.live()
        .filter(locale__language_code="vi", slug="tuan-le-ocop-bac-giang")
        .get()
    )
    page.locator("#home-fairs a", has_text=fair.title).click()
    page.wait_for_url(f"**{fair.url}")
    assert page.locator("#fair-status").inner_text().strip() == "Đang diễn ra"
    assert page.locator("#fair-ics").get_attribute("href").endswith("/lich/")
    screenshot(page, "website-02-fair")

    # A featured product of the fair; its page says which showrooms hold it.
    card = page.locator("#fair-products article.ocop-card").first
    product_title = card.locator("h3").inner_text().strip()
    card.locator("h3 a").click()
    page.wait_for_url("**/cua-hang/catalogue/**")
    assert product_title in page.locator("h1").first.inner_text()
    showroom_link = page.locator(".ocop-showrooms a").first
    showroom_name = showroom_link.inner_text().strip()
    screenshot(page, "website-03-product")

    # Its showroom page lists it among the products on sale there.
    showroom_link.click()
    page.wait_for_url("**/diem-ban/**")
    assert page.locator("#place-facts").is_visible()
    assert page.locator("#showroom-products article.ocop-card", has_text=product_title).count() == 1
    screenshot(page, "website-04-showroom")
    assert showroom_name

    # The map: Leaflet from our static files, nine markers, the places as text too.
    page.locator("nav a.nav-link", has_text="Bản đồ").first.click()
    page.wait_for_url("**/ban-do/")
    page.wait_for_selector("#ocop-map.cms-map--ready")
    markers = page.locator(".leaflet-marker-icon, path.leaflet-interactive")
    assert markers.count() == 9
    assert page.locator("#place-list li").count() == 9
    page.locator(".leaflet-marker-icon").first.click()
    assert page.locator(".leaflet-popup-content a").first.is_visible()
    screenshot(page, "website-05-map")

    assert failures == []


def test_website_at_phone_width(live_server, demo_website, phone_page, screenshot):
    page = phone_page
    block_tiles(page)
    failures = watch_failures(page, live_server.url)

    for path, name in (
        ("/", "home"),
        ("/hoi-cho/", "fairs"),
        ("/ban-do/", "map"),
        ("/en/villages/lang-khe-ro/", "village-en"),
    ):
        # when a page is opened on a 360 px phone
        page.goto(live_server.url + path)
        # then nothing is wider than the screen
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (path, width)
        screenshot(page, f"website-phone-{name}")

    assert failures == []
