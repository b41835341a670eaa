"""The Vietnamese folding table: every spelling a shopper may type folds to one form."""

import unicodedata

import pytest

from search.text import MAX_QUERY_LENGTH, clean_query, fold, marked_tokens, tokens


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("vải thiều", "vai thieu"),
        ("VẢI THIỀU", "vai thieu"),
        ("vai thieu", "vai thieu"),
        ("Mỳ Chũ", "mi chu"),
        ("mì chũ", "mi chu"),
        ("gà đồi Yên Thế", "ga doi yen the"),
        ("ĐỒ UỐNG", "do uong"),
        ("hoà", "hoa"),
        ("hòa", "hoa"),
        ("thủy", "thuy"),
        ("thủy", "thuy"),
        ("lí lý", "li li"),
        ("kĩ kỹ", "ki ki"),
        ("quí quý", "qui qui"),
        ("Yên Dũng", "yen dung"),
        ("Gạo bao thai", "gao bao thai"),
        ("Lục Ngạn-Bắc Giang", "luc ngan bac giang"),
    ],
)
def test_vietnamese_spellings_fold_to_one_form(typed, folded):
    # given a spelling a shopper may type
    # when it is folded
    result = fold(typed)
    # then it equals the folded form shared by every spelling
    assert result == folded


def test_decomposed_input_folds_like_composed_input():
    # given the same words typed composed (NFC) and decomposed (NFD)
    composed = "Vải thiều Lục Ngạn"
    decomposed = unicodedata.normalize("NFD", composed)
    # when both are folded
    # then they agree
    assert composed != decomposed
    assert fold(decomposed) == fold(composed) == "vai thieu luc ngan"


def test_y_stays_a_y_where_it_starts_a_word():
    # given words where y is not the i/y variant
    # when folded
    # then yen keeps its y and "my" (after a consonant) becomes mi
    assert tokens("Yên Thế mỹ") == ["yen", "the", "mi"]


def test_marked_tokens_keep_the_marks_as_ascii_and_drop_plain_words():
    # given a query with and without marks
    # when its marked tokens are taken
    result = marked_tokens("VẢI thieu Chũ")
    # then only marked words remain, lower-cased, ASCII-encoded and distinct per spelling
    assert result == ["vx1ea3i", "chx0169"]
    assert all(token.isascii() for token in result)
    assert marked_tokens("mì") != marked_tokens("mỳ")


@pytest.mark.parametrize("junk", ["", "   ", "😀🍜", "\"'()*:^~-+", "\x00\x07"])
def test_queries_without_letters_or_digits_have_no_tokens(junk):
    # given input with nothing searchable
    # when tokenized
    # then there are no words (the page says so; nothing is searched)
    assert tokens(clean_query(junk)) == []


def test_overlong_queries_are_truncated_not_refused():
    # given a 1,000-character query
    query = "vải thiều " * 100
    # when cleaned
    cleaned = clean_query(query)
    # then it keeps its first 200 characters
    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert cleaned.startswith("vải thiều")


def test_control_characters_and_runs_of_spaces_are_removed():
    # given input with control characters and extra spaces
    # when cleaned
    # then they become single spaces
    assert clean_query("  mỳ\x00\tChũ \n ") == "mỳ Chũ"
