"""Oscar's catalogue dashboard, forked so that its forms come from this package."""

from oscar.apps.dashboard.catalogue import apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Same label, URLs and permissions as Oscar's; ``get_class`` finds :mod:`.forms` here."""

    name = "marketplace.dashboard.catalogue"
