"""Stock counts as CSV: the export a producer edits in a spreadsheet, and the import's checks.

The import never writes: :func:`count_import_preview` reads the file, checks every row against
the producer's own products and the showroom points, and returns per-row errors plus the rows
ready to apply (each with the balance seen, so a stale preview can be refused later by
:func:`producers.services.stock_counts_apply`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from producers import selectors
from producers.services import MAX_QUANTITY, CountRow

#: Columns the import needs, and the extra ones the export writes (accepted and ignored).
COLUMN_PRODUCT = "ma_san_pham"
COLUMN_LOCATION = "dia_diem"
COLUMN_COUNTED = "so_luong_dem"
REQUIRED_COLUMNS = (COLUMN_PRODUCT, COLUMN_LOCATION, COLUMN_COUNTED)
EXPORT_COLUMNS = (
    COLUMN_PRODUCT,
    "ten_san_pham",
    COLUMN_LOCATION,
    "ten_dia_diem",
    "ton_so_kho",
    "da_giu",
    "nguong",
    COLUMN_COUNTED,
)
MAX_BYTES = 512 * 1024
MAX_ROWS = 5000


@dataclass
class PreviewRow:
    """One data row of an uploaded file: what it says, and what is wrong with it."""

    line: int
    product_ref: str
    location_ref: str
    counted_raw: str
    product: object | None = None
    place: object | None = None
    current: int | None = None
    counted: int | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def difference(self) -> int | None:
        if self.counted is None or self.current is None:
            return None
        return self.counted - self.current


@dataclass
class Preview:
    """An import checked against the database: file-level errors, rows, and what would apply."""

    errors: list[str] = field(default_factory=list)
    rows: list[PreviewRow] = field(default_factory=list)

    @property
    def row_errors(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows) and not self.row_errors

    @property
    def changes(self) -> list[PreviewRow]:
        return [row for row in self.rows if row.difference]

    def to_apply(self) -> list[CountRow]:
        return [
            CountRow(
                product_id=row.product.pk,
                place_id=row.place.pk if row.place else None,
                expected=row.current,
                counted=row.counted,
            )
            for row in self.changes
        ]


def product_reference(product) -> str:
    """How the export names a product: its barcode (UPC), else its id."""
    return product.upc or str(product.pk)


def stock_export_rows(producer) -> list[list[object]]:
    """The stock export: one row per product × location, ready to count and import back."""
    rows = []
    for row in selectors.stock_rows(producer):
        rows.append(
            [
                product_reference(row.product),
                row.product.get_title(),
                row.location_slug,
                row.place.name if row.place else _("Kho online"),
                row.balance,
                row.reserved,
                "" if row.threshold is None else row.threshold,
                row.balance,
            ]
        )
    return rows


def _decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            return None
    return None


def count_import_preview(*, producer, data: bytes) -> Preview:
    """Check an uploaded stock count file for ``producer``; nothing is written."""

    preview = Preview()
    if not data.strip():
        preview.errors.append(_("Tệp trống."))
        return preview
    if len(data) > MAX_BYTES:
        preview.errors.append(_("Tệp quá lớn (tối đa %(kb)s KB).") % {"kb": MAX_BYTES // 1024})
        return preview
    text = _decode(data)
    if text is None or "\x00" in text:
        preview.errors.append(_("Tệp không phải văn bản UTF-8. Hãy lưu lại dưới dạng “CSV UTF-8”."))
        return preview
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        preview.errors.append(_("Không đọc được dòng tiêu đề."))
        return preview
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c and c not in EXPORT_COLUMNS]
    duplicated = sorted({c for c in header if c and header.count(c) > 1})
    if missing or unknown or duplicated:
        if missing:
            preview.errors.append(_("Thiếu cột: %(cols)s.") % {"cols": ", ".join(missing)})
        if unknown:
            preview.errors.append(_("Cột không nhận ra: %(cols)s.") % {"cols": ", ".join(unknown)})
        if duplicated:
            preview.errors.append(_("Cột bị lặp: %(cols)s.") % {"cols": ", ".join(duplicated)})
        preview.errors.append(
            _("Cần các cột: %(cols)s (tải tệp xuất tồn kho để có mẫu).")
            % {"cols": ", ".join(REQUIRED_COLUMNS)}
        )
        return preview
    index = {name: header.index(name) for name in REQUIRED_COLUMNS}
    try:
        raw_rows = []
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(raw_rows) >= MAX_ROWS:
                preview.errors.append(_("Tệp có quá nhiều dòng (tối đa %(n)s).") % {"n": MAX_ROWS})
                return preview
            raw_rows.append((number, cells))
    except csv.Error as error:
        preview.errors.append(_("Tệp CSV hỏng: %(error)s.") % {"error": error})
        return preview
    if not raw_rows:
        preview.errors.append(_("Tệp không có dòng dữ liệu nào."))
        return preview

    products = list(selectors.dashboard_products(producer))
    by_ref: dict[str, object] = {}
    for product in products:
        by_ref[str(product.pk)] = product
    for product in products:  # codes win over ids when they collide
        if product.upc:
            by_ref[product.upc.strip().lower()] = product
    # Showrooms and the producer's own fair booths (an export lists both).
    showrooms = {p.slug: p for p in selectors.producer_stock_places(producer)}
    balances = {
        (r.product.pk, r.place.pk if r.place else None): r.balance
        for r in selectors.stock_rows(producer, products=products)
    }
    seen: dict[tuple[int, int | None], int] = {}
    for number, cells in raw_rows:

        def cell(name, cells=cells):
            position = index[name]
            return cells[position].strip() if position < len(cells) else ""

        row = PreviewRow(
            line=number,
            product_ref=cell(COLUMN_PRODUCT)[:80],
            location_ref=cell(COLUMN_LOCATION)[:80],
            counted_raw=cell(COLUMN_COUNTED)[:40],
        )
        preview.rows.append(row)
        if len(cells) != len(header):
            row.errors.append(
                _("Số cột (%(got)s) khác dòng tiêu đề (%(want)s).")
                % {"got": len(cells), "want": len(header)}
            )
        # Another producer's product is reported exactly like a product that does not exist.
        row.product = by_ref.get(row.product_ref.lower())
        if row.product is None:
            row.errors.append(
                _("Không có sản phẩm “%(ref)s” trong gian hàng của bạn.")
                % {"ref": row.product_ref or "—"}
            )
        location = row.location_ref.lower()
        if location not in (selectors.ONLINE_SLUG, *showrooms):
            row.errors.append(
                _("Không có địa điểm “%(ref)s” (dùng “%(online)s” hoặc mã điểm bán).")
                % {"ref": row.location_ref or "—", "online": selectors.ONLINE_SLUG}
            )
        else:
            row.place = showrooms.get(location)
        try:
            counted = int(row.counted_raw)
        except ValueError:
            row.errors.append(
                _("Số lượng “%(raw)s” không phải số nguyên.") % {"raw": row.counted_raw or "—"}
            )
        else:
            if counted < 0:
                row.errors.append(_("Số lượng không thể âm."))
            elif counted > MAX_QUANTITY:
                row.errors.append(_("Số lượng quá lớn."))
            else:
                row.counted = counted
        if row.product is not None and (row.place is not None or location == selectors.ONLINE_SLUG):
            key = (row.product.pk, row.place.pk if row.place else None)
            if key in seen:
                row.errors.append(_("Trùng với dòng %(line)s.") % {"line": seen[key]})
            else:
                seen[key] = number
            row.current = balances.get(key, 0)
    return preview
