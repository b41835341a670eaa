"""Dated geography in the database: migration 0045 keeps every stored unit and its references
and ends it on 30/06/2025; a commune's successor is validated; the search document names
today's unit."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps as global_apps
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import CommuneFactory, DistrictFactory, ProducerFactory, listed_product

pytestmark = pytest.mark.django_db

LAST_DAY = date(2025, 6, 30)
FIRST_DAY = date(2025, 7, 1)


def test_the_migration_ends_every_stored_unit_on_the_last_district_day_and_keeps_it():
    # given units stored before the migration (no dates) and a producer in one of them
    commune = CommuneFactory(name="Chũ", kind="Thị trấn")
    producer = ProducerFactory(commune=commune)
    migration = importlib.import_module("catalog.migrations.0045_dated_geography")
    # when the migration's data step runs
    migration.mark_pre_reform_units(global_apps, None)
    # then the rows, their keys and the producer's reference are kept, each ended on 30/06/2025
    commune.refresh_from_db()
    commune.district.refresh_from_db()
    producer.refresh_from_db()
    assert producer.commune_id == commune.pk
    assert (commune.name, commune.kind) == ("Chũ", "Thị trấn")
    assert commune.valid_until == LAST_DAY
    assert commune.district.valid_until == LAST_DAY


def _chu_pair():
    district = DistrictFactory(name="Lục Ngạn", valid_until=LAST_DAY)
    ward = CommuneFactory(
        district=district, name="Chũ", kind="Phường", province="bac-ninh", valid_from=FIRST_DAY
    )
    town = CommuneFactory(
        district=district, name="Chũ", kind="Thị trấn", valid_until=LAST_DAY, successor=ward
    )
    return town, ward


def test_a_ward_may_take_the_name_of_a_commune_it_absorbed_in_the_same_area():
    town, ward = _chu_pair()
    assert town.district_id == ward.district_id and town.name == ward.name


def test_a_commune_is_named_today_with_its_successor_and_on_a_past_day_as_it_was():
    town, _ = _chu_pair()
    with translation.override("vi"):
        assert str(town.naming(date(2026, 1, 1))) == (
            "Phường Chũ, tỉnh Bắc Ninh (trước 01/07/2025: thị trấn Chũ, huyện Lục Ngạn, "
            "tỉnh Bắc Giang)"
        )
        assert town.label_on(date(2022, 11, 15)) == "Thị trấn Chũ, huyện Lục Ngạn, tỉnh Bắc Giang"
        # the ward formed after the reform names no district
        assert str(town.successor) == "Phường Chũ, tỉnh Bắc Ninh"


def test_a_successor_that_does_not_begin_the_day_after_is_refused():
    town, ward = _chu_pair()
    ward.valid_from = date(2025, 8, 1)
    ward.save()
    town.refresh_from_db()
    with pytest.raises(ValidationError) as raised:
        town.full_clean()
    assert "successor" in raised.value.message_dict


def test_the_search_document_names_todays_unit():
    from search.documents import documents_for

    # given a product recorded under a commune that became a ward of another name
    district = DistrictFactory(valid_until=LAST_DAY)
    ward = CommuneFactory(district=district, name="Tiền Phong", kind="Phường", valid_from=FIRST_DAY)
    old = CommuneFactory(district=district, name="Song Khê", valid_until=LAST_DAY, successor=ward)
    product = listed_product(4, producer=ProducerFactory(commune=old), origin_commune=old)
    # when its search document is built
    (document,) = documents_for([product.pk])
    # then both names are searchable
    assert "song khe" in document.folded
    assert "tien phong" in document.folded


def test_a_new_idea_names_a_unit_in_force_today_and_a_filed_one_keeps_its_unit():
    from producers.views_ideas import IdeaForm

    # given a commune that ended on 30/06/2025 and the ward it became
    town, ward = _chu_pair()
    # when a producer opens the form for a new idea
    choices = set(IdeaForm().fields["commune"].queryset)
    # then only today's unit is offered
    assert ward in choices and town not in choices
    # and an idea filed under the former commune keeps it when edited
    from catalog.models import ProductIdea

    filed = ProductIdea(commune=town)
    assert town in set(IdeaForm(instance=filed).fields["commune"].queryset)
