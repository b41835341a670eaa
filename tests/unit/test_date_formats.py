"""Dates are written dd/mm/yyyy: the ``dmy`` filter (the registry's ISO strings and dates) and
Django's default date formats in both languages (marketplace/formats/)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from catalog.templatetags.ocop_tags import dmy


@pytest.mark.parametrize(
    ("value", "written"),
    [("2029-09-23", "23/09/2029"), (date(2026, 1, 5), "05/01/2026"), ("", ""), (None, "")],
)
def test_dmy_writes_dates_and_iso_strings_day_first(value, written):
    assert dmy(value) == written


def test_dmy_leaves_text_that_is_not_a_date_alone():
    assert dmy("không rõ") == "không rõ"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_date_printed_without_a_format_is_day_first_in_both_languages(language):
    # given a date and a date-time
    day = date(2029, 9, 23)
    moment = datetime(2029, 9, 23, 14, 5)
    # when they are printed the default way
    with translation.override(language):
        printed = Template("{{ day }}|{{ day|date }}|{{ moment|date:'DATETIME_FORMAT' }}").render(
            Context({"day": day, "moment": moment})
        )
        short = date_format(day, "SHORT_DATE_FORMAT")
    # then
    assert printed == "23/09/2029|23/09/2029|23/09/2029 14:05"
    assert short == "23/09/2029"
