"""The checkout's session data: Oscar's, plus whether a new address goes to the address book
and the phone number as the shopper typed it."""

from __future__ import annotations

from oscar.apps.checkout import utils


class CheckoutSessionData(utils.CheckoutSessionData):
    """Oscar's checkout session data (found by ``get_class``), with the address-book choice."""

    def address_save_to_book(self, value: bool | None = None) -> bool:
        """Set (when ``value`` is given) and return whether to keep the new shipping address in
        the shopper's address book (yes unless they unticked the box)."""
        if value is not None:
            self._set("shipping", "save_to_book", bool(value))
        return bool(self._get("shipping", "save_to_book", True))

    def phone_as_typed(self, value: str | None = None) -> str:
        """Set (when ``value`` is given) and return the phone number as the shopper typed it,
        to echo it back on the checkout pages; the address itself stores ``+84…``."""
        if value is not None:
            self._set("shipping", "phone_as_typed", value)
        return str(self._get("shipping", "phone_as_typed", "") or "")
