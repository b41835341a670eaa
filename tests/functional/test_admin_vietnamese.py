"""The Wagtail admin that editors and moderators use reads as Vietnamese: the dashboard, the page
tree, page editing and moderation, images, documents, snippets and reports show the project's
Vietnamese (``locale/vi/LC_MESSAGES/django.po``, read before Wagtail's own catalogue, which
translates only about a tenth of the admin)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from cms import editorial
from cms.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.usefixtures("vietnamese")

#: English that Wagtail shows on these screens when its strings are untranslated.
ENGLISH = (
    "Save draft",
    "Publish",
    "Submit to",
    "Your most recent edits",
    "Add child page",
    "Dashboard",
    "Pages",
    "Images",
    "Documents",
    "Snippets",
    "Reports",
    "Help",
    "Editing",
    "Content",
    "Promote",
    "Settings",
    "Search",
    "Sort by",
    "Add an image",
    "Upload",
    "Locked pages",
    "Site history",
    "Workflows",
    "Log out",
    "Account",
    "Awaiting your review",
    "Actions",
    "Status",
    "Last updated",
    "Type",
    "Title",
    "Preview",
    "History",
    "Delete",
    "Move",
    "Copy",
    "Unpublish",
    "Live",
    "Draft",
    "Add a document",
    "There are no",
    "No results",
    "Filter",
    "Show",
    "Collection",
)


class _Text(HTMLParser):
    """The text a person sees: element text outside <script>, <style> and <template>."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " | ".join(parser.parts)


def english_in(text: str) -> list[str]:
    return [p for p in ENGLISH if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text)]


@pytest.fixture
def newsroom(home_page):
    news = home_page.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    article = news.add_child(
        instance=NewsPage(title="Vải thiều vào vụ", slug="vai-thieu", intro="Mùa vải đã đến.")
    )
    article.save_revision().publish()
    groups = editorial.editorial_setup(
        homes=[home_page], news_indexes=[news], fair_indexes=[], programme_roots=[]
    )
    return {"news": news, "article": article, **groups}


def _member(group):
    from tests.factories import UserFactory

    user = UserFactory()
    user.save()
    user.groups.add(group)
    return user


def english_on_screens(client, screens: dict[str, str]) -> dict[str, list[str]]:
    """Each screen (name → URL) that shows any of :data:`ENGLISH`, with what it shows."""
    found = {}
    for name, url in screens.items():
        response = client.get(url, follow=True)
        assert response.status_code == 200, (name, response.status_code)
        english = english_in(visible_text(response.content.decode()))
        if english:
            found[name] = english
    return found


def test_editors_screens_read_as_vietnamese(newsroom, client):
    # given an editor signed in to the admin
    client.force_login(_member(newsroom["editors"]))
    news, article = newsroom["news"], newsroom["article"]
    screens = {
        "dashboard": reverse("wagtailadmin_home"),
        "page tree": reverse("wagtailadmin_explore", args=[news.pk]),
        "edit page": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "new page": reverse("wagtailadmin_pages:add", args=["cms", "newspage", news.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[article.pk]),
        "images": reverse("wagtailimages:index"),
        "add image": reverse("wagtailimages:add"),
    }
    # when they open each screen, then none shows Wagtail's untranslated English
    found = english_on_screens(client, screens)
    assert not found, found


def test_moderators_and_staff_screens_read_as_vietnamese(newsroom, client, django_user_model):
    # given staff with every permission (the programme office's administrator)
    admin = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "x")
    client.force_login(admin)
    screens = {
        "documents": reverse("wagtaildocs:index"),
        "add document": reverse("wagtaildocs:add"),
        "snippets": reverse("wagtailsnippets:index"),
        "locked pages": reverse("wagtailadmin_reports:locked_pages"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "aging pages": reverse("wagtailadmin_reports:aging_pages"),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "awaiting review": reverse("wagtailadmin_reports:workflow"),
        "collections": reverse("wagtailadmin_collections:index"),
    }
    # when they open each screen, then none shows Wagtail's untranslated English
    found = english_on_screens(client, screens)
    assert not found, found
