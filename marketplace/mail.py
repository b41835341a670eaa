"""Email through the task worker: a request never waits on the mail server.

Production sets ``EMAIL_BACKEND`` to :class:`TaskEmailBackend`. Sending a message from a request
only records a task (``email_deliver``) in the same database transaction, so a rolled-back order
sends nothing; ``manage.py db_worker`` then delivers it with ``OCOP_EMAIL_DELIVERY_BACKEND``
(SMTP). A delivery that fails is recorded by django-tasks-db as a failed task result with its
traceback (Django admin, *Task results*), never dropped silently.
"""

from __future__ import annotations

import base64
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


def _serialise(message) -> dict | None:
    """The message as JSON-safe data, or ``None`` when it carries a ready-made MIME part."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            return None
        filename, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else bytes(content)
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in (message.extra_headers or {}).items()},
        "alternatives": [[str(c), m] for c, m in getattr(message, "alternatives", [])],
        "attachments": attachments,
        "content_subtype": message.content_subtype,
    }


def _deserialise(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def _delivery_connection():
    return get_connection(settings.OCOP_EMAIL_DELIVERY_BACKEND)


@task()
def email_deliver(message: dict) -> int:
    """The background task: send one serialised message with the delivery backend.

    An SMTP error is raised, so the worker records the task as failed with its traceback.
    """
    return _delivery_connection().send_messages([_deserialise(message)])


class TaskEmailBackend(BaseEmailBackend):
    """Queue each message as an ``email_deliver`` task instead of sending it now."""

    def send_messages(self, email_messages) -> int:
        """Enqueue every message; one with a raw MIME attachment is sent at once instead."""
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            data = _serialise(message)
            if data is None:
                queued += _delivery_connection().send_messages([message])
                continue
            email_deliver.enqueue(data)
            queued += 1
        return queued
