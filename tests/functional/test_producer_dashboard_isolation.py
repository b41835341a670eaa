"""The isolation matrix of the producer dashboard, generated from its URL configuration.

Every pattern under the ``producer_dashboard`` namespace is found by walking the URLconf, so an
endpoint added later is checked without editing this file:

- a URL keyword argument must be a known scoped (or shared) one, so no endpoint escapes;
- every pattern naming an object, filled with ANOTHER producer's object, answers 404 to GET and
  POST (with plausible form data) and changes no row;
- every endpoint without object arguments, POSTed with another producer's ids in the body,
  changes no row and never answers 500;
- anonymous visitors are sent to sign in, signed-in non-producers get 403, staff who picked a
  producer see its pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone
from oscar.core import prices
from oscar.core.loading import get_class, get_model

from catalog.seasons import window_make
from catalog.services import credential_propose
from marketplace.shipping.methods import HomeDelivery
from producers.dashboard import urls as dashboard_urls
from producers.dashboard.access import (
    SCOPED_KWARGS,
    SESSION_KEY,
    SHARED_KWARGS,
    ProducerDashboardMixin,
)
from producers.models import Preorder
from producers.services import (
    batch_record,
    enquiry_reply,
    enquiry_submit,
    preorder_campaign_start,
    product_windows_set,
    stock_move,
    stock_threshold_set,
    stock_transfer,
)
from producers.strategy import OcopStrategy
from tests.factories import ProducerFactory, ShowroomFactory, UserFactory, listed_product
from tests.fairs import booth_size, make_fair
from tests.functional.conftest import make_home_page

Basket = get_model("basket", "Basket")
FairApplication = get_model("cms", "FairApplication")
OrderCreator = get_class("order.utils", "OrderCreator")

pytestmark = pytest.mark.django_db

NAMESPACE = dashboard_urls.app_name

#: Every table a dashboard endpoint could write to; a refused request leaves them all as they were.
WATCHED_MODELS = (
    ("partner", "StockMovement"),
    ("partner", "StockThreshold"),
    ("partner", "StockRecord"),
    ("partner", "ShowroomOperator"),
    ("partner", "Partner"),
    ("partner", "Producer"),
    ("catalogue", "Product"),
    ("catalogue", "ProductImage"),
    ("catalogue", "ProductCategory"),
    ("catalogue", "OcopCertificate"),
    ("catalogue", "ProductCredential"),
    ("order", "Order"),
    ("order", "Line"),
    ("order", "ShippingEvent"),
    ("order", "OrderNote"),
    ("order", "OrderStatusChange"),
    ("partner", "Enquiry"),
    ("partner", "EnquiryMessage"),
    ("cms", "FairApplication"),
    ("catalogue", "Place"),
    ("partner", "Batch"),
    ("partner", "BatchLine"),
    ("partner", "PreorderCampaign"),
    ("partner", "Preorder"),
)


#: Dashboard endpoints whose views do not inherit ProducerDashboardMixin, and why. Any other
#: view outside the mixin fails :func:`test_every_view_outside_the_mixin_is_accounted_for`.
OUTSIDE_THE_MIXIN = {
    "choose": "staff only: picks which producer to look at",
    "invite_accept": "public: the invitation link's signed token is the key",
    "after_login": "routes a just-signed-in user to the dashboard or the counter",
    "counters": "showroom operators (not producers): their own showrooms only",
    "counter": "showroom operators (not producers): checked per showroom",
}


@dataclass(frozen=True)
class Endpoint:
    """One dashboard URL pattern: its name, the keyword arguments it takes, and whether its
    view goes through :class:`ProducerDashboardMixin`."""

    name: str
    kwargs: tuple[str, ...]
    in_mixin: bool

    @property
    def scoped(self) -> bool:
        return any(k in SCOPED_KWARGS for k in self.kwargs)


def _walk(patterns, prefix: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            view_class = getattr(entry.callback, "view_class", None)
            yield Endpoint(
                entry.name,
                tuple(sorted(entry.pattern.regex.groupindex)),
                bool(view_class and issubclass(view_class, ProducerDashboardMixin)),
            )


ENDPOINTS = sorted(set(_walk(dashboard_urls.urlpatterns)), key=lambda e: e.name)
SCOPED_ENDPOINTS = [e for e in ENDPOINTS if e.scoped]
UNSCOPED_ENDPOINTS = [e for e in ENDPOINTS if not e.scoped]
MIXIN_ENDPOINTS = [e for e in ENDPOINTS if e.in_mixin]


def snapshot() -> dict:
    """Every row of every watched table, as plain values."""
    from django.apps import apps

    state = {}
    for app_label, model_name in WATCHED_MODELS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        state[model_name] = list(model.objects.order_by("pk").values())
    return state


def _order(*products, number):
    basket = Basket.objects.create()
    basket.strategy = OcopStrategy()
    for product in products:
        basket.add_product(product, 1)
    zero = prices.Price(currency="VND", excl_tax=Decimal(0), incl_tax=Decimal(0))
    total = prices.Price(
        currency="VND", excl_tax=basket.total_incl_tax, incl_tax=basket.total_incl_tax
    )
    return OrderCreator().place_order(
        basket=basket,
        total=total,
        order_number=number,
        shipping_charge=zero,
        shipping_method=HomeDelivery(charge=0, zone="in_province", weight_grams=1000),
    )


def _producer_world(showroom, number, fairs):
    """A producer with a user, a product with stock online and at ``showroom``, a ledger line,
    a threshold, a certificate, a proposed credential, an order holding one of its lines, a
    wholesale enquiry with a reply and a booth application for the first of ``fairs`` (the
    second, still open, it has not applied for)."""
    producer = ProducerFactory()
    user = UserFactory()
    producer.partner.users.add(user)
    product = listed_product(5, num_in_stock=0, producer=producer)
    stock_move(product=product, place=None, quantity=10, kind="received")
    stock_transfer(product=product, source=None, target=showroom, quantity=3)
    threshold = stock_threshold_set(product=product, place=None, threshold=2)
    order = _order(product, number=number)
    enquiry = enquiry_submit(
        product=product,
        company=f"Siêu thị {number}",
        tax_code="0300588569",
        contact_name="Hà",
        phone="0912345678",
        email=f"{number}@example.vn",
        quantity=2,
        unit="tan",
        destination="VN:Hà Nội",
        delivery_period="Hằng tháng",
    )
    enquiry_reply(enquiry=enquiry, by=user, body="Đã nhận")
    credential = credential_propose(
        product=product, kind="barcode", number="8930000000019", by=user
    )
    applied, still_open = fairs
    application = FairApplication.objects.create(
        fair=applied,
        producer=producer,
        booth_size=booth_size(applied, "3x3 m"),
        contact_name="Chị Hoa",
        contact_phone="0912345678",
    )
    application.products.add(product)
    batch = batch_record(
        producer=producer,
        product=product,
        harvest_date=date.today(),
        quantity=5,
        today=date.today(),
    )
    # A seasonal product out of season, taking pre-orders, and one pre-order line of it.
    fresh = listed_product(5, num_in_stock=5, producer=producer)
    today = timezone.localdate()
    start, end = today + timedelta(days=40), today + timedelta(days=90)
    product_windows_set(
        product=fresh,
        windows=[window_make(start=(start.day, start.month), end=(end.day, end.month))],
    )
    preorder_campaign_start(
        product=fresh, quota=10, delivery_from=start, delivery_until=end, today=today
    )
    preorder = Preorder.objects.get(order_line__order=_order(fresh, number=number + "P"))
    return {
        "producer": producer,
        "user": user,
        "product": product,
        "objects": {
            "product_id": product.pk,
            "movement_id": product.stock_movements.order_by("pk").first().pk,
            "line_id": order.lines.get().pk,
            "certificate_id": product.certificates.get().pk,
            "threshold_id": threshold.pk,
            "credential_id": credential.pk,
            "order_id": order.pk,
            "enquiry_id": enquiry.pk,
            "application_id": application.pk,
            "fair_id": still_open.pk,
            "batch_id": batch.pk,
            "preorder_id": preorder.pk,
            "place_id": showroom.pk,
            # an invitation link that was never sent
            "uidb64": "MA",
            "token": "cg0000-00000000000000000000000000000000",
        },
    }


@pytest.fixture
def world():
    showroom = ShowroomFactory()
    home = make_home_page()
    fairs = (make_fair(home=home), make_fair(home=home, title="Hội chợ còn nhận đăng ký"))
    return {
        "mine": _producer_world(showroom, "A0001", fairs),
        "theirs": _producer_world(showroom, "B0001", fairs),
        "showroom": showroom,
    }


def _url(endpoint: Endpoint, objects: dict) -> str:
    return reverse(f"{NAMESPACE}:{endpoint.name}", kwargs={k: objects[k] for k in endpoint.kwargs})


def _plausible_post(world) -> dict:
    """Form data most dashboard forms would accept, naming the OTHER producer's objects."""
    theirs = world["theirs"]["objects"]
    return {
        "product": theirs["product_id"],
        "products": theirs["product_id"],
        "line": theirs["line_id"],
        "lines": theirs["line_id"],
        "movement": theirs["movement_id"],
        "certificate": theirs["certificate_id"],
        "threshold_id": theirs["threshold_id"],
        "order": theirs["order_id"],
        "place": world["showroom"].pk,
        "location": "kho-online",
        "quantity": "1",
        "kind": "spoiled",
        "note": "thử",
        "threshold": "1",
        "price": "99000",
        "description": "sửa trộm",
        "title_en": "stolen edit",
        "description_en": "stolen edit",
        "version": "x",
        "status": "Đã gửi hàng",
        "action": "ship",
        "carrier": "VNPost",
        "tracking_number": "VN123",
        "confirm": "1",
        "token": "x",
        "body": "trả lời trộm",
        "outcome": "won",
        "booth_size": "1",
        "contact_name": "Trộm",
        "contact_phone": "0912345678",
        "batch": theirs["batch_id"],
        "harvest_date": "01/06/2026",
        "growing_area_code": "VN-BGOR-0012",
        "windows": "01/01 – 02/02",
        "reason": "hết hàng",
        "quota": "5",
        "delivery_from": "2030-01-01",
        "delivery_until": "2030-02-01",
        "deposit_kind": "none",
        "offers_pickup": "on",
    }


def test_every_dashboard_url_kwarg_is_a_known_scoped_or_shared_name():
    # given every pattern of the namespace; then none takes an argument the matrix cannot fill
    assert ENDPOINTS, "no dashboard URL patterns found"
    known = set(SCOPED_KWARGS) | set(SHARED_KWARGS)
    unknown = {e.name: [k for k in e.kwargs if k not in known] for e in ENDPOINTS}
    assert not {name: ks for name, ks in unknown.items() if ks}, (
        "add these to access.SCOPED_KWARGS (scoped to the producer) or SHARED_KWARGS"
    )


def test_every_view_outside_the_mixin_is_accounted_for():
    outside = {e.name for e in ENDPOINTS if not e.in_mixin}
    assert outside <= set(OUTSIDE_THE_MIXIN), (
        f"{outside - set(OUTSIDE_THE_MIXIN)}: inherit ProducerDashboardMixin, or add the "
        "endpoint to OUTSIDE_THE_MIXIN with the reason and its own access tests"
    )
    assert all(e.in_mixin for e in SCOPED_ENDPOINTS), "objects of a producer need the mixin"


@pytest.mark.parametrize("endpoint", SCOPED_ENDPOINTS, ids=lambda e: e.name)
def test_another_producers_object_is_a_404_and_changes_nothing(client, world, endpoint):
    # given the first producer signed in, and a URL naming the other producer's objects
    client.force_login(world["mine"]["user"])
    url = _url(endpoint, world["theirs"]["objects"])
    before = snapshot()
    # when
    got = client.get(url)
    posted = client.post(url, _plausible_post(world))
    # then
    assert got.status_code == 404, f"GET {url}"
    assert posted.status_code == 404, f"POST {url}"
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", UNSCOPED_ENDPOINTS, ids=lambda e: e.name)
def test_another_producers_ids_in_a_form_body_change_nothing(client, world, endpoint):
    # given the first producer signed in, posting the other producer's ids in the body
    client.force_login(world["mine"]["user"])
    url = _url(endpoint, world["mine"]["objects"])
    before = snapshot()
    # when
    response = client.post(url, _plausible_post(world))
    # then refused (a form error, 404, 405, 403 or a redirect with a message): nothing written
    assert response.status_code < 500
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", MIXIN_ENDPOINTS, ids=lambda e: e.name)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, endpoint):
    url = _url(endpoint, world["mine"]["objects"])
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 302, url
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL)), url


@pytest.mark.parametrize("endpoint", MIXIN_ENDPOINTS, ids=lambda e: e.name)
def test_signed_in_users_without_a_producer_are_refused(client, world, endpoint):
    client.force_login(UserFactory())
    url = _url(endpoint, world["mine"]["objects"])
    before = snapshot()
    assert client.get(url).status_code == 403, url
    assert client.post(url, _plausible_post(world)).status_code == 403, url
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", MIXIN_ENDPOINTS, ids=lambda e: e.name)
def test_staff_see_the_chosen_producers_pages(client, world, endpoint):
    # given staff who picked the first producer
    staff = get_user_model().objects.create_user(
        username="can.bo", email="can.bo@example.vn", password="x", is_staff=True
    )
    client.force_login(staff)
    session = client.session
    session[SESSION_KEY] = world["mine"]["producer"].pk
    session.save()
    url = _url(endpoint, world["mine"]["objects"])
    # when
    response = client.get(url)
    # then a page (or "use POST" for action-only endpoints), never refused or missing
    assert response.status_code in (200, 405), f"{url}: {response.status_code}"


@pytest.mark.parametrize("endpoint", SCOPED_ENDPOINTS, ids=lambda e: e.name)
def test_the_producer_reaches_its_own_objects(client, world, endpoint):
    # the other half of the 404s above: the same URL with the producer's own objects works
    client.force_login(world["mine"]["user"])
    response = client.get(_url(endpoint, world["mine"]["objects"]))
    assert response.status_code in (200, 405), endpoint.name


def test_the_matrix_covers_the_sections_it_must():
    names = {e.name for e in ENDPOINTS}
    assert {"home", "products", "stock", "certificates", "credentials"} <= names
    scoped = {k for e in SCOPED_ENDPOINTS for k in e.kwargs}
    assert {
        "product_id",
        "movement_id",
        "certificate_id",
        "threshold_id",
        "enquiry_id",
        "credential_id",
        "application_id",
        "batch_id",
        "preorder_id",
    } <= scoped


def test_another_producers_fair_booth_stock_page_is_a_404_and_takes_no_stock(client, world):
    # given the other producer's accepted booth that keeps orders for pickup
    from django.utils import timezone

    from cms.services import fair_application_pickup_set, fair_application_review

    theirs = FairApplication.objects.get(pk=world["theirs"]["objects"]["application_id"])
    fair_application_review(
        application_id=theirs.pk, decision="accepted", booth_number="B1", now=timezone.now()
    )
    theirs = fair_application_pickup_set(
        application_id=theirs.pk, producer=theirs.producer, offers=True, today=timezone.localdate()
    )
    booth = theirs.pickup_place
    client.force_login(world["mine"]["user"])
    url = reverse(f"{NAMESPACE}:stock_place", kwargs={"place_id": booth.pk})
    before = snapshot()
    # when
    got = client.get(url)
    posted = client.post(
        url,
        {"product": world["mine"]["objects"]["product_id"], "kind": "correction", "quantity": "5"},
    )
    sent = client.post(
        reverse(f"{NAMESPACE}:stock_transfer"),
        {"product": world["mine"]["objects"]["product_id"], "place": booth.pk, "quantity": "1"},
    )
    # then
    assert got.status_code == 404 and posted.status_code == 404
    assert sent.status_code < 500  # a form error shown as a message; nothing sent
    assert snapshot() == before
