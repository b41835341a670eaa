"""Oscar's order admin, plus the staff actions of the checkout: confirm a bank transfer, cancel."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.apps.order import admin as oscar_admin
from oscar.apps.order.admin import *  # noqa: F403
from oscar.core.loading import get_model

from marketplace.checkout import services

Order = get_model("order", "Order")


@admin.action(description=_("Xác nhận đã nhận chuyển khoản"))
def confirm_transfer(modeladmin, request, queryset):
    """Record the transfer of each selected order awaiting one (others are left alone)."""
    done = sum(services.bank_transfer_confirm(order=order, user=request.user) for order in queryset)
    modeladmin.message_user(
        request,
        ngettext("%(n)d đơn đã xác nhận thanh toán.", "%(n)d đơn đã xác nhận thanh toán.", done)
        % {"n": done},
        messages.SUCCESS if done else messages.WARNING,
    )


@admin.action(description=_("Hủy đơn và trả hàng về kho"))
def cancel_orders(modeladmin, request, queryset):
    """Cancel the selected orders not yet shipped, releasing their stock once; a card order's
    PaymentIntent is cancelled at Stripe first, and the order kept when that fails."""
    done = 0
    for order in queryset:
        refusal = services.order_cancel_with_payment(order=order, note=f"Hủy bởi {request.user}")
        if refusal:
            modeladmin.message_user(request, f"{order.number}: {refusal}", messages.WARNING)
        else:
            done += 1
    modeladmin.message_user(
        request, ngettext("%(n)d đơn đã hủy.", "%(n)d đơn đã hủy.", done) % {"n": done}
    )


class OrderAdmin(oscar_admin.OrderAdmin):
    """Oscar's order admin with the two checkout actions."""

    actions = [confirm_transfer, cancel_orders]


admin.site.unregister(Order)
admin.site.register(Order, OrderAdmin)


@admin.register(get_model("order", "LineShipment"))
class LineShipmentAdmin(admin.ModelAdmin):
    """Carrier and tracking number of each shipped line (written by the producer dashboard)."""

    list_display = ("line", "carrier", "tracking_number", "shipped_by", "shipped_at")
    search_fields = ("tracking_number", "line__order__number")
    list_select_related = ("line", "shipped_by")
    readonly_fields = ("line", "shipped_by", "shipped_at")
