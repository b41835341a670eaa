"""The scheme's targets on the progress page, each measured on its own deadline, checked against
figures computed here from the fixture's own table (not through the selectors), on a day before
and a day after the 2018–2020 deadline."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalog import ocop
from catalog.programme import selectors
from tests.factories import (
    CategoryFactory,
    CertificateFactory,
    ProducerFactory,
    ProductFactory,
    ShowroomFactory,
)

ProgrammeRecord = get_model("catalogue", "ProgrammeRecord")

pytestmark = pytest.mark.django_db

#: (name, producer kind, group, criteria set, score, level, decided, revoked on) of each product.
CERTIFIED = [
    ("vai", "cooperative", "food", "2019", "92", "central", date(2019, 10, 1), None),
    ("my", "enterprise", "food", "2019", "93", "central", date(2020, 11, 15), None),
    ("ga", "household", "food", "2019", "75", "province", date(2020, 5, 10), None),
    ("ruou", "enterprise", "drink", "2019", "60", "province", date(2021, 2, 1), None),
    ("che", "cooperative", "drink", "2019", "91", "central", date(2022, 10, 10), None),
    ("nam", "cooperative", "food", "2019", "94", "central", date(2020, 3, 1), date(2020, 9, 1)),
    ("rau", "cooperative", "food", "2019", "40", "district", date(2020, 8, 1), None),  # 2★
]
#: (kind, day, count) recorded by staff.
RECORDS = [
    ("existing_products", date(2018, 9, 1), 10),
    ("people_to_train", date(2018, 9, 1), 40),
    ("training", date(2019, 4, 1), 15),
    ("training", date(2020, 10, 1), 20),
    ("training", date(2021, 5, 1), 30),
]


@pytest.fixture
def scheme():
    groups = {
        "food": CategoryFactory(name="Thực phẩm", slug="thuc-pham"),
        "drink": CategoryFactory(name="Đồ uống", slug="do-uong"),
    }
    for name, kind, group, cset, score, level, decided, revoked in CERTIFIED:
        product = ProductFactory(title=name, producer=ProducerFactory(kind=kind))
        product.categories.add(groups[group])
        certificate = CertificateFactory(
            product=product,
            criteria_set=cset,
            score=score,
            council_level=level,
            decision_date=decided,
        )
        if revoked:
            certificate.status, certificate.revoked_reason = "revoked", "Vi phạm ghi nhãn"
            certificate.revoked_at = datetime.combine(
                revoked, datetime.min.time(), tzinfo=UTC
            ) + timedelta(hours=5)
            certificate.save()
    for kind, day, count in RECORDS:
        ProgrammeRecord.objects.create(kind=kind, on=day, count=count)
    ShowroomFactory()
    ShowroomFactory()


def _valid_on(row, day) -> bool:
    """Independent reading of the rules: decided by ``day``, 36 months of validity, not revoked
    by then."""
    decided, revoked = row[6], row[7]
    last_day = date(decided.year + 3, decided.month, decided.day) - timedelta(days=1)
    return decided <= day <= last_day and not (revoked and revoked <= day)


def _stars(row) -> int:
    return ocop.stars_for_score(row[4], ocop.criteria_set_for(row[3]))


def _expected(day: date, today: date) -> dict:
    """Every target's figure computed from the tables above."""

    def measured(deadline):
        return min(deadline, today)

    d2020 = measured(date(2020, 12, 31))
    d2030 = measured(date(2030, 12, 31))
    certified_2020 = [r for r in CERTIFIED if _valid_on(r, d2020) and _stars(r) >= 3]
    certified_2030 = [r for r in CERTIFIED if _valid_on(r, d2030) and _stars(r) >= 3]
    five_2020 = [r for r in certified_2020 if _stars(r) == 5]
    new_five = [r for r in certified_2030 if _stars(r) == 5 and r[6] >= date(2021, 1, 1)]
    new_orgs = [
        r
        for r in CERTIFIED
        if r[1] in ("cooperative", "enterprise") and date(2018, 1, 1) <= r[6] <= d2020
    ]
    trained = sum(c for k, d, c in RECORDS if k == "training" and date(2018, 1, 1) <= d <= d2020)
    return {
        "standardised_2020": len(certified_2020) * 100 // 10,
        "five_star_2020": len(five_2020),
        "new_organisations_2020": len(new_orgs),
        "trained_2020": trained * 100 // 40,
        "five_star_more_2030": len(new_five),
        "villages_2030": 0,
        "showrooms_2030": 2,
        "products_2030": len(certified_2030),
        "food_2030": len([r for r in certified_2030 if r[2] == "food"]),
    }


@pytest.mark.parametrize("today", [date(2020, 6, 30), date(2021, 3, 1), date(2023, 1, 1)])
def test_each_target_is_measured_on_its_own_deadline(scheme, today):
    # given the scheme's certificates and staff records
    expected = _expected(today, today)
    # when the targets are read on ``today``
    rows = {t["code"]: t for t in selectors.targets_on(today=today)}
    # then every figure equals the independent computation
    assert {code: row["count"] for code, row in rows.items()} == expected
    # and a passed deadline is measured on that deadline, a future one today
    assert rows["five_star_2020"]["measured_on"] == min(date(2020, 12, 31), today)
    assert rows["products_2030"]["measured_on"] == today


def test_figures_before_and_after_2020_and_the_verdicts(scheme):
    # given the values spelled out (the fixture read by hand)
    # on 30/6/2020: vải 5★ (2019), nấm 5★ (revoked only in 9/2020), gà 4★ are valid
    before = {t["code"]: t for t in selectors.targets_on(today=date(2020, 6, 30))}
    assert before["five_star_2020"]["count"] == 2
    assert before["five_star_2020"]["status"] == "in_progress"
    assert before["standardised_2020"]["count"] == 30  # 3 of the 10 existing products
    assert before["trained_2020"]["count"] == 37  # 15 of 40
    # on 1/3/2021 the 2020 targets were decided on 31/12/2020: vải and mỳ 5★, nấm revoked
    after = {t["code"]: t for t in selectors.targets_on(today=date(2021, 3, 1))}
    assert after["five_star_2020"]["count"] == 2
    assert after["five_star_2020"]["status"] == "missed"
    assert after["new_organisations_2020"]["count"] == 4  # vải, mỳ, nấm, rau (not gà: household)
    assert after["new_organisations_2020"]["status"] == "missed"
    assert after["trained_2020"]["count"] == 87  # 35 of 40: the 2021 training is too late
    assert after["trained_2020"]["status"] == "missed"
    assert after["products_2030"]["count"] == 4  # vải, mỳ, gà, rượu
    assert after["products_2030"]["status"] == "in_progress"
    # in 2023 chè is a new national 5★ product of the second phase
    later = {t["code"]: t for t in selectors.targets_on(today=date(2023, 1, 1))}
    assert later["five_star_more_2030"]["count"] == 1


def test_share_targets_show_no_data_until_staff_record_the_figures(db):
    # given no staff records
    # when
    rows = {t["code"]: t for t in selectors.targets_on(today=date(2021, 3, 1))}
    # then
    assert rows["standardised_2020"]["status"] == "no_data"
    assert rows["trained_2020"]["count"] is None


def test_the_page_shows_every_target_with_its_verdict(client, scheme):
    # when
    html = client.get(reverse("records:progress")).content.decode()
    # then
    for target in ocop.TARGETS:
        assert f'data-target="{target.code}"' in html
    assert 'data-target="five_star_2020" data-status="missed"' in html
