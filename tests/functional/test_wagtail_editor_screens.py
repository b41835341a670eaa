"""The editors' Wagtail screens over HTTP on the demo: a fair's producers and products are chosen
in searchable checklists (no Ctrl-click list), the dashboard opens on the editor's own work
(drafts waiting for review, upcoming fairs, recent changes), and no page of the admin asks an
off-site avatar service (Gravatar) for a picture."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Workflow

from cms import models as cms


@pytest.fixture
def editor(website, db, vietnamese):
    """The demo's editor of the Department of Industry and Trade (no publish right)."""
    from django.core.cache import cache

    from marketplace.demo import data

    cache.clear()
    return get_user_model().objects.get(username=data.EDITOR_USERNAME)


def a_fair():
    return cms.FairPage.objects.live().filter(locale__language_code="vi").order_by("pk").first()


def test_fair_editor_chooses_producers_and_products_in_searchable_checklists(editor, client):
    # given a fair with producers and products
    fair = a_fair()
    chosen = set(fair.producers.values_list("pk", flat=True))
    client.force_login(editor)
    # when the editor opens the fair in the admin
    response = client.get(f"/admin/pages/{fair.pk}/edit/")
    # then both lists are checklists with a search box, not a <select multiple>
    html = response.content.decode()
    assert response.status_code == 200
    assert not re.search(r'<select[^>]+name="(producers|featured_products)"[^>]*multiple', html)
    assert 'id="id_producers-search"' in html and 'id="id_featured_products-search"' in html
    assert "cms/js/searchable-checkboxes.js" in html
    ticked = {int(v) for v in re.findall(r'name="producers" value="(\d+)"[^>]*checked', html)}
    assert ticked == chosen


def test_dashboard_shows_the_editors_drafts_in_review_upcoming_fairs_and_recent_changes(
    editor, client
):
    # given an article the editor changed and sent for review, and a fair next week
    article = cms.NewsPage.objects.live().filter(locale__language_code="vi").first()
    article.title = "Bản nháp chờ duyệt của biên tập viên"
    revision = article.save_revision(user=editor)
    workflow = article.get_workflow() or Workflow.objects.filter(active=True).first()
    workflow.start(article, editor)
    fair = a_fair()
    today = timezone.localdate()
    fair.start_date, fair.end_date = today + timedelta(days=7), today + timedelta(days=9)
    fair.save_revision(user=editor).publish()
    client.force_login(editor)
    # when the editor opens the Wagtail dashboard
    response = client.get("/admin/")
    # then the panel lists the draft as waiting for review, the fair, and recent changes
    html = re.sub(r"\s+", " ", response.content.decode())
    assert response.status_code == 200 and revision.pk
    drafts = html.split('data-testid="editor-drafts"')[1].split("</section>")[0]
    assert "Bản nháp chờ duyệt của biên tập viên" in drafts and "Đang chờ duyệt" in drafts
    fairs = html.split('data-testid="editor-fairs"')[1].split("</section>")[0]
    assert fair.title in fairs and fair.start_date.strftime("%d/%m/%Y") in fairs
    changes = html.split('data-testid="editor-changes"')[1].split("</section>")[0]
    assert fair.title in changes


@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/pages/"])
def test_admin_pages_ask_no_off_site_avatar_service(editor, client, path):
    # given an editor with an e-mail address (Gravatar would be asked for its hash)
    client.force_login(editor)
    # when
    response = client.get(path, follow=True)
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert editor.email
    assert "gravatar" not in html.lower()
    assert not re.search(r'<img[^>]+src="https?://(?!testserver)', html)
