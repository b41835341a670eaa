"""The Wagtail admin that editors and moderators use reads as Vietnamese: the dashboard, the page
tree, page editing and moderation, images, documents, snippets and reports show the project's
Vietnamese (``locale/vi/LC_MESSAGES/django.po``, read before Wagtail's own catalogue, which
translates only about a tenth of the admin). So do the screens of the programme office's
administrator: users, groups and their permissions, the account and its notification settings,
the admin's sign-in and password reset, form submissions, redirects (and their import), the site
footer setting, sites, locales, workflows and tasks, every report, the fair booth applications
and the bulk actions on pages and users."""

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
    # users, groups, account, sign-in
    "Users",
    "Groups",
    "Username",
    "Access level",
    "Roles",
    "Add a user",
    "Add a group",
    "Object permissions",
    "Other permissions",
    "Page permissions",
    "Add a page permission",
    "Toggle all",
    "View users in this group",
    "Delete user",
    "Delete group",
    "Set active state",
    "Assign role",
    "Mark as active",
    "Admin theme",
    "System default",
    "Light",
    "Dark",
    "Density",
    "Notifications",
    "Receive notification when a page is submitted for moderation",
    "Profile",
    "Sign in",
    "Forgotten password",
    "Forgotten it",
    "Reset your password",
    "Email address",
    "Password",
    # forms, redirects, settings, sites, locales
    "Forms",
    "Form data",
    "Submission date",
    "Origin",
    "Redirects",
    "Add redirect",
    "Import redirects",
    "Redirect from",
    "Redirect to a page",
    "Permanent",
    "Temporary",
    "All sites",
    "From site",
    "File to import",
    "Are you sure you want to delete",
    "Sites",
    "Add site",
    "Site name",
    "Root page",
    "Port",
    "Choose a root page",
    "Locales",
    "Add locale",
    "Admin",
    # workflows, tasks, reports, bulk actions
    "Add a workflow",
    "Add a task",
    "Tasks",
    "Page types usage",
    "Aging pages",
    "Yes, delete",
    "Yes, publish",
    "Yes, unpublish",
    "Yes, move",
)


class _Text(HTMLParser):
    """The interface text a person sees: element text outside <script>, <style> and <template>,
    and outside <textarea> (what someone entered, such as a product's English description)."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template", "textarea"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template", "textarea") and self._skip:
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


@pytest.fixture
def office_admin(website, db, vietnamese):
    """The demo's administrator (every permission) on the demo website: its contact form, fair
    booth applications, site footer, redirects of the English pages and workflows."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    from marketplace.demo import data

    cache.clear()
    return get_user_model().objects.get(username=data.ADMIN_USERNAME)


def test_administrators_screens_read_as_vietnamese(office_admin, client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Page, Site, Task, Workflow

    from cms.models import ContactPage, FairApplication

    # given the programme office's administrator signed in to the demo's admin
    client.force_login(office_admin)
    site = Site.objects.get(is_default_site=True)
    other = get_user_model().objects.exclude(pk=office_admin.pk).order_by("pk").first()
    group = Group.objects.order_by("pk").first()
    redirect = Redirect.objects.create(old_path="/vai-thieu-cu", redirect_link="/vai-thieu")
    pages = "&".join(
        f"id={pk}" for pk in Page.objects.filter(depth=3).values_list("pk", flat=True)[:2]
    )
    bulk_page = "wagtailcore", "page"
    bulk_user = other._meta.app_label, other._meta.model_name
    screens = {
        "users": reverse("wagtailusers_users:index"),
        "add user": reverse("wagtailusers_users:add"),
        "edit user": reverse("wagtailusers_users:edit", args=[other.pk]),
        "delete user": reverse("wagtailusers_users:delete", args=[other.pk]),
        "groups": reverse("wagtailusers_groups:index"),
        "add group": reverse("wagtailusers_groups:add"),
        "edit group": reverse("wagtailusers_groups:edit", args=[group.pk]),
        "delete group": reverse("wagtailusers_groups:delete", args=[group.pk]),
        "account": reverse("wagtailadmin_account"),
        "forms": reverse("wagtailforms:index"),
        "form submissions": reverse(
            "wagtailforms:list_submissions", args=[ContactPage.objects.first().pk]
        ),
        "redirects": reverse("wagtailredirects:index"),
        "add redirect": reverse("wagtailredirects:add"),
        "edit redirect": reverse("wagtailredirects:edit", args=[redirect.pk]),
        "delete redirect": reverse("wagtailredirects:delete", args=[redirect.pk]),
        "import redirects": reverse("wagtailredirects:start_import"),
        "footer setting": reverse("wagtailsettings:edit", args=["cms", "websitefooter", site.pk]),
        "sites": reverse("wagtailsites:index"),
        "add site": reverse("wagtailsites:add"),
        "edit site": reverse("wagtailsites:edit", args=[site.pk]),
        "locales": reverse("wagtaillocales:index"),
        "add locale": reverse("wagtaillocales:add"),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "add workflow": reverse("wagtailadmin_workflows:add"),
        "edit workflow": reverse("wagtailadmin_workflows:edit", args=[Workflow.objects.first().pk]),
        "tasks": reverse("wagtailadmin_workflows:task_index"),
        "task types": reverse("wagtailadmin_workflows:select_task_type"),
        "edit task": reverse("wagtailadmin_workflows:edit_task", args=[Task.objects.first().pk]),
        "page types usage": reverse("wagtailadmin_reports:page_types_usage"),
        "workflow tasks": reverse("wagtailadmin_reports:workflow_tasks"),
        "fair applications": reverse("fair_applications:index"),
        "fair application": reverse(
            "fair_applications:edit", args=[FairApplication.objects.first().pk]
        ),
        "bulk delete pages": reverse("wagtail_bulk_action", args=[*bulk_page, "delete"])
        + f"?{pages}",
        "bulk publish pages": reverse("wagtail_bulk_action", args=[*bulk_page, "publish"])
        + f"?{pages}",
        "bulk unpublish pages": reverse("wagtail_bulk_action", args=[*bulk_page, "unpublish"])
        + f"?{pages}",
        "bulk move pages": reverse("wagtail_bulk_action", args=[*bulk_page, "move"]) + f"?{pages}",
        "bulk delete users": reverse("wagtail_bulk_action", args=[*bulk_user, "delete"])
        + f"?id={other.pk}",
        "bulk assign role": reverse("wagtail_bulk_action", args=[*bulk_user, "assign_role"])
        + f"?id={other.pk}",
        "bulk active state": reverse("wagtail_bulk_action", args=[*bulk_user, "set_active_state"])
        + f"?id={other.pk}",
    }
    # when they open each screen, then each is served and none shows Wagtail's English
    found = english_on_screens(client, screens)
    assert not found, found


def test_admin_sign_in_and_password_reset_read_as_vietnamese(client, db):
    # given someone signed out, when they open the admin's sign-in and password reset screens
    screens = {
        "sign in": reverse("wagtailadmin_login"),
        "password reset": reverse("wagtailadmin_password_reset"),
        "password reset sent": reverse("wagtailadmin_password_reset_done"),
        "password reset complete": reverse("wagtailadmin_password_reset_complete"),
    }
    # then none shows Wagtail's English
    found = english_on_screens(client, screens)
    assert not found, found


def test_the_admins_javascript_strings_read_as_vietnamese(client, django_user_model):
    """The sidebar menu, the rich text toolbar, blocks, comments and autosave are written by
    the admin's JavaScript from /admin/jsi18n/ (``locale/vi/LC_MESSAGES/djangojs.po``)."""
    import json

    # given staff signed in to the admin
    client.force_login(django_user_model.objects.create_superuser("quantri", "q@example.vn", "x"))
    # when the admin's scripts load their catalogue under vi
    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalogue = {
        json.loads(f'"{key}"'): json.loads(f'"{value}"')
        for key, value in re.findall(
            r'^\s*"((?:[^"\\]|\\.)*)": "((?:[^"\\]|\\.)*)",?$', script, re.M
        )
    }
    # then the strings a person sees are Vietnamese
    assert catalogue.get("Main menu") == "Menu chính"
    assert catalogue.get("Dashboard") == "Trang quản trị"
    assert catalogue.get("Autosave in progress…") == "Đang tự động lưu…"
    assert catalogue.get("Insert a block") == "Chèn khối nội dung"
