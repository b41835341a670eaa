"""Traceable batches (lô hàng): a producer records one from the dashboard, prints its labels on A4
sheets, and the label's QR opens the public batch page with the OCOP certificate's state today;
shipped order lines record their batch and the shopper's order page links to it."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
import segno
import zxingcpp
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from catalog import services as catalog_services
from marketplace.checkout import rules
from producers.models import Batch, BatchLine
from producers.services import BatchError, batch_record
from tests.factories import ShowroomFactory, UserFactory, listed_product
from tests.functional.test_producer_orders import act, line_of, place_order, producer_client

pytestmark = pytest.mark.django_db


def _record(product, **kwargs):
    values = {
        "harvest_date": timezone.localdate() - timedelta(days=2),
        "quantity": 100,
        "today": timezone.localdate(),
    }
    values.update(kwargs)
    return batch_record(producer=product.producer, product=product, **values)


def _decode_png(content: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(content)))]


def test_a_producer_records_a_batch_with_the_certificate_in_force():
    # given a 5-star lychee with a growing-area code
    lychee = listed_product(5, title="Vải thiều Lục Ngạn")
    lychee.growing_area_code = "VN-BGOR-0012"
    lychee.save()
    client = producer_client(lychee.producer)
    showroom = ShowroomFactory()
    # when the producer records a batch from the dashboard (a date typed dd/mm/yyyy)
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        reverse("producer_dashboard:batches"),
        {
            "product": lychee.pk,
            "harvest_date": day.strftime("%d/%m/%Y"),
            "quantity": "250",
            "growing_area": "Vườn thôn Bãi Chợ",
            "growing_area_code": "",
            "place": showroom.pk,
            "notes": "Hái sáng sớm",
        },
    )
    # then it is stored with a code, the product's growing-area code and its certificate
    assert response.status_code == 302
    batch = Batch.objects.get()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{8}", batch.code)
    assert batch.certificate == lychee.certificates.get()
    assert batch.growing_area_code == "VN-BGOR-0012"
    assert (batch.harvest_date, batch.quantity, batch.place) == (day, 250, showroom)
    page = client.get(reverse("producer_dashboard:batches")).content.decode()
    assert batch.display_code in page and "Vải thiều Lục Ngạn" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("growing_area_code", "vùng 12", "VN-BGOR-0012"),
        ("growing_area_code", "VN-BGPH-0003", "không phải mã số vùng trồng"),
        ("quantity", "0", "lớn hơn 0"),
        ("quantity", "abc", "số nguyên"),
        ("harvest_date", "31/02/2026", "Ngày không hợp lệ"),
    ],
)
def test_bad_batch_input_is_a_form_error_and_nothing_is_written(field, value, message):
    # given
    product = listed_product(4)
    client = producer_client(product.producer)
    data = {
        "product": product.pk,
        "harvest_date": timezone.localdate().isoformat(),
        "quantity": "10",
        "growing_area_code": "",
    }
    data[field] = value
    # when
    response = client.post(reverse("producer_dashboard:batches"), data)
    # then
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Batch.objects.exists()


def test_a_future_harvest_date_is_refused():
    product = listed_product(4)
    client = producer_client(product.producer)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("producer_dashboard:batches"),
        {"product": product.pk, "harvest_date": tomorrow.isoformat(), "quantity": "10"},
    )
    assert response.status_code == 400
    assert "không thể sau hôm nay" in response.content.decode()
    assert not Batch.objects.exists()


def test_another_producers_product_cannot_get_a_batch():
    # given
    mine, theirs = listed_product(4), listed_product(4)
    client = producer_client(mine.producer)
    # when (the form) and when (the service, called directly)
    response = client.post(
        reverse("producer_dashboard:batches"),
        {"product": theirs.pk, "harvest_date": timezone.localdate().isoformat(), "quantity": "5"},
    )
    with pytest.raises(BatchError):
        batch_record(
            producer=mine.producer,
            product=theirs,
            harvest_date=timezone.localdate(),
            quantity=5,
            today=timezone.localdate(),
        )
    # then
    assert response.status_code == 400
    assert not Batch.objects.exists()


def test_the_label_qr_decodes_to_the_batch_page_which_shows_the_certificate_state(client):
    # given a batch of a 5-star product
    product = listed_product(5, title="Mỳ Chũ")
    product.producer.packing_facility_code = "VN-BGPH-0003"
    product.producer.save()
    batch = _record(product, growing_area_code="vn bgor 7")
    producer = producer_client(product.producer)
    # when the producer opens the label sheet
    sheet = producer.get(reverse("producer_dashboard:batch_labels", kwargs={"batch_id": batch.pk}))
    html = sheet.content.decode()
    # then an A4 print page with one sheet of 24 labels carrying the codes
    assert sheet.status_code == 200
    assert "@page { size: A4" in html
    assert html.count('data-testid="batch-label"') == 24
    assert "VN-BGOR-7" in html and "VN-BGPH-0003" in html and batch.display_code in html
    # and the label's QR (the PNG, decoded by a real decoder) is the batch page's address
    png = client.get(reverse("batches:qr-png", args=[batch.code]))
    assert png["Content-Type"] == "image/png"
    [url] = _decode_png(png.content)
    assert url == f"http://testserver/lo-hang/{batch.code}/"
    # and the labels on the sheet carry that very QR (the same symbol, drawn inline as SVG)
    label_qr = segno.make_qr(url, error="m").svg_inline(scale=3, border=2, omitsize=True)
    assert html.count(label_qr) == 24
    # when a shopper opens it
    page = client.get(url.removeprefix("http://testserver"))
    text = page.content.decode()
    # then the page names the product, producer, date, codes and the certificate's state
    assert page.status_code == 200
    assert 'data-status="valid"' in text and "Còn hiệu lực" in text
    assert "Mỳ Chũ" in text and product.producer.name in text
    assert batch.harvest_date.strftime("%d/%m/%Y") in text
    assert "VN-BGOR-7" in text and "VN-BGPH-0003" in text


def test_the_batch_page_follows_the_certificate_when_it_is_revoked(client):
    # given a batch, then its certificate revoked
    product = listed_product(4)
    batch = _record(product)
    catalog_services.certificate_revoke(
        certificate=product.certificates.get(),
        reason="Vi phạm chất lượng",
        by=UserFactory(is_staff=True),
    )
    # when
    text = client.get(batch.get_absolute_url()).content.decode()
    # then, as /xac-minh/ says
    assert 'data-status="revoked"' in text and "Đã thu hồi" in text


def test_the_svg_qr_and_label_count_and_unknown_codes(client):
    # given
    product = listed_product(4)
    batch = _record(product)
    producer = producer_client(product.producer)
    # then SVG is served, a sheet count is honoured, and a bad count falls back to one sheet
    svg = client.get(reverse("batches:qr-svg", args=[batch.code]))
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    url = reverse("producer_dashboard:batch_labels", kwargs={"batch_id": batch.pk})
    assert producer.get(url, {"so": "30"}).content.decode().count('data-testid="label-sheet"') == 2
    assert producer.get(url, {"so": "-3"}).content.decode().count('data-testid="batch-label"') == 24
    # and a code typed in lower case with a dash finds the batch; garbage is a clear 404
    assert client.get(f"/lo-hang/{batch.display_code.lower()}/").status_code == 200
    missing = client.get("/lo-hang/khong-co/")
    assert missing.status_code == 404 and "Không có lô hàng nào" in missing.content.decode()


def test_a_shipped_line_records_the_oldest_batch_that_holds_it_and_the_shopper_sees_it(client):
    # given two batches (the older too small for the line) and a paid-on-delivery order of 3
    lychee = listed_product(5, title="Vải thiều sấy", price=Decimal("90000"))
    today = timezone.localdate()
    _record(lychee, harvest_date=today - timedelta(days=9), quantity=2)
    fitting = _record(lychee, harvest_date=today - timedelta(days=5), quantity=40)
    _record(lychee, harvest_date=today - timedelta(days=1), quantity=40)
    order = place_order((lychee, 3))
    shopper = UserFactory()
    order.user = shopper
    order.save()
    producer = producer_client(lychee.producer)
    line = line_of(order, lychee)
    # when the producer ships the line
    response = act(producer, line, rules.LINE_SHIPPED, carrier="GHN", tracking_number="GHN1")
    # then the line is recorded against the oldest batch with 3 left
    assert response.status_code == 302
    link = BatchLine.objects.get(line=line)
    assert (link.batch, link.quantity) == (fitting, 3)
    # and the shopper's order page links to the batch page
    client.force_login(shopper)
    page = client.get(reverse("customer:order", kwargs={"order_number": order.number}))
    assert fitting.get_absolute_url() in page.content.decode()
    # and the batch page says it went to one online order
    text = client.get(fitting.get_absolute_url()).content.decode()
    assert "1 đơn hàng trực tuyến (3 sản phẩm)" in text


def test_a_line_no_batch_can_fill_ships_without_a_batch():
    # given a single batch of 1 and a line of 2
    product = listed_product(4, price=Decimal("50000"))
    _record(product, quantity=1)
    order = place_order((product, 2))
    producer = producer_client(product.producer)
    # when
    response = act(
        producer, line_of(order, product), rules.LINE_SHIPPED, carrier="GHN", tracking_number="GHN2"
    )
    # then shipped, with no batch claimed
    assert response.status_code == 302
    assert not BatchLine.objects.exists()


def test_the_product_page_shows_its_growing_area_code(client):
    product = listed_product(5)
    product.growing_area_code = "VN-BGOR-0101"
    product.save()
    text = client.get(product.get_absolute_url()).content.decode()
    assert "VN-BGOR-0101" in text


def test_the_search_page_filters_by_export_growing_area_code(client):
    # given two listed products, one with an export growing-area code, both indexed
    from search.indexing import products_reindex

    coded = listed_product(5, title="Vải thiều có mã")
    coded.growing_area_code = "VN-BGOR-0012"
    coded.save()
    plain = listed_product(5, title="Vải thiều không mã")
    products_reindex(product_ids=[coded.pk, plain.pk])
    # when the shopper follows the filter
    page = client.get(reverse("search:search"), {"q": "vải thiều", "export": "1"})
    text = page.content.decode()
    # then only the coded product is listed, and the facet is offered
    assert page.status_code == 200
    assert "Vải thiều có mã" in text and "Vải thiều không mã" not in text
    assert "Có mã số vùng trồng xuất khẩu" in text


def test_the_producer_may_pick_the_batch_but_never_another_producers():
    # given two batches of the product, an order of 2, and another producer's batch
    product = listed_product(5, price=Decimal("70000"))
    today = timezone.localdate()
    _record(product, harvest_date=today - timedelta(days=8), quantity=10)
    newer = _record(product, harvest_date=today - timedelta(days=2), quantity=10)
    foreign = _record(listed_product(4))
    order = place_order((product, 2))
    producer = producer_client(product.producer)
    line = line_of(order, product)
    page = producer.get(reverse("producer_dashboard:order_line", kwargs={"line_id": line.pk}))
    assert newer.display_code in page.content.decode()
    # when shipping with the other producer's batch
    refused = act(
        producer, line, rules.LINE_SHIPPED, carrier="GHN", tracking_number="G3", batch=foreign.pk
    )
    # then refused whole: the line is not shipped and no batch recorded
    assert refused.status_code == 400
    line.refresh_from_db()
    assert line.status == rules.LINE_PENDING
    assert not BatchLine.objects.exists()
    # when shipping with the newer batch picked
    shipped = act(
        producer, line, rules.LINE_SHIPPED, carrier="GHN", tracking_number="G3", batch=newer.pk
    )
    # then that batch is recorded
    assert shipped.status_code == 302
    assert BatchLine.objects.get(line=line).batch == newer


def test_staff_find_a_batch_by_its_code_in_the_django_admin(admin_client):
    batch = _record(listed_product(4))
    page = admin_client.get(reverse("admin:partner_batch_changelist"), {"q": batch.code})
    assert page.status_code == 200 and batch.code in page.content.decode()


def test_the_producer_sets_the_growing_area_code_on_the_product_edit_page():
    # given
    product = listed_product(5)
    client = producer_client(product.producer)
    url = reverse("producer_dashboard:product_edit", kwargs={"product_id": product.pk})

    def post(code):
        from producers.selectors import product_version

        product.refresh_from_db()
        return client.post(
            url,
            {
                "version": product_version(product),
                "price": "90000",
                "description": "Vải",
                "growing_area_code": code,
            },
        )

    # when a code is typed loosely, then it is stored canonically
    assert post("vn bgor 12").status_code == 302
    product.refresh_from_db()
    assert product.growing_area_code == "VN-BGOR-12"
    # when garbage is typed, then a form error and the code is unchanged
    refused = post("đang làm hồ sơ")
    assert refused.status_code == 400 and "VN-BGOR-0012" in refused.content.decode()
    product.refresh_from_db()
    assert product.growing_area_code == "VN-BGOR-12"
