"""Checkout views: thin layers over Oscar's flow, the shipping repository and payment plug-ins.

Steps: contact and address (phone first; a guest's email optional) → delivery (home or
showroom pickup) → payment method → preview → thank you; a guest finds an order again with
phone and order number (:class:`OrderLookupView`). Stock is allocated under locks by the order
fork when the order is placed; nothing the browser POSTs about prices or totals is read.
"""

from __future__ import annotations

import logging

from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import generic
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oscar.apps.checkout import views as oscar_views
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.payment.exceptions import UnableToTakePayment
from oscar.core.loading import get_model

from marketplace.checkout import selectors, services
from marketplace.checkout.forms import OrderLookupForm, PaymentMethodForm, UserAddressForm
from marketplace.checkout.messages import LANGUAGE_NOTE
from marketplace.customer.guest_orders import guest_order_remember
from marketplace.payment.methods import payment_method_get
from marketplace.payment.methods import transfer as payment_methods
from marketplace.payment.methods.base import PaymentRefused
from marketplace.payment.methods.stripe_card import (
    INTENT_PAYING,
    STATUS_AWAITING_CARD,
    payment_intent_decline,
    payment_intent_for,
)
from marketplace.payment.methods.webhooks import (
    WebhookRejected,
    webhook_event_handle,
    webhook_event_verify,
)

Source = get_model("payment", "Source")
UserAddress = get_model("address", "UserAddress")
SourceType = get_model("payment", "SourceType")

logger = logging.getLogger("oscar.checkout")


class IndexView(oscar_views.IndexView):
    """The checkout's entry: a guest goes straight to the contact and address step (phone first,
    email optional, a link to sign in there); Oscar's email gateway still answers a POST."""

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated and not request.basket.is_empty:
            return redirect("checkout:shipping-address")
        return super().get(request, *args, **kwargs)


class ShippingAddressView(oscar_views.ShippingAddressView):
    """Contact and address: a signed-in shopper may ship to a saved address, or enter a new one
    and choose whether to keep it in their address book."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        initial = super().get_initial() or {}
        typed = self.checkout_session.phone_as_typed()
        return {
            **initial,
            "save_to_book": self.checkout_session.address_save_to_book(),
            "guest_email": self.checkout_session.get_guest_email() or "",
            **({"phone_number": typed} if typed else {}),
        }

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated and "address_id" in request.POST:
            address_id = request.POST["address_id"]
            address = (
                request.user.addresses.filter(pk=address_id).first()
                if address_id.isdigit()
                else None
            )
            if address is None or request.POST.get("action") != "ship_to":
                messages.error(request, _("Không tìm thấy địa chỉ này trong sổ địa chỉ của bạn."))
                return redirect("checkout:shipping-address")
            self.checkout_session.ship_to_user_address(address)
            self.checkout_session.address_save_to_book(True)  # counts the saved address's use
            self.checkout_session.phone_as_typed("")  # the saved address has its own
            return redirect(self.get_success_url())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        # Guests have no such box: nothing of theirs goes to a book.
        self.checkout_session.address_save_to_book(form.cleaned_data.get("save_to_book", False))
        self.checkout_session.phone_as_typed(form.phone_as_typed)
        # The email field as posted; an email given at Oscar's gateway (still answering a POST)
        # stays when the form did not carry the field. "" (not None) when there is none: the
        # order's guest_email column is not nullable.
        if "guest_email" in form.cleaned_data and (
            "guest_email" in self.request.POST or not self.checkout_session.get_guest_email()
        ):
            self.checkout_session.set_guest_email(form.cleaned_data["guest_email"])
        return response


class UserAddressUpdateView(oscar_views.UserAddressUpdateView):
    """Edit a saved address from the checkout, with the address book's Vietnamese form."""

    form_class = UserAddressForm


UserAddressDeleteView = oscar_views.UserAddressDeleteView


class ShippingMethodView(oscar_views.ShippingMethodView):
    """Home delivery (priced for the address) or pickup at a showroom holding every line.

    The page is always shown, even with one option, so the shopper sees the delivery charge and
    which showrooms lack which lines.
    """

    template_name = "oscar/checkout/shipping_methods.html"

    def get(self, request, *args, **kwargs):
        if not self.checkout_session.is_shipping_address_set():
            messages.error(request, _("Hãy nhập thông tin liên hệ và địa chỉ trước."))
            return redirect("checkout:shipping-address")
        self._methods = self.get_available_shipping_methods()
        return generic.FormView.get(self, request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        options = selectors.pickup_options(wanted=selectors.basket_quantities(self.request.basket))
        ctx["pickups_unavailable"] = [o for o in options if not o.available]
        ctx["selected_code"] = self.checkout_session.shipping_method_code(self.request.basket)
        return ctx

    def form_invalid(self, form):
        messages.error(
            self.request,
            _("Cách nhận hàng đã chọn không dùng được cho giỏ hàng này; hãy chọn lại."),
        )
        return redirect("checkout:shipping-method")


class PaymentMethodView(oscar_views.PaymentMethodView):
    """The shopper picks one of the enabled payment plug-ins (cash on delivery by default)."""

    template_name = "oscar/checkout/payment_method.html"
    success_url = reverse_lazy("checkout:preview")

    def get(self, request, *args, **kwargs):
        form = PaymentMethodForm(initial={"method": self.checkout_session.payment_method()})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = PaymentMethodForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Hãy chọn một cách thanh toán trong danh sách."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return self.get_success_response()


class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """Preview and place the order; the chosen plug-in starts the payment.

    Order, addresses, stock allocation and payment records are written in one transaction.
    """

    def check_payment_data_is_captured(self, request):
        if payment_method_get(self.checkout_session.payment_method()) is None:
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Hãy chọn cách thanh toán."),
            )

    def get(self, request, *args, **kwargs):
        if not self.preview:
            # No card form to fill in here: the payment method page leads to the preview.
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["payment_method"] = payment_method_get(self.checkout_session.payment_method())
        ctx["phone_as_typed"] = self.checkout_session.phone_as_typed()
        return ctx

    def handle_payment(self, order_number, total, **kwargs):
        method = payment_method_get(self.checkout_session.payment_method())
        if method is None:
            raise UnableToTakePayment(_("Cách thanh toán đã chọn không còn dùng được."))
        amount = int(total.incl_tax)
        try:
            method.check(total=amount)
            start = method.start(order_number=order_number, total=amount)
        except PaymentRefused as error:
            raise UnableToTakePayment(str(error)) from None
        source_type, _created = SourceType.objects.get_or_create(name=start.source_type)
        self.add_payment_source(
            Source(
                source_type=source_type,
                currency=total.currency,
                amount_allocated=start.allocated,
                amount_debited=start.debited,
                reference=start.reference,
            )
        )
        self._payment_start = start

    def freeze_basket(self, basket):
        """Freeze at submit, noting when (a basket left frozen by a crash is thawed later)."""
        services.basket_freeze(basket=basket)

    def get_initial_order_status(self, basket):
        start = getattr(self, "_payment_start", None)
        return start.order_status if start else payment_methods.STATUS_PENDING

    def update_address_book(self, user, addr):
        """Keep the order's address in the shopper's book (unless they asked not to: a gift, a
        one-off place), counting its uses.

        Oscar looks the book up by the order address's own hash, but our order address puts
        the family name first, so its hash never matches a saved address: the saved address's
        hash is compared instead (else the second order to one address fails on the book's
        unique hash).
        """
        if not self.checkout_session.address_save_to_book():
            return
        candidate = UserAddress(user=user)
        addr.populate_alternative_model(candidate)
        book = user.addresses.filter(hash=candidate.generate_hash()).first() or candidate
        if addr._meta.model_name == "shippingaddress":
            book.num_orders_as_shipping_address += 1
        else:
            book.num_orders_as_billing_address += 1
        book.save()

    def handle_place_order_submission(self, request):
        """Place the order, unless the chosen delivery vanished since the preconditions.

        Oscar checks the shipping method when the request starts, then looks it up again to
        build the submission; a showroom that sold its last unit in between (another shopper's
        pickup) yields no method, and Oscar's ``submit`` would fail on it. The shopper goes
        back to choose again instead.
        """
        submission = self.build_submission()
        if submission["shipping_method"] is None:
            messages.error(
                request,
                _("Cách nhận hàng bạn chọn vừa hết (điểm bán đã hết hàng); hãy chọn lại."),
            )
            return redirect("checkout:shipping-method")
        return self.submit(**submission)

    def place_order(self, *args, **kwargs):
        with transaction.atomic():
            order = super().place_order(*args, **kwargs)
            order.notes.create(note_type=LANGUAGE_NOTE, message=translation.get_language())
        return order

    def handle_successful_order(self, order):
        response = super().handle_successful_order(order)

        if order.status == STATUS_AWAITING_CARD:
            return redirect("checkout:stripe-card")
        return response

    def send_order_placed_email(self, order):
        """Oscar's confirmation email, unless a guest gave no email (phone only): Oscar would
        then treat the order as a signed-in user's and fail on the missing user. That guest
        sees the order link on the confirmation page and finds it by phone + number later."""
        if order.user_id is None and not order.guest_email:
            return
        super().send_order_placed_email(order)

    def render_payment_details(self, request, **kwargs):
        # Payment problems are shown on the preview, where the shopper can change method.
        return self.render_preview(request, **kwargs)


class ThankYouView(oscar_views.ThankYouView):
    """The confirmation: lines grouped by producer, the pickup point, the VietQR code."""

    def get_context_data(self, *args, **kwargs):
        ctx = super().get_context_data(*args, **kwargs)
        ctx.update(selectors.order_confirmation_context(ctx["order"]))
        if ctx["order"].user_id is None:
            # The order page link shown here opens in this session without an email.
            guest_order_remember(self.request, ctx["order"].number)
        return ctx


class OrderLookupView(generic.FormView):
    """Find a guest order with its number and the phone given at checkout, then open its
    page. A wrong number and a wrong phone get the same answer (no enumeration); POSTs are
    rate-limited per address and per order number (marketplace/throttle.py)."""

    form_class = OrderLookupForm
    template_name = "oscar/checkout/order_lookup.html"

    def get_initial(self):
        return {"number": self.request.GET.get("ma", "")[:128]}

    def form_valid(self, form):
        order = selectors.order_guest_find(
            number=form.cleaned_data["number"], phone=form.cleaned_data["phone"]
        )
        if order is None:
            form.add_error(None, _("Không tìm thấy đơn hàng với mã và số điện thoại này."))
            return self.form_invalid(form)
        guest_order_remember(self.request, order.number)
        return redirect(
            "customer:anon-order", order_number=order.number, hash=order.verification_hash()
        )


@method_decorator(
    csp_update(settings.OCOP_CSP_STRIPE, REPORT_ONLY=settings.OCOP_CSP_REPORT_ONLY), name="dispatch"
)
class StripeCardView(generic.TemplateView):
    """The card form (Stripe Payment Element) for the order just placed and awaiting a card.

    Stripe.js must be loaded from js.stripe.com (Stripe's PCI terms forbid self-hosting it), so
    it is the one script this site loads from elsewhere, and only on this page. Coming back
    from Stripe shows "waiting for confirmation" while Stripe takes the payment: only the
    webhook marks the order paid. A declined card leaves the PaymentIntent open at Stripe, so
    the page shows why and keeps the form for another card, with a button to cancel instead.
    """

    template_name = "oscar/checkout/stripe_card.html"

    def get_order(self):
        """The order placed in this session, or ``None``."""
        order_id = self.request.session.get("checkout_order_id")
        Order = get_model("order", "Order")
        return Order.objects.filter(pk=order_id).first() if order_id else None

    def get(self, request, *args, **kwargs):
        order = self.get_order()
        if order is None:
            return redirect("basket:summary")
        ctx = {
            "order": order,
            "awaiting": order.status == STATUS_AWAITING_CARD,
            "waiting": order.status != STATUS_AWAITING_CARD,
        }
        if ctx["awaiting"]:
            try:
                intent = payment_intent_for(order=order)
            except Exception:  # noqa: BLE001  (Stripe unreachable or refused: say so)
                logger.exception("Stripe PaymentIntent for order %s failed", order.number)
                messages.error(request, _("Chưa kết nối được cổng thanh toán thẻ; hãy thử lại."))
            else:
                if intent.status in INTENT_PAYING:
                    ctx["waiting"] = True
                elif intent.status != "canceled":
                    ctx["client_secret"] = intent.client_secret
                    ctx["publishable_key"] = settings.STRIPE_PUBLISHABLE_KEY
                    ctx["decline"] = payment_intent_decline(intent=intent)
        return self.render_to_response(self.get_context_data(**ctx))


class StripeCardCancelView(StripeCardView):
    """The shopper gives up paying by card (POST, CSRF-checked): the PaymentIntent is cancelled
    at Stripe first, then the order, releasing its stock."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        order = self.get_order()
        if order is None:
            return redirect("basket:summary")
        if order.status != STATUS_AWAITING_CARD:
            messages.error(request, _("Đơn hàng không còn chờ thanh toán thẻ."))
            return redirect("checkout:stripe-card")
        refusal = services.order_cancel_with_payment(
            order=order, note=_("Khách hủy khi thanh toán thẻ")
        )
        if refusal:
            logger.warning("Card order %s not cancelled: %s", order.number, refusal)
            messages.error(
                request,
                _("Chưa hủy được đơn: khoản thanh toán có thể đang được xử lý; hãy thử lại sau."),
            )
        else:
            messages.success(request, _("Đã hủy đơn hàng; bạn không bị trừ tiền."))
        return redirect("checkout:stripe-card")


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's webhook: 400 for anything not signed by Stripe recently, and for a signed event
    that is malformed (recorded); 200 once recorded and applied."""

    try:
        event = webhook_event_verify(
            payload=request.body, signature=request.headers.get("Stripe-Signature")
        )
    except WebhookRejected as error:
        return JsonResponse({"error": str(error)}, status=400)
    result = webhook_event_handle(event=event)
    return JsonResponse(
        {"id": result.event_id, "outcome": result.outcome, "duplicate": result.duplicate},
        status=400 if result.malformed else 200,
    )
