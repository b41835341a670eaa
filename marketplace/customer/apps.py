"""App config for the customer fork: the shopper's account (orders, addresses, wishlists)."""

import oscar.apps.customer.apps as apps


class CustomerConfig(apps.CustomerConfig):
    """Oscar's customer app, forked for the Vietnamese address book, orders grouped by producer
    (with the VietQR code while a transfer is awaited), reorder through the storefront gate and
    wishlists that say what is no longer on sale. Views are in :mod:`marketplace.customer.views`,
    found by Oscar's ``get_class``."""

    name = "marketplace.customer"
