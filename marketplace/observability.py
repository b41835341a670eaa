"""Logs a machine can read: one JSON object a line on stdout, each with the request it belongs to.

:class:`RequestLogMiddleware` gives every request an id (the ``X-Request-ID`` nginx sets, or a new
one), logs one ``request`` line with method, path, status, user id and duration when it ends, and
answers with the id in ``X-Request-ID`` so a user's report can be found in the logs.
:class:`RequestContextFilter` stamps the id and user on every other record logged meanwhile.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid

from django.utils.functional import empty

logger = logging.getLogger("marketplace.request")
_request_id = contextvars.ContextVar("request_id", default="")
_request = contextvars.ContextVar("request", default=None)
#: An incoming id is kept only when it looks like one (no log injection through the header).
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestContextFilter(logging.Filter):
    """Add ``request_id`` and ``user_id`` of the current request to each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Stamp the record; never drops one."""
        record.request_id = getattr(record, "request_id", None) or _request_id.get()
        record.user_id = getattr(record, "user_id", None) or _user_pk(_request.get())
        return True


def _user_pk(request) -> int | None:
    """The signed-in user's id if the request has already loaded its user (never a query here:
    a log line must not hit the database)."""
    user = getattr(request, "__dict__", {}).get("user")
    if user is None:
        return None
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is empty:
        return None
    return wrapped.pk if getattr(wrapped, "is_authenticated", False) else None


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, request id, user id, extras."""

    EXTRAS = ("method", "path", "status", "duration_ms")

    def format(self, record: logging.LogRecord) -> str:
        """Render ``record`` as one line of JSON (exceptions included as text)."""
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or None,
            "user_id": getattr(record, "user_id", None),
        }
        for key in self.EXTRAS:
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    """Give each request an id and log it once it has been answered (with its duration)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        id_token = _request_id.set(request_id)
        request_token = _request.set(request)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            _request_id.reset(id_token)
            _request.reset(request_token)
