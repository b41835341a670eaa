"""Browser journey in real Chromium at 390 px: a shopper narrows the search to products with a
geographical indication and reads the credential on the product page."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows", "vietnamese"),
]


@pytest.fixture
def catalogue(home_page, settings):
    """The lychee with its GI, barcode and VietGAP, and the noodles with a collective
    trademark, indexed by the embedded backend."""
    from datetime import timedelta

    from django.utils import timezone

    from catalog import services
    from search.indexing import search_index_rebuild
    from tests.factories import searchable_product

    settings.SEARCH_BACKEND = {"BACKEND": "search.backends.embedded.EmbeddedBackend"}
    today = timezone.localdate()
    lychee = searchable_product(
        "Vải thiều Lục Ngạn", stars=5, district="Lục Ngạn", price=Decimal("90000")
    )
    noodles = searchable_product(
        "Mỳ Chũ Nam Dương", stars=4, district="Lục Ngạn", price=Decimal("150000")
    )
    services.credential_record(
        product=lychee,
        kind="gi",
        number="CDĐL-00073",
        issuer="Cục Sở hữu trí tuệ",
        issued_on=today - timedelta(900),
    )
    services.credential_record(product=lychee, kind="barcode", number="8930000000019")
    services.credential_record(
        product=lychee,
        kind="vietgap",
        number="VG-0112",
        issuer="Trung tâm chứng nhận",
        issued_on=today - timedelta(200),
        valid_until=today + timedelta(500),
    )
    services.credential_record(
        product=noodles, kind="collective_tm", number="4-0201", issuer="Cục Sở hữu trí tuệ"
    )
    search_index_rebuild()
    return {"lychee": lychee, "noodles": noodles}


def test_shopper_filters_by_geographical_indication_and_reads_it_on_the_product_page(
    live_server, chromium, catalogue, screenshot
):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        # given the search results for Lục Ngạn on a phone, both products with their badges
        page.goto(f"{live_server.url}/cua-hang/search/?q=luc+ngan")
        assert page.locator(".ocop-credential[data-credential='gi']").count() == 1
        # when the shopper opens the filters and picks "Chỉ dẫn địa lý"
        page.locator(".ocop-filters summary").first.click()
        choice = page.locator("a[data-facet='credential'][data-value='gi']").first
        assert "Chỉ dẫn địa lý" in choice.inner_text()
        screenshot(page, "credentials-filters-phone")
        choice.click()
        page.wait_for_url("**credential=gi**")
        # then only the lychee is left
        titles = page.locator(".ocop-card__title").all_inner_texts()
        assert titles == ["Vải thiều Lục Ngạn"]
        screenshot(page, "credentials-search-phone")
        # when they open it
        page.locator(".ocop-card__title a").first.click()
        page.wait_for_url(f"**{catalogue['lychee'].get_absolute_url()}")
        # then the page lists the GI, the Vietnamese barcode and VietGAP with their details
        section = page.locator(".ocop-credential-list")
        text = section.inner_text()
        assert "Chỉ dẫn địa lý" in text and "CDĐL-00073" in text
        assert "8930000000019" in text and "GS1 Việt Nam" in text
        assert "VietGAP" in text
        section.scroll_into_view_if_needed()
        screenshot(page, "credentials-product-phone")
    finally:
        context.close()
