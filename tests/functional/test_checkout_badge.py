"""A guest checkout through Oscar's flow: badges on the confirmation, whole-đồng totals."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import product_in_state

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


def _guest_checkout(client, product, quantity=1):
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})
    response = client.post(
        reverse("checkout:index"),
        {"username": "khach@example.vn", "options": "anonymous"},
        follow=True,
    )
    assert response.status_code == 200
    response = client.post(
        reverse("checkout:shipping-address"),
        {
            "full_name": "Nguyễn Lan",
            "line1": "12 Lê Lợi",
            "line4": "Lục Ngạn",
            "state": "Bắc Ninh",
            "postcode": "",
            "country": "VN",
            "phone_number": "+84912345678",
        },
        follow=True,
    )
    assert response.status_code == 200
    # Our checkout always asks how to receive the goods and how to pay (cash on delivery).
    client.post(reverse("checkout:shipping-method"), {"method_code": "home-delivery"})
    client.post(reverse("checkout:payment-method"), {"method": "cod"})
    response = client.get(reverse("checkout:preview"))
    assert response.status_code == 200, response.status_code
    preview = response.content.decode()
    response = client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)
    return preview, response


def test_guest_order_confirmation_shows_badges_and_whole_dong(client):
    product = product_in_state("5_star", title="Gạo bao thai Yên Thế", price=75000)

    preview, response = _guest_checkout(client, product, quantity=2)

    assert response.status_code == 200
    order = Order.objects.get()
    # 150.000 ₫ of goods + 25.000 ₫ home delivery in the province (2 kg: 20.000 + 5.000).
    assert order.total_incl_tax == 175000
    html = response.content.decode()
    assert order.number in html
    assert 'aria-label="5 sao OCOP"' in html
    for page in (preview, html):
        assert "150.000\xa0₫" in page
        assert not re.search(r"\d[.,]\d{3}[.,]00\b", page), "no decimals on amounts"
    assert mail.outbox, "an order confirmation email is sent"
    body = mail.outbox[-1].body
    assert "150.000" in body and ",00" not in body and ".00 " not in body


def test_order_is_refused_when_product_lost_its_rating_before_placing(client):
    product = product_in_state("4_star")
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    from catalog import services

    services.certificate_revoke(certificate=product.certificates.get(), reason="Hết hạn kiểm tra")

    response = client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)

    assert response.status_code == 200
    assert not Order.objects.exists()
