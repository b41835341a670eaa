"""Emails about an order, in the language the shopper used when ordering."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

LANGUAGE_NOTE = "language"

#: Message codes and their templates (``oscar/checkout/emails/<template>_subject.txt`` / _body.txt).
TEMPLATES = {
    "PAYMENT_RECEIVED": "payment_received",
    "SHIPPED": "shipped",
    "READY_FOR_PICKUP": "ready_for_pickup",
    "ORDER_EXPIRED": "order_expired",
}


def order_language(order) -> str:
    """The language recorded on ``order`` when it was placed (the site default otherwise)."""
    note = order.notes.filter(note_type=LANGUAGE_NOTE).first()
    codes = {code for code, _name in settings.LANGUAGES}
    if note and note.message in codes:
        return note.message
    return settings.LANGUAGE_CODE


def order_message_send(*, order, code: str) -> bool:
    """Send message ``code`` about ``order`` to the shopper; ``False`` when there is no email."""
    email = order.email
    if not email or code not in TEMPLATES:
        return False
    name = TEMPLATES[code]
    with translation.override(order_language(order)):
        context = {"order": order}
        subject = render_to_string(f"oscar/checkout/emails/{name}_subject.txt", context).strip()
        body = render_to_string(f"oscar/checkout/emails/{name}_body.txt", context)
    send_mail(subject, body, settings.OSCAR_FROM_EMAIL, [email])
    return True


def preorder_cancelled_send(*, order, preorder) -> bool:
    """Tell the shopper a producer cancelled one of their pre-order lines, and why, in the
    language they ordered in; ``False`` when the order has no email."""
    if not order.email:
        return False
    with translation.override(order_language(order)):
        context = {"order": order, "preorder": preorder, "line": preorder.order_line}
        subject = render_to_string(
            "oscar/checkout/emails/preorder_cancelled_subject.txt", context
        ).strip()
        body = render_to_string("oscar/checkout/emails/preorder_cancelled_body.txt", context)
    send_mail(subject, body, settings.OSCAR_FROM_EMAIL, [order.email])
    return True


def staff_emails() -> list[str]:
    """Who hears about a payment needing a person: ``settings.ADMINS`` and every active staff
    account with an email, once each."""
    from django.contrib.auth import get_user_model  # the user model is known only at runtime

    emails = [email for _name, email in settings.ADMINS]
    emails += (
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    return list(dict.fromkeys(emails))


def staff_alert_send(*, subject: str, body: str) -> bool:
    """Email ``subject``/``body`` to :func:`staff_emails`; ``False`` when there is nobody."""
    recipients = staff_emails()
    if not recipients:
        return False
    send_mail(subject, body, settings.OSCAR_FROM_EMAIL, recipients)
    return True
