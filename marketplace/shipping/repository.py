"""Which delivery options a basket and address get, and at what price."""

from __future__ import annotations

from django.conf import settings
from oscar.apps.shipping import repository
from oscar.apps.shipping.scales import Scale

from marketplace.checkout import rules
from marketplace.checkout.selectors import basket_quantities, pickup_options
from marketplace.shipping.methods import HomeDelivery, ShowroomPickup


def delivery_tariff() -> rules.DeliveryTariff:
    """The tariff from ``settings.OCOP_DELIVERY_TARIFF``."""
    conf = settings.OCOP_DELIVERY_TARIFF
    return rules.DeliveryTariff(
        home_province=conf["home_province"],
        base=dict(conf["base"]),
        per_extra_kg=dict(conf["per_extra_kg"]),
        included_grams=conf["included_grams"],
        free_above=conf["free_above"],
        delivery_days={zone: tuple(days) for zone, days in conf.get("delivery_days", {}).items()},
    )


def basket_weight_grams(basket) -> int:
    """The parcel's weight: each product's ``weight`` attribute (kg) or the default per item."""
    default_kg = settings.OCOP_DELIVERY_TARIFF["default_item_grams"] / 1000
    kilograms = Scale(attribute_code="weight", default_weight=default_kg).weigh_basket(basket)
    return int(round(float(kilograms) * 1000))


class Repository(repository.Repository):
    """Home delivery first (the default), then every showroom holding the whole basket."""

    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        return [self.home_delivery(basket, shipping_addr), *self.pickups(basket)]

    def home_delivery(self, basket, shipping_addr=None) -> HomeDelivery:
        """Home delivery priced for the address's province (other provinces when unknown)."""
        tariff = delivery_tariff()
        province = getattr(shipping_addr, "state", "") or ""
        zone = rules.delivery_zone(province_name=province, tariff=tariff)
        weight = basket_weight_grams(basket)
        goods = int(basket.total_incl_tax or 0)
        charge = rules.delivery_charge(
            zone=zone, weight_grams=weight, goods_total=goods, tariff=tariff
        )
        free = tariff.free_above is not None and goods >= tariff.free_above
        return HomeDelivery(
            charge=charge,
            zone=zone,
            weight_grams=weight,
            free=free,
            days=rules.delivery_estimate(zone=zone, tariff=tariff),
        )

    def pickups(self, basket) -> list[ShowroomPickup]:
        """One pickup option per showroom holding enough of every line; none for a basket
        with a pre-order line (it is delivered from the harvest, not held at a showroom)."""
        if any(
            getattr(getattr(line, "purchase_info", None), "availability", None) is not None
            and line.purchase_info.availability.code == "preorder"
            for line in basket.all_lines()
        ):
            return []
        options = pickup_options(wanted=basket_quantities(basket))
        return [ShowroomPickup(o.place) for o in options if o.available]
