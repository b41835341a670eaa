"""Demo fair booths: booth sizes, closing dates and booth plans on the demo fairs
(:data:`marketplace.demo.website_content.FAIRS`), and producers' applications in every state.

- the Hà Nội fair (upcoming) and the Yên Thế market (upcoming) take applications: each has one
  pending, one accepted, one waitlisted and one refused application; the lychee cooperative
  (the demo producer login) has a pending one, so its dashboard shows an editable application;
- the Lục Ngạn lychee fair (over) has accepted exhibitors with their outcomes, so the progress
  page counts a fair held and its exhibitors.

Dates follow the fairs' own dates (themselves relative to the day of loading), so the demo
never ages. Rows are written directly with their final state: a demo load sends no email.
Idempotent: sizes are added to a fair that has none; applications are found by fair and
producer.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.images import ImageFile
from oscar.core.loading import get_model
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale

from catalog.selectors import product_listed_queryset
from cms.models import FairApplication, FairBoothSize, FairPage
from marketplace.demo.images import displayable, load_font

Producer = get_model("partner", "Producer")


@dataclass(frozen=True)
class BoothDemo:
    """One demo application: who, which size, which state (booth, reason, outcomes)."""

    producer: str
    size: str
    status: str
    booth: str = ""
    reason: str = ""
    needs_refrigeration: bool = False
    outcomes: tuple[int, int, int] | None = None  # visitors, sales (VND), contracts


@dataclass(frozen=True)
class FairDemo:
    """Booth sizes, the closing date (days before the start) and applications of one fair."""

    slug: str
    closes_days_before: int
    sizes: tuple[tuple[str, int], ...]
    applications: tuple[BoothDemo, ...]


FAIRS = (
    FairDemo(
        "hoi-cho-ocop-ha-noi",
        10,
        (("3x3 m", 20), ("3x6 m", 4)),
        (
            BoothDemo("htx-vai-thieu-luc-ngan", "3x3 m", "pending", needs_refrigeration=True),
            BoothDemo("htx-my-chu-nam-duong", "3x6 m", "accepted", booth="A01"),
            BoothDemo("cong-ty-che-bo-ha", "3x3 m", "accepted", booth="B03"),
            BoothDemo("htx-ruou-lang-van", "3x6 m", "waitlisted"),
            BoothDemo(
                "htx-duoc-lieu-tuan-dao",
                "3x3 m",
                "refused",
                reason="Hồ sơ thiếu giấy chứng nhận an toàn thực phẩm còn hiệu lực.",
            ),
        ),
    ),
    FairDemo(
        "phien-cho-ocop-yen-the",
        15,
        (("3x3 m", 12),),
        (
            BoothDemo(
                "htx-ga-doi-dong-tam", "3x3 m", "accepted", booth="01", needs_refrigeration=True
            ),
            BoothDemo("cong-ty-che-bo-ha", "3x3 m", "pending"),
            BoothDemo("htx-my-chu-nam-duong", "3x3 m", "waitlisted"),
            BoothDemo(
                "htx-ruou-lang-van",
                "3x3 m",
                "refused",
                reason="Phiên chợ dành cho nông sản và du lịch nông thôn.",
            ),
        ),
    ),
    FairDemo(
        "hoi-cho-vai-thieu-2026",
        10,
        (("3x3 m", 30),),
        (
            BoothDemo(
                "htx-vai-thieu-luc-ngan",
                "3x3 m",
                "accepted",
                booth="01",
                outcomes=(1200, 86_500_000, 3),
            ),
            BoothDemo(
                "htx-my-chu-nam-duong",
                "3x3 m",
                "accepted",
                booth="02",
                outcomes=(640, 31_200_000, 1),
            ),
        ),
    ),
)


def booth_plan_png(*, title: str, numbers: list[str], columns: int = 6) -> bytes:
    """A simple booth plan: a numbered grid of booths under the fair's title."""
    cell, margin, header = 110, 30, 80
    rows = max(1, -(-len(numbers) // columns))
    width, height = margin * 2 + cell * columns, header + margin + cell * rows
    image = Image.new("RGB", (width, height), "#fbfaf5")
    draw = ImageDraw.Draw(image)
    draw.text((margin, 24), displayable(title), fill="#1f3b2d", font=load_font(26, bold=True))
    for index, number in enumerate(numbers):
        x = margin + (index % columns) * cell
        y = header + (index // columns) * cell
        draw.rectangle(
            (x + 6, y + 6, x + cell - 6, y + cell - 6), outline="#1f3b2d", width=3, fill="#e3efe6"
        )
        draw.text(
            (x + cell / 2, y + cell / 2),
            number,
            fill="#1f3b2d",
            font=load_font(30, bold=True),
            anchor="mm",
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def demo_fairs_load(*, created: Counter, images: bool = True) -> None:
    """Booth sizes, closing dates, plans and applications on the demo fairs."""
    default = Locale.get_default()
    for demo in FAIRS:
        fair = FairPage.objects.filter(slug=demo.slug, locale=default).first()
        if fair is None:
            continue
        _fair_booths(fair, demo, created=created, images=images)
        # Read back from the table: the page in hand holds the unsaved copies it published.
        sizes = {size.label: size for size in FairBoothSize.objects.filter(fair=fair)}
        for item in demo.applications:
            producer = Producer.objects.filter(slug=item.producer).first()
            if (
                producer is None
                or FairApplication.objects.filter(fair=fair, producer=producer).exists()
            ):
                continue
            visitors, sales, contracts = item.outcomes or (None, None, None)
            application = FairApplication.objects.create(
                fair=fair,
                producer=producer,
                booth_size=sizes[item.size],
                status=item.status,
                booth_number=item.booth,
                refusal_reason=item.reason,
                needs_power=True,
                needs_refrigeration=item.needs_refrigeration,
                contact_name=producer.contact_name or producer.name,
                contact_phone=producer.phone or "0204 3854 300",
                visitors=visitors,
                sales_vnd=sales,
                contracts_signed=contracts,
            )
            application.products.set(
                product_listed_queryset().filter(producer=producer).order_by("pk")[:3]
            )
            created["fair booth applications"] += 1


def _fair_booths(fair: FairPage, demo: FairDemo, *, created: Counter, images: bool) -> None:
    """Sizes, closing date and plan, published as a revision (so the editor sees them)."""
    if FairBoothSize.objects.filter(fair=fair).exists():
        return
    fair.applications_close = fair.start_date - timedelta(days=demo.closes_days_before)
    for order, (label, capacity) in enumerate(demo.sizes):
        fair.booth_sizes.add(FairBoothSize(label=label, capacity=capacity, sort_order=order))
    numbers = [a.booth for a in demo.applications if a.booth]
    if images and numbers:
        image = get_image_model()(title=f"Sơ đồ gian hàng – {fair.title}")
        png = booth_plan_png(title=fair.title, numbers=numbers)
        image.file = ImageFile(io.BytesIO(png), name=f"so-do-{fair.slug}.png")
        image.save()
        fair.booth_plan = image
    fair.save_revision().publish()
    created["fair booth sizes"] += len(demo.sizes)
