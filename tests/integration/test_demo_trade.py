"""The demo's wholesale enquiries (marketplace/demo/trade.py): five, one in each state, from
invented buyers marked as demo data, loaded once however often the loader runs."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from catalog import trade
from marketplace.demo import data as demo_data
from marketplace.demo import loader as demo
from producers.models import Enquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return demo.demo_data_load(images=False, today=demo_data.AS_OF)


def test_five_demo_enquiries_one_in_each_state_marked_as_demo(loaded):
    # given the demo loaded; when its enquiries are read
    enquiries = list(Enquiry.objects.select_related("producer"))
    # then
    assert sorted(e.status for e in enquiries) == sorted(trade.STATUSES)
    assert all(e.is_demo and "(dữ liệu mẫu)" in e.company for e in enquiries)
    assert all(trade.tax_code_problem(e.tax_code) is None for e in enquiries)
    assert all(e.created_at < timezone.now() for e in enquiries)
    replied = [e for e in enquiries if e.status != "new"]
    assert all(e.messages.exists() for e in replied)
    mine = [e for e in enquiries if e.producer.slug == demo_data.LYCHEE_COOPERATIVE_SLUG]
    assert len(mine) == 4  # the demo producer login sees them
    assert len({e.producer.commune.district_id for e in enquiries}) == 2


def test_loading_again_adds_no_enquiry(loaded):
    demo.demo_data_load(images=False, today=demo_data.AS_OF)
    assert Enquiry.objects.count() == 5


def test_the_demo_office_login_may_see_the_counts(loaded):
    office = get_user_model().objects.get(username=demo_data.OFFICE_USERNAME)
    assert office.has_perm("partner.view_enquiry_statistics")
