"""Writes to the catalogue: recording and revoking OCOP certificates, the stored ratings, and
product credentials (recorded, proposed, verified, refused).

Each function checks its input against :mod:`catalog.ocop`, writes inside one transaction, and
raises :class:`catalog.ocop.OcopRuleError` with a readable message when the rules say no.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog import credentials, ocop, uploads
from catalog.models import (
    LISTING_FIELDS,
    CertificateEvent,
    CertificateNotice,
    OcopCertificate,
    Product,
    ProductCredential,
    listing_compute,
    listing_refresh,
)


def certificate_check(
    *,
    criteria_set: str,
    score: object,
    council_level: str,
    decision_number: str,
    decision_date: date,
    issuing_body: str,
    valid_until: date | None = None,
    check_council: bool = True,
    parts: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """Check a council's decision against the rules; return the certificate's field values.

    Raises :class:`catalog.ocop.OcopRuleError` with the reason when a rule says no: a part over
    its maximum, a council level that may not award those stars in that period, a criteria set
    not in force on the decision date, a missing decision number or issuing body.
    """
    criteria = ocop.criteria_set_for(criteria_set)
    part_values: dict[str, Decimal] = {}
    if parts is not None:
        total = ocop.total_from_parts(parts, criteria)
        part_values = {code: ocop.parse_score(parts[code]) for code in parts}
        if score is not None and ocop.parse_score(score) != total:
            raise ocop.OcopRuleError(
                _("Tổng điểm %(score)s khác tổng các phần (%(total)s).")
                % {"score": score, "total": total}
            )
        score = total
    value: Decimal = ocop.parse_score(score)
    stars = ocop.stars_for_score(value, criteria)
    try:
        level = ocop.CouncilLevel(council_level)
    except ValueError:
        raise ocop.OcopRuleError(
            _("Cấp hội đồng “%(level)s” không hợp lệ.") % {"level": council_level}
        ) from None
    if check_council:
        ocop.check_award(stars=stars, level=level, decision_date=decision_date)
    in_force = ocop.criteria_set_in_force(decision_date)
    if in_force.code != criteria.code:
        raise ocop.OcopRuleError(
            _("Quyết định ngày %(date)s phải chấm theo bộ tiêu chí %(set)s.")
            % {"date": decision_date.strftime("%d/%m/%Y"), "set": in_force.decision}
        )
    if not decision_number.strip():
        raise ocop.OcopRuleError(_("Cần có số quyết định."))
    until = valid_until or ocop.default_valid_until(decision_date)
    if until < decision_date:
        raise ocop.OcopRuleError(_("Ngày hết hiệu lực phải sau ngày quyết định."))
    if not issuing_body.strip():
        raise ocop.OcopRuleError(_("Cần ghi cơ quan cấp chứng nhận."))
    return {
        "criteria_set": criteria.code,
        "score": value,
        "council_level": level.value,
        "decision_number": decision_number.strip(),
        "decision_date": decision_date,
        "issuing_body": issuing_body.strip(),
        "valid_until": until,
        **{OcopCertificate.PART_FIELDS[code]: v for code, v in part_values.items()},
    }


@transaction.atomic
def certificate_record(
    *,
    product,
    criteria_set: str,
    score: object,
    council_level: str,
    decision_number: str,
    decision_date: date,
    issuing_body: str,
    valid_until: date | None = None,
    check_council: bool = True,
    parts: Mapping[str, object] | None = None,
    scan=None,
    by=None,
) -> OcopCertificate:
    """Record a council's rating of ``product``; the stars follow from the score.

    With ``parts`` (part code → points, e.g. ``{"A": 30, "B": 20, "C": 25}``) each part is
    checked against its maximum in the criteria set and ``score`` must be ``None`` or equal their
    total. ``scan`` is an uploaded file (checked by :func:`certificate_scan_check`); ``by`` is the
    user who records, written to the audit log. Re-evaluations add a certificate: none is ever
    overwritten. ``check_council`` may be turned off only for importing historical records whose
    council level the source does not give reliably.
    """
    fields = certificate_check(
        criteria_set=criteria_set,
        score=score,
        council_level=council_level,
        decision_number=decision_number,
        decision_date=decision_date,
        issuing_body=issuing_body,
        valid_until=valid_until,
        check_council=check_council,
        parts=parts,
    )
    if scan:
        scan = certificate_scan_clean(scan=scan)
    recorded_by = by if getattr(by, "is_authenticated", False) else None
    certificate = OcopCertificate(product=product, recorded_by=recorded_by, **fields)
    if scan:
        certificate.scan = scan
    certificate.save()
    certificate_event_add(
        certificate=certificate,
        action=CertificateEvent.Action.RECORDED,
        by=by,
        details={
            "score": str(certificate.score.quantize(ocop.SCORE_QUANTUM)),
            "stars": certificate.stars,
            "parts": {
                code: str(v.quantize(ocop.SCORE_QUANTUM))
                for code, v in certificate.part_scores().items()
            },
            "council_level": certificate.council_level,
            "decision_number": certificate.decision_number,
            "decision_date": decision_date.isoformat(),
            "valid_until": certificate.valid_until.isoformat(),
            "scan": certificate.scan.name if certificate.scan else "",
        },
    )
    return certificate


def certificate_event_add(
    *,
    certificate: OcopCertificate,
    action: str,
    by=None,
    details: Mapping[str, object] | None = None,
) -> CertificateEvent:
    """Append one line to ``certificate``'s audit log."""
    user = by if getattr(by, "is_authenticated", False) else None
    return CertificateEvent.objects.create(
        certificate=certificate, action=action, by=user, details=dict(details or {})
    )


def certificate_scan_check(*, scan) -> str:
    """Check an uploaded scan by its content and return its kind (``pdf``, ``jpeg``, ``png``).

    The size is checked from ``scan.size`` before anything is read; then the first bytes and the
    extension (:func:`catalog.ocop.scan_kind`); then the file is parsed: a PDF must open with
    pypdf and end at its ``%%EOF``, an image must decode within the pixel limit
    (:mod:`catalog.uploads`). Raises :class:`~catalog.ocop.OcopRuleError` with the reason.
    """
    if scan.size > ocop.SCAN_MAX_BYTES:  # before any read: a 50 MB file is refused unread
        ocop.scan_kind(name=scan.name or "", head=b"", size=scan.size)
    scan.seek(0)
    head = scan.read(16)
    scan.seek(0)
    kind = ocop.scan_kind(name=scan.name or "", head=head, size=scan.size)
    try:
        if kind == "pdf":
            uploads.pdf_check(upload=scan)
        else:
            uploads.image_probe(upload=scan, formats=(kind.upper(),))
    except uploads.UploadRefused as error:
        raise ocop.OcopRuleError(str(error)) from error
    return kind


def certificate_scan_clean(*, scan):
    """``scan`` checked (:func:`certificate_scan_check`) and ready to store: a PDF as uploaded, an
    image re-encoded without metadata or trailing bytes."""
    kind = certificate_scan_check(scan=scan)
    if kind == "pdf":
        return scan
    try:
        return uploads.image_reencode(upload=scan, formats=(kind.upper(),))
    except uploads.UploadRefused as error:
        raise ocop.OcopRuleError(str(error)) from error


@transaction.atomic
def certificate_scan_attach(*, certificate: OcopCertificate, scan, by=None) -> OcopCertificate:
    """Attach (or replace) the scan of a recorded certificate; the old file name is audited."""
    scan = certificate_scan_clean(scan=scan)
    old = certificate.scan.name if certificate.scan else ""
    certificate.scan = scan
    certificate.save(update_fields=["scan"])
    certificate_event_add(
        certificate=certificate,
        action=CertificateEvent.Action.CHANGED,
        by=by,
        details={"scan": {"from": old, "to": certificate.scan.name}},
    )
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: OcopCertificate, reason: str, by=None) -> OcopCertificate:
    """Revoke a certificate, recording who, when and why. Revoking twice is refused."""
    if not reason or not reason.strip():
        raise ocop.OcopRuleError(_("Cần ghi lý do thu hồi."))
    locked = OcopCertificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status == ocop.CertificateStatus.REVOKED:
        raise ocop.OcopRuleError(_("Chứng nhận này đã bị thu hồi."))
    locked.status = ocop.CertificateStatus.REVOKED
    locked.revoked_reason = reason.strip()
    locked.revoked_at = timezone.now()
    locked.revoked_by = by if getattr(by, "is_authenticated", False) else None
    locked.save(update_fields=["status", "revoked_reason", "revoked_at", "revoked_by"])
    certificate_event_add(
        certificate=locked,
        action=CertificateEvent.Action.REVOKED,
        by=by,
        details={"reason": locked.revoked_reason},
    )
    return locked


@transaction.atomic
def certificates_expire(*, today: date) -> int:
    """Mark valid certificates whose validity ended before ``today`` as expired; return how many.

    Each one gets an audit line. The storefront gate already ignores a certificate past its date,
    so the product leaves lists, search and baskets that day whether or not this job has run.
    """
    lapsed = list(
        OcopCertificate.objects.select_for_update().filter(
            status=ocop.CertificateStatus.VALID, valid_until__lt=today
        )
    )
    for certificate in lapsed:
        # save() rather than a bulk update: post_save listeners (the search index) must hear it.
        certificate.status = ocop.CertificateStatus.EXPIRED
        certificate.save(update_fields=["status"])
    CertificateEvent.objects.bulk_create(
        CertificateEvent(
            certificate=c,
            action=CertificateEvent.Action.EXPIRED,
            details={"valid_until": c.valid_until.isoformat(), "run_on": today.isoformat()},
        )
        for c in lapsed
    )
    # Stored ratings whose window has closed (a lapse, a decision dated for today) are rewritten,
    # so tomorrow's pages read indexed columns again rather than the certificates.
    product_listing_refresh(today=today, product_ids=listing_stale_ids(today=today))
    return len(lapsed)


def listing_stale_ids(*, today: date) -> list[int]:
    """Products whose stored listing columns do not hold on ``today``."""
    return list(
        Product.objects.filter(Q(listing_from__gt=today) | Q(listing_until__lt=today)).values_list(
            "pk", flat=True
        )
    )


@transaction.atomic
def product_listing_refresh(*, today: date, product_ids: Iterable[int] | None = None) -> int:
    """Recompute the stored listing columns of these products (all when ``None``) on ``today``
    from their certificates; return how many rows were written."""
    ids = list(Product.objects.values_list("pk", flat=True)) if product_ids is None else product_ids
    return listing_refresh(product_ids=list(ids), today=today)


def product_listing_drift(*, today: date) -> dict[str, list[int]]:
    """Compare every product's stored listing columns with its certificates on ``today``.

    Returns ``{"wrong": [...], "stale": [...]}``: ``wrong`` rows claim to hold today but disagree
    with the certificates (a write path that skipped the refresh: a bug); ``stale`` rows do not
    hold today (the daily job has not run since their window closed), which the gate tolerates by
    reading certificates for them.
    """
    stored = {
        row["pk"]: row
        for row in Product.objects.values(
            "pk",
            *[f"{name}_id" if name == "listing_certificate" else name for name in LISTING_FIELDS],
        )
    }
    wanted = listing_compute(product_ids=list(stored), today=today)
    drift: dict[str, list[int]] = {"wrong": [], "stale": []}
    for pk, row in stored.items():
        if not (row["listing_from"] <= today <= row["listing_until"]):
            drift["stale"].append(pk)
            continue
        expected = wanted[pk]
        if any(
            row[key] != expected[key]
            for key in expected
            if key not in ("listing_from", "listing_until")
        ):
            drift["wrong"].append(pk)
        elif row["listing_until"] != expected["listing_until"]:
            drift["wrong"].append(pk)
    return drift


#: The group whose members record certificates and receive expiry notices.
PROGRAMME_OFFICE_GROUP = "Văn phòng điều phối OCOP"
#: The group of commune staff, who receive their commune's product ideas and forward them to
#: the programme office (created by migration 0037).
COMMUNE_STAFF_GROUP = "Cán bộ xã tiếp nhận ý tưởng OCOP"


def _notice_recipients(certificate: OcopCertificate) -> list[str]:
    """The producer's address, its partner users' and the programme office's, once each."""

    emails: list[str] = []
    producer = certificate.product.producer
    if producer is not None:
        emails.append(producer.email)
        emails += [u.email for u in producer.partner.users.all()]
    emails += list(
        get_user_model()
        .objects.filter(groups__name=PROGRAMME_OFFICE_GROUP, is_active=True)
        .values_list("email", flat=True)
    )
    seen: dict[str, None] = {}
    for email in emails:
        if email and email.strip():
            seen.setdefault(email.strip().lower(), None)
    return list(seen)


def certificates_notify(*, today: date) -> int:
    """Send the 90- and 30-day expiry notices due on ``today``; return how many were sent.

    Each notice is recorded (:class:`catalog.models.CertificateNotice`, unique per certificate and
    notice), so running the job twice a day, or catching up after a missed day, never sends the
    same notice twice. A notice is recorded only once its mail is handed to the backend.
    """

    horizon = today + timedelta(days=max(ocop.EXPIRY_NOTICE_DAYS))
    candidates = (
        OcopCertificate.objects.filter(
            status=ocop.CertificateStatus.VALID,
            valid_until__gte=today,
            valid_until__lte=horizon,
            decision_date__lte=today,
        )
        .select_related("product__producer__partner")
        .prefetch_related("notices", "product__producer__partner__users")
    )
    sent = 0
    for certificate in candidates:
        days = ocop.notice_due(valid_until=certificate.valid_until, today=today)
        if days is None or any(n.days_ahead == days for n in certificate.notices.all()):
            continue
        recipients = _notice_recipients(certificate)
        if not recipients:
            continue
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + certificate.get_verification_url()
        subject = _("Chứng nhận OCOP %(number)s hết hiệu lực sau %(days)s ngày") % {
            "number": certificate.decision_number,
            "days": (certificate.valid_until - today).days,
        }
        body = _(
            "Sản phẩm: %(product)s\nChứng nhận: %(number)s (%(stars)s sao)\n"
            "Hiệu lực đến: %(until)s\nXác minh: %(url)s\n\n"
            "Sau ngày này sản phẩm sẽ không được bày bán trên sàn OCOP Bắc Giang cho tới khi "
            "được đánh giá lại."
        ) % {
            "product": certificate.product.title,
            "number": certificate.decision_number,
            "stars": certificate.stars or 0,
            "until": certificate.valid_until.strftime("%d/%m/%Y"),
            "url": url,
        }
        try:
            with transaction.atomic():
                notice = CertificateNotice.objects.create(
                    certificate=certificate, days_ahead=days, recipients=", ".join(recipients)
                )
                send_mail(subject, body, None, recipients)
                certificate_event_add(
                    certificate=certificate,
                    action=CertificateEvent.Action.NOTIFIED,
                    details={"days_ahead": days, "recipients": recipients, "notice": notice.pk},
                )
        except IntegrityError:
            continue  # another run sent it meanwhile
        sent += 1
    return sent


# -- product credentials (GI, trademarks, barcodes, quality certificates) -----------------------


def credential_check(
    *, kind: str, number: str, issuer: str, issued_on: date | None, valid_until: date | None
) -> dict[str, object]:
    """The credential's facts checked and cleaned by :func:`catalog.credentials.check`, its
    error raised as an ``OcopRuleError`` like every other rule of the catalogue (forms and the
    admin catch that one)."""
    try:
        return credentials.check(
            kind=kind, number=number, issuer=issuer, issued_on=issued_on, valid_until=valid_until
        )
    except credentials.CredentialError as error:
        raise ocop.OcopRuleError(str(error)) from error


@transaction.atomic
def credential_record(
    *,
    product,
    kind: str,
    number: str,
    issuer: str = "",
    issued_on: date | None = None,
    valid_until: date | None = None,
    scan=None,
    note: str = "",
    verified: bool = True,
    by=None,
) -> ProductCredential:
    """Record a credential of ``product``, checked by :func:`catalog.credentials.check`.

    Staff record credentials ``verified``; a producer's proposal is the same record left
    ``proposed`` (:func:`credential_propose`). ``scan`` is checked by its content like a
    certificate scan (:func:`certificate_scan_clean`). Raises ``OcopRuleError`` with the reason.
    """
    fields = credential_check(
        kind=kind, number=number, issuer=issuer, issued_on=issued_on, valid_until=valid_until
    )
    if scan:
        scan = certificate_scan_clean(scan=scan)
    user = by if getattr(by, "is_authenticated", False) else None
    credential = ProductCredential(product=product, note=note.strip(), proposed_by=user, **fields)
    if verified:
        credential.status = credentials.Status.VERIFIED
        credential.verified_by = user
        credential.verified_at = timezone.now()
    if scan:
        credential.scan = scan
    credential.save()
    return credential


def credential_propose(
    *,
    product,
    kind: str,
    number: str,
    issuer: str = "",
    issued_on: date | None = None,
    valid_until: date | None = None,
    scan=None,
    by=None,
) -> ProductCredential:
    """A producer proposes a credential of its own ``product``; it shows once staff verify it.

    The caller has already scoped ``product`` to the producer (the dashboard looks it up in
    :func:`producers.selectors.producer_products`).
    """
    return credential_record(
        product=product,
        kind=kind,
        number=number,
        issuer=issuer,
        issued_on=issued_on,
        valid_until=valid_until,
        scan=scan,
        verified=False,
        by=by,
    )


@transaction.atomic
def credential_verify(*, credential: ProductCredential, by=None) -> ProductCredential:
    """Staff confirm a credential against its scan or the issuer's register: it shows from now
    on (while in force). Its facts are checked again; verifying twice changes nothing."""
    locked = ProductCredential.objects.select_for_update().get(pk=credential.pk)
    if locked.status == credentials.Status.VERIFIED:
        return locked
    credential_check(
        kind=locked.kind,
        number=locked.number,
        issuer=locked.issuer,
        issued_on=locked.issued_on,
        valid_until=locked.valid_until,
    )
    locked.status = credentials.Status.VERIFIED
    locked.verified_by = by if getattr(by, "is_authenticated", False) else None
    locked.verified_at = timezone.now()
    locked.save(update_fields=["status", "verified_by", "verified_at"])
    return locked


@transaction.atomic
def credential_refuse(*, credential: ProductCredential, reason: str, by=None) -> ProductCredential:
    """Staff refuse a proposed (or withdraw a verified) credential, saying why; it stops
    showing at once."""
    if not reason or not reason.strip():
        raise ocop.OcopRuleError(_("Cần ghi lý do không xác nhận."))
    locked = ProductCredential.objects.select_for_update().get(pk=credential.pk)
    locked.status = credentials.Status.REFUSED
    locked.note = reason.strip()
    locked.verified_by = by if getattr(by, "is_authenticated", False) else None
    locked.verified_at = timezone.now()
    locked.save(update_fields=["status", "note", "verified_by", "verified_at"])
    return locked
