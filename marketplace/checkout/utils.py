"""The checkout's session data: Oscar's, plus whether a new address goes to the address book."""

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
