"""The producer dashboard (``/cua-hang/quan-ly/``): a producer's own listings, stock, orders
and sales, on a phone. Every view goes through :class:`access.ProducerDashboardMixin`, which
scopes it to one producer; objects of any other producer answer 404."""
