"""Oscar's payment admin (sources, source types, bank cards), as before the fork."""

from oscar.apps.payment.admin import *  # noqa: F403
