"""Sở Công Thương's editors and moderators (Wagtail's Editors and Moderators groups) review booth
applications in the admin: view, change and delete (nobody adds one there)."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")
CODENAMES = ("view_fairapplication", "change_fairapplication", "delete_fairapplication")


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; create them now to grant them
    # (the global app config only says the app has models; the historical models are used).
    create_permissions(
        global_apps.get_app_config("cms"),
        verbosity=0,
        apps=apps,
        using=schema_editor.connection.alias,
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="cms", codename__in=CODENAMES)
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="cms", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_fair_booths"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
