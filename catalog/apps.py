"""App config for the catalogue fork; Oscar's URLs, our views."""

import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue, forked so that products carry a producer, an origin and OCOP ratings."""

    name = "catalog"
    verbose_name = "Sản phẩm OCOP"

    def ready(self) -> None:
        super().ready()
        # Models exist once the registry is ready; an import at module level would be too early.
        from django.db.models.signals import pre_save

        from catalog.models import OcopCertificate, ProductCredential, ProductImage
        from catalog.uploads import image_shrink_on_save

        # Every stored image no larger than it is ever shown, upright, without EXIF: product
        # photos from Oscar's dashboard too, and scans that are photos.
        for model, field in (
            (ProductImage, "original"),
            (OcopCertificate, "scan"),
            (ProductCredential, "scan"),
        ):
            pre_save.connect(
                image_shrink_on_save(field),
                sender=model,
                weak=False,
                dispatch_uid=f"catalog-shrink-{model._meta.model_name}",
            )
