"""``manage.py expire_certificates``: the daily job for OCOP certificates.

Marks certificates past their validity as expired (which the storefront gate already honours from
the day after ``valid_until``) and sends the 90- and 30-day expiry notices, each once.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from catalog import services


class Command(BaseCommand):
    """Run once a day (cron or a systemd timer; see the README)."""

    help = "Mark lapsed OCOP certificates expired and send the 90/30-day expiry notices."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Run as if today were YYYY-MM-DD (catching up).")
        parser.add_argument("--no-notices", action="store_true", help="Do not send notices.")

    def handle(self, *args, **options) -> None:
        today = timezone.localdate()
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be YYYY-MM-DD.") from None
        expired = services.certificates_expire(today=today)
        notices = 0 if options["no_notices"] else services.certificates_notify(today=today)
        self.stdout.write(
            f"{today.isoformat()}: {expired} certificate(s) marked expired, "
            f"{notices} expiry notice(s) sent."
        )
