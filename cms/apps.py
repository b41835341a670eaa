"""App config for the Wagtail website."""

from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Pages of the OCOP Bắc Giang website."""

    name = "cms"
    verbose_name = "Trang thông tin OCOP Bắc Giang"
    default_auto_field = "django.db.models.AutoField"
