"""App config for the search fork."""

import oscar.apps.search.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked so its views run on the OCOP gate and our own backends."""

    name = "search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        super().ready()
        self.suggest_view = get_class("search.views", "SuggestView")
        # Signals name models: only once the app registry is ready, as Django requires.
        from search import signals

        signals.connect()

    def get_urls(self):
        urlpatterns = [
            path("", self.search_view.as_view(), name="search"),
            path("suggest/", self.suggest_view.as_view(), name="suggest"),
        ]
        return self.post_process_urls(urlpatterns)
