"""The interface every payment method implements."""

from __future__ import annotations

from dataclasses import dataclass, field


class PaymentRefused(ValueError):
    """The method cannot take this payment; ``str(error)`` is a message for the shopper."""


@dataclass
class PaymentStart:
    """What a method did when the order was submitted.

    ``source_type`` names the Oscar payment source to record with ``allocated`` đồng (and
    ``debited`` when money was actually taken); ``order_status`` is the order's first status;
    ``redirect_url`` sends the shopper on (e.g. to a card form) instead of the thank-you page.
    """

    source_type: str
    allocated: int
    order_status: str
    debited: int = 0
    reference: str = ""
    redirect_url: str | None = None
    extra: dict = field(default_factory=dict)


class PaymentMethod:
    """A way to pay. Subclasses set ``code``, ``name`` and ``description`` and implement
    :meth:`start`; :meth:`is_enabled` says whether the site is configured for it."""

    code: str = ""
    name: str = ""
    description: str = ""

    def is_enabled(self) -> bool:
        """Whether shoppers may choose this method now (configuration present)."""
        return True

    def check(self, *, total: int) -> None:
        """Refuse (:class:`PaymentRefused`) a total this method cannot take, before anything
        is recorded or sent anywhere."""
        if total <= 0:
            raise PaymentRefused("Tổng tiền đơn hàng không hợp lệ.")

    def start(self, *, order_number: str, total: int) -> PaymentStart:
        """Begin paying ``total`` đồng for order ``order_number``."""
        raise NotImplementedError
