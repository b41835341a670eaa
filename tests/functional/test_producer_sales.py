"""A producer's sales: revenue by month, top products, units per location, against numbers
worked out by hand (two producers, a cancelled order, an unpaid one, a period boundary at
local midnight, a counter sale); the page's tables and charts; the CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.checkout.services import order_cancel
from producers.dashboard.sales import sales_summary
from producers.services import stock_move
from tests.factories import ShowroomFactory, UserFactory, listed_product
from tests.functional.test_producer_orders import place_order, producer_client

Order = get_model("order", "Order")
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")

pytestmark = pytest.mark.django_db


def placed_at(order, *args):
    Order.objects.filter(pk=order.pk).update(date_placed=datetime(*args, tzinfo=HANOI))


@pytest.fixture
def shop():
    """Two producers' sales in 2026, worked out by hand below."""
    lychee = listed_product(5, title="Vải thiều sấy", price=Decimal("90000"))
    producer = lychee.producer
    honey = listed_product(4, title="Mật ong bạc hà", price=Decimal("150000"), producer=producer)
    noodles = listed_product(4, title="Mỳ Chũ", price=Decimal("60000"))
    showroom = ShowroomFactory(name="Điểm bán OCOP Lục Ngạn")
    stock_move(product=lychee, place=showroom, quantity=5, kind="sent_to_showroom")
    # 1. just after local midnight on 1 January: lychee ×2 (180.000) + the other producer's
    placed_at(place_order((lychee, 2), noodles), 2026, 1, 1, 0, 30)
    # 2. March: honey ×1 (150.000)
    placed_at(place_order(honey), 2026, 3, 10, 9, 0)
    # 3. March, picked up at the showroom: lychee ×1 (90.000)
    placed_at(place_order(lychee, method_code=f"pickup-{showroom.pk}"), 2026, 3, 20, 15, 0)
    # 4. March, cancelled: honey ×3 (does not count)
    cancelled = place_order((honey, 3))
    order_cancel(order=cancelled)
    placed_at(cancelled, 2026, 3, 5, 8, 0)
    # 5. waiting for a bank transfer: lychee ×1 (not a sale yet)
    placed_at(place_order(lychee, payment="bank_transfer"), 2026, 4, 2, 8, 0)
    # 6. half an hour before the period: lychee ×1 (outside)
    placed_at(place_order(lychee), 2025, 12, 31, 23, 30)
    # a counter sale of two at the showroom, by its operator
    operator = UserFactory()
    stock_move(product=lychee, place=showroom, quantity=2, kind="sold_at_showroom", by=operator)
    return producer, noodles.producer, showroom


def test_sales_numbers_match_the_hand_computed_ones(shop):
    # given
    producer, other, showroom = shop
    today = timezone.localdate()
    # when
    summary = sales_summary(producer=producer, start=date(2026, 1, 1), end=today)
    # then: orders 1, 2 and 3 only
    assert summary.revenue == 180_000 + 150_000 + 90_000
    assert (summary.units, summary.orders, summary.counter_units) == (4, 3, 2)
    months = {row.key: (row.revenue, row.units) for row in summary.months}
    assert months["2026-01-01"] == (180_000, 2)
    assert months["2026-03-01"] == (240_000, 2)
    assert months["2026-02-01"] == (0, 0) and months["2026-04-01"] == (0, 0)
    assert [(r.label, r.units, r.revenue) for r in summary.products] == [
        ("Vải thiều sấy", 3, 270_000),
        ("Mật ong bạc hà", 1, 150_000),
    ]
    locations = {row.key: (row.units, row.revenue) for row in summary.locations}
    assert locations == {
        "online": (3, 330_000),
        f"pickup-{showroom.pk}": (1, 90_000),
        f"counter-{showroom.pk}": (2, None),
    }
    # and the other producer sees only its noodles
    theirs = sales_summary(producer=other, start=date(2026, 1, 1), end=today)
    assert (theirs.revenue, theirs.units, theirs.counter_units) == (60_000, 1, 0)
    # and a period ending on 31 December holds only the order placed at 23:30 that day
    december = sales_summary(producer=producer, start=date(2025, 12, 1), end=date(2025, 12, 31))
    assert (december.revenue, december.units) == (90_000, 1)


def test_sales_page_shows_tables_charts_data_and_what_revenue_means(shop):
    # given
    producer, _, showroom = shop
    client = producer_client(producer)
    # when
    response = client.get(
        reverse("producer_dashboard:sales"),
        {"tu": "2026-01-01", "den": timezone.localdate().isoformat()},
    )
    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert "420.000\xa0₫" in page and "270.000\xa0₫" in page
    for element in (
        "chart-months",
        "chart-products",
        "chart-locations",
        "table-months",
        "table-products",
        "table-locations",
        "sales-chart-data",
    ):
        assert f'id="{element}"' in page, element
    assert "chart.umd.min.js" in page and "dashboard-sales.js" in page
    assert "đã gồm thuế" in page and "trừ dòng đã hủy" in page
    assert "Bán tại quầy Điểm bán OCOP Lục Ngạn" in page
    assert "Mỳ Chũ" not in page


@pytest.mark.parametrize(
    "query",
    [
        {"tu": "2026-05-01", "den": "2026-01-01"},
        {"tu": "hôm qua", "den": "x"},
        {"tu": "2020-01-01", "den": "2026-01-01"},
    ],
)
def test_a_wrong_period_says_why_and_shows_the_last_twelve_months(shop, query):
    producer, _, _ = shop
    client = producer_client(producer)
    response = client.get(reverse("producer_dashboard:sales"), query)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đang hiện 12 tháng qua" in page or "alert-warning" in page


def test_sales_csv_lists_each_sale_line_without_shopper_details(shop):
    # given
    producer, _, showroom = shop
    client = producer_client(producer)
    # when
    response = client.get(
        reverse("producer_dashboard:sales_csv"),
        {"tu": "2026-01-01", "den": timezone.localdate().isoformat()},
    )
    # then
    body = b"".join(response.streaming_content).decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    header, lines = rows[0], rows[1:]
    assert header[0] == "Ngày" and len(lines) == 4
    assert sorted(int(r[7] or 0) for r in lines) == [0, 90_000, 150_000, 180_000]
    assert [r[5] for r in lines if r[1].startswith("Bán tại quầy")] == ["2"]
    assert "Mỳ Chũ" not in body and "lan@example.vn" not in body and "Nguyễn" not in body


def test_sales_page_queries_do_not_grow_with_the_sales(shop):
    producer, _, _ = shop
    client = producer_client(producer)
    url = reverse("producer_dashboard:sales")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    lychee = producer.products.get(title="Vải thiều sấy")
    for _ in range(3):
        place_order(lychee)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    queries = "\n".join(q["sql"][:150] for q in after.captured_queries)
    assert len(after) == len(before) <= 25, queries
