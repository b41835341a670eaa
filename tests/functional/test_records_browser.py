"""Browser journeys in real Chromium for the programme's records: a QR scan opens the
verification page, which says the certificate is valid and leads to the product; the progress
page draws its charts from the vendored Chart.js. Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

import pytest

from tests.functional.test_browser_journey import watch_failures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]


def test_scanned_qr_url_says_valid_and_leads_to_the_product(
    live_server, phone_page, home_page, screenshot
):
    # given a 5★ product on sale and the URL its QR code holds
    from tests.factories import listed_product

    product = listed_product(5, title="Gà đồi Yên Thế QR")
    certificate = product.certificates.get()
    page = phone_page
    failures = watch_failures(page)
    # when a phone opens the scanned URL
    page.goto(live_server.url + certificate.get_verification_url())
    # then the page says plainly that the certificate is valid
    verdict = page.locator(".records-verdict")
    assert verdict.get_attribute("data-status") == "valid"
    assert "còn hiệu lực" in verdict.inner_text()
    assert certificate.public_code in page.content()
    assert page.locator(".records-qr img").evaluate("img => img.naturalWidth") > 0
    screenshot(page, "records-verify-phone")
    # and its link leads to the product page
    page.click("#verify-product-link")
    page.wait_for_url(f"**{product.get_absolute_url()}")
    assert "Gà đồi Yên Thế QR" in page.locator("h1").inner_text()
    assert failures == []


def test_progress_page_draws_its_charts(live_server, desktop_page, home_page, screenshot):
    # given
    from tests.factories import listed_product

    for stars in (5, 4, 4, 3):
        listed_product(stars)
    page = desktop_page
    failures = watch_failures(page)
    # when
    page.goto(live_server.url + "/chung-nhan/tien-do/")
    # then every canvas holds a drawn Chart.js chart
    page.wait_for_function("() => window.Chart && Object.keys(Chart.instances).length === 4")
    assert page.evaluate("() => Chart.version") == "4.6.1"
    screenshot(page, "records-progress-desktop")
    assert failures == []


def test_registry_is_a_card_list_on_a_phone_and_a_table_on_a_desktop(
    live_server, chromium, home_page, screenshot
):
    # given three certified products
    from tests.factories import listed_product

    products = [listed_product(stars, title=f"Sản phẩm thẻ {stars}") for stars in (5, 4, 3)]
    certificate = products[0].certificates.get()
    widths = {}
    for name, viewport in (
        ("phone", {"width": 390, "height": 844}),
        ("desktop", {"width": 1366, "height": 900}),
    ):
        context = chromium.new_context(viewport=viewport, locale="vi-VN")
        page = context.new_page()
        # when the registry opens at that width
        page.goto(live_server.url + "/chung-nhan/")
        cards = page.locator("[data-testid=registry-cards] > li")
        table = page.locator("table.records-table")
        widths[name] = (
            cards.first.is_visible(),
            table.is_visible(),
            page.evaluate("document.documentElement.scrollWidth"),
        )
        if name == "phone":
            screenshot(page, "records-registry-phone")
            first = cards.filter(has_text="Sản phẩm thẻ 5")
            # then each card says the product, its dates dd/mm/yyyy and its status
            assert first.count() == 1
            text = first.inner_text()
            assert certificate.valid_until.strftime("%d/%m/%Y") in text
            assert certificate.valid_until.isoformat() not in page.content()
            assert "Còn hiệu lực" in text
            box = first.locator(".records-card__status").bounding_box()
            assert box["height"] >= 44
        context.close()
    # then the phone shows cards and no table, the desktop the table and no cards, neither
    # wider than the screen
    assert widths["phone"][:2] == (True, False) and widths["phone"][2] <= 390
    assert widths["desktop"][:2] == (False, True)
