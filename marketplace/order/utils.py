"""Order placement that never oversells: stock is checked and allocated under row locks."""

from __future__ import annotations

from oscar.apps.order import utils

from marketplace.checkout import services


class OrderCreator(utils.OrderCreator):
    """Oscar's order creator; each line's stock is locked, checked and allocated.

    Oscar allocates in stock-record order inside its own transaction, so the locks taken here are
    held until the order commits and concurrent orders queue instead of overselling. Pickup
    orders take the units from the chosen showroom's ledger instead of online stock.
    """

    def create_order_model(self, *args, **kwargs):
        self._order = super().create_order_model(*args, **kwargs)
        return self._order

    def create_line_models(self, order, basket_line, extra_line_fields=None):
        # Remembered for update_stock_records: a pre-order reservation names its order line.
        self._order_line = super().create_line_models(order, basket_line, extra_line_fields)
        return self._order_line

    def update_stock_records(self, line):
        # ``line`` is the basket line; the order was just made by create_order_model, and its
        # order line by create_line_models just before this call.
        services.order_line_allocate(
            order=self._order, basket_line=line, order_line=getattr(self, "_order_line", None)
        )
