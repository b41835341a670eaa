"""The traceability rules (catalog/traceability.py): growing-area and packing-facility codes,
batch codes and which batch a shipped line is recorded against."""

from __future__ import annotations

import random
from datetime import date

import pytest

from catalog import traceability as t


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("VN-BGOR-0012", "VN-BGOR-0012"),
        ("vn-bgor-0012", "VN-BGOR-0012"),
        ("  VN BGOR 0012 ", "VN-BGOR-0012"),
        ("VNBGOR0012", "VN-BGOR-0012"),
        ("VN–BGOR–0012", "VN-BGOR-0012"),  # en dashes, as word processors type them
        ("VN_BGOR.12", "VN-BGOR-12"),  # the number is kept as written, not padded
        ("VN-HCMOR-004", "VN-HCMOR-004"),  # three-letter province
        ("VN-BGOR-123456", "VN-BGOR-123456"),
    ],
)
def test_growing_area_codes_are_read_tolerantly_and_stored_canonically(typed, stored):
    assert t.trace_code_parse(typed, kind=t.GROWING_AREA) == stored


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "   ",
        "0012",
        "BGOR-0012",
        "US-BGOR-0012",
        "VN-BG-0012",
        "VN-BGOR-",
        "VN-BGOR-00A2",
        "VN-BGOR-1234567",
        "VN-B-OR-0012",
        "VN-BGORX-0012",
        "hello",
        "VN-BGOR-0012; DROP TABLE",
        "VN-BGOR-" + "1" * 40,
        "VN-BGZZ-0012",
    ],
)
def test_garbage_is_refused_with_the_expected_form_named(garbage):
    with pytest.raises(t.TraceCodeError) as error:
        t.trace_code_parse(garbage, kind=t.GROWING_AREA)
    assert "VN-BGOR-0012" in str(error.value)


def test_a_packing_facility_code_is_not_accepted_as_a_growing_area_code():
    with pytest.raises(t.TraceCodeError, match="cơ sở đóng gói"):
        t.trace_code_parse("VN-BGPH-0003", kind=t.GROWING_AREA)
    assert t.trace_code_parse("vn bgph 3", kind=t.PACKING_FACILITY) == "VN-BGPH-3"
    with pytest.raises(t.TraceCodeError):
        t.trace_code_parse("VN-BGOR-0012", kind=t.PACKING_FACILITY)


def test_the_export_code_filter_accepts_only_readable_growing_area_codes():
    assert t.is_export_growing_area_code("VN-BGOR-0012")
    assert not t.is_export_growing_area_code("")
    assert not t.is_export_growing_area_code(None)
    assert not t.is_export_growing_area_code("VN-BGPH-0003")
    assert not t.is_export_growing_area_code("đang làm hồ sơ")


def test_batch_codes_are_eight_unambiguous_characters():
    # given a seeded source of randomness
    rng = random.Random(17)
    # when
    codes = {t.batch_code_generate(rng.choice) for _ in range(500)}
    # then
    assert len(codes) == 500
    for code in codes:
        assert len(code) == t.BATCH_CODE_LENGTH
        assert not set(code) & set("ILOU")
        assert t.batch_code_normalise(code) == code


def test_a_batch_code_is_read_back_as_printed_or_misread():
    assert t.batch_code_display("7K3Q9XMD") == "7K3Q-9XMD"
    assert t.batch_code_normalise("7k3q-9xmd") == "7K3Q9XMD"
    assert t.batch_code_normalise(" 7K3Q 9XMD ") == "7K3Q9XMD"
    assert t.batch_code_normalise("OIL23456") == "01123456"  # O→0, I/L→1
    for bad in ("", None, "7K3Q9XM", "7K3Q9XMDX", "7K3Q9XMU", "7K3Q/9XMD"):
        assert t.batch_code_normalise(bad) is None


def _b(key, day, remaining):
    return t.BatchStock(key=key, harvest_date=date(2026, 6, day), remaining=remaining)


def test_the_oldest_batch_that_holds_the_line_is_picked():
    batches = [_b(1, 20, 50), _b(2, 5, 2), _b(3, 10, 10), _b(4, 10, 10)]
    # the 5 June batch has too few; of the two 10 June batches the first recorded wins
    assert t.batch_pick(batches, quantity=3) == 3
    assert t.batch_pick(batches, quantity=2) == 2
    assert t.batch_pick(batches, quantity=11) == 1


def test_no_batch_is_picked_when_none_holds_the_line():
    assert t.batch_pick([_b(1, 1, 2), _b(2, 2, 0)], quantity=3) is None
    assert t.batch_pick([], quantity=1) is None
    assert t.batch_pick([_b(1, 1, 5)], quantity=0) is None


def test_remaining_never_goes_below_zero():
    assert t.batch_remaining(quantity=10, shipped=4) == 6
    assert t.batch_remaining(quantity=10, shipped=12) == 0
