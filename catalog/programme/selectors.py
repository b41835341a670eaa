"""Reads for the programme's public records: the certificate registry, its open-data export,
verification by public code, and the progress figures against the scheme's targets, each
measured on its own deadline.

Nothing here writes. Status follows :func:`catalog.ocop.certificate_status`: a certificate past
its date reads as expired even before the daily job has marked it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Min, Q, QuerySet, Sum
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog import credentials, ocop, selectors

OcopCertificate = get_model("catalogue", "OcopCertificate")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
Place = get_model("catalogue", "Place")
ProgrammeRecord = get_model("catalogue", "ProgrammeRecord")

#: Fields of one registry row, in export order (the JSON Schema in
#: ``catalog/static/catalog/registry.schema.json`` documents each).
EXPORT_FIELDS = (
    "code",
    "verification_url",
    "product",
    "product_url",
    "stars",
    "score",
    "criteria_set",
    "council_level",
    "producer",
    "district",
    "commune",
    "group",
    "decision_number",
    "decision_date",
    "issuing_body",
    "valid_until",
    "status",
)


@dataclass(frozen=True)
class RegistryFilters:
    """What a registry visitor filtered on; empty values mean "any"."""

    status: str = "valid"
    stars: int | None = None
    district: str = ""
    group: str = ""
    level: str = ""
    year: int | None = None
    q: str = ""


def status_q(status: str, *, today: date) -> Q:
    """Certificates that read as ``status`` today (:func:`catalog.ocop.certificate_status`)."""
    valid = ocop.CertificateStatus.VALID
    if status == valid:
        return Q(status=valid, valid_until__gte=today)
    if status == ocop.CertificateStatus.EXPIRED:
        return Q(status=ocop.CertificateStatus.EXPIRED) | Q(status=valid, valid_until__lt=today)
    if status == ocop.CertificateStatus.REVOKED:
        return Q(status=ocop.CertificateStatus.REVOKED)
    return Q()


def registry_queryset(*, filters: RegistryFilters, today: date) -> QuerySet:
    """Certificates of the province's products matching ``filters``, newest decision first.

    Only decisions already taken (not post-dated ones) are shown.
    """
    queryset = OcopCertificate.objects.filter(decision_date__lte=today).filter(
        status_q(filters.status, today=today)
    )
    if filters.stars:
        queryset = queryset.filter(stars=filters.stars)
    if filters.district:
        queryset = queryset.filter(product__origin_commune__district__slug=filters.district)
    if filters.level:
        queryset = queryset.filter(council_level=filters.level)
    if filters.year:
        queryset = queryset.filter(decision_date__year=filters.year)
    if filters.q:
        queryset = queryset.filter(
            Q(product__title__icontains=filters.q)
            | Q(decision_number__icontains=filters.q)
            | Q(product__producer__name__icontains=filters.q)
        )
    if filters.group:
        group = Category.objects.filter(depth=1, slug=filters.group).first()
        if group is None:
            return queryset.none()
        queryset = queryset.filter(product__categories__path__startswith=group.path).distinct()
    return queryset.select_related(
        "product__producer", "product__origin_commune__district"
    ).order_by("-decision_date", "-pk")


def product_groups(product_ids) -> dict[int, Category]:
    """Each product's OCOP group (the root of its first category), in two queries."""
    roots = {c.path: c for c in Category.objects.filter(depth=1)}
    steplen = Category.steplen
    groups: dict[int, Category] = {}
    for product_id, path in (
        ProductCategory.objects.filter(product_id__in=list(product_ids))
        .order_by("pk")
        .values_list("product_id", "category__path")
    ):
        root = roots.get(path[:steplen])
        if root is not None:
            groups.setdefault(product_id, root)
    return groups


def listed_product_ids(*, today: date) -> set[int]:
    """Products on sale today (the storefront gate), so rows can link to them."""
    return set(selectors.product_listed_queryset(today=today).values_list("pk", flat=True))


def registry_rows(certificates, *, today: date, base_url: str = "") -> list[dict]:
    """Registry rows (see :data:`EXPORT_FIELDS`) for ``certificates``, in a fixed few queries."""
    certificates = list(certificates)
    groups = product_groups({c.product_id for c in certificates})
    on_sale = listed_product_ids(today=today)
    rows = []
    for c in certificates:
        product = c.product
        commune = product.origin_commune
        group = groups.get(product.pk)
        rows.append(
            {
                "code": c.public_code,
                "verification_url": base_url + c.get_verification_url(),
                "product": product.title,
                "product_url": (base_url + product.get_absolute_url())
                if product.pk in on_sale
                else None,
                "stars": c.stars,
                "score": float(c.score),
                "criteria_set": c.criteria_set,
                "council_level": c.council_level,
                "producer": product.producer.name if product.producer else None,
                "district": commune.district.name if commune else None,
                "commune": commune.name if commune else None,
                "group": group.name if group else None,
                "decision_number": c.decision_number,
                "decision_date": c.decision_date.isoformat(),
                "issuing_body": c.issuing_body,
                "valid_until": c.valid_until.isoformat(),
                "status": str(c.status_on(today)),
            }
        )
    return rows


def certificate_by_code(code: str):
    """The certificate with public ``code`` (normalised), or ``None``."""
    canonical = ocop.normalise_public_code(code or "")
    if canonical is None:
        return None
    return (
        OcopCertificate.objects.select_related(
            "product__producer", "product__origin_commune__district"
        )
        .filter(public_code=canonical)
        .first()
    )


def certificate_state_on(certificate, *, today: date) -> tuple[ocop.CertificateStatus | None, str]:
    """What the verification page says of ``certificate`` on ``today``: its status (``None``
    when it was decided for a later date, so not in force yet) and the label shown. Every page
    that shows a certificate's state to the public (``/xac-minh/``, batch pages) asks this."""
    if certificate.decision_date > today:
        return None, _("Chưa có hiệu lực")
    status = certificate.status_on(today)
    return status, str(certificate.STATUS_LABELS[status])


@dataclass
class Progress:
    """The programme's figures on a day: OCOP products (current rating 3★+) counted many ways."""

    today: date
    total: int = 0
    by_stars: dict[int, int] = field(default_factory=dict)
    by_group: dict[str, int] = field(default_factory=dict)
    by_district: dict[str, int] = field(default_factory=dict)
    by_year: dict[int, int] = field(default_factory=dict)
    by_criteria_set: dict[str, int] = field(default_factory=dict)
    food: int = 0
    five_star: int = 0
    #: Products with industrial-property protection shown today (a geographical indication,
    #: a collective, certification or registered trademark), and those counted by kind.
    protected: int = 0
    protected_by_kind: dict[str, int] = field(default_factory=dict)
    targets: list[dict] = field(default_factory=list)
    #: ``(code, label, count)`` from the apps registered in :data:`PROGRESS_FIGURES`.
    figures: list[tuple[str, str, int]] = field(default_factory=list)

    def table_rows(self) -> list[tuple[str, str, int]]:
        """Every figure as (dimension, key, count) rows, for the CSV export."""
        rows = [("total", "", self.total), ("protected", "", self.protected)]
        rows += [("protected_kind", kind, n) for kind, n in self.protected_by_kind.items()]
        for name, data in (
            ("stars", self.by_stars),
            ("group", self.by_group),
            ("district", self.by_district),
            ("year", self.by_year),
            ("criteria_set", self.by_criteria_set),
        ):
            rows += [(name, str(key), count) for key, count in data.items()]
        rows += [(f"target:{t['code']}", str(t["target"]), t["count"]) for t in self.targets]
        rows += [(code, "", count) for code, _label, count in self.figures]
        return rows


#: Figures other apps add to the progress page. The catalogue imports no other app (pyproject's
#: import contracts), so those apps register a callable here from their ``AppConfig.ready``; each
#: takes ``today`` and returns ``(code, label, count)`` rows (the fairs, in :mod:`cms.apps`).
PROGRESS_FIGURES: list[Callable[[date], list[tuple[str, str, int]]]] = []


def progress_figures_register(source: Callable[[date], list[tuple[str, str, int]]]) -> None:
    """Add ``source`` to :data:`PROGRESS_FIGURES` (once, however often ``ready`` runs)."""
    if source not in PROGRESS_FIGURES:
        PROGRESS_FIGURES.append(source)


def progress_on(*, today: date) -> Progress:
    """Counts of OCOP products today: by stars, group, district, year of decision and criteria
    set, plus every target of :data:`catalog.ocop.TARGETS` measured on its own day.

    A product counts once, by its newest certificate of 3★ or more valid today, whether or not
    the shop lists it (a certified product out of stock, or not sold online, is still an OCOP
    product).
    """
    current: dict[int, tuple] = {}
    for row in (
        certificates_valid_on(today)
        .filter(stars__gte=ocop.MIN_LISTED_STARS)
        .order_by("product_id", "-decision_date", "-pk")
        .values_list(
            "product_id",
            "stars",
            "decision_date",
            "criteria_set",
            "product__origin_commune__district__name",
        )
    ):
        current.setdefault(row[0], row)
    products = [
        (pk, stars_, district_name) for pk, stars_, _d, _c, district_name in current.values()
    ]
    certificates = {pk: row[2] for pk, row in current.items()}
    sets = {pk: row[3] for pk, row in current.items()}
    groups = product_groups(p[0] for p in products)
    progress = Progress(today=today, total=len(products))
    stars, group, district, year, cset = Counter(), Counter(), Counter(), Counter(), Counter()
    for pk, product_stars, district_name in products:
        stars[product_stars] += 1
        root = groups.get(pk)
        group[root.name if root else "—"] += 1
        district[district_name or "—"] += 1
        year[certificates[pk].year] += 1
        cset[sets[pk]] += 1
        if root is not None and root.slug == ocop.FOOD_GROUP_SLUG:
            progress.food += 1
    progress.by_stars = {s: stars.get(s, 0) for s in (5, 4, 3)}
    progress.by_group = dict(sorted(group.items(), key=lambda kv: (-kv[1], kv[0])))
    progress.by_district = dict(sorted(district.items(), key=lambda kv: (-kv[1], kv[0])))
    progress.by_year = dict(sorted(year.items()))
    progress.by_criteria_set = dict(sorted(cset.items()))
    progress.five_star = stars.get(5, 0)
    _count_protected(progress, product_ids=set(current), today=today)
    progress.targets = targets_on(today=today)
    progress.figures = [row for source in PROGRESS_FIGURES for row in source(today)]
    return progress


def _count_protected(progress: Progress, *, product_ids: set[int], today: date) -> None:
    """Fill ``progress.protected``: the OCOP products among ``product_ids`` with
    industrial-property protection on ``today``
    (:data:`catalog.credentials.INDUSTRIAL_PROPERTY_KINDS`), in total and by kind."""
    rows = (
        selectors.credentials_shown_queryset(today=today)
        .filter(
            product_id__in=list(product_ids),
            kind__in=[k.value for k in credentials.INDUSTRIAL_PROPERTY_KINDS],
        )
        .values_list("product_id", "kind")
        .distinct()
    )
    by_kind: dict[str, set[int]] = {}
    for product_id, kind in rows:
        by_kind.setdefault(kind, set()).add(product_id)
    progress.protected = len(set().union(*by_kind.values())) if by_kind else 0
    progress.protected_by_kind = {
        str(info.label): len(by_kind[kind])
        for kind, info in credentials.KINDS.items()
        if kind in by_kind
    }


# --- The scheme's targets, each measured on its own day --------------------------------------

#: Producers that count as new enterprises or cooperatives (``Producer.Kind`` values).
ORGANISATION_KINDS = ("cooperative", "enterprise")


def certificates_valid_on(day: date) -> QuerySet:
    """Certificates in force on ``day``: decided by then, not lapsed, not yet revoked then.

    Status is read as of ``day``: a certificate revoked later still counts on an earlier day."""
    revoked_by_then = Q(status=ocop.CertificateStatus.REVOKED) & (
        Q(revoked_at__isnull=True) | Q(revoked_at__date__lte=day)
    )
    return OcopCertificate.objects.filter(
        decision_date__lte=day, valid_until__gte=day, stars__isnull=False
    ).exclude(revoked_by_then)


def certified_product_ids(
    *, day: date, min_stars: int = ocop.MIN_LISTED_STARS, level: str = ""
) -> set[int]:
    """Products holding a certificate of ``min_stars`` or more (at ``level``) valid on ``day``,
    whether or not the shop lists them."""
    queryset = certificates_valid_on(day).filter(stars__gte=min_stars)
    if level:
        queryset = queryset.filter(council_level=level)
    return set(queryset.values_list("product_id", flat=True))


def latest_record_count(*, kind: str, day: date) -> int | None:
    """The latest figure of ``kind`` staff recorded on or before ``day``."""
    record = ProgrammeRecord.objects.filter(kind=kind, on__lte=day).order_by("-on", "-pk").first()
    return record.count if record else None


def target_value(target: ocop.Target, *, day: date) -> int | None:
    """What ``target`` counts on ``day`` (``None``: a figure staff have not recorded yet)."""
    measure = ocop.TargetMeasure
    central = ocop.CouncilLevel.CENTRAL
    if target.measure == measure.CERTIFIED:
        return len(certified_product_ids(day=day))
    if target.measure == measure.CERTIFIED_FOOD:
        ids = certified_product_ids(day=day)
        return sum(1 for g in product_groups(ids).values() if g.slug == ocop.FOOD_GROUP_SLUG)
    if target.measure == measure.FIVE_STAR:
        return len(certified_product_ids(day=day, min_stars=5, level=central))
    if target.measure == measure.NEW_FIVE_STAR:
        holders = certified_product_ids(day=day, min_stars=5, level=central)
        earlier = set(
            OcopCertificate.objects.filter(
                product_id__in=holders,
                stars=5,
                council_level=central,
                decision_date__lt=target.since,
            ).values_list("product_id", flat=True)
        )
        return len(holders - earlier)
    if target.measure == measure.NEW_ORGANISATIONS:
        firsts = (
            OcopCertificate.objects.filter(product__producer__kind__in=ORGANISATION_KINDS)
            .values("product__producer")
            .annotate(first=Min("decision_date"))
            .filter(first__gte=target.since, first__lte=day)
        )
        return firsts.count()
    if target.measure == measure.STANDARDISED_SHARE:
        return ocop.share_percent(
            part=len(certified_product_ids(day=day)),
            whole=latest_record_count(kind=ProgrammeRecord.Kind.EXISTING_PRODUCTS, day=day),
        )
    if target.measure == measure.TRAINED_SHARE:
        attended = (
            ProgrammeRecord.objects.filter(
                kind=ProgrammeRecord.Kind.TRAINING, on__gte=target.since, on__lte=day
            ).aggregate(n=Sum("count"))["n"]
            or 0
        )
        return ocop.share_percent(
            part=attended,
            whole=latest_record_count(kind=ProgrammeRecord.Kind.PEOPLE_TO_TRAIN, day=day),
        )
    if target.measure == measure.VILLAGES:
        # Places carry no opening date: a 2030 target counts the places recorded today.
        return Place.objects.filter(kind=Place.Kind.VILLAGE).count()
    if target.measure == measure.SHOWROOMS:
        return Place.objects.filter(kind=Place.Kind.SHOWROOM).count()
    raise ValueError(f"unknown measure {target.measure}")


def targets_on(*, today: date) -> list[dict]:
    """Every target of :data:`catalog.ocop.TARGETS` as seen on ``today``: a past deadline's
    figure on that deadline (met or missed), a future one's figure today (progress to date)."""
    rows = []
    for target in ocop.TARGETS:
        day = ocop.target_measured_on(target, today=today)
        value = target_value(target, day=day)
        status = ocop.target_status(target, value=value, today=today)
        rows.append(
            {
                "code": target.code,
                "label": str(target.label),
                "deadline": target.deadline,
                "measured_on": day,
                "target": target.minimum,
                "maximum": target.maximum,
                "unit": "%" if target.percent else "",
                "count": value,
                "status": str(status),
                "percent": ocop.target_progress(count=value or 0, target=target.minimum),
            }
        )
    return rows
