"""Forms of the producer dashboard's stock pages. Product choices are always the current
producer's own products, so another producer's id is a form error, never a write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import Place
from producers import selectors
from producers.models import StockMovement
from producers.services import MANUAL_KINDS_ONLINE, MANUAL_KINDS_SHOWROOM, MAX_QUANTITY

Kind = StockMovement.Kind

QUANTITY_ERRORS = {
    "invalid": _("Số lượng phải là số nguyên."),
    "required": _("Hãy nhập số lượng."),
    "max_value": _("Số lượng quá lớn."),
    "min_value": _("Số lượng không thể âm."),
}
#: What the "returned" kind does at a showroom: units go back to the online warehouse.
RETURN_TO_WAREHOUSE = "return_to_warehouse"


def style_fields(form) -> None:
    """Bootstrap classes on every widget, and ``is-invalid`` on fields with errors."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple)):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "custom-select"
        else:
            css = "form-control"
        if form.is_bound and name in form.errors:
            css += " is-invalid"
        widget.attrs["class"] = css


class StyledForm(forms.Form):
    """A form whose widgets carry Bootstrap classes (set once its fields are final).

    ``manual_fields`` are drawn by the page itself, not by ``partials/form_fields.html``.
    """

    manual_fields: tuple[str, ...] = ()

    def auto_fields(self):
        return [f for f in self.visible_fields() if f.name not in self.manual_fields]

    def __getitem__(self, name):
        if not getattr(self, "_styled", False):
            self._styled = True
            style_fields(self)
        return super().__getitem__(name)


class ProductChoiceField(forms.ModelChoiceField):
    """A product of the current producer, shown by title and code."""

    def label_from_instance(self, obj):
        return f"{obj.get_title()} ({obj.upc})" if obj.upc else obj.get_title()


def _product_field(producer):
    return ProductChoiceField(
        label=_("Sản phẩm"),
        queryset=selectors.dashboard_products(producer),
        empty_label=_("— chọn sản phẩm —"),
        error_messages={"invalid_choice": _("Không có sản phẩm này trong gian hàng của bạn.")},
    )


def _quantity_field(**kwargs):
    return forms.IntegerField(
        label=kwargs.pop("label", _("Số lượng")),
        max_value=MAX_QUANTITY,
        error_messages=QUANTITY_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
        **kwargs,
    )


class MovementForm(StyledForm):
    """Record one movement at one location. For a stock count the quantity is what was
    counted; for every other kind it is a positive number of units."""

    kind = forms.ChoiceField(label=_("Loại"))
    quantity = _quantity_field(
        min_value=0,
        help_text=_("Số đơn vị (luôn dương). Kiểm kê: nhập số đếm được thực tế."),
    )
    note = forms.CharField(label=_("Lý do / ghi chú"), max_length=255, required=False)

    def __init__(self, *args, producer, place: Place | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"product": _product_field(producer), **self.fields}
        kinds = MANUAL_KINDS_ONLINE if place is None else MANUAL_KINDS_SHOWROOM
        choices = [(k.value, k.label) for k in kinds]
        if place is not None:
            choices.append((RETURN_TO_WAREHOUSE, _("Trả về kho trực tuyến")))
        self.fields["kind"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("kind") != Kind.CORRECTION and data.get("quantity") == 0:
            self.add_error("quantity", _("Số lượng phải lớn hơn 0."))
        return data


class TransferForm(StyledForm):
    """Send units from the online warehouse to a showroom point (any of them: a new one too)."""

    place = forms.ModelChoiceField(
        label=_("Điểm bán"),
        empty_label=_("— chọn điểm bán —"),
        queryset=Place.objects.filter(kind=Place.Kind.SHOWROOM).order_by("name"),
        error_messages={"invalid_choice": _("Không có điểm bán này.")},
    )
    quantity = _quantity_field(min_value=1)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def __init__(self, *args, producer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"product": _product_field(producer), **self.fields}
        self.fields["quantity"].error_messages["min_value"] = _("Số lượng phải lớn hơn 0.")
        # The producer's own fair booths too, before and during their fair.
        self.fields["place"].queryset = selectors.producer_stock_places(
            producer, sendable=True
        ).order_by("kind", "name")


class ThresholdForm(StyledForm):
    """Set the low-stock threshold of a product at a location (empty removes it)."""

    location = forms.ChoiceField(label=_("Địa điểm"))
    threshold = _quantity_field(label=_("Báo khi còn từ … trở xuống"), min_value=0, required=False)

    def __init__(self, *args, producer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"product": _product_field(producer), **self.fields}
        self.places = {
            str(p.pk): p for p in selectors.producer_stock_places(producer).order_by("kind", "name")
        }
        self.fields["location"].choices = [(selectors.ONLINE_SLUG, _("Kho online"))] + [
            (pk, place.name) for pk, place in self.places.items()
        ]

    def clean(self):
        data = super().clean()
        location = data.get("location")
        data["place"] = None if location == selectors.ONLINE_SLUG else self.places.get(location)
        return data


class CountImportForm(StyledForm):
    """Upload a stock count file (CSV, UTF-8)."""

    file = forms.FileField(
        label=_("Tệp CSV kiểm kê"),
        help_text=_(
            "Các cột: ma_san_pham, dia_diem (kho-online hoặc mã điểm bán), so_luong_dem. "
            "Tải tệp xuất tồn kho để có sẵn mẫu."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={
            "required": _("Hãy chọn tệp CSV."),
            "empty": _("Tệp trống."),
            "invalid": _("Không đọc được tệp đã gửi."),
        },
    )
