"""App config for the order fork: stock allocated under a lock, showroom pickup."""

import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    """Oscar's order app, forked so that placing an order never oversells."""

    name = "marketplace.order"
