"""The demo's traceable batches in real Chromium at a 390 px phone width: the lychee batch's
label QR opens its page, which shows the certificate's state and the growing-area code.

The screenshot goes to ``test-artifacts/batch-page-390.png``.
"""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]


@pytest.fixture
def demo(transactional_db):
    """The whole demo, committed so the live server sees it (flushed after the test)."""
    from django.core.cache import cache

    from marketplace.demo.loader import demo_data_load

    cache.clear()
    demo_data_load(images=False)
    yield
    cache.clear()


def test_demo_lychee_batch_label_opens_its_page_at_phone_width(
    live_server, demo, chromium, screenshot, tmp_path
):
    from producers.models import Batch

    # given the demo: batches of the signature products, lychee with an (invented) area code
    skus = set(Batch.objects.values_list("product__code", flat=True))
    assert {"LN-VT-001", "LN-MC-001", "YT-GD-001"} <= skus
    batch = Batch.objects.get(product__code="LN-VT-001")
    assert batch.growing_area_code == "VN-BGOR-9001" and "demo" in batch.notes
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    # when the label's QR image is fetched and decoded by a real decoder
    png = page.request.get(f"{live_server.url}/lo-hang/{batch.code}/qr.png")
    path = tmp_path / "qr.png"
    path.write_bytes(png.body())
    [url] = [r.text for r in zxingcpp.read_barcodes(Image.open(path))]
    assert url == f"{live_server.url}/lo-hang/{batch.code}/"
    # and the phone opens it
    response = page.goto(url)
    # then the page shows the certificate's state and the code, without sideways scrolling
    assert response.status == 200
    verdict = page.locator("#batch-certificate")
    assert verdict.get_attribute("data-status") in ("valid", "expired", "revoked", "none")
    assert "Chứng nhận OCOP" in verdict.inner_text()
    assert page.locator("#batch-area-code").inner_text() == "VN-BGOR-9001"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "batch-page-390")
    context.close()
