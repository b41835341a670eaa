"""The producer dashboard's booth application form. Product choices are the producer's own
products on sale (the fair page shows only those); booth sizes are the fair's own, so another
producer's product or another fair's size is a form error, never a write."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.selectors import product_listed_queryset
from producers.dashboard.forms_stock import StyledForm

#: A phone number as people write it: digits with spaces, dots or dashes, an optional leading +.
PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{7,18}[0-9]$")


class ProductsField(forms.ModelMultipleChoiceField):
    """The producer's products, by title."""

    def label_from_instance(self, obj):
        return obj.get_title()


class BoothSizeField(forms.ModelChoiceField):
    """One of the fair's booth sizes."""

    def label_from_instance(self, obj):
        return obj.label


class FairApplicationForm(StyledForm):
    """Products, booth size, needs and the contact on the day."""

    manual_fields = ("products", "needs_power", "needs_refrigeration")

    products = ProductsField(
        label=_("Sản phẩm mang đến hội chợ"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Hãy chọn ít nhất một sản phẩm mang đến hội chợ."),
            "invalid_choice": _("Không có sản phẩm này trong gian hàng của bạn."),
            "invalid_pk_value": _("Không có sản phẩm này trong gian hàng của bạn."),
        },
    )
    booth_size = BoothSizeField(
        label=_("Loại gian hàng"),
        queryset=None,
        empty_label=_("— chọn loại gian hàng —"),
        error_messages={
            "required": _("Hãy chọn loại gian hàng."),
            "invalid_choice": _("Hãy chọn một loại gian hàng của hội chợ này."),
        },
    )
    needs_power = forms.BooleanField(label=_("Cần điện"), required=False)
    needs_refrigeration = forms.BooleanField(label=_("Cần tủ lạnh, tủ mát"), required=False)
    contact_name = forms.CharField(
        label=_("Người liên hệ trong ngày hội chợ"),
        max_length=120,
        error_messages={"required": _("Hãy ghi tên người liên hệ.")},
    )
    contact_phone = forms.CharField(
        label=_("Điện thoại người liên hệ"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        error_messages={"required": _("Hãy ghi số điện thoại.")},
    )
    note = forms.CharField(
        label=_("Ghi chú cho ban tổ chức"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, producer, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["products"].queryset = (
            product_listed_queryset().filter(producer=producer).order_by("title")
        )
        self.fields["booth_size"].queryset = fair.booth_sizes.order_by("sort_order", "pk")

    def clean_contact_phone(self) -> str:
        phone = self.cleaned_data["contact_phone"].strip()
        if not PHONE.match(phone):
            raise forms.ValidationError(_("Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."))
        return phone

    def clean_contact_name(self) -> str:
        name = self.cleaned_data["contact_name"].strip()
        if not name:
            raise forms.ValidationError(_("Hãy ghi tên người liên hệ."))
        return name


class BoothPickupForm(StyledForm):
    """Whether the producer's booth keeps orders for shoppers to collect at the fair."""

    offers_pickup = forms.BooleanField(
        label=_("Nhận giữ hàng cho khách đặt trực tuyến và đến lấy tại gian hàng"),
        required=False,
        help_text=_(
            "Khi ban tổ chức đã nhận đăng ký, gian hàng trở thành điểm nhận hàng trong "
            "những ngày hội chợ. Chuyển hàng đến gian hàng ở trang Tồn kho; hàng còn lại "
            "tự về kho online sau hội chợ."
        ),
    )
