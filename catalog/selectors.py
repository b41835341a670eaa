"""Reads of the catalogue. :func:`product_listed_queryset` is the storefront gate.

Every page, form, strategy and index that shows or sells products asks this module; none
filters on stars or certificates by itself.
"""

from __future__ import annotations

from datetime import date

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import ocop

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
OcopCertificate = get_model("catalogue", "OcopCertificate")

#: Attribute set on products by the gate: the stars of their current certificate.
STARS_ATTR = "ocop_stars"


def certificates_valid_on(*, today: date) -> QuerySet:
    """Certificates valid on ``today``, latest decision first (the order that picks the current)."""
    return OcopCertificate.objects.filter(
        status=ocop.CertificateStatus.VALID,
        valid_until__gte=today,
        decision_date__lte=today,
    ).order_by("-decision_date", "-pk")


def with_current_rating(queryset: QuerySet, *, today: date | None = None) -> QuerySet:
    """Annotate products with their current rating (``ocop_stars``, ``ocop_certificate_id``)."""
    today = today or timezone.localdate()
    current = certificates_valid_on(today=today).filter(product=OuterRef("pk"))
    return queryset.annotate(
        **{
            STARS_ATTR: Subquery(current.values("stars")[:1]),
            "ocop_certificate_id": Subquery(current.values("pk")[:1]),
        }
    )


def product_listed_queryset(
    *, today: date | None = None, queryset: QuerySet | None = None
) -> QuerySet:
    """Products that may be listed, viewed, searched and bought today: public, with a current
    certificate of at least :data:`catalog.ocop.MIN_LISTED_STARS` stars."""
    base = Product.objects.all() if queryset is None else queryset
    return with_current_rating(base.filter(is_public=True), today=today).filter(
        **{f"{STARS_ATTR}__gte": ocop.MIN_LISTED_STARS}
    )


def product_cards_queryset(
    *, today: date | None = None, queryset: QuerySet | None = None
) -> QuerySet:
    """Listed products with what a product card shows, in a fixed number of queries."""
    return (
        product_listed_queryset(today=today, queryset=queryset)
        .browsable()
        .select_related("producer", "origin_commune__district", "product_class")
        .prefetch_related(
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order")),
            "stockrecords",
        )
        .order_by(f"-{STARS_ATTR}", "title", "pk")
    )


def _rated_product(product):
    """The product whose certificates rate ``product``: a variant is rated through its parent."""
    return product.parent if product.is_child and product.parent_id else product


def product_is_listed(product, *, today: date | None = None) -> bool:
    """Whether ``product`` passes the gate today. Uses the gate's annotation when present.

    A variant (child product) passes when it is public and its parent passes.
    """
    if product.is_child and product.parent_id:
        return product.is_public and product_is_listed(product.parent, today=today)
    if today is None and hasattr(product, STARS_ATTR):
        return product.is_public and ocop.is_listable(getattr(product, STARS_ATTR))
    if product.pk is None:
        return False
    return product_listed_queryset(today=today).filter(pk=product.pk).exists()


def product_current_stars(product, *, today: date | None = None) -> int | None:
    """The stars of ``product``'s current certificate, or ``None``."""
    if hasattr(product, STARS_ATTR) and today is None and not product.is_child:
        return getattr(product, STARS_ATTR)
    certificate = product_current_certificate(product, today=today)
    return certificate.stars if certificate else None


def product_current_certificate(product, *, today: date | None = None):
    """The product's current certificate (latest valid today), or ``None``."""
    today = today or timezone.localdate()
    return certificates_valid_on(today=today).filter(product=_rated_product(product)).first()
