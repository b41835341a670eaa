"""Producer profiles, linked one-to-one to Oscar partners."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog import traceability, trade
from catalog.models import ENGLISH_HELP, english_name_field, localized


class Producer(models.Model):
    """A producer (chủ thể): a cooperative, an enterprise, a cooperative group, a household
    business or a farm, in one commune, selling through its own Oscar partner."""

    class Kind(models.TextChoices):
        COOPERATIVE = "cooperative", _("Hợp tác xã")
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        COOPERATIVE_GROUP = "cooperative_group", _("Tổ hợp tác")
        HOUSEHOLD = "household", _("Hộ kinh doanh")
        FARM = "farm", _("Chủ trang trại")

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.PROTECT, related_name="producer"
    )
    name = models.CharField(_("tên"), max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(_("loại hình"), max_length=20, choices=Kind.choices)
    commune = models.ForeignKey(
        "catalogue.Commune",
        on_delete=models.PROTECT,
        related_name="producers",
        verbose_name=_("xã"),
    )
    story = models.TextField(_("câu chuyện"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="producers/", blank=True)
    contact_name = models.CharField(_("người liên hệ"), max_length=120, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    packing_facility_code = models.CharField(
        _("mã số cơ sở đóng gói"),
        max_length=30,
        blank=True,
        help_text=_("Mã số cơ sở đóng gói do Cục Bảo vệ thực vật cấp, dạng VN-BGPH-0003."),
    )
    name_en = english_name_field(200)
    story_en = models.TextField(
        _("câu chuyện tiếng Anh (không bắt buộc)"), blank=True, help_text=ENGLISH_HELP
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("chủ thể sản xuất")
        verbose_name_plural = _("chủ thể sản xuất")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("producers:detail", kwargs={"slug": self.slug})

    def get_name(self) -> str:
        """The name in the reader's language (English when entered, else Vietnamese)."""
        return localized(self.name, self.name_en)

    def get_story(self) -> str:
        """The story in the reader's language."""
        return localized(self.story, self.story_en)

    def clean(self) -> None:
        super().clean()
        if self.packing_facility_code:
            try:
                self.packing_facility_code = traceability.trace_code_parse(
                    self.packing_facility_code, kind=traceability.PACKING_FACILITY
                )
            except traceability.TraceCodeError as error:
                raise ValidationError({"packing_facility_code": str(error)}) from error


class StockMovement(models.Model):
    """One change of a product's stock at one location: an append-only ledger.

    A location is a showroom point (``place``) or, when ``place`` is empty, the producer's own
    online warehouse. The balance at a location is the sum of its movements, so the ledger is
    also the audit trail: who (``created_by``), when (``created_at``) and why (``kind``, ``note``).
    """

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Nhập kho")
        SENT_TO_SHOWROOM = "sent_to_showroom", _("Gửi đến điểm bán")
        SOLD_AT_SHOWROOM = "sold_at_showroom", _("Bán tại điểm bán")
        SOLD_ONLINE = "sold_online", _("Giao đơn hàng online")
        RETURNED = "returned", _("Trả về chủ thể")
        SPOILED = "spoiled", _("Hư hỏng")
        CORRECTION = "correction", _("Điều chỉnh kiểm kê")

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, related_name="stock_movements"
    )
    place = models.ForeignKey(
        "catalogue.Place",
        on_delete=models.PROTECT,
        related_name="stock_movements",
        limit_choices_to={"kind": "showroom"},
        null=True,
        blank=True,
        help_text=_("Để trống: kho trực tuyến của chủ thể."),
    )
    quantity = models.IntegerField(_("số lượng (+ nhập, − xuất)"))
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    order_line = models.ForeignKey(
        "order.Line",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Dòng đơn hàng gây ra biến động này (nếu có)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("biến động kho tại điểm bán")
        verbose_name_plural = _("biến động kho tại điểm bán")
        indexes = [models.Index(fields=["place", "product"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(quantity=0), name="stock_movement_not_zero")
        ]

    def __str__(self) -> str:
        return f"{self.product} @ {self.place}: {self.quantity:+d}"


class ShowroomOperator(models.Model):
    """A user who keeps the counter at one showroom point: records counter sales there."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="showroom_posts"
    )
    place = models.ForeignKey(
        "catalogue.Place",
        on_delete=models.CASCADE,
        related_name="operators",
        limit_choices_to={"kind": "showroom"},
        verbose_name=_("điểm bán"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nhân viên điểm bán")
        verbose_name_plural = _("nhân viên điểm bán")
        constraints = [
            models.UniqueConstraint(fields=["user", "place"], name="showroom_operator_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.place}"


class StockThreshold(models.Model):
    """A low-stock threshold for one product at one location (``place`` empty: the online
    warehouse). When the balance there falls to or below ``threshold`` the producer's users
    are emailed once; ``alerted_at`` remembers that, and is cleared when stock is back above
    the threshold, so the next crossing alerts again."""

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="stock_thresholds"
    )
    place = models.ForeignKey(
        "catalogue.Place",
        on_delete=models.CASCADE,
        related_name="stock_thresholds",
        limit_choices_to={"kind": "showroom"},
        null=True,
        blank=True,
        help_text=_("Để trống: kho trực tuyến của chủ thể."),
    )
    threshold = models.PositiveIntegerField(_("ngưỡng sắp hết hàng"))
    alerted_at = models.DateTimeField(_("đã báo lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ngưỡng sắp hết hàng")
        verbose_name_plural = _("ngưỡng sắp hết hàng")
        constraints = [
            # NULL places are never equal in a plain unique constraint: one for each case.
            models.UniqueConstraint(
                fields=["product", "place"],
                name="stock_threshold_unique_place",
                condition=models.Q(place__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["product"],
                name="stock_threshold_unique_online",
                condition=models.Q(place__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} @ {self.place or '—'} ≤ {self.threshold}"


class Enquiry(models.Model):
    """A wholesale enquiry (*kết nối giao thương*): a business buyer asks a producer about one
    of its products in quantity. The producer answers in the dashboard (the thread is
    :class:`EnquiryMessage`) and marks the outcome; the programme office sees counts only.

    ``producer`` is the product's producer when the enquiry was sent, kept on the row so that
    every dashboard lookup is scoped by one column. The rules (tax code, states, destinations)
    are in :mod:`catalog.trade`.
    """

    class Status(models.TextChoices):
        NEW = "new", _("Mới")
        REPLIED = "replied", _("Đã trả lời")
        QUOTED = "quoted", _("Đã báo giá")
        WON = "won", _("Thành công")
        LOST = "lost", _("Không thành")

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="enquiries", verbose_name=_("chủ thể")
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.PROTECT,
        related_name="enquiries",
        verbose_name=_("sản phẩm"),
    )
    company = models.CharField(_("doanh nghiệp"), max_length=200)
    tax_code = models.CharField(_("mã số thuế"), max_length=14)
    contact_name = models.CharField(_("người liên hệ"), max_length=120)
    phone = models.CharField(_("điện thoại"), max_length=20)
    email = models.EmailField(_("email"))
    quantity = models.PositiveIntegerField(_("số lượng"))
    unit = models.CharField(_("đơn vị"), max_length=10, choices=list(trade.UNITS.items()))
    destination = models.CharField(
        _("nơi nhận hàng"),
        max_length=60,
        help_text=_("VN:<tỉnh, thành phố> trong nước, hoặc mã nước (ISO) khi xuất khẩu."),
    )
    delivery_period = models.CharField(_("thời gian giao hàng"), max_length=120)
    message = models.TextField(_("lời nhắn"), blank=True)
    language = models.CharField(
        _("ngôn ngữ"),
        max_length=10,
        default="vi",
        help_text=_("Ngôn ngữ người mua dùng: email trả lời viết bằng ngôn ngữ này."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    is_demo = models.BooleanField(_("dữ liệu mẫu"), default=False)
    created_at = models.DateTimeField(_("ngày gửi"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("yêu cầu mua sỉ")
        verbose_name_plural = _("yêu cầu mua sỉ")
        indexes = [models.Index(fields=["producer", "status"])]
        permissions = [("view_enquiry_statistics", _("Xem thống kê kết nối giao thương"))]

    def __str__(self) -> str:
        return f"{self.company} → {self.product_id} ({self.status})"

    def destination_label(self) -> str:
        """The destination as it reads ("Hà Nội", "Nhật Bản")."""
        return trade.destination_label(self.destination)


class EnquiryMessage(models.Model):
    """One message in an enquiry's thread: the producer's replies (``author`` set, emailed to
    the buyer). The buyer's first message is the enquiry itself."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("trả lời yêu cầu mua sỉ")
        verbose_name_plural = _("trả lời yêu cầu mua sỉ")

    def __str__(self) -> str:
        return f"{self.enquiry_id} @ {self.created_at:%d/%m/%Y}"


class Batch(models.Model):
    """A traceable batch (*lô hàng*) of one product: harvested or made on one day, from one
    growing area, under the OCOP certificate in force that day.

    ``code`` is the short public code printed as a QR on the batch's labels; it opens the public
    batch page (:func:`producers.views.batch_detail`). ``place`` is the showroom point the batch
    went to, if any; the online orders it went to are its :class:`BatchLine` rows.
    """

    producer = models.ForeignKey(
        Producer,
        on_delete=models.PROTECT,
        related_name="batches",
        verbose_name=_("chủ thể sản xuất"),
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.PROTECT,
        related_name="batches",
        verbose_name=_("sản phẩm"),
    )
    code = models.CharField(
        _("mã lô"), max_length=traceability.BATCH_CODE_LENGTH, unique=True, editable=False
    )
    harvest_date = models.DateField(_("ngày thu hoạch / sản xuất"))
    quantity = models.PositiveIntegerField(_("số lượng"))
    growing_area = models.CharField(_("vùng trồng / nơi sản xuất"), max_length=200, blank=True)
    growing_area_code = models.CharField(_("mã số vùng trồng"), max_length=30, blank=True)
    certificate = models.ForeignKey(
        "catalogue.OcopCertificate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="batches",
        verbose_name=_("chứng nhận OCOP"),
    )
    place = models.ForeignKey(
        "catalogue.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="batches",
        limit_choices_to={"kind": "showroom"},
        verbose_name=_("điểm bán nhận lô"),
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-harvest_date", "-pk"]
        verbose_name = _("lô hàng")
        verbose_name_plural = _("lô hàng")
        indexes = [models.Index(fields=["product", "harvest_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="batch_quantity_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_code} · {self.product}"

    @property
    def display_code(self) -> str:
        return traceability.batch_code_display(self.code)

    def get_absolute_url(self) -> str:
        return reverse("batches:detail", kwargs={"code": self.code})


class BatchLine(models.Model):
    """The batch an order line was shipped from (one batch a line: a line ships whole)."""

    line = models.OneToOneField(
        "order.Line",
        on_delete=models.CASCADE,
        related_name="batch_link",
        verbose_name=_("dòng hàng"),
    )
    batch = models.ForeignKey(
        Batch, on_delete=models.PROTECT, related_name="lines", verbose_name=_("lô hàng")
    )
    quantity = models.PositiveIntegerField(_("số lượng"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lô của dòng hàng")
        verbose_name_plural = _("lô của dòng hàng")

    def __str__(self) -> str:
        return f"{self.batch.display_code} → {self.line_id}"


class PreorderCampaign(models.Model):
    """A producer's offer to take pre-orders (*đặt trước*) for a seasonal product's next
    harvest: at most ``quota`` units, delivered in the expected period, paid on delivery or
    with a deposit by VietQR transfer. ``taken`` counts the units reserved by orders; it is
    changed only under a row lock on this campaign, so the quota is never exceeded."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang nhận đặt trước")
        CLOSED = "closed", _("Đã đóng")

    class Deposit(models.TextChoices):
        NONE = "none", _("Không đặt cọc (trả khi nhận hàng)")
        AMOUNT = "amount", _("Số tiền cố định mỗi sản phẩm")
        PERCENT = "percent", _("Phần trăm giá")

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="preorder_campaigns",
        verbose_name=_("sản phẩm"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    quota = models.PositiveIntegerField(_("số lượng nhận đặt tối đa"))
    taken = models.PositiveIntegerField(_("đã được đặt"), default=0)
    delivery_from = models.DateField(_("giao dự kiến từ"))
    delivery_until = models.DateField(_("giao dự kiến đến"))
    deposit_kind = models.CharField(
        _("đặt cọc"), max_length=10, choices=Deposit.choices, default=Deposit.NONE
    )
    deposit_value = models.PositiveIntegerField(_("mức đặt cọc"), default=0)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("đợt nhận đặt trước")
        verbose_name_plural = _("đợt nhận đặt trước")
        constraints = [
            # One open campaign per product: the storefront asks "is one open?".
            models.UniqueConstraint(
                fields=["product"],
                condition=models.Q(status="open"),
                name="preorder_campaign_one_open",
            ),
            models.CheckConstraint(
                condition=models.Q(taken__lte=models.F("quota")),
                name="preorder_campaign_within_quota",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} ({self.taken}/{self.quota})"


class Preorder(models.Model):
    """One order line placed as a pre-order against a campaign: it waits for the harvest, is
    given stock from it in the order of placing (``allocated``), or is cancelled by the
    producer with a reason (the deposit record is then released or refunded)."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Chờ thu hoạch")
        ALLOCATED = "allocated", _("Đã có hàng, chờ gửi")
        CANCELLED = "cancelled", _("Đã hủy")

    class DepositState(models.TextChoices):
        NONE = "none", _("Không đặt cọc")
        AWAITED = "awaited", _("Chờ chuyển khoản đặt cọc")
        PAID = "paid", _("Đã đặt cọc")
        RELEASED = "released", _("Đã hủy yêu cầu đặt cọc")
        REFUNDED = "refunded", _("Đã hoàn tiền đặt cọc")

    campaign = models.ForeignKey(
        PreorderCampaign, on_delete=models.PROTECT, related_name="preorders"
    )
    order_line = models.OneToOneField(
        "order.Line", on_delete=models.CASCADE, related_name="preorder"
    )
    quantity = models.PositiveIntegerField(_("số lượng"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    deposit = models.PositiveIntegerField(_("tiền đặt cọc (đồng)"), default=0)
    deposit_state = models.CharField(
        _("đặt cọc"), max_length=10, choices=DepositState.choices, default=DepositState.NONE
    )
    cancel_reason = models.CharField(_("lý do hủy"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    allocated_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]  # the order of placing: fulfilment follows it
        verbose_name = _("dòng đặt trước")
        verbose_name_plural = _("dòng đặt trước")

    def __str__(self) -> str:
        return f"{self.campaign.product} × {self.quantity} ({self.status})"


from oscar.apps.partner.models import *  # noqa: E402, F403  (Oscar's partner models)
