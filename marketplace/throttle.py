"""Rate limits for the forms that take a secret but do not sign in: the password-reset request
(storefront and Wagtail admin) and the producer invitation's password form; and for the public
wholesale enquiry form, which mails a producer on every POST.

django-axes counts failed sign-ins, which go through ``authenticate()``; these forms do not, so
without a limit anyone could send reset mails to an address in a loop, or try invitation links
at will. Each POST to one of :data:`THROTTLED_FORMS` counts once against the client's address
and once against the account it names (the typed email, or the invitation's user id); over the
limit within the window, the answer is a 429 page saying how long to wait, and nothing is sent
or changed. Counters live in Django's cache (Redis in production, shared by every worker).
Staff reset them with ``manage.py throttle_reset`` (or by restarting Redis).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class FormLimit:
    """At most ``per_account`` POSTs naming one account and ``per_address`` POSTs from one
    address within ``window`` seconds. ``account_field`` names the POST field (or URL keyword
    argument, prefixed ``kwarg:``) that names the account."""

    per_account: int
    per_address: int
    window: int
    account_field: str


#: URL name → its limit. Reset mails: 3 per account and 10 per address an hour; invitation
#: passwords: 5 per invitation and 20 per address in 15 minutes; wholesale enquiries: 3 per
#: email and 10 per address an hour (a real buyer sends a few; a spammer a stream); guest order
#: lookups: 5 per order number and 30 per address in 15 minutes.
THROTTLED_FORMS: dict[str, FormLimit] = {
    "password-reset": FormLimit(3, 10, 3600, "email"),
    "wagtailadmin_password_reset": FormLimit(3, 10, 3600, "email"),
    "producer_dashboard:invite_accept": FormLimit(5, 20, 900, "kwarg:uidb64"),
    "trade:enquiry": FormLimit(3, 10, 3600, "email"),
    # Guest order lookup (phone + order number): no guessing phones for a number at will.
    "checkout:order-lookup": FormLimit(5, 30, 900, "number"),
}

PREFIX = "throttle:"


def _key(scope: str, kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"{PREFIX}{scope}:{kind}:{digest}"


def _count(key: str, window: int) -> int:
    """Add one to ``key`` (created with a ``window``-second lifetime) and return the count."""
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return 1


def throttle_hit(*, scope: str, limit: FormLimit, account: str, address: str) -> bool:
    """Count one attempt; ``True`` when it is over the limit for the account or the address."""
    over = False
    if account:
        over |= _count(_key(scope, "account", account), limit.window) > limit.per_account
    if address:
        over |= _count(_key(scope, "address", address), limit.window) > limit.per_address
    return over


def throttle_reset() -> None:
    """Forget every counter (staff unlocking; tests)."""
    delete_pattern = getattr(cache, "delete_pattern", None)
    if delete_pattern is not None:
        delete_pattern(f"*{PREFIX}*")
        return
    keys = getattr(cache, "keys", None)
    if keys is not None:
        cache.delete_many(keys(f"*{PREFIX}*"))
        return
    cache.clear()  # a backend that cannot list keys: the cache holds nothing that cannot return


def _client_address(request) -> str:
    """The client's address as sign-in throttling sees it (behind the proxy in production)."""
    path = getattr(settings, "AXES_CLIENT_IP_CALLABLE", None)
    if path:
        return import_string(path)(request)
    return request.META.get("REMOTE_ADDR", "")


class FormThrottleMiddleware:
    """Apply :data:`THROTTLED_FORMS` to POSTs, before the view sends or changes anything."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not getattr(settings, "OCOP_FORM_THROTTLE_ENABLED", True):
            return None
        match = request.resolver_match
        limit = THROTTLED_FORMS.get(match.view_name if match else "")
        if limit is None:
            return None
        if limit.account_field.startswith("kwarg:"):
            account = str(view_kwargs.get(limit.account_field.removeprefix("kwarg:"), ""))
        else:
            account = str(request.POST.get(limit.account_field, ""))
        if not throttle_hit(
            scope=match.view_name, limit=limit, account=account, address=_client_address(request)
        ):
            return None
        return render(
            request, "throttled.html", {"minutes": max(limit.window // 60, 1)}, status=429
        )
