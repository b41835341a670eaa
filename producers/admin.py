"""Django admin for producers, beside Oscar's partner admin."""

from django.contrib import admin
from oscar.apps.partner.admin import *  # noqa: F403  (registers Oscar's partner admins)

from producers.models import Producer


@admin.register(Producer)
class ProducerAdmin(admin.ModelAdmin):
    """Producer profiles."""

    list_display = ("name", "kind", "commune", "phone")
    list_filter = ("kind", "commune__district")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
