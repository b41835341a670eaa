"""``manage.py site_configure``: the Wagtail Site and Django Site take ``SITE_URL``'s address.

Run by the deploy steps after ``migrate`` (deploy/systemd/ocop-web.service runs it before
gunicorn starts), so canonical links, the sitemap and hreflang never point at localhost.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.services import site_address_set


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port (and Django's Site) from SITE_URL."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            default=None,
            help="The public address (default: SITE_URL, i.e. settings.WAGTAILADMIN_BASE_URL).",
        )

    def handle(self, *args, url=None, **options):
        url = url or settings.WAGTAILADMIN_BASE_URL
        try:
            site = site_address_set(url=url, site_name=settings.WAGTAIL_SITE_NAME)
        except (ValueError, LookupError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Site: {site.hostname}:{site.port} ({site.root_url})")
