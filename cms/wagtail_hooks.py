"""Wagtail admin hooks of the website: the editors' dashboard panel (:class:`EditorWorkPanel`), and
the organiser's side of fair booths in the Wagtail admin (*Đăng ký gian hàng*): applications
listed per fair and status; opening one shows what the producer asked for and takes the
decision (accept with a booth number, waitlist, refuse with a reason) and, after the fair, the
outcomes. Every save goes through :mod:`cms.services`, which checks capacity and booth numbers
and emails the producer.

Sở Công Thương's editors and moderators (Wagtail's *Editors* and *Moderators* groups) hold the
view, change and delete permissions (migration ``0004``); nobody adds an application here:
producers apply from their dashboard.
"""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.sites.views import IndexView as SiteIndexView

from cms import selectors
from cms.models import FairApplication
from cms.services import BoothError, fair_application_outcome_record, fair_application_review


class ReviewForm(WagtailAdminModelForm):
    """The decision and outcome fields; validation of the decision is the service's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            # A decision is one of accept / waitlist / refuse; "pending" stays only as the
            # starting value, so saving an untouched pending application asks for a choice.
            self.fields["status"].widget = forms.RadioSelect(choices=FairApplication.Status.choices)


class ReviewEditView(EditView):
    """Saves through the services in one transaction; a refused rule is a form error."""

    def form_valid(self, form):
        self.form = form
        data = form.cleaned_data
        try:
            with transaction.atomic():
                application = fair_application_review(
                    application_id=self.object.pk,
                    decision=data["status"],
                    booth_number=data.get("booth_number") or "",
                    reason=data.get("refusal_reason") or "",
                    now=timezone.now(),
                )
                application = fair_application_outcome_record(
                    application_id=application.pk,
                    visitors=data.get("visitors"),
                    sales_vnd=data.get("sales_vnd"),
                    contracts_signed=data.get("contracts_signed"),
                    today=timezone.localdate(),
                )
        except BoothError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            self.produced_error_code = "validation_error"
            self.produced_error_message = str(error)
            return self.form_invalid(form)
        self.object = application
        return self.save_action()


class YesNoPanel(FieldPanel):
    """A read-only yes/no field shown as "Có" / "Không" rather than True / False."""

    def format_value_for_display(self, value):
        return _("Có") if value else _("Không")


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody adds an application in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class FairApplicationViewSet(ModelViewSet):
    """*Đăng ký gian hàng*: the organiser's listing and review of booth applications."""

    model = FairApplication
    icon = "group"
    menu_label = _("Đăng ký gian hàng")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    edit_view_class = ReviewEditView
    list_display = ["producer", "fair", "booth_size", "status", "booth_number", "created_at"]
    list_filter = ["fair", "status"]
    search_fields = ["producer__name", "contact_name"]
    ordering = ["fair", "booth_number", "created_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("fair", read_only=True),
                    FieldPanel("producer", read_only=True),
                    FieldPanel("booth_size", read_only=True),
                    FieldPanel("products", read_only=True),
                    FieldRowPanel(
                        [
                            YesNoPanel("needs_power", read_only=True),
                            YesNoPanel("needs_refrigeration", read_only=True),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("contact_name", read_only=True),
                            FieldPanel("contact_phone", read_only=True),
                        ]
                    ),
                    FieldPanel("note", read_only=True),
                ],
                heading=_("Chủ thể đăng ký"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("booth_number"),
                    FieldPanel("refusal_reason"),
                ],
                heading=_("Xét duyệt"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("visitors"),
                            FieldPanel("sales_vnd"),
                            FieldPanel("contracts_signed"),
                        ]
                    ),
                ],
                heading=_("Kết quả sau hội chợ"),
            ),
        ],
        base_form_class=ReviewForm,
    )


register_permission_policy(
    FairApplication, NoAddPermissionPolicy(FairApplication), exact_class=True
)


@hooks.register("register_admin_viewset")
def register_fair_applications():
    return FairApplicationViewSet("fair_applications")


class EditorWorkPanel(Component):
    """The first panel an editor sees: their drafts (and which wait for a moderator), the fairs
    coming up, and the latest changes to the website."""

    name = "ocop_editor_work"
    order = 50  # above Wagtail's own panels (100 and up)
    template_name = "cms/admin/editor_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        return {
            "drafts": selectors.editor_drafts(user=self.request.user),
            "fairs": selectors.fairs_upcoming(today=today),
            "changes": selectors.page_changes_recent(),
            "today": today,
        }


@hooks.register("construct_homepage_panels")
def add_editor_work_panel(request, panels):
    """Put the editors' panel on the Wagtail dashboard of anyone who may edit pages."""
    panels.append(EditorWorkPanel(request))


def _translate_site_columns() -> None:
    """The sites listing names its port, site name and root page columns after the fields
    ("Port", "Site name"), untranslated in every language: label them with the fields' verbose
    names, which Wagtail's catalogue translates."""
    model = SiteIndexView.model or Site
    for column in SiteIndexView.columns:
        if column.name in ("port", "site_name", "root_page"):
            column.label = capfirst(model._meta.get_field(column.name).verbose_name)


_translate_site_columns()
