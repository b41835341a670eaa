"""Writes about producers' stock: every change is a ledger movement, checked and locked."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from catalog.models import Place
from producers.models import Producer, StockMovement


class StockError(ValueError):
    """A stock change that cannot be made; ``str(error)`` is a message for the user."""


OUTGOING = {
    StockMovement.Kind.SOLD_AT_SHOWROOM,
    StockMovement.Kind.RETURNED,
    StockMovement.Kind.SPOILED,
}


@transaction.atomic
def stock_move(
    *, product, place: Place, quantity: int, kind: str, note: str = "", by=None
) -> StockMovement:
    """Record a movement of ``quantity`` units of ``product`` at showroom ``place``.

    Outgoing kinds take a positive quantity and record it as negative; a correction may go
    either way. The balance may never go below zero: the place's rows for the product are
    locked first, so two counters cannot both sell the last unit.
    """
    try:
        quantity = int(quantity)
    except (TypeError, ValueError):
        raise StockError(_("Số lượng phải là số nguyên.")) from None
    if kind not in StockMovement.Kind.values:
        raise StockError(_("Loại biến động “%(kind)s” không hợp lệ.") % {"kind": kind})
    if place.kind != Place.Kind.SHOWROOM:
        raise StockError(_("Chỉ ghi kho tại các điểm giới thiệu và bán sản phẩm OCOP."))
    if quantity == 0:
        raise StockError(_("Số lượng phải khác 0."))
    if kind in OUTGOING:
        if quantity < 0:
            raise StockError(_("Nhập số lượng dương; hệ thống tự ghi là xuất kho."))
        quantity = -quantity
    elif kind == StockMovement.Kind.SENT_TO_SHOWROOM and quantity < 0:
        raise StockError(_("Số lượng gửi đến điểm bán phải dương."))
    # Lock the product row: movements of one product at any place queue behind each other.
    type(product).objects.select_for_update().filter(pk=product.pk).first()
    balance = stock_balance(product=product, place=place)
    if balance + quantity < 0:
        raise StockError(
            _("Tại %(place)s chỉ còn %(balance)s; không thể xuất %(quantity)s.")
            % {"place": place.name, "balance": balance, "quantity": -quantity}
        )
    return StockMovement.objects.create(
        product=product, place=place, quantity=quantity, kind=kind, note=note.strip(),
        created_by=by,
    )


def stock_balance(*, product, place: Place) -> int:
    """Units of ``product`` held at ``place``: the sum of its ledger."""
    total = StockMovement.objects.filter(product=product, place=place).aggregate(n=Sum("quantity"))
    return total["n"] or 0


def producer_for_user(user) -> Producer | None:
    """The producer a signed-in user belongs to, if any."""
    if not user.is_authenticated:
        return None
    return Producer.objects.filter(partner__users=user).first()
