"""Search pages of the fork. Self-contained: Oscar's haystack views are not subclassed."""

from math import ceil
from urllib.parse import unquote, urlencode

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView
from oscar.core.loading import get_model

from catalog import credentials
from catalog import selectors as catalog_selectors
from catalog.money import format_money
from search.backends.base import SearchQuery
from search.documents import PRICE_RANGES
from search.forms import SearchForm, filters_from, page_from, sort_from
from search.selectors import page_search, product_search, suggestions
from search.text import MAX_QUERY_LENGTH, clean_query, tokens

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
District = get_model("catalogue", "District")
Place = get_model("catalogue", "Place")
Producer = get_model("partner", "Producer")

PER_PAGE = 24


def _price_label(key: str) -> str:
    for range_key, low, high in PRICE_RANGES:
        if range_key == key:
            if high is None:
                return _("Từ %(low)s") % {"low": format_money(low)}
            if low == 0:
                return _("Dưới %(high)s") % {"high": format_money(high)}
            return f"{format_money(low)} – {format_money(high)}"
    return key


def _facet_labels(name: str, keys: list[str]) -> dict[str, str]:
    if name == "group":
        return dict(Category.objects.filter(depth=1, slug__in=keys).values_list("slug", "name"))
    if name == "district":
        return dict(District.objects.filter(slug__in=keys).values_list("slug", "name"))
    if name == "showroom":
        return dict(Place.objects.filter(slug__in=keys).values_list("slug", "name"))
    if name == "kind":
        return {k: str(label) for k, label in Producer.Kind.choices}
    if name == "stars":
        return {k: f"{k}★" for k in keys}
    if name == "credential":
        return {k.value: str(info.label) for k, info in credentials.KINDS.items()}
    return {k: _price_label(k) for k in keys}


class FacetedSearchView(TemplateView):
    """One site search page: products on sale (facets, sort, pages) and website pages, as two
    tabs. Oscar looks this class up by name."""

    template_name = "search/results.html"

    FACET_TITLES = {
        "group": gettext_lazy("Nhóm sản phẩm"), "district": gettext_lazy("Huyện"),
        "stars": gettext_lazy("Hạng sao"), "kind": gettext_lazy("Loại hình chủ thể"),
        "price": gettext_lazy("Khoảng giá"), "showroom": gettext_lazy("Nhận tại điểm bán"),
        "credential": gettext_lazy("Bảo hộ và chứng nhận"),
    }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        form = SearchForm(params)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        truncated = len(" ".join(str(params.get("q", "")).split())) > MAX_QUERY_LENGTH
        filters = filters_from(params)
        sort = sort_from(params)
        page = page_from(params)
        tab = "pages" if params.get("tab") == "pages" else "products"
        context.update(search_form=form, query=query, filters=filters, sort=sort, tab=tab,
                       truncated=truncated, products=[], pages=[], facets=[], total=0)
        if not query and not filters:
            return context
        if query and not tokens(query) and not filters:
            context["no_words"] = True
            return context
        results, products = product_search(query=SearchQuery(
            text=query, filters=filters, sort=sort, page=page, per_page=PER_PAGE,
        ))
        hits = page_search(text=query)
        num_pages = max(ceil(results.total / PER_PAGE), 1)
        context.update(
            products=products, total=results.total, degraded=results.degraded,
            pages=hits, page_number=page, num_pages=num_pages,
            facets=self._facets(results.facets, filters, query, sort),
            previous_url=self._url(query, filters, sort, page - 1) if page > 1 else None,
            next_url=self._url(query, filters, sort, page + 1) if page < num_pages else None,
            products_tab_url=self._url(query, filters, sort, 1),
            pages_tab_url=self._url(query, filters, sort, 1, tab="pages"),
            clear_url=self._url(query, {}, sort, 1) if filters else None,
            sort_options=[
                ("relevance", _("Phù hợp nhất")), ("stars", _("Nhiều sao nhất")),
                ("price_asc", _("Giá thấp trước")), ("price_desc", _("Giá cao trước")),
            ],
        )
        return context

    def _url(self, query, filters, sort, page, tab=None) -> str:
        pairs = [("q", query)]
        for name, values in filters.items():
            pairs.extend((name, v) for v in values)
        if sort != "relevance":
            pairs.append(("sort", sort))
        if page > 1:
            pairs.append(("page", str(page)))
        if tab:
            pairs.append(("tab", tab))
        return "?" + urlencode(pairs)

    def _facets(self, facets, filters, query, sort) -> list[dict]:
        shown = []
        for name, values in facets.items():
            if not values:
                continue
            labels = _facet_labels(name, [v.key for v in values])
            selected = filters.get(name, [])
            items = []
            for value in values:
                chosen = value.key in selected
                toggled = dict(filters)
                toggled[name] = ([v for v in selected if v != value.key] if chosen
                                 else [*selected, value.key])
                items.append({
                    "key": value.key, "label": labels.get(value.key, value.key),
                    "count": value.count, "selected": chosen,
                    "url": self._url(query, {k: v for k, v in toggled.items() if v}, sort, 1),
                })
            if name == "stars":
                items.sort(key=lambda item: item["key"], reverse=True)
            elif name == "credential":  # protection first, as the kinds are listed
                order = {k.value: i for i, k in enumerate(credentials.KINDS)}
                items.sort(key=lambda item: order.get(item["key"], len(order)))
            shown.append({"name": name, "title": self.FACET_TITLES[name], "items": items})
        return shown


class SuggestView(View):
    """As-you-type suggestions as JSON: ``{"query": …, "suggestions": [{kind, label, url}]}``."""

    def get(self, request):
        text = clean_query(request.GET.get("q"))
        found = suggestions(text=text) if len(text) >= 2 and tokens(text) else []
        response = JsonResponse({
            "query": text,
            "suggestions": [{"kind": s.kind, "label": s.label, "url": s.url} for s in found],
        })
        response["Cache-Control"] = "public, max-age=60"
        return response


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
