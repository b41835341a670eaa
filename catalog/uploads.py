"""Uploaded images and PDFs checked by parsing, not by name or first bytes; images re-encoded.

Used by the producer dashboard (product photos) and by certificate scans. Why each step:

- pixels are counted from the header before anything is decoded (``Image.open`` is lazy): a
  186 KB PNG can decode to 8000×8000×3 = 192 MB, so a file-size limit alone does not bound memory;
- an accepted image is decoded once (now bounded) and saved again by Pillow, which keeps the
  pixels and drops everything else: EXIF (GPS position of a farm), comments, and bytes appended
  after the image (a PNG followed by HTML becomes a plain PNG);
- a PDF must parse with pypdf, have at least one page, and end at its last ``%%EOF``: a file
  that is ``%PDF-1.4`` followed by HTML is refused, and so is a real PDF with HTML appended.
"""

from __future__ import annotations

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

#: Above this many pixels an image is refused before decoding (about 120 MB as RGB).
MAX_PIXELS = 40_000_000
#: How Pillow writes each accepted format back: what a browser shows, nothing else.
_SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}
_CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
_EOF = re.compile(rb"%%EOF\s*\Z")


class UploadRefused(ValueError):
    """An upload that is not what it claims to be, or too big to decode; the message says why,
    in the user's language."""


class NotAnImage(UploadRefused):
    """An upload that Pillow does not recognise as an image at all."""


def image_probe(
    *, upload, formats: tuple[str, ...], max_pixels: int = MAX_PIXELS
) -> tuple[str, int, int]:
    """``(format, width, height)`` read from ``upload``'s header only, or :class:`UploadRefused`
    when it is no image Pillow knows, not one of ``formats``, or more than ``max_pixels``."""
    upload.seek(0)
    try:
        with Image.open(upload) as probe:  # lazy: reads the header, decodes nothing
            fmt, (width, height) = probe.format, probe.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise NotAnImage(_("Không phải ảnh hợp lệ.")) from error
    finally:
        upload.seek(0)
    if fmt not in formats:
        raise UploadRefused(_("Định dạng %(format)s không được nhận.") % {"format": fmt})
    if width * height > max_pixels:
        raise UploadRefused(
            _("Ảnh %(w)s×%(h)s có quá nhiều điểm ảnh (tối đa %(mp)s triệu).")
            % {"w": width, "h": height, "mp": max_pixels // 1_000_000}
        )
    return fmt, width, height


def image_reencode(
    *, upload, formats: tuple[str, ...], max_pixels: int = MAX_PIXELS
) -> SimpleUploadedFile:
    """``upload`` decoded (after :func:`image_probe`) and saved again in its own format, with its
    EXIF orientation applied and no metadata or trailing bytes kept."""
    fmt, _width, _height = image_probe(upload=upload, formats=formats, max_pixels=max_pixels)
    try:
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)  # the photo stays upright without its EXIF
            if fmt == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            buffer = io.BytesIO()
            image.save(buffer, fmt, **_SAVE_OPTIONS.get(fmt, {}))
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise UploadRefused(_("Không đọc được ảnh (tệp hỏng?).")) from error
    finally:
        upload.seek(0)
    return SimpleUploadedFile(
        getattr(upload, "name", None) or "anh",
        buffer.getvalue(),
        content_type=_CONTENT_TYPES.get(fmt, "application/octet-stream"),
    )


def pdf_check(*, upload) -> int:
    """The page count of ``upload``, or :class:`UploadRefused` unless it parses as a PDF with
    pages and nothing after its final ``%%EOF``."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if not _EOF.search(data[-2048:]):
        raise UploadRefused(_("Tệp PDF không hợp lệ (có dữ liệu lạ sau phần kết thúc)."))
    try:
        pages = len(PdfReader(io.BytesIO(data), strict=True).pages)
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise UploadRefused(_("Tệp không đọc được như một PDF.")) from error
    if pages < 1:
        raise UploadRefused(_("Tệp PDF không có trang nào."))
    return pages
