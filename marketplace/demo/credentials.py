"""Demo product credentials on the signature products: the geographical indication of Lục Ngạn
lychee, the collective trademarks of Chũ noodles and Yên Thế hill chicken, barcodes (the
products' own 893… GTINs), VietGAP for lychee and vegetables; one proposal the programme office
has not verified yet and one food-safety certificate that has lapsed.

Names and kinds are real; every number is invented and says so (``DEMO`` in it, and a note).
Dates are counted from ``today`` so that the demo shows the same on any day it is loaded.
Called from :func:`marketplace.demo.loader.demo_data_load`; idempotent (found by product, kind
and number).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import Group, Permission
from oscar.core.loading import get_model

from catalog import credentials, services

Product = get_model("catalogue", "Product")
ProductCredential = get_model("catalogue", "ProductCredential")

DEMO_NOTE = "Số hiệu minh hoạ (dữ liệu demo), không phải số thật."
#: What the programme office may do with credentials in the Django admin.
OFFICE_PERMISSIONS = ("view_productcredential", "add_productcredential", "change_productcredential")


@dataclass(frozen=True)
class DemoCredential:
    """One demo credential: the product's SKU, the kind, its number (``None``: the product's own
    barcode), issuer, and dates as days from today (``None``: no end)."""

    sku: str
    kind: str
    number: str | None
    issuer: str = ""
    issued_days_ago: int | None = None
    ends_in_days: int | None = None
    verified: bool = True


GI = credentials.Kind.GEOGRAPHICAL_INDICATION
COLLECTIVE = credentials.Kind.COLLECTIVE_TRADEMARK
CREDENTIALS = (
    DemoCredential("LN-VT-001", GI, "CDĐL-DEMO-00073", "Cục Sở hữu trí tuệ", 2200),
    DemoCredential("LN-VT-001", credentials.Kind.BARCODE, None),
    DemoCredential(
        "LN-VT-001",
        credentials.Kind.VIETGAP,
        "VietGAP-TT-DEMO-0112",
        "Trung tâm Kiểm nghiệm và Chứng nhận chất lượng nông sản (demo)",
        200,
        530,
    ),
    DemoCredential("LN-VT-005", GI, "CDĐL-DEMO-00073", "Cục Sở hữu trí tuệ", 2200),
    DemoCredential(
        "LN-VT-005",
        credentials.Kind.VIETGAP,
        "VietGAP-TT-DEMO-0113",
        "Trung tâm Kiểm nghiệm và Chứng nhận chất lượng nông sản (demo)",
        200,
        530,
    ),
    DemoCredential("LN-MC-001", COLLECTIVE, "NHTT-DEMO-4-0201", "Cục Sở hữu trí tuệ", 3000),
    DemoCredential("LN-MC-001", credentials.Kind.BARCODE, None),
    DemoCredential("LN-MC-003", COLLECTIVE, "NHTT-DEMO-4-0201", "Cục Sở hữu trí tuệ", 3000),
    DemoCredential("YT-GD-001", COLLECTIVE, "NHTT-DEMO-4-0355", "Cục Sở hữu trí tuệ", 3500),
    DemoCredential("YT-GD-001", credentials.Kind.BARCODE, None),
    DemoCredential(
        "LG-RS-001",
        credentials.Kind.VIETGAP,
        "VietGAP-TT-DEMO-0457",
        "Trung tâm Kiểm nghiệm và Chứng nhận chất lượng nông sản (demo)",
        120,
        610,
    ),
    DemoCredential("LG-RS-001", credentials.Kind.BARCODE, None),
    # Lapsed ten days ago: on the admin's list, no longer on the storefront.
    DemoCredential(
        "LN-MC-001",
        credentials.Kind.FOOD_SAFETY,
        "ATTP-DEMO-118/2023",
        "Chi cục Quản lý chất lượng nông lâm sản và thủy sản Bắc Giang (demo)",
        1105,
        -10,
    ),
    # Proposed by the lychee cooperative from its dashboard, waiting for the programme office.
    DemoCredential(
        "LN-VT-001",
        credentials.Kind.GROWING_AREA,
        "VN-BGOR-DEMO-0107",
        "Cục Bảo vệ thực vật",
        60,
        verified=False,
    ),
)


def demo_credentials_load(*, created: Counter, by, producer_user, today: date) -> list[str]:
    """Load the demo credentials (staff-recorded ones ``by`` the admin, the proposal by the
    lychee cooperative's ``producer_user``); return the lines to print."""
    office = Group.objects.filter(name=services.PROGRAMME_OFFICE_GROUP).first()
    if office is not None:
        office.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="catalogue", codename__in=OFFICE_PERMISSIONS
            )
        )
    products = {
        record.partner_sku: record.product
        for record in get_model("partner", "StockRecord")
        .objects.filter(partner_sku__in={c.sku for c in CREDENTIALS})
        .select_related("product")
    }
    for item in CREDENTIALS:
        product = products.get(item.sku)
        if product is None:
            continue
        number = item.number or product.upc
        if ProductCredential.objects.filter(
            product=product, kind=item.kind, number=number
        ).exists():
            continue
        issued = today - timedelta(days=item.issued_days_ago) if item.issued_days_ago else None
        ends = today + timedelta(days=item.ends_in_days) if item.ends_in_days is not None else None
        services.credential_record(
            product=product,
            kind=item.kind,
            number=number,
            issuer=item.issuer,
            issued_on=issued,
            valid_until=ends,
            note=DEMO_NOTE,
            verified=item.verified,
            by=by if item.verified else producer_user,
        )
        created["product credentials"] += 1
    return [
        "Chứng chỉ sản phẩm (chỉ dẫn địa lý, nhãn hiệu tập thể, mã vạch, VietGAP): "
        "/django-admin/catalogue/productcredential/ (một đề nghị chờ xác minh)"
    ]
