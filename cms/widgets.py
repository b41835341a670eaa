"""Admin widgets for the website's editors."""

from __future__ import annotations

from django import forms


class SearchableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """A many-to-many chooser for long lists (a fair's 37 producers, 76 products): a search box
    that filters the options as one types (accents and đ ignored, so ``vai thieu`` finds
    "Vải thiều"), ticked options first with their count, and checkboxes instead of a
    Ctrl-click ``<select multiple>``. Without JavaScript it is a plain list of checkboxes."""

    template_name = "cms/widgets/searchable_checkboxes.html"

    class Media:
        js = ["cms/js/searchable-checkboxes.js"]
        css = {"all": ["cms/css/searchable-checkboxes.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["selected_count"] = len([v for v in (value or []) if v not in ("", None)])
        return context
