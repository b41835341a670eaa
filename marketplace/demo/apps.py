"""The demo loader as an app, so that ``manage.py load_demo_data`` is found."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The Bắc Giang demo: the one module allowed to know every app (see pyproject's contracts)."""

    name = "marketplace.demo"
    label = "demo"
    verbose_name = "Demo"
