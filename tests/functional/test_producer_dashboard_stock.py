"""Stock pages: every location with its balance and ledger, movement forms with clear errors,
sending to a new showroom, thresholds and the nav badge, and flat query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from producers.models import StockMovement, StockThreshold
from producers.selectors import stock_balance
from producers.services import stock_move, stock_threshold_set, stock_transfer
from tests.factories import ProducerFactory, ShowroomFactory, UserFactory, listed_product

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

STOCK = reverse("producer_dashboard:stock")
ONLINE = reverse("producer_dashboard:stock_online")


def _place_url(place):
    return reverse("producer_dashboard:stock_place", kwargs={"place_id": place.pk})


@pytest.fixture
def producer():
    return ProducerFactory()


@pytest.fixture
def user(producer):
    user = UserFactory(first_name="Lan", last_name="Nguyễn")
    producer.partner.users.add(user)
    return user


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def showroom():
    return ShowroomFactory(name="Điểm OCOP Lục Ngạn")


def _stocked(producer, units=10, **kwargs):
    product = listed_product(5, producer=producer, num_in_stock=0, **kwargs)
    stock_move(product=product, place=None, quantity=units, kind="received")
    return product


def test_stock_page_shows_the_warehouse_and_each_showroom(signed_in, producer, showroom):
    product = _stocked(producer, 10, title="Vải thiều sấy")
    stock_transfer(product=product, source=None, target=showroom, quantity=4)
    html = signed_in.get(STOCK).content.decode()
    assert "Kho online" in html and "Điểm OCOP Lục Ngạn" in html
    html = signed_in.get(_place_url(showroom)).content.decode()
    assert "Vải thiều sấy" in html and ">4<" in html


def test_a_counter_sale_is_recorded_with_who_and_why(signed_in, producer, showroom, user):
    # given
    product = _stocked(producer, 10)
    stock_transfer(product=product, source=None, target=showroom, quantity=5)
    # when
    response = signed_in.post(
        _place_url(showroom),
        {"product": product.pk, "kind": "sold_at_showroom", "quantity": "2", "note": "Khách đoàn"},
    )
    # then
    assert response.status_code == 302
    assert stock_balance(product=product, place=showroom) == 3
    movement = StockMovement.objects.filter(place=showroom).latest("pk")
    assert (movement.quantity, movement.created_by, movement.note) == (-2, user, "Khách đoàn")
    html = signed_in.get(_place_url(showroom)).content.decode()
    assert "Khách đoàn" in html and "Lan Nguyễn" in html


@pytest.mark.parametrize(
    ("quantity", "kind", "message"),
    [
        ("7", "sold_at_showroom", "chỉ còn 5"),
        ("-1", "spoiled", "không thể âm"),
        ("abc", "spoiled", "phải là số nguyên"),
        ("0", "sold_at_showroom", "phải lớn hơn 0"),
        ("", "spoiled", "Hãy nhập số lượng"),
        ("2", "received", "không có trong danh sách"),
    ],
)
def test_bad_movements_get_a_clear_message_and_change_nothing(
    signed_in, producer, showroom, quantity, kind, message
):
    product = _stocked(producer, 10)
    stock_transfer(product=product, source=None, target=showroom, quantity=5)
    before = StockMovement.objects.count()
    response = signed_in.post(
        _place_url(showroom), {"product": product.pk, "kind": kind, "quantity": quantity}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html or message.replace("không có trong danh sách", "valid choice") in html
    assert StockMovement.objects.count() == before


def test_another_producers_product_in_the_form_body_is_refused(signed_in, producer):
    theirs = _stocked(ProducerFactory(), 10)
    response = signed_in.post(ONLINE, {"product": theirs.pk, "kind": "spoiled", "quantity": "3"})
    assert response.status_code == 400
    assert "Không có sản phẩm này trong gian hàng của bạn" in response.content.decode()
    assert stock_balance(product=theirs, place=None) == 10


def test_a_count_records_the_difference_as_a_correction(signed_in, producer):
    product = _stocked(producer, 10)
    response = signed_in.post(
        ONLINE,
        {
            "product": product.pk,
            "kind": "correction",
            "quantity": "8",
            "note": "Kiểm kê cuối tháng",
        },
    )
    assert response.status_code == 302
    movement = StockMovement.objects.latest("pk")
    assert (movement.kind, movement.quantity) == ("correction", -2)
    assert StockRecord.objects.get(product=product).num_in_stock == 8


def test_returning_to_the_warehouse_moves_both_sides(signed_in, producer, showroom):
    product = _stocked(producer, 10)
    stock_transfer(product=product, source=None, target=showroom, quantity=5)
    response = signed_in.post(
        _place_url(showroom),
        {"product": product.pk, "kind": "return_to_warehouse", "quantity": "2"},
    )
    assert response.status_code == 302
    assert stock_balance(product=product, place=showroom) == 3
    assert stock_balance(product=product, place=None) == 7


def test_sending_to_a_new_showroom_starts_its_ledger(signed_in, producer):
    # given a showroom the producer has never consigned to
    product, new_place = _stocked(producer, 10), ShowroomFactory(name="Điểm OCOP Yên Thế")
    card = ">Điểm OCOP Yên Thế</h2>"  # a location card (every showroom is in the form's list)
    assert card not in signed_in.get(STOCK).content.decode()
    # when
    response = signed_in.post(
        reverse("producer_dashboard:stock_transfer"),
        {"product": product.pk, "place": new_place.pk, "quantity": "6"},
    )
    # then
    assert response.status_code == 302 and response["Location"] == _place_url(new_place)
    assert stock_balance(product=product, place=new_place) == 6
    assert StockRecord.objects.get(product=product).num_in_stock == 4
    assert card in signed_in.get(STOCK).content.decode()


def test_sending_more_than_the_warehouse_holds_is_refused(signed_in, producer, showroom):
    product = _stocked(producer, 3)
    response = signed_in.post(
        reverse("producer_dashboard:stock_transfer"),
        {"product": product.pk, "place": showroom.pk, "quantity": "4"},
        follow=True,
    )
    assert "chỉ còn 3" in response.content.decode()
    assert stock_balance(product=product, place=showroom) == 0


def test_thresholds_light_the_nav_badge_and_home(signed_in, producer, showroom):
    # given
    product = _stocked(producer, 10, title="Mỳ Chũ")
    # when a threshold of 10 online is set through the page
    response = signed_in.post(
        reverse("producer_dashboard:stock_thresholds"),
        {"product": product.pk, "location": "kho-online", "threshold": "10"},
    )
    assert response.status_code == 302
    # then the nav badge counts it, and home lists it
    home = signed_in.get(reverse("producer_dashboard:home"))
    assert home.context["dashboard_low_stock_count"] == 1
    assert "Mỳ Chũ · Kho online" in home.content.decode()
    # when it is removed
    threshold = StockThreshold.objects.get()
    signed_in.post(
        reverse("producer_dashboard:stock_threshold_delete", kwargs={"threshold_id": threshold.pk})
    )
    assert signed_in.get(STOCK).context["dashboard_low_stock_count"] == 0


def test_a_negative_threshold_is_refused(signed_in, producer):
    product = _stocked(producer, 10)
    response = signed_in.post(
        reverse("producer_dashboard:stock_thresholds"),
        {"product": product.pk, "location": "kho-online", "threshold": "-3"},
    )
    assert response.status_code == 400 and "không thể âm" in response.content.decode()
    assert not StockThreshold.objects.exists()


def test_the_ledger_is_paged_newest_first(signed_in, producer):
    product = _stocked(producer, 100)
    for n in range(30):
        stock_move(product=product, place=None, quantity=1, kind="spoiled", note=f"lô {n}")
    first = signed_in.get(ONLINE).content.decode()
    assert "lô 29" in first and "lô 0<" not in first and "?trang=2" in first
    second = signed_in.get(ONLINE + "?trang=2").content.decode()
    assert "lô 0" in second


def test_a_ledger_line_shows_who_when_and_why(signed_in, producer, user):
    product = _stocked(producer, 10)
    movement = stock_move(
        product=product, place=None, quantity=2, kind="spoiled", note="Hỏng do mưa", by=user
    )
    html = signed_in.get(
        reverse("producer_dashboard:stock_movement", kwargs={"movement_id": movement.pk})
    ).content.decode()
    assert "Hỏng do mưa" in html and "Lan Nguyễn" in html and "Hư hỏng" in html


@pytest.mark.parametrize(
    "page", ["stock", "online", "showroom", "thresholds", "home", "certificates"]
)
def test_stock_pages_queries_do_not_grow_with_products_and_places(
    signed_in, producer, showroom, page, settings
):
    settings.FRAGMENT_CACHE_ENABLED = False  # a cold render, as the query budgets are

    def url():
        return {
            "stock": STOCK,
            "online": ONLINE,
            "showroom": _place_url(showroom),
            "thresholds": reverse("producer_dashboard:stock_thresholds"),
            "home": reverse("producer_dashboard:home"),
            "certificates": reverse("producer_dashboard:certificates"),
        }[page]

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert signed_in.get(url()).status_code == 200
        return len(ctx)

    def add_product():
        product = _stocked(producer, 20)
        stock_transfer(product=product, source=None, target=showroom, quantity=2)
        stock_threshold_set(product=product, place=showroom, threshold=5)
        stock_threshold_set(product=product, place=None, threshold=1)

    add_product()
    count()  # the session's first request makes its basket
    few = count()
    for _ in range(6):
        add_product()
    stock_transfer(product=_stocked(producer, 5), source=None, target=ShowroomFactory(), quantity=1)
    assert count() == few
    assert few <= 40
