"""Producer profiles, linked one-to-one to Oscar partners."""

from __future__ import annotations

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


from oscar.apps.partner.models import *  # noqa: E402, F403  (Oscar's partner models)
