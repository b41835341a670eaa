"""Writes of the website: its configuration, and fair booth applications (submit, review,
outcomes) with the emails they send."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from catalog import pickup
from catalog.models import District, Place
from cms import booths
from cms.models import FairApplication, FairBoothSize
from producers.selectors import producer_emails
from producers.services import stock_place_empty


@transaction.atomic
def site_address_set(*, url: str, site_name: str) -> Site:
    """Point the default Wagtail Site (and Django's Site) at the public address ``url``.

    Wagtail builds canonical links, the sitemap and hreflang alternates from the Site's hostname
    and port, and migrations leave it at ``localhost:80``; Oscar's emails use Django's Site domain.
    Idempotent: the deploy steps run it after every migrate.
    """
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise ValueError(f"{url!r} is not an http(s) address")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    if parsed.scheme == "https" and port != 443:
        # Wagtail's Site.root_url says https only for port 443: any other port would be http.
        raise ValueError(f"{url!r}: Wagtail serves https only on port 443")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise LookupError("No default Wagtail Site: run `manage.py migrate` first.")
    site.hostname, site.port, site.site_name = parsed.hostname, port, site_name
    site.save()
    Site.clear_site_root_paths_cache()
    default_port = {"http": 80, "https": 443}[parsed.scheme]
    domain = parsed.hostname if port == default_port else f"{parsed.hostname}:{port}"
    DjangoSite.objects.update_or_create(pk=1, defaults={"domain": domain, "name": site_name})
    return site


# --------------------------------------------------------------------------------------------
# Fair booths
# --------------------------------------------------------------------------------------------


class BoothError(ValueError):
    """A booth application or review that the rules refuse; ``field`` names the form field the
    message belongs to (``None``: the whole form)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def fair_application_submit(
    *,
    producer,
    fair,
    products: Iterable,
    booth_size,
    needs_power: bool,
    needs_refrigeration: bool,
    contact_name: str,
    contact_phone: str,
    note: str = "",
    language: str,
    today: date,
):
    """Create ``producer``'s application for ``fair``, or change it while it is still pending
    and the fair still takes applications. Every product must be the producer's own; the booth
    size must be one of the fair's. The first submission is acknowledged by email."""

    products = list(products)
    if not booths.applications_open(
        closes_on=fair.applications_close, starts_on=fair.start_date, today=today
    ):
        raise BoothError(_("Hội chợ này đã hết hạn đăng ký gian hàng."))
    if booth_size is None or booth_size.fair_id != fair.pk:
        raise BoothError(_("Hãy chọn một loại gian hàng của hội chợ này."), field="booth_size")
    if not products:
        raise BoothError(_("Hãy chọn ít nhất một sản phẩm mang đến hội chợ."), field="products")
    if any(p.producer_id != producer.pk for p in products):
        raise BoothError(_("Chỉ mang được sản phẩm của chính chủ thể."), field="products")
    with transaction.atomic():
        application = (
            FairApplication.objects.select_for_update().filter(fair=fair, producer=producer).first()
        )
        created = application is None
        if created:
            application = FairApplication(fair=fair, producer=producer, language=language)
        elif application.status != booths.ApplicationStatus.PENDING:
            raise BoothError(_("Đăng ký đã được ban tổ chức xét duyệt nên không sửa được nữa."))
        application.booth_size = booth_size
        application.needs_power = needs_power
        application.needs_refrigeration = needs_refrigeration
        application.contact_name = contact_name.strip()
        application.contact_phone = contact_phone.strip()
        application.note = note.strip()
        application.language = language
        application.save()
        application.products.set(products)
        if created:
            # Inside the transaction: the mail backend queues a task in it (marketplace.mail),
            # so a rolled-back submission sends nothing.
            fair_application_email(application_id=application.pk)
    return application


def fair_application_review(
    *,
    application_id: int,
    decision: str,
    booth_number: str = "",
    reason: str = "",
    now: datetime,
):
    """The organiser's decision on an application: accept with a booth number, waitlist, or
    refuse with a reason. The producer is emailed in the application's language when the
    decision or the booth changes.

    Accepting locks the booth size's row first, so two organisers accepting the last booth of a
    size at the same moment are served one after the other: the second finds no room. Booth
    numbers are unique per fair (checked here, and by a constraint if two race).
    """

    Status = booths.ApplicationStatus
    if decision not in set(booths.DECISIONS):
        raise BoothError(_("Quyết định không hợp lệ."), field="status")
    number = booths.normalise_booth_number(booth_number)
    with transaction.atomic():
        application = (
            FairApplication.objects.select_for_update()
            .select_related("fair")
            .get(pk=application_id)
        )
        before = (application.status, application.booth_number)
        if decision == Status.ACCEPTED:
            if not number:
                raise BoothError(_("Hãy ghi số gian hàng khi nhận đăng ký."), field="booth_number")
            if application.booth_size_id is None:
                raise BoothError(_("Đăng ký chưa có loại gian hàng."), field="status")
            size = FairBoothSize.objects.select_for_update().get(pk=application.booth_size_id)
            taken = (
                FairApplication.objects.filter(booth_size=size, status=Status.ACCEPTED)
                .exclude(pk=application.pk)
                .count()
            )
            if not booths.booth_size_has_room(capacity=size.capacity, accepted=taken):
                raise BoothError(
                    _("Đã hết gian hàng loại %(size)s (%(capacity)s gian).")
                    % {"size": size.label, "capacity": size.capacity},
                    field="status",
                )
            if (
                FairApplication.objects.filter(fair_id=application.fair_id, booth_number=number)
                .exclude(pk=application.pk)
                .exists()
            ):
                raise BoothError(
                    _("Số gian hàng %(number)s đã được xếp cho chủ thể khác.") % {"number": number},
                    field="booth_number",
                )
            application.booth_number, application.refusal_reason = number, ""
        elif decision == Status.REFUSED:
            if not reason.strip():
                raise BoothError(_("Hãy ghi lý do không nhận."), field="refusal_reason")
            application.booth_number, application.refusal_reason = "", reason.strip()
        else:
            application.booth_number, application.refusal_reason = "", ""
        application.status = decision
        application.reviewed_at = now
        try:
            with transaction.atomic():
                application.save()
        except IntegrityError as error:
            # Another organiser gave the same number to another producer a moment ago.
            raise BoothError(
                _("Số gian hàng %(number)s đã được xếp cho chủ thể khác.") % {"number": number},
                field="booth_number",
            ) from error
        if (application.status, application.booth_number) != before:
            fair_application_email(application_id=application.pk)
        # Accepting opens the booth for pickup (when offered); any other decision closes it.
        fair_booth_place_sync(application=application)
    return application


def fair_application_outcome_record(
    *,
    application_id: int,
    visitors: int | None,
    sales_vnd: int | None,
    contracts_signed: int | None,
    today: date,
):
    """Record what an exhibitor achieved at the fair; only for accepted applications, from the
    fair's last day on."""

    with transaction.atomic():
        application = (
            FairApplication.objects.select_for_update()
            .select_related("fair")
            .get(pk=application_id)
        )
        values = (visitors, sales_vnd, contracts_signed)
        if all(v is None for v in values):
            return application
        if application.status != booths.ApplicationStatus.ACCEPTED:
            raise BoothError(
                _("Chỉ ghi kết quả cho chủ thể được nhận gian hàng."), field="visitors"
            )
        if not booths.outcomes_recordable(ends_on=application.fair.end_date, today=today):
            raise BoothError(_("Kết quả được ghi từ ngày cuối của hội chợ."), field="visitors")
        if any(v is not None and v < 0 for v in values):
            raise BoothError(_("Số liệu không thể âm."), field="visitors")
        application.visitors, application.sales_vnd, application.contracts_signed = values
        application.save(update_fields=["visitors", "sales_vnd", "contracts_signed", "updated_at"])
    return application


#: Email templates (``cms/emails/fair_application_<name>_subject.txt`` / ``_body.txt``) per status.
_EMAIL_TEMPLATES = {
    booths.ApplicationStatus.PENDING: "received",
    booths.ApplicationStatus.ACCEPTED: "accepted",
    booths.ApplicationStatus.WAITLISTED: "waitlisted",
    booths.ApplicationStatus.REFUSED: "refused",
}


def fair_application_email(*, application_id: int) -> bool:
    """Email the producer where its application stands, in the language it applied in;
    ``False`` when the producer has no address."""

    application = (
        FairApplication.objects.select_related("fair", "producer__partner", "booth_size")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        return False
    recipients = producer_emails(application.producer)
    if not recipients:
        return False
    codes = {code for code, _name in settings.LANGUAGES}
    language = application.language if application.language in codes else settings.LANGUAGE_CODE
    name = _EMAIL_TEMPLATES[booths.ApplicationStatus(application.status)]
    with translation.override(language):
        context = {
            "application": application,
            "fair": application.fair,
            "dashboard_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("producer_dashboard:fairs"),
        }
        subject = render_to_string(
            f"cms/emails/fair_application_{name}_subject.txt", context
        ).strip()
        body = render_to_string(f"cms/emails/fair_application_{name}_body.txt", context)
    send_mail(subject, body, None, recipients)
    return True


# --------------------------------------------------------------------------------------------
# Fair booths as temporary pickup places
# --------------------------------------------------------------------------------------------


def fair_application_pickup_set(*, application_id: int, producer, offers: bool, today: date):
    """The producer says whether its booth keeps orders for shoppers to collect at the fair.

    Allowed while the application is pending or accepted and the fair has not ended. Only the
    producer's own application is found (another's raises ``FairApplication.DoesNotExist``).
    The booth's pickup place opens once the application is accepted
    (:func:`fair_booth_place_sync`).
    """
    with transaction.atomic():
        application = (
            FairApplication.objects.select_for_update(of=("self",))
            .select_related("fair", "pickup_place")
            .get(pk=application_id, producer=producer)
        )
        if not booths.pickup_settable(
            status=application.status, ends_on=application.fair.end_date, today=today
        ):
            raise BoothError(
                _("Không thể thay đổi việc nhận giữ hàng cho đăng ký này nữa."),
                field="offers_pickup",
            )
        application.offers_pickup = offers
        application.save(update_fields=["offers_pickup", "updated_at"])
        fair_booth_place_sync(application=application)
    return application


def fair_booth_place_sync(*, application) -> Place | None:
    """Make the booth's pickup place (:class:`catalog.models.Place`, kind ``fair``) agree with
    the application: open on the fair's dates when an accepted application offers pickup,
    closed (no dates) otherwise. The place is kept once made: the stock ledger points at it,
    and ``manage.py fair_stock_return`` sends what is left there back to the online warehouse.
    """
    fair = application.fair
    place = application.pickup_place
    wanted = application.offers_pickup and application.status == booths.ApplicationStatus.ACCEPTED
    if place is None and not wanted:
        return None
    if place is None:
        producer = application.producer
        # Place.district is required; the booth is the producer's, so its district stands in
        # (the fair's venue and address are copied into the address).
        district = (
            producer.commune.district
            if producer.commune_id
            else District.objects.order_by("pk").first()
        )
        place = Place(
            kind=Place.Kind.FAIR,
            producer=producer,
            district=district,
            slug=f"gian-hang-hoi-cho-{application.pk}",
        )
    label = fair.title
    place.name = (
        _("Gian hàng %(number)s, %(fair)s")
        % {"number": application.booth_number or "?", "fair": label}
    )[:150]
    place.address = ", ".join(p for p in (fair.venue, fair.address) if p)[:255]
    place.latitude, place.longitude = fair.latitude, fair.longitude
    place.phone = application.contact_phone
    place.open_from, place.open_until = (fair.start_date, fair.end_date) if wanted else (None, None)
    place.save()
    if application.pickup_place_id != place.pk:
        application.pickup_place = place
        application.save(update_fields=["pickup_place"])
    return place


def fair_booths_stock_return(*, today: date) -> int:
    """Re-copy the fair dates onto every booth's pickup place (an editor may have moved the
    fair), then send what is left at every booth whose fair has ended (or whose pickup was
    withdrawn) back to its producer's online warehouse. Idempotent: a second run finds
    nothing left. Returns the number of units moved."""
    for application in FairApplication.objects.filter(pickup_place__isnull=False).select_related(
        "fair", "producer", "pickup_place"
    ):
        with transaction.atomic():
            fair_booth_place_sync(application=application)
    moved = 0
    for place in Place.objects.filter(kind=Place.Kind.FAIR):
        if pickup.booth_stock_returnable(open_until=place.open_until, today=today):
            moved += stock_place_empty(
                place=place, note=_("Hội chợ đã kết thúc: hàng còn lại về kho trực tuyến")
            )
    return moved
