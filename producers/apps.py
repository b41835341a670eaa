"""App config for the partner fork."""

import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app, forked to add producers and the OCOP purchase gate."""

    name = "producers"
    verbose_name = "Chủ thể sản xuất"
