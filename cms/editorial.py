"""Editorial roles and the moderation workflow of the website, set up idempotently.

- *Biên tập viên Sở Công Thương* (the Department of Industry and Trade's editors): add and edit
  news and fairs, never publish; their changes go through the workflow.
- *Kiểm duyệt viên* (moderators): approve and publish anything on the website.
- *Văn phòng điều phối OCOP* (the programme office): add, edit and publish the programme pages.

Editors and moderators also review fair booth applications (*Đăng ký gian hàng* in the admin,
:mod:`cms.wagtail_hooks`): view, change and delete them.

The workflow *Duyệt tin bài* (one group-approval task for the moderators) is assigned to the news
and fair indexes of every language, so every article and fair waits for a moderator. Wagtail
keeps every revision; scheduled go-live is Wagtail's ``publish_scheduled`` command.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Biên tập viên Sở Công Thương"
MODERATORS = "Kiểm duyệt viên"
PROGRAMME_OFFICE = "Văn phòng điều phối OCOP"
WORKFLOW = "Duyệt tin bài"
APPROVAL_TASK = "Kiểm duyệt viên duyệt bài"

EDIT = ("add_page", "change_page")
PUBLISH = (*EDIT, "publish_page", "lock_page", "unlock_page")
BOOTH_REVIEW = ("view_fairapplication", "change_fairapplication", "delete_fairapplication")


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


def _grant_pages(group: Group, pages: Iterable[Page], codenames: Iterable[str]) -> None:
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_page_permission(codename)
            )


def _grant_admin_and_images(group: Group) -> None:
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    root = Collection.get_first_root_node()
    if root is None:
        return
    for codename in ("add_image", "choose_image", "change_image"):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )


@transaction.atomic
def editorial_setup(
    *,
    homes: Iterable[Page],
    news_indexes: Iterable[Page],
    fair_indexes: Iterable[Page],
    programme_roots: Iterable[Page],
) -> dict:
    """Create (or complete) the three groups, their page permissions and the workflow; return
    ``{"editors": Group, "moderators": Group, "programme_office": Group, "workflow": Workflow}``.

    ``homes`` are the home pages of every language (moderators' scope), ``news_indexes`` and
    ``fair_indexes`` the editors' scope, ``programme_roots`` the programme office's.
    """
    homes, news_indexes = list(homes), list(news_indexes)
    fair_indexes, programme_roots = list(fair_indexes), list(programme_roots)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    office, _ = Group.objects.get_or_create(name=PROGRAMME_OFFICE)
    for group in (editors, moderators, office):
        _grant_admin_and_images(group)
    _grant_pages(editors, news_indexes + fair_indexes, EDIT)
    _grant_pages(moderators, homes, PUBLISH)
    _grant_pages(office, programme_roots, PUBLISH)
    booth_review = Permission.objects.filter(
        content_type__app_label="cms", codename__in=BOOTH_REVIEW
    )
    for group in (editors, moderators):
        group.permissions.add(*booth_review)

    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in news_indexes + fair_indexes:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return {
        "editors": editors,
        "moderators": moderators,
        "programme_office": office,
        "workflow": workflow,
    }
