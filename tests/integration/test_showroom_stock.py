"""The showroom stock ledger: balances are sums, never negative, and only rated products show."""

from __future__ import annotations

import pytest
from django.urls import reverse

from catalog.models import Place
from producers import selectors
from producers.models import StockMovement
from producers.selectors import stock_balance
from producers.services import StockError, stock_move
from tests.factories import CommuneFactory, product_in_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def showroom():
    commune = CommuneFactory()
    return Place.objects.create(
        kind=Place.Kind.SHOWROOM,
        name="Điểm OCOP Lục Ngạn",
        slug="diem-ocop-luc-ngan",
        district=commune.district,
        commune=commune,
    )


def test_balance_is_the_sum_of_the_ledger(showroom):
    product = product_in_state("4_star")

    stock_move(product=product, place=showroom, quantity=10, kind="sent_to_showroom")
    stock_move(product=product, place=showroom, quantity=3, kind="sold_at_showroom")
    stock_move(product=product, place=showroom, quantity=-2, kind="correction")

    assert stock_balance(product=product, place=showroom) == 5
    ledger = StockMovement.objects.filter(product=product).order_by("pk")
    assert list(ledger.values_list("quantity", flat=True)) == [10, -3, -2]


@pytest.mark.parametrize(
    ("quantity", "kind", "message"),
    [
        (5, "sold_at_showroom", "chỉ còn 2"),
        (0, "sent_to_showroom", "khác 0"),
        ("abc", "sent_to_showroom", "số nguyên"),
        (-4, "spoiled", "dương"),
        (1, "stolen", "không hợp lệ"),
    ],
)
def test_bad_movements_are_refused_and_leave_the_ledger_alone(showroom, quantity, kind, message):
    product = product_in_state("4_star")
    stock_move(product=product, place=showroom, quantity=2, kind="sent_to_showroom")

    with pytest.raises(StockError, match=message):
        stock_move(product=product, place=showroom, quantity=quantity, kind=kind)

    assert StockMovement.objects.filter(product=product).count() == 1
    assert stock_balance(product=product, place=showroom) == 2


def test_showroom_lists_only_rated_products_it_holds(showroom):
    held = product_in_state("5_star")
    sold_out = product_in_state("4_star")
    lost_rating = product_in_state("revoked")
    for product in (held, sold_out, lost_rating):
        StockMovement.objects.create(
            product=product, place=showroom, quantity=4, kind="sent_to_showroom"
        )
    stock_move(product=sold_out, place=showroom, quantity=4, kind="sold_at_showroom")

    listed = list(selectors.place_products_in_stock(place=showroom))

    assert listed == [held]
    assert listed[0].showroom_stock == 4


def test_product_page_says_where_to_buy_in_person(client, showroom):
    product = product_in_state("5_star")
    stock_move(product=product, place=showroom, quantity=7, kind="sent_to_showroom")

    html = client.get(product.get_absolute_url()).content.decode()

    assert "Điểm OCOP Lục Ngạn" in html
    assert "còn 7" in html
    assert client.get(reverse("catalogue:index")).status_code == 200
