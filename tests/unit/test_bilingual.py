"""The English-content rule (catalog/bilingual.py): English readers see the English text when one
was entered, everyone else (and English readers of rows without one) the Vietnamese."""

from __future__ import annotations

import pytest

from catalog.bilingual import in_language, is_english


@pytest.mark.parametrize("language", ["en", "en-gb", "EN", "en_US"])
def test_an_english_reader_sees_the_english_text(language):
    assert in_language("Vải thiều Lục Ngạn", "Lục Ngạn lychee", language=language) == (
        "Lục Ngạn lychee"
    )


@pytest.mark.parametrize("language", ["vi", "vi-vn", None, "", "fr"])
def test_every_other_reader_sees_the_vietnamese_text(language):
    assert in_language("Vải thiều Lục Ngạn", "Lục Ngạn lychee", language=language) == (
        "Vải thiều Lục Ngạn"
    )


@pytest.mark.parametrize("english", ["", "   ", "\n\t", None])
def test_an_english_reader_falls_back_to_the_vietnamese_when_no_english_was_entered(english):
    assert in_language("Mỳ Chũ", english, language="en") == "Mỳ Chũ"


def test_no_text_at_all_is_an_empty_string_not_none():
    assert in_language(None, None, language="en") == ""
    assert in_language(None, None, language="vi") == ""


def test_a_language_that_merely_starts_with_e_is_not_english():
    assert not is_english("es")
    assert not is_english("eo")
    assert is_english("en-au")
