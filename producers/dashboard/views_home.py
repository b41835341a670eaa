"""Dashboard home and, for staff, the page to choose which producer to look at."""

from __future__ import annotations

from django.contrib.auth.mixins import UserPassesTestMixin
from django.shortcuts import get_object_or_404, redirect
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import ListView, TemplateView

from producers import selectors
from producers.dashboard.access import SESSION_KEY, ProducerDashboardMixin
from producers.models import Producer


class HomeView(ProducerDashboardMixin, TemplateView):
    """What needs doing today: products off sale, low stock, orders to send, lapsing
    certificates."""

    template_name = "producers/dashboard/home.html"
    section = "home"
    #: h5b's "orders to send" panel, included when it exists.
    orders_panel = "producers/dashboard/partials/home_orders.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statuses = selectors.product_statuses(self.producer)
        rows = selectors.stock_rows(self.producer)
        try:
            get_template(self.orders_panel)
            has_orders_panel = True
        except TemplateDoesNotExist:
            has_orders_panel = False
        context.update(
            off_sale=[s for s in statuses if not s.listed],
            on_sale_count=sum(1 for s in statuses if s.listed),
            low_rows=[r for r in rows if r.low],
            lapsing=[
                line for line in selectors.producer_certificates(self.producer) if line.warning
            ],
            orders_panel=self.orders_panel if has_orders_panel else None,
        )
        return context


class ChooseProducerView(UserPassesTestMixin, ListView):
    """Staff only: pick the producer whose dashboard to open."""

    template_name = "producers/dashboard/choose.html"
    context_object_name = "producers"
    paginate_by = 50

    def test_func(self):
        return self.request.user.is_staff

    def get_queryset(self):
        queryset = Producer.objects.select_related("commune").order_by("name")
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            queryset = queryset.filter(name__icontains=query)
        return queryset

    def post(self, request, *args, **kwargs):
        if not self.test_func():
            return self.handle_no_permission()
        producer = get_object_or_404(Producer, pk=request.POST.get("producer") or 0)
        request.session[SESSION_KEY] = producer.pk
        target = request.POST.get("next") or ""
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("producer_dashboard:home")
        return redirect(target)
