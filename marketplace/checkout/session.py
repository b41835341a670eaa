"""The checkout's preconditions: Oscar's, except that a guest need not give an email.

Shoppers here are reached by phone: the phone number is required on the contact and address
step (which every later step requires in turn, through Oscar's shipping-data precondition), and
the email is optional there. Oscar's own check sent every guest without an email back to the
gateway page.
"""

from __future__ import annotations

from oscar.apps.checkout import session


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    """Oscar's mixin (found by ``get_class``) with the email precondition lifted for guests."""

    def check_user_email_is_captured(self, request):
        """Nothing to check: the phone on the address step is the contact every order has."""
        return None
