"""The payment methods: cash on delivery (default) and bank transfer by VietQR."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from marketplace.order import statuses
from marketplace.payment.methods import vietqr
from marketplace.payment.methods.base import PaymentMethod, PaymentStart

STATUS_PENDING = statuses.PENDING
STATUS_AWAITING_TRANSFER = statuses.AWAITING_TRANSFER
STATUS_PAID = statuses.PAID
STATUS_CANCELLED = statuses.CANCELLED


class CashOnDelivery(PaymentMethod):
    """Pay the courier, or the showroom counter, in cash: nothing is taken online."""

    code = "cod"
    name = _("Thanh toán khi nhận hàng (COD)")
    description = _("Trả tiền mặt cho người giao hàng hoặc tại quầy khi nhận hàng.")

    def start(self, *, order_number: str, total: int) -> PaymentStart:
        return PaymentStart(
            source_type=str(self.name),
            allocated=total,
            order_status=STATUS_PENDING,
            reference=order_number,
        )


class BankTransfer(PaymentMethod):
    """Transfer by scanning a VietQR code; staff confirm the money arrived before shipping."""

    code = "bank_transfer"
    name = _("Chuyển khoản ngân hàng (VietQR)")
    description = _(
        "Quét mã VietQR bằng ứng dụng ngân hàng; đơn hàng được xử lý khi cửa hàng xác nhận "
        "đã nhận tiền."
    )

    def is_enabled(self) -> bool:
        account = settings.OCOP_BANK_TRANSFER
        return bool(account.get("bin") and account.get("account"))

    def start(self, *, order_number: str, total: int) -> PaymentStart:
        return PaymentStart(
            source_type=str(self.name),
            allocated=total,
            order_status=STATUS_AWAITING_TRANSFER,
            reference=transfer_message(order_number),
        )


def transfer_message(order_number: str) -> str:
    """The message the shopper's transfer must carry, so staff can match it to the order."""
    return vietqr.ascii_message(f"OCOP {order_number}")


def transfer_qr(*, order_number: str, total: int) -> dict:
    """What the thank-you page shows for a bank transfer: payload, QR image and account."""
    account = settings.OCOP_BANK_TRANSFER
    data = vietqr.payload(
        bank_bin=account["bin"],
        account=account["account"],
        amount=int(total),
        message=transfer_message(order_number),
    )
    return {
        "payload": data,
        "image": vietqr.qr_svg_data_uri(data),
        "bank_name": account.get("bank_name", ""),
        "account": account["account"],
        "account_name": account.get("name", ""),
        "message": transfer_message(order_number),
        "amount": int(total),
    }
