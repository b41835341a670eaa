"""Oscar's customer admin, as before the fork."""

from oscar.apps.customer.admin import *  # noqa: F403
