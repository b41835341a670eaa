"""My products: the badge and why each product is or is not on sale, editing price,
description and photos with optimistic concurrency, and proposing a draft."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image

from catalog import selectors as catalog_selectors
from producers.selectors import product_version
from producers.services import stock_move
from tests.factories import (
    CertificateFactory,
    ProductClassFactory,
    ProductFactory,
    listed_product,
    product_in_state,
)

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

PRODUCTS = reverse("producer_dashboard:products")


def _png(width=400, height=300, fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def _edit_url(product):
    return reverse("producer_dashboard:product_edit", kwargs={"product_id": product.pk})


def test_each_product_says_whether_it_is_on_sale_and_why_not(signed_in, producer):
    # given one product in every situation
    titles = {
        "on_sale": listed_product(5, producer=producer, title="Vải thiều hộp 2 kg"),
        "sold_out": listed_product(4, producer=producer, title="Mỳ Chũ 500 g", num_in_stock=0),
        "two_star": product_in_state("2_star", producer=producer, title="Rượu làng Vân"),
        "expired": product_in_state("expired", producer=producer, title="Gà đồi Yên Thế"),
        "revoked": product_in_state("revoked", producer=producer, title="Nước ép vải"),
        "unrated": product_in_state("unrated", producer=producer, title="Miến dong mới"),
    }
    ProductFactory(title="Sản phẩm nhà khác")  # another producer's
    # when
    html = signed_in.get(PRODUCTS).content.decode()
    # then
    assert "Sản phẩm nhà khác" not in html
    for title in ("Vải thiều hộp 2 kg", "Mỳ Chũ 500 g", "Rượu làng Vân"):
        assert title in html
    assert html.count("Đang bán") == 1
    for reason in (
        "Hết hàng ở kho trực tuyến",
        "Dưới 3 sao OCOP",
        "Chứng nhận đã hết hiệu lực",
        "Chứng nhận đã bị thu hồi",
        "chờ hội đồng đánh giá",
    ):
        assert reason in html, reason
    assert 'aria-label="5 sao OCOP"' in html  # the star badge partial
    assert titles


def test_products_page_queries_do_not_grow_with_the_products(signed_in, producer, settings):
    # Counted on a cold render, as the query budgets are: adding products renews the shared
    # fragments (menu, footer), which a warm first count would not include.
    settings.FRAGMENT_CACHE_ENABLED = False

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert signed_in.get(PRODUCTS).status_code == 200
        return len(ctx)

    listed_product(5, producer=producer)
    count()  # the first request of a session makes its basket: not the page's cost
    few = count()
    for stars in (3, 4, 5, 2, 1):
        listed_product(stars, producer=producer)
    product_in_state("revoked", producer=producer)
    product_in_state("unrated", producer=producer)
    assert count() == few
    assert few <= 20


def test_editing_price_and_description_saves_both(signed_in, producer):
    product = listed_product(5, producer=producer)
    response = signed_in.post(
        _edit_url(product),
        {
            "version": product_version(product),
            "price": "165000",
            "description": "Hộp 2 kg, hái trong ngày.",
        },
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.description == "Hộp 2 kg, hái trong ngày."
    assert StockRecord.objects.get(product=product).price == 165000


def test_a_stale_save_from_a_second_tab_is_refused_and_writes_nothing(signed_in, producer):
    # given two tabs opened on the same version
    product = listed_product(5, producer=producer, description="Bản gốc")
    version = product_version(product)
    first = signed_in.post(
        _edit_url(product), {"version": version, "price": "160000", "description": "Tab thứ nhất"}
    )
    assert first.status_code == 302
    # when the second tab saves its older copy
    second = signed_in.post(
        _edit_url(product), {"version": version, "price": "99000", "description": "Tab thứ hai"}
    )
    # then
    assert second.status_code == 409
    assert "vừa được lưu ở nơi khác" in second.content.decode()
    product.refresh_from_db()
    assert product.description == "Tab thứ nhất"
    assert StockRecord.objects.get(product=product).price == 160000


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("anh.jpg", b"not an image at all", "không phải ảnh hợp lệ"),
        ("nho.png", _png(50, 50), "cần mỗi cạnh từ 200"),
        ("anh.gif", None, "chỉ nhận JPEG, PNG, WebP"),
    ],
)
def test_bad_photos_are_refused_with_a_clear_message(signed_in, producer, name, content, message):
    if content is None:
        content = _png(fmt="GIF")
    product = listed_product(5, producer=producer)
    response = signed_in.post(
        _edit_url(product),
        {
            "version": product_version(product),
            "price": "150000",
            "description": "x",
            "photos": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not product.images.exists()


def test_a_good_photo_is_added_and_can_be_removed(signed_in, producer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    product = listed_product(5, producer=producer)
    response = signed_in.post(
        _edit_url(product),
        {
            "version": product_version(product),
            "price": "150000",
            "description": "x",
            "photos": SimpleUploadedFile("vai.png", _png(), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    image = product.images.get()
    product.refresh_from_db()
    response = signed_in.post(
        _edit_url(product),
        {
            "version": product_version(product),
            "price": "150000",
            "description": "x",
            "remove_photos": [image.pk],
        },
    )
    assert response.status_code == 302
    assert not product.images.exists()


def test_a_photo_with_too_many_pixels_is_refused_before_it_is_decoded(signed_in, producer):
    # given an 8000×8000 PNG (sides within 200–8000, 64 million pixels; 1-bit so that building
    # it in the test stays small: the check reads the header, whatever the mode)
    buffer = io.BytesIO()
    Image.new("1", (8000, 8000)).save(buffer, "PNG")
    product = listed_product(5, producer=producer)
    # when
    response = signed_in.post(
        _edit_url(product),
        {
            "version": product_version(product),
            "price": "150000",
            "description": "x",
            "photos": SimpleUploadedFile("lon.png", buffer.getvalue(), content_type="image/png"),
        },
    )
    # then
    assert response.status_code == 400
    assert "quá nhiều điểm ảnh" in response.content.decode()
    assert not product.images.exists()


def test_a_photo_is_stored_re_encoded_without_appended_html_or_metadata(
    signed_in, producer, settings, tmp_path
):
    # given a real JPEG with EXIF (a GPS-like comment) and HTML appended after its end
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010E] = "toa do trang trai 21.3,106.4"  # ImageDescription
    Image.new("RGB", (400, 300), (10, 120, 10)).save(buffer, "JPEG", exif=exif)
    content = buffer.getvalue() + b"<html><script>alert(1)</script></html>"
    product = listed_product(5, producer=producer)
    # when
    response = signed_in.post(
        _edit_url(product),
        {
            "version": product_version(product),
            "price": "150000",
            "description": "x",
            "photos": SimpleUploadedFile("vai.jpg", content, content_type="image/jpeg"),
        },
    )
    # then
    assert response.status_code == 302
    stored = product.images.get().original.read()
    assert stored.startswith(b"\xff\xd8") and b"<script" not in stored
    assert b"toa do trang trai" not in stored


def test_bad_prices_are_refused(signed_in, producer):
    product = listed_product(5, producer=producer)
    for price, message in (("abc", "số đồng"), ("-5", "1.000"), ("12.5", "số đồng")):
        response = signed_in.post(
            _edit_url(product),
            {"version": product_version(product), "price": price, "description": "x"},
        )
        assert response.status_code == 400 and message in response.content.decode(), price
    assert StockRecord.objects.get(product=product).price == 150000


def test_a_proposed_product_is_a_draft_off_sale_until_a_council_rates_it(signed_in, producer):
    # when the producer proposes a product, trying to slip in stars and a certificate
    product_class = ProductClassFactory()
    response = signed_in.post(
        reverse("producer_dashboard:product_new"),
        {
            "title": "Mật ong bạc hà",
            "product_class": product_class.pk,
            "price": "220000",
            "description": "Lọ 500 ml",
            "stars": "5",
            "ocop_stars": "5",
            "is_public": "on",
        },
    )
    # then a product with no certificate, not on sale, explained as awaiting review
    assert response.status_code == 302
    product = Product.objects.get(title="Mật ong bạc hà")
    assert product.producer == producer and not product.certificates.exists()
    assert not catalog_selectors.product_is_listed(product)
    assert "chờ hội đồng đánh giá" in signed_in.get(PRODUCTS).content.decode()
    # when staff record a 4★ rating (and stock arrives), it goes on sale
    CertificateFactory(product=product, decision_date=timezone.localdate() - timedelta(days=1))
    stock_move(product=product, place=None, quantity=5, kind="received")
    assert catalog_selectors.product_is_listed(product)


def test_a_draft_needs_a_title_and_a_price(signed_in):
    response = signed_in.post(reverse("producer_dashboard:product_new"), {"title": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Hãy nhập giá bán." in html
    assert not Product.objects.exists()
