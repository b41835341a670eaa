"""App config for the checkout fork: Vietnamese address form, delivery and payment choices."""

import oscar.apps.checkout.apps as apps


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked for VND, Vietnamese addresses, pickup and payment plug-ins."""

    name = "catalog.checkout"

    def ready(self):
        super().ready()
        from catalog.checkout import views

        self.stripe_card_view = views.StripeCardView
        self.stripe_webhook_view = views.stripe_webhook

    def get_urls(self):
        from django.urls import path

        urls = super().get_urls()
        # The webhook must stay reachable without a session or CSRF token: no decorator.
        return [
            *urls,
            path("the/", self.stripe_card_view.as_view(), name="stripe-card"),
            path("stripe/webhook/", self.stripe_webhook_view, name="stripe-webhook"),
        ]
