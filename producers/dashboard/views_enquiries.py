"""Producer dashboard: wholesale enquiries about the producer's own products, each with its
thread, a reply form (the reply is emailed to the buyer) and the outcome (quoted, won, lost).
Writes are :func:`producers.services.enquiry_reply` and
:func:`producers.services.enquiry_outcome_set`."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from catalog import trade
from producers import selectors, services
from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.forms_enquiries import OutcomeForm, ReplyForm
from producers.models import Enquiry


class EnquiryListView(ProducerDashboardMixin, ListView):
    """The producer's enquiries, newest first, by state (``?trang-thai=``)."""

    template_name = "producers/dashboard/enquiries.html"
    context_object_name = "enquiries"
    paginate_by = 20
    section = "enquiries"

    def get_queryset(self):
        self.status = self.request.GET.get("trang-thai", "")
        if self.status not in trade.STATUSES:
            self.status = ""
        return selectors.producer_enquiries(self.producer, status=self.status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(status=self.status, statuses=Enquiry.Status.choices)
        return context


class EnquiryDetailView(ProducerDashboardMixin, TemplateView):
    """One enquiry: what was asked, the thread, reply and outcome forms."""

    template_name = "producers/dashboard/enquiry_detail.html"
    section = "enquiries"

    def _enquiry(self) -> Enquiry:
        return get_object_or_404(
            selectors.producer_enquiries(self.producer), pk=self.kwargs["enquiry_id"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enquiry = kwargs.get("enquiry") or self._enquiry()
        context.update(
            enquiry=enquiry,
            thread=enquiry.messages.select_related("author"),
            destination=trade.destination_label(enquiry.destination),
            unit=trade.UNITS.get(enquiry.unit, enquiry.unit),
            closed=enquiry.status in trade.CLOSED,
            reply_form=kwargs.get("reply_form") or ReplyForm(),
            outcome_form=kwargs.get("outcome_form") or OutcomeForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        enquiry = self._enquiry()
        reply_form, outcome_form = None, None
        try:
            if "outcome" in request.POST:
                outcome_form = OutcomeForm(request.POST)
                if outcome_form.is_valid():
                    services.enquiry_outcome_set(
                        enquiry=enquiry,
                        by=request.user,
                        outcome=outcome_form.cleaned_data["outcome"],
                    )
                    messages.success(request, _("Đã ghi kết quả."))
                    return redirect("producer_dashboard:enquiry", enquiry_id=enquiry.pk)
            else:
                reply_form = ReplyForm(request.POST)
                if reply_form.is_valid():
                    services.enquiry_reply(
                        enquiry=enquiry, by=request.user, body=reply_form.cleaned_data["body"]
                    )
                    messages.success(
                        request, _("Đã gửi trả lời tới %(email)s.") % {"email": enquiry.email}
                    )
                    return redirect("producer_dashboard:enquiry", enquiry_id=enquiry.pk)
        except trade.TradeRuleError as error:
            (outcome_form or reply_form).add_error(None, str(error))
        context = self.get_context_data(
            enquiry=enquiry, reply_form=reply_form, outcome_form=outcome_form
        )
        return self.render_to_response(context, status=400)
