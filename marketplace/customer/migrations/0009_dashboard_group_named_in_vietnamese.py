"""Oscar's group of every dashboard permission (made by migration 0008 under an English name)
is named in Vietnamese: administrators see it in the user and group screens of the admin."""

from django.db import migrations

ENGLISH = "All Oscar Dashboard Permissions"
VIETNAMESE = "Toàn quyền trang quản trị cửa hàng"


def _rename(apps, old, new):
    Group = apps.get_model("auth", "Group")
    if not Group.objects.filter(name=new).exists():
        Group.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps, ENGLISH, VIETNAMESE)


def backwards(apps, schema_editor):
    _rename(apps, VIETNAMESE, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [("customer", "0008_assign_permissions_to_staff")]

    operations = [migrations.RunPython(forwards, backwards)]
