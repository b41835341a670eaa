"""The demo's fair booths (marketplace/demo/fairs.py) on the freshly loaded demo: two upcoming
fairs take applications and hold one in every state, the demo producer has an editable one, the
fair page lists the accepted booths, and the fair that is over counts on the progress page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from cms.models import FairApplication, FairPage
from marketplace.demo.fairs import booth_plan_png

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("website", "vietnamese")]

STATES = {"pending", "accepted", "waitlisted", "refused"}


def _fair(slug):
    return FairPage.objects.get(slug=slug, locale__language_code="vi")


@pytest.mark.parametrize("slug", ["hoi-cho-ocop-ha-noi", "phien-cho-ocop-yen-the"])
def test_two_upcoming_fairs_take_applications_and_hold_one_in_every_state(slug):
    # given the demo loaded today
    fair = _fair(slug)
    # then
    assert fair.applications_open(today=timezone.localdate())
    states = set(FairApplication.objects.filter(fair=fair).values_list("status", flat=True))
    assert states == STATES
    accepted = FairApplication.objects.filter(fair=fair, status="accepted")
    assert all(a.booth_number for a in accepted)
    assert all(
        a.refusal_reason for a in FairApplication.objects.filter(fair=fair, status="refused")
    )


def test_the_demo_producer_sees_its_pending_application_and_may_still_change_it(client):
    # given the lychee cooperative's login
    from django.contrib.auth import get_user_model

    from marketplace.demo import data

    client.force_login(get_user_model().objects.get(username=data.PRODUCER_USERNAME))
    application = FairApplication.objects.get(
        fair=_fair("hoi-cho-ocop-ha-noi"), producer__slug=data.LYCHEE_COOPERATIVE_SLUG
    )
    # when
    page = client.get(
        reverse("producer_dashboard:fair_application", kwargs={"application_id": application.pk})
    )
    # then
    assert application.editable()
    assert page.status_code == 200
    assert 'id="fair-application-form"' in page.content.decode()


def test_the_fair_page_lists_the_accepted_booths(client):
    # when
    response = client.get(_fair("hoi-cho-ocop-ha-noi").url)
    # then
    text = response.content.decode()
    assert 'id="booth-a01"' in text and 'id="booth-b03"' in text
    assert "Rượu làng Vân" not in text.split('id="fair-booths"')[1].split("</ol>")[0]


def test_the_english_fair_page_lists_the_same_booths(client):
    # given the English translation of the Hà Nội fair
    english = FairPage.objects.get(
        translation_key=_fair("hoi-cho-ocop-ha-noi").translation_key, locale__language_code="en"
    )
    # when
    text = client.get(english.url).content.decode()
    # then
    assert "Booths and exhibitors" in text
    assert 'id="booth-a01"' in text and 'id="booth-b03"' in text


def test_the_fair_that_is_over_counts_on_the_progress_page(client):
    # when
    text = client.get(reverse("records:progress")).content.decode()
    # then
    assert 'id="figure-fairs_held"><th scope="row">Hội chợ đã tổ chức</th><td>1</td>' in text
    assert "Lượt chủ thể tham gia hội chợ</th><td>2</td>" in text


@pytest.mark.parametrize("group", ["Biên tập viên Sở Công Thương", "Kiểm duyệt viên"])
def test_the_departments_editors_and_moderators_may_review_booth_applications(group):
    # given a user in the demo's editorial group
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    # then
    assert user.has_perm("cms.change_fairapplication")
    assert not user.has_perm("cms.add_fairapplication")


def test_the_booth_plan_is_a_png_with_a_cell_per_booth():
    # when
    png = booth_plan_png(title="Hội chợ", numbers=[f"A0{n}" for n in range(1, 8)])
    # then
    import io

    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (60 + 110 * 6, 80 + 30 + 110 * 2)


def test_an_accepted_demo_booth_keeps_orders_for_pickup_and_holds_stock_for_the_fair():
    # given the demo loaded today
    from producers.models import StockMovement

    fair = _fair("hoi-cho-ocop-ha-noi")
    noodles = FairApplication.objects.get(fair=fair, producer__slug="htx-my-chu-nam-duong")
    lychee = FairApplication.objects.get(fair=fair, producer__slug="htx-vai-thieu-luc-ngan")
    # then the accepted booth is a pickup place on the fair's dates, with stock sent to it
    place = noodles.pickup_place
    assert noodles.offers_pickup and place is not None
    assert (place.open_from, place.open_until) == (fair.start_date, fair.end_date)
    held = sum(StockMovement.objects.filter(place=place).values_list("quantity", flat=True))
    assert held > 0
    # and the demo login's pending application has ticked pickup (it opens on acceptance)
    assert lychee.offers_pickup and lychee.pickup_place is None
