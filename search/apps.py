"""App config for the search fork."""

import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked so its views run on the OCOP gate and our own backends."""

    name = "search"
    verbose_name = "Tìm kiếm"
