"""Pictures for the demo data, drawn with Pillow: nothing is downloaded.

A product picture is a still life of its kind of product, shaded and lit (drawn by
:mod:`.pictures`); a producer logo is a coloured disc with the producer's initials. The same
input always gives the same bytes, so reloading the demo never changes a picture.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from marketplace.demo import pictures

#: Used when present (it covers Vietnamese); Pillow's own font is the fallback.
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
_D_TO_ASCII = str.maketrans({"đ": "d", "Đ": "D"})
JPEG_QUALITY = 80

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

#: Words that name a producer's legal form; a logo's initials skip them.
LEGAL_FORM_PREFIXES = (
    "hợp tác xã",
    "tổ hợp tác",
    "hộ kinh doanh",
    "công ty tnhh",
    "công ty cổ phần",
    "trang trại",
)
LOGO_PALETTE = ("#2e7d32", "#8e2430", "#00796b", "#283593", "#8d5a3b", "#e65100", "#6a1b9a")


def _dejavu_path(bold: bool) -> Path:
    """Where DejaVu Sans (regular or bold) is installed on Debian and Ubuntu."""
    return DEJAVU_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


def vietnamese_font_available() -> bool:
    """Whether a font with Vietnamese letters is installed (Pillow's own font has none)."""
    return _dejavu_path(False).exists() and _dejavu_path(True).exists()


@lru_cache(maxsize=32)
def load_font(size: int, bold: bool = False) -> Font:
    """DejaVu Sans at ``size`` pixels when installed, else Pillow's bundled default font."""
    if vietnamese_font_available():
        try:
            return ImageFont.truetype(str(_dejavu_path(bold)), size)
        except OSError:
            pass
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has no sized default font
        return ImageFont.load_default()


def displayable(text: str) -> str:
    """``text`` as it can be drawn: unchanged with a Vietnamese font, else without its marks
    (``Gà đồi`` → ``Ga doi``), which reads better than a row of missing-glyph boxes."""
    if vietnamese_font_available():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_D_TO_ASCII))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as an RGB tuple."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _mix(colour: tuple[int, int, int], other: tuple[int, int, int], amount: float) -> tuple:
    """``colour`` moved ``amount`` (0–1) of the way towards ``other``."""
    return tuple(round(c + (o - c) * amount) for c, o in zip(colour, other, strict=True))


def product_image_bytes(*, title: str, shape: str = "", seed: str = "", size: int = 800) -> bytes:
    """A square JPEG for a product: a still life of its kind (see :mod:`.pictures`), chosen from
    its title and its group's ``shape``, varied by ``seed`` (its SKU)."""
    kind = pictures.picture_kind(title, shape)
    return pictures.picture_bytes(kind, title=title, seed=seed or title, size=size)


def producer_initials(name: str) -> str:
    """Up to three initials of a producer's name, after its legal form (``HTX …`` → ``VTL``)."""
    words = name.replace("–", " ").split()
    lowered = name.lower()
    for prefix in LEGAL_FORM_PREFIXES:
        if lowered.startswith(prefix):
            words = words[len(prefix.split()) :]
            break
    initials = "".join(word[0] for word in words if word[0].isalpha())[:3]
    return initials.upper() or "?"


def producer_logo_bytes(*, name: str, key: str, size: int = 320) -> bytes:
    """A PNG logo: a disc in a colour chosen by ``key`` with the producer's initials."""
    digest = int(hashlib.sha1(key.encode()).hexdigest(), 16)
    colour = _rgb(LOGO_PALETTE[digest % len(LOGO_PALETTE)])
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    margin = size * 0.04
    draw.ellipse((margin, margin, size - margin, size - margin), fill=colour)
    ring = size * 0.1
    draw.ellipse(
        (ring, ring, size - ring, size - ring),
        outline=_mix(colour, (255, 255, 255), 0.6),
        width=max(1, round(size / 80)),
    )
    initials = displayable(producer_initials(name))
    font = load_font(max(10, round(size * (0.3 if len(initials) < 3 else 0.24))), bold=True)
    left, top, right, bottom = draw.textbbox((0, 0), initials, font=font)
    draw.text(
        ((size - (right - left)) / 2 - left, (size - (bottom - top)) / 2 - top),
        initials,
        font=font,
        fill=(255, 255, 255),
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
