"""Template tags for producer users: the header's link to their dashboard or counter."""

from __future__ import annotations

from django import template

from producers.models import ShowroomOperator

register = template.Library()


@register.simple_tag(takes_context=True)
def producer_work_links(context) -> dict:
    """``{"dashboard": bool, "counter": bool}`` for the signed-in user (no query for visitors,
    and at most one per page, cached on the request)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(request, "_producer_work_links", None)
    if cached is None:
        cached = {
            # Dashboard pages already know (the access mixin sets request.producer).
            "dashboard": bool(getattr(request, "producer", None))
            or user.is_staff
            or user.partners.exists(),
            "counter": ShowroomOperator.objects.filter(user=user).exists(),
        }
        request._producer_work_links = cached
    return cached
