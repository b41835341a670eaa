"""Wishlist views of the customer fork (found by ``get_class("customer.wishlists.views", …)``)."""
