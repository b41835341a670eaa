"""Pictures for the demo data, drawn with Pillow: nothing is downloaded.

A product picture is a square in its OCOP group's colour with a simple shape for the group and
the product's name; a producer logo is a coloured disc with the producer's initials. The same
input always gives the same bytes, so reloading the demo never changes a picture.
"""

from __future__ import annotations

import hashlib
import io
import math
import unicodedata
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

#: Used when present (it covers Vietnamese); Pillow's own font is the fallback.
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
_D_TO_ASCII = str.maketrans({"đ": "d", "Đ": "D"})
JPEG_QUALITY = 80

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

#: Words that name a producer's legal form; a logo's initials skip them.
LEGAL_FORM_PREFIXES = (
    "hợp tác xã", "tổ hợp tác", "hộ kinh doanh", "công ty tnhh", "công ty cổ phần",
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


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: Font, width: int) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` pixels (a long word stays whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if not current or draw.textlength(candidate, font=font) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _centred(draw: ImageDraw.ImageDraw, y: float, text: str, font: Font, fill, width: int):
    """Draw ``text`` centred horizontally on a canvas ``width`` wide, its top at ``y``."""
    x = (width - draw.textlength(text, font=font)) / 2
    draw.text((x, y), text, font=font, fill=fill)


def _draw_shape(draw: ImageDraw.ImageDraw, shape: str, box: tuple[float, float, float, float],
                fill, accent) -> None:
    """Draw the group's emblem inside ``box`` (left, top, right, bottom)."""
    left, top, right, bottom = box
    cx, cy = (left + right) / 2, (top + bottom) / 2
    w, h = right - left, bottom - top
    if shape == "fruit":  # a round fruit with a leaf
        r = min(w, h) * 0.38
        draw.ellipse((cx - r, cy - r + h * 0.06, cx + r, cy + r + h * 0.06), fill=fill)
        draw.ellipse((cx + r * 0.05, top + h * 0.02, cx + r * 0.75, top + h * 0.2), fill=accent)
    elif shape == "bottle":
        neck = w * 0.09
        draw.rectangle((cx - neck, top, cx + neck, top + h * 0.3), fill=fill)
        draw.rounded_rectangle((cx - w * 0.2, top + h * 0.25, cx + w * 0.2, bottom),
                               radius=w * 0.08, fill=fill)
        draw.rectangle((cx - w * 0.2, cy, cx + w * 0.2, cy + h * 0.18), fill=accent)
    elif shape == "leaf":
        points = []
        for step in range(41):
            t = math.pi * step / 40
            points.append((cx + w * 0.42 * math.cos(t), cy - h * 0.28 * math.sin(t) ** 1.5))
        for step in range(41):
            t = math.pi - math.pi * step / 40
            points.append((cx + w * 0.42 * math.cos(t), cy + h * 0.28 * math.sin(t) ** 1.5))
        draw.polygon(points, fill=fill)
        draw.line((cx - w * 0.46, cy + h * 0.1, cx + w * 0.4, cy), fill=accent,
                  width=max(2, int(w / 60)))
    elif shape == "weave":  # a row of diamonds, as in a brocade border
        size = w / 6
        first = cx - size * 2.25  # five diamonds and a half-step offset, centred
        for row in range(3):
            for col in range(5):
                x = first + size * (col + (row % 2) * 0.5)
                y = top + h * 0.2 + row * size * 0.9
                colour = accent if (row + col) % 2 else fill
                draw.polygon(((x, y - size / 2), (x + size / 2, y), (x, y + size / 2),
                              (x - size / 2, y)), fill=colour)
    elif shape == "vase":
        draw.polygon((
            (cx - w * 0.12, top), (cx + w * 0.12, top), (cx + w * 0.08, top + h * 0.18),
            (cx + w * 0.3, top + h * 0.55), (cx + w * 0.16, bottom), (cx - w * 0.16, bottom),
            (cx - w * 0.3, top + h * 0.55), (cx - w * 0.08, top + h * 0.18),
        ), fill=fill)
        draw.line((cx - w * 0.26, top + h * 0.6, cx + w * 0.26, top + h * 0.6), fill=accent,
                  width=max(2, int(w / 40)))
    else:  # mountains and a sun: rural tourism
        r = w * 0.1
        draw.ellipse((cx + w * 0.15, top, cx + w * 0.15 + 2 * r, top + 2 * r), fill=accent)
        draw.polygon(((left, bottom), (cx - w * 0.12, top + h * 0.2), (cx + w * 0.2, bottom)),
                     fill=fill)
        draw.polygon(((cx - w * 0.1, bottom), (cx + w * 0.22, top + h * 0.38), (right, bottom)),
                     fill=_mix(fill, accent, 0.3))


def product_image_bytes(*, title: str, group_name: str, colour: str, shape: str,
                        caption: str = "", size: int = 800) -> bytes:
    """A square JPEG for a product: group colour, group emblem, name and a small caption."""
    background = _rgb(colour)
    light = _mix(background, (255, 255, 255), 0.75)
    accent = _mix(background, (255, 214, 0), 0.7)
    title, group_name, caption = displayable(title), displayable(group_name), displayable(caption)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    unit = size / 100

    small = load_font(max(8, round(3.4 * unit)))
    header = f"{displayable('OCOP Bắc Giang')} · {group_name}"
    if draw.textlength(header, font=small) > 90 * unit:
        header = group_name
    _centred(draw, 4 * unit, header, small, light, size)

    _draw_shape(draw, shape, (25 * unit, 14 * unit, 75 * unit, 56 * unit), light, accent)

    title_font = load_font(max(10, round(6.4 * unit)), bold=True)
    lines = _wrap(draw, title, title_font, int(88 * unit))[:3]
    line_height = 8 * unit
    y = 62 * unit + (3 - len(lines)) * line_height / 2
    for line in lines:
        _centred(draw, y, line, title_font, (255, 255, 255), size)
        y += line_height
    caption_lines = _wrap(draw, caption, small, int(90 * unit))[:2]
    y = (91 if len(caption_lines) < 2 else 88.5) * unit
    for line in caption_lines:
        _centred(draw, y, line, small, light, size)
        y += 4.5 * unit

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def producer_initials(name: str) -> str:
    """Up to three initials of a producer's name, after its legal form (``HTX …`` → ``VTL``)."""
    words = name.replace("–", " ").split()
    lowered = name.lower()
    for prefix in LEGAL_FORM_PREFIXES:
        if lowered.startswith(prefix):
            words = words[len(prefix.split()):]
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
    draw.ellipse((ring, ring, size - ring, size - ring), outline=_mix(colour, (255, 255, 255), 0.6),
                 width=max(1, round(size / 80)))
    initials = displayable(producer_initials(name))
    font = load_font(max(10, round(size * (0.3 if len(initials) < 3 else 0.24))), bold=True)
    left, top, right, bottom = draw.textbbox((0, 0), initials, font=font)
    draw.text(((size - (right - left)) / 2 - left, (size - (bottom - top)) / 2 - top), initials,
              font=font, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
