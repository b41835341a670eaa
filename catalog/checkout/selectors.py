"""Reads for checkout: which showrooms can hand over a whole basket, and what each one lacks."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum

from catalog.models import Place


@dataclass
class PickupOption:
    """A showroom point, and the basket lines it cannot hand over (title, wanted, held)."""

    place: Place
    missing: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def available(self) -> bool:
        """Whether the showroom holds enough of every line."""
        return not self.missing


def basket_quantities(basket) -> dict[int, tuple[str, int]]:
    """``{product_id: (title, quantity)}`` for a basket (lines of one product added up)."""
    wanted: dict[int, tuple[str, int]] = {}
    for line in basket.all_lines():
        title, quantity = wanted.get(line.product_id, (line.product.get_title(), 0))
        wanted[line.product_id] = (title, quantity + line.quantity)
    return wanted


def pickup_options(*, wanted: dict[int, tuple[str, int]]) -> list[PickupOption]:
    """Every showroom point with the lines of ``wanted`` it lacks (two queries in all).

    A showroom is available for pickup only when its ledger balance covers every line.
    """
    from producers.models import StockMovement

    held: dict[int, dict[int, int]] = defaultdict(dict)
    rows = (
        StockMovement.objects.filter(product_id__in=wanted, place__kind=Place.Kind.SHOWROOM)
        .values("place_id", "product_id")
        .annotate(balance=Sum("quantity"))
    )
    for row in rows:
        held[row["place_id"]][row["product_id"]] = row["balance"]
    options = []
    for place in Place.objects.filter(kind=Place.Kind.SHOWROOM).select_related("district"):
        option = PickupOption(place=place)
        for product_id, (title, quantity) in wanted.items():
            balance = held[place.pk].get(product_id, 0)
            if balance < quantity:
                option.missing.append((title, quantity, max(balance, 0)))
        options.append(option)
    options.sort(key=lambda o: (not o.available, o.place.name))
    return options
