"""Wagtail's starting groups, workflow and task are named in Vietnamese after migrating (cms 0007):
Wagtail's own migrations name them in English, and editors see those names in the admin."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Task, Workflow

pytestmark = pytest.mark.django_db


def test_wagtails_default_groups_workflow_and_task_are_named_in_vietnamese():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators"}.isdisjoint(names)
    assert {"Biên tập viên (nhóm mặc định)", "Kiểm duyệt viên (nhóm mặc định)"} <= names
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Kiểm duyệt (quy trình mặc định)").exists()
