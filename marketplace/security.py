"""Request guards that run before any view: bodies too large and control characters in input.

Both answer before a view, a form or the database sees the request:

* a request announcing a body over ``MAX_REQUEST_BYTES`` gets 413 without its body being read
  (Django's own ``DATA_UPLOAD_MAX_MEMORY_SIZE`` only bounds the non-file part of a body, and only
  once it is being parsed; the proxy in front has its own cap too);
* a path, query string or form field holding a control character (NUL above all: PostgreSQL
  refuses it in text with ``DataError``, which was a 500; SQLite stored it) gets 400 with a page
  saying why. Tab, line feed and carriage return are ordinary text and pass.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.shortcuts import render

#: C0 controls but tab, LF and CR, and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Bodies Django parses into ``request.POST`` (others, such as a webhook's JSON, are left alone).
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def text_has_control_characters(*, text: str) -> bool:
    """Whether ``text`` holds a control character other than tab, line feed or carriage return."""
    return CONTROL_CHARACTERS.search(text) is not None


def _query_dict_is_clean(data) -> bool:
    return not any(
        text_has_control_characters(text=key)
        or any(text_has_control_characters(text=value) for value in values)
        for key, values in data.lists()
    )


class RequestGuardMiddleware:
    """Refuse oversized bodies (413) and control characters in the path, query or form (400)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "MAX_REQUEST_BYTES", None)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit and length > limit:
            # The page names the upload limit people can act on, not the body's margin above it.
            upload_mb = getattr(settings, "UPLOAD_MAX_BYTES", limit) // (1024 * 1024)
            return render(
                request,
                "request_refused.html",
                {"too_large": True, "limit_mb": upload_mb},
                status=413,
            )
        if not self._input_is_clean(request):
            return render(request, "request_refused.html", {"too_large": False}, status=400)
        return self.get_response(request)

    @staticmethod
    def _input_is_clean(request) -> bool:
        if text_has_control_characters(text=request.path):
            return False
        if not _query_dict_is_clean(request.GET):
            return False
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            # Parsing here is what the view would do anyway (CSRF reads request.POST too).
            return _query_dict_is_clean(request.POST)
        return True
