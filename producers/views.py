"""Public producer pages: thin views over the producer selectors."""

from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from producers import selectors


class ProducerListView(ListView):
    """Every producer with at least one product on sale."""

    template_name = "producers/producer_list.html"
    context_object_name = "producers"
    paginate_by = 30

    def get_queryset(self):
        return selectors.producer_list_public()


class ProducerDetailView(ListView):
    """A producer's profile and the products of theirs that are on sale now."""

    template_name = "producers/producer_detail.html"
    context_object_name = "products"
    paginate_by = 24

    def get_queryset(self):
        self.producer = get_object_or_404(
            selectors.producer_list_public(with_unlisted=True), slug=self.kwargs["slug"]
        )
        return selectors.producer_products_listed(producer=self.producer)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["producer"] = self.producer
        return context
