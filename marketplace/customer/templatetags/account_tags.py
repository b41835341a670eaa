"""Template tags for the shopper's side of the storefront: the reviews panel of a product."""

from __future__ import annotations

from django import template

from marketplace.customer import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def product_reviews_panel(context, product, limit: int = 3) -> dict:
    """What the product page shows about reviews, in at most four queries: the latest approved
    reviews (each with ``verified`` when its author bought the product) and whether the visitor
    may write one (``refusal`` says why not)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    approved = product.reviews.approved().select_related("user").order_by("-date_created")
    reviews = list(approved[:limit]) if limit else []
    buyers = selectors.product_buyer_ids(product=product, user_ids=[r.user_id for r in reviews])
    for review in reviews:
        review.verified = review.user_id in buyers
    refusal = (
        selectors.product_review_refusal(user=user, product=product) if user is not None else "-"
    )
    return {"reviews": reviews, "refusal": refusal, "may_review": not refusal}
