"""The form a producer proposes a product credential with (GI, trademark, barcode, VietGAP…)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalog import credentials, ocop
from catalog import services as catalog_services


class CredentialProposeForm(forms.Form):
    """Which product, which kind, its number, issuer, dates and the scan. The facts are checked
    by :func:`catalog.services.credential_check` and the scan by its content; the product must
    be one of the producer's own (``products``, a queryset already scoped to it)."""

    product = forms.ModelChoiceField(label=_("Sản phẩm"), queryset=None)
    kind = forms.ChoiceField(
        label=_("Loại"), choices=[(k.value, info.label) for k, info in credentials.KINDS.items()]
    )
    number = forms.CharField(
        label=_("Số hiệu / mã"),
        max_length=80,
        help_text=_("Mã vạch: 8 hoặc 13 chữ số (mã Việt Nam bắt đầu bằng 893)."),
    )
    issuer = forms.CharField(label=_("Cơ quan cấp"), max_length=200, required=False)
    issued_on = forms.DateField(
        label=_("Ngày cấp"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )
    valid_until = forms.DateField(
        label=_("Hiệu lực đến"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        help_text=_("Để trống nếu không có thời hạn."),
    )
    scan = forms.FileField(label=_("Bản quét (PDF, JPEG hoặc PNG, tối đa 5 MB)"))

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products.exclude(structure="child").order_by("title")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data.update(
                catalog_services.credential_check(
                    kind=data["kind"],
                    number=data["number"],
                    issuer=data.get("issuer", ""),
                    issued_on=data.get("issued_on"),
                    valid_until=data.get("valid_until"),
                )
            )
        except ocop.OcopRuleError as error:
            raise ValidationError(str(error)) from error
        try:
            catalog_services.certificate_scan_check(scan=data["scan"])
        except ocop.OcopRuleError as error:
            self.add_error("scan", str(error))
        return data
