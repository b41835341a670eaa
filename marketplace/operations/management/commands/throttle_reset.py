"""``manage.py throttle_reset``: forget the rate-limit counters of the password-reset and
invitation forms (see :mod:`marketplace.throttle`). Sign-in lockouts are django-axes':
``axes_reset``."""

from django.core.management.base import BaseCommand

from marketplace.throttle import throttle_reset


class Command(BaseCommand):
    """Forget every form rate-limit counter."""

    help = "Forget the rate-limit counters of the password-reset and invitation forms."

    def handle(self, *args, **options):
        throttle_reset()
        self.stdout.write("Form rate limits reset.")
