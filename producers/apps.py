"""App config for the partner fork."""

import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app, forked to add producers and the OCOP purchase gate."""

    name = "producers"
    verbose_name = "Chủ thể sản xuất"

    def ready(self) -> None:
        super().ready()
        # Models exist once the registry is ready; an import at module level would be too early.
        from django.db.models.signals import pre_save

        from catalog.uploads import image_shrink_on_save
        from producers.models import Producer

        # A logo is stored no larger than it is ever shown, upright, without EXIF.
        pre_save.connect(
            image_shrink_on_save("logo"),
            sender=Producer,
            weak=False,
            dispatch_uid="producers-shrink-logo",
        )
