"""A wishlist's page says, for each product, whether it can be bought now (the storefront gate
and stock), and offers "add to basket" only for those that can."""

from __future__ import annotations

from oscar.apps.customer.wishlists import views as oscar_views

from marketplace.customer import selectors


class WishListDetailView(oscar_views.WishListDetailView):
    """One wishlist: each line with its price, or why it is no longer on sale."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["items"] = selectors.wishlist_items(
            wishlist=self.object, strategy=self.request.strategy
        )
        return ctx
