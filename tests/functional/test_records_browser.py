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
