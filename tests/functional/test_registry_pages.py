"""The public registry, its exports, verification pages, QR codes, and the daily expiry job seen
through HTTP."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import zxingcpp
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from catalog import services
from tests.factories import (
    CategoryFactory,
    CertificateFactory,
    CommuneFactory,
    DistrictFactory,
    ProducerFactory,
    ProductFactory,
    StockRecordFactory,
    certificate_for_stars,
    listed_product,
    product_in_state,
)

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "catalog/static/catalog/registry.schema.json").read_text(
        encoding="utf-8"
    )
)
REGISTRY = "/chung-nhan/"


def _codes(response) -> set[str]:
    return {row["code"] for row in response.json()["certificates"]}


def test_registry_lists_valid_certificates_with_their_facts(client):
    # given
    product = listed_product(5, title="Vải thiều Lục Ngạn loại 1")
    certificate = product.certificates.get()
    # when
    html = client.get(REGISTRY).content.decode()
    # then
    assert "Vải thiều Lục Ngạn loại 1" in html
    assert certificate.decision_number in html
    assert product.producer.name in html
    assert product.origin_commune.district.name in html
    assert certificate.get_verification_url() in html


def test_registry_filters_by_stars_district_status_level_year_and_text(client, today):
    # given
    district = DistrictFactory(slug="luc-ngan")
    commune = CommuneFactory(district=district)
    in_luc_ngan = listed_product(
        5, producer=ProducerFactory(commune=commune), title="Mỳ Chũ Nam Dương"
    )
    elsewhere = listed_product(4, title="Gà đồi Yên Thế")
    revoked = product_in_state("revoked", title="Nước ép thu hồi")
    lucngan_code = in_luc_ngan.certificates.get().public_code
    other_code = elsewhere.certificates.get().public_code
    revoked_code = revoked.certificates.get().public_code
    url = reverse("records:registry-json")
    # when / then
    assert _codes(client.get(url)) == {lucngan_code, other_code}
    assert _codes(client.get(url, {"stars": 5})) == {lucngan_code}
    assert _codes(client.get(url, {"district": "luc-ngan"})) == {lucngan_code}
    assert _codes(client.get(url, {"status": "revoked"})) == {revoked_code}
    assert _codes(client.get(url, {"status": "all"})) == {lucngan_code, other_code, revoked_code}
    assert _codes(client.get(url, {"q": "mỳ chũ"})) == {lucngan_code}
    assert _codes(client.get(url, {"year": today.year - 5})) == set()
    level = elsewhere.certificates.get().council_level
    assert other_code in _codes(client.get(url, {"level": level}))


def test_registry_filters_by_group(client):
    # given
    food = CategoryFactory(name="Thực phẩm", slug="thuc-pham")
    fresh = CategoryFactory(name="Nông sản tươi", parent=food)
    drinks = CategoryFactory(name="Đồ uống", slug="do-uong")
    lychee, wine = listed_product(4), listed_product(4)
    lychee.categories.add(fresh)
    wine.categories.add(drinks)
    # when
    response = client.get(reverse("records:registry-json"), {"group": "thuc-pham"})
    # then
    assert _codes(response) == {lychee.certificates.get().public_code}
    assert response.json()["certificates"][0]["group"] == "Thực phẩm"


@pytest.mark.parametrize(
    "query",
    [
        {"stars": "9"},
        {"year": "abc"},
        {"group": "<script>"},
        {"district": "x" * 300},
        {"page": "-1"},
        {"status": "nope"},
    ],
)
def test_bad_registry_filters_get_a_message_not_an_error(client, query):
    # given
    listed_product(4)
    # when
    response = client.get(REGISTRY, query)
    # then
    assert response.status_code == 200
    if "page" not in query:
        assert "không hợp lệ" in response.content.decode()


def test_json_export_validates_against_the_committed_schema(client):
    # given: every kind of row, including one with no producer link (revoked: not on sale)
    listed_product(5)
    product_in_state("revoked")
    product_in_state("expired")
    certificate_for_stars(
        ProductFactory(),
        2,
        criteria_set="2019",
        decision_date=date(2022, 3, 1),
        valid_until=date(2030, 1, 1),
    )
    # when
    data = client.get(reverse("records:registry-json"), {"status": "all"}).json()
    # then
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert data["count"] == len(data["certificates"]) == 4
    statuses = {row["status"] for row in data["certificates"]}
    assert statuses == {"valid", "revoked", "expired"}


def test_csv_export_has_the_schemas_columns_and_the_same_rows(client):
    # given
    product = listed_product(4, title="Gạo bao thai Hồng Phong")
    # when
    response = client.get(reverse("records:registry-csv"))
    # then
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    item_schema = SCHEMA["properties"]["certificates"]["items"]
    assert list(rows[0]) == list(item_schema["properties"])
    assert rows[0]["product"] == "Gạo bao thai Hồng Phong"
    assert rows[0]["code"] == product.certificates.get().public_code
    assert rows[0]["product_url"].endswith(product.get_absolute_url())


@pytest.mark.parametrize(
    ("state", "status", "words"),
    [
        ("4_star", "valid", "còn hiệu lực"),
        ("expired", "expired", "đã hết hiệu lực"),
        ("revoked", "revoked", "đã bị thu hồi"),
    ],
)
def test_verification_page_says_plainly_what_the_certificate_is(client, state, status, words):
    # given
    product = product_in_state(state, title="Mỳ Chũ xác minh")
    certificate = product.certificates.get()
    # when
    response = client.get(certificate.get_verification_url())
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-status="{status}"' in html
    assert words in html
    assert "Mỳ Chũ xác minh" in html
    assert (product.get_absolute_url() in html) is (status == "valid")


def test_verification_accepts_a_hand_typed_code_in_lower_case(client):
    certificate = listed_product(4).certificates.get()
    response = client.get(f"/xac-minh/{certificate.public_code.lower()}/")
    assert 'data-status="valid"' in response.content.decode()


@pytest.mark.parametrize(
    "code",
    ["ZZZZZZZZZZ", "abc", "'; DROP TABLE x;--", "%F0%9F%98%80", "0" * 200, "ABCDE12345/extra"],
)
def test_unknown_or_malformed_codes_get_a_clear_not_found_page(client, code):
    # given
    listed_product(4)
    # when
    response = client.get(f"/xac-minh/{code}/")
    # then
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy chứng nhận" in html
    assert 'data-status="not-found"' in html
    assert "OCOP Bắc Giang" in html  # the site's layout


def _decode(png: bytes) -> list[str]:
    image = Image.open(io.BytesIO(png)).convert("L")
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_qr_png_decodes_back_to_the_verification_url(client):
    # given
    certificate = listed_product(5).certificates.get()
    # when
    response = client.get(reverse("records:qr-png", args=[certificate.public_code]))
    # then
    assert response["Content-Type"] == "image/png"
    assert _decode(response.content) == ["http://testserver" + certificate.get_verification_url()]


def test_qr_svg_is_a_printable_svg_of_the_same_code(client):
    # given
    certificate = listed_product(5).certificates.get()
    # when
    response = client.get(
        reverse("records:qr-svg", args=[certificate.public_code]), {"download": "1"}
    )
    # then
    svg = response.content.decode()
    assert response["Content-Type"] == "image/svg+xml"
    assert svg.startswith("<?xml") and "<svg" in svg and "<path" in svg
    assert f"ocop-{certificate.public_code}.svg" in response["Content-Disposition"]


def test_qr_of_an_unknown_code_is_404(client):
    assert client.get("/xac-minh/ZZZZZZZZZZ/qr.png").status_code == 404


@pytest.fixture
def frozen(monkeypatch):
    """``frozen(day)`` makes ``timezone.localdate()`` answer ``day`` everywhere."""

    def freeze(day: date) -> None:
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    return freeze


def test_expiry_job_takes_the_product_off_lists_detail_basket_and_search_that_day(client, frozen):
    # given: a 4★ product whose certificate's last valid day is 2027-03-31
    category = CategoryFactory(name="Thực phẩm hết hạn")
    product = ProductFactory(title="Bánh đa Kế hết hạn")
    product.categories.add(category)
    StockRecordFactory(product=product)
    certificate = CertificateFactory(
        product=product, decision_date=date(2024, 4, 1), valid_until=date(2027, 3, 31)
    )
    frozen(date(2027, 3, 31))
    assert "Bánh đa Kế hết hạn" in client.get("/cua-hang/catalogue/").content.decode()
    assert client.get(product.get_absolute_url()).status_code == 200
    # when the daily job runs the next day
    frozen(date(2027, 4, 1))
    call_command("expire_certificates", stdout=io.StringIO())
    # then
    certificate.refresh_from_db()
    assert certificate.status == "expired"
    assert "Bánh đa Kế hết hạn" not in client.get("/cua-hang/catalogue/").content.decode()
    assert (
        "Bánh đa Kế hết hạn"
        not in client.get(reverse("search:search"), {"q": "banh da ke"}).content.decode()
    )
    assert client.get(product.get_absolute_url()).status_code == 404
    response = client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1}, follow=True
    )
    assert "không" in response.content.decode()
    assert not client.get(reverse("basket:summary")).context["basket"].num_lines
    html = client.get(certificate.get_verification_url()).content.decode()
    assert 'data-status="expired"' in html


def test_revoking_through_the_service_shows_on_the_verification_page(client):
    # given
    product = listed_product(5)
    certificate = product.certificates.get()
    # when
    services.certificate_revoke(certificate=certificate, reason="Không đạt khi hậu kiểm.")
    # then
    html = client.get(certificate.get_verification_url()).content.decode()
    assert 'data-status="revoked"' in html
    assert "Không đạt khi hậu kiểm." in html
    assert client.get(product.get_absolute_url()).status_code == 404
