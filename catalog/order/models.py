"""Oscar's order models; the shipping address names people the Vietnamese way.

The fork's main change is how orders are placed (``utils``: stock locked and checked).
"""

from oscar.apps.address.abstract_models import AbstractShippingAddress


class ShippingAddress(AbstractShippingAddress):
    """Oscar's shipping address, with the family name first (``Nguyễn Thị Lan``), as Vietnamese
    names are written: the form asks for "họ và tên đệm" (``last_name``) then "tên"
    (``first_name``)."""

    @property
    def salutation(self) -> str:
        return self.join_fields(("title", "last_name", "first_name"), separator=" ").strip()

    @property
    def name(self) -> str:
        return self.join_fields(("last_name", "first_name"), separator=" ")


from oscar.apps.order.models import *  # noqa: E402, F403
