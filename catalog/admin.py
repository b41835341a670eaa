"""Django admin for the catalogue: Oscar's product admin plus OCOP certificates and places.

Stars are read-only everywhere: they follow the score through :mod:`catalog.ocop`.
"""

from django.contrib import admin
from oscar.apps.catalogue.admin import *  # noqa: F403  (registers Oscar's catalogue admins)

from catalog.models import Commune, District, OcopCertificate, Place


@admin.register(OcopCertificate)
class OcopCertificateAdmin(admin.ModelAdmin):
    """Certificates: the score is entered, the stars are computed."""

    list_display = ("decision_number", "product", "stars", "score", "criteria_set",
                    "council_level", "decision_date", "valid_until", "status")
    list_filter = ("status", "stars", "criteria_set", "council_level")
    search_fields = ("decision_number", "product__title")
    readonly_fields = ("stars", "created_at")
    autocomplete_fields = ("product",)


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    """District-level units of the province."""

    list_display = ("name", "kind")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    """Communes, wards and towns."""

    list_display = ("name", "kind", "district")
    list_filter = ("district",)
    search_fields = ("name",)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    """Showroom points and tourism villages."""

    list_display = ("name", "kind", "district")
    list_filter = ("kind", "district")
