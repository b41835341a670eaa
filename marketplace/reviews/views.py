"""Writing a review: only a signed-in shopper who bought the product, once per product.

Oscar's reviews app looks these classes up first; the list, detail and vote views stay Oscar's.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from oscar.apps.catalogue.reviews import views as oscar_views

from marketplace.customer.selectors import product_buyer_ids, product_review_refusal


class CreateProductReview(oscar_views.CreateProductReview):
    """The review form, refused (shown the reason, nothing created) to anyone who has not
    bought the product or has already reviewed it; a crafted POST gets a 403."""

    template_name = "oscar/catalogue/reviews/review_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.product = get_object_or_404(
            self.product_model, pk=kwargs["product_pk"], is_public=True
        )
        if not request.user.is_authenticated and request.method == "GET":
            return redirect_to_login(request.get_full_path())
        refusal = product_review_refusal(user=request.user, product=self.product)
        if refusal:
            if request.method == "POST":
                return render(
                    request,
                    "oscar/catalogue/reviews/review_refused.html",
                    {"product": self.product, "refusal": refusal},
                    status=403,
                )
            messages.warning(request, refusal)
            return redirect(self.product.get_absolute_url())
        return super(oscar_views.CreateProductReview, self).dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except IntegrityError:  # a double submit: one review per shopper and product
            messages.warning(self.request, _("Bạn đã đánh giá sản phẩm này rồi."))
            return redirect(self.product.get_absolute_url())

    def get_success_url(self):
        messages.success(
            self.request, _("Cảm ơn bạn đã đánh giá! Đánh giá sẽ hiện sau khi được kiểm duyệt.")
        )
        return self.product.get_absolute_url()


class ProductReviewList(oscar_views.ProductReviewList):
    """A product's approved reviews; those by shoppers who bought it say so."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        reviews = list(ctx["reviews"])
        buyers = product_buyer_ids(product=ctx["product"], user_ids=[r.user_id for r in reviews])
        for review in reviews:
            review.verified = review.user_id in buyers
        ctx["reviews"] = reviews
        return ctx
