"""Which guest orders this browser session may see without an email.

A guest who gave only a phone number opens their order page from the confirmation (the link
carries Oscar's verification hash) or finds it on the lookup page with phone and order number.
Both put the order number in the session; Oscar's own check (the email typed again) still
serves guests who gave an email.
"""

from __future__ import annotations

SESSION_KEY = "ocop_guest_orders"
#: A session remembers at most this many orders (the newest).
KEEP = 20


def guest_order_remember(request, number: str) -> None:
    """Let this session see the guest order ``number``."""
    numbers = [n for n in request.session.get(SESSION_KEY, []) if n != number]
    request.session[SESSION_KEY] = [*numbers, number][-KEEP:]


def guest_order_remembered(request, number: str) -> bool:
    """Whether this session was let to see the guest order ``number``."""
    return number in request.session.get(SESSION_KEY, [])
