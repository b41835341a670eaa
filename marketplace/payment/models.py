"""Oscar's payment models (sources, transactions, source types), plus the record of every
Stripe webhook event handled, so a second delivery of an event changes nothing."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StripeEvent(models.Model):
    """One verified Stripe webhook event, recorded once by its id before it is acted upon."""

    event_id = models.CharField(_("mã sự kiện"), max_length=255, unique=True)
    type = models.CharField(_("loại"), max_length=100)
    order_number = models.CharField(_("số đơn hàng"), max_length=128, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=255, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "payment"
        ordering = ["-received_at"]
        verbose_name = _("sự kiện Stripe")
        verbose_name_plural = _("sự kiện Stripe")

    def __str__(self) -> str:
        return f"{self.event_id} ({self.type})"


from oscar.apps.payment.models import *  # noqa: E402, F403
