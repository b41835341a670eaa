"""Dated geography on the fresh demo, over HTTP: a product's origin, a producer's commune and a
showroom's unit show today's unit (after the reform of 1 July 2025) with the one recorded before
it, in Vietnamese and English; filters say they group by the former district's area; the demo
links every former commune to its successor."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.cache import cache
from oscar.core.loading import get_model

from catalog import selectors

pytestmark = [pytest.mark.django_db]

Commune = get_model("catalogue", "Commune")
District = get_model("catalogue", "District")
Producer = get_model("partner", "Producer")

CHU_VI = (
    "Phường Chũ, tỉnh Bắc Ninh (trước 01/07/2025: thị trấn Chũ, huyện Lục Ngạn, tỉnh Bắc Giang)"
)
CHU_EN = (
    "Chũ ward, Bắc Ninh province (before 01/07/2025: Chũ township, Lục Ngạn district, "
    "Bắc Giang province)"
)


@pytest.fixture
def demo(website, db, vietnamese):
    cache.clear()  # cached pages and menus must not outlive a rolled-back test


def text_of(response) -> str:
    assert response.status_code == 200
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html).replace(" ,", ",")


def english(url: str) -> str:
    return "/en" + url


def test_every_former_demo_commune_has_a_successor_from_the_reform_day(demo):
    # given the fresh demo
    former = Commune.objects.filter(valid_until=date(2025, 6, 30))
    # then every commune of the three-level era names the unit it became on 01/07/2025, a
    # unit of Bắc Ninh in the same former district's area
    assert former.count() == 40
    assert not former.filter(successor__isnull=True).exists()
    for commune in former.select_related("successor"):
        assert commune.successor.valid_from == date(2025, 7, 1), commune
        assert commune.successor.province == "bac-ninh", commune
        assert commune.successor.district_id == commune.district_id, commune
    assert set(District.objects.values_list("valid_until", flat=True)) == {date(2025, 6, 30)}


@pytest.mark.parametrize(("prefix", "expected"), [("", CHU_VI), ("/en", CHU_EN)])
def test_a_product_page_shows_todays_origin_and_the_recorded_one(demo, client, prefix, expected):
    # given a product on sale made in Chũ (recorded as thị trấn Chũ, huyện Lục Ngạn)
    product = (
        selectors.product_listed_queryset()
        .filter(origin_commune__name="Chũ", origin_commune__valid_until__isnull=False)
        .first()
    )
    assert product is not None
    # when its page is read
    page = text_of(client.get(prefix + product.get_absolute_url()))
    # then the origin is today's ward, with the former unit and the day it changed
    assert expected in page


@pytest.mark.parametrize(("prefix", "expected"), [("", CHU_VI), ("/en", CHU_EN)])
def test_a_producer_page_shows_todays_commune_and_the_recorded_one(demo, client, prefix, expected):
    producer = Producer.objects.filter(
        commune__name="Chũ", commune__valid_until__isnull=False
    ).first()
    assert producer is not None
    page = text_of(client.get(prefix + producer.get_absolute_url()))
    assert expected in page


@pytest.mark.parametrize(
    ("language", "unit", "area"),
    [
        ("vi", CHU_VI, "Khu vực (huyện cũ) Lục Ngạn"),
        ("en", CHU_EN, "Area (former district) Lục Ngạn"),
    ],
)
def test_a_showroom_page_shows_its_unit_today_and_before_and_its_area(
    demo, client, language, unit, area
):
    from cms.models import ShowroomPage  # the website's models: after Django's setup

    # given the Lục Ngạn showroom, whose address is written in today's units
    page = ShowroomPage.objects.live().get(
        place__slug="diem-ocop-luc-ngan", locale__language_code=language
    )
    # when its page is read
    text = text_of(client.get(page.url))
    # then its address, its unit today and before, and the area it is grouped under are shown
    assert "phường Chũ, tỉnh Bắc Ninh" in text
    assert unit in text
    assert area in text


def test_the_harvest_calendar_says_it_groups_by_the_former_district(demo, client):
    from django.urls import reverse

    page = text_of(client.get(reverse("seasons:calendar")))
    assert "Khu vực (huyện cũ)" in page
    assert "Từ 01/07/2025 không còn cấp huyện" in page
