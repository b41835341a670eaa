"""Writes to the programme's records: product ideas and business plans (OCOP steps 2–3).

Each function checks the move against :mod:`catalog.ocop`, writes inside one transaction, and
raises :class:`catalog.ocop.OcopRuleError` with a readable message when the rules say no.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog import ocop
from catalog.models import IdeaComment, ProductIdea


@transaction.atomic
def idea_submit(*, producer, by, title: str, commune, group, distinctive: str):
    """A producer submits a product idea (OCOP step 2)."""
    if not title.strip() or not distinctive.strip():
        raise ocop.OcopRuleError(_("Cần ghi tên sản phẩm và điểm khác biệt."))
    if group.depth != 1:
        raise ocop.OcopRuleError(_("Hãy chọn một trong sáu nhóm sản phẩm OCOP."))
    idea = ProductIdea.objects.create(
        producer=producer,
        submitted_by=by,
        title=title.strip(),
        commune=commune,
        group=group,
        distinctive=distinctive.strip(),
    )
    IdeaComment.objects.create(
        idea=idea, author=by, status_to=idea.status, body=_("Gửi ý tưởng sản phẩm.")
    )
    return idea


@transaction.atomic
def idea_forward(*, idea, by, comment: str = ""):
    """Commune staff, who receive the producers' ideas of their commune, forward one to the
    programme office (the seed's section 8.5: UBND xã collects ideas and submits them)."""
    locked = ProductIdea.objects.select_for_update().get(pk=idea.pk)
    ocop.check_idea_move(current=locked.status, new=ProductIdea.Status.FORWARDED, actor="commune")
    locked.status = ProductIdea.Status.FORWARDED
    locked.save(update_fields=["status", "updated_at"])
    IdeaComment.objects.create(
        idea=locked, author=by, status_to=locked.status, body=comment.strip()
    )
    return locked


@transaction.atomic
def idea_review(*, idea, status: str, by, comment: str = ""):
    """The programme office shortlists or declines a forwarded idea, or accepts or returns its
    business plan."""
    locked = ProductIdea.objects.select_for_update().get(pk=idea.pk)
    ocop.check_idea_move(current=locked.status, new=status, actor="staff")
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    IdeaComment.objects.create(idea=locked, author=by, status_to=status, body=comment.strip())
    return locked


@transaction.atomic
def idea_plan_submit(*, idea, by, summary: str, market: str, investment: int | None):
    """The producer submits (or resubmits) the business plan of a shortlisted idea (step 3)."""
    locked = ProductIdea.objects.select_for_update().get(pk=idea.pk)
    ocop.check_idea_move(
        current=locked.status, new=ProductIdea.Status.PLAN_SUBMITTED, actor="producer"
    )
    if not summary.strip() or not market.strip():
        raise ocop.OcopRuleError(_("Cần ghi tóm tắt phương án và thị trường."))
    if investment is not None and investment < 0:
        raise ocop.OcopRuleError(_("Vốn đầu tư không thể âm."))
    locked.plan_summary, locked.plan_market = summary.strip(), market.strip()
    locked.plan_investment = investment
    locked.plan_submitted_at = timezone.now()
    locked.status = ProductIdea.Status.PLAN_SUBMITTED
    locked.save()
    IdeaComment.objects.create(
        idea=locked, author=by, status_to=locked.status, body=_("Gửi phương án kinh doanh.")
    )
    return locked


def idea_comment_add(*, idea, author, body: str):
    """Add a remark to an idea's trail."""
    if not body.strip():
        raise ocop.OcopRuleError(_("Lời nhắn đang trống."))
    return IdeaComment.objects.create(idea=idea, author=author, body=body.strip()[:4000])
