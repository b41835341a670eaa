"""Image renditions: every picture a person sees is a copy at the size shown, never the upload.

A rendition is a centred crop of the upload (EXIF orientation applied) scaled to ``width`` ×
``height``, written once to the default storage as WebP and as JPEG (the fallback for browsers
without WebP) under a name derived from the upload's name and the size. The name is computed, so
finding a rendition costs no database query (sorl-thumbnail's key-value store would cost one per
image on a cold cache); whether its file exists is remembered per process after the first check.
A replaced upload gets a new name from the storage, hence new renditions.
"""

from __future__ import annotations

import hashlib
import io
import threading

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

#: The formats written for each rendition, in the order a ``<picture>`` offers them.
FORMATS = ("webp", "jpeg")
_SAVE = {
    "webp": {"quality": 80, "method": 4},
    "jpeg": {"quality": 82, "optimize": True, "progressive": True},
}
_known: set[str] = set()
_lock = threading.Lock()


def rendition_name(original: str, *, width: int, height: int, fmt: str) -> str:
    """The storage name of ``original``'s rendition at ``width`` × ``height`` in ``fmt``."""
    digest = hashlib.sha1(original.encode()).hexdigest()
    ext = "jpg" if fmt == "jpeg" else fmt
    return f"renditions/{digest[:2]}/{digest[2:14]}-{width}x{height}.{ext}"


def _render(original: str, *, width: int, height: int) -> dict[str, bytes]:
    """Decode ``original`` once and encode its crop at the size in every format."""
    with default_storage.open(original, "rb") as handle:
        with Image.open(handle) as image:
            # A JPEG decodes at 1/2, 1/4 or 1/8 scale when that still covers the target: a
            # 4000×3000 phone photo becomes a 600×600 card several times faster.
            image.draft("RGB", (width, height))
            image = ImageOps.exif_transpose(image)
            fitted = ImageOps.fit(image.convert("RGB"), (width, height), Image.Resampling.LANCZOS)
    out = {}
    for fmt in FORMATS:
        buffer = io.BytesIO()
        fitted.save(buffer, format=fmt.upper(), **_SAVE[fmt])  # no EXIF: nothing carried over
        out[fmt] = buffer.getvalue()
    return out


def rendition_urls(original: str, *, width: int, height: int) -> dict[str, str] | None:
    """URLs of ``original``'s renditions at ``width`` × ``height`` by format, made if missing.

    Returns ``None`` when the upload cannot be read as an image (a missing file): the caller
    shows the "no image" tile rather than a broken picture.
    """
    names = {fmt: rendition_name(original, width=width, height=height, fmt=fmt) for fmt in FORMATS}
    # Keyed by the storage's bucket and location too: tests (and a changed MEDIA_ROOT or
    # MEDIA_S3_BUCKET) point it elsewhere.
    where = ":".join(getattr(default_storage, attr, "") for attr in ("bucket_name", "location"))
    key = f"{where}:{names['jpeg']}"
    if key not in _known:
        with _lock:
            if not all(default_storage.exists(name) for name in names.values()):
                try:
                    rendered = _render(original, width=width, height=height)
                except (FileNotFoundError, OSError, UnidentifiedImageError):
                    return None
                for fmt, name in names.items():
                    if default_storage.exists(name):
                        default_storage.delete(name)
                    default_storage.save(name, ContentFile(rendered[fmt]))
            _known.add(key)
    return {fmt: default_storage.url(name) for fmt, name in names.items()}
