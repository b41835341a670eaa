"""Producer dashboard: stock in the online warehouse and at each showroom, the ledger,
low-stock thresholds, and CSV export and import of stock counts.

Views check input and call one service (``producers.services``); every product comes from the
producer's own products, and every ledger line or threshold is looked up inside them.
"""

from __future__ import annotations

import csv
import hashlib
import json
from functools import cached_property

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from producers import selectors, stock_csv
from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.forms_stock import (
    RETURN_TO_WAREHOUSE,
    CountImportForm,
    MovementForm,
    ThresholdForm,
    TransferForm,
)
from producers.models import StockMovement, StockThreshold
from producers.services import (
    CountRow,
    StockError,
    stock_count,
    stock_counts_apply,
    stock_move,
    stock_threshold_set,
    stock_transfer,
)

LEDGER_PAGE_SIZE = 25
IMPORT_SESSION_KEY = "producer_dashboard_count_import"


def _location_url(place) -> str:
    if place is None:
        return reverse("producer_dashboard:stock_online")
    return reverse("producer_dashboard:stock_place", kwargs={"place_id": place.pk})


def _safe_next(request, fallback: str) -> str:

    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


class StockSectionMixin(ProducerDashboardMixin):
    section = "stock"


class StockIndexView(StockSectionMixin, TemplateView):
    """Every location at a glance: the warehouse and each showroom, with totals and what is
    low; a form to send stock to any showroom (a new one too); CSV export and import."""

    template_name = "producers/dashboard/stock_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = selectors.stock_rows(self.producer)
        places = selectors.stock_places(self.producer)
        locations = [
            {
                "place": None,
                "url": _location_url(None),
                "rows": [r for r in rows if r.place is None],
            }
        ]
        for place in places:
            locations.append(
                {
                    "place": place,
                    "url": _location_url(place),
                    "rows": [r for r in rows if r.place and r.place.pk == place.pk],
                }
            )
        for location in locations:
            location["units"] = sum(r.balance for r in location["rows"])
            location["low"] = [r for r in location["rows"] if r.low]
        context.update(
            locations=locations,
            low_rows=[r for r in rows if r.low],
            transfer_form=kwargs.get("transfer_form") or TransferForm(producer=self.producer),
        )
        return context


class LocationView(StockSectionMixin, TemplateView):
    """One location: balance per product, a form for each kind of movement, the ledger
    (newest first, paged) and the thresholds there."""

    template_name = "producers/dashboard/stock_location.html"

    @cached_property
    def place(self):
        # Looked up once the mixin has set self.producer: another producer's fair booth
        # answers 404, like any unknown place.
        place_id = self.kwargs.get("place_id")
        if place_id is None:
            return None
        return get_object_or_404(selectors.producer_stock_places(self.producer), pk=place_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        place = self.place
        rows = selectors.stock_rows(self.producer, place=place)
        ledger = selectors.stock_ledger(self.producer, place=place)
        page = Paginator(ledger, LEDGER_PAGE_SIZE).get_page(self.request.GET.get("trang"))
        context.update(
            place=place,
            rows=rows,
            page=page,
            location_url=_location_url(place),
            form=kwargs.get("form") or MovementForm(producer=self.producer, place=place),
            transfer_form=kwargs.get("transfer_form")
            or TransferForm(producer=self.producer, initial={"place": place.pk if place else None}),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = MovementForm(request.POST, producer=self.producer, place=self.place)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        product, kind, quantity = data["product"], data["kind"], data["quantity"]
        try:
            if kind == RETURN_TO_WAREHOUSE:
                stock_transfer(
                    product=product,
                    source=self.place,
                    target=None,
                    quantity=quantity,
                    note=data["note"],
                    by=request.user,
                )
            elif kind == StockMovement.Kind.CORRECTION:
                if (
                    stock_count(
                        product=product,
                        place=self.place,
                        counted=quantity,
                        note=data["note"],
                        by=request.user,
                    )
                    is None
                ):
                    messages.info(request, _("Số đếm khớp với sổ kho: không cần điều chỉnh."))
                    return redirect(_location_url(self.place))
            else:
                stock_move(
                    product=product,
                    place=self.place,
                    quantity=quantity,
                    kind=kind,
                    note=data["note"],
                    by=request.user,
                )
        except StockError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(
            request, _("Đã ghi vào sổ kho: %(product)s.") % {"product": product.get_title()}
        )
        return redirect(_location_url(self.place))


class TransferView(StockSectionMixin, View):
    """POST: send units from the online warehouse to a showroom, in one transaction."""

    def post(self, request, *args, **kwargs):
        form = TransferForm(request.POST, producer=self.producer)
        fallback = reverse("producer_dashboard:stock")
        if form.is_valid():
            data = form.cleaned_data
            try:
                stock_transfer(
                    product=data["product"],
                    source=None,
                    target=data["place"],
                    quantity=data["quantity"],
                    note=data["note"],
                    by=request.user,
                )
            except StockError as error:
                messages.error(request, str(error))
                return redirect(_safe_next(request, fallback))
            messages.success(
                request,
                _("Đã gửi %(n)s “%(product)s” đến %(place)s.")
                % {
                    "n": data["quantity"],
                    "product": data["product"].get_title(),
                    "place": data["place"].name,
                },
            )
            return redirect(_location_url(data["place"]))
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return redirect(_safe_next(request, fallback))


class MovementDetailView(StockSectionMixin, TemplateView):
    """One ledger line: who, when, why, and the order line that caused it."""

    template_name = "producers/dashboard/stock_movement.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["movement"] = get_object_or_404(
            selectors.stock_ledger(self.producer), pk=self.kwargs["movement_id"]
        )
        return context


class ThresholdsView(StockSectionMixin, TemplateView):
    """Low-stock thresholds: the list, and a form to set one."""

    template_name = "producers/dashboard/stock_thresholds.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = [r for r in selectors.stock_rows(self.producer) if r.threshold is not None]
        context.update(rows=rows, form=kwargs.get("form") or ThresholdForm(producer=self.producer))
        return context

    def post(self, request, *args, **kwargs):
        form = ThresholdForm(request.POST, producer=self.producer)
        if form.is_valid():
            data = form.cleaned_data
            try:
                stock_threshold_set(
                    product=data["product"], place=data["place"], threshold=data["threshold"]
                )
            except StockError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Đã lưu ngưỡng sắp hết hàng."))
                return redirect(_safe_next(request, reverse("producer_dashboard:stock_thresholds")))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ThresholdDeleteView(StockSectionMixin, View):
    """POST: remove one of the producer's thresholds."""

    def post(self, request, *args, **kwargs):
        row = get_object_or_404(
            StockThreshold.objects.filter(product__in=selectors.dashboard_products(self.producer)),
            pk=self.kwargs["threshold_id"],
        )
        row.delete()
        messages.success(request, _("Đã bỏ ngưỡng sắp hết hàng."))
        return redirect(reverse("producer_dashboard:stock_thresholds"))


def _csv_response(filename: str, header, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # a BOM, so spreadsheet programs read Vietnamese letters right
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


class StockExportView(StockSectionMixin, View):
    """CSV: one row per product × location with balance, reserved units and threshold; the
    last column (counted) is pre-filled with the balance, ready to edit and import."""

    def get(self, request, *args, **kwargs):
        stamp = timezone.localdate().isoformat()
        return _csv_response(
            f"ton-kho-{self.producer.slug}-{stamp}.csv",
            stock_csv.EXPORT_COLUMNS,
            stock_csv.stock_export_rows(self.producer),
        )


class LedgerExportView(StockSectionMixin, View):
    """CSV: the whole ledger of the producer's products, newest first."""

    def get(self, request, *args, **kwargs):
        rows = (
            [
                m.created_at.astimezone(timezone.get_current_timezone()).isoformat(
                    timespec="seconds"
                ),
                stock_csv.product_reference(m.product),
                m.product.get_title(),
                m.place.slug if m.place else selectors.ONLINE_SLUG,
                m.place.name if m.place else _("Kho online"),
                m.kind,
                m.get_kind_display(),
                m.quantity,
                m.note,
                m.created_by.get_username() if m.created_by else "",
                m.order_line.order.number if m.order_line_id else "",
            ]
            for m in selectors.stock_ledger(self.producer).iterator(chunk_size=500)
        )
        stamp = timezone.localdate().isoformat()
        header = [
            "thoi_gian",
            "ma_san_pham",
            "ten_san_pham",
            "dia_diem",
            "ten_dia_diem",
            "loai",
            "ten_loai",
            "so_luong",
            "ghi_chu",
            "nguoi_ghi",
            "don_hang",
        ]
        return _csv_response(f"so-kho-{self.producer.slug}-{stamp}.csv", header, rows)


def _fingerprint(rows: list[CountRow]) -> str:
    payload = json.dumps([r.__dict__ for r in rows], sort_keys=True).encode()
    return hashlib.sha256(payload).hexdigest()[:32]


class CountImportView(StockSectionMixin, TemplateView):
    """Upload a stock count CSV → a preview with per-row errors; nothing is applied until the
    producer confirms, and the confirmation is refused if stock moved since the preview."""

    template_name = "producers/dashboard/stock_import.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CountImportForm())
        return context

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self._confirm(request)
        form = CountImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["file"]
        if upload.size > stock_csv.MAX_BYTES:
            data = b"x" * (stock_csv.MAX_BYTES + 1)  # the preview reports "too large"
        else:
            data = upload.read()
        preview = stock_csv.count_import_preview(producer=self.producer, data=data)
        token = ""
        if preview.ok and preview.changes:
            rows = preview.to_apply()
            token = _fingerprint(rows)
            request.session[IMPORT_SESSION_KEY] = {
                "producer": self.producer.pk,
                "token": token,
                "rows": [r.__dict__ for r in rows],
            }
        status = 200 if preview.ok else 400
        return self.render_to_response(
            self.get_context_data(form=CountImportForm(), preview=preview, token=token),
            status=status,
        )

    def _confirm(self, request):
        stored = request.session.get(IMPORT_SESSION_KEY) or {}
        if stored.get("producer") != self.producer.pk or stored.get("token") != request.POST.get(
            "token"
        ):
            messages.error(request, _("Bản xem trước không còn hiệu lực; hãy tải tệp lên lại."))
            return redirect(reverse("producer_dashboard:stock_import"))
        rows = [CountRow(**row) for row in stored["rows"]]
        try:
            written = stock_counts_apply(producer=self.producer, rows=rows, by=request.user)
        except StockError as error:
            messages.error(request, str(error))
            return redirect(reverse("producer_dashboard:stock_import"))
        finally:
            request.session.pop(IMPORT_SESSION_KEY, None)
        messages.success(request, _("Đã ghi %(n)s điều chỉnh kiểm kê.") % {"n": written})
        return HttpResponseRedirect(reverse("producer_dashboard:stock"))
