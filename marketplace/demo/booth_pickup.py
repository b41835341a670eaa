"""Demo booth pickup: at the Hà Nội OCOP fair (upcoming, :mod:`marketplace.demo.fairs`), the
Chũ noodle cooperative's accepted booth keeps orders for pickup and holds some of the products it
brings, sent from its online warehouse; the lychee cooperative (the demo producer login) has
ticked "offers pickup" on its pending application, so its dashboard shows the choice.

The fair's dates are relative to the day of loading, so the booth opens for pickup when that
fair starts. Idempotent: pickup is set again (no change), stock is sent only to a booth whose
ledger is empty.
"""

from __future__ import annotations

from django.utils import timezone

from cms.models import FairApplication
from cms.services import fair_application_pickup_set
from producers.models import StockMovement
from producers.services import StockError, stock_transfer

FAIR_SLUG = "hoi-cho-ocop-ha-noi"
#: (producer slug, units sent to the booth per product brought; 0: pickup ticked, no stock yet)
PICKUP_BOOTHS = (("htx-my-chu-nam-duong", 12), ("htx-vai-thieu-luc-ngan", 0))


def demo_booth_pickup_load(*, by=None) -> int:
    """Offer pickup at the demo booths and stock the accepted one; returns the units sent."""
    today = timezone.localdate()
    sent = 0
    for producer_slug, units in PICKUP_BOOTHS:
        application = (
            FairApplication.objects.filter(
                fair__slug=FAIR_SLUG, fair__locale__language_code="vi", producer__slug=producer_slug
            )
            .select_related("producer")
            .first()
        )
        if application is None:
            continue
        application = fair_application_pickup_set(
            application_id=application.pk, producer=application.producer, offers=True, today=today
        )
        place = application.pickup_place
        if not units or place is None or StockMovement.objects.filter(place=place).exists():
            continue
        for product in application.products.all():
            try:
                stock_transfer(
                    product=product,
                    source=None,
                    target=place,
                    quantity=units,
                    note="Hàng mang đến hội chợ (dữ liệu mẫu)",
                    by=by,
                )
            except StockError:
                continue  # too little online stock: the booth simply holds less
            sent += units
    return sent
