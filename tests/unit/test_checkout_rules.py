"""Checkout rules without a database: phone numbers, provinces, delivery charges, order status
from line statuses, and the VietQR payload."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marketplace.checkout import rules
from marketplace.payment.methods import vietqr

TARIFF = rules.DeliveryTariff(
    home_province="Bắc Ninh",
    base={rules.IN_PROVINCE: 20000, rules.OTHER_PROVINCES: 35000},
    per_extra_kg={rules.IN_PROVINCE: 5000, rules.OTHER_PROVINCES: 10000},
    included_grams=1000,
    free_above=500000,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0912345678", "+84912345678"),
        ("0912 345 678", "+84912345678"),
        ("+84 912.345.678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("(0204) 385-4321", "+842043854321"),
        ("0387654321", "+84387654321"),
    ],
)
def test_vietnamese_phone_numbers_are_normalised_to_e164(raw, expected):
    # when
    normalized = rules.phone_normalize(raw)
    # then
    assert normalized == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "12345",
        "0112345678",
        "091234567",
        "09123456789",
        "abc0912345678",
        None,
        912345678,
        "+1 202 555 0100",
        "0612345678",
    ],
)
def test_numbers_that_are_not_vietnamese_phones_are_refused(raw):
    assert rules.phone_normalize(raw) is None


def test_there_are_34_provinces_and_bac_giang_is_found_in_bac_ninh():
    # given
    provinces = rules.provinces()
    # when
    merged = rules.province_by_name("bắc giang")
    # then
    assert len(provinces) == 34
    assert len({p.name for p in provinces}) == 34
    assert merged is not None and merged.name == "Bắc Ninh"
    assert rules.province_by_name("Atlantis") is None


def test_delivery_zone_is_in_province_for_the_merged_province_only():
    assert rules.delivery_zone(province_name="Bắc Ninh", tariff=TARIFF) == rules.IN_PROVINCE
    assert rules.delivery_zone(province_name="Bắc Giang", tariff=TARIFF) == rules.IN_PROVINCE
    assert rules.delivery_zone(province_name="Hà Nội", tariff=TARIFF) == rules.OTHER_PROVINCES
    assert rules.delivery_zone(province_name="", tariff=TARIFF) == rules.OTHER_PROVINCES


@pytest.mark.parametrize(
    ("zone", "grams", "total", "charge"),
    [
        (rules.IN_PROVINCE, 0, 100000, 20000),
        (rules.IN_PROVINCE, 1000, 100000, 20000),
        (rules.IN_PROVINCE, 1001, 100000, 25000),
        (rules.IN_PROVINCE, 3000, 100000, 30000),
        (rules.OTHER_PROVINCES, 2500, 100000, 55000),
        (rules.OTHER_PROVINCES, 2500, 499999, 55000),
        (rules.OTHER_PROVINCES, 2500, 500000, 0),
    ],
)
def test_delivery_charge_follows_zone_weight_and_free_threshold(zone, grams, total, charge):
    assert (
        rules.delivery_charge(zone=zone, weight_grams=grams, goods_total=total, tariff=TARIFF)
        == charge
    )


def test_delivery_charge_refuses_unknown_zone_and_negative_weight():
    with pytest.raises(ValueError):
        rules.delivery_charge(zone="moon", weight_grams=1, goods_total=1, tariff=TARIFF)
    with pytest.raises(ValueError):
        rules.delivery_charge(zone=rules.IN_PROVINCE, weight_grams=-1, goods_total=1, tariff=TARIFF)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([rules.LINE_PENDING, rules.LINE_PENDING], "current"),
        ([rules.LINE_SHIPPED, rules.LINE_PENDING], rules.ORDER_PARTLY_SHIPPED),
        ([rules.LINE_SHIPPED, rules.LINE_DELIVERED], rules.ORDER_SHIPPED),
        ([rules.LINE_DELIVERED, rules.LINE_DELIVERED], rules.ORDER_DELIVERED),
        ([rules.LINE_READY, rules.LINE_COLLECTED], rules.ORDER_READY),
        ([rules.LINE_COLLECTED, rules.LINE_CANCELLED], rules.ORDER_COLLECTED),
        ([rules.LINE_CANCELLED], rules.ORDER_CANCELLED),
        ([], "current"),
    ],
)
def test_order_status_follows_its_lines(statuses, expected):
    assert rules.order_status_from_lines(statuses, current="current") == expected


def test_crc16_ccitt_matches_the_standard_check_value():
    assert vietqr.crc16_ccitt(b"123456789") == 0x29B1


def test_vietqr_payload_carries_bin_account_amount_and_reference():
    # when
    data = vietqr.payload(
        bank_bin="970436", account="0011001234567", amount=150000, message="OCOP Đơn 100023"
    )
    # then
    fields = vietqr.parse(data)
    merchant = vietqr.parse(fields["38"])
    beneficiary = vietqr.parse(merchant["01"])
    assert fields["00"] == "01" and fields["01"] == "12"
    assert merchant["00"] == "A000000727" and merchant["02"] == "QRIBFTTA"
    assert beneficiary == {"00": "970436", "01": "0011001234567"}
    assert fields["53"] == "704" and fields["54"] == "150000" and fields["58"] == "VN"
    assert vietqr.parse(fields["62"])["08"] == "OCOP Don 100023"
    assert data[-8:-4] == "6304"
    assert int(fields["63"], 16) == vietqr.crc16_ccitt(data[:-4].encode())


@pytest.mark.parametrize(
    "kwargs",
    [
        {"bank_bin": "97043", "account": "1", "amount": 1},
        {"bank_bin": "970436", "account": "", "amount": 1},
        {"bank_bin": "970436", "account": "12-34", "amount": 1},
        {"bank_bin": "970436", "account": "1", "amount": 0},
        {"bank_bin": "970436", "account": "1", "amount": -5},
        {"bank_bin": "970436", "account": "1", "amount": 1.5},
        {"bank_bin": "970436", "account": "1", "amount": True},
        {"bank_bin": "970436", "account": "1", "amount": 10**14},
    ],
)
def test_vietqr_payload_refuses_bad_input(kwargs):
    with pytest.raises(ValueError):
        vietqr.payload(message="x", **kwargs)


@given(amount=st.integers(min_value=1, max_value=9_999_999_999_999), ref=st.text(max_size=40))
def test_vietqr_amount_is_the_whole_dong_total_and_crc_always_checks(amount, ref):
    data = vietqr.payload(bank_bin="970422", account="123456789", amount=amount, message=ref)
    fields = vietqr.parse(data)
    assert int(fields["54"]) == amount
    assert int(fields["63"], 16) == vietqr.crc16_ccitt(data[:-4].encode())
    assert data.isascii()


def test_vietqr_image_scans_back_to_the_payload():
    # given
    import io

    import segno
    import zxingcpp
    from PIL import Image

    data = vietqr.payload(
        bank_bin="970436", account="0011001234567", amount=390000, message="OCOP 100042"
    )
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=6, border=4)
    buffer.seek(0)
    # when
    decoded = zxingcpp.read_barcodes(Image.open(buffer))
    # then
    assert [code.text for code in decoded] == [data]
    assert vietqr.qr_svg_data_uri(data).startswith("data:image/svg+xml")


# --- free-delivery threshold and delivery estimates -----------------------------------------

_TARIFF = rules.DeliveryTariff(
    home_province="Bắc Ninh",
    base={"in_province": 20000, "other_provinces": 35000},
    per_extra_kg={"in_province": 5000, "other_provinces": 10000},
    free_above=500_000,
    delivery_days={"in_province": (1, 2), "other_provinces": (2, 4)},
)


@pytest.mark.parametrize(
    ("goods", "shortfall"),
    [
        (0, 500_000),
        (380_000, 120_000),
        (499_999, 1),
        (500_000, 0),
        (750_000, 0),
    ],
)
def test_free_delivery_shortfall_is_what_the_basket_still_lacks(goods, shortfall):
    # given the tariff (free from 500.000 ₫) / when / then
    assert rules.free_delivery_shortfall(goods_total=goods, tariff=_TARIFF) == shortfall


def test_no_threshold_means_no_free_delivery_message():
    # given a tariff that never delivers free
    tariff = rules.DeliveryTariff(
        home_province="Bắc Ninh",
        base={"in_province": 1},
        per_extra_kg={"in_province": 1},
        free_above=None,
    )
    # when / then
    assert rules.free_delivery_shortfall(goods_total=900_000, tariff=tariff) is None


def test_delivery_estimate_per_zone_and_none_when_unknown():
    # given / when / then
    assert rules.delivery_estimate(zone="in_province", tariff=_TARIFF) == (1, 2)
    assert rules.delivery_estimate(zone="other_provinces", tariff=_TARIFF) == (2, 4)
    assert rules.delivery_estimate(zone="abroad", tariff=_TARIFF) is None


def test_delivery_estimate_refuses_a_backwards_range():
    # given a tariff typed wrong (most days below fewest)
    tariff = rules.DeliveryTariff(
        home_province="Bắc Ninh",
        base={"in_province": 1},
        per_extra_kg={"in_province": 1},
        delivery_days={"in_province": (3, 1)},
    )
    # when / then
    with pytest.raises(ValueError):
        rules.delivery_estimate(zone="in_province", tariff=tariff)


# --- communes and wards of today's provinces ------------------------------------------------


def test_every_province_has_its_communes_and_wards_from_july_2025():
    wards = rules.wards_by_province()
    assert set(wards) == {p.name for p in rules.provinces()}
    assert sum(len(w) for w in wards.values()) == 3321
    assert "Phường Chũ" in wards["Bắc Ninh"] and "Phường Ba Đình" in wards["Hà Nội"]


@pytest.mark.parametrize("typed", ["Phường Chũ", "phuong chu", "  PHƯỜNG   CHŨ ", "Chũ", "chu"])
def test_a_ward_is_found_however_it_is_typed(typed):
    assert rules.ward_match("Bắc Ninh", typed) == "Phường Chũ"


def test_a_former_province_name_finds_the_merged_provinces_wards():
    assert rules.ward_match("Bắc Giang", "Phường Chũ") == "Phường Chũ"


@pytest.mark.parametrize(
    "province, typed",
    [
        ("Bắc Ninh", "Xã Thanh Hải"),  # merged away in 2025: not a unit any more
        ("Hà Nội", "Phường Chũ"),  # a ward of another province
        ("Bắc Ninh", ""),
        ("Atlantis", "Phường Chũ"),
    ],
)
def test_a_unit_outside_the_province_or_no_longer_existing_is_refused(province, typed):
    assert rules.ward_match(province, typed) is None
