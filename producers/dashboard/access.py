"""Who may use the producer dashboard, and for which producer.

Every dashboard view inherits :class:`ProducerDashboardMixin`. It sets ``self.producer``:

- a producer user (a user in the producer's ``partner.users``) always works on their own producer;
- staff pick any producer on the chooser page (kept in the session) and then see what that
  producer sees: staff see everything, one producer at a time;
- anybody else signed in gets a 403 page; anonymous visitors go to the sign-in page.

Views never look objects up by id alone: they look them up inside a queryset already filtered to
``self.producer`` (e.g. :func:`producer_products`), so another producer's object is a plain 404.

URL keyword arguments naming objects follow :data:`SCOPED_KWARGS`; the isolation test walks the
dashboard's URL configuration, fills every such argument with another producer's object and
expects 404 with nothing changed. A new endpoint with an object argument must use one of these
names (or add one here and to the test's object factory).
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from producers.models import Producer
from producers.selectors import low_stock_count, producer_for_user, producer_products

SESSION_KEY = "producer_dashboard_producer_id"

#: URL keyword argument → what it names. Every one of these is scoped to the current producer.
SCOPED_KWARGS = {
    "product_id": "catalogue.Product (the producer's own, or a child of one)",
    "movement_id": "partner.StockMovement of one of the producer's products",
    "line_id": "order.Line of one of the producer's products",
    "order_id": "order.Order holding a line of one of the producer's products (packing slip)",
    "certificate_id": "catalogue.OcopCertificate of one of the producer's products",
    "threshold_id": "a low-stock threshold of one of the producer's products",
    "enquiry_id": "partner.Enquiry (a wholesale enquiry) about one of the producer's products",
    "credential_id": "catalogue.ProductCredential of one of the producer's products",
    "application_id": "cms.FairApplication (a booth application) of the producer",
    "batch_id": "partner.Batch recorded by the producer",
    "preorder_id": "partner.Preorder (a pre-order line) of one of the producer's products",
}
#: URL keyword arguments that name shared things (showroom points are public places).
SHARED_KWARGS = {
    "place_id": "catalogue.Place of kind showroom",
    # Fairs are public pages; a producer's application is looked up by (fair, producer).
    "fair_id": "cms.FairPage (a live fair in the default language)",
    # The invitation link (views_accounts.InviteAcceptView): no object of a producer is named;
    # the signed token is the key, and a wrong one is refused like a used one.
    "uidb64": "a user id in an invitation link",
    "token": "the invitation link's one-time token",
}


def dashboard_producer(request) -> Producer | None:
    """The producer whose dashboard ``request`` works in, or ``None``."""
    user = request.user
    if not user.is_authenticated:
        return None
    if user.is_staff:
        chosen = request.session.get(SESSION_KEY)
        if chosen:
            producer = Producer.objects.filter(pk=chosen).first()
            if producer is not None:
                return producer
    return producer_for_user(user)


class ProducerDashboardMixin:
    """Base of every producer dashboard view: sets ``self.producer`` or refuses."""

    #: Which navigation entry to highlight (``products``, ``stock``, ``orders``, …).
    section = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.producer = dashboard_producer(request)
        if self.producer is None:
            if request.user.is_staff:
                choose = reverse("producer_dashboard:choose")
                return redirect(f"{choose}?{urlencode({'next': request.get_full_path()})}")
            raise PermissionDenied(_("Tài khoản này chưa gắn với chủ thể sản xuất nào."))
        request.producer = self.producer
        # Defence in depth: every object named in the URL must lie in this producer's scope
        # before any handler runs, so a tampered URL is a 404 whatever the method (a GET-only
        # view answers a POST with 404 too, not 405) even if a view forgot to scope a lookup.
        for name, value in kwargs.items():
            if name in SCOPED_KWARGS and not scoped_object_exists(self.producer, name, value):
                raise Http404(_("Không tìm thấy."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["producer"] = self.producer
        context["dashboard_section"] = self.section
        context["is_staff_view"] = self.request.user.is_staff
        # The nav badge: product × location rows at or below their low-stock threshold.
        context.setdefault("dashboard_low_stock_count", low_stock_count(self.producer))
        return context


def scoped_object_exists(producer: Producer, name: str, value) -> bool:
    """Whether the object that URL argument ``name`` (one of :data:`SCOPED_KWARGS`) names
    belongs to ``producer``. Unknown names fail closed."""
    products = producer_products(producer)
    lookups = {
        "product_id": lambda: products,
        "movement_id": lambda: get_model("partner", "StockMovement").objects.filter(
            product__in=products
        ),
        "line_id": lambda: get_model("order", "Line").objects.filter(
            partner_id=producer.partner_id
        ),
        "order_id": lambda: get_model("order", "Order").objects.filter(
            lines__partner_id=producer.partner_id
        ),
        "certificate_id": lambda: get_model("catalogue", "OcopCertificate").objects.filter(
            product__in=products
        ),
        "threshold_id": lambda: get_model("partner", "StockThreshold").objects.filter(
            product__in=products
        ),
        "enquiry_id": lambda: get_model("partner", "Enquiry").objects.filter(producer=producer),
        "credential_id": lambda: get_model("catalogue", "ProductCredential").objects.filter(
            product__in=products
        ),
        "application_id": lambda: get_model("cms", "FairApplication").objects.filter(
            producer=producer
        ),
        "batch_id": lambda: get_model("partner", "Batch").objects.filter(producer=producer),
        "preorder_id": lambda: get_model("partner", "Preorder").objects.filter(
            campaign__product__in=products
        ),
    }
    if name not in lookups:
        return False
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return False
    return lookups[name]().filter(pk=pk).exists()
