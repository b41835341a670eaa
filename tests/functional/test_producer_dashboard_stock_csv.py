"""CSV export of stock and ledger; CSV import of stock counts with a preview, per-row errors,
nothing applied until confirmed, and a stale preview refused."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model

from producers.models import StockMovement
from producers.selectors import stock_balance
from producers.services import stock_move, stock_threshold_set, stock_transfer
from producers.stock_csv import MAX_BYTES, MAX_ROWS
from tests.factories import ShowroomFactory, listed_product

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

IMPORT = reverse("producer_dashboard:stock_import")
HEADER = "ma_san_pham,dia_diem,so_luong_dem\n"


@pytest.fixture
def showroom():
    return ShowroomFactory(slug="diem-ocop-luc-ngan", name="Điểm OCOP Lục Ngạn")


@pytest.fixture
def product(producer, showroom):
    product = listed_product(
        5, producer=producer, num_in_stock=0, upc="8930000000017", title="Vải thiều sấy"
    )
    stock_move(product=product, place=None, quantity=10, kind="received")
    stock_transfer(product=product, source=None, target=showroom, quantity=4)
    return product


def _upload(client, text: str | bytes, name="kiem-ke.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data, "text/csv")})


def _rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))


def test_stock_export_lists_every_product_and_location(signed_in, product, showroom):
    stock_threshold_set(product=product, place=showroom, threshold=2)
    rows = _rows(signed_in.get(reverse("producer_dashboard:stock_export")))
    assert rows[0][:3] == ["ma_san_pham", "ten_san_pham", "dia_diem"]
    by_location = {row[2]: row for row in rows[1:]}
    assert by_location["kho-online"][4] == "6"
    assert by_location["diem-ocop-luc-ngan"][4] == "4"
    assert by_location["diem-ocop-luc-ngan"][6] == "2"


def test_ledger_export_has_every_movement_of_the_producer_only(signed_in, product):
    listed_product(5)  # another producer's stock record, outside the ledger
    rows = _rows(signed_in.get(reverse("producer_dashboard:stock_ledger_export")))
    assert rows[0][0] == "thoi_gian"
    assert len(rows) == 1 + 3  # received, sent out, sent in
    assert {row[5] for row in rows[1:]} == {"received", "sent_to_showroom"}


def test_the_export_imports_back_unchanged(signed_in, product):
    exported = signed_in.get(reverse("producer_dashboard:stock_export")).content
    response = _upload(signed_in, exported)
    assert response.status_code == 200
    assert "không có gì để điều chỉnh" in response.content.decode()


def test_a_valid_count_is_previewed_then_applied_on_confirmation(signed_in, product):
    # when the file is uploaded
    response = _upload(
        signed_in, HEADER + "8930000000017,kho-online,3\n8930000000017,diem-ocop-luc-ngan,4\n"
    )
    # then a preview, nothing applied yet
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 dòng sẽ được điều chỉnh" in html and "(-3)" in html
    assert stock_balance(product=product, place=None) == 6
    # when confirmed
    confirmed = signed_in.post(IMPORT, {"confirm": "1", "token": response.context["token"]})
    # then one correction, in the ledger and the stock record
    assert confirmed.status_code == 302
    assert stock_balance(product=product, place=None) == 3
    assert StockRecord.objects.get(product=product).num_in_stock == 3
    assert StockMovement.objects.filter(kind="correction").count() == 1


def test_a_stale_preview_is_refused(signed_in, product):
    response = _upload(signed_in, HEADER + "8930000000017,kho-online,3\n")
    token = response.context["token"]
    stock_move(product=product, place=None, quantity=1, kind="spoiled")  # stock moved meanwhile
    confirmed = signed_in.post(IMPORT, {"confirm": "1", "token": token}, follow=True)
    assert "đã thay đổi" in confirmed.content.decode()
    assert stock_balance(product=product, place=None) == 5
    assert not StockMovement.objects.filter(kind="correction").exists()


def test_a_forged_confirmation_token_applies_nothing(signed_in, product):
    _upload(signed_in, HEADER + "8930000000017,kho-online,3\n")
    response = signed_in.post(IMPORT, {"confirm": "1", "token": "forged"}, follow=True)
    assert "không còn hiệu lực" in response.content.decode()
    assert stock_balance(product=product, place=None) == 6


def test_every_bad_row_is_reported_and_nothing_is_applied(signed_in, product):
    # given a file with one good row and one of each mistake
    theirs = listed_product(5, upc="8930000000099")
    text = (
        HEADER
        + "\n".join(
            [
                "8930000000017,kho-online,5",  # 2: fine
                "0000000000000,kho-online,5",  # 3: unknown product
                f"{theirs.upc},kho-online,5",  # 4: another producer's: reported as unknown
                "8930000000017,diem-khong-co,5",  # 5: unknown location
                "8930000000017,diem-ocop-luc-ngan,năm",  # 6: not a number
                "8930000000017,diem-ocop-luc-ngan,-2",  # 7: negative
                "8930000000017,kho-online,4",  # 8: duplicate of line 2
                f"{product.pk},diem-ocop-luc-ngan,2,9",  # 9: too many cells (and by id)
            ]
        )
        + "\n"
    )
    # when
    response = _upload(signed_in, text)
    # then
    assert response.status_code == 400
    html = response.content.decode()
    assert "Không có sản phẩm “0000000000000”" in html
    assert f"Không có sản phẩm “{theirs.upc}”" in html
    assert theirs.title not in html
    assert "Không có địa điểm “diem-khong-co”" in html
    assert "“năm” không phải số nguyên" in html
    assert "không thể âm" in html
    assert "Trùng với dòng 2" in html
    assert "Số cột (4) khác dòng tiêu đề (3)" in html
    assert "7 dòng có lỗi" in html
    assert 'name="confirm"' not in html
    assert stock_balance(product=product, place=None) == 6


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Tệp trống"),
        ("mã,nơi,số\n1,2,3\n".encode(), "Thiếu cột: ma_san_pham, dia_diem, so_luong_dem"),
        (b"ma_san_pham,dia_diem,so_luong_dem,gia\n1,kho-online,3,9\n", "Cột không nhận ra: gia"),
        (
            "ma_san_pham,dia_diem,so_luong_dem\nVải,kho-online,3\n".encode("utf-16"),
            "không phải văn bản UTF-8",
        ),
        (
            "ma_san_pham,dia_diem,so_luong_dem\nVái,kho-online,3\n".encode("latin-1"),
            "không phải văn bản UTF-8",
        ),
        (HEADER.encode(), "không có dòng dữ liệu"),
        (HEADER.encode() + b"8930000000017,kho-online,1\n" * (MAX_BYTES // 20), "Tệp quá lớn"),
        (HEADER.encode() + b"8930000000017,kho-online,1\n" * (MAX_ROWS + 1), "quá nhiều dòng"),
    ],
)
def test_file_level_problems_get_a_clear_message(signed_in, product, content, message):
    response = _upload(signed_in, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not StockMovement.objects.filter(kind="correction").exists()


def test_semicolon_separated_files_from_spreadsheets_are_read(signed_in, product):
    response = _upload(
        signed_in, "ma_san_pham;dia_diem;so_luong_dem\n8930000000017;diem-ocop-luc-ngan;1\n"
    )
    assert response.status_code == 200 and "(-3)" in response.content.decode()
