"""Django's form and validation messages, as shoppers and producers read them under vi: the
project's catalogue (``locale/vi``) replaces Django's untranslated or odd Vietnamese ("Nhập một
số tổng thể." for a whole number, "Nhập địa chỉ email." for a wrong one) and translates the phone
field's English (django-phonenumber-field has no Vietnamese)."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils import translation
from phonenumber_field.formfields import PhoneNumberField

#: (field, bad input, what a Vietnamese reader is told)
CASES = [
    (forms.CharField(), "", "Trường này là bắt buộc."),
    (forms.EmailField(), "lan@", "Vui lòng nhập địa chỉ email hợp lệ."),
    (forms.IntegerField(), "hai", "Vui lòng nhập số nguyên."),
    (forms.DecimalField(), "x", "Vui lòng nhập một số."),
    (forms.IntegerField(min_value=1), "0", "Giá trị phải lớn hơn hoặc bằng 1."),
    (forms.IntegerField(max_value=9), "10", "Giá trị phải nhỏ hơn hoặc bằng 9."),
    (forms.CharField(max_length=3), "abcd", "Tối đa 3 ký tự (hiện có 4)."),
    (forms.CharField(min_length=3), "ab", "Cần ít nhất 3 ký tự (hiện có 2)."),
    (forms.DateField(), "31/02/2026", "Vui lòng nhập ngày hợp lệ."),
    (forms.URLField(assume_scheme="https"), "không phải url", "Vui lòng nhập địa chỉ URL hợp lệ."),
    (
        forms.ChoiceField(choices=[("a", "A")]),
        "b",
        "Vui lòng chọn một lựa chọn hợp lệ: b không có trong danh sách.",
    ),
    (
        PhoneNumberField(region="VN"),
        "12",
        "Vui lòng nhập số điện thoại hợp lệ (ví dụ 0210 1234 567) hoặc số có mã quốc tế.",
    ),
]
ENGLISH = re.compile(r"\b(Enter|Ensure|Select|valid|field|required|number|phone)\b")


def _message(field, value) -> str:
    with pytest.raises(ValidationError) as error:
        field.clean(value)
    return " ".join(error.value.messages)


@pytest.mark.parametrize(("field", "value", "expected"), CASES)
def test_a_form_error_reads_as_natural_vietnamese(field, value, expected):
    with translation.override("vi"):
        message = _message(field, value)
    assert message == expected
    assert not ENGLISH.search(message)


def test_a_too_short_password_is_explained_in_vietnamese():
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        MinimumLengthValidator(min_length=8).validate("abc")
    assert error.value.messages == ["Mật khẩu quá ngắn: cần ít nhất 8 ký tự."]


def test_english_pages_keep_djangos_english():
    with translation.override("en"):
        assert _message(forms.IntegerField(), "hai") == "Enter a whole number."
