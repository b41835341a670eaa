"""Oscar's reviews app with our views: its models and migrations stay Oscar's."""

from oscar.apps.catalogue.reviews import apps


class ReviewsConfig(apps.CatalogueReviewsConfig):
    """Oscar's ``reviews`` app (same name and label), serving the buyers-only views.

    Oscar finds review views with ``get_class("catalogue.reviews.views", …)``, which would look
    inside the catalogue fork; the rule is commerce's (who bought what), so the views live here
    and are set explicitly once Oscar's own are loaded.
    """

    def ready(self):
        super().ready()
        # Views import models: only once the app registry is ready.
        from marketplace.reviews import views

        self.create_view = views.CreateProductReview
        self.list_view = views.ProductReviewList
