"""The demo shopper of ``load_demo_data``: signs in with the printed password and finds a
delivered order from two producers, a saved address and a wishlist entry."""

from __future__ import annotations

import pytest
from django.urls import reverse

from marketplace.demo import data as demo_data
from marketplace.demo import loader as demo

pytestmark = pytest.mark.django_db


def test_demo_shopper_sees_an_order_an_address_and_a_wish(client, settings, tmp_path):
    # given the demo data, loaded twice (the second run adds nothing of the shopper's)
    settings.MEDIA_ROOT = tmp_path
    demo.demo_data_load(images=False)
    summary = demo.demo_data_load(images=False)
    assert not summary.created
    # when the shopper signs in with the printed login
    assert client.login(username=demo_data.SHOPPER_EMAIL, password=demo_data.SHOPPER_PASSWORD)
    # then
    order_page = client.get(
        reverse("customer:order", kwargs={"order_number": demo_data.SHOPPER_ORDER_NUMBER})
    ).content.decode()
    assert order_page.count('data-testid="producer-group"') == 2
    assert "Đã giao" in order_page
    addresses = client.get(reverse("customer:address-list")).content.decode()
    assert demo_data.SHOPPER_ADDRESS["line1"] in addresses
    wishlist = client.get(reverse("customer:wishlists-list")).context["wishlists"][0]
    assert wishlist.lines.get().product.code == demo_data.SHOPPER_WISHLIST_SKU
    # and, having bought them, the shopper may review the products of that order
    sku = demo_data.SHOPPER_ORDER_LINES[0][0]
    from oscar.core.loading import get_model

    product = get_model("catalogue", "Product").objects.get(code=sku)
    assert 'id="write-review"' in client.get(product.get_absolute_url()).content.decode()
    # and the shopper's review of the other product shows as a buyer's
    reviewed = get_model("catalogue", "Product").objects.get(
        code=demo_data.SHOPPER_ORDER_LINES[1][0]
    )
    page = client.get(reviewed.get_absolute_url()).content.decode()
    assert 'data-testid="verified-buyer"' in page and "Bạn đã đánh giá" in page
