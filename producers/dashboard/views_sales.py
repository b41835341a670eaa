"""Producer dashboard: sales for a chosen period (charts and the same numbers as tables), and
the CSV of sales lines. What counts as a sale and as revenue: :mod:`producers.dashboard.sales`."""

from __future__ import annotations

import csv

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from producers.dashboard import sales
from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.forms_sales import SalesPeriodForm


class PeriodMixin:
    """Reads the period from the query string; a wrong one falls back to the last twelve
    months, and the form says why."""

    def get_period(self):
        today = timezone.localdate()
        start, end = sales.default_period(today=today)
        if "tu" in self.request.GET or "den" in self.request.GET:
            form = SalesPeriodForm(self.request.GET)
            if form.is_valid():
                start, end = form.cleaned_data["tu"], form.cleaned_data["den"]
        else:
            form = SalesPeriodForm(initial={"tu": start, "den": end})
        return form, start, end


class SalesView(ProducerDashboardMixin, PeriodMixin, TemplateView):
    """Revenue by month, top products, units per location: charts and tables."""

    template_name = "producers/dashboard/sales.html"
    section = "sales"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, start, end = self.get_period()
        summary = sales.sales_summary(producer=self.producer, start=start, end=end)
        today = timezone.localdate()
        context.update(
            form=form,
            summary=summary,
            chart=summary.chart(),
            presets=[
                (_("12 tháng qua"), *sales.default_period(today=today)),
                (_("Năm nay"), today.replace(month=1, day=1), today),
                (_("Tháng này"), today.replace(day=1), today),
            ],
        )
        return context


class Echo:
    """A file-like object that hands back what is written (for streaming CSV)."""

    def write(self, value):
        return value


class SalesCsvView(ProducerDashboardMixin, PeriodMixin, View):
    """Every sale line of the period as CSV (UTF-8 with BOM, so spreadsheet programs read the
    Vietnamese letters)."""

    def get(self, request, *args, **kwargs):
        _form, start, end = self.get_period()
        writer = csv.writer(Echo())
        rows = sales.sales_csv_rows(producer=self.producer, start=start, end=end)

        def stream():
            yield "\ufeff"
            for row in rows:
                yield writer.writerow(row)

        response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
        name = f"doanh-so-{self.producer.slug}-{start:%Y%m%d}-{end:%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
