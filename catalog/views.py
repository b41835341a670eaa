"""Catalogue views of the fork: the product page answers only for products that pass the gate."""

from django.http import Http404
from django.utils.translation import gettext as _
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from catalog import selectors


class ProductDetailView(OscarProductDetailView):
    """A product page: 404 unless the product is on sale today (see the gate selector).

    Unlike Oscar's it records no analytics on each view: an UPDATE per page view is what made
    SQLite answer "database is locked" under load.
    """

    def get_queryset(self):
        return (
            selectors.product_listed_queryset()
            .select_related(
                "producer__commune__district",
                "producer__commune__successor__district",
                "origin_commune__district",
                "origin_commune__successor__district",
                "product_class",
            )
            .prefetch_related("images", "stockrecords")
        )

    def get_object(self, queryset=None):
        if hasattr(self, "object"):
            return self.object
        try:
            return self.get_queryset().get(pk=self.kwargs["pk"])
        except (self.model.DoesNotExist, ValueError, TypeError):
            raise Http404(
                _("Sản phẩm này không có hoặc chưa đạt chứng nhận OCOP từ 3 sao.")
            ) from None

    def send_signal(self, request, response, product):
        """No per-view analytics write (see the class docstring)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificate"] = selectors.product_current_certificate(self.object)
        context["credentials"] = selectors.product_credentials_shown(self.object)
        context["other_products"] = selectors.product_siblings_listed(self.object)
        return context
