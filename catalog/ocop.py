"""The OCOP rules: criteria sets, stars, council levels and certificate validity.

Everything here is data plus pure functions. Nothing reads the ORM, the settings or the clock:
callers pass ``today`` and the facts they hold. A new national decision is a new entry in
:data:`CRITERIA_SETS` or :data:`AWARD_PERIODS`, not a change to views.

Sources: Decision 1048/QĐ-TTg (2019), Decision 148/QĐ-TTg (2023), Decision 1489/QĐ-TTg (2025);
see ``../shared/DOMAIN.md``.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: Products below this many stars get no trade promotion, so the storefront never sells them.
MIN_LISTED_STARS = 3
#: A certificate is valid this many months after its decision unless the decision says otherwise.
CERTIFICATE_VALID_MONTHS = 36
MAX_SCORE = Decimal(100)
#: Scores are recorded to the hundredth of a point (``OcopCertificate.score`` keeps two places).
SCORE_QUANTUM = Decimal("0.01")


class OcopRuleError(ValueError):
    """A fact that breaks the OCOP rules; ``str(error)`` is a message fit for the user."""


class InvalidScore(OcopRuleError):
    """A score that is not a number between 0 and 100."""


class CouncilLevel(enum.StrEnum):
    """The councils that evaluate products. ``commune`` only pre-checks dossiers (2025 rules)."""

    DISTRICT = "district"
    PROVINCE = "province"
    CENTRAL = "central"


COUNCIL_LEVEL_LABELS: Mapping[CouncilLevel, str] = {
    CouncilLevel.DISTRICT: gettext_lazy("Cấp huyện"),
    CouncilLevel.PROVINCE: gettext_lazy("Cấp tỉnh"),
    CouncilLevel.CENTRAL: gettext_lazy("Cấp trung ương (quốc gia)"),
}


class CertificateStatus(enum.StrEnum):
    """What a certificate says today."""

    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True)
class CriteriaPart:
    """One part of an evaluation form (A, B, C) and its maximum points."""

    code: str
    name: str
    max_points: int


@dataclass(frozen=True)
class StarBand:
    """Scores from ``min_score`` (inclusive) up to the next band's minimum earn ``stars``."""

    stars: int
    min_score: int


@dataclass(frozen=True)
class CriteriaSet:
    """A national set of evaluation criteria and the star bands it awards."""

    code: str
    decision: str
    title: str
    in_force_from: date
    in_force_until: date | None
    parts: tuple[CriteriaPart, ...]
    #: Sorted from the lowest band up. A score below the lowest band earns no star.
    bands: tuple[StarBand, ...]

    @property
    def awardable_stars(self) -> tuple[int, ...]:
        """The star counts this set can award, lowest first."""
        return tuple(band.stars for band in self.bands)

    def band_range(self, stars: int) -> tuple[int, int]:
        """The inclusive score range (as whole points) that earns ``stars`` under this set."""
        for index, band in enumerate(self.bands):
            if band.stars == stars:
                upper = self.bands[index + 1].min_score - 1 if index + 1 < len(self.bands) else 100
                return band.min_score, upper
        raise OcopRuleError(
            _("Bộ tiêu chí %(set)s không xếp hạng %(stars)s sao.")
            % {"set": self.decision, "stars": stars}
        )


CRITERIA_2019 = CriteriaSet(
    code="2019",
    decision="1048/QĐ-TTg",
    title="Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP 2019",
    in_force_from=date(2019, 8, 21),
    in_force_until=date(2023, 2, 23),
    parts=(
        CriteriaPart("A", "Sản phẩm và sức mạnh cộng đồng", 35),
        CriteriaPart("B", "Khả năng tiếp thị", 25),
        CriteriaPart("C", "Chất lượng sản phẩm", 40),
    ),
    bands=(
        StarBand(1, 0),
        StarBand(2, 30),
        StarBand(3, 50),
        StarBand(4, 70),
        StarBand(5, 90),
    ),
)

CRITERIA_2023 = CriteriaSet(
    code="2023",
    decision="148/QĐ-TTg",
    title="Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP 2023",
    in_force_from=date(2023, 2, 24),
    in_force_until=None,
    parts=(
        CriteriaPart("A", "Sản phẩm và sức mạnh cộng đồng", 40),
        CriteriaPart("B", "Khả năng tiếp thị", 25),
        CriteriaPart("C", "Chất lượng sản phẩm", 35),
    ),
    bands=(
        StarBand(3, 50),
        StarBand(4, 70),
        StarBand(5, 90),
    ),
)

CRITERIA_SETS: Mapping[str, CriteriaSet] = {c.code: c for c in (CRITERIA_2019, CRITERIA_2023)}


@dataclass(frozen=True)
class AwardPeriod:
    """Which council level may award which stars, for decisions dated in a period."""

    name: str
    starts: date
    ends: date | None
    stars_by_level: Mapping[CouncilLevel, frozenset[int]]


AWARD_PERIODS: tuple[AwardPeriod, ...] = (
    AwardPeriod(
        name="1048/QĐ-TTg (2019–2023)",
        starts=date(2019, 8, 21),
        ends=date(2023, 2, 23),
        # District councils only pre-assessed: they forwarded products of 50 points or more, and
        # a product scoring under 50 kept the district's result (1★ or 2★, never sold). The
        # province evaluated and certified 3★ and 4★ (the certificate issued by UBND tỉnh).
        stars_by_level={
            CouncilLevel.DISTRICT: frozenset({1, 2}),
            CouncilLevel.PROVINCE: frozenset({3, 4}),
            CouncilLevel.CENTRAL: frozenset({5}),
        },
    ),
    AwardPeriod(
        name="148/QĐ-TTg (2023–2025)",
        starts=date(2023, 2, 24),
        ends=date(2025, 6, 30),
        stars_by_level={
            CouncilLevel.DISTRICT: frozenset({3}),
            CouncilLevel.PROVINCE: frozenset({4}),
            CouncilLevel.CENTRAL: frozenset({5}),
        },
    ),
    AwardPeriod(
        name="1489/QĐ-TTg (từ 7/2025)",
        starts=date(2025, 7, 1),
        ends=None,
        stars_by_level={
            CouncilLevel.PROVINCE: frozenset({3, 4}),
            CouncilLevel.CENTRAL: frozenset({5}),
        },
    ),
)


def parse_score(raw: object) -> Decimal:
    """Return ``raw`` as a score between 0 and 100, or raise :class:`InvalidScore`.

    Accepts ints, Decimals, floats and numeric strings (a decimal comma is allowed, as written in
    Vietnamese). Booleans, NaN and infinities are not scores.
    """
    if isinstance(raw, bool) or raw is None:
        raise InvalidScore(_("Điểm phải là một số từ 0 đến 100."))
    text = str(raw).strip().replace(",", ".") if isinstance(raw, str) else raw
    try:
        score = Decimal(str(text)) if not isinstance(text, Decimal) else text
    except (InvalidOperation, ValueError):
        raise InvalidScore(
            _("Điểm “%(value)s” không phải là số; hãy nhập một số từ 0 đến 100.") % {"value": raw}
        ) from None
    if not score.is_finite():
        raise InvalidScore(_("Điểm phải là một số hữu hạn từ 0 đến 100."))
    if score < 0:
        raise InvalidScore(_("Điểm không thể âm (nhận được %(value)s).") % {"value": raw})
    if score > MAX_SCORE:
        raise InvalidScore(_("Điểm tối đa là 100 (nhận được %(value)s).") % {"value": raw})
    if score != score.quantize(SCORE_QUANTUM):
        # Stored, 29.999 would round to 30.00 while its stars were reckoned from 29.999.
        raise InvalidScore(
            _("Điểm chỉ ghi tới 2 chữ số thập phân (nhận được %(value)s).") % {"value": raw}
        )
    return score


def criteria_set_for(code: str) -> CriteriaSet:
    """Return the criteria set with ``code`` or raise with the known codes."""
    try:
        return CRITERIA_SETS[code]
    except KeyError:
        raise OcopRuleError(
            _("Không có bộ tiêu chí “%(code)s” (có: %(known)s).")
            % {"code": code, "known": ", ".join(CRITERIA_SETS)}
        ) from None


def criteria_set_in_force(on: date) -> CriteriaSet:
    """The criteria set in force on a given date (the latest that had started)."""
    started = [c for c in CRITERIA_SETS.values() if c.in_force_from <= on]
    if not started:
        raise OcopRuleError(
            _("Chưa có bộ tiêu chí OCOP nào có hiệu lực vào %(date)s.") % {"date": on.isoformat()}
        )
    return max(started, key=lambda c: c.in_force_from)


def stars_for_score(score: object, criteria: CriteriaSet) -> int | None:
    """Stars earned by ``score`` under ``criteria``; ``None`` when the set awards no star."""
    value = parse_score(score)
    earned = None
    for band in criteria.bands:
        if value >= band.min_score:
            earned = band.stars
    return earned


def total_from_parts(parts: Mapping[str, object], criteria: CriteriaSet) -> Decimal:
    """Check part scores against the set's maxima and return their total."""
    expected = {p.code for p in criteria.parts}
    if set(parts) != expected:
        raise OcopRuleError(
            _("Bộ tiêu chí %(set)s gồm các phần %(parts)s.")
            % {"set": criteria.decision, "parts": ", ".join(sorted(expected))}
        )
    total = Decimal(0)
    for part in criteria.parts:
        value = parse_score(parts[part.code])
        if value > part.max_points:
            raise OcopRuleError(
                _("Phần %(part)s tối đa %(max)s điểm (nhận được %(value)s).")
                % {"part": part.code, "max": part.max_points, "value": value}
            )
        total += value
    return total


def award_period_for(decision_date: date) -> AwardPeriod | None:
    """The award rules for a decision dated ``decision_date``, if any period covers it."""
    for period in AWARD_PERIODS:
        if period.starts <= decision_date and (period.ends is None or decision_date <= period.ends):
            return period
    return None


def check_award(*, stars: int | None, level: str, decision_date: date) -> None:
    """Raise :class:`OcopRuleError` if a council at ``level`` may not award ``stars`` then."""
    try:
        council = CouncilLevel(level)
    except ValueError:
        raise OcopRuleError(
            _("Cấp hội đồng “%(level)s” không hợp lệ.") % {"level": level}
        ) from None
    if stars is None:
        return  # no star awarded: nothing for a council to overstep
    period = award_period_for(decision_date)
    if period is None:
        return  # before the national programme's rules: nothing to check against
    allowed = period.stars_by_level.get(council, frozenset())
    if stars not in allowed:
        raise OcopRuleError(
            _(
                "%(level)s không có thẩm quyền đánh giá, phân hạng và công nhận sản phẩm "
                "%(stars)s sao (theo %(period)s)."
            )
            % {"period": period.name, "level": COUNCIL_LEVEL_LABELS[council], "stars": stars}
        )


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, clamped to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def default_valid_until(decision_date: date) -> date:
    """A certificate's last valid day when its decision states none: 36 months on, less a day.

    A period counted in months ends the day before the same date; when that month has no such
    date (a decision on 29 February), it ends on the month's last day.
    """
    same_date = add_months(decision_date, CERTIFICATE_VALID_MONTHS)
    if same_date.day != decision_date.day:
        return same_date  # clamped: already the last day of a shorter month
    return same_date - timedelta(days=1)


def certificate_status(*, recorded: str, valid_until: date, today: date) -> CertificateStatus:
    """What a certificate is today: revoked stays revoked, a valid one lapses after its date."""
    status = CertificateStatus(recorded)
    if status is CertificateStatus.VALID and today > valid_until:
        return CertificateStatus.EXPIRED
    return status


@dataclass(frozen=True)
class CertificateFacts:
    """The facts about one certificate that the rating rules need."""

    key: int
    stars: int | None
    decision_date: date
    valid_until: date
    recorded_status: str


def current_certificate(
    certificates: Iterable[CertificateFacts], *, today: date
) -> CertificateFacts | None:
    """A product's current rating: its latest certificate that is valid today, if any."""
    valid = [
        c
        for c in certificates
        if certificate_status(recorded=c.recorded_status, valid_until=c.valid_until, today=today)
        is CertificateStatus.VALID
        and c.decision_date <= today
    ]
    if not valid:
        return None
    return max(valid, key=lambda c: (c.decision_date, c.key))


#: The first and last days a stored listing state can name: "never computed" and "for good".
DATE_NEVER = date(1, 1, 1)
DATE_FOREVER = date(9999, 12, 31)


@dataclass(frozen=True)
class ListingState:
    """A product's rating as of one day and the last day it stays so without another decision.

    ``holds_until`` is the day before the next change point the history already contains: the
    current certificate's last valid day, or the eve of a certificate decided for a later date.
    Stored on the product, it lets the storefront read the rating from indexed columns on any day
    up to ``holds_until`` and recompute from certificates after it.
    """

    certificate: CertificateFacts | None
    stars: int | None
    listed: bool
    valid_until: date | None
    holds_until: date


def listing_state(certificates: Iterable[CertificateFacts], *, today: date) -> ListingState:
    """The rating of a product with these certificates on ``today``, and until when it holds."""
    history = list(certificates)
    current = current_certificate(history, today=today)
    change_points = [
        c.decision_date - timedelta(days=1)
        for c in history
        if c.decision_date > today
        and CertificateStatus(c.recorded_status) is CertificateStatus.VALID
        and c.valid_until >= c.decision_date
    ]
    if current is not None:
        change_points.append(current.valid_until)
    stars = current.stars if current else None
    return ListingState(
        certificate=current,
        stars=stars,
        listed=is_listable(stars),
        valid_until=current.valid_until if current else None,
        holds_until=min(change_points, default=DATE_FOREVER),
    )


def is_listable(stars: int | None) -> bool:
    """Whether a product whose current rating is ``stars`` may be listed and sold."""
    return stars is not None and stars >= MIN_LISTED_STARS


def star_label(stars: int | None) -> str:
    """The words a screen reader says for a badge, e.g. ``4 sao OCOP``."""
    if not stars:
        return _("Chưa xếp hạng OCOP")
    return _("%(stars)s sao OCOP") % {"stars": stars}


# --- The programme's records: notices, public codes, scans, targets ---------------------------

#: Producers and the programme office are told this many days before a certificate lapses.
EXPIRY_NOTICE_DAYS: tuple[int, ...] = (90, 30)

#: Public verification codes: Crockford-style base32 without the look-alikes I, L, O, U.
PUBLIC_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PUBLIC_CODE_LENGTH = 10

#: Certificate scans: what a council's decision may be uploaded as, and how large.
SCAN_MAX_BYTES = 5 * 1024 * 1024
SCAN_SIGNATURES: Mapping[str, bytes] = {
    "pdf": b"%PDF-",
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG\r\n\x1a\n",
}
SCAN_EXTENSIONS: Mapping[str, frozenset[str]] = {
    "pdf": frozenset({".pdf"}),
    "jpeg": frozenset({".jpg", ".jpeg"}),
    "png": frozenset({".png"}),
}


def notice_due(*, valid_until: date, today: date) -> int | None:
    """The notice (days ahead) a certificate lapsing on ``valid_until`` is due on ``today``.

    The shortest notice whose window has opened wins, so a certificate recorded 40 days before
    its end gets the 90-day notice once and the 30-day notice later; nothing after it lapsed.
    """
    remaining = (valid_until - today).days
    if remaining < 0:
        return None
    due = [days for days in EXPIRY_NOTICE_DAYS if remaining <= days]
    return min(due) if due else None


def normalise_public_code(raw: str) -> str | None:
    """A typed or scanned code in canonical form, or ``None`` if it cannot be one.

    Case, spaces and dashes are ignored; ``O`` reads as ``0`` and ``I``/``L`` as ``1`` (what people
    mistype from print).
    """
    text = "".join(raw.split()).replace("-", "").upper()
    text = text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    if len(text) != PUBLIC_CODE_LENGTH or any(c not in PUBLIC_CODE_ALPHABET for c in text):
        return None
    return text


def scan_kind(*, name: str, head: bytes, size: int) -> str:
    """The kind of an uploaded certificate scan (``pdf``, ``jpeg``, ``png``), checked by content.

    Raises :class:`OcopRuleError` when the file is too large, is none of these, or its
    extension does not match what it contains.
    """
    if size > SCAN_MAX_BYTES:
        raise OcopRuleError(
            _("Tệp quét quá lớn (tối đa %(mb)s MB).") % {"mb": SCAN_MAX_BYTES // (1024 * 1024)}
        )
    kind = next((k for k, sig in SCAN_SIGNATURES.items() if head.startswith(sig)), None)
    if kind is None:
        raise OcopRuleError(_("Tệp quét phải là PDF, JPEG hoặc PNG."))
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in SCAN_EXTENSIONS[kind]:
        raise OcopRuleError(
            _("Phần mở rộng của tệp không khớp với nội dung (%(kind)s).") % {"kind": kind.upper()}
        )
    return kind


#: The two phases of the provincial scheme (the seed: "giai đoạn 2018-2020, định hướng đến năm
#: 2030"). A target of a phase counts what happened from its start to its deadline.
PHASE_2018_2020 = (date(2018, 1, 1), date(2020, 12, 31))
PHASE_2021_2030 = (date(2021, 1, 1), date(2030, 12, 31))


class TargetMeasure(enum.StrEnum):
    """What a target counts; :mod:`catalog.programme.selectors` computes each on a given day."""

    #: Share (%) of the existing products (a figure staff record from the survey) that hold a
    #: valid certificate of 3★ or more.
    STANDARDISED_SHARE = "standardised_share"
    #: Products holding a valid national (central) 5★ certificate.
    FIVE_STAR = "five_star"
    #: Products whose first national 5★ certificate was decided within the phase.
    NEW_FIVE_STAR = "new_five_star"
    #: Enterprises and cooperatives whose first certificate was decided within the phase.
    NEW_ORGANISATIONS = "new_organisations"
    #: Share (%) of the managers and participants to train (a figure staff record) who attended
    #: trainings held within the phase (attendance staff record).
    TRAINED_SHARE = "trained_share"
    #: Eco-tourism culture villages, and OCOP showroom points (the places of the catalogue).
    VILLAGES = "villages"
    SHOWROOMS = "showrooms"
    #: Products holding a valid certificate of 3★ or more, all and in the food group.
    CERTIFIED = "certified"
    CERTIFIED_FOOD = "certified_food"


class TargetStatus(enum.StrEnum):
    """A target's state on a day: decided on its deadline once that has passed."""

    MET = "met"
    MISSED = "missed"
    IN_PROGRESS = "in_progress"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Target:
    """A numeric target of the provincial scheme: ``minimum`` (up to ``maximum`` for a range such
    as "2–3") of ``measure`` by ``deadline``; ``percent`` targets are shares."""

    code: str
    label: str
    measure: TargetMeasure
    minimum: int
    deadline: date
    since: date
    maximum: int | None = None
    percent: bool = False


#: Every numeric target of the Bắc Giang scheme (the seed's section 3.2 and 5.5).
TARGETS: tuple[Target, ...] = (
    Target(
        "standardised_2020",
        gettext_lazy("Tiêu chuẩn hóa ít nhất 50% số sản phẩm hiện có (đạt OCOP từ 3 sao)"),
        TargetMeasure.STANDARDISED_SHARE,
        50,
        PHASE_2018_2020[1],
        PHASE_2018_2020[0],
        percent=True,
    ),
    Target(
        "five_star_2020",
        gettext_lazy("Ít nhất 3 sản phẩm đạt 5 sao cấp quốc gia"),
        TargetMeasure.FIVE_STAR,
        3,
        PHASE_2018_2020[1],
        PHASE_2018_2020[0],
    ),
    Target(
        "new_organisations_2020",
        gettext_lazy("Ít nhất 10 doanh nghiệp, hợp tác xã mới tham gia chương trình"),
        TargetMeasure.NEW_ORGANISATIONS,
        10,
        PHASE_2018_2020[1],
        PHASE_2018_2020[0],
    ),
    Target(
        "trained_2020",
        gettext_lazy("Tập huấn 100% cán bộ quản lý chương trình và lãnh đạo chủ thể tham gia"),
        TargetMeasure.TRAINED_SHARE,
        100,
        PHASE_2018_2020[1],
        PHASE_2018_2020[0],
        percent=True,
    ),
    Target(
        "five_star_more_2030",
        gettext_lazy("Thêm 2–3 sản phẩm đạt 5 sao cấp quốc gia"),
        TargetMeasure.NEW_FIVE_STAR,
        2,
        PHASE_2021_2030[1],
        PHASE_2021_2030[0],
        maximum=3,
    ),
    Target(
        "villages_2030",
        gettext_lazy("1–3 mô hình làng văn hóa du lịch"),
        TargetMeasure.VILLAGES,
        1,
        PHASE_2021_2030[1],
        PHASE_2021_2030[0],
        maximum=3,
    ),
    Target(
        "showrooms_2030",
        gettext_lazy("6 điểm trưng bày, giới thiệu và bán sản phẩm OCOP"),
        TargetMeasure.SHOWROOMS,
        6,
        PHASE_2021_2030[1],
        PHASE_2021_2030[0],
    ),
    Target(
        "products_2030",
        gettext_lazy("170 loại sản phẩm OCOP"),
        TargetMeasure.CERTIFIED,
        170,
        PHASE_2021_2030[1],
        PHASE_2021_2030[0],
    ),
    Target(
        "food_2030",
        gettext_lazy("Trong đó 144 loại thuộc nhóm thực phẩm"),
        TargetMeasure.CERTIFIED_FOOD,
        144,
        PHASE_2021_2030[1],
        PHASE_2021_2030[0],
    ),
)


def target_measured_on(target: Target, *, today: date) -> date:
    """The day a target is measured on: its deadline once that has passed, else ``today``."""
    return min(target.deadline, today)


def target_status(target: Target, *, value: int | None, today: date) -> TargetStatus:
    """Met or missed on the deadline once it has passed; in progress before (met early counts
    as met: nothing taken away later changes a count already reached on a past day, but a
    future deadline stays open)."""
    if value is None:
        return TargetStatus.NO_DATA
    if today > target.deadline:
        return TargetStatus.MET if value >= target.minimum else TargetStatus.MISSED
    return TargetStatus.MET if value >= target.minimum else TargetStatus.IN_PROGRESS


def share_percent(*, part: int, whole: int | None) -> int | None:
    """``part`` as whole percent of ``whole`` (rounded down), ``None`` when ``whole`` is unknown
    or zero."""
    if not whole:
        return None
    return part * 100 // whole


def target_progress(*, count: int, target: int) -> int:
    """Whole percent of ``target`` reached by ``count`` (capped at 100)."""
    if target <= 0:
        return 100
    return min(100, count * 100 // target)


#: OCOP steps 2–3: which status an idea may move to from each status, and who moves it
#: ("commune": commune staff, who receive producers' ideas and forward them (the seed's 8.5);
#: "staff": the programme office reviewing; "producer": the producer submitting a plan).
IDEA_TRANSITIONS: Mapping[str, Mapping[str, str]] = {
    "submitted": {"forwarded": "commune"},
    "forwarded": {"shortlisted": "staff", "declined": "staff"},
    "shortlisted": {"plan_submitted": "producer"},
    "plan_submitted": {"plan_accepted": "staff", "plan_returned": "staff"},
    "plan_returned": {"plan_submitted": "producer"},
    "declined": {},
    "plan_accepted": {},
}


def check_idea_move(*, current: str, new: str, actor: str) -> None:
    """Raise :class:`OcopRuleError` unless ``actor`` may move an idea from ``current`` to
    ``new``."""
    if IDEA_TRANSITIONS.get(current, {}).get(new) != actor:
        raise OcopRuleError(
            _("Không thể chuyển ý tưởng từ “%(current)s” sang “%(new)s”.")
            % {"current": current, "new": new}
        )


#: The root category (OCOP group 1, food) that the "144 food products" target counts.
FOOD_GROUP_SLUG = "thuc-pham"


# --- Why a producer's product is not on sale (the producer dashboard explains the gate) -------


class OffSaleReason(enum.StrEnum):
    """Why a product is not on sale now. The gate itself is the storefront selector; this only
    explains its answer to the producer, from the same certificate facts."""

    AWAITING_REVIEW = "awaiting_review"
    BELOW_MIN_STARS = "below_min_stars"
    EXPIRED = "expired"
    REVOKED = "revoked"
    HIDDEN = "hidden"
    OUT_OF_STOCK = "out_of_stock"


OFF_SALE_LABELS: Mapping[OffSaleReason, str] = {
    OffSaleReason.AWAITING_REVIEW: gettext_lazy("Chưa có chứng nhận: chờ hội đồng đánh giá"),
    OffSaleReason.BELOW_MIN_STARS: gettext_lazy("Dưới 3 sao OCOP"),
    OffSaleReason.EXPIRED: gettext_lazy("Chứng nhận đã hết hiệu lực"),
    OffSaleReason.REVOKED: gettext_lazy("Chứng nhận đã bị thu hồi"),
    OffSaleReason.HIDDEN: gettext_lazy("Đang ẩn khỏi gian hàng"),
    OffSaleReason.OUT_OF_STOCK: gettext_lazy("Hết hàng ở kho trực tuyến"),
}


def off_sale_reason(
    *,
    listed: bool,
    is_public: bool,
    certificates: Iterable[CertificateFacts],
    today: date,
    in_stock: bool,
) -> OffSaleReason | None:
    """Why a product is not on sale on ``today``, or ``None`` when it is.

    ``listed`` is the storefront gate's answer (``catalog.selectors.product_listed_queryset``):
    it decides; the certificates only say why. The latest decision explains a refusal: no
    certificate at all (or only one dated in the future) is a product awaiting review.
    """
    if listed:
        return None if in_stock else OffSaleReason.OUT_OF_STOCK
    if not is_public:
        return OffSaleReason.HIDDEN
    decided = [c for c in certificates if c.decision_date <= today]
    if not decided:
        return OffSaleReason.AWAITING_REVIEW
    latest = max(decided, key=lambda c: (c.decision_date, c.key))
    status = certificate_status(
        recorded=latest.recorded_status, valid_until=latest.valid_until, today=today
    )
    if status is CertificateStatus.REVOKED:
        return OffSaleReason.REVOKED
    if status is CertificateStatus.EXPIRED:
        return OffSaleReason.EXPIRED
    return OffSaleReason.BELOW_MIN_STARS


def expiry_warning(*, valid_until: date, today: date, recorded_status: str) -> int | None:
    """The warning (90 or 30 days ahead) a dashboard shows for a certificate on ``today``.

    The same windows as the emailed notices (:func:`notice_due`); nothing for a revoked
    certificate or one already lapsed.
    """
    if CertificateStatus(recorded_status) is not CertificateStatus.VALID:
        return None
    return notice_due(valid_until=valid_until, today=today)


# --- Who runs the programme (the seed's section 8, and the renaming of 2025) --------------------


@dataclass(frozen=True)
class NameInForce:
    """A body's name from ``starts`` (``None``: since before the programme) to ``ends``
    (inclusive; ``None``: still in force)."""

    name: str
    starts: date | None
    ends: date | None


#: The programme's standing body (*cơ quan thường trực*), which houses the programme office
#: (*Văn phòng điều phối OCOP*). The provincial decision of 2018 names the Department of
#: Agriculture and Rural Development; on 1 March 2025 the ministries, and then the provincial
#: departments, of agriculture and of natural resources and environment merged into the
#: Department of Agriculture and Environment.
STANDING_BODY_NAMES: tuple[NameInForce, ...] = (
    NameInForce(gettext_lazy("Sở Nông nghiệp và Phát triển nông thôn"), None, date(2025, 2, 28)),
    NameInForce(gettext_lazy("Sở Nông nghiệp và Môi trường"), date(2025, 3, 1), None),
)

#: Who organises the fairs and trade promotion (the seed's section 8.2): the Department of
#: Industry and Trade, in coordination with the standing body.
FAIR_ORGANISER = gettext_lazy("Sở Công Thương")

#: The last day of the district level: the two-level local government (province, commune) took
#: over on 1 July 2025, and with it the district steering committees and councils ended.
DISTRICT_LEVEL_ENDS = date(2025, 6, 30)


def name_on(names: Iterable[NameInForce], day: date) -> str:
    """The name in force on ``day`` (the last one if ``day`` falls outside every period)."""
    names = tuple(names)
    for entry in names:
        if (entry.starts is None or entry.starts <= day) and (
            entry.ends is None or day <= entry.ends
        ):
            return str(entry.name)
    return str(names[-1].name)


def standing_body_on(day: date) -> str:
    """The name of the programme's standing body on ``day``."""
    return name_on(STANDING_BODY_NAMES, day)


@dataclass(frozen=True)
class ProgrammeRole:
    """One body of the programme and what it does, in force until ``ends`` (``None``: still).

    ``body`` may contain ``{standing_body}``, filled in with the name of the day."""

    code: str
    body: str
    duty: str
    ends: date | None = None


#: Who does what in the programme (the seed's sections 5.3 and 8), top down.
PROGRAMME_ROLES: tuple[ProgrammeRole, ...] = (
    ProgrammeRole(
        "province_committee",
        gettext_lazy("Ban chỉ đạo Chương trình OCOP tỉnh"),
        gettext_lazy(
            "Chỉ đạo thực hiện Đề án, điều phối các sở, ngành; tổ chức đánh "
            "giá, phân hạng sản phẩm cấp tỉnh và chọn sản phẩm dự thi cấp "
            "quốc gia."
        ),
    ),
    ProgrammeRole(
        "programme_office",
        gettext_lazy("Văn phòng điều phối OCOP tỉnh, thuộc {standing_body} (cơ quan thường trực)"),
        gettext_lazy(
            "Tham mưu cho Ban chỉ đạo; lập kế hoạch hằng năm; xem xét ý "
            "tưởng sản phẩm và phương án kinh doanh; thành lập hội đồng đánh "
            "giá, phân hạng; ghi nhận kết quả và quản lý sổ chứng nhận."
        ),
    ),
    ProgrammeRole(
        "district_committee",
        gettext_lazy("Ban chỉ đạo OCOP cấp huyện"),
        gettext_lazy(
            "Tổng hợp, lựa chọn ý tưởng và phương án kinh doanh; tập huấn cho "
            "chủ thể; hội đồng cấp huyện đánh giá sơ bộ sản phẩm."
        ),
        ends=DISTRICT_LEVEL_ENDS,
    ),
    ProgrammeRole(
        "commune",
        gettext_lazy("Ban chỉ đạo OCOP cấp xã và UBND xã"),
        gettext_lazy(
            "Tuyên truyền, vận động; tiếp nhận ý tưởng sản phẩm của các chủ "
            "thể trên địa bàn và chuyển lên Văn phòng điều phối; hỗ trợ chủ thể "
            "triển khai phương án."
        ),
    ),
    ProgrammeRole(
        "councils",
        gettext_lazy("Hội đồng đánh giá, phân hạng sản phẩm"),
        gettext_lazy(
            "Đánh giá, phân hạng sản phẩm theo bộ tiêu chí; Ủy ban nhân "
            "dân cấp có thẩm quyền công nhận kết quả (cấp nào công nhận hạng "
            "sao nào, theo từng giai đoạn: xem trang Cách xếp hạng sao)."
        ),
    ),
    ProgrammeRole(
        "fairs",
        FAIR_ORGANISER,
        gettext_lazy(
            "Tổ chức hội chợ OCOP, xúc tiến thương mại, chọn và hỗ trợ các "
            "điểm giới thiệu, bán sản phẩm OCOP."
        ),
    ),
)


def programme_roles_on(day: date) -> list[tuple[str, str, str]]:
    """``(code, body, duty)`` of every role in force on ``day``, names as of that day."""
    standing_body = standing_body_on(day)
    return [
        (role.code, str(role.body).format(standing_body=standing_body), str(role.duty))
        for role in PROGRAMME_ROLES
        if role.ends is None or day <= role.ends
    ]
