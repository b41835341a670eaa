"""The period form of the producer's sales page."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from producers.dashboard.sales import MAX_PERIOD_DAYS


class SalesPeriodForm(forms.Form):
    """From and to (local dates, both included); at most about three years."""

    tu = forms.DateField(
        label=_("Từ ngày"),
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    den = forms.DateField(
        label=_("Đến ngày"),
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("tu"), cleaned.get("den")
        if isinstance(start, date) and isinstance(end, date):
            if start > end:
                raise forms.ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."))
            if (end - start).days > MAX_PERIOD_DAYS:
                raise forms.ValidationError(_("Chọn khoảng thời gian tối đa 3 năm."))
        return cleaned
