"""Loads the Bắc Giang demo dataset (:mod:`marketplace.demo.data`) into the database.

:func:`demo_data_load` is idempotent: every row is found by its natural key (slugs, SKUs,
decision numbers, usernames) before it is created, pictures are drawn only for products and
producers that have none, and the whole load runs in one transaction. Certificates go through
:func:`catalog.services.certificate_record` with the council check on, so the demo data obeys
the same OCOP rules as the dashboards.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.sites.models import Site as DjangoSite
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_supported_language_variant
from oscar.core.loading import get_model
from wagtail.models import Locale, Page
from wagtail.models import Site as WagtailSite

from catalog import ocop, selectors, services
from cms.models import HomePage
from marketplace.demo import calendar as demo_calendar
from marketplace.demo import data
from marketplace.demo import images as demo_images
from marketplace.demo.batches import demo_batches_load
from marketplace.demo.booth_pickup import demo_booth_pickup_load
from marketplace.demo.credentials import demo_credentials_load
from marketplace.demo.english import demo_english_load, demo_english_missing
from marketplace.demo.fairs import demo_fairs_load
from marketplace.demo.fulfilment import demo_fulfilment_load
from marketplace.demo.records import demo_records_load
from marketplace.demo.search import search_demo_load
from marketplace.demo.seasons import demo_seasons_load
from marketplace.demo.shopper import demo_shopper_load
from marketplace.demo.trade import demo_trade_load
from marketplace.demo.trust import demo_trust_load
from marketplace.demo.website import website_load
from producers.models import StockMovement
from producers.services import online_record, stock_move, stock_transfer

District = get_model("catalogue", "District")
Commune = get_model("catalogue", "Commune")
Place = get_model("catalogue", "Place")
Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Producer = get_model("partner", "Producer")
StockRecord = get_model("partner", "StockRecord")

CommuneKey = tuple[str, str]
_D_TO_ASCII = str.maketrans({"đ": "d", "Đ": "D"})


@dataclass
class DemoSummary:
    """What the database holds after a load, and what this run added."""

    today: date
    districts: int = 0
    communes: int = 0
    groups: int = 0
    categories: int = 0
    producers: int = 0
    producer_kinds: int = 0
    products: int = 0
    listed: int = 0
    listed_by_stars: dict[int, int] = field(default_factory=dict)
    not_listed: list[str] = field(default_factory=list)
    certificates: int = 0
    certificates_by_set: dict[str, int] = field(default_factory=dict)
    showrooms: int = 0
    villages: int = 0
    created: Counter = field(default_factory=Counter)
    #: Extra demo logins from feature loaders (e.g. the programme office's), printed with the rest.
    extra_lines: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as short lines for the console."""
        stars = ", ".join(
            f"{n}★ {self.listed_by_stars[n]}" for n in sorted(self.listed_by_stars, reverse=True)
        )
        sets = ", ".join(
            f"{code} set {count}" for code, count in sorted(self.certificates_by_set.items())
        )
        created = ", ".join(f"{count} {what}" for what, count in sorted(self.created.items()))
        return [
            f"  {self.districts} districts, {self.communes} communes; {self.groups} OCOP groups "
            f"({self.categories} categories in all)",
            f"  {self.producers} producers ({self.producer_kinds} kinds), "
            f"{self.products} products, {self.certificates} certificates ({sets})",
            f"  {self.showrooms} showroom points, {self.villages} tourism villages",
            f"  listed on {self.today.isoformat()}: {self.listed} ({stars})",
            f"  not listed: {len(self.not_listed)}: " + "; ".join(self.not_listed),
            f"  created by this run: {created or 'nothing (already loaded)'}",
        ]


def ascii_slug(text: str) -> str:
    """An ASCII slug for Vietnamese text (``Đồ uống`` → ``do-uong``; đ is not decomposable)."""
    return slugify(text.translate(_D_TO_ASCII))


def ean13(sku: str) -> str:
    """A stable EAN-13 barcode for a demo SKU: Vietnam's GS1 prefix, nine digits, a check."""
    body = f"{data.GS1_PREFIX_VIETNAM}{zlib.crc32(sku.encode()) % 10**9:09d}"
    total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(body))
    return body + str((10 - total % 10) % 10)


def demo_data_check() -> None:
    """Check the dataset against itself and the OCOP rules; raise ``ValueError`` if it is wrong.

    Catches typos in keys (a product naming an unknown producer, a producer in an unknown
    commune) and decisions that a council could not have taken, before anything is written.
    """
    communes = {(d.slug, c.name) for d in data.DISTRICTS for c in d.communes}
    subgroups = {s.slug for g in data.GROUPS for s in g.subgroups}
    producers = {p.slug: p for p in data.PRODUCERS}
    errors: list[str] = []
    for decision in data.DECISIONS:
        in_force = ocop.criteria_set_in_force(decision.decision_date).code
        if in_force != decision.criteria_set:
            errors.append(
                f"{decision.key}: criteria set {decision.criteria_set}, in force then: {in_force}"
            )
    if len({d.number for d in data.DECISIONS}) != len(data.DECISIONS):
        errors.append("decision numbers are not unique")
    for producer in data.PRODUCERS:
        if (producer.district, producer.commune) not in communes:
            errors.append(f"{producer.slug}: unknown commune {producer.commune}")
    for place in data.PLACES:
        if (place.district, place.commune) not in communes:
            errors.append(f"{place.slug}: unknown commune {place.commune}")
    errors += geography_check()
    for item in data.PRODUCTS:
        if item.producer not in producers:
            errors.append(f"{item.sku}: unknown producer {item.producer}")
        if item.subgroup not in subgroups:
            errors.append(f"{item.sku}: unknown subgroup {item.subgroup}")
        if item.origin and item.origin not in communes:
            errors.append(f"{item.sku}: unknown origin {item.origin}")
        for line in item.certificates:
            decision = data.DECISIONS_BY_KEY.get(line.decision)
            if decision is None:
                errors.append(f"{item.sku}: unknown decision {line.decision}")
                continue
            stars = ocop.stars_for_score(line.score, ocop.criteria_set_for(decision.criteria_set))
            try:
                ocop.check_award(
                    stars=stars, level=decision.council_level, decision_date=decision.decision_date
                )
            except ocop.OcopRuleError as error:
                errors.append(f"{item.sku} in {decision.key}: {error}")
    for name, values in (
        ("SKU", [p.sku for p in data.PRODUCTS]),
        ("UPC", [ean13(p.sku) for p in data.PRODUCTS]),
        ("producer slug", list(producers)),
        ("place slug", [p.slug for p in data.PLACES]),
    ):
        duplicates = {v for v in values if values.count(v) > 1}
        if duplicates:
            errors.append(f"duplicate {name}: {', '.join(sorted(duplicates))}")
    errors += [f"no English for {what}" for what in demo_english_missing()]
    if errors:
        raise ValueError("Demo data is inconsistent:\n  " + "\n  ".join(errors))


def demo_data_load(
    *, images: bool = True, image_size: int = 800, today: date | None = None
) -> DemoSummary:
    """Load (or top up) the Bắc Giang demo dataset and return a summary.

    ``images=False`` skips drawing product pictures and producer logos (tests use it to stay
    fast); ``image_size`` is the side of a product picture in pixels (logos get two fifths of
    it). ``today`` is the date on which the summary counts listed products and past-date
    certificates are marked expired (the local date when omitted).
    """
    today = today or timezone.localdate()
    demo_data_check()
    created: Counter = Counter()
    with transaction.atomic():
        communes = _load_geography(created)
        subgroups = _load_categories(created)
        product_classes = _load_product_classes(created)
        admin = _load_admin(created)
        producers = _load_producers(
            communes, created, images=images, logo_size=max(64, image_size * 2 // 5)
        )
        producer_user = _load_producer_user(producers[data.LYCHEE_COOPERATIVE_SLUG], created)
        _load_products(
            producers,
            communes,
            subgroups,
            product_classes,
            created,
            images=images,
            image_size=image_size,
            revoked_by=admin,
            today=today,
        )
        # What a nightly job does: certificates past their date are recorded as expired.
        created["certificates marked expired"] += services.certificates_expire(today=today)
        record_lines = demo_records_load(
            producer=producers[data.LYCHEE_COOPERATIVE_SLUG],
            producer_user=producer_user,
            created=created,
        )
        record_lines += demo_credentials_load(
            created=created, by=admin, producer_user=producer_user, today=today
        )
        _load_places(communes, created)
        demo_english_load(created=created)
        _load_showroom_stock(created, by=admin)
        _load_website(
            _load_home_page(created), created, images=images, image_size=image_size, today=today
        )
        demo_fairs_load(created=created, images=images)
        demo_booth_pickup_load(by=admin)
        _load_django_site()

        record_lines += demo_shopper_load(created=created)

        record_lines += demo_fulfilment_load(created=created)
        demo_trade_load(producer_user=producer_user, created=created, today=today)
        record_lines += demo_batches_load(created=created, today=today)
        record_lines += demo_seasons_load(created=created, today=today)
    # Search: index the catalogue as it stands once everything above has committed.

    search_demo_load()
    summary = demo_data_summary(today=today)
    summary.created = +created
    summary.extra_lines = record_lines
    return summary


def demo_data_summary(*, today: date) -> DemoSummary:
    """Count what the demo dataset put in the database, as the storefront sees it on ``today``."""
    skus = [item.sku for item in data.PRODUCTS]
    demo_products = Product.objects.filter(code__in=skus)
    listed = selectors.product_listed_queryset(today=today, queryset=demo_products)
    listed_stars = Counter(listed.values_list(selectors.STARS_ATTR, flat=True))
    listed_pks = set(listed.values_list("pk", flat=True))
    not_listed = [
        f"{product.title} ({_why_not_listed(product, today=today)})"
        for product in demo_products.exclude(pk__in=listed_pks).order_by("title")
    ]
    certificates = OcopCertificate.objects.filter(product__in=demo_products)
    return DemoSummary(
        today=today,
        districts=District.objects.count(),
        communes=Commune.objects.count(),
        groups=Category.get_root_nodes().count(),
        categories=Category.objects.count(),
        producers=Producer.objects.count(),
        producer_kinds=Producer.objects.values("kind").distinct().count(),
        products=demo_products.count(),
        listed=len(listed_pks),
        listed_by_stars=dict(listed_stars),
        not_listed=not_listed,
        certificates=certificates.count(),
        certificates_by_set=dict(Counter(certificates.values_list("criteria_set", flat=True))),
        showrooms=Place.objects.filter(kind=Place.Kind.SHOWROOM).count(),
        villages=Place.objects.filter(kind=Place.Kind.VILLAGE).count(),
    )


def _why_not_listed(product, *, today: date) -> str:
    """A few words on why ``product`` is not listed on ``today``."""
    if not product.is_public:
        return "not public"
    latest = product.certificates.order_by("-decision_date", "-pk").first()
    if latest is None:
        return "unrated"
    stars = f"{latest.stars}★" if latest.stars else f"{latest.score} points, no star"
    status = latest.status_on(today)
    if status is ocop.CertificateStatus.VALID:
        return f"{stars}, below {ocop.MIN_LISTED_STARS}★"
    if status is ocop.CertificateStatus.EXPIRED:
        return f"{stars}, expired after {latest.valid_until.isoformat()}"
    return f"{stars}, {status.value}"


def geography_check() -> list[str]:
    """Why the dated geography of the dataset is wrong (empty: it is right): every commune of
    the three-level era names the unit it became, that unit is one of :data:`data.NEW_COMMUNES`,
    and it lies in the same former district's area; no new unit is left without a predecessor
    (it would be a unit the demo never uses)."""
    errors: list[str] = []
    new_units = {unit.key: unit for unit in data.NEW_COMMUNES}
    if len(new_units) != len(data.NEW_COMMUNES):
        errors.append("new communes are not unique")
    used: set[str] = set()
    for district in data.DISTRICTS:
        for commune in district.communes:
            label = f"{commune.kind} {commune.name} ({district.slug})"
            unit = new_units.get(commune.becomes)
            if not commune.becomes:
                errors.append(f"{label}: no successor after {data.NEW_UNITS_FROM}")
            elif unit is None:
                errors.append(f"{label}: unknown successor {commune.becomes}")
            elif unit.area != district.slug:
                errors.append(f"{label}: successor {unit.key} lies in {unit.area}")
            used.add(commune.becomes)
    for key in sorted(set(new_units) - used):
        errors.append(f"{key}: no demo commune became it")
    return errors


def _load_geography(created: Counter) -> dict[CommuneKey, Commune]:
    """Districts and their communes, keyed by (district slug, commune name); the communes and
    wards in force from 1 July 2025, and each former commune's successor among them.

    The former units end on 30/06/2025; the new ones carry the province that took over the
    area (Bắc Ninh) and, as ``district``, the former district's area they lie in."""
    communes: dict[CommuneKey, Commune] = {}
    last_day = data.NEW_UNITS_FROM - timedelta(days=1)
    districts: dict[str, District] = {}
    for item in data.DISTRICTS:
        district, new = District.objects.update_or_create(
            slug=item.slug,
            defaults={
                "name": item.name,
                "kind": item.kind,
                "province": "bac-giang",
                "valid_until": last_day,
            },
        )
        created["districts"] += new
        districts[item.slug] = district
    successors: dict[str, Commune] = {}
    for unit in data.NEW_COMMUNES:
        successors[unit.key], new = Commune.objects.update_or_create(
            district=districts[unit.area],
            name=unit.name,
            valid_from=data.NEW_UNITS_FROM,
            defaults={"kind": unit.kind, "province": "bac-ninh", "valid_until": None},
        )
        created["communes"] += new
    for item in data.DISTRICTS:
        for commune_item in item.communes:
            commune, new = Commune.objects.update_or_create(
                district=districts[item.slug],
                name=commune_item.name,
                valid_from=None,
                defaults={
                    "kind": commune_item.kind,
                    "province": "bac-giang",
                    "valid_until": last_day,
                    "successor": successors[commune_item.becomes],
                },
            )
            created["communes"] += new
            communes[(item.slug, commune_item.name)] = commune
    return communes


def _load_categories(created: Counter) -> dict[str, tuple[Category, data.GroupData]]:
    """The six OCOP groups as root categories, in order, with their subgroups."""
    subgroups: dict[str, tuple[Category, data.GroupData]] = {}
    for group in data.GROUPS:
        root = Category.get_root_nodes().filter(slug=group.slug).first()
        if root is None:
            root = Category.add_root(
                name=group.name, slug=group.slug, description=group.description
            )
            created["categories"] += 1
        for item in group.subgroups:
            child = root.get_children().filter(slug=item.slug).first()
            if child is None:
                child = root.add_child(name=item.name, slug=item.slug)
                created["categories"] += 1
            subgroups[item.slug] = (child, group)
    return subgroups


def _load_product_classes(created: Counter) -> dict[str, ProductClass]:
    """Oscar product classes: goods (stock tracked, shipped) and tourism services."""
    classes: dict[str, ProductClass] = {}
    for item in data.PRODUCT_CLASSES:
        product_class, new = ProductClass.objects.update_or_create(
            slug=item.slug,
            defaults={
                "name": item.name,
                "track_stock": item.track_stock,
                "requires_shipping": item.requires_shipping,
            },
        )
        created["product classes"] += new
        classes[item.slug] = product_class
    return classes


def _load_admin(created: Counter):
    """The staff superuser of the demo, with its documented password."""
    user, new = get_user_model().objects.get_or_create(
        username=data.ADMIN_USERNAME, defaults={"email": data.ADMIN_EMAIL}
    )
    created["users"] += new
    user.email = data.ADMIN_EMAIL
    user.first_name, user.last_name = "Quản trị", "OCOP Bắc Giang"
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(data.ADMIN_PASSWORD)  # the demo logins are printed: keep them true
    user.save()
    return user


def _load_producer_user(producer: Producer, created: Counter):
    """A producer's login: not staff, a user of the producer's partner, with dashboard access."""
    user, new = get_user_model().objects.get_or_create(
        username=data.PRODUCER_USERNAME, defaults={"email": data.PRODUCER_EMAIL}
    )
    created["users"] += new
    user.email = data.PRODUCER_EMAIL
    family, _, given = producer.contact_name.rpartition(" ")
    user.first_name, user.last_name = given, family
    user.is_staff = user.is_superuser = False
    user.is_active = True
    user.set_password(data.PRODUCER_PASSWORD)
    user.save()
    producer.partner.users.add(user)
    # No Oscar dashboard access: Oscar shows a partner user every line of an order that touches
    # their partner (../shared/NOTES.md). The producer dashboard issue gives producers their own.
    user.user_permissions.remove(
        *Permission.objects.filter(content_type__app_label="partner", codename="dashboard_access")
    )
    return user


def _load_producers(
    communes: dict[CommuneKey, Commune], created: Counter, *, images: bool, logo_size: int
) -> dict[str, Producer]:
    """Producers and their Oscar partners (same name; the partner code is the slug)."""
    producers: dict[str, Producer] = {}
    for item in data.PRODUCERS:
        partner, new = Partner.objects.update_or_create(
            code=item.slug, defaults={"name": item.name}
        )
        created["partners"] += new
        producer, new = Producer.objects.update_or_create(
            slug=item.slug,
            defaults={
                "partner": partner,
                "name": item.name,
                "kind": item.kind,
                "commune": communes[(item.district, item.commune)],
                "story": item.story,
                "contact_name": item.contact_name,
                "phone": item.phone,
                "email": item.email,
                "address": item.address,
            },
        )
        created["producers"] += new
        if images and not producer.logo:
            logo = demo_images.producer_logo_bytes(name=item.name, key=item.slug, size=logo_size)
            producer.logo.save(f"{item.slug}.png", ContentFile(logo), save=True)
            created["producer logos"] += 1
        producers[item.slug] = producer
    return producers


def _load_products(
    producers: dict[str, Producer],
    communes: dict[CommuneKey, Commune],
    subgroups: dict[str, tuple[Category, data.GroupData]],
    product_classes: dict[str, ProductClass],
    created: Counter,
    *,
    images: bool,
    image_size: int,
    revoked_by,
    today: date,
) -> None:
    """Products with their category, stock record, picture and OCOP certificates."""
    for item in data.PRODUCTS:
        producer = producers[item.producer]
        category, group = subgroups[item.subgroup]
        class_data = (
            data.PRODUCT_CLASS_SERVICE
            if group.slug == data.SERVICE_GROUP_SLUG
            else data.PRODUCT_CLASS_GOODS
        )
        origin = communes[item.origin] if item.origin else producer.commune
        product, new = Product.objects.update_or_create(
            code=item.sku,
            defaults={
                "upc": ean13(item.sku),
                "title": item.title,
                "slug": ascii_slug(item.title),
                "description": item.description,
                "structure": Product.STANDALONE,
                "product_class": product_classes[class_data.slug],
                "is_public": True,
                "producer": producer,
                "origin_commune": origin,
                "priority": item.priority,
            },
        )
        created["products"] += new
        _, new = ProductCategory.objects.get_or_create(product=product, category=category)
        created["product categories"] += new
        _load_stock_record(product, producer, item, created)
        if images and not product.images.exists():
            picture = demo_images.product_image_bytes(
                title=item.title,
                shape=group.shape,
                seed=item.sku,
                size=image_size,
            )
            image = ProductImage(product=product, display_order=0, caption=item.title)
            image.original.save(
                f"{item.sku.lower()}-{product.slug}.jpg", ContentFile(picture), save=False
            )
            image.save()
            created["product images"] += 1
        _load_certificates(product, item, created, revoked_by=revoked_by, today=today)


def _load_stock_record(
    product: Product, producer: Producer, item: data.ProductData, created: Counter
) -> None:
    """The producer's stock record: price follows the data, stock is received once, when the
    record is made, as a ledger movement of the online warehouse (orders placed while
    demonstrating move it, and a reload should not undo them)."""

    price = Decimal(item.price)
    record, new = StockRecord.objects.get_or_create(
        partner=producer.partner,
        partner_sku=item.sku,
        defaults={"product": product, "price": price, "price_currency": "VND", "num_in_stock": 0},
    )
    created["stock records"] += new
    if new and item.stock > 0:
        stock_move(
            product=product,
            place=None,
            quantity=item.stock,
            kind=StockMovement.Kind.RECEIVED,
            note="Nhập kho ban đầu (dữ liệu mẫu)",
        )
        record.refresh_from_db()
    if not new and (
        record.price != price or record.price_currency != "VND" or record.product_id != product.pk
    ):
        record.price, record.price_currency, record.product = price, "VND", product
        record.save(update_fields=["price", "price_currency", "product", "date_updated"])


def _load_certificates(
    product: Product, item: data.ProductData, created: Counter, *, revoked_by, today: date
) -> None:
    """Record each decision on ``product`` once (keyed by decision number) and revoke as told;
    loaded after AS_OF, add the re-evaluation that keeps the product as it stood then
    (:mod:`marketplace.demo.calendar`)."""
    renewal = demo_calendar.renewal_for(item, today=today)
    if (
        renewal is not None
        and not OcopCertificate.objects.filter(
            product=product, decision_number=renewal.decision.number
        ).exists()
    ):
        decision = renewal.decision
        services.certificate_record(
            product=product,
            criteria_set=decision.criteria_set,
            score=renewal.score,
            council_level=decision.council_level,
            decision_number=decision.number,
            decision_date=decision.decision_date,
            issuing_body=decision.issuing_body,
            valid_until=renewal.valid_until,
            check_council=True,
        )
        created["certificates (re-evaluations after AS_OF)"] += 1
    for line in item.certificates:
        decision = data.DECISIONS_BY_KEY[line.decision]
        certificate = OcopCertificate.objects.filter(
            product=product, decision_number=decision.number
        ).first()
        if certificate is None:
            certificate = services.certificate_record(
                product=product,
                criteria_set=decision.criteria_set,
                score=line.score,
                council_level=decision.council_level,
                decision_number=decision.number,
                decision_date=decision.decision_date,
                issuing_body=decision.issuing_body,
                check_council=True,
            )
            created["certificates"] += 1
        if line.revoked_reason and certificate.status != ocop.CertificateStatus.REVOKED:
            services.certificate_revoke(
                certificate=certificate, reason=line.revoked_reason, by=revoked_by
            )
            created["certificates revoked"] += 1


def _load_places(communes: dict[CommuneKey, Commune], created: Counter) -> None:
    """The six OCOP showroom points and the three eco-tourism culture villages."""
    for item in data.PLACES:
        commune = communes[(item.district, item.commune)]
        _, new = Place.objects.update_or_create(
            slug=item.slug,
            defaults={
                "kind": item.kind,
                "name": item.name,
                "district": commune.district,
                "commune": commune,
                "address": item.address,
                "latitude": Decimal(item.latitude),
                "longitude": Decimal(item.longitude),
                "phone": item.phone,
                "opening_hours": item.opening_hours,
                "description": item.description,
            },
        )
        created["places"] += new


def _load_showroom_stock(created: Counter, *, by) -> None:
    """Consign stock to the six showroom points: each holds the listed products made in its own
    district, and every showroom holds the three national 5★ products. Made once per
    product and place (a place's ledger is never rewritten by a reload)."""

    listed = list(
        selectors.product_listed_queryset(
            queryset=Product.objects.filter(code__in=[item.sku for item in data.PRODUCTS])
        ).select_related("origin_commune")
    )
    five_star = [p for p in listed if getattr(p, selectors.STARS_ATTR) == 5]
    for place in Place.objects.filter(kind=Place.Kind.SHOWROOM):
        local = [p for p in listed if p.origin_commune.district_id == place.district_id]
        for index, product in enumerate(dict.fromkeys(local + five_star)):
            if StockMovement.objects.filter(product=product, place=place).exists():
                continue
            quantity = 6 + (index * 7) % 19
            # Consignments leave the producer's online warehouse: a small stock there is
            # topped up first, so the warehouse still has some to sell online.
            if online_record(product).net_stock_level < 2 * quantity:
                stock_move(
                    product=product,
                    place=None,
                    quantity=quantity,
                    kind=StockMovement.Kind.RECEIVED,
                    note="Nhập kho để ký gửi (dữ liệu mẫu)",
                    by=by,
                )
            stock_transfer(
                product=product,
                source=None,
                target=place,
                quantity=quantity,
                note="Ký gửi ban đầu (dữ liệu mẫu)",
                by=by,
            )
            created["showroom stock movements"] += 1


def _load_home_page(created: Counter):
    """The Wagtail front page at the site root, replacing Wagtail's "Welcome" page once.

    An existing :class:`cms.models.HomePage` is left as editors left it.
    """

    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    elif root.locale_id != locale.pk:
        Page.objects.filter(pk=root.pk).update(locale=locale)
        root.refresh_from_db()
    home = HomePage.objects.child_of(root).filter(locale=locale).first()
    if home is None:
        slug = "home"
        welcome = root.get_children().filter(slug=slug).first()
        if welcome is not None:
            if welcome.specific_class is Page and welcome.is_leaf():
                # Wagtail's "Welcome to your new Wagtail site!": free its slug now, delete it
                # once its Site points at the new page (deleting it first would delete the Site).
                Page.objects.filter(pk=welcome.pk).update(slug=f"wagtail-welcome-{welcome.pk}")
            else:
                slug, welcome = "trang-chu", None
        home = HomePage(
            title=data.HOME_TITLE,
            slug=slug,
            intro=data.HOME_INTRO,
            body=data.HOME_BODY,
            featured_count=data.HOME_FEATURED_COUNT,
            locale=locale,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        created["pages"] += 1
        if welcome is not None:
            WagtailSite.objects.filter(root_page=welcome).update(root_page=home)
            Page.objects.get(pk=welcome.pk).delete()
    site = WagtailSite.objects.filter(is_default_site=True).first()
    if site is None:
        WagtailSite.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=data.SITE_NAME,
        )
        created["Wagtail sites"] += 1
    elif site.root_page_id != home.pk or not site.site_name:
        site.root_page = home
        site.site_name = site.site_name or data.SITE_NAME
        site.save()
    _load_home_translation(home, created)
    return home


def _load_home_translation(home, created: Counter) -> None:
    """The English translation of the front page (served under /en/), made once."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    if home.get_translation_or_none(english) is not None:
        return
    translation = home.copy_for_translation(english)
    translation.title = data.HOME_TITLE
    translation.intro = data.HOME_INTRO_EN
    translation.body = data.HOME_BODY_EN
    translation.save_revision().publish()
    created["pages"] += 1


def _load_website(home, created: Counter, **options) -> None:
    """The website's pages, editorial groups and workflow
    (:func:`marketplace.demo.website.website_load`)."""

    website_load(home=home, created=created, **options)
    demo_trust_load(home=home, created=created)


def _load_django_site() -> None:
    """django.contrib.sites' current site, which Oscar names in its emails."""
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": data.SITE_DOMAIN, "name": data.SITE_NAME}
    )
    DjangoSite.objects.clear_cache()
