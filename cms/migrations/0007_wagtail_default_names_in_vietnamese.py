"""Wagtail's own starting data in Vietnamese: its default groups "Editors" and "Moderators" and
its default "Moderators approval" workflow and task are named in English by Wagtail's migrations,
and the admin shows those names to editors (groups, workflow status in the page editor). Renamed
only while they still carry Wagtail's name and the new name is free; reversible."""

from django.db import migrations

GROUPS = {
    "Editors": "Biên tập viên (nhóm mặc định)",
    "Moderators": "Kiểm duyệt viên (nhóm mặc định)",
}
WORKFLOWS = {"Moderators approval": "Kiểm duyệt (quy trình mặc định)"}
TASKS = {"Moderators approval": "Kiểm duyệt viên duyệt (mặc định)"}


def _rename(model, names: dict[str, str]) -> None:
    for old, new in names.items():
        if not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps.get_model("auth", "Group"), GROUPS)
    _rename(apps.get_model("wagtailcore", "Workflow"), WORKFLOWS)
    _rename(apps.get_model("wagtailcore", "Task"), TASKS)


def backwards(apps, schema_editor):
    _rename(apps.get_model("auth", "Group"), {new: old for old, new in GROUPS.items()})
    _rename(apps.get_model("wagtailcore", "Workflow"), {new: old for old, new in WORKFLOWS.items()})
    _rename(apps.get_model("wagtailcore", "Task"), {new: old for old, new in TASKS.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_fair_booth_pickup"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
