"""Producer dashboard: the OCOP certificates of the producer's products, with the 90- and
30-day expiry warnings (``catalog.ocop.expiry_warning``). The emails themselves go out from
the daily ``manage.py expire_certificates`` job (``catalog.services.certificates_notify``)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from producers import selectors
from producers.dashboard.access import ProducerDashboardMixin
from producers.selectors import producer_products


class CertificateListView(ProducerDashboardMixin, TemplateView):
    """Every certificate, latest decision first; lapsing ones flagged."""

    template_name = "producers/dashboard/certificates.html"
    section = "certificates"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lines = selectors.producer_certificates(self.producer)
        context.update(lines=lines, warnings=[line for line in lines if line.warning])
        return context


class CertificateDetailView(ProducerDashboardMixin, TemplateView):
    """One certificate: parts, decision, validity and its audit trail."""

    template_name = "producers/dashboard/certificate_detail.html"
    section = "certificates"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        OcopCertificate = get_model("catalogue", "OcopCertificate")
        certificate = get_object_or_404(
            OcopCertificate.objects.filter(
                product__in=producer_products(self.producer)
            ).select_related("product"),
            pk=self.kwargs["certificate_id"],
        )
        context.update(certificate=certificate, line=selectors.certificate_line(certificate))
        return context
