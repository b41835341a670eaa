"""Demo trust and contact content: the four shop policies (returns, delivery, payment, privacy)
as Wagtail pages in Vietnamese and English, and the footer's address, phone and Zalo number.

The Ministry of Industry and Trade notification link stays empty: it is the URL the ministry
gives the shop once notified on online.gov.vn, so the badge appears only when staff set it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms.models import PolicyPage, WebsiteFooter

OFFICE_ADDRESS = "Số 82 đường Hùng Vương, phường Bắc Giang, tỉnh Bắc Ninh"
OFFICE_PHONE = "0204 3854 300"
ZALO_PHONE = "0912 345 300"


@dataclass(frozen=True)
class Policy:
    """One policy page: its kind, slugs, titles, lead and paragraphs in both languages."""

    kind: str
    slug: str
    slug_en: str
    title: str
    title_en: str
    intro: str
    intro_en: str
    body: tuple[str, ...]
    body_en: tuple[str, ...]


POLICIES = (
    Policy(
        "returns",
        "chinh-sach-doi-tra",
        "returns-policy",
        "Chính sách đổi trả và hoàn tiền",
        "Returns and refunds",
        "Sản phẩm OCOP lỗi, hỏng hoặc không đúng đơn được đổi hoặc hoàn tiền trong 7 ngày.",
        "Faulty, damaged or wrong OCOP products are exchanged or refunded within 7 days.",
        (
            "Quý khách kiểm tra hàng khi nhận. Nếu sản phẩm bị lỗi do nhà sản xuất, hư hỏng "
            "trong khi vận chuyển, hết hạn sử dụng hoặc không đúng với đơn đã đặt, xin báo cho "
            "Văn phòng điều phối OCOP trong vòng 7 ngày kể từ ngày nhận hàng (với nông sản tươi "
            "như vải thiều: trong 24 giờ), kèm mã đơn hàng và ảnh chụp sản phẩm.",
            "Chúng tôi đổi sản phẩm cùng loại hoặc hoàn lại toàn bộ tiền hàng và phí giao hàng. "
            "Tiền hoàn được chuyển về tài khoản ngân hàng của quý khách trong 5 ngày làm việc; "
            "đơn thanh toán khi nhận hàng được hoàn bằng chuyển khoản.",
            "Không áp dụng đổi trả với sản phẩm đã mở bao bì, đã qua sử dụng hoặc bảo quản sai "
            "hướng dẫn in trên nhãn, trừ trường hợp lỗi do nhà sản xuất.",
        ),
        (
            "Please check your parcel on delivery. If a product is faulty, damaged in transit, "
            "past its date or not what you ordered, tell the OCOP coordination office within "
            "7 days of delivery (24 hours for fresh produce such as lychees), with your order "
            "number and a photo.",
            "We exchange the product or refund the goods and the delivery charge in full, to "
            "your bank account within 5 working days; cash-on-delivery orders are refunded by "
            "bank transfer.",
            "Opened, used or wrongly stored products are not taken back unless the fault is the "
            "producer's.",
        ),
    ),
    Policy(
        "delivery",
        "chinh-sach-giao-hang",
        "delivery-policy",
        "Chính sách giao hàng",
        "Delivery",
        "Giao tận nơi trên toàn quốc, miễn phí cho đơn từ 500.000 ₫, hoặc nhận tại điểm bán OCOP.",
        "Home delivery nationwide, free from 500,000 ₫, or pickup at an OCOP showroom.",
        (
            "Trong tỉnh Bắc Ninh (gồm địa bàn Bắc Giang cũ), hàng thường đến trong 1–2 ngày; "
            "các tỉnh, thành khác trong 2–4 ngày. Phí giao hàng tính theo khu vực và khối lượng "
            "và được hiển thị trước khi quý khách đặt hàng.",
            "Đơn hàng có tổng tiền hàng từ 500.000 ₫ được miễn phí giao hàng tận nơi.",
            "Quý khách cũng có thể chọn nhận hàng miễn phí tại một điểm giới thiệu và bán sản "
            "phẩm OCOP còn đủ hàng; chúng tôi gọi điện khi hàng sẵn sàng.",
        ),
        (
            "Within Bắc Ninh province (including former Bắc Giang) parcels usually arrive in "
            "1–2 days, elsewhere in 2–4 days. The charge depends on the zone and weight and is "
            "shown before you order.",
            "Delivery is free for orders of 500,000 ₫ of goods or more.",
            "You can also collect your order free of charge at an OCOP showroom that holds it; "
            "we call you when it is ready.",
        ),
    ),
    Policy(
        "payment",
        "chinh-sach-thanh-toan",
        "payment-policy",
        "Chính sách thanh toán",
        "Payment",
        "Thanh toán khi nhận hàng, chuyển khoản VietQR hoặc thẻ ngân hàng.",
        "Cash on delivery, VietQR bank transfer or card.",
        (
            "Thanh toán khi nhận hàng (COD): quý khách trả tiền mặt cho nhân viên giao hàng "
            "hoặc tại điểm bán khi nhận.",
            "Chuyển khoản VietQR: quét mã trên trang xác nhận đơn bằng ứng dụng ngân hàng; "
            "đơn được giữ trong 48 giờ chờ tiền về.",
            "Thẻ ngân hàng: thanh toán qua cổng thanh toán được mã hóa; chúng tôi không lưu số "
            "thẻ của quý khách.",
        ),
        (
            "Cash on delivery: pay the courier, or at the showroom when you collect.",
            "VietQR transfer: scan the code on the confirmation page with your banking app; the "
            "order is held for 48 hours awaiting payment.",
            "Card: paid through an encrypted payment gateway; we never store your card number.",
        ),
    ),
    Policy(
        "privacy",
        "chinh-sach-bao-mat",
        "privacy-policy",
        "Chính sách bảo mật thông tin",
        "Privacy",
        "Thông tin của quý khách chỉ dùng để giao hàng và chăm sóc đơn hàng.",
        "Your details are used only to deliver and look after your order.",
        (
            "Chúng tôi thu thập họ tên, số điện thoại, địa chỉ nhận hàng và (nếu quý khách cung "
            "cấp) email, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",
            "Thông tin chỉ được chia sẻ với chủ thể sản xuất và đơn vị vận chuyển của đơn hàng, "
            "không bán hay trao đổi cho bên thứ ba.",
            "Quý khách có thể yêu cầu xem, sửa hoặc xóa dữ liệu của mình bằng cách liên hệ Văn "
            "phòng điều phối OCOP qua số điện thoại hoặc Zalo ở chân trang.",
        ),
        (
            "We collect your name, phone number, delivery address and (if you give it) email, "
            "under Decree 13/2023/ND-CP on personal data protection.",
            "They are shared only with the producers and couriers of your order, never sold or "
            "traded.",
            "You may ask to see, correct or delete your data by contacting the OCOP coordination "
            "office by phone or Zalo (see the footer).",
        ),
    ),
)


def _body(paragraphs) -> list:
    return [("paragraph", RichText(f"<p>{p}</p>")) for p in paragraphs]


def demo_trust_load(*, home: Page, created: Counter) -> None:
    """The policy pages under ``home`` (and their English translations) and the footer's
    contact details, each made once (a second load changes nothing)."""
    english = Locale.objects.filter(language_code="en").first()
    for policy in POLICIES:
        page = PolicyPage.objects.child_of(home).filter(slug=policy.slug).first()
        if page is None:
            page = PolicyPage(
                slug=policy.slug,
                locale=home.locale,
                title=policy.title,
                intro=policy.intro,
                body=_body(policy.body),
                kind=policy.kind,
                show_in_menus=False,
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            created["pages"] += 1
        if english is not None and page.get_translation_or_none(english) is None:
            translation = page.copy_for_translation(english)
            translation.slug, translation.title = policy.slug_en, policy.title_en
            translation.intro, translation.body = policy.intro_en, _body(policy.body_en)
            translation.save_revision().publish()
            created["pages"] += 1
    site = (
        Site.objects.filter(root_page=home).first()
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is not None:
        footer = WebsiteFooter.for_site(site)
        if not footer.phone:
            footer.address, footer.phone, footer.zalo_phone = (
                OFFICE_ADDRESS,
                OFFICE_PHONE,
                ZALO_PHONE,
            )
            footer.save()
