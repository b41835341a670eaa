"""App config for the catalogue fork; Oscar's URLs, our views."""

import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue, forked so that products carry a producer, an origin and OCOP ratings."""

    name = "catalog"
    verbose_name = "Sản phẩm OCOP"
