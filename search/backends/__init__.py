"""Search backends behind one interface; :func:`get_backend` picks the configured one."""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from search.backends.base import SearchBackend

_backend: SearchBackend | None = None
_backend_key: tuple | None = None


def get_backend() -> SearchBackend:
    """The backend named by ``settings.SEARCH_BACKEND`` (built once per configuration)."""
    global _backend, _backend_key
    config = dict(settings.SEARCH_BACKEND)
    key = tuple(sorted((k, repr(v)) for k, v in config.items()))
    if _backend is None or key != _backend_key:
        backend_class = import_string(config.pop("BACKEND"))
        _backend = backend_class(**{k.lower(): v for k, v in config.items()})
        _backend_key = key
    return _backend
