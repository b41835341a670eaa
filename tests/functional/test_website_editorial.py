"""Editorial roles and workflow, through Wagtail's admin URLs with the Django test client: editors
write news and fairs but cannot publish (by the UI or a crafted POST), moderators approve and
publish, scheduled go-live works, producers and shoppers have no admin at all."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms import editorial
from cms.models import FairIndexPage, NewsIndexPage, NewsPage, ProgrammePage

pytestmark = pytest.mark.usefixtures("vietnamese")


@pytest.fixture
def tree(home_page):
    """Home → news index (with one live article), fair index, programme page; the editorial
    groups and workflow set up on them."""
    news = home_page.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    fairs = home_page.add_child(instance=FairIndexPage(title="Hội chợ", slug="hoi-cho"))
    programme = home_page.add_child(
        instance=ProgrammePage(title="Chương trình OCOP", slug="chuong-trinh-ocop")
    )
    article = news.add_child(
        instance=NewsPage(title="Vải thiều vào vụ", slug="vai-thieu", intro="Mùa vải đã đến.")
    )
    article.save_revision().publish()
    groups = editorial.editorial_setup(
        homes=[home_page], news_indexes=[news], fair_indexes=[fairs], programme_roots=[programme]
    )
    return {
        "home": home_page,
        "news": news,
        "fairs": fairs,
        "programme": programme,
        "article": article,
        **groups,
    }


def member(group):
    from tests.factories import UserFactory

    user = UserFactory()
    user.save()  # the factory sets the password after saving; the session hash needs it stored
    user.groups.add(group)
    return user


def article_form(title: str, **extra) -> dict:
    """What Wagtail's admin form for a news article posts."""
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", "vai-thieu"),
            "intro": "Mùa vải đã đến.",
            "body": streamfield([]),
            "date": timezone.localdate().isoformat(),
            "author": "",
            "category": "mua-vu",
            "tags": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_setup_is_idempotent(tree):
    # when the setup runs again
    again = editorial.editorial_setup(
        homes=[tree["home"]],
        news_indexes=[tree["news"]],
        fair_indexes=[tree["fairs"]],
        programme_roots=[tree["programme"]],
    )
    # then nothing is duplicated
    assert again["workflow"].pk == tree["workflow"].pk
    assert tree["editors"].page_permissions.count() == 4
    assert tree["workflow"].workflow_tasks.count() == 1


def test_editor_crafted_publish_post_does_not_publish(tree, client):
    # given an editor and a live article
    editor = member(tree["editors"])
    article = tree["article"]
    client.force_login(editor)

    # when the editor posts the edit form with the publish button's name
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form("Bài đã sửa", **{"action-publish": "action-publish"}),
    )

    # then a draft is saved but the live page keeps its title
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.title == "Vải thiều vào vụ"
    assert article.has_unpublished_changes
    assert article.get_latest_revision().content["title"] == "Bài đã sửa"


def test_editor_new_article_with_publish_stays_a_draft(tree, client):
    # given an editor
    client.force_login(member(tree["editors"]))

    # when they create an article and press (or forge) publish
    url = reverse("wagtailadmin_pages:add", args=["cms", "newspage", tree["news"].pk])
    client.post(url, article_form("Bài mới", slug="bai-moi", **{"action-publish": "1"}))

    # then the article exists, not live
    created = NewsPage.objects.get(slug="bai-moi")
    assert not created.live


def test_editor_cannot_edit_programme_pages(tree, client):
    # given an editor
    client.force_login(member(tree["editors"]))
    # when they open a programme page in the admin
    response = client.get(reverse("wagtailadmin_pages:edit", args=[tree["programme"].pk]))
    # then they are refused
    assert response.status_code in (302, 403)


def test_workflow_submit_then_moderator_approves_and_the_article_goes_live(tree, client):
    # given an editor who submits a change for moderation
    article = tree["article"]
    client.force_login(member(tree["editors"]))
    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form("Vải thiều chính vụ", **{"action-submit": "1"}),
    )
    article.refresh_from_db()
    state = article.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert article.title == "Vải thiều vào vụ"

    # when a moderator approves the task
    client.force_login(member(tree["moderators"]))
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]),
        {"comment": "Đồng ý"},
    )

    # then the change is live and both revisions are kept
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.title == "Vải thiều chính vụ"
    assert not article.has_unpublished_changes
    assert article.revisions.count() >= 2


def test_editor_cannot_approve_their_own_submission(tree, client):
    # given a submitted change
    article = tree["article"]
    editor = member(tree["editors"])
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form("Tự duyệt", **{"action-submit": "1"}),
    )
    article.refresh_from_db()
    task_state = article.current_workflow_state.current_task_state

    # when the editor posts the approve action themselves
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]),
        {"comment": ""},
    )

    # then nothing goes live
    article.refresh_from_db()
    assert article.title == "Vải thiều vào vụ"
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"


def test_scheduled_article_goes_live_when_publish_scheduled_runs(tree, client):
    # given a moderator who publishes a new article with a go-live time in the future
    client.force_login(member(tree["moderators"]))
    go_live = timezone.localtime() + timedelta(hours=2)
    url = reverse("wagtailadmin_pages:add", args=["cms", "newspage", tree["news"].pk])
    client.post(
        url,
        article_form(
            "Bài hẹn giờ",
            slug="hen-gio",
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
            **{"action-publish": "1"},
        ),
    )
    article = NewsPage.objects.get(slug="hen-gio")
    assert not article.live
    revision = article.get_latest_revision()
    assert revision.approved_go_live_at is not None

    # when the scheduled command runs before the time: nothing happens
    call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert not article.live

    # when it runs after the time (the clock moved three hours on)
    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)

    # then the article is live
    article.refresh_from_db()
    assert article.live


def test_producer_and_shopper_have_no_admin(tree, client):
    # given a producer's login and a shopper's login, with no editorial group
    from tests.factories import UserFactory

    for user in (UserFactory(), UserFactory()):
        user.save()
        client.force_login(user)
        # when they open the Wagtail admin
        response = client.get("/admin/")
        # then they are sent to the login page
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_editor_reaches_the_admin_and_the_news_add_form(tree, client):
    # given an editor
    client.force_login(member(tree["editors"]))
    # when
    home = client.get("/admin/")
    add = client.get(reverse("wagtailadmin_pages:add", args=["cms", "newspage", tree["news"].pk]))
    # then
    assert home.status_code == 200 and add.status_code == 200
    assert Page.objects.get(pk=tree["news"].pk).get_children().count() == 1
