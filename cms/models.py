"""Wagtail page types of the OCOP Bắc Giang website.

Every page type shares one StreamField block set (:class:`cms.blocks.BodyBlock`). Pages never copy
product data: products are read live through the storefront gate
(:func:`catalog.selectors.product_listed_queryset`), places (showrooms, villages) are
:class:`catalog.models.Place` rows that pages link to.
"""

from __future__ import annotations

import html
import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from oscar.core.loading import get_model
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from catalog import ocop, selectors
from catalog.seo import absolute_url
from cms import booths, events
from cms.blocks import BodyBlock
from cms.feeds import FairAtomFeed, FairFeed, NewsAtomFeed, NewsFeed
from cms.widgets import SearchableCheckboxSelectMultiple
from producers.selectors import place_products_in_stock
from search.text import fold

_SPACES = re.compile(r"\s+")


def _stream_text(stream) -> str:
    """The words of a StreamField value (paragraphs, headings, quotes, captions), without
    rendering it (rendering would make image renditions)."""
    words: list[str] = []
    for block in stream:
        value = block.value
        if hasattr(value, "source"):  # RichText
            words.append(value.source)
        elif isinstance(value, str):
            words.append(value)
        elif hasattr(value, "get"):  # StructValue
            for key in ("text", "caption", "attribution"):
                if value.get(key):
                    words.append(str(value.get(key)))
    return " ".join(words)


def plain_text(*parts: object) -> str:
    """Join text, rich text (HTML) and StreamField values into one line of plain text."""
    out: list[str] = []
    for part in parts:
        if part is None or part == "":
            continue
        text = _stream_text(part) if hasattr(part, "raw_data") else str(part)
        out.append(html.unescape(strip_tags(text)))
    return _SPACES.sub(" ", " ".join(out)).strip()


class FoldedSearchMixin:
    """Gives a page one more text for Wagtail's search index: its title, search description and
    ``search_text()`` folded by :func:`search.text.fold` (case, marks, đ, i/y), so Wagtail's
    search finds "hoi cho" in "Hội chợ" once the query is folded the same way (see
    :func:`search.selectors.page_search`)."""

    def folded_search_text(self) -> str:
        """The page's searchable text, folded (indexed by Wagtail, never shown)."""

        search_text = getattr(self, "search_text", None)
        extra = search_text() if callable(search_text) else ""
        return fold(" ".join([self.title, self.search_description or "", extra or ""]))


#: The folded text in Wagtail's search index; every page type lists it in ``search_fields``.
FOLDED_SEARCH_FIELD = index.SearchField("folded_search_text")


class WebsitePage(FoldedSearchMixin, Page):
    """What every page of the website has besides Wagtail's own fields: a lead, a body made of
    the shared blocks, and a picture for sharing (OpenGraph) and for cards."""

    intro = models.TextField(_("tóm tắt"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        FOLDED_SEARCH_FIELD,
    ]

    class Meta:
        abstract = True

    def search_text(self) -> str:
        """The page as plain text (title, lead, body) for the site search to fold and index."""
        return plain_text(self.title, self.intro, self.body)

    def meta_description(self) -> str:
        """The search-engine description: the editor's, else the lead, cut to 160 characters."""
        text = self.search_description or self.intro or ""
        return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"


class HomePage(FoldedSearchMixin, Page):
    """The site's front page: hero, the best-rated products read live from the storefront gate
    (never copied), the latest news, upcoming fairs, the showroom map and the programme in
    brief."""

    intro = models.CharField(_("giới thiệu ngắn"), max_length=255, blank=True)
    body = RichTextField(_("nội dung"), blank=True)
    featured_count = models.PositiveSmallIntegerField(_("số sản phẩm nổi bật"), default=8)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("featured_count"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        FOLDED_SEARCH_FIELD,
    ]
    max_count = None
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("trang chủ")

    def search_text(self) -> str:
        """The page as plain text, for the site search."""
        return plain_text(self.title, self.intro, self.body)

    def meta_description(self) -> str:
        """The search-engine description."""
        return self.search_description or self.intro

    def featured_products(self):
        """The best-rated products on sale now, 5★ first."""
        return list(selectors.product_cards_queryset()[: self.featured_count])

    def _first_descendant(self, model):
        return model.objects.live().descendant_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = self.featured_products()
        today = timezone.localdate()
        context["latest_news"] = list(
            NewsPage.objects.live().descendant_of(self).order_by("-date", "-pk")[:3]
        )
        context["upcoming_fairs"] = list(
            FairPage.objects.live()
            .descendant_of(self)
            .filter(end_date__gte=today)
            .order_by("start_date", "pk")[:3]
        )
        context["news_index"] = self._first_descendant(NewsIndexPage)
        context["fair_index"] = self._first_descendant(FairIndexPage)
        context["map_page"] = self._first_descendant(MapPage)
        context["programme_page"] = (
            ProgrammePage.objects.live().descendant_of(self).filter(depth=self.depth + 1).first()
        )
        context["map_places"] = map_places(root=self)
        context["cycle_steps"] = OCOP_CYCLE_STEPS
        context["today"] = today
        return context


# --------------------------------------------------------------------------------------------
# News
# --------------------------------------------------------------------------------------------


class NewsCategory(models.TextChoices):
    """What a news article is about (a fixed list, so readers can filter by it)."""

    PROGRAMME = "chuong-trinh", _("Chương trình OCOP")
    TRADE = "xuc-tien-thuong-mai", _("Xúc tiến thương mại")
    SEASON = "mua-vu", _("Mùa vụ")
    PRODUCERS = "chu-the", _("Chủ thể sản xuất")
    TOURISM = "du-lich", _("Du lịch nông thôn")


class NewsIndexPage(RoutablePageMixin, WebsitePage):
    """The news list: newest first, paginated, filtered by ``?chuyen-muc=`` (category) and
    ``?the=`` (tag); RSS at ``rss/`` and Atom at ``atom/``."""

    per_page = 10
    subpage_types = ["cms.NewsPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("danh sách tin tức")

    def articles(self):
        """Live articles under this index, newest first."""
        return (
            NewsPage.objects.live().child_of(self).select_related("image").order_by("-date", "-pk")
        )

    @path("")
    def index_route(self, request):
        articles = self.articles()
        category = request.GET.get("chuyen-muc", "")
        tag = request.GET.get("the", "")
        if category in NewsCategory.values:
            articles = articles.filter(category=category)
        else:
            category = ""
        if tag:
            articles = articles.filter(tags__slug=tag).distinct()
        paginator = Paginator(articles, self.per_page)
        try:
            page_obj = paginator.page(request.GET.get("trang", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "articles": page_obj.object_list,
                "categories": NewsCategory.choices,
                "current_category": category,
                "current_tag": tag,
            },
        )

    @path("rss/")
    def rss_route(self, request):

        return NewsFeed(self)(request)

    @path("atom/")
    def atom_route(self, request):

        return NewsAtomFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    """A tag on a news article."""

    content_object = ParentalKey(
        "cms.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(WebsitePage):
    """A news article: category, date, author, lead, rich body with photos, tags, and the
    products it talks about (shown only while they pass the storefront gate)."""

    date = models.DateField(_("ngày đăng"), default=date.today)
    author = models.CharField(_("tác giả"), max_length=120, blank=True)
    category = models.CharField(
        _("chuyên mục"),
        max_length=40,
        choices=NewsCategory.choices,
        default=NewsCategory.PROGRAMME,
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("thẻ"))
    related_products = ParentalManyToManyField(
        "catalogue.Product",
        blank=True,
        related_name="+",
        verbose_name=_("sản phẩm liên quan"),
    )

    content_panels = WebsitePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
                FieldPanel("category"),
                FieldPanel("tags"),
            ],
            heading=_("Thông tin bài"),
        ),
        FieldPanel("related_products"),
    ]
    search_fields = WebsitePage.search_fields + [
        index.FilterField("date"),
        index.FilterField("category"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("bài tin tức")

    def listed_related_products(self):
        """The related products that are on sale today (3★ and up)."""
        ids = [p.pk for p in self.related_products.all()]
        return list(selectors.product_cards_queryset().filter(pk__in=ids)) if ids else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.listed_related_products()
        return context


# --------------------------------------------------------------------------------------------
# Fairs
# --------------------------------------------------------------------------------------------


class FairIndexPage(RoutablePageMixin, WebsitePage):
    """Fairs, grouped as on now, upcoming and past; RSS at ``rss/`` and Atom at ``atom/``."""

    subpage_types = ["cms.FairPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("danh sách hội chợ")

    def fairs(self):
        """Live fairs under this index, soonest first."""
        return FairPage.objects.live().child_of(self).order_by("start_date", "pk")

    @path("")
    def index_route(self, request):
        today = timezone.localdate()
        fairs = list(self.fairs())
        groups = {status: [] for status in events.FairStatus}
        for fair in fairs:
            groups[fair.status(today=today)].append(fair)
        groups[events.FairStatus.PAST].reverse()
        sections = [
            (status.value, events.FAIR_STATUS_LABELS[status], groups[status])
            for status in (
                events.FairStatus.ON_NOW,
                events.FairStatus.UPCOMING,
                events.FairStatus.PAST,
            )
        ]
        return self.render(request, context_overrides={"sections": sections, "today": today})

    @path("rss/")
    def rss_route(self, request):

        return FairFeed(self)(request)

    @path("atom/")
    def atom_route(self, request):

        return FairAtomFeed(self)(request)


class FairPage(RoutablePageMixin, WebsitePage):
    """A trade fair (hội chợ): dates, venue and map point, organiser, participating producers and
    featured products, how producers register; status derived from the dates; an .ics download
    at ``lich/`` (served as ``<slug>.ics``; Wagtail page paths cannot hold a dot)."""

    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"))
    venue = models.CharField(_("địa điểm"), max_length=200)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=200, blank=True)
    registration = RichTextField(_("cách đăng ký tham gia"), blank=True)
    producers = ParentalManyToManyField(
        "partner.Producer",
        blank=True,
        related_name="+",
        verbose_name=_("chủ thể tham gia"),
    )
    featured_products = ParentalManyToManyField(
        "catalogue.Product",
        blank=True,
        related_name="+",
        verbose_name=_("sản phẩm giới thiệu"),
    )
    applications_close = models.DateField(
        _("hạn đăng ký gian hàng"),
        null=True,
        blank=True,
        help_text=_(
            "Chủ thể đăng ký gian hàng trên trang quản lý đến hết ngày này. Bỏ trống: "
            "không nhận đăng ký trực tuyến."
        ),
    )
    booth_plan = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sơ đồ gian hàng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = WebsitePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("organiser"),
            ],
            heading=_("Thời gian và địa điểm"),
        ),
        FieldPanel("registration"),
        MultiFieldPanel(
            [
                FieldPanel("applications_close"),
                InlinePanel("booth_sizes", label=_("Loại gian hàng")),
                FieldPanel("booth_plan"),
            ],
            heading=_("Gian hàng"),
        ),
        # Long lists (dozens of producers and products): searchable checklists, no Ctrl-click.
        FieldPanel("producers", widget=SearchableCheckboxSelectMultiple),
        FieldPanel("featured_products", widget=SearchableCheckboxSelectMultiple),
    ]
    search_fields = WebsitePage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("organiser"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]
    parent_page_types = ["cms.FairIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("hội chợ")

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc không thể trước ngày bắt đầu.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Cần nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai."))
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise ValidationError({"latitude": _("Vĩ độ phải nằm trong khoảng -90 đến 90.")})
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise ValidationError({"longitude": _("Kinh độ phải nằm trong khoảng -180 đến 180.")})
        if (
            self.applications_close
            and self.start_date
            and (self.applications_close >= self.start_date)
        ):
            raise ValidationError(
                {"applications_close": _("Hạn đăng ký gian hàng phải trước ngày bắt đầu hội chợ.")}
            )

    def status(self, *, today: date | None = None) -> events.FairStatus:
        """Upcoming, on now or past, from the dates."""
        return events.fair_status(
            start=self.start_date, end=self.end_date, today=today or timezone.localdate()
        )

    def date_range(self) -> str:
        """``12/06/2026 – 14/06/2026`` (one date when the fair lasts one day)."""
        if self.start_date == self.end_date:
            return f"{self.start_date:%d/%m/%Y}"
        return f"{self.start_date:%d/%m/%Y} – {self.end_date:%d/%m/%Y}"

    def status_label(self) -> str:
        """The status in words, for the page."""
        return events.FAIR_STATUS_LABELS[self.status()]

    def search_text(self) -> str:
        """The page as plain text, for the site search."""
        return plain_text(
            self.title,
            self.intro,
            self.venue,
            self.address,
            self.organiser,
            self.body,
            self.registration,
        )

    def listed_featured_products(self):
        """The featured products that are on sale today (3★ and up)."""
        ids = [p.pk for p in self.featured_products.all()]
        return list(selectors.product_cards_queryset().filter(pk__in=ids)) if ids else []

    def calendar_event(self, request=None) -> events.CalendarEvent:
        """This fair as an iCalendar event."""
        return events.CalendarEvent(
            uid=f"fair-{self.translation_key}@ocop.bacgiang",
            title=self.title,
            start=self.start_date,
            end=self.end_date,
            location=", ".join(x for x in (self.venue, self.address) if x),
            description=self.intro,
            url=self.get_full_url(request) or "",
            latitude=float(self.latitude) if self.latitude is not None else None,
            longitude=float(self.longitude) if self.longitude is not None else None,
        )

    def structured_data(self, request=None) -> dict:
        """schema.org ``Event`` for search engines."""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": self.start_date.isoformat(),
            "endDate": self.end_date.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": {
                "@type": "Place",
                "name": self.venue,
                "address": self.address or self.venue,
            },
            "description": self.intro,
            "url": absolute_url(self.get_full_url(request) or ""),
        }
        if self.latitude is not None:
            data["location"]["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.organiser:
            data["organizer"] = {"@type": "Organization", "name": self.organiser}
        return data

    def applications_open(self, *, today: date | None = None) -> bool:
        """Whether producers may apply for a booth today (:func:`cms.booths.applications_open`)."""
        return booths.applications_open(
            closes_on=self.applications_close,
            starts_on=self.start_date,
            today=today or timezone.localdate(),
        )

    @path("")
    def detail_route(self, request):
        # Imported here: cms.selectors imports this module's models.
        from cms.selectors import fair_exhibitors

        return self.render(
            request,
            context_overrides={
                "products": self.listed_featured_products(),
                "fair_producers": list(self.producers.order_by("pk").select_related("partner")),
                "exhibitors": fair_exhibitors(fair=self),
            },
        )

    @path("lich/")
    def ics_route(self, request):
        body = events.ics_calendar(self.calendar_event(request), now=timezone.now())
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response


class FairBoothSize(Orderable):
    """A booth size a fair offers ("3x3 m") and how many booths of it there are."""

    fair = ParentalKey(FairPage, on_delete=models.CASCADE, related_name="booth_sizes")
    label = models.CharField(_("kích thước"), max_length=40, help_text=_("Ví dụ: 3x3 m"))
    capacity = models.PositiveSmallIntegerField(_("số gian"))

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("capacity")])]

    class Meta(Orderable.Meta):
        verbose_name = _("loại gian hàng")
        verbose_name_plural = _("loại gian hàng")

    def __str__(self) -> str:
        return f"{self.label} × {self.capacity}"


class FairApplication(models.Model):
    """A producer's application for a booth at a fair: the products it brings, the booth size,
    its needs and who to call on the day; then the organiser's decision (booth number, or the
    reason for a refusal) and, after the fair, the outcomes.

    One per producer per fair. ``language`` is the language the producer applied in: every email
    about the application is written in it. Writes go through :mod:`cms.services`; the statuses
    and rules are :mod:`cms.booths`.
    """

    Status = models.TextChoices(
        "Status",
        [
            (s.name, (s.value, booths.APPLICATION_STATUS_LABELS[s]))
            for s in booths.ApplicationStatus
        ],
    )

    fair = models.ForeignKey(
        FairPage, on_delete=models.CASCADE, related_name="applications", verbose_name=_("hội chợ")
    )
    producer = models.ForeignKey(
        "partner.Producer",
        on_delete=models.CASCADE,
        related_name="fair_applications",
        verbose_name=_("chủ thể"),
    )
    products = models.ManyToManyField(
        "catalogue.Product", related_name="+", verbose_name=_("sản phẩm mang đến")
    )
    # SET_NULL: an editor removing a booth size from the page must not fail the publish.
    booth_size = models.ForeignKey(
        FairBoothSize,
        on_delete=models.SET_NULL,
        null=True,
        related_name="applications",
        verbose_name=_("loại gian hàng"),
    )
    needs_power = models.BooleanField(_("cần điện"), default=False)
    needs_refrigeration = models.BooleanField(_("cần tủ lạnh, tủ mát"), default=False)
    contact_name = models.CharField(_("người liên hệ trong ngày hội chợ"), max_length=120)
    contact_phone = models.CharField(_("điện thoại"), max_length=30)
    note = models.TextField(_("ghi chú"), blank=True, max_length=1000)
    language = models.CharField(_("ngôn ngữ"), max_length=10, default="vi")
    status = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=Status.choices,
        default=booths.ApplicationStatus.PENDING,
    )
    booth_number = models.CharField(
        _("số gian hàng"), max_length=booths.BOOTH_NUMBER_MAX_LENGTH, blank=True
    )
    refusal_reason = models.TextField(_("lý do không nhận"), blank=True)
    visitors = models.PositiveIntegerField(_("lượt khách"), null=True, blank=True)
    sales_vnd = models.PositiveBigIntegerField(_("doanh số (đồng)"), null=True, blank=True)
    contracts_signed = models.PositiveIntegerField(_("hợp đồng ký kết"), null=True, blank=True)
    offers_pickup = models.BooleanField(
        _("nhận giữ hàng cho khách đến lấy tại gian hàng"), default=False
    )
    # The booth as a temporary pickup place (catalog.Place, kind "fair"), made when an accepted
    # application offers pickup; SET_NULL so an editor deleting the place fails nothing here.
    pickup_place = models.OneToOneField(
        "catalogue.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("điểm nhận hàng tại hội chợ"),
    )
    created_at = models.DateTimeField(_("ngày đăng ký"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    reviewed_at = models.DateTimeField(_("ngày xét duyệt"), null=True, blank=True)

    class Meta:
        verbose_name = _("đăng ký gian hàng")
        verbose_name_plural = _("đăng ký gian hàng")
        ordering = ["fair_id", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "producer"], name="cms_fair_application_once_per_producer"
            ),
            # Booth numbers are unique per fair; the empty number (not yet placed) repeats.
            models.UniqueConstraint(
                fields=["fair", "booth_number"],
                condition=~models.Q(booth_number=""),
                name="cms_fair_application_booth_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.producer} — {self.fair}"

    def status_label(self) -> str:
        """The status in words."""
        return booths.APPLICATION_STATUS_LABELS[booths.ApplicationStatus(self.status)]

    def editable(self, *, today: date | None = None) -> bool:
        """Whether the producer may still change it (:func:`cms.booths.application_editable`)."""
        return booths.application_editable(
            status=self.status,
            closes_on=self.fair.applications_close,
            starts_on=self.fair.start_date,
            today=today or timezone.localdate(),
        )


# --------------------------------------------------------------------------------------------
# Programme
# --------------------------------------------------------------------------------------------

#: The OCOP cycle as the provincial decision describes it (steps and when they run). Step 4 has
#: no season: it runs from the day a producer's business plan is approved. The district level
#: of step 5 ended with the districts on 30 June 2025 (:data:`catalog.ocop.DISTRICT_LEVEL_ENDS`).
OCOP_CYCLE_STEPS = (
    (_("Tuyên truyền, hướng dẫn"), _("liên tục qua các năm")),
    (_("Nhận ý tưởng sản phẩm"), _("tháng 3 hằng năm; UBND xã tiếp nhận và chuyển lên")),
    (_("Nhận phương án, dự án sản xuất kinh doanh"), _("tháng 4 hằng năm")),
    (
        _("Triển khai phương án, dự án sản xuất kinh doanh"),
        _("liên tục từ khi phương án kinh doanh được duyệt"),
    ),
    (
        _("Đánh giá và phân hạng sản phẩm"),
        _(
            "cấp tỉnh tháng 9; cấp huyện tháng 8 đến năm 2025, từ tháng 7/2025 cấp xã kiểm tra hồ "
            "sơ"
        ),
    ),
    (_("Xúc tiến thương mại"), _("liên tục qua các năm")),
)


class ProgrammePage(WebsitePage):
    """A page about the OCOP programme. ``topic`` adds a section drawn from data: the six steps of
    the cycle, the six product groups (the storefront's root categories), or how stars are
    awarded (:data:`catalog.ocop.CRITERIA_SETS` and :data:`catalog.ocop.AWARD_PERIODS`)."""

    class Topic(models.TextChoices):
        OVERVIEW = "overview", _("Giới thiệu chung")
        CYCLE = "cycle", _("Chu trình OCOP sáu bước")
        GROUPS = "groups", _("Sáu nhóm sản phẩm")
        STARS = "stars", _("Cách xếp hạng sao")
        TAKE_PART = "take_part", _("Cách tham gia")

    topic = models.CharField(
        _("chủ đề"), max_length=20, choices=Topic.choices, default=Topic.OVERVIEW
    )

    content_panels = WebsitePage.content_panels + [FieldPanel("topic")]
    parent_page_types = ["cms.HomePage", "cms.ProgrammePage"]
    subpage_types = ["cms.ProgrammePage"]

    class Meta:
        verbose_name = _("trang chương trình OCOP")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = list(self.get_children().live().specific())
        if self.topic == self.Topic.OVERVIEW:
            context["roles"] = ocop.programme_roles_on(timezone.localdate())
        if self.topic == self.Topic.CYCLE:
            context["cycle_steps"] = OCOP_CYCLE_STEPS
        elif self.topic == self.Topic.GROUPS:
            context["groups"] = list(get_model("catalogue", "Category").get_root_nodes())
        elif self.topic == self.Topic.STARS:
            context["criteria_sets"] = [
                {
                    "set": c,
                    "bands": [(b.stars, *c.band_range(b.stars)) for b in c.bands],
                    "total": sum(p.max_points for p in c.parts),
                }
                for c in ocop.CRITERIA_SETS.values()
            ]
            context["award_periods"] = [
                {
                    "period": p,
                    "levels": [
                        (ocop.COUNCIL_LEVEL_LABELS[level], sorted(stars))
                        for level, stars in p.stars_by_level.items()
                    ],
                }
                for p in ocop.AWARD_PERIODS
            ]
            context["min_listed_stars"] = ocop.MIN_LISTED_STARS
            context["valid_months"] = ocop.CERTIFICATE_VALID_MONTHS
        return context


# --------------------------------------------------------------------------------------------
# Showrooms, villages, the map
# --------------------------------------------------------------------------------------------


class PlacePage(WebsitePage):
    """A page about a :class:`catalog.models.Place` (its address and coordinates live there)."""

    place = models.ForeignKey(
        "catalogue.Place",
        verbose_name=_("địa điểm"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def search_text(self) -> str:
        """The page as plain text, for the site search."""
        place = self.place
        return plain_text(
            self.title,
            self.intro,
            place.address,
            place.district.name,
            place.opening_hours,
            self.body,
        )

    def structured_data(self, request=None) -> dict:
        """schema.org ``Place`` (or ``Store`` for showrooms) for search engines."""
        place = self.place
        data = {
            "@context": "https://schema.org",
            "@type": "Store" if place.kind == "showroom" else "TouristAttraction",
            "name": self.title,
            "url": absolute_url(self.get_full_url(request) or ""),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": place.address,
                "addressRegion": "Bắc Giang",
                "addressCountry": "VN",
            },
            "description": self.intro,
        }
        if place.latitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(place.latitude),
                "longitude": float(place.longitude),
            }
        if place.phone:
            data["telephone"] = place.phone
        if place.opening_hours and place.kind == "showroom":
            data["openingHours"] = place.opening_hours
        return data


class ShowroomIndexPage(WebsitePage):
    """The six OCOP showroom and sales points."""

    subpage_types = ["cms.ShowroomPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("danh sách điểm bán")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["showrooms"] = list(
            ShowroomPage.objects.live()
            .child_of(self)
            .select_related("place__district", "image")
            .order_by("title")
        )
        return context


class ShowroomPage(PlacePage):
    """One OCOP showroom point: address, district, coordinates, opening hours, phone, photos and
    the products on sale there, live from the stock the showroom holds."""

    content_panels = WebsitePage.content_panels + [FieldPanel("place")]
    parent_page_types = ["cms.ShowroomIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("điểm bán OCOP")

    def clean(self) -> None:
        super().clean()
        if self.place_id and self.place.kind != "showroom":
            raise ValidationError({"place": _("Hãy chọn một điểm giới thiệu, bán sản phẩm.")})

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        context["products"] = list(place_products_in_stock(place=self.place))
        return context


class VillagePage(PlacePage):
    """An eco-tourism culture village: its story, how to get there, the nearest showroom, local
    products, and the rural-tourism services (group 6) that can be booked or bought."""

    directions = RichTextField(_("đường đi"), blank=True)
    services_category = models.ForeignKey(
        "catalogue.Category",
        verbose_name=_("nhóm dịch vụ du lịch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Nhóm sản phẩm của các dịch vụ du lịch nông thôn (nhóm 6)."),
    )

    content_panels = WebsitePage.content_panels + [
        FieldPanel("place"),
        FieldPanel("directions"),
        FieldPanel("services_category"),
    ]
    parent_page_types = ["cms.VillageIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("làng du lịch sinh thái")

    def clean(self) -> None:
        super().clean()
        if self.place_id and self.place.kind != "village":
            raise ValidationError({"place": _("Hãy chọn một làng văn hóa du lịch.")})

    def search_text(self) -> str:
        """The page as plain text, for the site search."""
        return plain_text(super().search_text(), self.directions)

    def nearest_showroom(self):
        """The showroom page nearest to the village as the crow flies, with ``distance_km``."""
        place = self.place
        if place.latitude is None:
            return None
        best = None
        for page in ShowroomPage.objects.live().filter(locale=self.locale).select_related("place"):
            other = page.place
            if other.latitude is None:
                continue
            page.distance_km = events.distance_km(
                float(place.latitude),
                float(place.longitude),
                float(other.latitude),
                float(other.longitude),
            )
            if best is None or page.distance_km < best.distance_km:
                best = page
        return best

    def local_products(self):
        """Products on sale from the village's district, services excepted."""
        products = selectors.product_cards_queryset().filter(
            origin_commune__district_id=self.place.district_id
        )
        if self.services_category_id:
            products = products.exclude(categories__path__startswith=self.services_category.path)
        return products

    def services(self):
        """Rural-tourism services on sale from the village's district (bookable or buyable)."""
        if not self.services_category_id:
            return selectors.product_cards_queryset().none()
        return (
            selectors.product_cards_queryset()
            .filter(
                categories__path__startswith=self.services_category.path,
                origin_commune__district_id=self.place.district_id,
            )
            .distinct()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["nearest_showroom"] = self.nearest_showroom()
        context["products"] = list(self.local_products()[:12])
        context["services"] = list(self.services())
        return context


class VillageIndexPage(WebsitePage):
    """The three eco-tourism culture villages."""

    subpage_types = ["cms.VillagePage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("danh sách làng du lịch")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["villages"] = list(
            VillagePage.objects.live()
            .child_of(self)
            .select_related("place__district", "image")
            .order_by("title")
        )
        return context


def map_places(*, root, request=None) -> list[dict]:
    """Every showroom and village page under ``root`` as map markers (name, kind, coordinates,
    address, URL), showrooms first."""
    places = []
    for model, kind in ((ShowroomPage, "showroom"), (VillagePage, "village")):
        pages = (
            model.objects.live()
            .descendant_of(root)
            .select_related("place__district")
            .order_by("title")
        )
        for page in pages:
            place = page.place
            places.append(
                {
                    "name": page.title,
                    "kind": kind,
                    "url": page.get_url(request),
                    "address": place.address,
                    "district": place.district.name,
                    "lat": float(place.latitude) if place.latitude is not None else None,
                    "lng": float(place.longitude) if place.longitude is not None else None,
                }
            )
    return places


class MapPage(WebsitePage):
    """A map of every showroom and village, with popups linking to their pages. Leaflet is served
    from our static files; the places are also listed as text, so the page works without tiles
    or JavaScript."""

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("bản đồ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home = self.get_parent()
        context["map_places"] = map_places(root=home, request=request)
        return context


# --------------------------------------------------------------------------------------------
# Contact form
# --------------------------------------------------------------------------------------------


class ContactFormField(AbstractFormField):
    """A field of the contact form, chosen by editors."""

    page = ParentalKey("cms.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(FoldedSearchMixin, AbstractEmailForm):
    """The contact and feedback form. Submissions are stored (editors read them under Forms in
    the admin) and, when an address is set, mailed. A hidden honeypot field turns bots away."""

    intro = models.TextField(_("giới thiệu"), blank=True)
    thank_you_text = RichTextField(_("lời cảm ơn"), blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Các ô của biểu mẫu")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Thư thông báo"),
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [
        index.SearchField("intro"),
        FOLDED_SEARCH_FIELD,
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    #: The name of the hidden field people never see and bots fill in.
    HONEYPOT = "website"

    class Meta:
        verbose_name = _("trang liên hệ")

    def search_text(self) -> str:
        """The page as plain text, for the site search."""
        return plain_text(self.title, self.intro)

    def meta_description(self) -> str:
        """The search-engine description."""
        return self.search_description or self.intro[:160]

    def get_form(self, *args, **kwargs):

        form = super().get_form(*args, **kwargs)
        form.fields[self.HONEYPOT] = forms.CharField(
            required=False,
            label=_("Để trống ô này"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return form

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and request.POST.get(self.HONEYPOT):
            # A bot filled the hidden field: thank it and store nothing.

            return TemplateResponse(
                request, self.get_landing_page_template(request), self.get_context(request)
            )
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        form.cleaned_data.pop(self.HONEYPOT, None)
        return super().process_form_submission(form)


# --------------------------------------------------------------------------------------------
# Footer (editable in the admin under Settings)
# --------------------------------------------------------------------------------------------


class PolicyPage(WebsitePage):
    """A shop policy (returns, delivery, payment, privacy) written by editors; the footer links
    every live policy page of the current language, in the order of ``kind``."""

    class Kind(models.TextChoices):
        RETURNS = "returns", _("Đổi trả và hoàn tiền")
        DELIVERY = "delivery", _("Giao hàng")
        PAYMENT = "payment", _("Thanh toán")
        PRIVACY = "privacy", _("Bảo mật thông tin")

    kind = models.CharField(_("loại chính sách"), max_length=20, choices=Kind.choices)

    content_panels = WebsitePage.content_panels + [FieldPanel("kind")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("trang chính sách")


@register_setting(icon="list-ul")
class WebsiteFooter(BaseSiteSetting):
    """The footer under every page: who runs the site and how to reach them (address, a ``tel:``
    link and a Zalo link), in both languages, and the e-commerce notification badge of the
    Ministry of Industry and Trade (online.gov.vn), shown only once its URL is set."""

    text_vi = RichTextField(_("chân trang (tiếng Việt)"), blank=True)
    text_en = RichTextField(_("chân trang (tiếng Anh)"), blank=True)
    address = models.CharField(_("địa chỉ văn phòng"), max_length=255, blank=True)
    phone = models.CharField(
        _("số điện thoại"),
        max_length=20,
        blank=True,
        help_text=_("Viết như người mua sẽ gọi, ví dụ 0204 3854 300."),
    )
    zalo_phone = models.CharField(
        _("số Zalo"),
        max_length=20,
        blank=True,
        help_text=_("Số điện thoại đăng ký Zalo (liên kết https://zalo.me/<số>)."),
    )
    moit_notice_url = models.URLField(
        _("liên kết thông báo Bộ Công Thương"),
        blank=True,
        help_text=_(
            "Địa chỉ trang xác nhận trên online.gov.vn; để trống thì không hiện biểu "
            "tượng “Đã thông báo Bộ Công Thương”."
        ),
    )

    panels = [
        FieldPanel("text_vi"),
        FieldPanel("text_en"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("zalo_phone")],
            heading=_("Liên hệ"),
        ),
        FieldPanel("moit_notice_url"),
    ]

    def tel_href(self) -> str:
        """The phone as a ``tel:`` URL (digits and a leading +, spaces and dots dropped)."""
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""

    def zalo_href(self) -> str:
        """The Zalo chat link (``https://zalo.me/<phone>``) for the Zalo number, else the phone."""
        digits = re.sub(r"[^0-9]", "", self.zalo_phone or self.phone)
        return f"https://zalo.me/{digits}" if digits else ""

    class Meta:
        verbose_name = _("chân trang")
