"""The demo's seasons on the day the tests run (the demo computes them from today): a product in
season, one out of season taking pre-orders and one out of season without, and the fresh lychee
either in season or refused from stock with its next season and a pre-order button."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import seasons
from catalog.seasons import SaleMode
from marketplace.demo import seasons as demo_seasons
from producers.selectors import product_sale

Product = get_model("catalogue", "Product")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("website")]


def test_demo_shows_all_three_season_states_today():
    # given the demo loaded today; when
    modes = {
        product.code: product_sale(product).mode
        for product in Product.objects.filter(code__in=demo_seasons.WINDOWS)
    }
    # then
    assert set(modes) == set(demo_seasons.WINDOWS)
    assert {SaleMode.STOCK, SaleMode.PREORDER, SaleMode.CLOSED} <= set(modes.values()), modes


def test_demo_fresh_lychee_out_of_season_is_pre_ordered_not_sold_from_stock(client):
    lychee = Product.objects.get(code="LN-VT-001")
    if seasons.in_season(demo_seasons.demo_windows("LN-VT-001"), today=timezone.localdate()):
        pytest.skip("the lychee is in season today: sold from stock, as it should be")
    # when
    html = client.get(lychee.get_absolute_url()).content.decode()
    # then: the next season, a pre-order button, and ordering it reserves quota, not stock
    assert "Mùa vụ: 25/5 – 25/7 · Còn" in html
    assert 'data-testid="preorder-button"' in html
    record = lychee.stockrecords.get()
    allocated = record.num_allocated or 0
    client.post(reverse("basket:add", kwargs={"pk": lychee.pk}), {"quantity": 1})
    line = client.get(reverse("basket:summary")).context["basket"].all_lines()[0]
    assert line.purchase_info.availability.code == "preorder"
    record.refresh_from_db()
    assert (record.num_allocated or 0) == allocated


def test_demo_calendar_lists_the_seasonal_products(client):
    html = client.get(reverse("seasons:calendar")).content.decode()
    assert html.count('data-testid="calendar-row"') >= 6
