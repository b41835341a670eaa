"""Payment plug-ins behind one interface (:class:`catalog.payments.base.PaymentMethod`).

:func:`catalog.payments.registry.payment_methods_enabled` lists the methods a shopper may choose;
cash on delivery is always first and the default.
"""
