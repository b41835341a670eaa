"""Producer dashboard: the product credentials of the producer's products (GI, trademarks,
barcodes, VietGAP…), and proposing a new one with its scan. A proposal shows on the storefront
only once staff verify it in the admin (``catalog.admin.ProductCredentialAdmin``)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from catalog import ocop
from catalog import services as catalog_services
from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.forms_credentials import CredentialProposeForm
from producers.selectors import producer_products


def producer_credentials(producer):
    """Every credential of ``producer``'s products, by product then kind."""
    credential = get_model("catalogue", "ProductCredential")
    return (
        credential.objects.filter(product__in=producer_products(producer))
        .select_related("product")
        .order_by("product__title", "kind", "-pk")
    )


class CredentialListView(ProducerDashboardMixin, TemplateView):
    """Every credential with its review status; the form to propose one (POST)."""

    template_name = "producers/dashboard/credentials.html"
    section = "certificates"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CredentialProposeForm(products=producer_products(self.producer)))
        context["credentials"] = producer_credentials(self.producer)
        return context

    def post(self, request, *args, **kwargs):
        form = CredentialProposeForm(
            request.POST, request.FILES, products=producer_products(self.producer)
        )
        if form.is_valid():
            data = form.cleaned_data
            try:
                catalog_services.credential_propose(
                    product=data["product"],
                    kind=data["kind"],
                    number=data["number"],
                    issuer=data["issuer"],
                    issued_on=data.get("issued_on"),
                    valid_until=data.get("valid_until"),
                    scan=data["scan"],
                    by=request.user,
                )
            except ocop.OcopRuleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Đã gửi chứng chỉ. Chứng chỉ sẽ hiển thị trên "
                        "cửa hàng sau khi cán bộ xác minh."
                    ),
                )
                return redirect("producer_dashboard:credentials")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CredentialDetailView(ProducerDashboardMixin, TemplateView):
    """One credential: its facts, scan and review status."""

    template_name = "producers/dashboard/credential_detail.html"
    section = "certificates"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["credential"] = get_object_or_404(
            producer_credentials(self.producer), pk=self.kwargs["credential_id"]
        )
        return context
