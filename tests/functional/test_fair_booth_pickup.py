"""A fair booth as a temporary pickup place, over HTTP: the producer offers pickup on its
application, sends stock to the booth from the stock pages, the checkout offers the booth only
on the fair's days and only when it holds every line, an order placed there takes its units
from the booth's ledger, and ``manage.py fair_stock_return`` sends the rest back once."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalog.models import Place
from cms.services import fair_application_review
from producers.models import StockMovement
from producers.selectors import stock_balance
from producers.services import stock_move
from tests.factories import ProducerFactory, listed_product
from tests.fairs import make_fair
from tests.functional.test_checkout_flow import add, finish, start
from tests.functional.test_fair_booths import submit

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vietnamese")]


@pytest.fixture
def producer():
    return ProducerFactory(name="HTX Vải thiều Lục Ngạn")


@pytest.fixture
def lychee(producer):
    return listed_product(
        5, title="Vải thiều sấy", producer=producer, price=Decimal("90000"), num_in_stock=20
    )


def booth(fair, producer, product, *, offers=True, client=None, number="A07"):
    """``producer``'s accepted application at ``fair``; pickup offered through the dashboard
    (signed in as the producer's ``client``) or not at all."""
    application = submit(producer, fair, product)
    fair_application_review(
        application_id=application.pk, decision="accepted", booth_number=number, now=timezone.now()
    )
    if offers:
        response = client.post(
            reverse(
                "producer_dashboard:fair_application_pickup",
                kwargs={"application_id": application.pk},
            ),
            {"offers_pickup": "on"},
        )
        assert response.status_code == 302
    application.refresh_from_db()
    return application


def move_fair(fair, application, *, starts_in, days=3):
    """Move ``fair`` to start ``starts_in`` days from today, and let the daily job copy the new
    dates onto the booth (as it does when an editor moves a fair)."""
    from datetime import timedelta

    start = timezone.localdate() + timedelta(days=starts_in)
    fair.start_date, fair.end_date = start, start + timedelta(days=days - 1)
    fair.applications_close = None
    fair.save_revision().publish()
    call_command("fair_stock_return", stdout=io.StringIO())
    application.pickup_place.refresh_from_db()


def shipping_page(client, product, quantity=1):
    add(client, product, quantity)
    start(client)
    return client.get(reverse("checkout:shipping-method")).content.decode()


def test_producer_offers_pickup_and_sends_stock_to_its_booth_from_the_stock_page(
    signed_in, home_page, producer, lychee
):
    # given an accepted application at a fair a month away
    fair = make_fair(home=home_page)
    # when the producer ticks "offers pickup" and sends 5 units from the stock page
    application = booth(fair, producer, lychee, client=signed_in)
    place = application.pickup_place
    stock_page = signed_in.get(reverse("producer_dashboard:stock")).content.decode()
    sent = signed_in.post(
        reverse("producer_dashboard:stock_transfer"),
        {"product": lychee.pk, "place": place.pk, "quantity": "5"},
    )
    # then the booth is a pickup place on the fair's dates, listed on the stock page
    assert application.offers_pickup
    assert place.kind == Place.Kind.FAIR and place.producer == producer
    assert (place.open_from, place.open_until) == (fair.start_date, fair.end_date)
    assert place.name in stock_page
    assert sent.status_code == 302
    assert stock_balance(product=lychee, place=place) == 5
    assert StockRecord.objects.get(product=lychee).num_in_stock == 15
    page = signed_in.get(
        reverse("producer_dashboard:fair_application", kwargs={"application_id": application.pk})
    ).content.decode()
    assert fair.start_date.strftime("%d/%m/%Y") in page


@pytest.mark.parametrize(
    ("starts_in", "offered"),
    [(1, False), (0, True), (-2, True), (-3, False)],
    ids=["day-before", "first-day", "last-day", "day-after"],
)
def test_checkout_offers_the_booth_only_on_the_fairs_days(
    client, signed_in, home_page, producer, lychee, starts_in, offered
):
    # given a 3-day fair whose booth holds 5 units
    fair = make_fair(home=home_page)
    application = booth(fair, producer, lychee, client=signed_in)
    stock_move(product=lychee, place=application.pickup_place, quantity=5, kind="sent_to_showroom")
    move_fair(fair, application, starts_in=starts_in)
    signed_in.logout()
    # when a shopper reaches the delivery step
    page = shipping_page(client, lychee)
    # then
    code = f'value="pickup-{application.pickup_place.pk}"'
    assert (code in page) is offered
    if offered:
        assert "Nhận tại gian hàng hội chợ: Gian hàng A07" in page


def test_checkout_does_not_offer_a_booth_without_enough_stock_nor_one_without_pickup(
    client, signed_in, home_page, producer, lychee
):
    # given a fair on today: the booth holds 1 unit; another exhibitor offers no pickup
    fair = make_fair(home=home_page)
    application = booth(fair, producer, lychee, client=signed_in)
    stock_move(product=lychee, place=application.pickup_place, quantity=1, kind="sent_to_showroom")
    other = ProducerFactory()
    plain = booth(fair, other, listed_product(5, producer=other), offers=False, number="B01")
    move_fair(fair, application, starts_in=0)
    signed_in.logout()
    # when the shopper wants 2
    page = shipping_page(client, lychee, 2)
    # then neither booth is offered, nor listed as lacking stock
    assert f"pickup-{application.pickup_place.pk}" not in page
    assert "Gian hàng A07" not in page
    assert plain.pickup_place is None


def test_order_with_booth_pickup_takes_its_units_from_the_booth(
    client, signed_in, home_page, producer, lychee
):
    # given a fair on today, the booth holding 5 units
    fair = make_fair(home=home_page)
    application = booth(fair, producer, lychee, client=signed_in)
    place = application.pickup_place
    stock_move(product=lychee, place=place, quantity=5, kind="sent_to_showroom")
    move_fair(fair, application, starts_in=0)
    signed_in.logout()
    online_before = StockRecord.objects.get(product=lychee).num_in_stock
    add(client, lychee, 2)
    start(client)
    # when
    finish(client, method_code=f"pickup-{place.pk}")
    # then
    order = Order.objects.get()
    assert order.shipping_code == f"pickup-{place.pk}" and order.shipping_incl_tax == 0
    assert stock_balance(product=lychee, place=place) == 3
    held = StockMovement.objects.get(place=place, quantity=-2)
    assert held.kind == StockMovement.Kind.SOLD_AT_SHOWROOM and order.number in held.note
    record = StockRecord.objects.get(product=lychee)
    assert record.num_in_stock == online_before and not record.num_allocated


def test_return_command_moves_what_is_left_back_to_the_online_warehouse_exactly_once(
    signed_in, home_page, producer, lychee
):
    # given a booth that kept 4 of the 5 units it received, at a fair that ended yesterday
    fair = make_fair(home=home_page)
    application = booth(fair, producer, lychee, client=signed_in)
    place = application.pickup_place
    signed_in.post(
        reverse("producer_dashboard:stock_transfer"),
        {"product": lychee.pk, "place": place.pk, "quantity": "5"},
    )
    stock_move(product=lychee, place=place, quantity=1, kind="sold_at_showroom")
    move_fair(fair, application, starts_in=-3)  # runs the command once
    # when it runs again
    out = io.StringIO()
    call_command("fair_stock_return", stdout=out)
    # then 4 went back once, and the booth takes no more stock
    assert stock_balance(product=lychee, place=place) == 0
    assert StockRecord.objects.get(product=lychee).num_in_stock == 19
    assert StockMovement.objects.filter(place=place, kind="returned").count() == 1
    assert "0 unit" in out.getvalue()
    signed_in.post(
        reverse("producer_dashboard:stock_transfer"),
        {"product": lychee.pk, "place": place.pk, "quantity": "1"},
    )
    assert stock_balance(product=lychee, place=place) == 0


def test_a_booth_whose_application_is_refused_after_acceptance_stops_taking_pickups(
    signed_in, home_page, producer, lychee
):
    # given an accepted booth offering pickup
    fair = make_fair(home=home_page)
    application = booth(fair, producer, lychee, client=signed_in)
    # when the organiser withdraws the booth
    fair_application_review(
        application_id=application.pk, decision="refused", reason="Thiếu hồ sơ", now=timezone.now()
    )
    # then the booth's pickup is closed
    application.pickup_place.refresh_from_db()
    assert application.pickup_place.open_until is None


def test_pickup_cannot_be_offered_once_the_fair_has_ended(signed_in, home_page, producer, lychee):
    # given an accepted application at a fair that ended yesterday, pickup not offered
    fair = make_fair(home=home_page)
    application = booth(fair, producer, lychee, offers=False)
    from datetime import timedelta

    fair.start_date = timezone.localdate() - timedelta(days=3)
    fair.end_date = timezone.localdate() - timedelta(days=1)
    fair.applications_close = None
    fair.save_revision().publish()
    # when
    response = signed_in.post(
        reverse(
            "producer_dashboard:fair_application_pickup", kwargs={"application_id": application.pk}
        ),
        {"offers_pickup": "on"},
    )
    # then a form error, nothing changed
    assert response.status_code == 400
    assert "Không thể thay đổi việc nhận giữ hàng" in response.content.decode()
    application.refresh_from_db()
    assert not application.offers_pickup and application.pickup_place is None
