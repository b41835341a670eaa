"""The purchase gate in producers.strategy.OcopStrategy: what Oscar's basket and checkout ask.

Oscar consults the strategy on every add-to-basket form, basket page and checkout step, so a
product the storefront does not list must not be purchasable by any route.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from catalog import services
from producers.strategy import NotOcopListed, OcopStrategy, Selector
from tests.factories import (
    ProductFactory,
    StockRecordFactory,
    certificate_for_stars,
    listed_product,
    product_in_state,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy() -> OcopStrategy:
    return Selector().strategy()


@pytest.mark.parametrize("state", ["1_star", "2_star", "unrated", "expired", "revoked"])
def test_a_product_below_three_stars_cannot_be_bought_though_it_has_stock(strategy, state):
    # given a product with 20 in stock but no current 3★+ rating
    product = product_in_state(state)
    # when the basket asks whether one may be bought
    info = strategy.fetch_for_product(product)
    permitted, message = info.availability.is_purchase_permitted(1)
    # then it is refused, and the customer is told why
    assert info.availability.is_available_to_buy is False
    assert isinstance(info.availability, NotOcopListed)
    assert permitted is False
    assert "OCOP" in message
    assert "3 sao" in message


def test_a_two_star_product_is_refused_with_a_message_about_ocop(strategy):
    product = listed_product(stars=2)
    availability = strategy.fetch_for_product(product).availability
    assert availability.is_available_to_buy is False
    assert availability.is_purchase_permitted(1) == (False, str(NotOcopListed.message))
    assert "OCOP" in str(NotOcopListed.message)


@pytest.mark.parametrize("stars", [3, 4, 5])
def test_a_rated_product_with_stock_can_be_bought(strategy, stars):
    product = listed_product(stars=stars, num_in_stock=20)
    availability = strategy.fetch_for_product(product).availability
    assert availability.is_available_to_buy is True
    assert availability.is_purchase_permitted(1)[0] is True
    assert availability.is_purchase_permitted(20)[0] is True
    permitted, message = availability.is_purchase_permitted(21)
    assert permitted is False
    assert message


def test_a_four_star_product_with_no_stock_left_cannot_be_bought(strategy):
    product = listed_product(stars=4, num_in_stock=0)
    availability = strategy.fetch_for_product(product).availability
    assert availability.is_available_to_buy is False
    assert availability.is_purchase_permitted(1)[0] is False
    assert not isinstance(availability, NotOcopListed)  # refused for stock, not for rating


def test_a_four_star_product_with_no_stockrecord_cannot_be_bought(strategy):
    product = ProductFactory()
    certificate_for_stars(product, 4)
    info = strategy.fetch_for_product(product)
    assert info.stockrecord is None
    assert info.availability.is_available_to_buy is False
    assert info.price.exists is False


def test_a_product_that_loses_its_rating_can_no_longer_be_bought(strategy):
    # given a 4★ product in someone's basket
    product = listed_product(stars=4)
    assert strategy.fetch_for_product(product).availability.is_available_to_buy
    # when its certificate is revoked
    services.certificate_revoke(
        certificate=product.certificates.get(), reason="Không tái đánh giá đúng hạn."
    )
    # then the next look at the basket refuses it
    assert strategy.fetch_for_product(product).availability.is_available_to_buy is False


def test_price_is_the_stockrecord_price_in_whole_dong_with_no_tax(strategy):
    product = listed_product(stars=4, price=Decimal("150000"))
    stockrecord = product.stockrecords.get()
    price = strategy.fetch_for_product(product).price
    assert price.exists
    assert price.currency == "VND"
    assert price.excl_tax == stockrecord.price == Decimal("150000")
    assert price.tax == 0
    assert price.incl_tax == Decimal("150000")


def test_the_strategy_uses_the_producers_own_stockrecord(strategy):
    product = listed_product(stars=5)
    info = strategy.fetch_for_product(product)
    assert info.stockrecord.partner == product.producer.partner


def test_a_second_stockrecord_does_not_bypass_the_gate(strategy):
    product = listed_product(stars=2)
    StockRecordFactory(product=product, num_in_stock=100)
    for stockrecord in product.stockrecords.all():
        info = strategy.fetch_for_product(product, stockrecord=stockrecord)
        assert info.availability.is_available_to_buy is False


def test_variant_of_a_listed_parent_is_purchasable_and_of_an_unlisted_one_is_not():
    # given a 4★ parent product with a variant in stock, and a 2★ parent with one too
    from catalog.selectors import product_is_listed
    from producers.strategy import OcopStrategy
    from tests.factories import (
        ProductFactory,
        StockRecordFactory,
        certificate_for_stars,
    )

    results = {}
    for stars in (4, 2):
        parent = ProductFactory(structure="parent", upc=None)
        certificate_for_stars(parent, stars)
        child = ProductFactory(
            structure="child",
            parent=parent,
            product_class=None,
            producer=parent.producer,
            title=f"Hộp 1 kg ({stars})",
            upc=None,
        )
        StockRecordFactory(product=child)
        results[stars] = child

    # then the gate and the strategy follow the parent's rating
    strategy = OcopStrategy()
    assert product_is_listed(results[4])
    assert strategy.fetch_for_product(results[4]).availability.is_available_to_buy
    assert not product_is_listed(results[2])
    assert not strategy.fetch_for_product(results[2]).availability.is_available_to_buy
