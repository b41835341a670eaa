"""catalog/trade.py: the rules of wholesale enquiries (pure, no database)."""

import pytest

from catalog import trade


@pytest.mark.parametrize("code", ["0300588569", "0101248141", "0100109106"])
def test_published_enterprise_tax_codes_pass_the_check_digit(code):
    # given codes of real companies (Vinamilk, FPT, Viettel); when / then
    assert trade.tax_code_check_digit(code[:9]) == int(code[9])
    assert trade.tax_code_problem(code) is None


def test_the_check_digit_is_ten_minus_the_weighted_sum_mod_eleven():
    # given 0,3,0,0,5,8,8,5,6 weighted 31,29,23,19,17,13,7,5,3: sum 375, 375 mod 11 = 1
    # when / then
    assert trade.tax_code_check_digit("030058856") == 9
    # a weighted sum ≡ 10 (mod 11) gives check digit 0
    assert trade.tax_code_check_digit("100000004") == 0


def test_a_prefix_whose_weighted_sum_divides_by_eleven_is_never_issued():
    # given 1·31 + 8·3 = 55 ≡ 0 (mod 11): the check would be 10, no digit
    assert trade.tax_code_check_digit("100000008") is None
    assert all(trade.tax_code_problem(f"100000008{d}") for d in "0123456789")


def test_a_wrong_check_digit_is_refused_with_a_reason():
    problem = trade.tax_code_problem("0300588568")
    assert problem and "kiểm tra" in problem


@pytest.mark.parametrize(
    "code", ["0300588569-001", "0300588569-999", "0300 588 569", "0300.588.569-012"]
)
def test_branch_codes_and_spaced_codes_are_accepted(code):
    assert trade.tax_code_problem(code) is None


@pytest.mark.parametrize(
    "code",
    [
        "",
        "030058856",
        "03005885690",
        "0300588569-01",
        "0300588569-0001",
        "0300588569001",
        "030058856A",
        "0300588569-ABC",
        "001203012345",
        "0300588569 -001x",
    ],
)
def test_malformed_tax_codes_are_refused(code):
    assert trade.tax_code_problem(code)


def test_branch_suffix_000_is_refused():
    assert trade.tax_code_problem("0300588569-000")


def test_normalising_drops_spaces_and_dots_and_keeps_the_branch_dash():
    assert trade.tax_code_normalise(" 0300.588 569-001 ") == "0300588569-001"


def test_nine_digits_are_required_for_a_check_digit():
    with pytest.raises(ValueError):
        trade.tax_code_check_digit("12345678")


def test_destinations_are_the_34_provinces_and_named_countries():
    # given / when / then
    assert len(trade.PROVINCES) == 34 == len(set(trade.PROVINCES))
    assert trade.destination_valid("VN:Hà Nội") and trade.destination_valid("JP")
    assert not trade.destination_valid("VN:Bắc Giang")  # merged into Bắc Ninh on 1/7/2025
    assert not trade.destination_valid("XX") and not trade.destination_valid("")
    assert trade.destination_label("VN:Bắc Ninh") == "Bắc Ninh"
    assert trade.destination_label("JP") == "Nhật Bản"
    assert trade.destination_is_export("JP") and not trade.destination_is_export("VN:Huế")
    codes = [code for _, group in trade.destination_choices() for code, _ in group]
    assert all(trade.destination_valid(code) for code in codes)


def test_a_reply_moves_only_a_new_enquiry_to_replied():
    assert trade.status_after_reply(trade.NEW) == trade.REPLIED
    for status in (trade.REPLIED, trade.QUOTED, trade.WON, trade.LOST):
        assert trade.status_after_reply(status) == status


def test_outcomes_are_quoted_won_or_lost_and_won_or_lost_is_final():
    assert trade.status_after_outcome(trade.NEW, trade.QUOTED) == trade.QUOTED
    assert trade.status_after_outcome(trade.QUOTED, trade.WON) == trade.WON
    assert trade.status_after_outcome(trade.REPLIED, trade.LOST) == trade.LOST
    with pytest.raises(trade.TradeRuleError):
        trade.status_after_outcome(trade.NEW, trade.REPLIED)
    for closed in (trade.WON, trade.LOST):
        with pytest.raises(trade.TradeRuleError):
            trade.status_after_outcome(closed, trade.QUOTED)


@pytest.mark.parametrize(
    "value", ['=HYPERLINK("http://x")', "+84912345678", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_csv_cells_starting_a_formula_are_escaped(value):
    assert trade.csv_cell(value) == "'" + value


def test_ordinary_csv_cells_and_numbers_pass_unchanged():
    assert trade.csv_cell("Siêu thị = tốt") == "Siêu thị = tốt"
    assert trade.csv_cell(-5) == -5
    assert trade.csv_cell("") == ""
