"""Forms for a producer's own products: edit price, description and photos, propose a draft.

There is no field for stars, certificates or visibility: those are the councils' and staff's.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog import traceability
from catalog.uploads import (
    MAX_PIXELS,
    NotAnImage,
    UploadRefused,
    image_probe,
    image_reencode,
)
from producers.dashboard.forms_stock import StyledForm
from producers.services import (
    PHOTO_FORMATS,
    PHOTO_MAX_BYTES,
    PHOTO_MAX_SIDE,
    PHOTO_MIN_SIDE,
    PHOTOS_PER_PRODUCT,
)

#: Prices are whole đồng; the upper bound guards against a slipped finger, not a policy.
MAX_PRICE = 100_000_000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.ImageField):
    """Several photos, each checked by Pillow (a real image), by format, file size, pixel count
    (from the header, before decoding) and sides, then re-encoded (see :mod:`catalog.uploads`)."""

    widget = MultipleFileInput(
        attrs={"accept": "image/jpeg,image/png,image/webp", "multiple": True}
    )
    default_error_messages = {
        "invalid_image": _("“%(name)s” không phải ảnh hợp lệ (hãy dùng JPEG, PNG hoặc WebP)."),
    }

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if len(files) > PHOTOS_PER_PRODUCT:
            raise ValidationError(_("Tối đa %(n)s ảnh mỗi lần.") % {"n": PHOTOS_PER_PRODUCT})
        cleaned, errors = [], []
        for upload in files:
            name = getattr(upload, "name", "?")
            if upload.size > PHOTO_MAX_BYTES:
                errors.append(
                    _("“%(name)s” quá lớn (tối đa %(mb)s MB).")
                    % {"name": name, "mb": PHOTO_MAX_BYTES // (1024 * 1024)}
                )
                continue
            try:
                # The pixel count is read from the header first: Django's ImageField would
                # otherwise let an 8000×8000 PNG of 186 KB through to be decoded in full.
                image_probe(
                    upload=upload,
                    formats=PHOTO_FORMATS + ("GIF", "BMP", "TIFF"),
                    max_pixels=MAX_PIXELS,
                )
            except NotAnImage:
                errors.append(self.error_messages["invalid_image"] % {"name": name})
                continue
            except UploadRefused as error:
                errors.append(_("“%(name)s”: %(reason)s") % {"name": name, "reason": error})
                continue
            try:
                image_file = super().clean(upload, initial)
            except ValidationError:
                errors.append(self.error_messages["invalid_image"] % {"name": name})
                continue
            image = image_file.image
            if image.format not in PHOTO_FORMATS:
                errors.append(
                    _("“%(name)s” có định dạng %(format)s; chỉ nhận JPEG, PNG, WebP.")
                    % {"name": name, "format": image.format}
                )
                continue
            width, height = image.size
            if min(width, height) < PHOTO_MIN_SIDE or max(width, height) > PHOTO_MAX_SIDE:
                errors.append(
                    _(
                        "“%(name)s” có kích thước %(w)s×%(h)s; cần mỗi cạnh từ %(min)s "
                        "đến %(max)s điểm ảnh."
                    )
                    % {
                        "name": name,
                        "w": width,
                        "h": height,
                        "min": PHOTO_MIN_SIDE,
                        "max": PHOTO_MAX_SIDE,
                    }
                )
                continue
            try:
                cleaned.append(image_reencode(upload=upload, formats=PHOTO_FORMATS))
            except UploadRefused as error:
                errors.append(_("“%(name)s”: %(reason)s") % {"name": name, "reason": error})
        if errors:
            raise ValidationError(errors)
        return cleaned


def _price_field():
    return forms.IntegerField(
        label=_("Giá bán (đồng)"),
        min_value=1000,
        max_value=MAX_PRICE,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1000}),
        error_messages={
            "invalid": _("Giá phải là số đồng, không có phần lẻ."),
            "required": _("Hãy nhập giá bán."),
            "min_value": _("Giá thấp nhất là 1.000 đồng."),
            "max_value": _("Giá quá lớn."),
        },
    )


class ProductEditForm(StyledForm):
    """Price, description (and its optional English version) and photos of one of the
    producer's products."""

    manual_fields = ("remove_photos",)  # drawn as thumbnails with a tick box each

    version = forms.CharField(widget=forms.HiddenInput)
    price = _price_field()
    description = forms.CharField(
        label=_("Mô tả"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    title_en = forms.CharField(
        label=_("Tên tiếng Anh (không bắt buộc)"),
        required=False,
        max_length=255,
        help_text=_("Hiện trên trang tiếng Anh; để trống thì dùng tên tiếng Việt."),
    )
    description_en = forms.CharField(
        label=_("Mô tả tiếng Anh (không bắt buộc)"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hiện trên trang tiếng Anh; để trống thì dùng mô tả tiếng Việt."),
    )
    photos = PhotosField(
        label=_("Thêm ảnh"),
        required=False,
        help_text=_("JPEG, PNG hoặc WebP, tối đa 5 MB mỗi ảnh."),
    )
    growing_area_code = forms.CharField(
        label=_("Mã số vùng trồng"),
        required=False,
        max_length=traceability.MAX_CODE_INPUT,
        help_text=_("Mã số vùng trồng do Cục Bảo vệ thực vật cấp, dạng VN-BGOR-0012."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    remove_photos = forms.ModelMultipleChoiceField(
        label=_("Bỏ ảnh"),
        required=False,
        queryset=get_model("catalogue", "ProductImage").objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Ảnh này không thuộc sản phẩm.")},
    )

    def __init__(self, *args, product, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove_photos"].queryset = product.images.all()

    def clean_growing_area_code(self) -> str:
        code = self.cleaned_data.get("growing_area_code", "").strip()
        if not code:
            return ""
        try:
            return traceability.trace_code_parse(code, kind=traceability.GROWING_AREA)
        except traceability.TraceCodeError as error:
            raise forms.ValidationError(str(error)) from None


class ProductProposeForm(StyledForm):
    """A new product, proposed as a draft until a council rates it."""

    title = forms.CharField(label=_("Tên sản phẩm"), max_length=255)
    product_class = forms.ModelChoiceField(
        label=_("Loại sản phẩm"),
        queryset=get_model("catalogue", "ProductClass").objects.all(),
        empty_label=_("— chọn —"),
    )
    category = forms.ModelChoiceField(
        label=_("Nhóm OCOP"),
        required=False,
        empty_label=_("— chọn —"),
        queryset=get_model("catalogue", "Category").objects.all().order_by("path"),
    )
    upc = forms.CharField(label=_("Mã vạch (nếu có)"), max_length=64, required=False)
    price = _price_field()
    description = forms.CharField(
        label=_("Mô tả"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
