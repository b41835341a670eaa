"""Products, their OCOP certificates, and the geography they come from.

Geography is data (districts and communes are merged and renamed by the state), so districts,
communes, showrooms and tourism villages are rows, not constants.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractCategory, AbstractProduct

from catalog import bilingual, credentials, geography, ocop, traceability

#: Help text of every optional English field (the fallback rule is :mod:`catalog.bilingual`).
ENGLISH_HELP = _(
    "Hiện trên trang tiếng Anh (/en/); để trống thì trang tiếng Anh dùng bản tiếng Việt."
)


def localized(vietnamese: str | None, english: str | None) -> str:
    """The text the reader of the active language sees (:func:`catalog.bilingual.in_language`)."""
    return bilingual.in_language(vietnamese, english, language=get_language())


def english_name_field(max_length: int) -> models.CharField:
    """An optional English name or title beside a Vietnamese one."""
    return models.CharField(
        _("tên tiếng Anh (không bắt buộc)"),
        max_length=max_length,
        blank=True,
        help_text=ENGLISH_HELP,
    )


def english_text_field(label) -> models.TextField:
    """An optional English description beside a Vietnamese one."""
    return models.TextField(label, blank=True, help_text=ENGLISH_HELP)


class District(models.Model):
    """A district-level unit (huyện, thị xã, thành phố) of Bắc Giang province.

    District-level units were abolished on 1 July 2025 (``valid_until`` 30/06/2025). The rows
    stay: certificates and decisions keep the district of their date, and filters and statistics
    group places and products by the former district's area ("khu vực huyện cũ"), which the
    communes formed after the reform also name (see :class:`Commune`).
    """

    name = models.CharField(_("tên"), max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(_("loại"), max_length=40, default="Huyện")
    province = models.CharField(
        _("tỉnh"),
        max_length=40,
        default="bac-giang",
        help_text=_("Mã tỉnh trong catalog.geography.PROVINCE_NAMES."),
    )
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("huyện")
        verbose_name_plural = _("huyện")

    def __str__(self) -> str:
        return self.name


class Commune(models.Model):
    """A commune-level unit (xã, phường, thị trấn) as named during one period.

    Before 1 July 2025 a commune sits inside a district; the communes and wards formed on that
    day (two-level government: province → commune) belong to no district, and their
    ``district`` names only the former district's area they lie in, for the filters and
    statistics grouped by "khu vực huyện cũ". A commune that ended names the unit it became in
    ``successor``; what it is called on a given day is answered by :mod:`catalog.geography`
    through :meth:`as_unit`.
    """

    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="communes",
        verbose_name=_("huyện (khu vực huyện cũ)"),
    )
    name = models.CharField(_("tên"), max_length=100)
    kind = models.CharField(_("loại"), max_length=40, default="Xã")
    province = models.CharField(
        _("tỉnh"),
        max_length=40,
        default="bac-giang",
        help_text=_("Mã tỉnh trong catalog.geography.PROVINCE_NAMES."),
    )
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )

    class Meta:
        ordering = ["district__name", "name"]
        constraints = [
            # One unit of a name per district area and start date (a ward formed in 2025 may
            # take the name of a commune it absorbed).
            models.UniqueConstraint(
                fields=["district", "name"],
                condition=models.Q(valid_from__isnull=True),
                name="commune_unique_name_undated",
            ),
            models.UniqueConstraint(
                fields=["district", "name", "valid_from"],
                condition=models.Q(valid_from__isnull=False),
                name="commune_unique_name_dated",
            ),
        ]
        verbose_name = _("xã")
        verbose_name_plural = _("xã")

    def __str__(self) -> str:
        # The recorded name, without following successors (no extra query); pages that show
        # today's name use :meth:`naming` (the ``unit_naming`` template tag).
        unit = self.as_unit(depth=0)
        return geography.unit_label(unit, unit.valid_until or timezone.localdate())

    def clean(self) -> None:
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": _("Một đơn vị không thể kế thừa chính nó.")})
        if self.successor is not None:
            errors = geography.check_successor(self.as_unit(depth=0), self.successor.as_unit())
            if errors:
                raise ValidationError({"successor": errors})

    def as_unit(self, *, depth: int = 5) -> geography.Unit:
        """This commune as a :class:`catalog.geography.Unit`, with ``depth`` successors (the
        caller should ``select_related`` them). The district is named only if it existed while
        the commune did: a post-2025 commune's district is the former area, not its unit."""
        district = self.district
        in_district = (
            district.valid_until is None
            or self.valid_from is None
            or self.valid_from <= district.valid_until
        )
        successor = None
        if depth > 0 and self.successor_id is not None:
            successor = self.successor.as_unit(depth=depth - 1)
        return geography.Unit(
            kind=self.kind,
            name=self.name,
            province=self.province,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            district_kind=district.kind if in_district else "",
            district_name=district.name if in_district else "",
            successor=successor,
        )

    def naming(self, today=None) -> geography.Naming:
        """Today's name and, when it differs, the recorded one (see
        :func:`catalog.geography.naming`)."""
        return geography.naming(self.as_unit(), today=today or timezone.localdate())

    def label_on(self, day) -> str:
        """The full name this unit had on ``day`` (certificates keep the unit of their date)."""
        return geography.label_on(self.as_unit(), day)


class Place(models.Model):
    """A place on the map: an OCOP showroom point or an eco-tourism village; or a producer's
    booth at a trade fair, a temporary pickup place (kind ``fair``).

    A fair booth belongs to one ``producer`` and takes pickups only from ``open_from`` to
    ``open_until`` (the fair's dates, copied here by :mod:`cms.services` because the catalogue
    may not import the website; both empty: pickup withdrawn). See :mod:`catalog.pickup`.
    """

    class Kind(models.TextChoices):
        SHOWROOM = "showroom", _("Điểm giới thiệu và bán sản phẩm OCOP")
        VILLAGE = "village", _("Làng văn hóa du lịch sinh thái")
        FAIR = "fair", _("Gian hàng hội chợ (nhận hàng tạm thời)")

    #: Kinds that hold stock in the ledger and may hand over pickup orders (not an enum member:
    #: it sits outside ``Kind``).
    STOCK_KINDS = ("showroom", "fair")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("tên"), max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="places")
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    opening_hours = models.CharField(_("giờ mở cửa"), max_length=120, blank=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    producer = models.ForeignKey(
        "partner.Producer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chủ thể (gian hàng hội chợ)"),
    )
    open_from = models.DateField(_("nhận hàng từ ngày"), null=True, blank=True)
    open_until = models.DateField(_("nhận hàng đến ngày"), null=True, blank=True)
    name_en = english_name_field(150)
    opening_hours_en = models.CharField(
        _("giờ mở cửa tiếng Anh (không bắt buộc)"),
        max_length=120,
        blank=True,
        help_text=ENGLISH_HELP,
    )
    description_en = english_text_field(_("giới thiệu tiếng Anh (không bắt buộc)"))

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("địa điểm")
        verbose_name_plural = _("địa điểm")

    def __str__(self) -> str:
        return self.name

    def get_name(self) -> str:
        """The name in the reader's language (English when entered, else Vietnamese)."""
        return localized(self.name, self.name_en)

    def get_opening_hours(self) -> str:
        """The opening hours in the reader's language."""
        return localized(self.opening_hours, self.opening_hours_en)

    def get_description(self) -> str:
        """The description in the reader's language."""
        return localized(self.description, self.description_en)


class Category(AbstractCategory):
    """Oscar's category (the six OCOP product groups and their subgroups) with an optional
    English name and description. The slug stays Vietnamese, made from ``name``."""

    name_en = english_name_field(255)
    description_en = english_text_field(_("mô tả tiếng Anh (không bắt buộc)"))

    def get_name(self) -> str:
        """The name in the reader's language (English when entered, else Vietnamese)."""
        return localized(self.name, self.name_en)

    def get_description(self) -> str:
        """The description (formatted text, sanitised on render) in the reader's language."""
        return localized(self.description, self.description_en)


class Product(AbstractProduct):
    """An Oscar product that also has a producer and a place of origin.

    Whether it may be listed or sold follows from its certificates and is decided by
    :func:`catalog.selectors.product_listed_queryset`. The ``listing_*`` columns keep the
    current rating (computed by :func:`catalog.ocop.listing_state`) so that the gate reads
    indexed columns instead of scanning certificates: they are rewritten whenever one of the
    product's certificates is saved (same transaction), and the gate trusts them only on days
    inside ``listing_from``–``listing_until``; outside that window it recomputes from certificates.
    """

    producer = models.ForeignKey(
        "partner.Producer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("chủ thể sản xuất"),
    )
    origin_commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("xã xuất xứ"),
    )

    growing_area_code = models.CharField(
        _("mã số vùng trồng"),
        max_length=30,
        blank=True,
        db_index=True,
        help_text=_("Mã số vùng trồng do Cục Bảo vệ thực vật cấp, dạng VN-BGOR-0012."),
    )

    listing_stars = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    listing_listed = models.BooleanField(default=False, editable=False)
    listing_certificate = models.ForeignKey(
        "catalogue.OcopCertificate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    listing_valid_until = models.DateField(null=True, blank=True, editable=False)
    # The stored state holds from listing_from to listing_until (inclusive); the defaults make a
    # never-computed row "stale", so the gate recomputes it from certificates.
    listing_from = models.DateField(default=ocop.DATE_FOREVER, editable=False)
    listing_until = models.DateField(default=ocop.DATE_NEVER, editable=False)
    # English versions: optional; the slug and the stored order-line titles stay as they are.
    title_en = english_name_field(255)
    description_en = english_text_field(_("mô tả tiếng Anh (không bắt buộc)"))
    # Harvest windows (catalog.seasons' stored form); empty: not seasonal, sold all year.
    harvest_windows = models.JSONField(
        _("mùa vụ"),
        default=list,
        blank=True,
        help_text=_("Các khung mùa vụ thu hoạch; để trống nếu sản phẩm bán quanh năm."),
    )

    class Meta(AbstractProduct.Meta):
        indexes = [
            models.Index(
                fields=["is_public", "listing_listed", "listing_until", "listing_from"],
                name="catalogue_product_listing",
            ),
            models.Index(fields=["-listing_stars", "title", "id"], name="catalogue_product_cards"),
        ]

    def save(self, *args, **kwargs) -> None:
        # An instance loaded before a certificate was recorded holds old listing_* values; a plain
        # save() of it (an edit form, the admin) must not write them back over the fresh ones.
        if (
            not self._state.adding
            and self.pk
            and not args
            and kwargs.get("update_fields") is None
            and not kwargs.get("force_insert")
        ):
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in LISTING_FIELDS
            ]
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        # Oscar's basket lines describe themselves as str(product): the reader's language too.
        if self.title:
            return self.get_title()
        return super().__str__()

    def get_title(self) -> str:
        """The title in the reader's language: what Oscar's templates, the basket, the
        dashboards and the order lines written at checkout show. A child product without a title
        of its own takes its parent's."""
        title = localized(self.title, self.title_en)
        if not title and self.parent_id:
            return self.parent.get_title()
        return title

    get_title.short_description = AbstractProduct.get_title.short_description

    def get_description(self) -> str:
        """The description (formatted text, sanitised on render) in the reader's language."""
        return localized(self.description, self.description_en)

    def clean(self) -> None:
        super().clean()
        if self.is_standalone and (self.producer_id is None or self.origin_commune_id is None):
            raise ValidationError(_("Mỗi sản phẩm cần có chủ thể sản xuất và xã xuất xứ."))
        if self.growing_area_code:
            try:
                self.growing_area_code = traceability.trace_code_parse(
                    self.growing_area_code, kind=traceability.GROWING_AREA
                )
            except traceability.TraceCodeError as error:
                raise ValidationError({"growing_area_code": str(error)}) from error


class OcopCertificateQuerySet(models.QuerySet):
    """Bulk writes to certificates keep their products' stored ratings in step, like ``save()``."""

    def update(self, **kwargs) -> int:
        with transaction.atomic():
            product_ids = set(self.values_list("product_id", flat=True))
            count = super().update(**kwargs)
            listing_refresh(product_ids=product_ids, today=timezone.localdate())
        return count

    def delete(self):
        with transaction.atomic():
            product_ids = set(self.values_list("product_id", flat=True))
            result = super().delete()
            listing_refresh(product_ids=product_ids, today=timezone.localdate())
        return result

    update.alters_data = True
    delete.alters_data = True
    delete.queryset_only = True


class OcopCertificate(models.Model):
    """One OCOP rating decision for a product. History is kept: re-evaluations add rows.

    ``stars`` is computed from ``score`` by the criteria set on every save; it cannot be typed.
    """

    Status = models.TextChoices(
        "Status",
        [(s.value, s.value) for s in ocop.CertificateStatus],
    )
    STATUS_LABELS = {
        ocop.CertificateStatus.VALID: _("Còn hiệu lực"),
        ocop.CertificateStatus.EXPIRED: _("Hết hiệu lực"),
        ocop.CertificateStatus.REVOKED: _("Đã thu hồi"),
    }

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="certificates"
    )
    criteria_set = models.CharField(
        _("bộ tiêu chí"),
        max_length=10,
        choices=[(c.code, f"{c.decision} ({c.code})") for c in ocop.CRITERIA_SETS.values()],
    )
    score = models.DecimalField(_("điểm"), max_digits=5, decimal_places=2)
    stars = models.PositiveSmallIntegerField(_("số sao"), null=True, blank=True, editable=False)
    council_level = models.CharField(
        _("cấp hội đồng"),
        max_length=20,
        choices=[(level.value, label) for level, label in ocop.COUNCIL_LEVEL_LABELS.items()],
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    issuing_body = models.CharField(_("cơ quan cấp"), max_length=200)
    valid_until = models.DateField(
        _("hiệu lực đến"),
        blank=True,
        help_text=_("Để trống: 36 tháng kể từ ngày quyết định."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=ocop.CertificateStatus.VALID
    )
    revoked_reason = models.TextField(_("lý do thu hồi"), blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Part scores of the evaluation form; their maxima are data (ocop.CRITERIA_SETS). Older
    # records imported with a total only leave them empty.
    part_a = models.DecimalField(_("phần A"), max_digits=5, decimal_places=2, null=True, blank=True)
    part_b = models.DecimalField(_("phần B"), max_digits=5, decimal_places=2, null=True, blank=True)
    part_c = models.DecimalField(_("phần C"), max_digits=5, decimal_places=2, null=True, blank=True)
    scan = models.FileField(
        _("bản quét chứng nhận"),
        upload_to="ocop/chung-nhan/%Y/",
        blank=True,
        help_text=_("PDF, JPEG hoặc PNG, tối đa 5 MB."),
    )
    public_code = models.CharField(
        _("mã xác minh"), max_length=ocop.PUBLIC_CODE_LENGTH, unique=True, editable=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi"),
    )

    objects = OcopCertificateQuerySet.as_manager()

    #: Part code (ocop.CriteriaPart.code) → the field that holds its score.
    PART_FIELDS = {"A": "part_a", "B": "part_b", "C": "part_c"}

    class Meta:
        ordering = ["-decision_date", "-pk"]
        verbose_name = _("chứng nhận OCOP")
        verbose_name_plural = _("chứng nhận OCOP")
        indexes = [models.Index(fields=["product", "status", "valid_until", "decision_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=100), name="ocop_score_0_100"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="revoked") | ~models.Q(revoked_reason=""),
                name="ocop_revocation_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision_number}: {self.product} – {self.stars or 0}★"

    def clean(self) -> None:
        """Check the score, the set and the council's right to award, with readable errors."""
        try:
            criteria = ocop.criteria_set_for(self.criteria_set)
            stars = ocop.stars_for_score(self.score, criteria)
            if self.decision_date:
                ocop.check_award(
                    stars=stars, level=self.council_level, decision_date=self.decision_date
                )
        except ocop.OcopRuleError as error:
            raise ValidationError(str(error)) from error
        if self.status == ocop.CertificateStatus.REVOKED and not self.revoked_reason.strip():
            raise ValidationError({"revoked_reason": _("Cần ghi lý do thu hồi.")})

    def save(self, *args, **kwargs) -> None:
        # Stars always follow the score: they are never taken from input.
        self.stars = ocop.stars_for_score(self.score, ocop.criteria_set_for(self.criteria_set))
        if not self.valid_until and self.decision_date:
            self.valid_until = ocop.default_valid_until(self.decision_date)
        if not self.public_code:
            self.public_code = new_public_code()
        # Every write path (services, admin, demo loader, factories) keeps the product's stored
        # rating in step, in the same transaction as the certificate it follows from.
        with transaction.atomic():
            super().save(*args, **kwargs)
            listing_refresh(product_ids=[self.product_id], today=timezone.localdate())

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            result = super().delete(*args, **kwargs)
            listing_refresh(product_ids=[self.product_id], today=timezone.localdate())
        return result

    def part_scores(self) -> dict[str, object]:
        """The recorded part scores by part code (empty when only a total was recorded)."""
        scores = {code: getattr(self, name) for code, name in self.PART_FIELDS.items()}
        return {} if all(v is None for v in scores.values()) else scores

    def get_verification_url(self) -> str:
        """The short public page that says whether this certificate is valid."""

        return reverse("records:verify", kwargs={"code": self.public_code})

    def status_on(self, today=None) -> ocop.CertificateStatus:
        """The certificate's status on ``today`` (the local date when omitted)."""
        return ocop.certificate_status(
            recorded=self.status,
            valid_until=self.valid_until,
            today=today or timezone.localdate(),
        )

    @property
    def status_label(self) -> str:
        return str(self.STATUS_LABELS[self.status_on()])

    @property
    def council_level_label(self) -> str:
        return str(ocop.COUNCIL_LEVEL_LABELS[ocop.CouncilLevel(self.council_level)])

    @property
    def criteria(self) -> ocop.CriteriaSet:
        return ocop.criteria_set_for(self.criteria_set)

    def facts(self) -> ocop.CertificateFacts:
        """This certificate as the rules module sees it."""
        return ocop.CertificateFacts(
            key=self.pk or 0,
            stars=self.stars,
            decision_date=self.decision_date,
            valid_until=self.valid_until,
            recorded_status=self.status,
        )


LISTING_FIELDS = (
    "listing_stars",
    "listing_listed",
    "listing_certificate",
    "listing_valid_until",
    "listing_from",
    "listing_until",
)


def listing_values(state: ocop.ListingState, *, today) -> dict[str, object]:
    """The ``Product.listing_*`` column values that store ``state``, computed on ``today``."""
    return {
        "listing_stars": state.stars,
        "listing_listed": state.listed,
        "listing_certificate_id": state.certificate.key if state.certificate else None,
        "listing_valid_until": state.valid_until,
        "listing_from": today,
        "listing_until": state.holds_until,
    }


def listing_compute(*, product_ids, today) -> dict[int, dict[str, object]]:
    """The listing columns each product should hold on ``today``, from its certificates."""
    history: dict[int, list[ocop.CertificateFacts]] = {pk: [] for pk in product_ids}
    for certificate in OcopCertificate.objects.filter(product_id__in=list(history)).only(
        "pk", "product_id", "stars", "decision_date", "valid_until", "status"
    ):
        history[certificate.product_id].append(certificate.facts())
    return {
        pk: listing_values(ocop.listing_state(facts, today=today), today=today)
        for pk, facts in history.items()
    }


def listing_refresh(*, product_ids, today) -> int:
    """Recompute and store the listing columns of these products; return how many rows."""
    Product = OcopCertificate._meta.get_field("product").related_model
    wanted = listing_compute(product_ids=product_ids, today=today)
    changed = 0
    for pk, values in wanted.items():
        changed += Product.objects.filter(pk=pk).update(**values)
    return changed


def new_public_code() -> str:
    """A fresh random verification code (50 bits: unguessable, short enough to type)."""
    while True:
        code = "".join(
            secrets.choice(ocop.PUBLIC_CODE_ALPHABET) for _ in range(ocop.PUBLIC_CODE_LENGTH)
        )
        if not OcopCertificate.objects.filter(public_code=code).exists():
            return code


class CertificateEvent(models.Model):
    """One line of a certificate's audit log: who did what, when. Append-only."""

    class Action(models.TextChoices):
        RECORDED = "recorded", _("Ghi nhận")
        CHANGED = "changed", _("Sửa thông tin")
        REVOKED = "revoked", _("Thu hồi")
        EXPIRED = "expired", _("Hết hiệu lực")
        NOTIFIED = "notified", _("Gửi thông báo sắp hết hạn")

    certificate = models.ForeignKey(
        OcopCertificate, on_delete=models.PROTECT, related_name="events"
    )
    action = models.CharField(_("việc"), max_length=20, choices=Action.choices)
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người làm"),
    )
    details = models.JSONField(_("chi tiết"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("nhật ký chứng nhận")
        verbose_name_plural = _("nhật ký chứng nhận")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.certificate_id}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only.")


class CertificateNotice(models.Model):
    """An expiry notice sent for a certificate (``days_ahead`` 90 or 30), sent once only."""

    certificate = models.ForeignKey(
        OcopCertificate, on_delete=models.CASCADE, related_name="notices"
    )
    days_ahead = models.PositiveSmallIntegerField(_("số ngày báo trước"))
    sent_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)
    recipients = models.TextField(_("người nhận"))

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("thông báo hết hạn")
        verbose_name_plural = _("thông báo hết hạn")
        constraints = [
            models.UniqueConstraint(fields=["certificate", "days_ahead"], name="ocop_notice_once"),
        ]

    def __str__(self) -> str:
        return f"{self.certificate_id}: {self.days_ahead}"


class ProductIdea(models.Model):
    """A producer's product idea (OCOP step 2) and, once shortlisted, its business plan (step 3).

    The status moves submitted → forwarded (commune staff receive the idea and pass it on) →
    shortlisted | declined (the programme office) → plan submitted → plan accepted | plan
    returned (then resubmitted); every move and remark is an :class:`IdeaComment`.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Đã gửi ý tưởng, chờ xã tiếp nhận")
        FORWARDED = "forwarded", _("Xã đã chuyển lên Văn phòng điều phối")
        SHORTLISTED = "shortlisted", _("Ý tưởng được chọn")
        DECLINED = "declined", _("Ý tưởng chưa được chọn")
        PLAN_SUBMITTED = "plan_submitted", _("Đã gửi phương án kinh doanh")
        PLAN_RETURNED = "plan_returned", _("Phương án cần bổ sung")
        PLAN_ACCEPTED = "plan_accepted", _("Phương án được duyệt")

    producer = models.ForeignKey(
        "partner.Producer",
        on_delete=models.CASCADE,
        related_name="ideas",
        verbose_name=_("chủ thể"),
    )
    title = models.CharField(_("sản phẩm dự kiến"), max_length=200)
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("nơi sản xuất"),
    )
    group = models.ForeignKey(
        "catalogue.Category",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"depth": 1},
        verbose_name=_("nhóm sản phẩm"),
    )
    distinctive = models.TextField(_("điểm khác biệt"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    plan_summary = models.TextField(_("tóm tắt phương án"), blank=True)
    plan_market = models.TextField(_("thị trường"), blank=True)
    plan_investment = models.PositiveBigIntegerField(_("vốn đầu tư (đồng)"), null=True, blank=True)
    plan_submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ý tưởng sản phẩm")
        verbose_name_plural = _("ý tưởng sản phẩm")
        permissions = [
            ("review_productidea", "Can shortlist ideas and review business plans"),
            ("forward_productidea", "Can receive and forward ideas (commune staff)"),
        ]

    def __str__(self) -> str:
        return self.title


class IdeaComment(models.Model):
    """One entry in an idea's trail: a remark, or a status change with its reason."""

    idea = models.ForeignKey(ProductIdea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("nội dung"), blank=True)
    status_to = models.CharField(max_length=20, choices=ProductIdea.Status.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("trao đổi")
        verbose_name_plural = _("trao đổi")

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.body[:40]}"


class ProgrammeRecord(models.Model):
    """A dated figure of the programme that the software cannot count itself, entered by the
    programme office in the Django admin: a training held (``count`` = people who attended),
    the number of existing products found by the survey, or the number of managers and
    participants to train. The progress page measures the scheme's share targets with them
    (:data:`catalog.ocop.TARGETS`)."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Lớp tập huấn đã tổ chức (số người dự)")
        EXISTING_PRODUCTS = "existing_products", _("Số sản phẩm hiện có (theo điều tra)")
        PEOPLE_TO_TRAIN = "people_to_train", _("Số cán bộ quản lý và lãnh đạo chủ thể cần tập huấn")

    kind = models.CharField(_("loại số liệu"), max_length=30, choices=Kind.choices)
    on = models.DateField(_("ngày"), help_text=_("Ngày tổ chức lớp, hoặc ngày có số liệu."))
    title = models.CharField(_("nội dung"), max_length=200, blank=True)
    count = models.PositiveIntegerField(_("số lượng"))
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("số liệu chương trình")
        verbose_name_plural = _("số liệu chương trình")

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} · {self.get_kind_display()}: {self.count}"


class ProductCredentialQuerySet(models.QuerySet):
    """Credentials, with the public rule (:func:`catalog.credentials.is_shown`) as a filter."""

    def shown_on(self, today) -> ProductCredentialQuerySet:
        """Verified credentials in force on ``today`` (the same rule as ``is_shown``)."""
        return self.filter(
            models.Q(issued_on__isnull=True) | models.Q(issued_on__lte=today),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=today),
            status=credentials.Status.VERIFIED,
        )


class ProductCredential(models.Model):
    """A credential of a product besides its OCOP rating: a geographical indication, a
    trademark, a barcode, a quality or food-safety certificate, a growing-area code (the kinds
    are data: :data:`catalog.credentials.KINDS`).

    Staff record credentials verified, producers propose them (``proposed``) from their
    dashboard; shoppers see one only once verified and while in force
    (:func:`catalog.credentials.is_shown`). Writes go through :mod:`catalog.services`.
    """

    KIND_CHOICES = [(k.value, info.label) for k, info in credentials.KINDS.items()]
    STATUS_CHOICES = [(s.value, label) for s, label in credentials.STATUS_LABELS.items()]

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="credentials",
        verbose_name=_("sản phẩm"),
    )
    kind = models.CharField(_("loại"), max_length=20, choices=KIND_CHOICES)
    number = models.CharField(_("số hiệu / mã"), max_length=80)
    issuer = models.CharField(_("cơ quan cấp"), max_length=200)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    valid_until = models.DateField(
        _("hiệu lực đến"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu không có thời hạn (chỉ dẫn địa lý, mã vạch)."),
    )
    scan = models.FileField(
        _("bản quét"),
        upload_to="ocop/chung-chi/%Y/",
        blank=True,
        help_text=_("PDF, JPEG hoặc PNG, tối đa 5 MB."),
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=STATUS_CHOICES,
        default=credentials.Status.PROPOSED,
    )
    note = models.TextField(_("ghi chú"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("người xác minh"),
    )
    verified_at = models.DateTimeField(_("xác minh lúc"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProductCredentialQuerySet.as_manager()

    class Meta:
        ordering = ["product", "kind", "-issued_on", "-pk"]
        verbose_name = _("chứng chỉ sản phẩm")
        verbose_name_plural = _("chứng chỉ sản phẩm")
        indexes = [models.Index(fields=["product", "status", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}: {self.product}"

    @property
    def info(self) -> credentials.KindInfo:
        return credentials.KINDS[credentials.Kind(self.kind)]

    @property
    def is_vietnamese_barcode(self) -> bool:
        """A barcode carrying GS1 Vietnam's prefix 893."""
        return self.kind == credentials.Kind.BARCODE and credentials.gtin_is_vietnamese(self.number)

    def shown_on(self, today=None) -> bool:
        """Whether shoppers see it on ``today`` (the local date when omitted)."""
        return credentials.is_shown(
            status=self.status,
            issued_on=self.issued_on,
            valid_until=self.valid_until,
            today=today or timezone.localdate(),
        )


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (Oscar's remaining models)
