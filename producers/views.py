"""Public producer pages and batch pages: thin views over the producer selectors."""

import io

import segno
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control
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


# --- traceable batches (what a label's QR opens) ------------------------------------------------


def batch_public_url(request, batch) -> str:
    """The absolute address a batch's QR encodes: the Vietnamese page (no language prefix), as
    a printed label outlives any one visitor's language choice."""
    with translation.override("vi"):
        return request.build_absolute_uri(batch.get_absolute_url())


def batch_qr(request, batch) -> segno.QRCode:
    """The batch page's QR (level M: survives a scuffed box; the address is short)."""
    return segno.make_qr(batch_public_url(request, batch), error="m")


def _batch_not_found(request, code: str):
    return render(request, "producers/batch_not_found.html", {"code": code[:40]}, status=404)


def batch_detail(request, code: str):
    """The public page of a batch: product, producer, commune, harvest date, growing-area code,
    the OCOP certificate's state today and where the batch went."""
    batch = selectors.batch_by_code(code)
    if batch is None:
        return _batch_not_found(request, code)
    page = selectors.batch_page(batch, today=timezone.localdate())
    return render(request, "producers/batch_detail.html", {"page": page, "batch": batch})


@cache_control(public=True, max_age=86400)
def batch_qr_png(request, code: str):
    """The batch's QR as a PNG (10 px a module)."""
    batch = selectors.batch_by_code(code)
    if batch is None:
        return _batch_not_found(request, code)
    buffer = io.BytesIO()
    batch_qr(request, batch).save(buffer, kind="png", scale=10, border=4)
    return HttpResponse(buffer.getvalue(), content_type="image/png")


@cache_control(public=True, max_age=86400)
def batch_qr_svg(request, code: str):
    """The batch's QR as SVG (prints sharp at any label size)."""
    batch = selectors.batch_by_code(code)
    if batch is None:
        return _batch_not_found(request, code)
    buffer = io.BytesIO()
    batch_qr(request, batch).save(
        buffer,
        kind="svg",
        scale=10,
        border=4,
        xmldecl=True,
        svgns=True,
        title=f"OCOP {batch.display_code}",
    )
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
