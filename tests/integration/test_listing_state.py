"""The products' stored ratings (``Product.listing_*``) that the storefront gate reads by index.

Every write to certificates keeps them in step in the same transaction; the consistency command
(``manage.py check_listing_state``) recomputes them from certificates and finds no drift after
the demo load and after the certificate scenarios below. The gate trusts the columns only on days
inside their window and reads certificates otherwise.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalog import ocop, selectors, services
from marketplace.demo import data as demo_data
from marketplace.demo import loader as demo
from tests.factories import (
    CertificateFactory,
    OcopCertificate,
    Product,
    ProductFactory,
    certificate_for_stars,
    listed_product,
    product_in_state,
)

pytestmark = pytest.mark.django_db


def check(**options) -> str:
    out = StringIO()
    call_command("check_listing_state", stdout=out, **options)
    return out.getvalue()


def listed_ids(**kwargs) -> set[int]:
    return set(selectors.product_listed_queryset(**kwargs).values_list("pk", flat=True))


def test_no_drift_after_the_demo_load(settings, tmp_path):
    # given the demo data, loaded as of the day it describes
    settings.MEDIA_ROOT = tmp_path
    demo.demo_data_load(images=False, today=demo_data.AS_OF)
    # when the consistency check runs today and on the demo's day
    # then no stored rating disagrees with the certificates
    assert " 0 wrong" in check()
    assert " 0 wrong" in check(date=demo_data.AS_OF.isoformat())
    assert Product.objects.filter(listing_listed=True).exists()


def test_no_drift_after_recording_re_evaluating_revoking_and_expiring(today):
    # given products through every certificate write path
    four = listed_product(4)
    down = listed_product(5)
    certificate_for_stars(down, 2, decision_date=today)
    revoked = product_in_state("revoked")
    expired = product_in_state("expired")
    later = ProductFactory()
    certificate_for_stars(later, 4, decision_date=today + timedelta(days=3))
    bulk = listed_product(3)
    OcopCertificate.objects.filter(product=bulk).update(status=ocop.CertificateStatus.EXPIRED)
    services.certificates_expire(today=today)
    # when the check runs
    output = check()
    # then nothing is wrong, and the columns say what the certificates say
    assert " 0 wrong" in output
    stored = dict(Product.objects.values_list("pk", "listing_stars"))
    assert stored[four.pk] == 4
    assert stored[down.pk] == 2
    assert stored[revoked.pk] is None and stored[expired.pk] is None
    assert stored[later.pk] is None and stored[bulk.pk] is None
    assert listed_ids() == {four.pk}


def test_saving_an_old_copy_of_a_product_keeps_its_fresh_rating():
    # given a product loaded before its certificate was recorded
    product = ProductFactory()
    stale_copy = Product.objects.get(pk=product.pk)
    certificate_for_stars(product, 4)
    # when the old copy is edited and saved (an edit form, the admin)
    stale_copy.title = "Tên mới"
    stale_copy.save()
    # then the stored rating is still the certificate's
    product.refresh_from_db()
    assert (product.title, product.listing_stars, product.listing_listed) == ("Tên mới", 4, True)
    assert " 0 wrong" in check()


def test_the_gate_reads_the_columns_while_they_hold_and_certificates_after(today):
    # given a product whose stored rating claims 5★ until tomorrow, with no certificate at all
    # (drift planted on purpose, to see which source the gate reads)
    product = ProductFactory()
    Product.objects.filter(pk=product.pk).update(
        listing_stars=5,
        listing_listed=True,
        listing_from=today,
        listing_until=today + timedelta(days=1),
    )
    # then the gate lists it on the days the columns hold, and the check reports the drift
    assert product.pk in listed_ids()
    assert product.pk in listed_ids(today=today + timedelta(days=1))
    # and the day after their window the certificates decide: not listed
    assert product.pk not in listed_ids(today=today + timedelta(days=2))
    with pytest.raises(CommandError):
        check()
    # when repaired
    assert "Rewrote 1 row" in check(fix=True)
    # then the gate and the check agree again
    assert product.pk not in listed_ids()
    assert " 0 wrong, 0 stale" in check()


def test_a_lapsed_certificate_is_hidden_the_next_day_without_the_daily_job(today):
    # given a 4★ certificate whose last valid day is today, stored as holding through today
    product = ProductFactory()
    CertificateFactory(
        product=product,
        score=Decimal("80"),
        decision_date=today - timedelta(days=30),
        valid_until=today,
    )
    assert Product.objects.get(pk=product.pk).listing_until == today
    # when tomorrow comes and the daily job has not run
    tomorrow = today + timedelta(days=1)
    # then the gate hides it, and the check calls the row stale, not wrong
    assert product.pk in listed_ids(today=today)
    assert product.pk not in listed_ids(today=tomorrow)
    assert f"0 wrong, {Product.objects.count()} stale" in check(date=tomorrow.isoformat())
    # when the daily job runs tomorrow
    services.certificates_expire(today=tomorrow)
    # then the row holds again, with no rating
    row = Product.objects.get(pk=product.pk)
    assert (row.listing_stars, row.listing_listed) == (None, False)
    assert " 0 wrong, 0 stale" in check(date=tomorrow.isoformat())
