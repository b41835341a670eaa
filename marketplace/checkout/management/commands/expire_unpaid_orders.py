"""``manage.py expire_unpaid_orders``: cancel orders left unpaid too long and release their stock.

Bank transfers wait ``OCOP_UNPAID_ORDER_HOURS["bank_transfer"]`` hours (48 by default), card
payments ``["card"]`` (2). Run it every few minutes or hourly (cron or a systemd timer; see the
README). Running it twice cancels nothing twice.
"""

from __future__ import annotations

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from marketplace.checkout import services


class Command(BaseCommand):
    """Cancel overdue unpaid orders, email their shoppers, and print what was done."""

    help = (
        "Cancel orders still waiting for a bank transfer or a card payment after the time "
        "allowed (settings.OCOP_UNPAID_ORDER_HOURS), release their stock and email the shopper."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now",
            help="Run as if it were this moment (ISO 8601, e.g. 2026-11-30T08:00; "
            "local time unless an offset is given).",
        )

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        if options["now"]:
            try:
                now = datetime.fromisoformat(options["now"])
            except ValueError:
                raise CommandError("--now must be an ISO 8601 date and time.") from None
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        try:
            result = services.orders_unpaid_expire(now=now)
        except ValueError as error:  # a bad OCOP_UNPAID_ORDER_HOURS
            raise CommandError(f"OCOP_UNPAID_ORDER_HOURS: {error}") from None
        for order in result.cancelled:
            placed = timezone.localtime(order.date_placed)
            self.stdout.write(
                f"cancelled {order.number} (placed {placed:%Y-%m-%d %H:%M}, "
                f"{order.total_incl_tax:.0f} VND, was “{order.status}”)"
            )
        for order, reason in result.skipped:
            self.stdout.write(f"left {order.number} alone: {reason}")
        self.stdout.write(
            f"{timezone.localtime(now):%Y-%m-%d %H:%M}: {len(result.cancelled)} unpaid order(s) "
            f"cancelled, {len(result.skipped)} left for Stripe."
        )
