"""App config for the shipping fork: home delivery by zone and weight, showroom pickup."""

import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    """Oscar's shipping app, forked for Vietnamese delivery zones and click-and-collect."""

    name = "marketplace.shipping"
