"""Reads of the website that span pages and other apps: the editors' dashboard panel
(``cms/wagtail_hooks.py``), fair booths (who exhibits where, with
which listable products), the fairs a producer may apply for, and the fair figures of the
programme's progress page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, PageLogEntry, WorkflowState

from catalog import selectors as catalog_selectors
from cms import booths
from cms.models import FairApplication, FairPage

Status = booths.ApplicationStatus


@dataclass
class Exhibitor:
    """An accepted application as the fair page shows it: the booth and the products on sale."""

    application: FairApplication
    products: list = field(default_factory=list)

    @property
    def producer(self):
        return self.application.producer

    @property
    def booth_number(self) -> str:
        return self.application.booth_number


def fair_exhibitors(*, fair: FairPage, today: date | None = None) -> list[Exhibitor]:
    """The fair's accepted exhibitors by booth number, each with the products it brings that
    pass the storefront gate today. Every translation of the fair lists the same exhibitors
    (applications are made on the fair in the site's default language)."""
    applications = list(
        FairApplication.objects.filter(
            fair__translation_key=fair.translation_key, status=Status.ACCEPTED
        )
        .select_related("producer", "booth_size")
        .prefetch_related("products")
        .order_by("booth_number", "pk")
    )
    wanted = {p.pk for a in applications for p in a.products.all()}
    listed = (
        {
            p.pk: p
            for p in catalog_selectors.product_cards_queryset(today=today).filter(pk__in=wanted)
        }
        if wanted
        else {}
    )
    return [
        Exhibitor(a, [listed[p.pk] for p in a.products.all() if p.pk in listed])
        for a in applications
    ]


def fairs_taking_applications(*, today: date) -> list[FairPage]:
    """Live fairs (in the site's default language) that take booth applications today."""
    fairs = (
        FairPage.objects.live()
        .filter(locale=Locale.get_default(), applications_close__gte=today, start_date__gt=today)
        .order_by("start_date", "pk")
    )
    return [f for f in fairs if f.applications_open(today=today)]


def producer_fair_applications(*, producer) -> QuerySet:
    """The producer's booth applications, the coming fairs first."""
    return (
        FairApplication.objects.filter(producer=producer)
        .select_related("fair", "booth_size")
        .order_by("-fair__start_date", "pk")
    )


def fair_progress_figures(today: date) -> list[tuple[str, str, int]]:
    """The fair figures of the programme's progress page, as ``(code, label, count)``: fairs held
    (live fairs over by ``today``) and the exhibitors accepted at them."""
    held = FairPage.objects.live().filter(locale=Locale.get_default(), end_date__lt=today)
    exhibitors = FairApplication.objects.filter(fair__in=held, status=Status.ACCEPTED).count()
    return [
        ("fairs_held", _("Hội chợ đã tổ chức"), held.count()),
        ("fair_exhibitors", _("Lượt chủ thể tham gia hội chợ"), exhibitors),
    ]


@dataclass(frozen=True)
class EditorDraft:
    """A page the editor changed whose latest changes are not published yet."""

    page: Page
    in_review: bool
    review_status: str


def editor_drafts(*, user, limit: int = 10) -> list[EditorDraft]:
    """Pages with unpublished changes that ``user`` owns or last revised, newest first, each
    saying whether it waits in the moderation workflow (or was sent back for changes)."""
    pages = list(
        Page.objects.filter(has_unpublished_changes=True)
        .filter(Q(owner=user) | Q(latest_revision__user=user))
        .order_by("-latest_revision_created_at")[:limit]
    )
    states = {
        int(state.object_id): state.status
        for state in WorkflowState.objects.active().filter(
            object_id__in=[str(page.pk) for page in pages]
        )
    }
    return [
        EditorDraft(page=page, in_review=page.pk in states, review_status=states.get(page.pk, ""))
        for page in pages
    ]


def fairs_upcoming(*, today: date, language: str = "vi", limit: int = 5) -> list[FairPage]:
    """Live fairs that have not ended by ``today``, soonest first."""
    return list(
        FairPage.objects.live()
        .filter(locale__language_code=language, end_date__gte=today)
        .order_by("start_date", "pk")[:limit]
    )


def page_changes_recent(*, limit: int = 8) -> list[PageLogEntry]:
    """The latest changes to pages by anyone (publish, edit, submit, approve…), newest first."""
    return list(
        PageLogEntry.objects.select_related("user", "page")
        .exclude(action__startswith="wagtail.view")
        .order_by("-timestamp", "-pk")[:limit]
    )
