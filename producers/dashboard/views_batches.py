"""Producer dashboard: traceable batches (*lô hàng*): record one, list them, print their QR
labels on A4 sheets. Reads in :mod:`producers.selectors`, the write in
:func:`producers.services.batch_record`."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from producers import selectors
from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.forms_batches import BatchForm, LabelSheetForm
from producers.services import BatchError, batch_record
from producers.views import batch_public_url, batch_qr

#: Labels on one A4 sheet: 3 across, 8 down (70 × 37 mm, the common label stock).
LABELS_PER_SHEET = 24


class BatchListView(ProducerDashboardMixin, TemplateView):
    """The producer's batches, newest first, with the form to record a new one."""

    template_name = "producers/dashboard/batches.html"
    section = "batches"

    def get(self, request, *args, **kwargs):
        form = BatchForm(producer=self.producer)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = BatchForm(request.POST, producer=self.producer)
        if form.is_valid():
            data = form.cleaned_data
            try:
                batch = batch_record(
                    producer=self.producer,
                    product=data["product"],
                    harvest_date=data["harvest_date"],
                    quantity=data["quantity"],
                    growing_area=data["growing_area"],
                    growing_area_code=data["growing_area_code"],
                    place=data["place"],
                    notes=data["notes"],
                    by=request.user,
                    today=timezone.localdate(),
                )
            except BatchError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Đã ghi lô %(code)s: %(product)s.")
                    % {"code": batch.display_code, "product": batch.product.get_title()},
                )
                return redirect("producer_dashboard:batches")
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["batches"] = selectors.producer_batches(self.producer)[:100]
        context["labels_per_sheet"] = LABELS_PER_SHEET
        return context


class BatchLabelsView(ProducerDashboardMixin, TemplateView):
    """A print page of one batch's labels on A4 sheets (``?so=`` labels, one sheet by default):
    each label carries the QR of the batch page, the product, the harvest date and the codes."""

    template_name = "producers/dashboard/batch_labels.html"
    section = "batches"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = get_object_or_404(
            selectors.producer_batches(self.producer), pk=self.kwargs["batch_id"]
        )
        form = LabelSheetForm(self.request.GET)
        count = (form.cleaned_data.get("so") if form.is_valid() else None) or LABELS_PER_SHEET
        qr = batch_qr(self.request, batch)
        context.update(
            batch=batch,
            url=batch_public_url(self.request, batch),
            qr_svg=qr.svg_inline(scale=3, border=2, omitsize=True),
            sheets=[
                range(min(LABELS_PER_SHEET, count - start))
                for start in range(0, count, LABELS_PER_SHEET)
            ],
            count=count,
        )
        return context
