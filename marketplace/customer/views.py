"""The shopper's account pages: thin views over :mod:`marketplace.customer.selectors` and
:mod:`marketplace.customer.services`. Oscar's ``get_class("customer.views", …)`` finds these
classes first; the others stay Oscar's.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.apps.customer import views as oscar_views
from oscar.core.loading import get_model

from marketplace.checkout import selectors as checkout_selectors
from marketplace.checkout.forms import UserAddressForm
from marketplace.customer import selectors, services
from marketplace.customer.guest_orders import guest_order_remembered

Order = get_model("order", "Order")


class OrderHistoryView(oscar_views.OrderHistoryView):
    """The shopper's orders, newest first (number, date, units, total, status), in three
    queries whatever the number of orders."""

    page_title = gettext_lazy("Lịch sử đơn hàng")

    def get_queryset(self):
        orders = selectors.orders_of(user=self.request.user)
        if self.form.is_bound and self.form.is_valid():
            orders = orders.filter(**self.form.get_filters())
        return orders


class OrderDetailView(oscar_views.OrderDetailView):
    """One order: lines grouped by producer with star badges, status, delivery or pickup place,
    payment, the VietQR code while a transfer is awaited, and "buy again"."""

    def get_object(self, queryset=None):
        order = selectors.order_of(user=self.request.user, number=self.kwargs["order_number"])
        if order is None:
            raise Http404(_("Không có đơn hàng này trong tài khoản của bạn."))
        return order

    def get_page_title(self):
        return _("Đơn hàng %(number)s") % {"number": self.object.number}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        order = ctx["order"]
        ctx.update(checkout_selectors.order_confirmation_context(order, lines=order.lines.all()))
        ctx["may_reorder"] = selectors.order_may_be_reordered(order)
        return ctx

    def do_reorder(self, order):
        """Put the order's lines back in the basket through the strategy; name those skipped."""
        result = services.basket_reorder(
            basket=self.request.basket, order=order, strategy=self.request.strategy
        )
        for title, reason in result.skipped:
            messages.warning(
                self.request,
                _("Không thể mua lại “%(title)s”: %(reason)s") % {"title": title, "reason": reason},
            )
        if result.added:
            messages.success(
                self.request,
                _("Đã thêm vào giỏ hàng: %(titles)s.")
                % {"titles": ", ".join(f"“{t}”" for t in result.added)},
            )
            self.response = redirect("basket:summary")
        else:
            messages.error(
                self.request,
                _("Không sản phẩm nào của đơn %(number)s còn mua được.") % {"number": order.number},
            )
            self.response = redirect("customer:order", order_number=order.number)


class AddressListView(oscar_views.AddressListView):
    """The address book."""

    page_title = gettext_lazy("Sổ địa chỉ")


class AddressCreateView(oscar_views.AddressCreateView):
    """Add an address: the same Vietnamese fields and checks as at checkout."""

    form_class = UserAddressForm
    page_title = gettext_lazy("Thêm địa chỉ")


class AddressUpdateView(oscar_views.AddressUpdateView):
    """Edit an address: the same Vietnamese fields and checks as at checkout."""

    form_class = UserAddressForm
    page_title = gettext_lazy("Sửa địa chỉ")


class AddressDeleteView(oscar_views.AddressDeleteView):
    """Delete an address (past orders keep their own copy)."""

    page_title = gettext_lazy("Xóa địa chỉ")


class LogoutView(oscar_views.LogoutView):
    """Sign out by POST only: a GET (a link, an image, a prefetch from any site) shows a page
    asking to confirm with a button, so no third party can sign a shopper out."""

    template_name = "oscar/customer/logout_confirm.html"

    def get(self, request, *args, **kwargs):
        """Ask for confirmation; nothing changes."""
        return TemplateResponse(request, self.template_name, {})

    def post(self, request, *args, **kwargs):
        """Sign out (Oscar's logout: session ended, its cookies deleted), then go home."""
        return super().get(request, *args, **kwargs)


class AnonymousOrderDetailView(oscar_views.AnonymousOrderDetailView):
    """A guest's order page (the link with the verification hash): Oscar's check (the email
    typed again in this session), or, for this session's own orders (just placed, or found by
    phone and order number), the hash alone. Otherwise the visitor goes to the lookup page
    (phone and order number), which works for every guest order, with or without email; Oscar's
    email form could never match an order placed without one."""

    def get_object(self, queryset=None):
        order = super().get_object()
        if order is not None:
            return order
        order = Order.objects.filter(user=None, number=self.order_number).first()
        if order is None or not order.check_verification_hash(self.hash or ""):
            return None
        return order if guest_order_remembered(self.request, order.number) else None

    def dispatch(self, request, *args, **kwargs):
        if self.get_object() is None:
            return redirect(f"{reverse('checkout:order-lookup')}?ma={self.order_number}")
        return super().dispatch(request, *args, **kwargs)
