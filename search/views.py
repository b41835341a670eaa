"""Search pages of the fork. Self-contained: Oscar's haystack views are not subclassed."""

from urllib.parse import unquote

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import ListView
from oscar.core.loading import get_model

from catalog import selectors as catalog_selectors
from search.forms import SearchForm
from search.selectors import product_search

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


class FacetedSearchView(ListView):
    """Product search results (Oscar looks this class up by name)."""

    template_name = "oscar/search/results.html"
    context_object_name = "products"
    paginate_by = 24

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        self.query = query
        return product_search(query=query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(search_form=self.form, query=self.query)
        return context


class CatalogueView(ListView):
    """The storefront: every product on sale, best-rated first (Oscar finds it by name)."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"
    paginate_by = 24

    def get_queryset(self):
        return catalog_selectors.product_cards_queryset()


class ProductCategoryView(ListView):
    """A category page: the products on sale in the category and its subcategories."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"
    paginate_by = 24

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        categories = self.category.get_descendants_and_self()
        listed = catalog_selectors.product_cards_queryset()
        return listed.filter(
            pk__in=Product.objects.filter(categories__in=categories).values("pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        return context
