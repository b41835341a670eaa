"""The progress summary and the programme office's dashboard: counts checked against counts made
independently here, targets, CSV export, access."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from catalog import services
from tests.factories import (
    CategoryFactory,
    CertificateFactory,
    CommuneFactory,
    DistrictFactory,
    ProducerFactory,
    ProductFactory,
    UserFactory,
    product_in_state,
)

pytestmark = pytest.mark.django_db

#: (stars, score, group slug, district index, decision date) of the products counted.
RATED = [
    (5, "95", "thuc-pham", 0, date(2025, 9, 1)),
    (5, "92", "do-uong", 1, date(2025, 10, 2)),
    (4, "80", "thuc-pham", 0, date(2024, 3, 4)),
    (4, "71", "thuc-pham", 2, date(2025, 1, 5)),
    (3, "55", "thao-duoc", 1, date(2024, 6, 6)),
    (3, "60", "thuc-pham", 2, date(2023, 12, 7)),
    (3, "52.5", "thuc-pham", 0, date(2025, 11, 8)),
]


@pytest.fixture
def programme():
    """Seven certified products, plus five that must not count today."""
    groups = {
        slug: CategoryFactory(name=name, slug=slug)
        for slug, name in (
            ("thuc-pham", "Thực phẩm"),
            ("do-uong", "Đồ uống"),
            ("thao-duoc", "Thảo dược"),
        )
    }
    districts = [DistrictFactory() for _ in range(3)]
    communes = [CommuneFactory(district=d) for d in districts]
    for _stars, score, group, district, decided in RATED:
        product = ProductFactory(producer=ProducerFactory(commune=communes[district]))
        product.categories.add(groups[group])
        CertificateFactory(
            product=product, score=score, decision_date=decided, valid_until=date(2099, 1, 1)
        )
    for state in ("1_star", "2_star", "expired", "revoked", "unrated"):
        product_in_state(state).categories.add(groups["thuc-pham"])
    return groups, districts


def test_summary_counts_equal_counts_made_independently(client, programme):
    # given
    groups, districts = programme
    expected_stars = Counter(r[0] for r in RATED)
    expected_groups = Counter(groups[r[2]].name for r in RATED)
    expected_districts = Counter(districts[r[3]].name for r in RATED)
    expected_years = Counter(r[4].year for r in RATED)
    # when
    response = client.get(reverse("records:progress"))
    progress = response.context["progress"]
    # then
    assert response.status_code == 200
    assert progress.total == len(RATED)
    assert progress.by_stars == {5: expected_stars[5], 4: expected_stars[4], 3: expected_stars[3]}
    assert progress.by_group == dict(expected_groups)
    assert progress.by_district == dict(expected_districts)
    assert progress.by_year == dict(expected_years)
    assert progress.by_criteria_set == {"2023": len(RATED)}
    targets = {t["code"]: (t["count"], t["target"], t["status"]) for t in progress.targets}
    assert targets["products_2030"] == (7, 170, "in_progress")
    assert targets["food_2030"] == (5, 144, "in_progress")
    # the 2020 target is measured on 31/12/2020, when none of these 5★ products existed
    assert targets["five_star_2020"] == (0, 3, "missed")
    html = response.content.decode()
    assert "chart.umd.min.js" in html and 'id="records-chart-data"' in html
    assert "Chứng nhận hết hiệu lực trong 90 ngày" not in html  # staff-only part


def test_a_certified_product_the_shop_does_not_list_still_counts(client, programme):
    # given a 5★ product that is not public (so not on sale)
    hidden = ProductFactory(is_public=False)
    CertificateFactory(product=hidden, score="90")
    # when
    progress = client.get(reverse("records:progress")).context["progress"]
    # then it is a certified OCOP product all the same
    assert progress.total == len(RATED) + 1
    assert progress.by_stars[5] == 3


def test_progress_csv_holds_the_same_figures(client, programme):
    # when
    response = client.get(reverse("records:progress-csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # then
    figures = {(d, k): int(n) for d, k, n in rows[1:] if n}
    assert figures[("total", "")] == len(RATED)
    assert figures[("stars", "5")] == 2
    assert figures[("group", "Thực phẩm")] == 5
    assert figures[("target:food_2030", "144")] == 5


def test_dashboard_is_for_the_programme_office_only(client, programme):
    # given
    office = UserFactory(is_staff=True)
    office.save()  # the factory sets the password without saving it; force_login checks it
    office.groups.add(Group.objects.get(name=services.PROGRAMME_OFFICE_GROUP))
    url = reverse("records:dashboard")
    # when / then: anonymous and customers are sent to log in
    assert client.get(url).status_code == 302
    customer = UserFactory()
    customer.save()
    client.force_login(customer)
    assert client.get(url).status_code == 302
    client.force_login(office)
    response = client.get(url)
    assert response.status_code == 200
    assert "Chứng nhận hết hiệu lực trong 90 ngày" in response.content.decode()
    assert response.context["progress"].total == len(RATED)
