"""Pricing and availability for the OCOP storefront.

Oscar asks the strategy whether a product can be bought on every add-to-basket form, basket
page and checkout step, so the gate placed here refuses every route to a purchase: the form
POST, a crafted POST, and a line left in an old basket after the product lost its rating.
"""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability, strategy

from catalog import selectors


class NotOcopListed(availability.Unavailable):
    """A product whose current OCOP rating is below 3 stars, expired, revoked or missing."""

    code = "not_ocop_listed"
    message = _("Sản phẩm này hiện không có chứng nhận OCOP từ 3 sao trở lên nên không được bán.")

    def is_purchase_permitted(self, quantity):
        return False, str(self.message)


class OcopStrategy(
    strategy.UseFirstStockRecord, strategy.StockRequired, strategy.NoTax, strategy.Structured
):
    """Whole-đồng prices with no tax added, stock required, and the OCOP gate on top."""

    def availability_policy(self, product, stockrecord):
        if not selectors.product_is_listed(product):
            return NotOcopListed()
        return super().availability_policy(product, stockrecord)

    def parent_availability_policy(self, product, children_stock):
        if not selectors.product_is_listed(product):
            return NotOcopListed()
        return super().parent_availability_policy(product, children_stock)


class Selector:
    """Oscar's hook for choosing a strategy: everyone gets :class:`OcopStrategy`."""

    def strategy(self, request=None, user=None, **kwargs):
        return OcopStrategy(request)
