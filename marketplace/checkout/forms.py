"""Checkout forms: a Vietnamese address with a validated phone number (also the address book's
form), delivery and payment."""

from __future__ import annotations

from django import forms
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from oscar.apps.address import forms as address_forms
from oscar.apps.checkout import forms as oscar_forms
from oscar.core.loading import get_model
from phonenumber_field.phonenumber import PhoneNumber

from marketplace.checkout import rules
from marketplace.payment.methods import payment_methods_enabled

Country = get_model("address", "Country")


class GatewayForm(oscar_forms.GatewayForm):
    """Oscar's sign-in-or-guest form, with the password input named for screen readers (Oscar's
    template shows it after the "returning customer" radio, with no label of its own)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].widget.attrs["aria-label"] = _("Mật khẩu")


class WardInput(forms.TextInput):
    """A commune/ward box with today's units of the chosen province as suggestions (a
    ``<datalist>``, refilled by ``js/ocop-wards.js`` when the province changes); the form
    accepts only a unit of that province (:func:`rules.ward_match`)."""

    def __init__(self, *args, province: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.province = province

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id', 'id_' + name)}_list"
        attrs = {
            **(attrs or {}),
            "list": list_id,
            "autocomplete": "off",
            "data-wards-url": reverse("wards"),
            "data-province-field": "id_state",
        }
        options = format_html_join(
            "", '<option value="{}">', ((w,) for w in rules.wards_of(self.province))
        )
        return format_html(
            '{}<datalist id="{}">{}</datalist><script src="{}" defer></script>',
            super().render(name, value, attrs, renderer),
            list_id,
            options,
            static("js/ocop-wards.js"),
        )


class VietnameseAddressMixin:
    """The Vietnamese address fields and their checks, shared by the checkout address and the
    shopper's address book: name (family name first), phone (stored ``+84…``), province (the 34
    units from July 2025, as data), commune/ward, street and notes."""

    ADDRESS_FIELDS = ["last_name", "first_name", "phone_number", "state", "line4", "line1", "notes"]

    def vietnamese_fields(self):
        if "last_name" in self.fields:  # the checkout asks one full name instead
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
        self.fields["line4"].help_text = _("Chọn trong danh sách xã, phường từ 1/7/2025.")
        chosen = (self.data.get(self.add_prefix("state")) if self.is_bound else None) or (
            self.initial.get("state") or getattr(self.instance, "state", "") or "Bắc Ninh"
        )
        self.fields["line4"].widget = WardInput(province=chosen)
        self.fields["line1"].label = _("Số nhà, thôn / tổ, đường")
        self.fields["notes"].label = _("Ghi chú cho đơn hàng")
        self.fields["notes"].required = False
        self.fields["notes"].widget.attrs["rows"] = 3
        self.fields["phone_number"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean_state(self):
        province = rules.province_by_name(self.cleaned_data.get("state", ""))
        if province is None:
            raise forms.ValidationError(_("Hãy chọn tỉnh / thành phố trong danh sách."))
        return province.name

    def clean_line4(self):
        typed = self.cleaned_data.get("line4", "")
        province = self.cleaned_data.get("state")
        if not province:
            return typed  # the province's own error says what to do
        ward = rules.ward_match(province, typed)
        if ward is None:
            raise forms.ValidationError(
                _(
                    '%(province)s không có xã, phường "%(typed)s": hãy chọn trong danh sách '
                    "(các xã, phường từ 1/7/2025)."
                )
                % {"province": province, "typed": typed[:60]}
            )
        return ward

    def clean_phone_number_field(self, field_name):
        raw = self.cleaned_data.get(field_name)
        normalized = rules.phone_normalize(raw)
        if normalized is None:
            self.add_error(
                field_name,
                _(
                    "Số điện thoại Việt Nam không hợp lệ (10 số, bắt đầu bằng 03, 05, 07, 08, "
                    "09, hoặc số bàn 11 số bắt đầu bằng 02)."
                ),
            )
            return raw
        return PhoneNumber.from_string(normalized)


class ShippingAddressForm(VietnameseAddressMixin, oscar_forms.ShippingAddressForm):
    """Phone first (required), one full-name field, an optional email for guests, then province,
    commune/ward, street and notes; a signed-in shopper may keep the address in their address
    book.

    Shoppers here give a phone number, not an email: the courier calls it, and a guest finds the
    order again with it (the order lookup page). The full name is split for Oscar's two name
    fields at the last space (``Nguyễn Thị Lan`` → family and middle names ``Nguyễn Thị``, given
    name ``Lan``), so addresses read the same everywhere. The number typed is kept as typed
    (``phone_as_typed``) to echo it back; the address stores the normalised ``+84…`` form.
    """

    full_name = forms.CharField(label=_("Họ và tên"), max_length=255)
    guest_email = forms.EmailField(
        label=_("Email (không bắt buộc)"),
        required=False,
        help_text=_("Để nhận xác nhận đơn hàng qua email."),
    )
    save_to_book = forms.BooleanField(
        label=_("Lưu địa chỉ này vào sổ địa chỉ của tôi"), required=False, initial=True
    )

    class Meta(oscar_forms.ShippingAddressForm.Meta):
        fields = ["phone_number", "state", "line4", "line1", "notes"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.vietnamese_fields()
        self.fields["full_name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["guest_email"].widget.attrs.update(
            {"autocomplete": "email", "inputmode": "email"}
        )
        if self.instance and (self.instance.last_name or self.instance.first_name):
            self.initial.setdefault(
                "full_name", f"{self.instance.last_name} {self.instance.first_name}".strip()
            )
        if user is not None and user.is_authenticated:
            del self.fields["guest_email"]
        else:
            del self.fields["save_to_book"]
        order = [
            "phone_number",
            "full_name",
            "guest_email",
            "state",
            "line4",
            "line1",
            "notes",
            "save_to_book",
        ]
        self.order_fields([name for name in order if name in self.fields])
        self.phone_as_typed = ""

    def clean(self):
        self.phone_as_typed = " ".join(str(self.data.get("phone_number") or "").split())
        return super().clean()

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Hãy nhập họ và tên người nhận."))
        return name

    def _post_clean(self):
        family, _space, given = self.cleaned_data.get("full_name", "").rpartition(" ")
        self.instance.last_name, self.instance.first_name = family, given
        super()._post_clean()


class UserAddressForm(VietnameseAddressMixin, address_forms.UserAddressForm):
    """An address in the shopper's address book: the same fields and checks as at checkout; the
    country is Vietnam (the one shipping country)."""

    class Meta(address_forms.UserAddressForm.Meta):
        fields = VietnameseAddressMixin.ADDRESS_FIELDS

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.vietnamese_fields()
        self.fields["notes"].label = _("Ghi chú cho người giao hàng")
        if not self.instance.country_id:
            self.instance.country = Country.objects.filter(is_shipping_country=True).first()


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


class OrderLookupForm(forms.Form):
    """Find a guest order again: its number and the phone number given at checkout."""

    number = forms.CharField(label=_("Mã đơn hàng"), max_length=128)
    phone = forms.CharField(label=_("Số điện thoại đặt hàng"), max_length=32)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if rules.phone_normalize(phone) is None:
            raise forms.ValidationError(_("Số điện thoại Việt Nam không hợp lệ."))
        return phone
