"""The one vocabulary of order and line statuses, and the moves Oscar allows between them.

The codes are the values stored in ``order.Order.status`` and ``order.Line.status`` (they are
Vietnamese because the shop's first language is; orders placed since the start keep them). What
a person reads comes from :func:`label`, through the translation catalogue. Settings, checkout's
rules, the payment methods and the producer dashboard all take the codes from here.

Pure: no ORM, no settings (see the import contracts in ``pyproject.toml``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

PENDING = "Chờ xử lý"
AWAITING_TRANSFER = "Chờ xác nhận chuyển khoản"
AWAITING_CARD = "Chờ thanh toán thẻ"
PACKED = "Đã đóng gói"  # a line only: the producer's own step before the carrier
PARTLY_SHIPPED = "Đã gửi một phần"  # an order only
SHIPPED = "Đã gửi hàng"
DELIVERED = "Đã giao"
READY_FOR_PICKUP = "Sẵn sàng nhận tại điểm bán"
COLLECTED = "Đã nhận tại điểm bán"
CANCELLED = "Đã hủy"

#: What a payment source's status says once the money is in (``payment.Source`` references).
PAID = "Đã thanh toán"

#: Oscar's ``OSCAR_ORDER_STATUS_PIPELINE``: from each order status, where it may go.
ORDER_PIPELINE: dict[str, tuple[str, ...]] = {
    PENDING: (PARTLY_SHIPPED, SHIPPED, READY_FOR_PICKUP, CANCELLED),
    AWAITING_TRANSFER: (PENDING, CANCELLED),
    AWAITING_CARD: (PENDING, CANCELLED),
    PARTLY_SHIPPED: (SHIPPED, CANCELLED),
    SHIPPED: (DELIVERED,),
    READY_FOR_PICKUP: (COLLECTED, CANCELLED),
    DELIVERED: (),
    COLLECTED: (),
    CANCELLED: (),
}

#: Oscar's ``OSCAR_LINE_STATUS_PIPELINE``. *Packed* leaves the order's status as it is.
LINE_PIPELINE: dict[str, tuple[str, ...]] = {
    PENDING: (PACKED, SHIPPED, READY_FOR_PICKUP, CANCELLED),
    PACKED: (SHIPPED, CANCELLED),
    SHIPPED: (DELIVERED,),
    READY_FOR_PICKUP: (COLLECTED,),
    DELIVERED: (),
    COLLECTED: (),
    CANCELLED: (),
}

#: Every status an order can be in while its payment is still awaited.
AWAITING_PAYMENT = (AWAITING_TRANSFER, AWAITING_CARD)

#: Each code's label, through the translation catalogue (the msgid is the code).
LABELS = {
    PENDING: gettext_lazy("Chờ xử lý"),
    AWAITING_TRANSFER: gettext_lazy("Chờ xác nhận chuyển khoản"),
    AWAITING_CARD: gettext_lazy("Chờ thanh toán thẻ"),
    PACKED: gettext_lazy("Đã đóng gói"),
    PARTLY_SHIPPED: gettext_lazy("Đã gửi một phần"),
    SHIPPED: gettext_lazy("Đã gửi hàng"),
    DELIVERED: gettext_lazy("Đã giao"),
    READY_FOR_PICKUP: gettext_lazy("Sẵn sàng nhận tại điểm bán"),
    COLLECTED: gettext_lazy("Đã nhận tại điểm bán"),
    CANCELLED: gettext_lazy("Đã hủy"),
    PAID: gettext_lazy("Đã thanh toán"),
}


def label(status: str) -> str:
    """What a person reads for ``status`` in the active language (an unknown code as it is)."""
    return str(LABELS.get(status, status))
