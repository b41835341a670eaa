"""RSS and Atom feeds of news and of fairs (django.contrib.syndication), live pages only."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class NewsFeed(Feed):
    """The latest 20 live news articles of one news index (RSS 2.0)."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def items(self):
        return self.index_page.articles()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return _midnight(item.date)

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.get_category_display(), *(tag.name for tag in item.tags.all())]


class NewsAtomFeed(NewsFeed):
    """The same news as an Atom 1.0 feed."""

    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class FairFeed(NewsFeed):
    """Live fairs of one fair index, latest start first (RSS 2.0)."""

    def items(self):
        return self.index_page.fairs().order_by("-start_date", "-pk")[:20]

    def item_description(self, item):
        return f"{item.start_date:%d/%m/%Y} – {item.end_date:%d/%m/%Y} · {item.venue}. {item.intro}"

    def item_pubdate(self, item):
        return _midnight(item.start_date)

    def item_author_name(self, item):
        return item.organiser or None

    def item_categories(self, item):
        return []


class FairAtomFeed(FairFeed):
    """The same fairs as an Atom 1.0 feed."""

    feed_type = Atom1Feed
    subtitle = NewsFeed.description
