"""Puts the search form in every template (the header's search box)."""

from search.forms import SearchForm


def search_form(request):
    """The header search form, bound to the current query when there is one."""
    return {"search_form": SearchForm(request.GET or None)}
