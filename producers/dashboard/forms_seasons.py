"""Forms of the producer dashboard's season pages: harvest windows, a pre-order campaign, the
reason for cancelling a pre-order. Parsing lives here; the rules in :mod:`catalog.seasons`."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog import seasons
from producers.dashboard.forms_stock import StyledForm
from producers.models import PreorderCampaign

_WINDOW_LINE = re.compile(
    r"^\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s*[-–—]\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s*$"
)


class WindowsForm(StyledForm):
    """The product's harvest windows, one per line: ``25/05 – 25/07`` recurs every year;
    ``18/05/2027 – 20/07/2027`` is one year's actual dates. Empty: sold all year."""

    windows = forms.CharField(
        label=_("Mùa vụ (mỗi dòng một khung)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "25/05 – 25/07"}),
        help_text=_(
            "Ngày/tháng – ngày/tháng, lặp lại hằng năm; hoặc ngày/tháng/năm – "
            "ngày/tháng/năm cho ngày thực tế của một năm. Để trống nếu bán quanh năm."
        ),
    )

    def clean_windows(self) -> list[seasons.Window]:
        result = []
        for number, line in enumerate((self.cleaned_data["windows"] or "").splitlines(), 1):
            if not line.strip():
                continue
            match = _WINDOW_LINE.match(line)
            if match is None:
                raise forms.ValidationError(
                    _("Dòng %(n)s: hãy viết dạng 25/05 – 25/07.") % {"n": number}
                )
            d1, m1, y1, d2, m2, y2 = match.groups()
            if bool(y1) != bool(y2):
                raise forms.ValidationError(
                    _("Dòng %(n)s: ghi năm cho cả hai ngày, hoặc không ghi.") % {"n": number}
                )
            if y1 and int(y2) not in (int(y1), int(y1) + 1):
                raise forms.ValidationError(
                    _("Dòng %(n)s: một mùa vụ không dài quá một năm.") % {"n": number}
                )
            try:
                window = seasons.window_make(
                    start=(int(d1), int(m1)), end=(int(d2), int(m2)), year=int(y1) if y1 else None
                )
            except seasons.SeasonError as error:
                raise forms.ValidationError(
                    _("Dòng %(n)s: %(error)s") % {"n": number, "error": error}
                ) from None
            if y1 and (int(y2) == int(y1) + 1) != window.crosses_new_year:
                raise forms.ValidationError(
                    _("Dòng %(n)s: ngày kết thúc phải sau ngày bắt đầu.") % {"n": number}
                )
            result.append(window)
        return result

    @staticmethod
    def initial_text(windows: list[seasons.Window]) -> str:
        """The textarea's text for stored windows."""
        lines = []
        for w in windows:
            if w.year is None:
                lines.append(
                    f"{w.start_day:02d}/{w.start_month:02d} – {w.end_day:02d}/{w.end_month:02d}"
                )
            else:
                season = seasons.occurrence(w, w.year)
                lines.append(f"{season.start:%d/%m/%Y} – {season.end:%d/%m/%Y}")
        return "\n".join(lines)


class CampaignForm(StyledForm):
    """Open pre-orders: quota, expected delivery period, deposit."""

    quota = forms.IntegerField(
        label=_("Số lượng nhận đặt tối đa"), min_value=1, max_value=1_000_000
    )
    delivery_from = forms.DateField(
        label=_("Giao dự kiến từ"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    delivery_until = forms.DateField(
        label=_("Giao dự kiến đến"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    deposit_kind = forms.ChoiceField(
        label=_("Đặt cọc khi chuyển khoản VietQR"), choices=PreorderCampaign.Deposit.choices
    )
    deposit_value = forms.IntegerField(
        label=_("Mức đặt cọc (đồng mỗi sản phẩm, hoặc %)"),
        required=False,
        min_value=0,
        max_value=100_000_000,
    )

    def clean(self):
        data = super().clean()
        data["deposit_value"] = data.get("deposit_value") or 0
        try:
            seasons.deposit_check(kind=data.get("deposit_kind"), value=data["deposit_value"])
        except seasons.SeasonError as error:
            if data.get("deposit_kind") is not None:
                self.add_error("deposit_value", str(error))
        start, end = data.get("delivery_from"), data.get("delivery_until")
        if start and end and end < start:
            self.add_error("delivery_until", _("Ngày giao dự kiến kết thúc trước ngày bắt đầu."))
        return data


class CancelForm(StyledForm):
    """Why the producer cancels a pre-order line (sent to the shopper)."""

    reason = forms.CharField(label=_("Lý do hủy (gửi cho khách)"), max_length=255)
