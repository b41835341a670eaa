"""Oscar's dashboard, forked (label "dashboard") only so that ``get_class`` looks in this package
for the sub-apps forked here (:mod:`marketplace.dashboard.catalogue`); Oscar resolves
``dashboard.catalogue.forms`` through the parent app's module path."""

from oscar.apps.dashboard import apps


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard, unchanged."""

    name = "marketplace.dashboard"
