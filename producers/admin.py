"""Django admin for producers, beside Oscar's partner admin."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import admin as oscar_partner_admin
from oscar.apps.partner.admin import *  # noqa: F403  (registers Oscar's partner admins)
from oscar.core.loading import get_model

from producers.dashboard.accounts import users_linked_elsewhere
from producers.models import Batch, Producer, ShowroomOperator


@admin.register(Producer)
class ProducerAdmin(admin.ModelAdmin):
    """Producer profiles."""

    list_display = ("name", "kind", "commune", "phone")
    list_filter = ("kind", "commune__district")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    """Traceable batches, for staff to look up a code read off a label (producers record them
    in their dashboard, through ``producers.services.batch_record``)."""

    list_display = ("code", "product", "producer", "harvest_date", "quantity", "growing_area_code")
    list_filter = ("producer",)
    search_fields = ("code", "product__title", "producer__name", "growing_area_code")
    readonly_fields = ("code", "producer", "product", "certificate", "created_by", "created_at")
    date_hierarchy = "harvest_date"


# --- producer users: one producer per user, never staff ----------------------------------------

Partner = get_model("partner", "Partner")


class PartnerAdminForm(forms.ModelForm):
    """Oscar's partner form, refusing users who already belong to another partner (a user
    belongs to at most one producer) and staff accounts (producer users are not staff)."""

    class Meta:
        model = Partner
        fields = ("name", "users")

    def clean_users(self):

        users = list(self.cleaned_data.get("users") or [])
        taken = users_linked_elsewhere(users=users, partner=self.instance)
        if taken:
            raise forms.ValidationError(
                _("Đã thuộc chủ thể khác (mỗi tài khoản chỉ thuộc một chủ thể): %(users)s")
                % {"users": ", ".join(u.get_username() for u in taken)}
            )
        staff = [u for u in users if u.is_staff]
        if staff:
            raise forms.ValidationError(
                _("Tài khoản cán bộ không được làm người dùng của chủ thể: %(users)s")
                % {"users": ", ".join(u.get_username() for u in staff)}
            )
        return self.cleaned_data.get("users")


class PartnerAdmin(oscar_partner_admin.PartnerAdmin):
    """Oscar's partner admin with the one-producer-per-user check."""

    form = PartnerAdminForm
    filter_horizontal = ("users",)


admin.site.unregister(Partner)
admin.site.register(Partner, PartnerAdmin)


@admin.register(ShowroomOperator)
class ShowroomOperatorAdmin(admin.ModelAdmin):
    """Who keeps the counter at which showroom (they record counter sales there)."""

    list_display = ("user", "place", "created_at")
    list_filter = ("place",)
    search_fields = ("user__username", "user__email", "place__name")
    autocomplete_fields = ("user",)
