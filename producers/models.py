"""Producer profiles, linked one-to-one to Oscar partners."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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
        "catalogue.Commune", on_delete=models.PROTECT, related_name="producers",
        verbose_name=_("xã"),
    )
    story = models.TextField(_("câu chuyện"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="producers/", blank=True)
    contact_name = models.CharField(_("người liên hệ"), max_length=120, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("chủ thể sản xuất")
        verbose_name_plural = _("chủ thể sản xuất")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("producers:detail", kwargs={"slug": self.slug})


class StockMovement(models.Model):
    """One change of a product's stock held at a showroom point: an append-only ledger.

    The balance at a place is the sum of its movements, so the ledger is also the audit trail.
    Online stock stays in Oscar's stock records until the producer dashboard moves it here too.
    """

    class Kind(models.TextChoices):
        SENT_TO_SHOWROOM = "sent_to_showroom", _("Gửi đến điểm bán")
        SOLD_AT_SHOWROOM = "sold_at_showroom", _("Bán tại điểm bán")
        RETURNED = "returned", _("Trả về chủ thể")
        SPOILED = "spoiled", _("Hư hỏng")
        CORRECTION = "correction", _("Điều chỉnh kiểm kê")

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, related_name="stock_movements"
    )
    place = models.ForeignKey(
        "catalogue.Place", on_delete=models.PROTECT, related_name="stock_movements",
        limit_choices_to={"kind": "showroom"},
    )
    quantity = models.IntegerField(_("số lượng (+ nhập, − xuất)"))
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
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


from oscar.apps.partner.models import *  # noqa: E402, F403  (Oscar's partner models)
