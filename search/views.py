"""Search pages of the fork. Self-contained: Oscar's haystack views are not subclassed."""

from math import ceil
from urllib.parse import unquote, urlencode

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from catalog import credentials
from catalog import selectors as catalog_selectors
from catalog.money import format_money
from search.backends.base import EXPORT_AREA, SearchQuery
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
        groups = Category.objects.filter(depth=1, slug__in=keys)
        return {group.slug: group.get_name() for group in groups}
    if name == "district":
        return dict(District.objects.filter(slug__in=keys).values_list("slug", "name"))
    if name == "showroom":
        return {place.slug: place.get_name() for place in Place.objects.filter(slug__in=keys)}
    if name == "kind":
        return {k: str(label) for k, label in Producer.Kind.choices}
    if name == "stars":
        return {k: f"{k}★" for k in keys}
    if name == "credential":
        return {k.value: str(info.label) for k, info in credentials.KINDS.items()}
    if name == "export":
        return {EXPORT_AREA: _("Có mã số vùng trồng xuất khẩu")}
    return {k: _price_label(k) for k in keys}


class FacetedSearchView(TemplateView):
    """One site search page: products on sale (facets, sort, pages) and website pages, as two
    tabs. Oscar looks this class up by name."""

    template_name = "search/results.html"

    FACET_TITLES = {
        "group": gettext_lazy("Nhóm sản phẩm"),
        "district": gettext_lazy("Khu vực (huyện cũ)"),
        "stars": gettext_lazy("Hạng sao"),
        "kind": gettext_lazy("Loại hình chủ thể"),
        "price": gettext_lazy("Khoảng giá"),
        "showroom": gettext_lazy("Nhận tại điểm bán"),
        "credential": gettext_lazy("Bảo hộ và chứng nhận"),
        "export": gettext_lazy("Mã số vùng trồng"),
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
        context.update(
            search_form=form,
            query=query,
            filters=filters,
            sort=sort,
            tab=tab,
            truncated=truncated,
            products=[],
            pages=[],
            facets=[],
            total=0,
        )
        if not query and not filters:
            return context
        if query and not tokens(query) and not filters:
            context["no_words"] = True
            return context
        results, products = product_search(
            query=SearchQuery(
                text=query,
                filters=filters,
                sort=sort,
                page=page,
                per_page=PER_PAGE,
            )
        )
        hits = page_search(text=query)
        num_pages = max(ceil(results.total / PER_PAGE), 1)
        context.update(
            products=products,
            total=results.total,
            degraded=results.degraded,
            pages=hits,
            page_number=page,
            num_pages=num_pages,
            facets=self._facets(results.facets, filters, query, sort),
            previous_url=self._url(query, filters, sort, page - 1) if page > 1 else None,
            next_url=self._url(query, filters, sort, page + 1) if page < num_pages else None,
            products_tab_url=self._url(query, filters, sort, 1),
            pages_tab_url=self._url(query, filters, sort, 1, tab="pages"),
            clear_url=self._url(query, {}, sort, 1) if filters else None,
            sort_options=[
                ("relevance", _("Phù hợp nhất")),
                ("stars", _("Nhiều sao nhất")),
                ("price_asc", _("Giá thấp trước")),
                ("price_desc", _("Giá cao trước")),
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
        return facet_groups(facets, filters, lambda chosen: self._url(query, chosen, sort, 1))


def facet_groups(facets, filters: dict[str, list[str]], url_for) -> list[dict]:
    """The facets of a result as the search and catalogue pages show them: each value with its
    label, count, whether it is chosen and the URL (``url_for(filters)``) that toggles it.

    Every facet the backend counts is shown, titled from :attr:`FacetedSearchView.FACET_TITLES`,
    so a facet added there appears on both pages.
    """
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
            toggled[name] = (
                [v for v in selected if v != value.key] if chosen else [*selected, value.key]
            )
            items.append(
                {
                    "key": value.key,
                    "label": labels.get(value.key, value.key),
                    "count": value.count,
                    "selected": chosen,
                    "url": url_for({k: v for k, v in toggled.items() if v}),
                }
            )
        if name == "stars":
            items.sort(key=lambda item: item["key"], reverse=True)
        elif name == "credential":  # protection first, as the kinds are listed
            order = {k.value: i for i, k in enumerate(credentials.KINDS)}
            items.sort(key=lambda item: order.get(item["key"], len(order)))
        shown.append(
            {"name": name, "title": FacetedSearchView.FACET_TITLES.get(name, name), "items": items}
        )
    return shown


class SuggestView(View):
    """As-you-type suggestions as JSON: ``{"query": …, "suggestions": [{kind, label, url}]}``."""

    def get(self, request):
        text = clean_query(request.GET.get("q"))
        found = suggestions(text=text) if len(text) >= 2 and tokens(text) else []
        response = JsonResponse(
            {
                "query": text,
                "suggestions": [{"kind": s.kind, "label": s.label, "url": s.url} for s in found],
            }
        )
        response["Cache-Control"] = "public, max-age=60"
        return response


class BrowseView(TemplateView):
    """Products on sale with sort, facet filters and pages, through the search backend (the
    same facets and counts as the search page). The base of the catalogue and category pages.

    Every choice is a GET parameter, so a filtered page is a URL that can be shared (and is
    cached by the page cache under its own query string). Unknown or malformed parameters are
    ignored (see :mod:`search.forms`). Should the backend not answer, the page falls back to
    every product on sale, best-rated first, without filters.
    """

    template_name = "oscar/catalogue/browse.html"
    category = None

    def sort_options(self) -> list[tuple[str, str]]:
        """The catalogue's orders; ``stars`` (its default) is the backend's order with no
        words."""
        return [
            ("stars", _("Nhiều sao nhất")),
            ("bestselling", _("Bán chạy")),
            ("newest", _("Mới nhất")),
            ("price_asc", _("Giá thấp trước")),
            ("price_desc", _("Giá cao trước")),
        ]

    def _url(self, filters: dict[str, list[str]], sort: str, page: int = 1) -> str:
        pairs = []
        for name, values in filters.items():
            pairs.extend((name, v) for v in values)
        if sort != "stars":
            pairs.append(("sort", sort))
        if page > 1:
            pairs.append(("page", str(page)))
        return "?" + urlencode(pairs) if pairs else self.request.path

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        filters = filters_from(params)
        sort = sort_from(params)
        if sort not in dict(self.sort_options()):
            sort = "stars"
        page = page_from(params)
        results, products = product_search(
            query=SearchQuery(
                text="",
                filters=filters,
                sort=sort,
                page=page,
                per_page=PER_PAGE,
                browse=True,
                category=self.category.pk if self.category else None,
            )
        )
        if results.degraded:
            return self._fallback(context)
        num_pages = max(ceil(results.total / PER_PAGE), 1)
        chosen = sum(len(values) for values in filters.values())
        context.update(
            category=self.category,
            products=products,
            total=results.total,
            filters=filters,
            chosen_count=chosen,
            sort=sort,
            sort_options=self.sort_options(),
            facets=facet_groups(results.facets, filters, lambda f: self._url(f, sort)),
            page_number=page,
            num_pages=num_pages,
            previous_url=self._url(filters, sort, page - 1) if page > 1 else None,
            next_url=self._url(filters, sort, page + 1) if page < num_pages else None,
            clear_url=self._url({}, sort) if filters else None,
        )
        return context

    def _fallback(self, context):
        """The backend did not answer: the best-rated products on sale, read from the
        database, without filters (the storefront stays up when a search cluster is down)."""
        listed = catalog_selectors.product_cards_queryset()
        if self.category is not None:
            categories = self.category.get_descendants_and_self()
            listed = listed.filter(
                pk__in=Product.objects.filter(categories__in=categories).values("pk")
            )
        context.update(
            category=self.category,
            products=list(listed[:PER_PAGE]),
            total=listed.count(),
            degraded=True,
            filters={},
            facets=[],
            sort="stars",
            sort_options=[],
        )
        return context


class CatalogueView(BrowseView):
    """The storefront: every product on sale, best-rated first (Oscar finds it by name)."""


class ProductCategoryView(BrowseView):
    """A category page: the products on sale in the category and its subcategories."""

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(expected + (f"?{query}" if query else ""))
        return super().get(request, *args, **kwargs)
