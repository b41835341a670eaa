"""The storefront under the Vietnamese locale shows the project's Vietnamese, never a phrase of
Oscar's English (nor its literal Vietnamese) that the project's catalogue translates
(``locale/vi/LC_MESSAGES/django.po``)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import product_in_state

pytestmark = pytest.mark.django_db

#: Phrases of Oscar's catalogue that must not reach a Vietnamese shopper: English, and the
#: literal translations of Oscar's own Vietnamese catalogue.
FORBIDDEN = (
    "Your basket total is now", "Items to buy now", "before checking out", "(reference:",
    "Proceed to checkout", "Continue shopping", "Những vật phẩm để mua bây giờ",
    "trước khi thoát", "Tổng số giỏ hàng", "(tài liệu:", "số thứ tự của bạn là",
)


def test_basket_after_adding_a_product_reads_as_vietnamese(client):
    # given a listed product
    product = product_in_state("5_star", title="Gà đồi Yên Thế")
    # when the shopper adds it and opens the basket
    added = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1},
                        follow=True, HTTP_ACCEPT_LANGUAGE="vi")
    basket = client.get(reverse("basket:summary"), HTTP_ACCEPT_LANGUAGE="vi")
    # then no English or literal phrase of Oscar's catalogue shows
    for html in (added.content.decode(), basket.content.decode()):
        found = [phrase for phrase in FORBIDDEN if phrase in html]
        assert not found, found
    assert "Tổng tiền giỏ hàng hiện là" in added.content.decode()
