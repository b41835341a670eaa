"""Wholesale enquiries (*kết nối giao thương*), public side: a business buyer's form on a
producer's page (the product page links to it with the product chosen), and the programme
office's counts with their CSV export. Views check input, then call
:func:`producers.services.enquiry_submit` or the enquiry selectors.

The form's POST is rate-limited per address and per email by
:class:`marketplace.throttle.FormThrottleMiddleware` (``trade:enquiry``).
"""

from __future__ import annotations

import csv
import io

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from catalog import trade
from producers import selectors, services
from producers.forms_trade import EnquiryForm


def enquiry_new(request, slug: str):
    """The enquiry form for one producer's products on sale (``?san-pham=<id>`` picks one)."""
    producer = get_object_or_404(selectors.producer_list_public(with_unlisted=True), slug=slug)
    products = selectors.producer_products_listed(producer=producer)
    initial = {}
    chosen = request.GET.get("san-pham", "")
    if chosen.isdigit() and products.filter(pk=int(chosen)).exists():
        initial["product"] = int(chosen)
    form = EnquiryForm(request.POST or None, products=products, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            try:
                services.enquiry_submit(language=get_language() or "vi", **data)
            except trade.TradeRuleError as error:
                form.add_error(None, str(error))
            else:
                return redirect("trade:sent", slug=producer.slug)
        status = 400
    return render(
        request,
        "producers/trade/enquiry_form.html",
        {"producer": producer, "form": form, "has_products": products.exists()},
        status=status,
    )


def enquiry_sent(request, slug: str):
    """Thanks: the producer has been told and will answer by email."""
    producer = get_object_or_404(selectors.producer_list_public(with_unlisted=True), slug=slug)
    return render(request, "producers/trade/enquiry_sent.html", {"producer": producer})


@permission_required("partner.view_enquiry_statistics", login_url="/django-admin/login/")
def enquiry_statistics(request):
    """The programme office's view: counts by product group and district, and by state."""
    rows, totals = selectors.enquiry_statistics()
    return render(
        request,
        "producers/trade/statistics.html",
        {
            "rows": rows,
            "totals": totals,
            "grand_total": sum(totals.values()),
            "statuses": trade.STATUSES,
        },
    )


@permission_required("partner.view_enquiry_statistics", login_url="/django-admin/login/")
def enquiry_statistics_csv(request):
    """Every enquiry as a CSV row (no buyer contact details); every cell made safe against
    formula injection with :func:`catalog.trade.csv_cell`."""
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    writer = csv.writer(buffer)
    writer.writerow(selectors.ENQUIRY_EXPORT_FIELDS)
    for row in selectors.enquiry_export_rows():
        writer.writerow([trade.csv_cell(row[f]) for f in selectors.ENQUIRY_EXPORT_FIELDS])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ket-noi-giao-thuong.csv"'
    return response
