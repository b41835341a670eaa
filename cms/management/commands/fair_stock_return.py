"""``manage.py fair_stock_return``: after a fair, what is left at each booth that kept orders
for pickup goes back to its producer's online warehouse
(:func:`cms.services.fair_booths_stock_return`).

Run daily by deploy/systemd/ocop-job@fair_stock_return.timer; idempotent (a second run on the
same day moves nothing), so a missed or repeated run does no harm.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.services import fair_booths_stock_return


class Command(BaseCommand):
    help = "Move what is left at fair booths whose fair has ended back to the online warehouse."

    def handle(self, *args, **options):
        moved = fair_booths_stock_return(today=timezone.localdate())
        self.stdout.write(f"Fair booths: {moved} unit(s) returned to the online warehouse.")
