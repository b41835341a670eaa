"""Forms of the producer's wholesale enquiries: a reply, an outcome."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog import trade
from producers.models import Enquiry


class ReplyForm(forms.Form):
    """The producer's answer, emailed to the buyer."""

    body = forms.CharField(
        label=_("Trả lời người mua"),
        max_length=trade.MESSAGE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
    )


class OutcomeForm(forms.Form):
    """Quoted, won or lost."""

    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[
            (value, label) for value, label in Enquiry.Status.choices if value in trade.OUTCOMES
        ],
        widget=forms.Select(attrs={"class": "form-control"}),
    )
