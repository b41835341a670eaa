"""The search box: one field, ``q``, shared by the header and the results page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.backends.base import EXPORT_AREA, FACETS, SORTS
from search.documents import PRICE_RANGES
from search.text import clean_query


class SearchForm(forms.Form):
    """A product search. Overlong input is truncated (never refused); an empty query lists
    nothing rather than everything."""

    q = forms.CharField(
        required=False,
        label=_("Tìm kiếm"),
        widget=forms.TextInput(
            attrs={
                "placeholder": _("Tìm sản phẩm OCOP: vải thiều, mỳ Chũ…"),
                "type": "search",
                "class": "form-control",
                "aria-label": _("Tìm kiếm"),
                "maxlength": 200,
                "autocomplete": "off",
            }
        ),
    )

    def clean_q(self) -> str:
        return clean_query(self.cleaned_data.get("q"))


PRICE_KEYS = frozenset(key for key, _low, _high in PRICE_RANGES)


def filters_from(params) -> dict[str, list[str]]:
    """The facet filters in a query string (unknown names, stars and price ranges ignored,
    values capped; repeated values kept once)."""
    filters: dict[str, list[str]] = {}
    for name in FACETS:
        values = [v.strip()[:100] for v in params.getlist(name)[:20] if v.strip()]
        if name == "stars":
            values = [v for v in values if v in {"3", "4", "5"}]
        elif name == "price":
            # A range not offered would match nothing: ignored like any malformed parameter.
            values = [v for v in values if v in PRICE_KEYS]
        elif name == "export":
            values = [v for v in values if v == EXPORT_AREA][:1]
        values = list(dict.fromkeys(values))
        if values:
            filters[name] = values
    return filters


def sort_from(params) -> str:
    """The sort order asked for, or ``relevance``."""
    sort = params.get("sort", "relevance")
    return sort if sort in SORTS else "relevance"


def page_from(params) -> int:
    """The page number asked for: a positive integer, 1 for anything else."""
    try:
        page = int(params.get("page", "1"))
    except (TypeError, ValueError):
        return 1
    return min(max(page, 1), 1000)
