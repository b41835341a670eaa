"""Writes for checkout and orders: stock allocation and release, transfer confirmation, the
expiry of unpaid orders.

Each public function runs in one transaction and locks the rows it changes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import InvalidLineStatus, UnableToPlaceOrder
from oscar.core.loading import get_model

from catalog import pickup
from catalog.models import Place
from catalog.seasons import SaleMode
from marketplace.checkout import messages, rules, selectors
from marketplace.payment.methods import transfer as payment_methods
from marketplace.payment.methods.stripe_card import (
    STATUS_AWAITING_CARD,
    payment_intent_abandon,
    payment_intent_refund,
)
from marketplace.shipping.methods import pickup_place_id
from producers.models import Preorder, StockMovement
from producers.selectors import product_sale
from producers.services import (
    StockError,
    preorder_release,
    preorder_reserve,
    stock_line_ship,
    stock_move,
)

StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")


@transaction.atomic
def order_line_allocate(*, order, basket_line, order_line=None) -> None:
    """Reserve ``basket_line``'s units for ``order``: against the product's pre-order quota
    when it is sold by pre-order today, else from the pickup showroom's ledger, or from
    online stock.

    Raises :class:`UnableToPlaceOrder` with a message naming the product when too few are left;
    the caller's transaction then rolls the whole order back.
    """

    line = basket_line
    title = line.product.get_title()
    if order_line is not None and line.product.harvest_windows:
        sale = product_sale(line.product)
        if sale.mode == SaleMode.PREORDER:
            try:
                preorder_reserve(
                    product=line.product,
                    order_line=order_line,
                    quantity=line.quantity,
                    unit_price=int(line.unit_price_incl_tax or 0),
                    pays_deposit=order.status == payment_methods.STATUS_AWAITING_TRANSFER,
                )
            except StockError as error:
                raise UnableToPlaceOrder(str(error)) from None
            return
        if sale.mode == SaleMode.CLOSED:
            raise UnableToPlaceOrder(_("“%(title)s” đang hết mùa vụ.") % {"title": title})
    place_id = pickup_place_id(order.shipping_code)
    if place_id is not None:
        place = Place.objects.filter(pk=place_id, kind__in=Place.STOCK_KINDS).first()
        if place is None:
            raise UnableToPlaceOrder(_("Điểm nhận hàng đã chọn không còn tồn tại."))
        if not pickup.pickup_open(
            kind=place.kind,
            open_from=place.open_from,
            open_until=place.open_until,
            today=timezone.localdate(),
        ):
            # A fair booth chosen yesterday, on the fair's last day, no longer hands over.
            raise UnableToPlaceOrder(
                _("%(place)s không còn nhận giữ hàng hôm nay; vui lòng chọn cách nhận khác.")
                % {"place": place.get_name()}
            )
        try:
            stock_move(
                product=line.product,
                place=place,
                quantity=line.quantity,
                kind=StockMovement.Kind.SOLD_AT_SHOWROOM,
                note=_("Giữ hàng cho đơn %(number)s (nhận tại điểm bán)")
                % {"number": order.number},
            )
        except StockError:
            raise UnableToPlaceOrder(
                _("“%(title)s”: %(place)s không còn đủ hàng để giữ cho bạn.")
                % {"title": title, "place": place.get_name()}
            ) from None
        return
    if line.stockrecord_id is None:
        raise UnableToPlaceOrder(_("“%(title)s” hiện không có hàng.") % {"title": title})
    record = StockRecord.objects.select_for_update().get(pk=line.stockrecord_id)
    if not record.can_track_allocations:
        return
    if record.net_stock_level < line.quantity:
        raise UnableToPlaceOrder(
            _("“%(title)s” chỉ còn %(left)s sản phẩm; vui lòng giảm số lượng trong giỏ.")
            % {"title": title, "left": max(record.net_stock_level, 0)}
        )
    record.allocate(line.quantity)


@transaction.atomic
def order_cancel(*, order, note: str = "") -> bool:
    """Cancel ``order`` and release its stock, exactly once.

    Returns ``False`` (and changes nothing) when the order was already cancelled, or has gone
    too far to cancel (shipped, collected, delivered).
    """

    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status not in (
        payment_methods.STATUS_PENDING,
        payment_methods.STATUS_AWAITING_TRANSFER,
        STATUS_AWAITING_CARD,
    ):
        return False
    place_id = pickup_place_id(order.shipping_code)
    place = Place.objects.filter(pk=place_id).first() if place_id else None
    for line in order.lines.select_related("product", "stockrecord").order_by("stockrecord_id"):
        if line.status == rules.LINE_CANCELLED:
            continue
        preorder = (
            Preorder.objects.filter(order_line=line)
            .exclude(status=Preorder.Status.CANCELLED)
            .first()
        )
        if preorder is not None:
            # A pre-order holds quota, not stock (unless the harvest was allocated to it).
            preorder_release(preorder=preorder, reason=note or _("Đơn hàng bị hủy"))
        elif place is not None:
            stock_move(
                product=line.product,
                place=place,
                quantity=line.quantity,
                kind=StockMovement.Kind.CORRECTION,
                note=_("Hủy đơn %(number)s: trả hàng giữ") % {"number": order.number},
            )
        elif line.stockrecord_id:
            StockRecord.objects.select_for_update().get(pk=line.stockrecord_id)
            line.stockrecord.cancel_allocation(line.quantity)
        line.status = rules.LINE_CANCELLED
        line.save(update_fields=["status"])
    old = order.status
    order.status = payment_methods.STATUS_CANCELLED
    order.save(update_fields=["status"])
    order.status_changes.create(old_status=old, new_status=order.status)
    if note:
        order.notes.create(message=note, note_type="System")
    return True


@transaction.atomic
def bank_transfer_confirm(*, order, user=None) -> bool:
    """Staff saw the transfer arrive: record the payment (the amount due now: pre-orders count
    their deposits) and release the order for fulfilment.

    Returns ``False`` (changing nothing) unless the order is awaiting a transfer, so a second
    click records nothing twice.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status != payment_methods.STATUS_AWAITING_TRANSFER:
        return False
    _order_payment_received(
        order=order,
        amount=selectors.order_due_now(order),
        reference=payment_methods.transfer_message(order.number),
        event_code="transfer-received",
        event_name="Đã nhận chuyển khoản",
    )
    # The transfer carried the pre-orders' deposits (see selectors.order_due_now).
    Preorder.objects.filter(
        order_line__order=order, deposit_state=Preorder.DepositState.AWAITED
    ).update(deposit_state=Preorder.DepositState.PAID)
    return True


def _order_payment_received(
    *, order, amount, reference: str, event_code: str, event_name: str
) -> None:
    """Record a received payment on a locked order and release it for fulfilment.

    Debits the order's payment sources, records a payment event covering every line, moves
    the order to pending, and emails the shopper once the transaction commits.
    """
    PaymentEventType = get_model("order", "PaymentEventType")
    event_type, _created = PaymentEventType.objects.get_or_create(
        code=event_code, defaults={"name": event_name}
    )
    for source in order.sources.all():
        source.debit(amount, reference=reference)
    event = order.payment_events.create(event_type=event_type, amount=amount, reference=reference)
    for line in order.lines.all():
        event.line_quantities.create(line=line, quantity=line.quantity)
    old = order.status
    order.status = payment_methods.STATUS_PENDING
    order.save(update_fields=["status"])
    order.status_changes.create(old_status=old, new_status=order.status)
    transaction.on_commit(lambda: order_message_send(order=order, code="PAYMENT_RECEIVED"))


def order_message_send(*, order, code: str) -> None:
    """Email the shopper the message ``code`` about ``order`` (Oscar's communication app)."""

    messages.order_message_send(order=order, code=code)


class LineStatusError(ValueError):
    """A line status change that is not allowed; ``str(error)`` is a message for the user."""


@transaction.atomic
def order_line_status_set(*, line, status: str, by=None) -> str:
    """Move one line (a producer fulfilling its part) to ``status``; the order follows.

    The order's status is derived from all its lines (:func:`rules.order_status_from_lines`).
    The shopper is emailed when the order becomes (partly) shipped or ready for pickup.
    A delivery line that ships takes its units out of the online warehouse (once, recorded
    as by ``by``). Returns the order's new status.
    """

    order = Order.objects.select_for_update().get(pk=line.order_id)
    line = order.lines.get(pk=line.pk)
    if order.status in (
        payment_methods.STATUS_AWAITING_TRANSFER,
        payment_methods.STATUS_CANCELLED,
        STATUS_AWAITING_CARD,
    ):
        raise LineStatusError(_("Đơn hàng chưa thanh toán hoặc đã hủy: chưa thể xử lý."))
    try:
        line.set_status(status)
    except InvalidLineStatus:
        raise LineStatusError(
            _("Không thể chuyển dòng hàng từ “%(old)s” sang “%(new)s”.")
            % {"old": line.status, "new": status}
        ) from None
    if status == rules.LINE_SHIPPED:
        # Every path that ships goes through here, so the stock leaves exactly once; a pickup
        # line's units already left its showroom at checkout (stock_line_ship skips those).

        try:
            stock_line_ship(
                line=line, pickup=pickup_place_id(order.shipping_code) is not None, by=by
            )
        except StockError as error:
            raise LineStatusError(str(error)) from None
    statuses = list(order.lines.values_list("status", flat=True))
    new = rules.order_status_from_lines(statuses, current=order.status)
    if new != order.status:
        old = order.status
        order.status = new
        order.save(update_fields=["status"])
        order.status_changes.create(old_status=old, new_status=new)
        code = {
            rules.ORDER_PARTLY_SHIPPED: "SHIPPED",
            rules.ORDER_SHIPPED: "SHIPPED",
            rules.ORDER_READY: "READY_FOR_PICKUP",
        }.get(new)
        if code:
            transaction.on_commit(lambda: order_message_send(order=order, code=code))
    return order.status


@transaction.atomic
def card_payment_record(*, order, amount: int, reference: str) -> bool:
    """A verified card payment of ``amount`` đồng arrived: record it once, release the order.

    Returns ``False`` (changing nothing) unless the order is awaiting a card payment.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status != STATUS_AWAITING_CARD:
        return False
    _order_payment_received(
        order=order,
        amount=amount,
        reference=reference,
        event_code="card-paid",
        event_name="Đã thanh toán thẻ (Stripe)",
    )
    return True


#: Order note type of a problem staff must resolve by hand (shown in the order's notes).
NOTE_NEEDS_STAFF = "Error"


@transaction.atomic
def card_payment_failure_record(*, order, reference: str, reason: str) -> None:
    """A card attempt for ``order`` was declined: note it, and leave the order waiting.

    Stripe keeps the PaymentIntent open for another card, so this is not final: the order
    is cancelled only when the PaymentIntent is (:func:`order_cancel_with_payment`, the
    expiry job, or Stripe's ``payment_intent.canceled``).
    """
    order.notes.create(
        note_type="System",
        message=_("Stripe: thẻ bị từ chối (%(intent)s): %(reason)s")
        % {"intent": reference, "reason": reason or "-"},
    )


@transaction.atomic
def card_payment_late(*, order, amount: int, reference: str) -> str:
    """A verified card payment of ``amount`` đồng arrived for ``order`` after it stopped
    waiting for one (cancelled by the shopper, staff or the expiry job): refund it.

    The money is recorded as debited on the order's source, then as refunded with Stripe's
    refund id, with a note on the order. When Stripe cannot refund, the order gets a note
    staff must act on and staff are emailed. A second event for the same PaymentIntent
    changes nothing, and a payment already recorded as paying the order is left alone.
    Returns the outcome for the event record.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.payment_events.filter(reference=reference).exists():
        return f"already paid ({order.status})"
    source = order.sources.first()
    if (
        source is not None
        and source.transactions.filter(txn_type="Debit", reference=reference).exists()
    ):
        return "late payment already recorded"
    # Stripe is asked while the order row is locked, so two deliveries cannot both refund;
    # the refund's idempotency key makes a retry after a rollback return the same refund.
    refund = payment_intent_refund(order=order, intent_id=reference, amount=amount)
    if source is not None:
        source.debit(amount, reference=reference)
    if refund.refund_id:
        if source is not None:
            source.refund(amount, reference=refund.refund_id)
        order.notes.create(
            note_type="System",
            message=_(
                "Stripe: khoản thanh toán %(amount)s ₫ (%(intent)s) đến khi đơn đã %(status)s; "
                "đã tự động hoàn tiền (%(refund)s)."
            )
            % {
                "amount": amount,
                "intent": reference,
                "status": order.status,
                "refund": refund.refund_id,
            },
        )
        return f"refunded {refund.refund_id}"
    message = _(
        "CẦN HOÀN TIỀN THỦ CÔNG: khoản thanh toán thẻ %(amount)s ₫ (%(intent)s) đến khi đơn "
        "đã %(status)s, và không hoàn tiền tự động được: %(error)s"
    ) % {"amount": amount, "intent": reference, "status": order.status, "error": refund.error}
    order.notes.create(note_type=NOTE_NEEDS_STAFF, message=message)
    transaction.on_commit(
        lambda: messages.staff_alert_send(
            subject=_("Đơn %(number)s: cần hoàn tiền thẻ thủ công") % {"number": order.number},
            body=message,
        )
    )
    return f"refund failed: {refund.error}"


def order_cancel_with_payment(*, order, note: str = "") -> str:
    """Cancel ``order`` (see :func:`order_cancel`) once no card payment can arrive for it.

    A card order's PaymentIntent is cancelled at Stripe first, outside any transaction (a
    network call must not hold row locks); if Stripe is unreachable or the payment is already
    succeeding, nothing is cancelled. Returns ``""`` when the order was cancelled, else why not.
    """
    refusal = payment_intent_abandon(order=order)
    if refusal:
        return refusal
    if not order_cancel(order=order, note=note):
        return _("Đơn hàng đã hủy hoặc đã xử lý, không hủy được nữa.")
    return ""


@dataclass
class UnpaidExpiry:
    """What :func:`orders_unpaid_expire` did: the orders it cancelled, and those it left alone
    with the reason (a card payment Stripe may still complete)."""

    cancelled: list = field(default_factory=list)
    skipped: list[tuple[object, str]] = field(default_factory=list)


def orders_unpaid_expire(
    *, now: datetime | None = None, hours: dict[str, float] | None = None
) -> UnpaidExpiry:
    """Cancel orders left unpaid too long (``settings.OCOP_UNPAID_ORDER_HOURS`` by default),
    release their stock once through :func:`order_cancel`, and email each shopper.

    Each order is cancelled in its own transaction, so one failure leaves the others done.
    Running it again (or at the same time as a staff cancel) changes nothing twice:
    :func:`order_cancel` locks the order and acts only on an unpaid one. A card order whose
    PaymentIntent Stripe can no longer cancel (paid or processing) is skipped: the webhook
    decides it.
    """

    now = now or timezone.now()
    hours = settings.OCOP_UNPAID_ORDER_HOURS if hours is None else hours
    result = UnpaidExpiry()
    for order in selectors.orders_unpaid_overdue(now=now, hours=hours):
        if order.status == STATUS_AWAITING_CARD:
            refusal = payment_intent_abandon(order=order)
            if refusal:
                result.skipped.append((order, refusal))
                continue
        with transaction.atomic():
            # Staff may have confirmed the transfer since the list was read: order_cancel also
            # cancels pending (paid) orders, so check again under the lock.
            locked = Order.objects.select_for_update().get(pk=order.pk)
            if locked.status != order.status:
                continue
            if order_cancel(order=locked, note="Tự động hủy: quá hạn thanh toán"):
                transaction.on_commit(
                    lambda order=order: order_message_send(order=order, code="ORDER_EXPIRED")
                )
                result.cancelled.append(order)
    return result


#: A basket frozen this recently may still be on its way to an order in another request of the
#: same shopper (Oscar freezes at submit, then takes payment and writes the order).
FROZEN_BASKET_GRACE_SECONDS = 60


def _frozen_at_key(basket_id: int) -> str:
    return f"checkout:basket-frozen-at:{basket_id}"


def _owner_frozen_key(owner_id: int) -> str:
    return f"checkout:owner-has-frozen-basket:{owner_id}"


def basket_freeze(*, basket, now: float | None = None) -> None:
    """Freeze ``basket`` at submit (Oscar's step), noting when, and for its owner that a frozen
    basket exists (see :func:`basket_thaw_abandoned`). The notes live in the cache so that the
    basket middleware costs no query on ordinary requests; ``now`` is for tests."""
    basket.freeze()
    cache.set(_frozen_at_key(basket.pk), time.time() if now is None else now, 3600)
    if basket.owner_id:
        cache.set(_owner_frozen_key(basket.owner_id), True, 3600)


def basket_thaw_pending(*, owner_id: int | None = None, basket_id: int | None = None) -> bool:
    """Whether a submit froze a basket of ``owner_id`` (or the anonymous ``basket_id``)
    recently enough for :func:`basket_thaw_abandoned` to be worth a query (no SQL)."""
    if owner_id is not None:
        return bool(cache.get(_owner_frozen_key(owner_id)))
    return basket_id is not None and cache.get(_frozen_at_key(basket_id)) is not None


def basket_thaw_abandoned(*, owner=None, basket_id: int | None = None) -> int:
    """Reopen the frozen baskets of ``owner`` (a signed-in shopper) or the one anonymous basket
    ``basket_id`` that no order references: their submit never finished (a worker killed
    mid-checkout), and Oscar would otherwise hand the shopper a new, empty basket while the
    goods stay in the frozen one. Baskets frozen less than ``FROZEN_BASKET_GRACE_SECONDS`` ago
    are left alone (their order may be being written). Returns the number thawed; once nothing
    is left to wait for, the cache notes of :func:`basket_freeze` are cleared.
    """
    if owner is None and basket_id is None:
        return 0
    frozen = Basket._default_manager.filter(status=Basket.FROZEN)
    frozen = (
        frozen.filter(owner=owner) if owner is not None else frozen.filter(pk=basket_id, owner=None)
    )
    thawed, waiting = 0, False
    for basket in frozen.exclude(
        pk__in=Order.objects.filter(basket__isnull=False).values("basket_id")
    ):
        frozen_at = cache.get(_frozen_at_key(basket.pk))
        if frozen_at is not None and time.time() - frozen_at < FROZEN_BASKET_GRACE_SECONDS:
            waiting = True
            continue
        basket.thaw()
        cache.delete(_frozen_at_key(basket.pk))
        thawed += 1
    if not waiting:
        if owner is not None:
            cache.delete(_owner_frozen_key(owner.pk))
        else:
            cache.delete(_frozen_at_key(basket_id))
    return thawed


@transaction.atomic
def order_preorder_cancel(*, preorder: Preorder, reason: str, by=None) -> str:
    """The producer cancels one pre-order line with ``reason``: the quota (and any allocated
    harvest) is released, the deposit record refunded or released, the order line cancelled
    (the order follows its lines) and the shopper emailed, in the language they ordered in,
    once the transaction commits. Raises :class:`StockError` (nothing changed) when the line
    was already cancelled or shipped, or no reason is given. Returns the order's status."""
    order = Order.objects.select_for_update().get(pk=preorder.order_line.order_id)
    preorder = preorder_release(preorder=preorder, reason=reason)
    line = order.lines.get(pk=preorder.order_line_id)
    line.status = rules.LINE_CANCELLED
    line.save(update_fields=["status"])
    order.notes.create(
        note_type="System",
        message=_("Hủy đặt trước “%(title)s” × %(quantity)s: %(reason)s")
        % {"title": line.title, "quantity": line.quantity, "reason": preorder.cancel_reason},
    )
    statuses = list(order.lines.values_list("status", flat=True))
    new = rules.order_status_from_lines(statuses, current=order.status)
    if new != order.status:
        old = order.status
        order.status = new
        order.save(update_fields=["status"])
        order.status_changes.create(old_status=old, new_status=new)
    transaction.on_commit(lambda: messages.preorder_cancelled_send(order=order, preorder=preorder))
    return order.status
