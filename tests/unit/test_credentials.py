"""The product-credential rules (catalog/credentials.py): kinds as data, GTIN check digits,
and when a credential shows."""

from datetime import date

import pytest

from catalog import credentials as cr


@pytest.mark.parametrize("code", ["8930000000019", "8935049500629", "96385074", "4006381333931"])
def test_valid_gtins_pass_the_check_digit(code):
    # given a GTIN-13 or GTIN-8 with a correct check digit
    # when it is cleaned
    # then it is kept as typed
    assert cr.gtin_clean(code) == code


def test_gtin_check_digit_is_computed_with_weights_three_and_one():
    # given the body of a known GTIN-13 and of a known GTIN-8
    # when the check digit is computed
    # then it is the published one
    assert cr.gtin_check_digit("400638133393") == 1
    assert cr.gtin_check_digit("9638507") == 4


def test_gtin_with_a_wrong_check_digit_is_refused_with_the_right_digit_named():
    # given a GTIN-13 whose last digit is off by one
    # when it is cleaned
    # then the error says which digit was expected
    with pytest.raises(cr.CredentialError, match="9"):
        cr.gtin_clean("8930000000018")


@pytest.mark.parametrize("code", ["893000000001", "89300000000190", "1234567", ""])
def test_gtin_of_the_wrong_length_is_refused(code):
    # given a code that is neither 8 nor 13 digits long
    # when it is cleaned
    # then it is refused
    with pytest.raises(cr.CredentialError):
        cr.gtin_clean(code)


@pytest.mark.parametrize("code", ["89300000000A9", "893O000000019", "８９３０００００００９"])
def test_gtin_with_other_characters_than_ascii_digits_is_refused(code):
    # given letters, a letter O for a zero, or full-width digits
    # when cleaned
    # then refused as non-digits
    with pytest.raises(cr.CredentialError, match="chữ số"):
        cr.gtin_clean(code)


def test_gtin_spaces_and_hyphens_are_dropped():
    # given a barcode typed in groups
    # when cleaned
    # then the digits alone remain
    assert cr.gtin_clean(" 893 0000-000019 ") == "8930000000019"


def test_only_a_gtin13_starting_with_893_is_vietnamese():
    # given a Vietnamese, a German and an 8-digit code
    # then only the first carries GS1 Vietnam's prefix
    assert cr.gtin_is_vietnamese("8930000000019")
    assert not cr.gtin_is_vietnamese("4006381333931")
    assert not cr.gtin_is_vietnamese("89300002")


def test_every_kind_of_the_issue_is_data_with_a_label_and_a_family():
    # given the kinds
    # then the eleven kinds are there, the four industrial-property ones among them
    assert {k.value for k in cr.KINDS} == {
        "gi",
        "collective_tm",
        "certification_tm",
        "trademark",
        "barcode",
        "vietgap",
        "organic",
        "haccp",
        "iso22000",
        "food_safety",
        "growing_area",
    }
    assert cr.INDUSTRIAL_PROPERTY_KINDS == {
        cr.Kind.GEOGRAPHICAL_INDICATION,
        cr.Kind.COLLECTIVE_TRADEMARK,
        cr.Kind.CERTIFICATION_TRADEMARK,
        cr.Kind.REGISTERED_TRADEMARK,
    }
    assert str(cr.KINDS[cr.Kind.GEOGRAPHICAL_INDICATION].label) == "Chỉ dẫn địa lý"


def test_check_normalises_a_barcode_and_fills_the_default_issuer():
    # given a barcode typed with spaces and no issuer
    facts = cr.check(
        kind="barcode", number="893 0000 000019", issuer="", issued_on=None, valid_until=None
    )
    # then the number is the bare GTIN and GS1 Vietnam is the issuer
    assert facts["number"] == "8930000000019"
    assert facts["issuer"] == "GS1 Việt Nam"


def test_check_refuses_a_fixed_term_certificate_without_end_date():
    # given a VietGAP certificate with no end date
    # when checked
    # then it is refused
    with pytest.raises(cr.CredentialError, match="ngày hết hiệu lực"):
        cr.check(
            kind="vietgap",
            number="VG-01",
            issuer="Trung tâm X",
            issued_on=date(2025, 1, 1),
            valid_until=None,
        )


def test_check_refuses_an_unknown_kind_an_empty_number_and_an_end_before_start():
    with pytest.raises(cr.CredentialError):
        cr.check(kind="nope", number="1", issuer="x", issued_on=None, valid_until=None)
    with pytest.raises(cr.CredentialError):
        cr.check(kind="gi", number="  ", issuer="x", issued_on=None, valid_until=None)
    with pytest.raises(cr.CredentialError):
        cr.check(
            kind="haccp",
            number="H1",
            issuer="x",
            issued_on=date(2025, 5, 2),
            valid_until=date(2025, 5, 1),
        )


def test_a_verified_credential_shows_through_its_last_day_and_not_the_day_after():
    # given a verified credential ending on 30/06/2026
    end = date(2026, 6, 30)
    # then it shows on its last day, not the day after, nor before its issue date
    assert cr.is_shown(status="verified", issued_on=date(2024, 7, 1), valid_until=end, today=end)
    assert not cr.is_shown(
        status="verified", issued_on=date(2024, 7, 1), valid_until=end, today=date(2026, 7, 1)
    )
    assert not cr.is_shown(
        status="verified", issued_on=date(2024, 7, 1), valid_until=end, today=date(2024, 6, 30)
    )


def test_a_proposed_or_refused_credential_never_shows():
    for status in ("proposed", "refused"):
        assert not cr.is_shown(
            status=status, issued_on=None, valid_until=None, today=date(2026, 1, 1)
        )


def test_badges_follow_the_kinds_order_once_each():
    # given credentials listed out of order, one kind twice, one unknown
    badges = cr.badges(["vietgap", "barcode", "gi", "vietgap", "unknown"])
    # then one badge per kind, protection first
    assert [b.kind for b in badges] == ["gi", "barcode", "vietgap"]
    assert cr.has_industrial_property(["barcode", "collective_tm"])
    assert not cr.has_industrial_property(["barcode", "vietgap"])
