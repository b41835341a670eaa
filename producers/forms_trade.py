"""The public wholesale enquiry form (*kết nối giao thương*) and its checks.

Every rule is asked of :mod:`catalog.trade`; the service checks them again. ``website`` is a
honeypot: hidden from people (and from screen readers), filled in by form-filling robots.
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog import trade

_PHONE = re.compile(r"^\+?[0-9 .()-]{8,20}$")
HONEYPOT = "website"


class EnquiryForm(forms.Form):
    """What a business buyer asks: who, what, how much, where to, when."""

    company = forms.CharField(label=_("Tên doanh nghiệp"), max_length=200)
    tax_code = forms.CharField(
        label=_("Mã số thuế"),
        max_length=20,
        help_text=_("10 chữ số, hoặc 10 chữ số-3 chữ số với chi nhánh."),
    )
    contact_name = forms.CharField(label=_("Người liên hệ"), max_length=120)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20)
    email = forms.EmailField(label=_("Email"), max_length=254)
    product = forms.ModelChoiceField(
        label=_("Sản phẩm"), queryset=None, empty_label=_("— Chọn sản phẩm —")
    )
    quantity = forms.IntegerField(label=_("Số lượng"), min_value=1, max_value=trade.QUANTITY_MAX)
    unit = forms.ChoiceField(label=_("Đơn vị"), choices=list(trade.UNITS.items()))
    destination = forms.ChoiceField(label=_("Nơi nhận hàng"), choices=())
    delivery_period = forms.CharField(
        label=_("Thời gian giao hàng"),
        max_length=120,
        help_text=_("Ví dụ: hằng tháng từ 01/2027, hoặc một lần trước 15/06/2027."),
    )
    message = forms.CharField(
        label=_("Lời nhắn"),
        required=False,
        max_length=trade.MESSAGE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Quy cách, đóng gói, chứng từ cần có… (tối đa %(max)s ký tự).")
        % {"max": trade.MESSAGE_MAX_CHARS},
    )
    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        self.fields["destination"].choices = [
            ("", _("— Chọn nơi nhận —")),
            *trade.destination_choices(),
        ]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
        honeypot = self.fields[HONEYPOT].widget.attrs
        honeypot.update({"tabindex": "-1", "autocomplete": "off", "class": "ocop-hp"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    @property
    def caught(self) -> bool:
        """Whether the honeypot was filled in (a robot)."""
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_tax_code(self) -> str:
        problem = trade.tax_code_problem(self.cleaned_data["tax_code"])
        if problem:
            raise forms.ValidationError(problem)
        return trade.tax_code_normalise(self.cleaned_data["tax_code"])

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        digits = re.sub(r"\D", "", phone)
        if not _PHONE.match(phone) or not 9 <= len(digits) <= 15:
            raise forms.ValidationError(
                _("Số điện thoại không hợp lệ (ví dụ 0912 345 678 hoặc +84 912 345 678).")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if self.caught:
            raise forms.ValidationError(
                _(
                    "Không gửi được yêu cầu. Nếu bạn không phải máy tự "
                    "động, hãy tải lại trang và gửi lại."
                )
            )
        return cleaned
