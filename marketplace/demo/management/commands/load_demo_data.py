"""``manage.py load_demo_data``: the Bắc Giang demo dataset, loaded idempotently."""

from __future__ import annotations

import time
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from marketplace.demo import data as demo_data
from marketplace.demo.loader import demo_data_load


class Command(BaseCommand):
    """Load districts, OCOP groups, producers, products, certificates, places, the home page and
    two demo logins. Running it again adds only what is missing."""

    help = (
        "Load the OCOP Bắc Giang demo data (idempotent) and print the demo logins. "
        "It sets known passwords, so it refuses to run with DEBUG off unless --force is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-images",
            action="store_true",
            help="Do not draw product pictures or producer logos.",
        )
        parser.add_argument(
            "--image-size",
            type=int,
            default=800,
            help="Side of a product picture in pixels (default 800).",
        )
        parser.add_argument(
            "--as-of",
            type=date.fromisoformat,
            default=None,
            metavar="YYYY-MM-DD",
            help="Load as if on this day (default: today); re-evaluations keep "
            "the storefront as it stood on the dataset's own date.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (never on a production database).",
        )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like production. The demo data sets the published "
                "passwords below for 'admin' and a producer; pass --force if you mean it."
            )
        if not 64 <= options["image_size"] <= 2000:
            raise CommandError("--image-size must be between 64 and 2000 pixels.")
        started = time.perf_counter()
        summary = demo_data_load(
            images=not options["no_images"],
            image_size=options["image_size"],
            today=options["as_of"],
        )
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {elapsed:.1f} s:"))
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write(
            "Demo logins:\n"
            f"  staff (Wagtail /admin/, Oscar /cua-hang/dashboard/): "
            f"{demo_data.ADMIN_USERNAME} / {demo_data.ADMIN_PASSWORD}\n"
            f"  producer (dashboard /cua-hang/quan-ly/): "
            f"{demo_data.PRODUCER_USERNAME} / {demo_data.PRODUCER_PASSWORD}\n"
            f"  website editor (Wagtail /admin/, cannot publish): "
            f"{demo_data.EDITOR_USERNAME} / {demo_data.EDITOR_PASSWORD}\n"
            f"  website moderator (Wagtail /admin/, approves and publishes): "
            f"{demo_data.MODERATOR_USERNAME} / {demo_data.MODERATOR_PASSWORD}"
        )
        for line in summary.extra_lines:
            self.stdout.write(line)
