"""Oscar's order models; the shipping address names people the Vietnamese way.

The fork's main change is how orders are placed (``utils``: stock locked and checked).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.abstract_models import AbstractShippingAddress


class ShippingAddress(AbstractShippingAddress):
    """Oscar's shipping address, with the family name first (``Nguyễn Thị Lan``), as Vietnamese
    names are written: the form asks for "họ và tên đệm" (``last_name``) then "tên"
    (``first_name``)."""

    @property
    def salutation(self) -> str:
        return self.join_fields(("title", "last_name", "first_name"), separator=" ").strip()

    @property
    def name(self) -> str:
        return self.join_fields(("last_name", "first_name"), separator=" ")


class LineShipment(models.Model):
    """How one order line left the producer: the carrier and its tracking number, who sent it
    and when. Written once, when the producer marks the line shipped (a line is shipped whole,
    so one row per line)."""

    line = models.OneToOneField(
        "order.Line",
        on_delete=models.CASCADE,
        related_name="shipment",
        verbose_name=_("dòng hàng"),
    )
    carrier = models.CharField(_("đơn vị vận chuyển"), max_length=100)
    tracking_number = models.CharField(_("mã vận đơn"), max_length=64)
    shipped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    shipped_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vận đơn")
        verbose_name_plural = _("vận đơn")

    def __str__(self) -> str:
        return f"{self.carrier} {self.tracking_number}"


from oscar.apps.order.models import *  # noqa: E402, F403
