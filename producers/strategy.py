"""Pricing and availability for the OCOP storefront.

Oscar asks the strategy whether a product can be bought on every add-to-basket form, basket
page and checkout step, so the gate placed here refuses every route to a purchase: the form
POST, a crafted POST, and a line left in an old basket after the product lost its rating.
"""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability, strategy

from catalog import selectors
from catalog.seasons import SaleMode
from producers import selectors as producer_selectors


class NotOcopListed(availability.Unavailable):
    """A product whose current OCOP rating is below 3 stars, expired, revoked or missing."""

    code = "not_ocop_listed"
    message = _("Sản phẩm này hiện không có chứng nhận OCOP từ 3 sao trở lên nên không được bán.")

    def is_purchase_permitted(self, quantity):
        return False, str(self.message)


class OutOfSeason(availability.Unavailable):
    """A seasonal fresh product outside its harvest window, with no pre-orders open: its stock
    (last season's, or none) is not sold."""

    code = "out_of_season"

    def __init__(self, next_start=None):
        if next_start is not None:
            self.message = _("Sản phẩm đang hết mùa vụ; mùa vụ tới bắt đầu từ %(date)s.") % {
                "date": next_start.strftime("%d/%m/%Y")
            }
        else:
            self.message = _("Sản phẩm đang hết mùa vụ.")

    def is_purchase_permitted(self, quantity):
        return False, str(self.message)


class PreorderAvailable(availability.Base):
    """Sold by pre-order: reserved against the open campaign's quota, delivered from the
    harvest. Checkout reserves the units under a lock on the campaign
    (:func:`producers.services.preorder_reserve`)."""

    code = "preorder"

    def __init__(self, campaign, left: int):
        self.campaign, self.num_available = campaign, left
        self.message = _("Đặt trước – giao dự kiến %(start)s–%(end)s") % {
            "start": campaign.delivery_from.strftime("%d/%m"),
            "end": campaign.delivery_until.strftime("%d/%m"),
        }

    @property
    def is_available_to_buy(self):
        return self.num_available > 0

    def is_purchase_permitted(self, quantity):
        if quantity > self.num_available:
            return False, _("Chỉ còn nhận đặt trước %(left)s sản phẩm.") % {
                "left": self.num_available
            }
        return True, ""


class OcopStrategy(
    strategy.UseFirstStockRecord, strategy.StockRequired, strategy.NoTax, strategy.Structured
):
    """Whole-đồng prices with no tax added, stock required, and the OCOP gate on top."""

    def availability_policy(self, product, stockrecord):
        if not selectors.product_is_listed(product):
            return NotOcopListed()
        if product.harvest_windows:  # no query for the many products sold all year
            # Seasonal: out of its window the warehouse is not sold from (see catalog.seasons).
            sale = producer_selectors.product_sale(
                product, stock_available=stockrecord.net_stock_level if stockrecord else 0
            )
            if sale.mode == SaleMode.CLOSED:
                return OutOfSeason(sale.season_next.start if sale.season_next else None)
            if sale.mode == SaleMode.PREORDER and stockrecord is not None:
                return PreorderAvailable(sale.campaign, sale.quota_left)
        return super().availability_policy(product, stockrecord)

    def parent_availability_policy(self, product, children_stock):
        if not selectors.product_is_listed(product):
            return NotOcopListed()
        return super().parent_availability_policy(product, children_stock)


class Selector:
    """Oscar's hook for choosing a strategy: everyone gets :class:`OcopStrategy`."""

    def strategy(self, request=None, user=None, **kwargs):
        return OcopStrategy(request)
