"""Reviews from buyers only: views found by Oscar's ``get_class("catalogue.reviews.views", …)``
(the catalogue fork is ``catalog``), so Oscar's reviews app itself is not forked. The rule lives
in :func:`catalog.customer.selectors.product_review_refusal`."""
