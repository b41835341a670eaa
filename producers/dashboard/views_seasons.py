"""Producer dashboard: seasons and pre-orders.

The season page lists the producer's products with their harvest windows and pre-order state,
and the pre-order lines to fulfil when the season opens, in the order they were placed. A
product's page sets its windows, opens or closes pre-orders, and gives arrived harvest stock to
waiting pre-orders. Views check input and call one service; every product and pre-order is
looked up inside the producer's own.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from marketplace.checkout.services import order_preorder_cancel
from producers import selectors
from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.forms_seasons import CampaignForm, CancelForm, WindowsForm
from producers.models import Preorder
from producers.services import (
    PreorderError,
    StockError,
    preorder_campaign_close,
    preorder_campaign_start,
    preorders_allocate,
    product_windows_set,
)


class SeasonSectionMixin(ProducerDashboardMixin):
    section = "seasons"


class SeasonIndexView(SeasonSectionMixin, TemplateView):
    """Every product with its season and pre-order state, and the pre-order lines to fulfil."""

    template_name = "producers/dashboard/seasons.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        products = selectors.dashboard_products(self.producer)
        context["rows"] = [
            {
                "product": product,
                "sale": selectors.product_sale(product, today=today),
                "windows": WindowsForm.initial_text(selectors.product_windows(product)),
            }
            for product in products
            if not product.is_parent
        ]
        context["preorders"] = list(selectors.preorders_to_fulfil(self.producer))
        context["cancel_form"] = CancelForm()
        return context


class SeasonProductView(SeasonSectionMixin, TemplateView):
    """One product: its windows, its pre-order campaign (open, close), and giving harvested
    stock to waiting pre-orders. POST ``action``: ``windows``, ``open``, ``close``,
    ``allocate``."""

    template_name = "producers/dashboard/season_product.html"

    def get_product(self):
        return get_object_or_404(
            selectors.producer_products(self.producer), pk=self.kwargs["product_id"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = kwargs.get("product") or self.get_product()
        today = timezone.localdate()
        sale = selectors.product_sale(product, today=today)
        upcoming = sale.season_next
        context.update(
            {
                "product": product,
                "sale": sale,
                "windows_form": kwargs.get("windows_form")
                or WindowsForm(
                    initial={
                        "windows": WindowsForm.initial_text(selectors.product_windows(product))
                    }
                ),
                "campaign_form": kwargs.get("campaign_form")
                or CampaignForm(
                    initial={
                        "quota": 100,
                        "deposit_kind": "none",
                        "delivery_from": upcoming.start if upcoming else None,
                        "delivery_until": upcoming.end if upcoming else None,
                    }
                ),
                "campaigns": product.preorder_campaigns.all()[:5],
                "preorders": Preorder.objects.filter(campaign__product=product)
                .select_related("order_line__order")
                .order_by("created_at", "pk"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        product = self.get_product()
        action = request.POST.get("action")
        today = timezone.localdate()
        if action == "windows":
            form = WindowsForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(product=product, windows_form=form), status=400
                )
            product_windows_set(
                product=product, windows=form.cleaned_data["windows"], by=request.user
            )
            messages.success(request, _("Đã lưu mùa vụ."))
        elif action == "open":
            form = CampaignForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(product=product, campaign_form=form), status=400
                )
            try:
                preorder_campaign_start(
                    product=product, today=today, by=request.user, **form.cleaned_data
                )
            except PreorderError as error:
                form.add_error(None, str(error))
                return self.render_to_response(
                    self.get_context_data(product=product, campaign_form=form), status=400
                )
            messages.success(request, _("Đã mở nhận đặt trước."))
        elif action == "close":
            campaign = selectors.preorder_campaign_open(product)
            if campaign is None or not preorder_campaign_close(campaign=campaign):
                messages.error(request, _("Sản phẩm này không đang nhận đặt trước."))
            else:
                messages.success(
                    request, _("Đã đóng nhận đặt trước; các đơn đã đặt vẫn được giao.")
                )
        elif action == "allocate":
            done = preorders_allocate(product=product, today=today)
            if done:
                messages.success(
                    request, _("Đã giữ hàng cho %(n)s dòng đặt trước.") % {"n": len(done)}
                )
            else:
                messages.info(
                    request,
                    _(
                        "Chưa giữ thêm được dòng nào (chưa vào mùa vụ hoặc "
                        "kho online chưa đủ hàng)."
                    ),
                )
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
        return redirect("producer_dashboard:season_product", product_id=product.pk)


class PreorderCancelView(SeasonSectionMixin, View):
    """Cancel one pre-order line with a reason (POST): quota and deposit released, the shopper
    emailed in their language."""

    def post(self, request, *args, **kwargs):
        preorder = get_object_or_404(
            Preorder.objects.filter(
                campaign__product__in=selectors.producer_products(self.producer)
            ).select_related("order_line"),
            pk=self.kwargs["preorder_id"],
        )
        form = CancelForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Hãy ghi lý do hủy để báo cho khách."))
        else:
            try:
                order_preorder_cancel(
                    preorder=preorder, reason=form.cleaned_data["reason"], by=request.user
                )
            except StockError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Đã hủy dòng đặt trước và báo cho khách."))
        return redirect("producer_dashboard:seasons")
