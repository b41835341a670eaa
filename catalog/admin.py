"""Django admin for the catalogue: Oscar's product admin plus OCOP certificates and places.

Stars are read-only everywhere: they follow the score through :mod:`catalog.ocop`.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.apps.catalogue.admin import *  # noqa: F403  (registers Oscar's catalogue admins)

from catalog import ocop, services
from catalog.models import (
    CertificateEvent,
    CertificateNotice,
    Commune,
    District,
    IdeaComment,
    OcopCertificate,
    Place,
    ProductCredential,
    ProductIdea,
    ProgrammeRecord,
)
from catalog.programme import services as programme_services


class CertificateAddForm(forms.ModelForm):
    """A council decision as staff type it: part scores (or a total for old records), checked
    against the rules of the period by :func:`catalog.services.certificate_check`."""

    score = forms.DecimalField(
        label=_("tổng điểm"),
        required=False,
        max_digits=5,
        decimal_places=2,
        help_text=_("Để trống khi đã nhập điểm các phần: tổng được tính tự động."),
    )

    class Meta:
        model = OcopCertificate
        fields = (
            "product",
            "criteria_set",
            "part_a",
            "part_b",
            "part_c",
            "score",
            "council_level",
            "decision_number",
            "decision_date",
            "issuing_body",
            "valid_until",
            "scan",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The maxima come from the rules module, per criteria set.
        for code, name in OcopCertificate.PART_FIELDS.items():
            self.fields[name].help_text = " · ".join(
                _("%(decision)s: %(part)s, tối đa %(max)s điểm")
                % {"decision": c.decision, "part": p.name, "max": p.max_points}
                for c in ocop.CRITERIA_SETS.values()
                for p in c.parts
                if p.code == code
            )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        parts = {code: data.get(name) for code, name in OcopCertificate.PART_FIELDS.items()}
        given = {code: v for code, v in parts.items() if v is not None}
        if given and len(given) != len(parts):
            raise ValidationError(_("Nhập đủ điểm các phần A, B, C (hoặc chỉ nhập tổng điểm)."))
        if not given and data.get("score") is None:
            raise ValidationError(_("Nhập điểm các phần A, B, C."))
        try:
            self.checked = services.certificate_check(
                criteria_set=data["criteria_set"],
                score=data.get("score"),
                council_level=data["council_level"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                issuing_body=data["issuing_body"],
                valid_until=data.get("valid_until"),
                parts=given or None,
            )
        except ocop.OcopRuleError as error:
            raise ValidationError(str(error)) from error
        data["score"] = self.checked["score"]  # the model's own clean() checks the total too
        if data.get("scan"):
            try:
                services.certificate_scan_check(scan=data["scan"])
            except ocop.OcopRuleError as error:
                self.add_error("scan", str(error))
        return data


class CertificateChangeForm(forms.ModelForm):
    """A recorded certificate is history: only its scan may be attached, or it may be revoked."""

    revoke_reason = forms.CharField(
        label=_("thu hồi chứng nhận: lý do"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ghi lý do để thu hồi. Việc thu hồi được ghi lại và không thể hoàn tác."),
    )

    class Meta:
        model = OcopCertificate
        fields = ("scan",)

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        if scan and "scan" in self.changed_data:
            try:
                services.certificate_scan_check(scan=scan)
            except ocop.OcopRuleError as error:
                raise ValidationError(str(error)) from error
        return scan

    def clean_revoke_reason(self):
        reason = self.cleaned_data.get("revoke_reason", "").strip()
        if reason and self.instance.status == ocop.CertificateStatus.REVOKED:
            raise ValidationError(_("Chứng nhận này đã bị thu hồi."))
        return reason


class CertificateEventInline(admin.TabularInline):
    """The audit log, read-only."""

    model = CertificateEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = ("at", "action", "by", "details")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OcopCertificate)
class OcopCertificateAdmin(admin.ModelAdmin):
    """Certificates: part scores are entered, total and stars computed; history never edited.

    Adding goes through :func:`catalog.services.certificate_record`; a recorded certificate can
    only get a scan or be revoked (:func:`catalog.services.certificate_revoke`), and cannot be
    deleted. Every step lands in the audit log shown below the form.
    """

    list_display = (
        "decision_number",
        "product",
        "stars",
        "score",
        "criteria_set",
        "council_level",
        "decision_date",
        "valid_until",
        "status",
        "public_code",
    )
    list_filter = ("status", "stars", "criteria_set", "council_level")
    search_fields = ("decision_number", "product__title", "public_code")
    autocomplete_fields = ("product",)
    inlines = [CertificateEventInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = CertificateChangeForm if obj is not None else CertificateAddForm
        kwargs["fields"] = None
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return CertificateAddForm.Meta.fields
        return (*self.get_readonly_fields(request, obj), "scan", "revoke_reason")

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return (
            "product",
            "criteria_set",
            "part_a",
            "part_b",
            "part_c",
            "score",
            "stars",
            "council_level",
            "decision_number",
            "decision_date",
            "issuing_body",
            "valid_until",
            "status",
            "revoked_reason",
            "revoked_at",
            "revoked_by",
            "recorded_by",
            "created_at",
            "public_code",
            "verification_link",
        )

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    @admin.display(description=_("trang xác minh"))
    def verification_link(self, obj):
        url = obj.get_verification_url()
        return format_html('<a href="{}" target="_blank">{}</a>', url, url)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            data = form.cleaned_data
            parts = {
                code: data[name]
                for code, name in OcopCertificate.PART_FIELDS.items()
                if data.get(name) is not None
            }
            certificate = services.certificate_record(
                product=data["product"],
                criteria_set=data["criteria_set"],
                score=data.get("score"),
                council_level=data["council_level"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                issuing_body=data["issuing_body"],
                valid_until=data.get("valid_until"),
                parts=parts or None,
                scan=data.get("scan") or None,
                by=request.user,
            )
            obj.__dict__.update({k: v for k, v in certificate.__dict__.items() if k != "_state"})
            obj._state.adding = False
            return
        if "scan" in form.changed_data and form.cleaned_data.get("scan"):
            services.certificate_scan_attach(
                certificate=obj, scan=form.cleaned_data["scan"], by=request.user
            )
        reason = form.cleaned_data.get("revoke_reason")
        if reason:
            services.certificate_revoke(certificate=obj, reason=reason, by=request.user)


class CredentialAdminForm(forms.ModelForm):
    """A credential as staff record or review it: facts checked by
    :func:`catalog.services.credential_check`, the scan by its content; on a recorded one, a
    tick to verify it or a reason to refuse it."""

    verify = forms.BooleanField(
        label=_("xác minh"),
        required=False,
        help_text=_("Đã đối chiếu với bản quét hoặc sổ đăng ký của cơ quan cấp: cho hiển thị."),
    )
    refuse_reason = forms.CharField(
        label=_("không xác nhận: lý do"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = ProductCredential
        fields = ("product", "kind", "number", "issuer", "issued_on", "valid_until", "scan", "note")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data.update(
                services.credential_check(
                    kind=data["kind"],
                    number=data.get("number", ""),
                    issuer=data.get("issuer", ""),
                    issued_on=data.get("issued_on"),
                    valid_until=data.get("valid_until"),
                )
            )
        except ocop.OcopRuleError as error:
            raise ValidationError(str(error)) from error
        if data.get("scan") and "scan" in self.changed_data:
            try:
                services.certificate_scan_check(scan=data["scan"])
            except ocop.OcopRuleError as error:
                self.add_error("scan", str(error))
        if data.get("verify") and data.get("refuse_reason", "").strip():
            raise ValidationError(_("Chọn xác minh hoặc ghi lý do không xác nhận, không cả hai."))
        return data


@admin.register(ProductCredential)
class ProductCredentialAdmin(admin.ModelAdmin):
    """Product credentials (GI, trademarks, barcodes, VietGAP…): staff record them verified;
    producers' proposals wait here (filter “Chờ xác minh”) to be verified or refused. Only
    verified credentials in force show on the storefront."""

    form = CredentialAdminForm
    list_display = (
        "product",
        "kind",
        "number",
        "issuer",
        "issued_on",
        "valid_until",
        "status",
        "verified_by",
    )
    list_filter = ("status", "kind")
    search_fields = ("number", "product__title", "issuer")
    autocomplete_fields = ("product",)
    readonly_fields = ("status", "verified_by", "verified_at", "created_at")
    actions = ["verify_selected"]

    def get_fields(self, request, obj=None):
        fields = list(CredentialAdminForm.Meta.fields)
        if obj is not None:
            fields += ["status", "verified_by", "verified_at", "verify", "refuse_reason"]
        return fields

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if not change:
            credential = services.credential_record(
                product=data["product"],
                kind=data["kind"],
                number=data["number"],
                issuer=data["issuer"],
                issued_on=data.get("issued_on"),
                valid_until=data.get("valid_until"),
                scan=data.get("scan") or None,
                note=data.get("note", ""),
                verified=True,
                by=request.user,
            )
            obj.__dict__.update({k: v for k, v in credential.__dict__.items() if k != "_state"})
            obj._state.adding = False
            return
        if "scan" in form.changed_data and data.get("scan"):
            obj.scan = services.certificate_scan_clean(scan=data["scan"])
        super().save_model(request, obj, form, change)
        if data.get("verify"):
            services.credential_verify(credential=obj, by=request.user)
        elif data.get("refuse_reason", "").strip():
            services.credential_refuse(
                credential=obj, reason=data["refuse_reason"], by=request.user
            )

    @admin.action(description=_("Xác minh các chứng chỉ đã chọn"))
    def verify_selected(self, request, queryset):
        done = 0
        for credential in queryset:
            try:
                services.credential_verify(credential=credential, by=request.user)
                done += 1
            except ocop.OcopRuleError as error:
                self.message_user(request, f"{credential}: {error}", level=messages.ERROR)
        if done:
            self.message_user(
                request,
                ngettext("Đã xác minh %(n)s chứng chỉ.", "Đã xác minh %(n)s chứng chỉ.", done)
                % {"n": done},
            )


@admin.register(CertificateNotice)
class CertificateNoticeAdmin(admin.ModelAdmin):
    """Expiry notices sent (read-only: the daily job writes them)."""

    list_display = ("certificate", "days_ahead", "sent_at", "recipients")
    list_filter = ("days_ahead",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class IdeaCommentInline(admin.TabularInline):
    """The idea's trail; staff add remarks here."""

    model = IdeaComment
    extra = 1
    fields = ("created_at", "author", "status_to", "body")
    readonly_fields = ("created_at", "author", "status_to")
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ProductIdea)
class ProductIdeaAdmin(admin.ModelAdmin):
    """Ideas and business plans (OCOP steps 2–3): commune staff forward ideas, the programme
    office shortlists them and reviews plans."""

    list_display = ("title", "producer", "group", "commune", "status", "created_at")
    list_filter = ("status", "group", "commune__district")
    search_fields = ("title", "producer__name")
    readonly_fields = (
        "producer",
        "title",
        "commune",
        "group",
        "distinctive",
        "status",
        "plan_summary",
        "plan_market",
        "plan_investment",
        "plan_submitted_at",
        "submitted_by",
        "created_at",
    )
    fields = readonly_fields
    inlines = [IdeaCommentInline]
    actions = ["forward", "shortlist", "decline", "accept_plan", "return_plan"]

    def has_add_permission(self, request):
        return False

    def save_formset(self, request, form, formset, change):
        comments = formset.save(commit=False)
        for comment in comments:
            if comment.body.strip():
                programme_services.idea_comment_add(
                    idea=form.instance, author=request.user, body=comment.body
                )

    def _move(self, request, queryset, status):
        moved, refused = 0, []
        for idea in queryset:
            try:
                programme_services.idea_review(idea=idea, status=status, by=request.user)
                moved += 1
            except ocop.OcopRuleError as error:
                refused.append(f"{idea}: {error}")
        self._report(request, moved, refused)

    def _report(self, request, moved: int, refused: list[str]) -> None:
        if moved:
            self.message_user(
                request,
                ngettext("Đã cập nhật %(n)s ý tưởng.", "Đã cập nhật %(n)s ý tưởng.", moved)
                % {"n": moved},
            )
        for message in refused:
            self.message_user(request, message, level=messages.ERROR)

    @admin.action(
        description=_("Xã tiếp nhận và chuyển lên Văn phòng điều phối"), permissions=["forward"]
    )
    def forward(self, request, queryset):
        moved, refused = 0, []
        for idea in queryset:
            try:
                programme_services.idea_forward(idea=idea, by=request.user)
                moved += 1
            except ocop.OcopRuleError as error:
                refused.append(f"{idea}: {error}")
        self._report(request, moved, refused)

    def has_forward_permission(self, request):
        return request.user.has_perm("catalogue.forward_productidea")

    @admin.action(description=_("Chọn ý tưởng (cho lập phương án)"), permissions=["review"])
    def shortlist(self, request, queryset):
        self._move(request, queryset, ProductIdea.Status.SHORTLISTED)

    @admin.action(description=_("Không chọn ý tưởng"), permissions=["review"])
    def decline(self, request, queryset):
        self._move(request, queryset, ProductIdea.Status.DECLINED)

    @admin.action(description=_("Duyệt phương án kinh doanh"), permissions=["review"])
    def accept_plan(self, request, queryset):
        self._move(request, queryset, ProductIdea.Status.PLAN_ACCEPTED)

    @admin.action(description=_("Trả phương án để bổ sung"), permissions=["review"])
    def return_plan(self, request, queryset):
        self._move(request, queryset, ProductIdea.Status.PLAN_RETURNED)

    def has_review_permission(self, request):
        return request.user.has_perm("catalogue.review_productidea")


@admin.register(ProgrammeRecord)
class ProgrammeRecordAdmin(admin.ModelAdmin):
    """Dated figures the software cannot count (trainings and attendance, survey counts)."""

    list_display = ("on", "kind", "title", "count", "recorded_by")
    list_filter = ("kind",)
    date_hierarchy = "on"
    search_fields = ("title", "note")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    """District-level units of the former Bắc Giang province (until 30/06/2025)."""

    list_display = ("name", "kind", "province", "valid_from", "valid_until")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    """Communes, wards and towns, each with its validity period and the unit it became."""

    list_display = (
        "name",
        "kind",
        "district",
        "province",
        "valid_from",
        "valid_until",
        "successor",
    )
    list_filter = ("province", "district")
    list_select_related = ("district", "successor__district")
    search_fields = ("name",)
    autocomplete_fields = ("successor",)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    """Showroom points and tourism villages."""

    list_display = ("name", "kind", "district")
    list_filter = ("kind", "district")
