"""Seasons and pre-orders over HTTP: the storefront refuses out-of-season stock, a shopper
pre-orders with cash on delivery inside Oscar's basket and checkout, the order shows its
deliveries, the harvest serves pre-orders in the order of placing, the producer sets windows,
opens pre-orders and cancels a line (the shopper is emailed in their language), and the
harvest calendar and its .ics feed."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from catalog.seasons import window_make
from marketplace.checkout import services
from producers.models import Preorder, PreorderCampaign
from producers.services import preorder_campaign_start, product_windows_set, stock_move
from tests.factories import ProducerFactory, UserFactory, listed_product
from tests.functional.test_checkout_flow import add, finish, start

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def _window(first: date, last: date):
    return window_make(start=(first.day, first.month), end=(last.day, last.month))


def seasonal(
    *,
    in_season: bool,
    stock: int = 110,
    preorders: int | None = None,
    producer=None,
    price: str = "150000",
):
    """A listed fresh product whose window holds today (or starts in 40 days), optionally
    taking ``preorders`` units of pre-orders."""
    today = timezone.localdate()
    first, last = (
        (today - timedelta(days=10), today + timedelta(days=30))
        if in_season
        else (today + timedelta(days=40), today + timedelta(days=100))
    )
    product = listed_product(
        5, num_in_stock=stock, price=Decimal(price), **({"producer": producer} if producer else {})
    )
    product_windows_set(product=product, windows=[_window(first, last)])
    if preorders:
        preorder_campaign_start(
            product=product,
            quota=preorders,
            delivery_from=first,
            delivery_until=first + timedelta(days=20),
            today=today,
        )
    return product


def test_out_of_season_fresh_product_cannot_be_added_from_stock(client):
    # given 110 boxes in stock, the season 40 days away, no pre-orders
    product = seasonal(in_season=False)
    # when
    page = client.get(product.get_absolute_url()).content.decode()
    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1}, follow=True
    )
    # then
    assert "Còn 40 ngày" in page and 'data-testid="preorder-button"' not in page
    assert response.context["request"].basket.num_items == 0
    assert "hết mùa vụ" in response.content.decode()


def test_in_season_product_sells_from_stock_as_before(client):
    product = seasonal(in_season=True)
    add(client, product, 2)
    start(client)
    finish(client)
    assert StockRecord.objects.get(product=product).num_allocated == 2
    assert not Preorder.objects.exists()


def test_shopper_pre_orders_with_cash_on_delivery(client):
    # given out of season, pre-orders open for 5 units
    product = seasonal(in_season=False, preorders=5)
    page = client.get(product.get_absolute_url()).content.decode()
    assert 'data-testid="preorder-button"' in page and "Mùa vụ:" in page
    # when
    add(client, product, 2)
    start(client)
    response = finish(client)
    # then: the quota holds the units, the stock does not
    order = Order.objects.get()
    preorder = Preorder.objects.get()
    assert preorder.order_line.order == order and preorder.quantity == 2
    assert preorder.status == Preorder.Status.WAITING and preorder.deposit == 0
    assert PreorderCampaign.objects.get().taken == 2
    assert not StockRecord.objects.get(product=product).num_allocated
    campaign = PreorderCampaign.objects.get()
    label = (
        f"Đặt trước – giao dự kiến {campaign.delivery_from:%d/%m}–{campaign.delivery_until:%d/%m}"
    )
    assert label in response.content.decode()
    confirmation = [m for m in mail.outbox if order.number in m.subject + m.body]
    assert confirmation and label in confirmation[0].body


def test_order_mixing_pre_order_and_stock_lines_shows_two_deliveries(client):
    product = seasonal(in_season=False, preorders=5)
    other = listed_product(5, num_in_stock=5)
    add(client, product, 1)
    add(client, other, 1)
    start(client)
    html = finish(client).content.decode()
    assert "Giao ngay" in html and "Đặt trước – giao dự kiến" in html
    assert StockRecord.objects.get(product=other).num_allocated == 1


def test_pre_order_beyond_the_quota_is_refused(client):
    product = seasonal(in_season=False, preorders=1)
    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2}, follow=True
    )
    assert response.context["request"].basket.num_items == 0
    assert "Chỉ còn nhận đặt trước 1" in response.content.decode()


def test_harvest_serves_pre_orders_in_the_order_of_placing(client):
    # given in season, nothing in the warehouse yet, pre-orders of 3 then 1
    product = seasonal(in_season=True, stock=0, preorders=10)
    for quantity in (3, 1):
        client.cookies.clear()
        add(client, product, quantity)
        start(client)
        finish(client)
    first, second = Preorder.objects.order_by("created_at", "pk")
    # when 2 boxes arrive: the first line (3) does not fit, and the second may not jump it
    stock_move(product=product, place=None, quantity=2, kind="received")
    # then
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("waiting", "waiting")
    # when 2 more arrive: both fit, in order
    stock_move(product=product, place=None, quantity=2, kind="received")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("allocated", "allocated")
    assert StockRecord.objects.get(product=product).num_allocated == 4


@pytest.fixture
def producer_client(client):
    producer = ProducerFactory()
    user = UserFactory()
    producer.partner.users.add(user)
    client.force_login(user)
    client.producer = producer
    return client


def test_producer_sets_windows_and_opens_pre_orders(producer_client):
    # given
    product = listed_product(5, producer=producer_client.producer)
    url = reverse("producer_dashboard:season_product", kwargs={"product_id": product.pk})
    # when
    producer_client.post(url, {"action": "windows", "windows": "25/05 – 25/07\n15/12 – 15/03"})
    product.refresh_from_db()
    today = timezone.localdate()
    response = producer_client.post(
        url,
        {
            "action": "open",
            "quota": "50",
            "delivery_from": f"{today + timedelta(days=5):%d/%m/%Y}",
            "delivery_until": f"{today + timedelta(days=30):%d/%m/%Y}",
            "deposit_kind": "percent",
            "deposit_value": "30",
        },
    )
    # then
    assert product.harvest_windows == [
        {"start": [25, 5], "end": [25, 7]},
        {"start": [15, 12], "end": [15, 3]},
    ]
    assert response.status_code == 302
    campaign = PreorderCampaign.objects.get(product=product)
    assert (campaign.quota, campaign.deposit_kind, campaign.deposit_value) == (50, "percent", 30)


@pytest.mark.parametrize("text", ["31/04 – 01/05", "25/5 to 25/7", "01/01/2027 – 02/02"])
def test_bad_windows_are_a_form_error_and_change_nothing(producer_client, text):
    product = seasonal(in_season=False, producer=producer_client.producer)
    before = product.harvest_windows
    url = reverse("producer_dashboard:season_product", kwargs={"product_id": product.pk})
    response = producer_client.post(url, {"action": "windows", "windows": text})
    product.refresh_from_db()
    assert response.status_code == 400 and "invalid-feedback" in response.content.decode()
    assert product.harvest_windows == before


def test_bad_campaign_is_a_form_error_and_opens_nothing(producer_client):
    product = seasonal(in_season=False, producer=producer_client.producer)
    url = reverse("producer_dashboard:season_product", kwargs={"product_id": product.pk})
    response = producer_client.post(
        url,
        {
            "action": "open",
            "quota": "0",
            "delivery_from": "01/02/2030",
            "delivery_until": "01/01/2030",
            "deposit_kind": "percent",
            "deposit_value": "150",
        },
    )
    assert response.status_code == 400
    assert not PreorderCampaign.objects.exists()


def test_producer_sees_and_cancels_a_pre_order_and_the_shopper_is_told_in_english(
    client, producer_client, django_capture_on_commit_callbacks
):
    # given a shopper who ordered in English
    product = seasonal(in_season=False, preorders=5, producer=producer_client.producer)
    shopper = client.__class__()
    with translation.override("en"):  # reverse() gives the /en/ pages
        add(shopper, product, 2)
        start(shopper)
        finish(shopper)
    preorder = Preorder.objects.get()
    page = producer_client.get(reverse("producer_dashboard:seasons")).content.decode()
    assert preorder.order_line.order.number in page
    mail.outbox.clear()
    # when
    with django_capture_on_commit_callbacks(execute=True):
        producer_client.post(
            reverse("producer_dashboard:preorder_cancel", kwargs={"preorder_id": preorder.pk}),
            {"reason": "Mưa đá làm hỏng vườn"},
        )
    # then
    preorder.refresh_from_db()
    assert preorder.status == "cancelled" and preorder.cancel_reason == "Mưa đá làm hỏng vườn"
    assert PreorderCampaign.objects.get().taken == 0
    order = preorder.order_line.order
    order.refresh_from_db()
    assert order.status == "Đã hủy"
    [message] = mail.outbox
    assert "pre-order" in message.subject and "Mưa đá làm hỏng vườn" in message.body


def test_cancel_without_a_reason_changes_nothing(client, producer_client):
    product = seasonal(in_season=False, preorders=5, producer=producer_client.producer)
    add(client, product, 1)
    start(client)
    finish(client)
    preorder = Preorder.objects.get()
    producer_client.post(
        reverse("producer_dashboard:preorder_cancel", kwargs={"preorder_id": preorder.pk}),
        {"reason": " "},
    )
    preorder.refresh_from_db()
    assert preorder.status == "waiting"


def test_calendar_lists_seasonal_products_with_their_state_and_filters(client):
    # given
    taking = seasonal(in_season=False, preorders=5)
    selling = seasonal(in_season=True)
    listed_product(5)  # sold all year: not on the calendar
    # when
    html = client.get(reverse("seasons:calendar")).content.decode()
    filtered = client.get(reverse("seasons:calendar"), {"huyen": "khong-co"})
    # then
    assert html.count('data-testid="calendar-row"') == 2
    assert taking.get_absolute_url() in html and selling.get_absolute_url() in html
    assert 'data-testid="preorder-open"' in html
    assert filtered.status_code == 200
    assert 'data-testid="calendar-row"' not in filtered.content.decode()


def test_ics_feed_announces_the_next_season(client):
    product = seasonal(in_season=False)
    response = client.get(reverse("seasons:product_ics", kwargs={"product_id": product.pk}))
    body = response.content.decode()
    start_day = timezone.localdate() + timedelta(days=40)
    assert response["Content-Type"].startswith("text/calendar")
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert f"DTSTART;VALUE=DATE:{start_day:%Y%m%d}" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_ics_of_a_product_sold_all_year_is_404(client):
    product = listed_product(5)
    response = client.get(reverse("seasons:product_ics", kwargs={"product_id": product.pk}))
    assert response.status_code == 404


def test_vietqr_transfer_pays_the_pre_order_deposit_now_and_the_rest_on_delivery(
    client, django_capture_on_commit_callbacks
):
    # given pre-orders with a 30% deposit, 2 boxes at 150.000 đ
    product = seasonal(in_season=False)
    today = timezone.localdate()
    preorder_campaign_start(
        product=product,
        quota=5,
        delivery_from=today + timedelta(days=40),
        delivery_until=today + timedelta(days=60),
        deposit_kind="percent",
        deposit_value=30,
        today=today,
    )
    add(client, product, 2)
    start(client)
    # when
    response = finish(client, payment="bank_transfer")
    # then the QR asks for the deposit and the delivery charge, not the boxes' full price
    order = Order.objects.get()
    preorder = Preorder.objects.get()
    assert (preorder.deposit, preorder.deposit_state) == (90000, "awaited")
    due = int(order.total_incl_tax) - 300000 + 90000
    html = response.content.decode()
    assert 'data-testid="deposit-note"' in html
    assert f"{due:,}".replace(",", ".") + "\xa0₫" in html
    # when staff confirm the transfer
    with django_capture_on_commit_callbacks(execute=True):
        assert services.bank_transfer_confirm(order=order)
    # then the deposit is paid and recorded as the payment
    preorder.refresh_from_db()
    assert preorder.deposit_state == "paid"
    assert order.payment_events.get().amount == due


def test_a_basket_with_a_pre_order_is_not_offered_showroom_pickup(client):
    # given last season's boxes at a showroom, and pre-orders open
    from tests.factories import ShowroomFactory

    showroom = ShowroomFactory()
    product = seasonal(in_season=False, preorders=5)
    stock_move(product=product, place=showroom, quantity=5, kind="sent_to_showroom")
    add(client, product, 1)
    start(client)
    # when the shopper asks for pickup anyway
    client.post(reverse("checkout:shipping-method"), {"method_code": f"pickup-{showroom.pk}"})
    response = client.get(reverse("checkout:shipping-method"))
    # then only home delivery is offered
    html = response.content.decode()
    assert 'value="home-delivery"' in html and f'value="pickup-{showroom.pk}"' not in html
