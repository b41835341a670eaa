"""Demo content for wholesale enquiries (kết nối giao thương): five enquiries from invented
business buyers (a supermarket chain, an exporter, a restaurant group), one in each state —
new, replied, quoted, won, lost — four to the lychee cooperative (the demo producer login sees
them) and one to the Yên Thế hill-chicken cooperative, so that the programme office's counts
span two districts and several product groups.

Every company, person, address and tax code here is invented and marked as demo data
(``is_demo`` and "(dữ liệu mẫu)" in the name); the tax codes are built with the real check
digit so that they pass the form's rule. Demo rows send no email. Dates are days before the
load, so the demo reads the same on any day. Idempotent: found by company and product.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import trade
from catalog.services import PROGRAMME_OFFICE_GROUP
from producers.models import Enquiry, EnquiryMessage
from producers.services import enquiry_outcome_set, enquiry_reply, enquiry_submit

Product = get_model("catalogue", "Product")

SUPERMARKET = "Chuỗi siêu thị Xanh Việt (dữ liệu mẫu)"
EXPORTER = "Công ty TNHH Xuất khẩu Nông sản Kinh Bắc (dữ liệu mẫu)"
RESTAURANTS = "Tập đoàn nhà hàng Bếp Quê (dữ liệu mẫu)"


def _tax_code(first_nine: str) -> str:
    """An invented code that passes :func:`catalog.trade.tax_code_problem`."""
    return first_nine + str(trade.tax_code_check_digit(first_nine))


@dataclass(frozen=True)
class DemoEnquiry:
    """One demo enquiry and what happened to it."""

    sku: str
    company: str
    tax_code: str
    contact_name: str
    phone: str
    email: str
    quantity: int
    unit: str
    destination: str
    delivery_period: str
    message: str
    days_ago: int
    replies: tuple[str, ...] = ()
    outcome: str = ""


ENQUIRIES: tuple[DemoEnquiry, ...] = (
    DemoEnquiry(
        "LN-VT-001",
        SUPERMARKET,
        _tax_code("010579311"),
        "Nguyễn Thu Hà",
        "0912 000 101",
        "thu.mua@xanhviet.demo.example",
        2,
        "tan",
        "VN:Hà Nội",
        "Mỗi tuần trong vụ vải (tháng 6–7)",
        "Hộp 2 kg có tem truy xuất nguồn gốc, giao tại kho Long Biên.",
        1,
    ),
    DemoEnquiry(
        "LN-VT-001",
        EXPORTER,
        _tax_code("240057713"),
        "Trần Minh Đức",
        "0904 000 202",
        "xuatkhau@kinhbac.demo.example",
        20,
        "tan",
        "JP",
        "Vụ vải năm sau, 2 chuyến tàu lạnh",
        "Cần mã số vùng trồng và kiểm dịch thực vật cho thị trường Nhật Bản.",
        6,
        replies=(
            "Hợp tác xã có 35 ha vùng trồng đã cấp mã số, đáp ứng được 20 tấn. Xin hẹn "
            "anh đến xem vườn vào tháng 5.",
        ),
    ),
    DemoEnquiry(
        "YT-GD-001",
        RESTAURANTS,
        _tax_code("031488205"),
        "Lê Hoàng Nam",
        "0938 000 303",
        "bepque.muahang@demo.example",
        300,
        "con",
        "VN:TP. Hồ Chí Minh",
        "Hằng tháng, bắt đầu quý tới",
        "Gà làm sẵn, hút chân không, giao lạnh vào TP. Hồ Chí Minh.",
        12,
        replies=(
            "Báo giá: gà làm sẵn 1,6–1,8 kg/con, giao lạnh hằng tuần. Bảng giá chi tiết "
            "gửi kèm email.",
        ),
        outcome=trade.QUOTED,
    ),
    DemoEnquiry(
        "LN-VT-002",
        SUPERMARKET,
        _tax_code("010579311"),
        "Nguyễn Thu Hà",
        "0912 000 101",
        "thu.mua@xanhviet.demo.example",
        500,
        "hop",
        "VN:Hải Phòng",
        "Dịp Tết, giao trước 20 tháng Chạp",
        "Hộp quà 500 g cho 12 siêu thị.",
        30,
        replies=("Đồng ý 500 hộp, giao 2 đợt. Hợp đồng gửi kèm.",),
        outcome=trade.WON,
    ),
    DemoEnquiry(
        "LN-VT-002",
        EXPORTER,
        _tax_code("240057713"),
        "Trần Minh Đức",
        "0904 000 202",
        "xuatkhau@kinhbac.demo.example",
        5,
        "tan",
        "SG",
        "Một lô, trong quý",
        "Túi 1 kg, nhãn tiếng Anh, giấy chứng nhận an toàn thực phẩm.",
        45,
        replies=("Hợp tác xã chưa có nhãn tiếng Anh cho thị trường Singapore; xin hẹn vụ sau.",),
        outcome=trade.LOST,
    ),
)


def demo_trade_load(*, producer_user, created: Counter, today: date) -> None:
    """Load the five demo enquiries (skipping one whose product is missing or off sale), and
    let the programme office see their counts (migration 0014 grants it too)."""
    office = Group.objects.filter(name=PROGRAMME_OFFICE_GROUP).first()
    if office is not None:
        office.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="partner", codename="view_enquiry_statistics"
            )
        )
    now = timezone.now()
    for item in ENQUIRIES:
        product = Product.objects.filter(code=item.sku).first()
        if (
            product is None
            or Enquiry.objects.filter(product=product, company=item.company, is_demo=True).exists()
        ):
            continue
        try:
            enquiry = enquiry_submit(
                product=product,
                company=item.company,
                tax_code=item.tax_code,
                contact_name=item.contact_name,
                phone=item.phone,
                email=item.email,
                quantity=item.quantity,
                unit=item.unit,
                destination=item.destination,
                delivery_period=item.delivery_period,
                message=item.message,
                is_demo=True,
                today=today,
            )
        except trade.TradeRuleError:
            continue  # the product is off sale on this day: the demo goes without it
        for reply in item.replies:
            enquiry_reply(enquiry=enquiry, by=producer_user, body=reply)
        if item.outcome:
            enquiry_outcome_set(enquiry=enquiry, outcome=item.outcome, by=producer_user)
        sent = now - timedelta(days=item.days_ago)
        Enquiry.objects.filter(pk=enquiry.pk).update(created_at=sent)
        EnquiryMessage.objects.filter(enquiry=enquiry).update(created_at=sent + timedelta(days=1))
        created["wholesale enquiries"] += 1
