"""Producer user accounts: staff invite a user by email, the invitation link sets a password,
and a producer's session ends after some idle minutes.

A user belongs to at most one producer (through Oscar's ``Partner.users``): the invitation
service refuses an email that belongs to another producer's user, and the Django admin refuses
the same link made by hand (:func:`users_linked_elsewhere`).
"""

from __future__ import annotations

import re
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from producers.models import Producer, ShowroomOperator
from producers.selectors import producer_for_user

User = get_user_model()
Partner = get_model("partner", "Partner")


class InviteError(ValueError):
    """An invitation that cannot be made; ``str(error)`` is a message for staff."""


def _username_for(email: str) -> str:
    """A free username made from the email's local part (``lan.nguyen``, ``lan.nguyen-2``)."""
    base = re.sub(r"[^\w.@+-]", "", email.split("@")[0])[:120] or "nsx"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def invitation_path(user) -> str:
    """The one-time link's path: Django's password-reset token, which stops working once a
    password is set (the token hashes the password) or after ``PASSWORD_RESET_TIMEOUT``."""
    return reverse(
        "producer_dashboard:invite_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


@transaction.atomic
def producer_user_invite(
    *, producer: Producer, email: str, name: str = "", by=None, base_url: str | None = None
):
    """Link the user with ``email`` (made, without a usable password, when missing) to
    ``producer`` and email them a one-time link to set their password. Returns the user.

    Refuses (with :class:`InviteError`) an invalid email, a staff account, and an email that
    already belongs to another producer. Inviting the same email to the same producer again
    sends a fresh link.
    """
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise InviteError(_("Email “%(email)s” không hợp lệ.") % {"email": email}) from None
    matches = list(User.objects.select_for_update().filter(email__iexact=email)[:2])
    if len(matches) > 1:
        raise InviteError(_("Có nhiều tài khoản dùng email này; hãy xử lý trong trang quản trị."))
    user = matches[0] if matches else None
    if user is not None:
        if user.is_staff or user.is_superuser:
            raise InviteError(
                _("Email này thuộc một tài khoản cán bộ; tài khoản chủ thể không được là cán bộ.")
            )
        current = producer_for_user(user)
        if current is not None and current.pk != producer.pk:
            raise InviteError(
                _(
                    "Email %(email)s đã thuộc chủ thể “%(producer)s”. Mỗi tài khoản chỉ thuộc một "
                    "chủ thể."
                )
                % {"email": email, "producer": current.name}
            )
    else:
        family, _space, given = " ".join((name or "").split()).rpartition(" ")
        user = User(
            username=_username_for(email),
            email=email,
            first_name=given[:150],
            last_name=family[:150],
            is_active=True,
        )
        user.set_unusable_password()
        user.save()
    producer.partner.users.add(user)
    link = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + invitation_path(user)
    context = {
        "user": user,
        "producer": producer,
        "link": link,
        "by": by,
        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    subject = render_to_string("producers/dashboard/accounts_invite_subject.txt", context)
    body = render_to_string("producers/dashboard/accounts_invite_body.txt", context)
    transaction.on_commit(
        lambda: send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [email])
    )
    return user


def users_linked_elsewhere(*, users, partner) -> list:
    """The users among ``users`` who already belong to a partner other than ``partner``."""
    ids = [u.pk for u in users]
    others = Partner.objects.filter(users__in=ids)
    if partner is not None and partner.pk:
        others = others.exclude(pk=partner.pk)
    linked = set(others.values_list("users", flat=True))
    return [u for u in users if u.pk in linked]


def is_showroom_operator(user) -> bool:
    """Whether ``user`` keeps the counter at some showroom."""
    return user.is_authenticated and ShowroomOperator.objects.filter(user=user).exists()


# --- idle timeout -----------------------------------------------------------------------------

SESSION_KEY = "producer_idle"
#: Write the last-seen time at most this often (seconds): a session save per request is waste.
TOUCH_EVERY = 60


def idle_timeout_seconds() -> int:
    """``settings.PRODUCER_SESSION_IDLE_MINUTES`` in seconds."""
    return int(getattr(settings, "PRODUCER_SESSION_IDLE_MINUTES", 30)) * 60


class ProducerIdleTimeoutMiddleware:
    """Sign out a producer user (or showroom operator) after
    ``PRODUCER_SESSION_IDLE_MINUTES`` without a request, and send them to the sign-in page with
    a message. Shoppers and staff keep Django's usual session.

    Whether the user is watched is worked out once per session (one query) and kept in the
    session with the last-seen time, so other requests cost nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_staff:
            response = self._check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request, user):
        now = int(time.time())
        guard = request.session.get(SESSION_KEY)
        if not isinstance(guard, dict) or guard.get("uid") != user.pk:
            watched = producer_for_user(user) is not None or is_showroom_operator(user)
            request.session[SESSION_KEY] = {"uid": user.pk, "watched": watched, "seen": now}
            return None
        if not guard.get("watched"):
            return None
        if now - int(guard.get("seen", 0)) > idle_timeout_seconds():
            logout(request)
            messages.info(
                request,
                _(
                    "Phiên làm việc đã hết hạn sau %(minutes)s phút không hoạt "
                    "động. Vui lòng đăng nhập lại."
                )
                % {"minutes": idle_timeout_seconds() // 60},
            )
            return redirect_to_login(request.get_full_path())
        if now - int(guard.get("seen", 0)) >= TOUCH_EVERY:
            request.session[SESSION_KEY] = {**guard, "seen": now}
        return None
