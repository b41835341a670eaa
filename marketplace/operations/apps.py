"""Operations: the commands that keep a production site safe (backup and restore)."""

from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Holds ``manage.py backup`` and ``manage.py restore``; no models."""

    name = "marketplace.operations"
    label = "operations"
