"""Public pages of the programme's records: the certificate registry and its exports, the
verification page and QR codes, the progress summary and the programme office's dashboard.

Views check input, then ask :mod:`catalog.programme.selectors` (reads) or :mod:`catalog.services`
(writes).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import segno
from django import forms
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from oscar.core.loading import get_model

from catalog import ocop
from catalog.models import CertificateEvent, OcopCertificate, ProductIdea
from catalog.programme import selectors as registry

District = get_model("catalogue", "District")
Category = get_model("catalogue", "Category")

# catalog/static/catalog/: the schema is served here and as a static file beside the catalogue.
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "static" / "catalog" / "registry.schema.json"
STATUS_CHOICES = [
    ("valid", _("Còn hiệu lực")),
    ("expired", _("Hết hiệu lực")),
    ("revoked", _("Đã thu hồi")),
    ("all", _("Tất cả")),
]


class RegistryFilterForm(forms.Form):
    """The registry's filters; every field is optional and checked."""

    q = forms.CharField(label=_("Tìm"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Trạng thái"), choices=STATUS_CHOICES, required=False)
    stars = forms.TypedChoiceField(
        label=_("Số sao"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tất cả"))] + [(s, f"{s}★") for s in (5, 4, 3, 2, 1)],
    )
    level = forms.ChoiceField(
        label=_("Cấp hội đồng"),
        required=False,
        choices=[("", _("Tất cả"))]
        + [(lv.value, lb) for lv, lb in ocop.COUNCIL_LEVEL_LABELS.items()],
    )
    district = forms.ChoiceField(label=_("Huyện"), required=False)
    group = forms.ChoiceField(label=_("Nhóm sản phẩm"), required=False)
    year = forms.IntegerField(
        label=_("Năm quyết định"), required=False, min_value=2000, max_value=2100
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("Tất cả"))] + list(
            District.objects.values_list("slug", "name")
        )
        self.fields["group"].choices = [("", _("Tất cả"))] + list(
            Category.objects.filter(depth=1).values_list("slug", "name")
        )
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control form-control-sm"

    def filters(self) -> registry.RegistryFilters:
        """The valid filters (an invalid field counts as "any"; the form shows its error)."""
        data = self.cleaned_data if self.is_bound else {}
        clean = {k: v for k, v in data.items() if k not in self.errors and v not in ("", None)}
        return registry.RegistryFilters(
            status=clean.get("status", "valid"),
            stars=clean.get("stars"),
            district=clean.get("district", ""),
            group=clean.get("group", ""),
            level=clean.get("level", ""),
            year=clean.get("year"),
            q=clean.get("q", "").strip(),
        )


def _filtered(request):
    form = RegistryFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    today = timezone.localdate()
    return form, today, registry.registry_queryset(filters=form.filters(), today=today)


def registry_list(request):
    """The public registry of OCOP certificates, filterable, 50 a page."""
    form, today, queryset = _filtered(request)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    rows = registry.registry_rows(page.object_list, today=today)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "catalog/records/registry.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "total": page.paginator.count,
        },
    )


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def registry_csv(request):
    """The registry (same filters) as CSV, UTF-8 with BOM so spreadsheets read Vietnamese."""
    _form, today, queryset = _filtered(request)
    rows = registry.registry_rows(queryset, today=today, base_url=_base_url(request))
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=registry.EXPORT_FIELDS)
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="chung-nhan-ocop-bac-giang.csv"'
    return response


def registry_json(request):
    """The registry (same filters) as JSON, documented by ``registry.schema.json``."""
    _form, today, queryset = _filtered(request)
    rows = registry.registry_rows(queryset, today=today, base_url=_base_url(request))
    return JsonResponse(
        {
            "generated_on": today.isoformat(),
            "count": len(rows),
            "schema": _base_url(request) + "/chung-nhan/du-lieu.schema.json",
            "certificates": rows,
        },
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


def registry_schema(request):
    """The JSON Schema of the JSON export."""
    return HttpResponse(
        SCHEMA_PATH.read_text(encoding="utf-8"),
        content_type="application/schema+json; charset=utf-8",
    )


def _not_found(request, code):
    return render(request, "catalog/records/verify_not_found.html", {"code": code[:40]}, status=404)


def verify(request, code: str):
    """What a QR scan opens: whether the certificate is valid, expired or revoked."""
    certificate = registry.certificate_by_code(code)
    if certificate is None:
        return _not_found(request, code)
    today = timezone.localdate()
    status, status_label = registry.certificate_state_on(certificate, today=today)
    product = certificate.product
    on_sale = registry.selectors.product_is_listed(product, today=today)
    return render(
        request,
        "catalog/records/verify.html",
        {
            "certificate": certificate,
            "product": product,
            "status": status,
            "status_label": status_label,
            "on_sale": on_sale,
            "today": today,
            "group": registry.product_groups([product.pk]).get(product.pk),
            "district": product.origin_commune.district if product.origin_commune else None,
        },
    )


def _qr(request, code: str):
    certificate = registry.certificate_by_code(code)
    if certificate is None:
        return None, None
    url = request.build_absolute_uri(certificate.get_verification_url())
    # Level M error correction survives a scuffed package; the URL is short enough for a small QR.
    return certificate, segno.make_qr(url, error="m")


@cache_control(public=True, max_age=86400)
def qr_png(request, code: str):
    """The certificate's QR code as a PNG, large enough to print (10 px a module)."""
    certificate, qr = _qr(request, code)
    if qr is None:
        return _not_found(request, code)
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=10, border=4)
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    if "download" in request.GET:
        response["Content-Disposition"] = (
            f'attachment; filename="ocop-{certificate.public_code}.png"'
        )
    return response


@cache_control(public=True, max_age=86400)
def qr_svg(request, code: str):
    """The certificate's QR code as SVG, for print shops (scales without blur)."""
    certificate, qr = _qr(request, code)
    if qr is None:
        return _not_found(request, code)
    buffer = io.BytesIO()
    qr.save(
        buffer,
        kind="svg",
        scale=10,
        border=4,
        xmldecl=True,
        svgns=True,
        title=f"OCOP {certificate.public_code}",
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    if "download" in request.GET:
        response["Content-Disposition"] = (
            f'attachment; filename="ocop-{certificate.public_code}.svg"'
        )
    return response


def _progress_context(progress, *, staff: bool):
    chart = {
        "stars": {
            "labels": [f"{s}★" for s in progress.by_stars],
            "data": list(progress.by_stars.values()),
        },
        "group": {"labels": list(progress.by_group), "data": list(progress.by_group.values())},
        "district": {
            "labels": list(progress.by_district),
            "data": list(progress.by_district.values()),
        },
        "year": {
            "labels": [str(y) for y in progress.by_year],
            "data": list(progress.by_year.values()),
        },
    }
    return {
        "progress": progress,
        "chart": chart,
        "staff": staff,
        "set_names": {c.code: c.decision for c in ocop.CRITERIA_SETS.values()},
    }


def progress_summary(request):
    """The public summary of the programme's progress: charts and tables."""
    progress = registry.progress_on(today=timezone.localdate())
    return render(
        request, "catalog/records/progress.html", _progress_context(progress, staff=False)
    )


@permission_required("catalogue.view_ocopcertificate", login_url="/django-admin/login/")
def progress_dashboard(request):
    """The programme office's dashboard: the summary plus certificates lapsing soon, recent
    audit events and ideas waiting for review."""

    today = timezone.localdate()
    context = _progress_context(registry.progress_on(today=today), staff=True)
    context["lapsing"] = (
        OcopCertificate.objects.filter(
            registry.status_q("valid", today=today),
            valid_until__lte=today + timezone.timedelta(days=90),
        )
        .select_related("product")
        .order_by("valid_until")[:50]
    )
    context["events"] = CertificateEvent.objects.select_related(
        "certificate__product", "by"
    ).order_by("-at", "-pk")[:20]
    context["ideas_waiting"] = ProductIdea.objects.filter(
        status__in=["forwarded", "plan_submitted"]
    ).count()
    return render(request, "catalog/records/progress.html", context)


def progress_csv(request):
    """Every figure of the summary as CSV rows (dimension, key, count)."""
    progress = registry.progress_on(today=timezone.localdate())
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(["dimension", "key", "count"])
    writer.writerows(progress.table_rows())
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tien-do-ocop-bac-giang.csv"'
    return response
