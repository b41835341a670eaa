"""Forms of the producer dashboard's batch pages. Product choices are the current producer's own
sellable products, so another producer's product is a form error, never a write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog import traceability
from catalog.models import Place
from producers import selectors
from producers.dashboard.forms_stock import StyledForm
from producers.services import MAX_QUANTITY

#: Dates as typed on a phone's date picker (ISO) or by hand (dd/mm/yyyy).
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class BatchForm(StyledForm):
    """A new batch: product, harvest or production date, quantity, growing area and its code,
    the showroom it goes to, notes. The certificate is not asked: the service records the one
    in force on the harvest date."""

    product = forms.ModelChoiceField(
        label=_("Sản phẩm"),
        queryset=None,
        error_messages={"invalid_choice": _("Hãy chọn một sản phẩm của bạn.")},
    )
    harvest_date = forms.DateField(
        label=_("Ngày thu hoạch / sản xuất"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Ngày không hợp lệ (dd/mm/yyyy).")},
    )
    quantity = forms.IntegerField(
        label=_("Số lượng"),
        min_value=1,
        max_value=MAX_QUANTITY,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Số lượng phải là số nguyên."),
            "min_value": _("Số lượng của lô phải lớn hơn 0."),
            "max_value": _("Số lượng quá lớn."),
        },
    )
    growing_area = forms.CharField(
        label=_("Vùng trồng / nơi sản xuất"),
        max_length=200,
        required=False,
        help_text=_("Ví dụ: Vườn vải thôn Bãi Chợ, xã Nam Dương."),
    )
    growing_area_code = forms.CharField(
        label=_("Mã số vùng trồng"),
        max_length=traceability.MAX_CODE_INPUT,
        required=False,
        help_text=_("Dạng VN-BGOR-0012. Để trống: lấy mã của sản phẩm (nếu có)."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    place = forms.ModelChoiceField(
        label=_("Gửi đến điểm bán"),
        required=False,
        queryset=Place.objects.filter(kind=Place.Kind.SHOWROOM).order_by("name"),
        empty_label=_("— Bán online / chưa gửi điểm bán —"),
        error_messages={"invalid_choice": _("Hãy chọn một điểm bán trong danh sách.")},
    )
    notes = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, producer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = (
            selectors.producer_products(producer).exclude(structure="parent").order_by("title")
        )
        self.fields["product"].label_from_instance = lambda p: p.get_title()

    def clean_growing_area_code(self) -> str:
        code = self.cleaned_data.get("growing_area_code", "").strip()
        if not code:
            return ""
        try:
            return traceability.trace_code_parse(code, kind=traceability.GROWING_AREA)
        except traceability.TraceCodeError as error:
            raise forms.ValidationError(str(error)) from None


class LabelSheetForm(forms.Form):
    """How many labels to print (a sheet holds :data:`LABELS_PER_SHEET`)."""

    so = forms.IntegerField(min_value=1, max_value=240, required=False)
