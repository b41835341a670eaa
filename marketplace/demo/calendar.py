"""The demo on any day: re-evaluation decisions that keep the storefront's mix as of AS_OF.

The dataset is written as of :data:`data.AS_OF`. Loaded later, certificates would lapse one by one
(they are valid for 36 months) and the demo would slowly empty. OCOP products are re-evaluated
when their certificate ends, so the loader adds, for each product rated on AS_OF whose
certificate has lapsed by the load day or entered another expiry-notice window (90, 30 days),
one re-evaluation decision shifted by the days between AS_OF and the load day: same score, the
council level and issuing body that the rules in force on the new date give, the criteria set in
force then. A product listed on AS_OF is then listed on the load day, in the same notice window,
with as many days left on a renewed certificate; an expired, revoked or unrated one stays as it
was. Generated decisions are numbered from 9000 ("9001/QĐ-UBND") so that they read as demo data.

Pure: no ORM, no clock (the load day is an argument).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from catalog import ocop
from marketplace.demo import data

#: Generated decision numbers start here (the real-looking ones in the dataset are lower).
RENEWAL_NUMBER_BASE = 9000
MINISTRY_2025 = "Bộ Nông nghiệp và Môi trường"


@dataclass(frozen=True)
class Renewal:
    """One re-evaluation certificate to record on a product."""

    decision: data.DecisionData
    score: str
    #: The original's last day moved by the same shift (36 months from a shifted date can differ
    #: by a day, and the point is to leave as many days on the certificate as on AS_OF).
    valid_until: date


def _facts(item: data.ProductData) -> list[ocop.CertificateFacts]:
    facts = []
    for index, line in enumerate(item.certificates):
        decision = data.DECISIONS_BY_KEY[line.decision]
        stars = ocop.stars_for_score(line.score, ocop.criteria_set_for(decision.criteria_set))
        facts.append(
            ocop.CertificateFacts(
                key=index,
                stars=stars,
                decision_date=decision.decision_date,
                valid_until=ocop.default_valid_until(decision.decision_date),
                recorded_status=(
                    ocop.CertificateStatus.REVOKED
                    if line.revoked_reason
                    else ocop.CertificateStatus.VALID
                ),
            )
        )
    return facts


def _level_on(day: date, *, stars: int, preferred: str) -> str | None:
    period = ocop.award_period_for(day)
    if period is None:
        return None
    if stars in period.stars_by_level.get(ocop.CouncilLevel(preferred), frozenset()):
        return preferred
    for level, allowed in period.stars_by_level.items():
        if stars in allowed:
            return str(level)
    return None


def _issuing_body(level: str, *, day: date, original: data.DecisionData) -> str:
    if level == ocop.CouncilLevel.CENTRAL:
        return MINISTRY_2025 if day >= date(2025, 3, 1) else data.MINISTRY_2024
    if level == ocop.CouncilLevel.PROVINCE:
        return data.PROVINCE_AFTER_MERGER if day > ocop.DISTRICT_LEVEL_ENDS else data.PROVINCE
    return original.issuing_body


def renewal_for(item: data.ProductData, *, today: date) -> Renewal | None:
    """The re-evaluation that keeps ``item`` as it stood on AS_OF when loaded on ``today``."""
    shift = (today - data.AS_OF).days
    if shift <= 0:
        return None
    facts = _facts(item)
    current = ocop.current_certificate(facts, today=data.AS_OF)
    if current is None or current.stars is None:
        return None
    as_of_notice = ocop.notice_due(valid_until=current.valid_until, today=data.AS_OF)
    if current.valid_until >= today and (
        ocop.notice_due(valid_until=current.valid_until, today=today) == as_of_notice
    ):
        return None  # still valid, and no nearer to its end in the shop's eyes: nothing to do
    line = item.certificates[current.key]
    original = data.DECISIONS_BY_KEY[line.decision]
    day = original.decision_date + timedelta(days=shift)
    criteria = ocop.criteria_set_in_force(day)
    if ocop.stars_for_score(line.score, criteria) != current.stars:
        return None  # the new criteria would rate it differently: leave the history as it is
    level = _level_on(day, stars=current.stars, preferred=original.council_level)
    if level is None:
        return None
    number_prefix = "QĐ-BNNMT-VPĐP" if level == ocop.CouncilLevel.CENTRAL else "QĐ-UBND"
    index = data.DECISIONS.index(original) + 1
    decision = data.DecisionData(
        key=f"renewal-{original.key}",
        number=f"{RENEWAL_NUMBER_BASE + index}/{number_prefix}",
        decision_date=day,
        issuing_body=_issuing_body(level, day=day, original=original),
        council_level=level,
        criteria_set=criteria.code,
    )
    return Renewal(
        decision=decision, score=line.score, valid_until=current.valid_until + timedelta(days=shift)
    )
