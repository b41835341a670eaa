"""Reviews from buyers only. Oscar's reviews app keeps its models and migrations
(``oscar.apps.catalogue.reviews``, label ``reviews``); :class:`apps.ReviewsConfig` swaps in the
views of :mod:`marketplace.reviews.views`, whose rule lives in
:func:`marketplace.customer.selectors.product_review_refusal`."""
