"""Reads of the catalogue. :func:`product_listed_queryset` is the storefront gate.

Every page, form, strategy and index that shows or sells products asks this module; none
filters on stars or certificates by itself.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Case, F, OuterRef, Prefetch, Q, QuerySet, Subquery, When
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import credentials, ocop

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ProductCredential = get_model("catalogue", "ProductCredential")

#: Attribute set on products by the gate: the stars of their current certificate.
STARS_ATTR = "ocop_stars"
#: Attribute set on cards by :func:`product_cards_queryset`: the credentials shown today.
CREDENTIALS_ATTR = "shown_credentials"


def certificates_valid_on(*, today: date) -> QuerySet:
    """Certificates valid on ``today``, latest decision first (the order that picks the current)."""
    return OcopCertificate.objects.filter(
        status=ocop.CertificateStatus.VALID,
        valid_until__gte=today,
        decision_date__lte=today,
    ).order_by("-decision_date", "-pk")


def listing_state_holds(*, today: date) -> Q:
    """Products whose stored listing columns hold on ``today`` (see ``Product.listing_*``)."""
    return Q(listing_from__lte=today, listing_until__gte=today)


def listing_state_stale(*, today: date) -> Q:
    """Products whose stored listing columns do not hold on ``today``: recompute them."""
    return Q(listing_from__gt=today) | Q(listing_until__lt=today)


def with_current_rating(queryset: QuerySet, *, today: date | None = None) -> QuerySet:
    """Annotate products with their current rating (``ocop_stars``, ``ocop_certificate_id``).

    Read from the stored listing columns where they hold on ``today``; only other rows (a day
    outside the stored window, e.g. the day after the certificate's last valid day when the daily
    job has not run yet) run the correlated subquery over certificates.
    """
    today = today or timezone.localdate()
    current = certificates_valid_on(today=today).filter(product=OuterRef("pk"))
    holds = listing_state_holds(today=today)
    return queryset.annotate(
        **{
            STARS_ATTR: Case(
                When(holds, then=F("listing_stars")),
                default=Subquery(current.values("stars")[:1]),
            ),
            "ocop_certificate_id": Case(
                When(holds, then=F("listing_certificate_id")),
                default=Subquery(current.values("pk")[:1]),
            ),
        }
    )


def product_listed_queryset(
    *, today: date | None = None, queryset: QuerySet | None = None
) -> QuerySet:
    """Products that may be listed, viewed, searched and bought today: public, with a current
    certificate of at least :data:`catalog.ocop.MIN_LISTED_STARS` stars.

    Rows whose stored listing state holds today are decided by indexed columns
    (``listing_listed``); the others by their certificates, so a product is hidden the day after
    its certificate's last valid day even when the daily job has not run.
    """
    today = today or timezone.localdate()
    base = Product.objects.all() if queryset is None else queryset
    return with_current_rating(base.filter(is_public=True), today=today).filter(
        (listing_state_holds(today=today) & Q(listing_listed=True))
        | (listing_state_stale(today=today) & Q(**{f"{STARS_ATTR}__gte": ocop.MIN_LISTED_STARS}))
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
            credentials_prefetch(today=today),
        )
        .order_by(f"-{STARS_ATTR}", "title", "pk")
    )


def product_siblings_listed(product, *, limit: int = 4, today: date | None = None) -> list:
    """Up to ``limit`` other listed products of ``product``'s producer (best rated first), for
    the producer card on the product page; one query."""
    if not getattr(product, "producer_id", None):
        return []
    return list(
        product_listed_queryset(today=today)
        .browsable()
        .filter(producer_id=product.producer_id)
        .exclude(pk=product.pk)
        .order_by(f"-{STARS_ATTR}", "title", "pk")[:limit]
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


def credentials_shown_queryset(*, today: date | None = None) -> QuerySet:
    """Credentials shoppers see on ``today``: verified and in force (see
    :func:`catalog.credentials.is_shown`); an expired one is gone the day after its last day."""
    return ProductCredential.objects.shown_on(today or timezone.localdate())


def credentials_prefetch(*, today: date | None = None) -> Prefetch:
    """Prefetch of the credentials shown on ``today`` into ``product.shown_credentials``."""
    return Prefetch(
        "credentials", queryset=credentials_shown_queryset(today=today), to_attr=CREDENTIALS_ATTR
    )


def product_credentials_shown(product, *, today: date | None = None) -> list:
    """The credentials of ``product`` (a variant: its parent's) shown on ``today``, in the
    order of :data:`catalog.credentials.KINDS`."""
    if today is None and hasattr(product, CREDENTIALS_ATTR):
        found = list(getattr(product, CREDENTIALS_ATTR))
    else:
        found = list(
            credentials_shown_queryset(today=today).filter(product=_rated_product(product))
        )
    order = {kind: i for i, kind in enumerate(credentials.KINDS)}
    return sorted(found, key=lambda c: (order.get(c.kind, 99), c.pk))


def product_badges(product, *, today: date | None = None) -> list[credentials.Badge]:
    """The credential badges of a product card (one per kind shown today)."""
    return credentials.badges(c.kind for c in product_credentials_shown(product, today=today))


def industrial_property_product_ids(*, today: date) -> set[int]:
    """Products with an industrial-property credential (geographical indication, collective,
    certification or registered trademark) shown on ``today``."""
    return set(
        credentials_shown_queryset(today=today)
        .filter(kind__in=[k.value for k in credentials.INDUSTRIAL_PROPERTY_KINDS])
        .values_list("product_id", flat=True)
    )
