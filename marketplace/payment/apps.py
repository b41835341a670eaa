"""App config for the payment fork: payment plug-ins live in :mod:`marketplace.payment.methods`."""

import oscar.apps.payment.apps as apps


class PaymentConfig(apps.PaymentConfig):
    """Oscar's payment app, forked to hold the payment plug-ins' records."""

    name = "marketplace.payment"
