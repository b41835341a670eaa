"""Producer dashboard: orders to fulfil (only the producer's own lines), line actions and the
printable packing slips. Reads and the write live in :mod:`producers.dashboard.orders`."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from marketplace.checkout import rules
from marketplace.checkout.services import LineStatusError
from producers import selectors as producer_selectors
from producers.dashboard import orders as selectors
from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.forms_orders import CARRIERS, LineActionForm

#: How many packing slips one print run holds at most.
SLIPS_PER_PRINT = 50


def _order_filter(request):
    return selectors.ORDER_FILTERS_BY_SLUG.get(
        request.GET.get("loc", ""), selectors.DEFAULT_ORDER_FILTER
    )


class OrderListView(ProducerDashboardMixin, ListView):
    """Orders holding the producer's lines, newest first, by tab (to do, awaiting payment,
    on the way, done, cancelled, all); each with what is needed to send it."""

    template_name = "producers/dashboard/orders.html"
    context_object_name = "orders"
    paginate_by = 20
    section = "orders"

    def get_queryset(self):
        self.order_filter = _order_filter(self.request)
        return selectors.producer_orders(producer=self.producer, order_filter=self.order_filter)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["orders"] = selectors.orders_with_pickup_places(context["orders"])
        counts = selectors.producer_order_counts(producer=self.producer)
        context["filters"] = [(f, counts[f.slug]) for f in selectors.ORDER_FILTERS]
        context["order_filter"] = self.order_filter
        context["action_labels"] = selectors.ACTION_LABELS
        context["LINE_SHIPPED"] = rules.LINE_SHIPPED
        context["carriers"] = CARRIERS
        context["next_url"] = self.request.get_full_path()
        return context


class LineView(ProducerDashboardMixin, TemplateView):
    """One of the producer's lines: its order's delivery details and the next steps. The list
    posts here; a refused step is shown here with the reason."""

    template_name = "producers/dashboard/orders_line.html"
    section = "orders"

    def get_line(self):
        try:
            return selectors.producer_line(producer=self.producer, line_id=self.kwargs["line_id"])
        except selectors.Line.DoesNotExist:
            raise Http404(_("Không có dòng hàng này.")) from None

    def get(self, request, *args, **kwargs):
        line = self.get_line()
        return self.render_to_response(self.get_context_data(line=line, form=LineActionForm()))

    def _picked_batch(self, request):
        """The batch the producer picked in the ship form: ``None`` for "the oldest that holds
        the line" (the default), ``False`` for an id that is not one of their batches."""
        raw = request.POST.get("batch", "")
        if not raw:
            return None
        try:
            return producer_selectors.producer_batches(self.producer).get(pk=int(raw))
        except (ValueError, producer_selectors.Batch.DoesNotExist):
            return False

    def post(self, request, *args, **kwargs):
        line = self.get_line()
        form = LineActionForm(request.POST)
        batch = self._picked_batch(request)
        if batch is False:
            form.is_valid()
            form.add_error(None, _("Lô hàng đã chọn không hợp lệ."))
        elif form.is_valid():
            try:
                selectors.order_line_fulfil(
                    producer=self.producer,
                    line=line,
                    status=form.cleaned_data["status"],
                    by=request.user,
                    carrier=form.cleaned_data["carrier"],
                    tracking_number=form.cleaned_data["tracking_number"],
                    batch=batch,
                )
            except LineStatusError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Đơn %(number)s · %(title)s: %(status)s.")
                    % {
                        "number": line.order.number,
                        "title": line.title,
                        "status": form.cleaned_data["status"],
                    },
                )
                return redirect(self._next_url(request, line))
        line = self.get_line()  # fresh: the status may have moved under us
        return self.render_to_response(self.get_context_data(line=line, form=form), status=400)

    def _next_url(self, request, line) -> str:
        target = request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            return target
        return f"{reverse('producer_dashboard:orders')}#don-{line.order.number}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        line = context["line"]
        context["order"] = line.order
        context["line_batches"] = [
            b
            for b in producer_selectors.producer_batches(self.producer).filter(
                product_id=line.product_id
            )
            if b.quantity - b.shipped >= line.quantity
        ]
        context["action_labels"] = selectors.ACTION_LABELS
        context["LINE_SHIPPED"] = rules.LINE_SHIPPED
        context["carriers"] = CARRIERS
        return context


class PackingSlipView(ProducerDashboardMixin, TemplateView):
    """A printable packing slip of one order: only the producer's lines, no prices."""

    template_name = "producers/dashboard/packing_slip.html"
    section = "orders"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            order = selectors.producer_order(
                producer=self.producer, order_id=self.kwargs["order_id"]
            )
        except selectors.Order.DoesNotExist:
            raise Http404(_("Không có đơn hàng này.")) from None
        context["orders"] = [order]
        return context


class PackingSlipBatchView(ProducerDashboardMixin, TemplateView):
    """Packing slips of every order in a tab (by default: to do), one per printed page."""

    template_name = "producers/dashboard/packing_slip.html"
    section = "orders"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order_filter = _order_filter(self.request)
        orders = selectors.producer_orders(producer=self.producer, order_filter=order_filter)
        context["orders"] = selectors.orders_with_pickup_places(orders[:SLIPS_PER_PRINT])
        context["order_filter"] = order_filter
        return context
