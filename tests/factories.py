"""factory_boy factories for the OCOP marketplace, and helpers that build products in a known state.

Models are found with Oscar's ``get_model`` so that our forks (``catalog`` for ``catalogue``,
``producers`` for ``partner``) win, as they do in the running site.

Certificates made here go through ``OcopCertificate.save()`` (stars follow the score, the validity
date is filled in) but not through :func:`catalog.services.certificate_record`, so they skip the
council checks: tests of those checks call the service.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import ocop

District = get_model("catalogue", "District")
Commune = get_model("catalogue", "Commune")
Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Producer = get_model("partner", "Producer")
StockRecord = get_model("partner", "StockRecord")

#: The district-level units of Bắc Giang (DOMAIN.md), cycled through to give readable names.
DISTRICT_NAMES = (
    "Bắc Giang",
    "Hiệp Hòa",
    "Lạng Giang",
    "Lục Nam",
    "Lục Ngạn",
    "Sơn Động",
    "Tân Yên",
    "Việt Yên",
    "Yên Dũng",
    "Yên Thế",
)

#: A score inside each star band, and the criteria set that awards it. 1★ and 2★ exist only in
#: the 2019 set; the 2023 set awards 3★ and up.
SCORE_FOR_STARS: dict[int, tuple[str, Decimal]] = {
    1: ("2019", Decimal("20")),
    2: ("2019", Decimal("40")),
    3: ("2023", Decimal("60")),
    4: ("2023", Decimal("80")),
    5: ("2023", Decimal("95")),
}

PRODUCT_STATES = (
    "1_star",
    "2_star",
    "unrated",
    "expired",
    "revoked",
    "3_star",
    "4_star",
    "5_star",
)


def recent_decision_date() -> date:
    """A decision a month old: inside its 36 months of validity, and not dated in the future."""
    return timezone.localdate() - timedelta(days=30)


def council_level_for(*, criteria_set: str, score: object, decision_date: date) -> str:
    """A council level that could have awarded ``score``'s stars on ``decision_date``.

    Falls back to the district (1–2★ under the 2019 set, or a date no period covers), which is
    what the factories want: they bypass the council checks anyway.
    """
    stars = ocop.stars_for_score(score, ocop.criteria_set_for(criteria_set))
    period = ocop.award_period_for(decision_date)
    if stars is not None and period is not None:
        for level in ocop.CouncilLevel:
            if stars in period.stars_by_level.get(level, frozenset()):
                return level.value
    return ocop.CouncilLevel.DISTRICT.value


class UserFactory(factory.django.DjangoModelFactory):
    """A customer account (Oscar signs people in by email)."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"khach{n}")
    email = factory.Sequence(lambda n: f"khach{n}@example.vn")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu")

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # set_password only changes the instance: save it, or the session hash of a
        # force_login() would not match the stored password and the user would be anonymous.
        if create:
            instance.save(update_fields=["password"])


class DistrictFactory(factory.django.DjangoModelFactory):
    """A district of Bắc Giang; names carry a number to stay unique."""

    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"{DISTRICT_NAMES[n % len(DISTRICT_NAMES)]} {n}")
    slug = factory.Sequence(lambda n: f"huyen-{n}")
    kind = "Huyện"


class CommuneFactory(factory.django.DjangoModelFactory):
    """A commune inside a district."""

    class Meta:
        model = Commune

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"Xã thử {n}")
    kind = "Xã"


class PartnerFactory(factory.django.DjangoModelFactory):
    """Oscar's partner (the fulfilment side of a producer)."""

    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"HTX Nông sản {n}")


class ProducerFactory(factory.django.DjangoModelFactory):
    """A producer (chủ thể), one-to-one with its own partner; a cooperative unless told."""

    class Meta:
        model = Producer

    name = factory.Sequence(lambda n: f"HTX Vải thiều {n}")
    slug = factory.Sequence(lambda n: f"htx-vai-thieu-{n}")
    partner = factory.SubFactory(PartnerFactory, name=factory.SelfAttribute("..name"))
    kind = Producer.Kind.COOPERATIVE
    commune = factory.SubFactory(CommuneFactory)


class ProductClassFactory(factory.django.DjangoModelFactory):
    """A product type whose stock is tracked (one shared row per name)."""

    class Meta:
        model = ProductClass
        django_get_or_create = ("name",)

    name = "Thực phẩm"
    requires_shipping = True
    track_stock = True


class CategoryFactory(factory.django.DjangoModelFactory):
    """A category, made through treebeard (``add_root`` / ``add_child``), never by path."""

    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Nhóm sản phẩm {n}")
    parent = None

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.add_root(**kwargs)
        return parent.add_child(**kwargs)


class ProductFactory(factory.django.DjangoModelFactory):
    """A public standalone product with a producer and its commune of origin. No stock, no
    certificate: see :func:`listed_product` for a product the storefront sells."""

    class Meta:
        model = Product

    structure = Product.STANDALONE
    title = factory.Sequence(lambda n: f"Mỳ Chũ loại {n}")
    upc = factory.Sequence(lambda n: f"893{n:010d}")
    is_public = True
    product_class = factory.SubFactory(ProductClassFactory)
    producer = factory.SubFactory(ProducerFactory)
    origin_commune = factory.LazyAttribute(lambda o: o.producer.commune)


class StockRecordFactory(factory.django.DjangoModelFactory):
    """Stock held by the product's own producer, priced in whole đồng."""

    class Meta:
        model = StockRecord

    product = factory.SubFactory(ProductFactory)
    partner = factory.LazyAttribute(lambda o: o.product.producer.partner)
    partner_sku = factory.Sequence(lambda n: f"OCOP-{n:06d}")
    price_currency = "VND"
    price = Decimal("150000")
    num_in_stock = 20


class CertificateFactory(factory.django.DjangoModelFactory):
    """A current OCOP certificate: 75 points under the 2023 set (4★), decided a month ago.

    ``stars`` and ``valid_until`` are left to the model. The council level defaults to one that
    may award the resulting stars on the decision date.
    """

    class Meta:
        model = OcopCertificate

    product = factory.SubFactory(ProductFactory)
    criteria_set = "2023"
    score = Decimal("75")
    decision_date = factory.LazyFunction(recent_decision_date)
    council_level = factory.LazyAttribute(
        lambda o: council_level_for(
            criteria_set=o.criteria_set, score=o.score, decision_date=o.decision_date
        )
    )
    decision_number = factory.Sequence(lambda n: f"{n + 100}/QĐ-UBND")
    issuing_body = "UBND tỉnh Bắc Giang"


def certificate_for_stars(product, stars: int, **kwargs) -> OcopCertificate:
    """A certificate for ``product`` whose score falls inside the ``stars`` band."""
    criteria_set, score = SCORE_FOR_STARS[stars]
    kwargs.setdefault("criteria_set", criteria_set)
    kwargs.setdefault("score", score)
    return CertificateFactory(product=product, **kwargs)


def listed_product(
    stars: int = 5, *, num_in_stock: int = 20, price: Decimal | None = None, **product_kwargs
):
    """A product with stock and a current certificate of ``stars`` stars.

    Despite the name, the storefront lists it only when ``stars`` ≥ 3: that is what tests of the
    gate check. The certificate is ``product.certificates.get()``.
    """
    product = ProductFactory(**product_kwargs)
    stock = {"num_in_stock": num_in_stock}
    if price is not None:
        stock["price"] = price
    StockRecordFactory(product=product, **stock)
    certificate_for_stars(product, stars)
    return product


def product_in_state(state: str, **product_kwargs):
    """A product with stock whose OCOP situation is ``state`` (one of :data:`PRODUCT_STATES`).

    ``unrated`` has no certificate; ``expired`` had a 4★ one decided four years ago; ``revoked``
    had a current 5★ one, revoked through the service.
    """
    from catalog import services  # the service imports the models: load it once Django runs

    if state not in PRODUCT_STATES:
        raise ValueError(f"unknown product state {state!r}; use one of {PRODUCT_STATES}")
    if state.endswith("_star"):
        return listed_product(int(state[0]), **product_kwargs)
    product = ProductFactory(**product_kwargs)
    StockRecordFactory(product=product)
    if state == "expired":
        decided = timezone.localdate() - timedelta(days=4 * 365)
        criteria = ocop.criteria_set_in_force(decided)
        certificate = CertificateFactory(
            product=product,
            criteria_set=criteria.code,
            score=Decimal("80"),
            decision_date=decided,
        )
        assert certificate.valid_until < timezone.localdate()
    elif state == "revoked":
        certificate = certificate_for_stars(product, 5)
        services.certificate_revoke(
            certificate=certificate, reason="Không duy trì chất lượng sau kiểm tra."
        )
    return product


def searchable_product(
    title: str,
    *,
    stars: int = 4,
    group: str = "Thực phẩm",
    district: str | None = None,
    price: Decimal | None = None,
    producer_kind: str | None = None,
    **product_kwargs,
):
    """A listed product (see :func:`listed_product`) in the root category ``group`` and, when
    given, a commune of the district named ``district`` (made or reused by name)."""
    from oscar.core.loading import get_model as _get_model

    from marketplace.demo.loader import ascii_slug

    product_category = _get_model("catalogue", "ProductCategory")
    category = Category.objects.filter(depth=1, name=group).first()
    if category is None:
        category = CategoryFactory(name=group)
    if district is not None or producer_kind is not None:
        producer_kwargs = {}
        if district is not None:
            place, _ = District.objects.get_or_create(
                name=district, defaults={"slug": ascii_slug(district)}
            )
            producer_kwargs["commune"] = CommuneFactory(district=place)
        if producer_kind is not None:
            producer_kwargs["kind"] = producer_kind
        product_kwargs["producer"] = ProducerFactory(**producer_kwargs)
    product = listed_product(stars, title=title, price=price, **product_kwargs)
    product_category.objects.create(product=product, category=category)
    return product


class ShowroomFactory(factory.django.DjangoModelFactory):
    """An OCOP showroom point (a :class:`catalog.models.Place` of kind ``showroom``)."""

    class Meta:
        model = get_model("catalogue", "Place")

    kind = "showroom"
    name = factory.Sequence(lambda n: f"Điểm bán OCOP {n}")
    slug = factory.Sequence(lambda n: f"diem-ban-ocop-{n}")
    district = factory.SubFactory(DistrictFactory)
    address = "Thị trấn Chũ"


def pdf_bytes(pages: int = 1) -> bytes:
    """A real PDF (blank A4 pages written by pypdf), as a scanned decision would be."""
    import io  # local: only the upload tests need these

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png_bytes(width: int = 400, height: int = 300) -> bytes:
    """A real PNG of ``width``×``height`` made by Pillow in memory."""
    import io  # local: only the upload tests need these

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()
