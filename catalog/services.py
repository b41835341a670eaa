"""Writes to the catalogue: recording and revoking OCOP certificates.

Each function checks its input against :mod:`catalog.ocop`, writes inside one transaction, and
raises :class:`catalog.ocop.OcopRuleError` with a readable message when the rules say no.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog import ocop
from catalog.models import OcopCertificate


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
) -> OcopCertificate:
    """Record a council's rating of ``product``; the stars follow from the score.

    ``check_council`` may be turned off only for importing historical records whose council
    level the source does not give reliably.
    """
    criteria = ocop.criteria_set_for(criteria_set)
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
    return OcopCertificate.objects.create(
        product=product,
        criteria_set=criteria.code,
        score=value,
        council_level=level.value,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        issuing_body=issuing_body.strip(),
        valid_until=until,
    )


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
    locked.revoked_by = by
    locked.save(update_fields=["status", "revoked_reason", "revoked_at", "revoked_by"])
    return locked


@transaction.atomic
def certificates_expire(*, today: date) -> int:
    """Mark valid certificates whose validity ended before ``today`` as expired; return how many."""
    return OcopCertificate.objects.filter(
        status=ocop.CertificateStatus.VALID, valid_until__lt=today
    ).update(status=ocop.CertificateStatus.EXPIRED)
