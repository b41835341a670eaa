"""Oscar's shipping models, unchanged: the fork only replaces the repository and methods."""

from oscar.apps.shipping.models import *  # noqa: F403
