"""Delivery options: home delivery priced by zone and weight, and pickup at a showroom point."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import Base
from oscar.core import prices

PICKUP_PREFIX = "pickup-"


def _price(amount: int, currency: str) -> prices.Price:
    value = Decimal(int(amount))
    return prices.Price(currency=currency, excl_tax=value, incl_tax=value)


class HomeDelivery(Base):
    """Delivery to the shopper's address; the charge and the estimate in days, (fewest, most)
    or ``None``, were computed by the repository."""

    code = "home-delivery"
    name = _("Giao hàng tận nơi")

    def __init__(
        self,
        *,
        charge: int,
        zone: str,
        weight_grams: int,
        free: bool = False,
        days: tuple[int, int] | None = None,
    ):
        self.charge, self.zone, self.weight_grams, self.free = charge, zone, weight_grams, free
        self.days = days

    @property
    def days_min(self) -> int | None:
        """The fewest days the delivery usually takes (``None``: no estimate)."""
        return self.days[0] if self.days else None

    @property
    def days_max(self) -> int | None:
        """The most days the delivery usually takes (``None``: no estimate)."""
        return self.days[1] if self.days else None

    @property
    def weight_kg(self) -> float:
        """The parcel's weight in kilograms, to one decimal place."""
        return round(self.weight_grams / 1000, 1)

    def calculate(self, basket):
        return _price(self.charge, basket.currency or "VND")


class ShowroomPickup(Base):
    """Click and collect at an OCOP showroom point that holds every line; no charge."""

    is_pickup = True

    def __init__(self, place):
        self.place = place
        self.code = f"{PICKUP_PREFIX}{place.pk}"
        if place.kind == "fair":
            self.name = _("Nhận tại gian hàng hội chợ: %(place)s") % {"place": place.get_name()}
        else:
            self.name = _("Nhận tại điểm bán: %(place)s") % {"place": place.get_name()}

    def calculate(self, basket):
        return _price(0, basket.currency or "VND")


def pickup_place_id(shipping_code: str | None) -> int | None:
    """The showroom id in a pickup method's code (``pickup-12`` → 12), else ``None``."""
    if shipping_code and shipping_code.startswith(PICKUP_PREFIX):
        tail = shipping_code[len(PICKUP_PREFIX) :]
        if tail.isdigit():
            return int(tail)
    return None
