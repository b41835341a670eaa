"""App config for the checkout fork: Vietnamese address form, delivery and payment choices."""

import oscar.apps.checkout.apps as apps
from django.urls import path


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked for VND, Vietnamese addresses, pickup and payment plug-ins."""

    name = "marketplace.checkout"

    def ready(self):
        super().ready()
        # Views import models: only once the app registry is ready, as Django requires.
        from marketplace.checkout import views

        self.stripe_card_view = views.StripeCardView
        self.stripe_card_cancel_view = views.StripeCardCancelView
        self.stripe_webhook_view = views.stripe_webhook
        self.order_lookup_view = views.OrderLookupView

    def get_urls(self):

        urls = super().get_urls()
        # The webhook must stay reachable without a session or CSRF token: no decorator.
        return [
            *urls,
            path("the/", self.stripe_card_view.as_view(), name="stripe-card"),
            path("the/huy/", self.stripe_card_cancel_view.as_view(), name="stripe-card-cancel"),
            path("stripe/webhook/", self.stripe_webhook_view, name="stripe-webhook"),
            path("tra-cuu-don/", self.order_lookup_view.as_view(), name="order-lookup"),
        ]
