"""The search box: one field, ``q``, shared by the header and the results page."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    """A product search; an empty query lists nothing rather than everything."""

    q = forms.CharField(
        required=False, max_length=200, label=_("Tìm kiếm"),
        widget=forms.TextInput(attrs={
            "placeholder": _("Tìm sản phẩm OCOP: vải thiều, mỳ Chũ…"),
            "type": "search", "class": "form-control", "aria-label": _("Tìm kiếm"),
        }),
    )
