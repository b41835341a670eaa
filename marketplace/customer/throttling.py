"""Sign-in throttling (django-axes): which account a sign-in attempt is counted against.

Every sign-in form (storefront, Wagtail admin, Django admin) authenticates through
``axes.backends.AxesStandaloneBackend`` first: after ``AXES_FAILURE_LIMIT`` failures for one
account, or from one address, further attempts are refused for ``AXES_COOLOFF_TIME`` with the
page ``templates/axes_locked_out.html``. Staff unlock in the Django admin (Axes → Access
attempts: delete the rows) or with ``manage.py axes_reset_username <name>`` /
``axes_reset_ip <address>`` / ``axes_reset``.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

#: Where the typed account name is found: authenticate()'s credentials, or the posted form
#: (Django's and Wagtail's forms post ``username``, Oscar's storefront ``login-username``).
USERNAME_FIELDS = ("username", "login-username")


def sign_in_account(request, credentials: dict | None) -> str:
    """The account an attempt counts against: the user name, whichever of the user name or the
    email was typed (the storefront takes both), so that switching between them does not
    double the attempts. An unknown name counts as itself, lower-cased."""
    typed = ""
    for source in (credentials or {}, getattr(request, "POST", {}) or {}):
        for field in USERNAME_FIELDS:
            if source.get(field):
                typed = str(source[field])
                break
        if typed:
            break
    typed = typed.strip().lower()
    if "@" in typed:
        found = (
            get_user_model()
            .objects.filter(email__iexact=typed)
            .values_list("username", flat=True)
            .first()
        )
        if found:
            return found.lower()
    return typed


def client_address_behind_proxy(request) -> str:
    """The client's address in production, behind the one reverse proxy: the last address of
    ``X-Forwarded-For`` (the one the proxy added; earlier ones the client may have forged),
    else ``REMOTE_ADDR``. Without this every attempt would count against the proxy's address."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-1] if hops else request.META.get("REMOTE_ADDR", "")
