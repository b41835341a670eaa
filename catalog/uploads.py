"""Uploaded images and PDFs checked by parsing, not by name or first bytes; images re-encoded.

Used by the producer dashboard (product photos) and by certificate scans; every other stored
image (Oscar's dashboard, Wagtail's library, producer logos) passes :func:`image_shrink_on_save`
when its model is saved. Why each step:

- pixels are counted from the header before anything is decoded (``Image.open`` is lazy): a
  186 KB PNG can decode to 8000×8000×3 = 192 MB, so a file-size limit alone does not bound memory;
- an accepted image is decoded once (now bounded) and saved again by Pillow, which keeps the
  pixels (and the colour profile) and drops everything else: EXIF (GPS position of a farm),
  comments, and bytes appended after the image (a PNG followed by HTML becomes a plain PNG);
- the EXIF orientation is applied to the pixels before EXIF goes, so a phone photo stays upright;
- an image longer than :data:`MAX_EDGE` on its long side is scaled down: nobody is ever shown
  more (renditions are made from the stored file), and a 12-megapixel phone photo kept whole
  would cost storage, backups and every rendition's decoding time;
- a PDF must parse with pypdf, have at least one page, and end at its last ``%%EOF``: a file
  that is ``%PDF-1.4`` followed by HTML is refused, and so is a real PDF with HTML appended.
"""

from __future__ import annotations

import io
import math
import os
import re
import secrets

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

#: Above this many pixels an image is refused before decoding (about 120 MB as RGB).
MAX_PIXELS = 40_000_000
#: The longest side an image is stored at, in pixels: twice the widest picture shown (a
#: 960-pixel article photo on a 2× screen is 1920) with room for a zoom, and about 4 megapixels
#: of a phone's 4:3 photo.
MAX_EDGE = 2560
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


def _decoded(upload, *, fmt: str, max_edge: int) -> Image.Image:
    """``upload`` decoded (a JPEG at the smallest of 1/2, 1/4, 1/8 that still covers
    ``max_edge``: less memory and time), upright, and no longer than ``max_edge`` on its long
    side."""
    with Image.open(upload) as image:
        factor = max_edge / max(image.size)
        if fmt == "JPEG" and factor < 1:
            # draft() picks the smallest scale whose result still covers the size asked for.
            image.draft(
                image.mode, (math.ceil(image.width * factor), math.ceil(image.height * factor))
            )
        image.load()
        upright = ImageOps.exif_transpose(image)  # the photo stays upright without its EXIF
        icc = image.info.get("icc_profile")
    if max(upright.size) > max_edge:
        upright.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    if icc:  # the colour profile is kept: without it a wide-gamut photo looks washed out
        upright.info["icc_profile"] = icc
    return upright


def _encoded(image: Image.Image, fmt: str) -> bytes:
    """``image`` written in ``fmt`` with its colour profile and no other metadata."""
    buffer = io.BytesIO()
    options = dict(_SAVE_OPTIONS.get(fmt, {}))
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def image_reencode(
    *,
    upload,
    formats: tuple[str, ...],
    max_pixels: int = MAX_PIXELS,
    max_edge: int = MAX_EDGE,
) -> SimpleUploadedFile:
    """``upload`` decoded (after :func:`image_probe`) and saved again in its own format, with its
    EXIF orientation applied, no longer than ``max_edge`` on its long side, and no metadata
    (but its colour profile) or trailing bytes kept."""
    fmt, _width, _height = image_probe(upload=upload, formats=formats, max_pixels=max_pixels)
    try:
        data = _encoded(_decoded(upload, fmt=fmt, max_edge=max_edge), fmt)
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise UploadRefused(_("Không đọc được ảnh (tệp hỏng?).")) from error
    finally:
        upload.seek(0)
    return SimpleUploadedFile(
        getattr(upload, "name", None) or "anh",
        data,
        content_type=_CONTENT_TYPES.get(fmt, "application/octet-stream"),
    )


def image_stored_form(*, upload, max_edge: int = MAX_EDGE) -> bytes | None:
    """The bytes to store in place of ``upload``, or ``None`` to store it as it came.

    A still JPEG, PNG or WebP longer than ``max_edge`` or carrying EXIF (an orientation, a GPS
    position, the camera's serial number) is re-encoded as :func:`image_reencode` does. Anything
    else is left alone: a PDF scan, an image already small and clean (the producer dashboard
    re-encodes before saving), a GIF or animation (re-encoding would keep one frame), and an image
    over :data:`MAX_PIXELS` that cannot be decoded at a reduced scale (the forms refuse those;
    decoding one here would be the memory blow-up the limit exists to prevent).
    """
    upload.seek(0)
    try:
        with Image.open(upload) as probe:  # lazy: the header only
            fmt, size = probe.format, probe.size
            animated = getattr(probe, "n_frames", 1) > 1
            has_exif = bool(probe.getexif())
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError):
        return None
    finally:
        upload.seek(0)
    if fmt not in _CONTENT_TYPES or animated:
        return None
    if max(size) <= max_edge and not has_exif:
        return None
    if size[0] * size[1] > MAX_PIXELS and fmt != "JPEG":
        return None
    try:
        return _encoded(_decoded(upload, fmt=fmt, max_edge=max_edge), fmt)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None  # unreadable past its header: stored as it came, renditions show no image
    finally:
        upload.seek(0)


def fresh_name(name: str) -> str:
    """``name``'s base name with a random suffix: an upload is never stored under a name used
    before. Renditions are named after the stored file (:mod:`catalog.renditions`), and phones
    call every photo "image.jpg": a new photo stored under a name freed by a deleted one would
    otherwise be shown with the old photo's renditions."""
    stem, ext = os.path.splitext(os.path.basename(name))
    return f"{stem[:80]}-{secrets.token_hex(4)}{ext.lower()[:10]}"


def image_shrink_on_save(*field_names: str):
    """A ``pre_save`` receiver that passes each of ``field_names`` (file fields) through
    :func:`image_stored_form` when it holds a new upload, so the stored file (what renditions are
    made from) is never larger than :data:`MAX_EDGE` and carries no EXIF.

    A Wagtail image also gets its recorded file size and hash (duplicate detection) recomputed.
    Every new upload is stored under a fresh name (:func:`fresh_name`).
    """

    def receiver(sender, instance, raw=False, **kwargs):
        if raw:  # fixtures are loaded as they are
            return
        for name in field_names:
            field_file = getattr(instance, name)
            if not field_file or field_file._committed:
                continue
            stored_name = fresh_name(field_file.name)
            smaller = image_stored_form(upload=field_file.file)
            if smaller is None:
                field_file.name = stored_name
                continue
            setattr(instance, name, ContentFile(smaller, name=stored_name))
            if hasattr(instance, "_set_image_file_metadata"):
                instance._set_image_file_metadata()

    return receiver


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
