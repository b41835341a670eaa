"""Oscar's customer models (product alerts), unchanged: the fork changes views and forms only."""

from oscar.apps.customer.models import *  # noqa: F403
