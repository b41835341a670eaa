"""Forms of the producer's orders pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.checkout import rules

#: Statuses a producer may ask for; whether the move is allowed is the service's decision.
PRODUCER_LINE_STATUSES = (
    rules.LINE_PACKED,
    rules.LINE_SHIPPED,
    rules.LINE_DELIVERED,
    rules.LINE_READY,
    rules.LINE_COLLECTED,
)


class LineActionForm(forms.Form):
    """One step on one line; carrier and tracking number are needed to ship (checked by the
    service, so a crafted POST gets the same answer as the form)."""

    status = forms.ChoiceField(
        choices=[(s, s) for s in PRODUCER_LINE_STATUSES],
        error_messages={"invalid_choice": _("Thao tác không hợp lệ.")},
    )
    carrier = forms.CharField(
        label=_("Đơn vị vận chuyển"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"list": "carriers", "autocomplete": "off"}),
    )
    tracking_number = forms.CharField(
        label=_("Mã vận đơn"),
        max_length=64,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == rules.LINE_SHIPPED:
            for name in ("carrier", "tracking_number"):
                if not (cleaned.get(name) or "").strip():
                    self.add_error(name, _("Bắt buộc khi gửi hàng."))
        return cleaned


#: Carriers offered as suggestions (any other name may be typed).
CARRIERS = (
    "Bưu điện Việt Nam (VNPost)",
    "Viettel Post",
    "Giao Hàng Nhanh (GHN)",
    "Giao Hàng Tiết Kiệm (GHTK)",
    "J&T Express",
    "Ninja Van",
    "Tự giao",
)
