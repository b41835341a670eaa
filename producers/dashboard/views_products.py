"""Producer dashboard: my products (on sale or not, and why), edit price/description/photos
with optimistic concurrency, propose a new product as a draft."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from producers import selectors
from producers.dashboard.access import ProducerDashboardMixin
from producers.dashboard.forms_products import ProductEditForm, ProductProposeForm
from producers.selectors import producer_products, product_version
from producers.services import StaleEdit, StockError, online_record, product_propose, product_update


class ProductSectionMixin(ProducerDashboardMixin):
    section = "products"


class ProductListView(ProductSectionMixin, TemplateView):
    """Every product of the producer with its badge, price, online stock and sale status."""

    template_name = "producers/dashboard/products.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statuses = selectors.product_statuses(self.producer)
        context.update(statuses=statuses, off_sale=sum(1 for s in statuses if not s.listed))
        return context


class ProductEditView(ProductSectionMixin, TemplateView):
    """Edit price, description and photos. The form carries the product's version; a save
    from a stale copy is refused with a clear message and writes nothing."""

    template_name = "producers/dashboard/product_edit.html"

    def get_product(self):
        return get_object_or_404(
            producer_products(self.producer).exclude(structure="child").prefetch_related("images"),
            pk=self.kwargs["product_id"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = kwargs.get("product") or self.get_product()
        record = online_record(product, create=False)
        form = kwargs.get("form") or ProductEditForm(
            product=product,
            initial={
                "version": product_version(product),
                "price": int(record.price) if record and record.price is not None else None,
                "description": product.description,
                "title_en": product.title_en,
                "description_en": product.description_en,
                "growing_area_code": product.growing_area_code,
            },
        )
        status = next(
            (s for s in selectors.product_statuses(self.producer) if s.product.pk == product.pk),
            None,
        )
        context.update(product=product, form=form, status=status, images=list(product.images.all()))
        return context

    def post(self, request, *args, **kwargs):
        product = self.get_product()
        form = ProductEditForm(request.POST, request.FILES, product=product)
        if form.is_valid():
            data = form.cleaned_data
            try:
                product_update(
                    product=product,
                    version=data["version"],
                    price=data["price"],
                    description=data["description"],
                    title_en=data["title_en"],
                    description_en=data["description_en"],
                    new_photos=data["photos"],
                    remove_photo_ids=[image.pk for image in data["remove_photos"]],
                    growing_area_code=data["growing_area_code"],
                    by=request.user,
                )
            except StaleEdit as error:
                form.add_error(None, str(error))
                return self.render_to_response(
                    self.get_context_data(form=form, product=product, stale=True), status=409
                )
            except StockError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Đã lưu “%(title)s”.") % {"title": product.title})
                return redirect(reverse("producer_dashboard:products"))
        return self.render_to_response(
            self.get_context_data(form=form, product=product), status=400
        )


class ProductProposeView(ProductSectionMixin, TemplateView):
    """Propose a new product: it stays off sale until a council rates it 3★ or more."""

    template_name = "producers/dashboard/product_new.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or ProductProposeForm()
        return context

    def post(self, request, *args, **kwargs):
        form = ProductProposeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                product = product_propose(
                    producer=self.producer,
                    title=data["title"],
                    description=data["description"],
                    product_class=data["product_class"],
                    category=data["category"],
                    price=data["price"],
                    upc=data["upc"],
                    by=request.user,
                )
            except StockError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Đã thêm “%(title)s” dưới dạng bản nháp. Sản phẩm sẽ được bán khi hội đồng "
                        "OCOP công nhận từ 3 sao trở lên."
                    )
                    % {"title": product.title},
                )
                return redirect(
                    reverse("producer_dashboard:product_edit", kwargs={"product_id": product.pk})
                )
        return self.render_to_response(self.get_context_data(form=form), status=400)
