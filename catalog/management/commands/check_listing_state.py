"""``manage.py check_listing_state``: compare the products' stored ratings with their certificates.

The storefront gate reads each product's current rating from indexed ``listing_*`` columns
(see :class:`catalog.models.Product`). This command recomputes them from the certificates and
reports rows that disagree (``wrong``: a write path skipped the refresh) or whose window has
closed (``stale``: the daily job has not run yet). ``--fix`` rewrites both. It exits with
status 1 when wrong rows are found and not fixed.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from catalog import services


class Command(BaseCommand):
    """Report (or with ``--fix`` repair) drift between stored ratings and certificates."""

    help = "Check the products' stored OCOP ratings against their certificates (--fix repairs)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fix", action="store_true", help="Rewrite wrong and stale rows.")
        parser.add_argument("--date", help="Check as if today were YYYY-MM-DD.")

    def handle(self, *args, **options) -> None:
        today = timezone.localdate()
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be YYYY-MM-DD.") from None
        drift = services.product_listing_drift(today=today)
        wrong, stale = drift["wrong"], drift["stale"]
        self.stdout.write(
            f"{today.isoformat()}: {len(wrong)} wrong, {len(stale)} stale listing state(s)."
            + (f" Wrong: {', '.join(map(str, wrong[:50]))}" if wrong else "")
        )
        if options["fix"] and (wrong or stale):
            written = services.product_listing_refresh(today=today, product_ids=wrong + stale)
            self.stdout.write(f"Rewrote {written} row(s).")
        elif wrong:
            raise CommandError("Stored ratings disagree with the certificates (run with --fix).")
