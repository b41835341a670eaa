"""The showroom counter: an operator records counter sales of what their showroom holds, as
ledger movements by them; other showrooms are a 404; more than held, a product not held there
or a quantity that is not a whole number is refused with a message and changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from producers.models import ShowroomOperator, StockMovement
from producers.selectors import stock_balance
from producers.services import stock_move
from tests.factories import ShowroomFactory, UserFactory, listed_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def counter():
    """An operator at a showroom holding 4 lychee and 2 noodles (from two producers)."""
    showroom = ShowroomFactory(name="Điểm bán OCOP Lục Ngạn")
    lychee = listed_product(5, title="Vải thiều sấy")
    noodles = listed_product(4, title="Mỳ Chũ")
    stock_move(product=lychee, place=showroom, quantity=4, kind="sent_to_showroom")
    stock_move(product=noodles, place=showroom, quantity=2, kind="sent_to_showroom")
    operator = UserFactory()
    ShowroomOperator.objects.create(user=operator, place=showroom)
    client = Client()
    client.force_login(operator)
    url = reverse("producer_dashboard:counter", kwargs={"place_id": showroom.pk})
    return client, operator, showroom, lychee, noodles, url


def test_operator_sees_the_stock_and_records_a_counter_sale(counter):
    # given
    client, operator, showroom, lychee, noodles, url = counter
    page = client.get(url).content.decode()
    assert "Vải thiều sấy" in page and "Mỳ Chũ" in page
    # when
    response = client.post(url, {"product": lychee.pk, "quantity": "3", "note": ""})
    # then
    assert response.status_code == 302
    movement = StockMovement.objects.filter(product=lychee, place=showroom).first()
    assert movement.kind == "sold_at_showroom" and movement.quantity == -3
    assert movement.created_by == operator
    assert stock_balance(product=lychee, place=showroom) == 1
    # the index goes straight to the only counter
    assert client.get(reverse("producer_dashboard:counters"))["Location"] == url


def test_selling_more_than_held_is_refused_with_the_balance(counter):
    client, operator, showroom, lychee, noodles, url = counter
    movements = StockMovement.objects.count()
    response = client.post(url, {"product": noodles.pk, "quantity": "3"})
    assert response.status_code == 400
    assert "chỉ còn 2" in response.content.decode()
    assert StockMovement.objects.count() == movements
    assert stock_balance(product=noodles, place=showroom) == 2


@pytest.mark.parametrize("quantity", ["abc", "-1", "0", "1.5", ""])
def test_a_quantity_that_is_not_a_positive_whole_number_is_refused(counter, quantity):
    client, operator, showroom, lychee, noodles, url = counter
    movements = StockMovement.objects.count()
    response = client.post(url, {"product": lychee.pk, "quantity": quantity})
    assert response.status_code == 400
    assert StockMovement.objects.count() == movements


def test_a_product_the_showroom_does_not_hold_is_refused(counter):
    client, operator, showroom, lychee, noodles, url = counter
    elsewhere = listed_product(3)
    response = client.post(url, {"product": elsewhere.pk, "quantity": "1"})
    assert response.status_code == 400
    assert "Điểm bán không có sản phẩm này" in response.content.decode()
    assert not StockMovement.objects.filter(product=elsewhere).exists()


def test_another_showroom_is_a_404_and_nothing_changes(counter):
    client, operator, showroom, lychee, noodles, url = counter
    other = ShowroomFactory()
    stock_move(product=lychee, place=other, quantity=5, kind="sent_to_showroom")
    other_url = reverse("producer_dashboard:counter", kwargs={"place_id": other.pk})
    assert client.get(other_url).status_code == 404
    assert client.post(other_url, {"product": lychee.pk, "quantity": "1"}).status_code == 404
    assert stock_balance(product=lychee, place=other) == 5


def test_people_without_a_counter_are_kept_out(counter, user):
    _, _, showroom, lychee, _, url = counter
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    shopper = Client()
    shopper.force_login(user)
    assert shopper.get(url).status_code == 404
    assert shopper.get(reverse("producer_dashboard:counters")).status_code == 403
    # a producer user is not an operator either
    member = UserFactory()
    lychee.producer.partner.users.add(member)
    producer = Client()
    producer.force_login(member)
    assert producer.post(url, {"product": lychee.pk, "quantity": "1"}).status_code == 404
    assert stock_balance(product=lychee, place=showroom) == 4
