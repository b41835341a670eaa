"""Checkout forms: a Vietnamese address with a validated phone number, delivery and payment."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms
from phonenumber_field.phonenumber import PhoneNumber

from catalog.checkout import rules
from catalog.payments.registry import payment_methods_enabled

GatewayForm = oscar_forms.GatewayForm


class ShippingAddressForm(oscar_forms.ShippingAddressForm):
    """Name, phone, province (the 34 units from July 2025), commune/ward, street and notes."""

    class Meta(oscar_forms.ShippingAddressForm.Meta):
        fields = [
            "last_name", "first_name", "phone_number", "state", "line4", "line1", "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["last_name"].label = _("Họ và tên đệm")
        self.fields["first_name"].label = _("Tên")
        self.fields["phone_number"].label = _("Số điện thoại")
        self.fields["phone_number"].required = True
        self.fields["phone_number"].help_text = _("Ví dụ: 0912 345 678")
        self.fields["state"] = forms.ChoiceField(
            label=_("Tỉnh / thành phố"),
            choices=[("", _("— Chọn tỉnh / thành phố —"))]
            + [(p.name, p.label) for p in rules.provinces()],
        )
        self.fields["line4"].label = _("Xã / phường")
        self.fields["line4"].required = True
        self.fields["line1"].label = _("Số nhà, thôn / tổ, đường")
        self.fields["notes"].label = _("Ghi chú cho đơn hàng")
        self.fields["notes"].required = False
        self.fields["notes"].widget.attrs["rows"] = 3
        self.fields["phone_number"].widget.attrs.update(
            {"inputmode": "tel", "autocomplete": "tel"}
        )

    def clean_state(self):
        province = rules.province_by_name(self.cleaned_data.get("state", ""))
        if province is None:
            raise forms.ValidationError(_("Hãy chọn tỉnh / thành phố trong danh sách."))
        return province.name

    def clean_phone_number_field(self, field_name):
        raw = self.cleaned_data.get(field_name)
        normalized = rules.phone_normalize(raw)
        if normalized is None:
            self.add_error(
                field_name,
                _("Số điện thoại Việt Nam không hợp lệ (10 số, bắt đầu bằng 03, 05, 07, 08, "
                  "09, hoặc số bàn 11 số bắt đầu bằng 02)."),
            )
            return raw
        return PhoneNumber.from_string(normalized)


ShippingMethodForm = oscar_forms.ShippingMethodForm


class PaymentMethodForm(forms.Form):
    """The shopper's choice among the enabled payment plug-ins (cash on delivery first)."""

    method = forms.ChoiceField(label=_("Cách thanh toán"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        methods = payment_methods_enabled()
        self.fields["method"].choices = [(m.code, m.name) for m in methods]
        self.fields["method"].initial = methods[0].code
        self.methods = methods
