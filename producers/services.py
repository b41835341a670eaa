"""Writes about producers' stock: every change is a ledger movement, checked and locked.

Locations: a showroom point (``place``) or the producer's online warehouse (``place=None``).
The online warehouse's balance is the sum of its ledger, and Oscar's stock record for the
producer (``StockRecord.num_in_stock``, which checkout allocates from under a row lock) is kept
equal to it in the same transaction. Units allocated to orders not yet shipped
(``num_allocated``) stay in the warehouse until :func:`stock_line_ship` takes them out, so no
movement may take the warehouse below them.

Locks: a movement locks the product row first (every location of one product queues behind
it), then, online, the stock record row (the one checkout locks), always in that order.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import date

from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog import ocop, pickup, seasons, traceability, trade
from catalog import selectors as catalog_selectors
from catalog.models import Place
from catalog.text import rich_text_clean
from producers import selectors
from producers.models import (
    Batch,
    BatchLine,
    Enquiry,
    EnquiryMessage,
    Preorder,
    PreorderCampaign,
    Producer,
    StockMovement,
    StockThreshold,
)
from producers.selectors import (
    _ledger_sum,
    batch_stock,
    producer_emails,
    producer_products,
    producer_stock_places,
    product_version,
    stock_balance,
)

logger = logging.getLogger(__name__)


class StockError(ValueError):
    """A stock change that cannot be made; ``str(error)`` is a message for the user."""


Kind = StockMovement.Kind

#: Kinds that take stock out of a location: given as a positive quantity, recorded negative.
OUTGOING = {Kind.SOLD_AT_SHOWROOM, Kind.RETURNED, Kind.SPOILED}
#: At the online warehouse the same words mean other directions: a return comes back *in*
#: from a showroom, and sending to a showroom or shipping an order takes stock out.
ONLINE_OUTGOING = {Kind.SENT_TO_SHOWROOM, Kind.SOLD_ONLINE, Kind.SPOILED}
ONLINE_INCOMING = {Kind.RECEIVED, Kind.RETURNED}
#: Kinds a person may record by hand at each location (transfers and order lines have their
#: own services).
MANUAL_KINDS_ONLINE = (Kind.RECEIVED, Kind.SPOILED, Kind.CORRECTION)
MANUAL_KINDS_SHOWROOM = (Kind.SOLD_AT_SHOWROOM, Kind.SPOILED, Kind.CORRECTION)
#: Largest quantity one movement may carry: a typo guard, not a business limit.
MAX_QUANTITY = 1_000_000

ONLINE_SYNC_NOTE = "Đối chiếu với số tồn đã sửa ngoài sổ kho"


def _quantity(raw) -> int:
    try:
        if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
            raise ValueError
        quantity = int(str(raw).strip()) if isinstance(raw, str) else int(raw)
    except (TypeError, ValueError):
        raise StockError(_("Số lượng phải là số nguyên.")) from None
    if abs(quantity) > MAX_QUANTITY:
        raise StockError(_("Số lượng quá lớn (tối đa %(max)s).") % {"max": MAX_QUANTITY})
    return quantity


def _owner(product) -> Producer | None:
    if product.producer_id:
        return product.producer
    if product.parent_id:
        return product.parent.producer
    return None


def online_record(product, *, lock: bool = False, create: bool = True):
    """The producer's own Oscar stock record for ``product`` (made, empty, when missing)."""
    StockRecord = get_model("partner", "StockRecord")
    producer = _owner(product)
    if producer is None:
        raise StockError(_("Sản phẩm chưa gắn với chủ thể sản xuất nào."))
    queryset = StockRecord.objects.filter(product=product, partner_id=producer.partner_id)
    if lock:
        queryset = queryset.select_for_update()
    record = queryset.order_by("pk").first()
    if record is None and create:
        record = StockRecord.objects.create(
            product=product,
            partner_id=producer.partner_id,
            price_currency="VND",
            partner_sku=product.upc or f"SP-{product.pk}",
            num_in_stock=0,
            num_allocated=0,
        )
        if lock:
            record = StockRecord.objects.select_for_update().get(pk=record.pk)
    return record


def _online_sync(*, product, record, by) -> int:
    """Make the online ledger agree with a (locked) stock record edited elsewhere (Oscar's
    staff dashboard, an import script): the difference becomes a visible correction line."""
    held = _ledger_sum(product=product, place=None)
    difference = (record.num_in_stock or 0) - held
    if difference:
        StockMovement.objects.create(
            product=product,
            place=None,
            quantity=difference,
            kind=Kind.CORRECTION,
            note=ONLINE_SYNC_NOTE,
            created_by=by,
        )
        logger.info("online ledger of product %s synced by %+d", product.pk, difference)
    return held + difference


@transaction.atomic
def stock_move(
    *,
    product,
    place: Place | None,
    quantity,
    kind: str,
    note: str = "",
    by=None,
    order_line=None,
) -> StockMovement:
    """Record a movement of ``quantity`` units of ``product`` at ``place`` (``None``: the
    producer's online warehouse).

    Outgoing kinds take a positive quantity and record it as negative; a correction may go
    either way. A location's balance may never go below zero, and the online warehouse never
    below the units allocated to unshipped orders. Rows are locked first, so two counters
    cannot both sell the last unit and concurrent adjustments never lose an update.
    """
    quantity = _quantity(quantity)
    if kind not in Kind.values:
        raise StockError(_("Loại biến động “%(kind)s” không hợp lệ.") % {"kind": kind})
    if place is not None and place.kind not in Place.STOCK_KINDS:
        raise StockError(_("Chỉ ghi kho tại các điểm giới thiệu và bán sản phẩm OCOP."))
    if place is not None and place.kind == Place.Kind.FAIR:
        owner = _owner(product)
        # A fair booth is one producer's: nobody else's products go in or out of it.
        if owner is None or place.producer_id != owner.pk:
            raise StockError(_("Gian hàng hội chợ này không phải của chủ thể sản xuất."))
    if quantity == 0:
        raise StockError(_("Số lượng phải khác 0."))
    if kind == Kind.CORRECTION:
        pass
    elif quantity < 0:
        raise StockError(_("Nhập số lượng dương; hệ thống tự ghi chiều nhập hay xuất."))
    elif place is None:
        if kind == Kind.SOLD_AT_SHOWROOM:
            raise StockError(_("Bán tại điểm bán chỉ ghi ở kho của điểm bán."))
        if kind in ONLINE_OUTGOING:
            quantity = -quantity
    else:
        if kind in (Kind.RECEIVED, Kind.SOLD_ONLINE):
            raise StockError(_("Loại biến động này chỉ ghi ở kho trực tuyến."))
        if kind in OUTGOING:
            quantity = -quantity
    # Lock the product row: movements of one product at any place queue behind each other.
    type(product).objects.select_for_update().filter(pk=product.pk).first()
    if place is None:
        record = online_record(product, lock=True)
        balance = _online_sync(product=product, record=record, by=by)
        reserved = max(record.num_allocated or 0, 0)
        if balance + quantity < reserved:
            if reserved:
                raise StockError(
                    _(
                        "Kho online chỉ còn %(free)s có thể xuất (%(reserved)s đã giữ cho đơn "
                        "hàng chưa gửi); không thể xuất %(quantity)s."
                    )
                    % {
                        "free": max(balance - reserved, 0),
                        "reserved": reserved,
                        "quantity": -quantity,
                    }
                )
            raise StockError(
                _("Kho online chỉ còn %(balance)s; không thể xuất %(quantity)s.")
                % {"balance": balance, "quantity": -quantity}
            )
    else:
        balance = stock_balance(product=product, place=place)
        if balance + quantity < 0:
            raise StockError(
                _("Tại %(place)s chỉ còn %(balance)s; không thể xuất %(quantity)s.")
                % {"place": place.name, "balance": balance, "quantity": -quantity}
            )
    movement = StockMovement.objects.create(
        product=product,
        place=place,
        quantity=quantity,
        kind=kind,
        note=(note or "").strip(),
        created_by=by if getattr(by, "is_authenticated", False) else None,
        order_line=order_line,
    )
    if place is None:
        record.num_in_stock = balance + quantity
        record.save(update_fields=["num_in_stock", "date_updated"])
        if kind == Kind.RECEIVED:
            # The harvest arrived: waiting pre-orders are served first, in the order of placing.
            preorders_allocate(product=product, today=timezone.localdate())
            record.refresh_from_db()
        _threshold_check(product=product, place=None, available=record.net_stock_level)
    else:
        _threshold_check(product=product, place=place, available=balance + quantity)
    return movement


@transaction.atomic
def stock_transfer(
    *, product, source: Place | None, target: Place | None, quantity, note: str = "", by=None
) -> tuple[StockMovement, StockMovement]:
    """Move units between the online warehouse and a showroom, in one transaction: ``−n`` at
    ``source`` and ``+n`` at ``target``. Warehouse → showroom is *sent to showroom*; showroom
    → warehouse is *returned*. Showroom to showroom goes through the warehouse (two transfers).
    """
    quantity = _quantity(quantity)
    if quantity <= 0:
        raise StockError(_("Số lượng chuyển phải lớn hơn 0."))
    if (source is None) == (target is None):
        raise StockError(_("Chỉ chuyển giữa kho trực tuyến và một điểm bán."))
    if (
        target is not None
        and target.kind == Place.Kind.FAIR
        and not pickup.booth_stockable(open_until=target.open_until, today=timezone.localdate())
    ):
        raise StockError(
            _(
                "Gian hàng hội chợ không còn nhận hàng (hội chợ đã kết thúc hoặc "
                "đã thôi giữ hàng cho khách)."
            )
        )
    if source is None:
        out = stock_move(
            product=product,
            place=None,
            quantity=quantity,
            kind=Kind.SENT_TO_SHOWROOM,
            note=note,
            by=by,
        )
        into = stock_move(
            product=product,
            place=target,
            quantity=quantity,
            kind=Kind.SENT_TO_SHOWROOM,
            note=note,
            by=by,
        )
    else:
        out = stock_move(
            product=product, place=source, quantity=quantity, kind=Kind.RETURNED, note=note, by=by
        )
        into = stock_move(
            product=product, place=None, quantity=quantity, kind=Kind.RETURNED, note=note, by=by
        )
    return out, into


def stock_place_empty(*, place: Place, note: str = "", by=None) -> int:
    """Send every unit left at ``place`` back to its producers' online warehouses (a transfer
    per product, each in its own transaction with the product row locked before the balance is
    read, so a pickup reserved at the same moment is never taken back). Running it again finds
    nothing left. Returns the number of units moved."""
    Product = get_model("catalogue", "Product")
    moved = 0
    product_ids = (
        StockMovement.objects.filter(place=place).values_list("product_id", flat=True).distinct()
    )
    for product_id in sorted(set(product_ids)):
        with transaction.atomic():
            product = Product.objects.select_for_update().get(pk=product_id)
            left = stock_balance(product=product, place=place)
            if left > 0:
                stock_transfer(
                    product=product, source=place, target=None, quantity=left, note=note, by=by
                )
                moved += left
    return moved


@transaction.atomic
def stock_count(
    *, product, place: Place | None, counted, expected: int | None = None, note: str = "", by=None
) -> StockMovement | None:
    """Record a stock count: a correction of the difference between ``counted`` and the ledger.

    ``expected`` (the balance the counter saw) refuses the count when stock moved meanwhile.
    Returns ``None`` when the count matches.
    """
    counted = _quantity(counted)
    if counted < 0:
        raise StockError(_("Số lượng đếm được không thể âm."))
    type(product).objects.select_for_update().filter(pk=product.pk).first()
    if place is None:
        record = online_record(product, lock=True)
        current = _online_sync(product=product, record=record, by=by)
    else:
        current = stock_balance(product=product, place=place)
    if expected is not None and current != expected:
        raise StockError(
            _(
                "Tồn kho của “%(product)s” đã thay đổi (%(expected)s → %(current)s) từ lúc bạn "
                "xem; hãy xem lại rồi làm lại."
            )
            % {"product": product.get_title(), "expected": expected, "current": current}
        )
    if counted == current:
        return None
    return stock_move(
        product=product,
        place=place,
        quantity=counted - current,
        kind=Kind.CORRECTION,
        note=note or _("Kiểm kê"),
        by=by,
    )


@transaction.atomic
def stock_line_ship(*, line, pickup: bool, by=None) -> StockMovement | None:
    """Take a shipped delivery line's units out of the online warehouse, exactly once.

    Records a *sold online* movement of ``−quantity`` linked to the line, and consumes the
    stock record's allocation (``num_in_stock`` and ``num_allocated`` both drop). Returns the
    movement (the existing one when called again), or ``None`` for a showroom pickup line
    (``pickup``: the caller, which knows the order's shipping method, says so), whose units
    already left the showroom's ledger at checkout.
    """
    if pickup or line.product_id is None:
        return None
    product = line.product
    type(product).objects.select_for_update().filter(pk=product.pk).first()
    StockRecord = get_model("partner", "StockRecord")
    if line.stockrecord_id:
        record = StockRecord.objects.select_for_update().get(pk=line.stockrecord_id)
    else:
        record = online_record(product, lock=True)
    # Checked under the locks: a second call waits for the first and then finds its movement.
    done = StockMovement.objects.filter(order_line=line, kind=Kind.SOLD_ONLINE).first()
    if done is not None:
        return done
    if Preorder.objects.filter(order_line=line, status=Preorder.Status.WAITING).exists():
        # Its units are not allocated yet: shipping now would take another order's boxes.
        raise StockError(
            _(
                "“%(product)s” là hàng đặt trước chưa có hàng thu hoạch; hãy nhập kho khi vào "
                "mùa vụ rồi gửi."
            )
            % {"product": product.get_title()}
        )
    balance = _online_sync(product=product, record=record, by=by)
    quantity = line.quantity
    if balance < quantity:
        raise StockError(
            _("Kho online chỉ còn %(balance)s “%(product)s”; không thể gửi %(quantity)s.")
            % {"balance": balance, "product": product.get_title(), "quantity": quantity}
        )
    movement = StockMovement.objects.create(
        product=product,
        place=None,
        quantity=-quantity,
        kind=Kind.SOLD_ONLINE,
        note=_("Giao đơn %(number)s") % {"number": line.order.number},
        order_line=line,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    record.num_in_stock = balance - quantity
    record.num_allocated = max((record.num_allocated or 0) - quantity, 0)
    record.save(update_fields=["num_in_stock", "num_allocated", "date_updated"])
    _threshold_check(product=product, place=None, available=record.net_stock_level)
    return movement


# --- low-stock thresholds ----------------------------------------------------------------------


@transaction.atomic
def stock_threshold_set(*, product, place: Place | None, threshold) -> StockThreshold | None:
    """Set (or, with an empty threshold, remove) the low-stock threshold of ``product`` at
    ``place``. A new threshold re-arms the alert."""
    if threshold in (None, ""):
        StockThreshold.objects.filter(product=product, place=place).delete()
        return None
    value = _quantity(threshold)
    if value < 0:
        raise StockError(_("Ngưỡng không thể âm."))
    if place is not None and place.kind not in Place.STOCK_KINDS:
        raise StockError(_("Chỉ đặt ngưỡng cho kho trực tuyến hoặc điểm bán."))
    row, _created = StockThreshold.objects.update_or_create(
        product=product, place=place, defaults={"threshold": value, "alerted_at": None}
    )
    return row


def _threshold_check(*, product, place: Place | None, available: int) -> None:
    """Email the producer when ``available`` falls to or below the threshold, once per
    crossing; re-arm when stock is back above it. Runs inside the movement's transaction."""
    row = StockThreshold.objects.select_for_update().filter(product=product, place=place).first()
    if row is None:
        return
    if available > row.threshold:
        if row.alerted_at is not None:
            row.alerted_at = None
            row.save(update_fields=["alerted_at", "updated_at"])
        return
    if row.alerted_at is not None:
        return
    row.alerted_at = timezone.now()
    row.save(update_fields=["alerted_at", "updated_at"])
    transaction.on_commit(lambda: _low_stock_email(row_pk=row.pk, available=available))


def _low_stock_email(*, row_pk: int, available: int) -> None:

    row = StockThreshold.objects.select_related("product", "place").filter(pk=row_pk).first()
    producer = _owner(row.product) if row else None
    if producer is None:
        return
    recipients = producer_emails(producer)
    if not recipients:
        return
    where = row.place.name if row.place else _("kho trực tuyến")
    subject = _("Sắp hết hàng: %(product)s tại %(where)s") % {
        "product": row.product.get_title(),
        "where": where,
    }
    body = _(
        "%(product)s tại %(where)s còn %(available)s (ngưỡng báo: %(threshold)s).\n"
        "Xem và nhập thêm hàng trong trang quản lý gian hàng."
    ) % {
        "product": row.product.get_title(),
        "where": where,
        "available": available,
        "threshold": row.threshold,
    }
    send_mail(subject, body, None, recipients)


@dataclass(frozen=True)
class CountRow:
    """One applied line of a stock count import."""

    product_id: int
    place_id: int | None
    expected: int
    counted: int


@transaction.atomic
def stock_counts_apply(*, producer: Producer, rows: list[CountRow], by=None) -> int:
    """Apply a previewed stock count import in one transaction: a correction for each
    difference. Refused whole (nothing written) when any balance changed since the preview,
    or a row names something that is not the producer's. Returns the corrections written."""
    products = producer_products(producer).in_bulk([r.product_id for r in rows])
    places = producer_stock_places(producer).in_bulk([r.place_id for r in rows if r.place_id])
    written = 0
    for row in rows:
        product = products.get(row.product_id)
        place = places.get(row.place_id) if row.place_id else None
        if product is None or (row.place_id and place is None):
            raise StockError(_("Tệp kiểm kê có dòng không hợp lệ; hãy tải lên lại."))
        movement = stock_count(
            product=product,
            place=place,
            counted=row.counted,
            expected=row.expected,
            note=_("Kiểm kê (nhập từ tệp CSV)"),
            by=by,
        )
        written += movement is not None
    return written


# --- the producer's own listings ---------------------------------------------------------------


class StaleEdit(StockError):
    """A save based on an old copy of the product (another tab or person saved since)."""


#: Photos a producer may attach to a product, and how large they may be.
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")
PHOTO_MIN_SIDE = 200
PHOTO_MAX_SIDE = 8000
PHOTOS_PER_PRODUCT = 8


@transaction.atomic
def product_update(
    *,
    product,
    version: str,
    price=None,
    description: str | None = None,
    new_photos: list | None = None,
    remove_photo_ids: list[int] | None = None,
    by=None,
    growing_area_code: str | None = None,
    title_en: str | None = None,
    description_en: str | None = None,
):
    """Save a producer's edit of price, description, its English title and description
    (:mod:`catalog.bilingual`), photos and growing-area code (``None``: unchanged; ``""``:
    none), or refuse it whole.

    ``version`` is the token the edit form was drawn with: when the product has been saved
    since (a second tab, a colleague), :class:`StaleEdit` is raised and nothing is written.
    Stars, certificates and whether the product is public are never touched here.
    """
    Product = type(product)
    ProductImage = get_model("catalogue", "ProductImage")
    locked = Product.objects.select_for_update().get(pk=product.pk)
    if product_version(locked) != version:
        raise StaleEdit(
            _(
                "Sản phẩm vừa được lưu ở nơi khác (một thẻ hay người khác) sau khi bạn "
                "mở trang này. Chưa lưu gì: hãy tải lại trang rồi sửa lại."
            )
        )
    if description is not None:
        locked.description = rich_text_clean(description)  # no raw HTML reaches a page
    if title_en is not None:
        locked.title_en = " ".join(title_en.split())[:255]  # plain text, escaped on render
    if description_en is not None:
        locked.description_en = rich_text_clean(description_en)
    if growing_area_code is not None:
        code = growing_area_code.strip()
        try:
            locked.growing_area_code = code and traceability.trace_code_parse(
                code, kind=traceability.GROWING_AREA
            )
        except traceability.TraceCodeError as error:
            raise StockError(str(error)) from None
    images = list(locked.images.all())
    remove = set(remove_photo_ids or [])
    keep = [image for image in images if image.pk not in remove]
    if len(keep) + len(new_photos or []) > PHOTOS_PER_PRODUCT:
        raise StockError(_("Mỗi sản phẩm có tối đa %(n)s ảnh.") % {"n": PHOTOS_PER_PRODUCT})
    for image in images:
        if image.pk in remove:
            image.delete()
    order = max((image.display_order for image in keep), default=-1)
    for photo in new_photos or []:
        order += 1
        ProductImage.objects.create(
            product=locked, original=photo, display_order=order, caption=locked.title[:200]
        )
    if price is not None and not locked.is_parent:  # a parent's variants carry the prices
        record = online_record(locked, lock=True)
        record.price, record.price_currency = price, "VND"
        record.save(update_fields=["price", "price_currency", "date_updated"])
    locked.save()  # always: date_updated moves, so any other open form is now stale
    return locked


@transaction.atomic
def product_propose(
    *,
    producer: Producer,
    title: str,
    description: str,
    product_class,
    price,
    category=None,
    upc: str = "",
    by=None,
):
    """Add a producer's new product as a draft: no certificate, so the storefront gate keeps it
    off sale until staff record a council rating of 3★ or more. The producer never sets stars.
    """
    Product = get_model("catalogue", "Product")
    ProductCategory = get_model("catalogue", "ProductCategory")
    title = (title or "").strip()
    if not title:
        raise StockError(_("Hãy nhập tên sản phẩm."))
    upc = (upc or "").strip()
    if upc and Product.objects.filter(upc=upc).exists():
        raise StockError(_("Mã vạch %(upc)s đã có sản phẩm khác dùng.") % {"upc": upc})
    product = Product.objects.create(
        title=title,
        description=rich_text_clean(description),  # Oscar fills in the slug
        structure=Product.STANDALONE,
        product_class=product_class,
        is_public=True,
        producer=producer,
        origin_commune=producer.commune,
        upc=upc or None,
    )
    if category is not None:
        ProductCategory.objects.create(product=product, category=category)
    record = online_record(product)
    record.price, record.price_currency = price, "VND"
    record.save(update_fields=["price", "price_currency", "date_updated"])
    logger.info(
        "product %s proposed by producer %s (user %s)",
        product.pk,
        producer.pk,
        getattr(by, "pk", None),
    )
    return product


# --- wholesale enquiries (kết nối giao thương) ---------------------------------------------------


def enquiry_submit(
    *,
    product,
    company: str,
    tax_code: str,
    contact_name: str,
    phone: str,
    email: str,
    quantity: int,
    unit: str,
    destination: str,
    delivery_period: str,
    message: str = "",
    language: str = "vi",
    today: date | None = None,
    is_demo: bool = False,
) -> Enquiry:
    """Record a business buyer's enquiry about ``product`` and tell its producer by email.

    Checks every rule of :mod:`catalog.trade` again (the form already did; the demo loader and
    any later API call this too) and raises :class:`catalog.trade.TradeRuleError` with a message
    for the buyer; nothing is stored then. Only products on sale now can be asked about.
    """
    today = today or timezone.localdate()
    producer = _owner(product)
    if producer is None or not catalog_selectors.product_is_listed(product, today=today):
        raise trade.TradeRuleError(_("Sản phẩm này hiện không nhận yêu cầu mua sỉ."))
    problem = trade.tax_code_problem(tax_code)
    if problem:
        raise trade.TradeRuleError(problem)
    if unit not in trade.UNITS:
        raise trade.TradeRuleError(_("Đơn vị không hợp lệ."))
    if not trade.destination_valid(destination):
        raise trade.TradeRuleError(_("Nơi nhận hàng không hợp lệ."))
    if not 0 < int(quantity) <= trade.QUANTITY_MAX:
        raise trade.TradeRuleError(_("Số lượng không hợp lệ."))
    if len(message or "") > trade.MESSAGE_MAX_CHARS:
        raise trade.TradeRuleError(_("Lời nhắn quá dài."))
    with transaction.atomic():
        enquiry = Enquiry.objects.create(
            producer=producer,
            product=product,
            company=company.strip(),
            tax_code=trade.tax_code_normalise(tax_code),
            contact_name=contact_name.strip(),
            phone=phone.strip(),
            email=email.strip(),
            quantity=int(quantity),
            unit=unit,
            destination=destination,
            delivery_period=delivery_period.strip(),
            message=(message or "").strip(),
            language=language or "vi",
            is_demo=is_demo,
        )
        if not is_demo:
            transaction.on_commit(lambda: _enquiry_new_email(enquiry_pk=enquiry.pk))
    return enquiry


def _enquiry_new_email(*, enquiry_pk: int) -> None:
    enquiry = Enquiry.objects.select_related("producer__partner", "product").get(pk=enquiry_pk)
    recipients = producer_emails(enquiry.producer)
    if not recipients:
        return
    subject = _("Yêu cầu mua sỉ mới: %(product)s") % {"product": enquiry.product.get_title()}
    body = _(
        "%(company)s hỏi mua %(quantity)s %(unit)s %(product)s, giao về %(destination)s "
        "(%(period)s).\nXem và trả lời trong trang quản lý gian hàng, mục Mua sỉ."
    ) % {
        "company": enquiry.company,
        "quantity": enquiry.quantity,
        "unit": trade.UNITS[enquiry.unit],
        "product": enquiry.product.get_title(),
        "destination": trade.destination_label(enquiry.destination),
        "period": enquiry.delivery_period,
    }
    send_mail(subject, body, None, recipients)


def enquiry_reply(*, enquiry: Enquiry, by, body: str) -> EnquiryMessage:
    """Add the producer's reply to the thread, move a new enquiry to "replied", and email the
    reply to the buyer in the buyer's language (Reply-To: the producer, so the buyer may
    answer by email). One transaction; the email leaves once it has committed."""
    body = (body or "").strip()
    if not body:
        raise trade.TradeRuleError(_("Hãy viết nội dung trả lời."))
    if len(body) > trade.MESSAGE_MAX_CHARS:
        raise trade.TradeRuleError(_("Nội dung trả lời quá dài."))
    with transaction.atomic():
        # The row lock keeps two replies (two tabs, two users) from losing a state change.
        locked = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
        reply = EnquiryMessage.objects.create(enquiry=locked, author=by, body=body)
        locked.status = trade.status_after_reply(locked.status)
        locked.save(update_fields=["status", "updated_at"])
        if not locked.is_demo:  # demo buyers are invented: their addresses get no mail
            transaction.on_commit(lambda: _enquiry_reply_email(reply_pk=reply.pk))
    enquiry.status = locked.status
    return reply


def _enquiry_reply_email(*, reply_pk: int) -> None:
    reply = EnquiryMessage.objects.select_related(
        "enquiry__producer__partner", "enquiry__product"
    ).get(pk=reply_pk)
    enquiry = reply.enquiry
    with translation.override(enquiry.language):
        subject = _("%(producer)s trả lời yêu cầu mua sỉ: %(product)s") % {
            "producer": enquiry.producer.name,
            "product": enquiry.product.get_title(),
        }
        body = _(
            "Kính gửi %(contact)s (%(company)s),\n\n%(reply)s\n\n—\n%(producer)s\n"
            "Yêu cầu của quý khách: %(quantity)s %(unit)s %(product)s, giao về "
            "%(destination)s (%(period)s), gửi ngày %(date)s."
        ) % {
            "contact": enquiry.contact_name,
            "company": enquiry.company,
            "reply": reply.body,
            "producer": enquiry.producer.name,
            "quantity": enquiry.quantity,
            "unit": trade.UNITS[enquiry.unit],
            "product": enquiry.product.get_title(),
            "destination": trade.destination_label(enquiry.destination),
            "period": enquiry.delivery_period,
            "date": timezone.localtime(enquiry.created_at).strftime("%d/%m/%Y"),
        }
    EmailMessage(
        subject, body, None, [enquiry.email], reply_to=producer_emails(enquiry.producer)
    ).send()


def enquiry_outcome_set(*, enquiry: Enquiry, outcome: str, by=None) -> Enquiry:
    """Mark the enquiry quoted, won or lost (:func:`catalog.trade.status_after_outcome`);
    raises :class:`catalog.trade.TradeRuleError` when the state does not allow it."""
    with transaction.atomic():
        locked = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
        locked.status = trade.status_after_outcome(locked.status, outcome)
        locked.save(update_fields=["status", "updated_at"])
    enquiry.status = locked.status
    return locked


# --- traceable batches -------------------------------------------------------------------------


class BatchError(ValueError):
    """A batch that cannot be recorded or assigned; ``str(error)`` is a message for the user."""


#: How far back a harvest or production date may lie: a typo guard (a year typed as 2062 or
#: 1926), not a rule of the programme.
BATCH_MAX_AGE_DAYS = 3 * 366


def _batch_code_new() -> str:
    while True:
        code = traceability.batch_code_generate(secrets.choice)
        if not Batch.objects.filter(code=code).exists():
            return code


def _certificate_in_force(product, *, day: date):
    """The product's OCOP certificate in force on ``day`` (a variant's is its parent's)."""
    OcopCertificate = get_model("catalogue", "OcopCertificate")
    rated = product.parent if product.parent_id else product
    certificates = list(OcopCertificate.objects.filter(product=rated))
    current = ocop.current_certificate([c.facts() for c in certificates], today=day)
    if current is None:
        return None
    return next(c for c in certificates if c.pk == current.key)


@transaction.atomic
def batch_record(
    *,
    producer: Producer,
    product,
    harvest_date: date,
    quantity,
    today: date,
    growing_area: str = "",
    growing_area_code: str = "",
    place: Place | None = None,
    notes: str = "",
    by=None,
) -> Batch:
    """Record a batch of the producer's ``product`` harvested (or made) on ``harvest_date``, with
    a fresh public code, or refuse it whole with :class:`BatchError`.

    The certificate recorded is the product's certificate in force on the harvest date (none
    when it had none). An empty ``growing_area_code`` takes the product's own code; a typed one
    must read as a growing-area code (:func:`catalog.traceability.trace_code_parse`).
    """
    if not producer_products(producer).filter(pk=product.pk).exists():
        raise BatchError(_("Sản phẩm này không thuộc chủ thể của bạn."))
    try:
        quantity = _quantity(quantity)
    except StockError as error:
        raise BatchError(str(error)) from None
    if quantity <= 0:
        raise BatchError(_("Số lượng của lô phải lớn hơn 0."))
    if harvest_date > today:
        raise BatchError(_("Ngày thu hoạch / sản xuất không thể sau hôm nay."))
    if (today - harvest_date).days > BATCH_MAX_AGE_DAYS:
        raise BatchError(_("Ngày thu hoạch / sản xuất quá xa (hơn 3 năm trước)."))
    code = (growing_area_code or "").strip() or (product.growing_area_code or "")
    if code:
        try:
            code = traceability.trace_code_parse(code, kind=traceability.GROWING_AREA)
        except traceability.TraceCodeError as error:
            raise BatchError(str(error)) from None
    if place is not None and place.kind != Place.Kind.SHOWROOM:
        raise BatchError(_("Chỉ chọn được điểm giới thiệu và bán sản phẩm OCOP."))
    batch = Batch.objects.create(
        producer=producer,
        product=product,
        code=_batch_code_new(),
        harvest_date=harvest_date,
        quantity=quantity,
        growing_area=(growing_area or "").strip()[:200],
        growing_area_code=code,
        certificate=_certificate_in_force(product, day=harvest_date),
        place=place,
        notes=(notes or "").strip(),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    logger.info(
        "batch %s of product %s recorded by producer %s", batch.code, product.pk, producer.pk
    )
    return batch


@transaction.atomic
def batch_line_assign(*, line, batch: Batch | None = None) -> BatchLine | None:
    """Record which batch the shipped order ``line`` came from, once.

    With ``batch`` (the producer's pick) that batch must be of the line's product and still hold
    the line's quantity; without it the oldest batch that does is taken
    (:func:`catalog.traceability.batch_pick`), and when none does the line stays without a batch
    (``None``). The product's batches are locked first, so two lines shipped at once cannot
    both take a batch's last units.
    """
    if line.product_id is None:
        return None
    existing = BatchLine.objects.filter(line=line).select_related("batch").first()
    if existing is not None:
        return existing
    list(Batch.objects.select_for_update().filter(product_id=line.product_id).values_list("pk"))
    stock = {b.key: b for b in batch_stock(product=line.product)}
    if batch is not None:
        held = stock.get(batch.pk)
        if held is None:
            raise BatchError(_("Lô này không phải của sản phẩm trong dòng hàng."))
        if held.remaining < line.quantity:
            raise BatchError(
                _("Lô %(code)s chỉ còn %(n)s; dòng hàng cần %(q)s.")
                % {"code": batch.display_code, "n": held.remaining, "q": line.quantity}
            )
        chosen = batch.pk
    else:
        chosen = traceability.batch_pick(stock.values(), quantity=line.quantity)
        if chosen is None:
            return None
    return BatchLine.objects.create(line=line, batch_id=chosen, quantity=line.quantity)


# --- seasons and pre-orders --------------------------------------------------------------------


class PreorderError(StockError):
    """A pre-order or season change that cannot be made; ``str(error)`` is for the user."""


@transaction.atomic
def product_windows_set(*, product, windows: list[seasons.Window], by=None):
    """Replace ``product``'s harvest windows (an empty list: sold all year)."""
    Product = type(product)
    locked = Product.objects.select_for_update().get(pk=product.pk)
    locked.harvest_windows = [window.as_data() for window in windows]
    locked.save(update_fields=["harvest_windows", "date_updated"])
    product.harvest_windows = locked.harvest_windows  # the caller's copy agrees
    logger.info("harvest windows of product %s set by user %s", product.pk, getattr(by, "pk", None))
    return locked


@transaction.atomic
def preorder_campaign_start(
    *,
    product,
    quota: int,
    delivery_from: date,
    delivery_until: date,
    deposit_kind: str = PreorderCampaign.Deposit.NONE,
    deposit_value: int = 0,
    today: date,
    by=None,
) -> PreorderCampaign:
    """Open pre-orders for ``product``'s next harvest: before its window or in the window's
    first days. Refused for a product with no window, a quota under 1, a delivery period that
    is impossible, a deposit that cannot be right, or when pre-orders are already open."""
    product = type(product).objects.select_for_update().get(pk=product.pk)
    windows = selectors.product_windows(product)
    if not windows:
        raise PreorderError(_("Hãy đặt mùa vụ cho sản phẩm trước khi nhận đặt trước."))
    if not seasons.preorders_may_open(windows, today=today):
        raise PreorderError(_("Mùa vụ đã bắt đầu quá lâu: hãy bán từ hàng trong kho."))
    quota = _quantity(quota)
    if quota < 1:
        raise PreorderError(_("Số lượng nhận đặt phải lớn hơn 0."))
    try:
        seasons.delivery_check(start=delivery_from, end=delivery_until, today=today)
        seasons.deposit_check(kind=deposit_kind, value=deposit_value)
    except seasons.SeasonError as error:
        raise PreorderError(str(error)) from None
    if PreorderCampaign.objects.filter(
        product=product, status=PreorderCampaign.Status.OPEN
    ).exists():
        raise PreorderError(_("Sản phẩm này đang nhận đặt trước."))
    return PreorderCampaign.objects.create(
        product=product,
        quota=quota,
        delivery_from=delivery_from,
        delivery_until=delivery_until,
        deposit_kind=deposit_kind,
        deposit_value=deposit_value if deposit_kind != PreorderCampaign.Deposit.NONE else 0,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )


@transaction.atomic
def preorder_campaign_close(*, campaign: PreorderCampaign) -> bool:
    """Stop taking pre-orders (those already placed stay, to be delivered). ``False`` when it
    was already closed."""
    campaign = PreorderCampaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != PreorderCampaign.Status.OPEN:
        return False
    campaign.status = PreorderCampaign.Status.CLOSED
    campaign.closed_at = timezone.now()
    campaign.save(update_fields=["status", "closed_at"])
    return True


@transaction.atomic
def preorder_reserve(
    *, product, order_line, quantity: int, unit_price: int, pays_deposit: bool
) -> Preorder:
    """Reserve ``quantity`` units of the open campaign's quota for ``order_line``.

    The campaign row is locked first, so concurrent orders for the last units queue and the
    quota is never exceeded: a request that no longer fits raises :class:`PreorderError`.
    ``pays_deposit``: the shopper pays by transfer, so the campaign's deposit is awaited.
    """
    campaign = (
        PreorderCampaign.objects.select_for_update()
        .filter(product=product, status=PreorderCampaign.Status.OPEN)
        .first()
    )
    if campaign is None:
        raise PreorderError(
            _("“%(title)s” không còn nhận đặt trước.") % {"title": product.get_title()}
        )
    if not seasons.quota_admits(quota=campaign.quota, taken=campaign.taken, quantity=quantity):
        raise PreorderError(
            _("“%(title)s” chỉ còn nhận đặt trước %(left)s sản phẩm.")
            % {
                "title": product.get_title(),
                "left": seasons.quota_left(quota=campaign.quota, taken=campaign.taken),
            }
        )
    campaign.taken += quantity
    campaign.save(update_fields=["taken"])
    deposit = 0
    # By transfer, a campaign with a deposit takes the deposit now (the rest on delivery);
    # one without is paid in full with the rest of the order.
    if pays_deposit:
        deposit = seasons.deposit_amount(
            kind=campaign.deposit_kind,
            value=campaign.deposit_value,
            unit_price=unit_price,
            quantity=quantity,
        )
    return Preorder.objects.create(
        campaign=campaign,
        order_line=order_line,
        quantity=quantity,
        deposit=deposit,
        deposit_state=Preorder.DepositState.AWAITED if deposit else Preorder.DepositState.NONE,
    )


@transaction.atomic
def preorders_allocate(*, product, today: date) -> list[Preorder]:
    """Give the harvest's stock to waiting pre-orders of ``product``, in the order of placing,
    while the season is on: each is allocated whole (the online stock record's
    ``num_allocated``, as checkout does) or, when it no longer fits, it and every later one
    wait for the next receipt. Returns the pre-orders allocated now."""
    product = type(product).objects.select_for_update().get(pk=product.pk)
    if not seasons.in_season(selectors.product_windows(product), today=today):
        return []
    record = online_record(product, lock=True)
    done = []
    waiting = (
        Preorder.objects.select_for_update()
        .filter(campaign__product=product, status=Preorder.Status.WAITING)
        .order_by("created_at", "pk")
    )
    for preorder in waiting:
        if record.net_stock_level < preorder.quantity:
            break  # strictly in the order of placing: no later, smaller line jumps the queue
        record.allocate(preorder.quantity)
        preorder.status = Preorder.Status.ALLOCATED
        preorder.allocated_at = timezone.now()
        preorder.save(update_fields=["status", "allocated_at"])
        done.append(preorder)
    return done


@transaction.atomic
def preorder_release(*, preorder: Preorder, reason: str) -> Preorder:
    """Cancel one pre-order line's reservation: its units return to the quota (and, once
    allocated, to the warehouse), and its deposit record is refunded (paid) or released
    (awaited). The order line itself is the caller's (checkout's) business."""
    reason = (reason or "").strip()
    if not reason:
        raise PreorderError(_("Hãy ghi lý do hủy để báo cho khách."))
    preorder = Preorder.objects.select_for_update().get(pk=preorder.pk)
    if preorder.status == Preorder.Status.CANCELLED:
        raise PreorderError(_("Dòng đặt trước này đã được hủy."))
    if StockMovement.objects.filter(
        order_line_id=preorder.order_line_id, kind=Kind.SOLD_ONLINE
    ).exists():
        raise PreorderError(_("Hàng đã gửi đi: không thể hủy đặt trước."))
    campaign = PreorderCampaign.objects.select_for_update().get(pk=preorder.campaign_id)
    campaign.taken = max(campaign.taken - preorder.quantity, 0)
    campaign.save(update_fields=["taken"])
    if preorder.status == Preorder.Status.ALLOCATED:
        record = online_record(campaign.product, lock=True)
        record.cancel_allocation(preorder.quantity)
    preorder.status = Preorder.Status.CANCELLED
    preorder.cancel_reason = reason[:255]
    preorder.cancelled_at = timezone.now()
    preorder.deposit_state = {
        Preorder.DepositState.PAID: Preorder.DepositState.REFUNDED,
        Preorder.DepositState.AWAITED: Preorder.DepositState.RELEASED,
    }.get(preorder.deposit_state, preorder.deposit_state)
    preorder.save(update_fields=["status", "cancel_reason", "cancelled_at", "deposit_state"])
    return preorder
