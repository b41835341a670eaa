"""The counter sale form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class CounterSaleForm(forms.Form):
    """One counter sale: a product the showroom holds, how many, an optional note."""

    product = forms.TypedChoiceField(
        label=_("Sản phẩm"),
        coerce=int,
        error_messages={"invalid_choice": _("Điểm bán không có sản phẩm này.")},
    )
    quantity = forms.IntegerField(
        label=_("Số lượng"),
        min_value=1,
        max_value=100_000,
        error_messages={
            "invalid": _("Số lượng phải là số nguyên."),
            "min_value": _("Số lượng phải từ 1 trở lên."),
        },
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=200, required=False)

    def __init__(self, *args, stock: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = [
            (row["product"], f"{row['title']} ({row['balance']})") for row in stock
        ]
