"""Oscar's shipping admin, as before the fork."""

from oscar.apps.shipping.admin import *  # noqa: F403
