"""The demo loaded on any day in the next five years shows the storefront as it stood on AS_OF:
the same products listed, with the same stars and as many days left on their certificates
(:mod:`marketplace.demo.calendar`)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from catalog import ocop
from marketplace.demo import calendar, data


def _facts_with_renewal(item: data.ProductData, renewal: calendar.Renewal | None):
    facts = calendar._facts(item)
    if renewal is not None:
        decision = renewal.decision
        criteria = ocop.criteria_set_for(decision.criteria_set)
        facts.append(
            ocop.CertificateFacts(
                key=len(facts),
                stars=ocop.stars_for_score(renewal.score, criteria),
                decision_date=decision.decision_date,
                valid_until=renewal.valid_until,
                recorded_status=ocop.CertificateStatus.VALID,
            )
        )
    return facts


def _as_seen(item, facts, day):
    state = ocop.listing_state(facts, today=day)
    # what the shop and the dashboards show: listed, stars, the expiry notice window
    notice = ocop.notice_due(valid_until=state.valid_until, today=day) if state.listed else None
    return state.listed, state.stars, notice


@pytest.mark.parametrize("days_later", [1, 200, 366, 3 * 365 + 100, 5 * 365])
def test_every_product_looks_as_on_as_of_when_loaded_later(days_later):
    # given the demo loaded some days after the day it describes
    today = data.AS_OF + timedelta(days=days_later)
    for item in data.PRODUCTS:
        # when the loader adds its re-evaluation
        renewal = calendar.renewal_for(item, today=today)
        # then the product is listed (or not) as on AS_OF, with the same stars and notice
        before = _as_seen(item, calendar._facts(item), data.AS_OF)
        after = _as_seen(item, _facts_with_renewal(item, renewal), today)
        assert after == before, (item.sku, before, after)


@pytest.mark.parametrize("days_later", [200, 3 * 365 + 100, 5 * 365])
def test_re_evaluations_follow_the_rules_in_force_on_their_date(days_later):
    today = data.AS_OF + timedelta(days=days_later)
    renewals = [calendar.renewal_for(item, today=today) for item in data.PRODUCTS]
    renewals = [r for r in renewals if r is not None]
    assert renewals, "a listed demo product got no re-evaluation"
    for renewal in renewals:
        decision = renewal.decision
        stars = ocop.stars_for_score(renewal.score, ocop.criteria_set_for(decision.criteria_set))
        # the council could have taken it (raises otherwise), with today's criteria and bodies
        ocop.check_award(
            stars=stars, level=decision.council_level, decision_date=decision.decision_date
        )
        assert decision.criteria_set == ocop.criteria_set_in_force(decision.decision_date).code
        assert decision.decision_date <= today
        # about 36 months, as a council's certificate is valid
        usual = ocop.default_valid_until(decision.decision_date)
        assert abs((renewal.valid_until - usual).days) <= 3
        if decision.council_level == ocop.CouncilLevel.PROVINCE:
            merged = decision.decision_date > ocop.DISTRICT_LEVEL_ENDS
            assert decision.issuing_body == (
                data.PROVINCE_AFTER_MERGER if merged else data.PROVINCE
            )
        assert int(decision.number.split("/")[0]) > calendar.RENEWAL_NUMBER_BASE


def test_loaded_on_as_of_the_dataset_is_taken_as_written():
    assert all(calendar.renewal_for(item, today=data.AS_OF) is None for item in data.PRODUCTS)


def test_a_renewed_certificate_keeps_as_many_days_left_as_on_as_of():
    today = data.AS_OF + timedelta(days=3 * 365 + 100)
    renewed = [(item, calendar.renewal_for(item, today=today)) for item in data.PRODUCTS]
    renewed = [(item, r) for item, r in renewed if r is not None]
    for item, renewal in renewed:
        current = ocop.current_certificate(calendar._facts(item), today=data.AS_OF)
        assert (renewal.valid_until - today).days == (current.valid_until - data.AS_OF).days


def test_a_few_days_later_only_products_whose_notice_changed_get_a_re_evaluation():
    # two days after AS_OF (as `make demo` on 1 December 2026) hardly any product needs one
    today = data.AS_OF + timedelta(days=2)
    renewed = [item for item in data.PRODUCTS if calendar.renewal_for(item, today=today)]
    assert len(renewed) < len(data.PRODUCTS) // 10
