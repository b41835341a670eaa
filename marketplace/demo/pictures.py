"""Demo product pictures drawn with Pillow, one drawing per kind of product: lychee clusters,
noodle bundles, rice sacks, hill chickens, tea, honey jars, wine bottles, pottery, bamboo ware,
village scenes (and cloth, and a basket of produce for the rest).

Each picture is a small still life: a studio or outdoor background in gradients, the object
shaded with a light from the upper left (radial and cylinder gradients, highlights), a soft
shadow on the table. Sizes, counts, tints and positions vary with a seed (the product's SKU or
title), so two products of one kind differ, and the same seed always gives the same bytes:
nothing is downloaded, and reloading the demo changes no picture.

Drawn at twice the size asked for and reduced once at the end, which is what smooths the edges
(Pillow's polygons and ellipses are not anti-aliased).
"""

from __future__ import annotations

import hashlib
import io
import math
import random
import unicodedata
from collections.abc import Callable

from PIL import Image, ImageChops, ImageDraw, ImageFilter

RGB = tuple[int, int, int]

#: The kinds of picture, in the order :func:`picture_kind` tries their words.
KINDS = (
    "village",
    "textile",
    "pottery",
    "bamboo",
    "wood",
    "wine",
    "honey",
    "chicken",
    "noodles",
    "rice",
    "tea",
    "lychee",
    "produce",
)
#: Kinds drawn facing either way (chosen by the seed); the others keep the light on the left.
MIRRORED = frozenset({"chicken", "village", "noodles"})
#: Supersampling factor: drawn this many times larger, then reduced (anti-aliasing).
SCALE = 2
JPEG_QUALITY = 82

_D_TO_ASCII = str.maketrans({"đ": "d", "Đ": "D"})


def _fold(text: str) -> str:
    """Lower case without marks (``Gà đồi`` → ``ga doi``), for matching words of a title."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_D_TO_ASCII).lower())
    return " " + "".join(ch for ch in decomposed if not unicodedata.combining(ch)) + " "


#: Words of a title (folded, between spaces) → kind; the first kind with a matching word wins.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "village": (" tour ", " homestay ", " trai nghiem ", " tham quan ", " du lich "),
    "textile": (" khan ", " tho cam ", " ao ", " det "),
    "pottery": (" gom ", " sanh ", " am chen "),
    "bamboo": (" may ", " tre dan ", " dan ", " khay "),
    "wood": (" go ",),
    "wine": (" ruou ", " nuoc ep ", " tinh dau ", " dau goi "),
    "honey": (" mat ong ", " mut ", " tuong ", " bao tu ", " keo ", " cha ", " gio "),
    "chicken": (" ga ",),
    "noodles": (" my ", " mi ", " mien ", " banh da ", " bun ", " pho "),
    "rice": (" gao ", " nep cai ", " lac ", " tinh bot ", " ngu coc "),
    "tea": (" tra ", " che ", " ba kich ", " giao co lam ", " linh chi ", " dong trung "),
    "lychee": (" vai thieu ", " vai som ", " na ", " vu sua ", " buoi ", " vai "),
}
#: The kind of a group's products when no word of the title says more (group picture shape).
SHAPE_KINDS = {
    "mountain": "village",
    "weave": "textile",
    "vase": "pottery",
    "bottle": "wine",
    "leaf": "tea",
    "fruit": "produce",
}


def picture_kind(title: str, shape: str = "") -> str:
    """The kind of picture for a product: from its group's shape for tourism and cloth, else
    from the words of its title, else from the group (``produce`` when nothing matches)."""
    if SHAPE_KINDS.get(shape) in {"village", "textile"}:
        return SHAPE_KINDS[shape]
    folded = _fold(title)
    for kind, words in KIND_WORDS.items():
        if any(word in folded for word in words):
            return kind
    return SHAPE_KINDS.get(shape, "produce")


# -- colour and gradient helpers ----------------------------------------------------------------


def _mix(colour: RGB, other: RGB, amount: float) -> RGB:
    """``colour`` moved ``amount`` (0–1) of the way towards ``other``."""
    return tuple(round(c + (o - c) * amount) for c, o in zip(colour, other, strict=True))


def _lighter(colour: RGB, amount: float) -> RGB:
    return _mix(colour, (255, 255, 255), amount)


def _darker(colour: RGB, amount: float) -> RGB:
    return _mix(colour, (0, 0, 0), amount)


def _ramp(mask: Image.Image, start: RGB, end: RGB) -> Image.Image:
    """An RGB image taking ``start`` where ``mask`` is 0 and ``end`` where it is 255."""
    bands = [
        mask.point([round(s + (e - s) * i / 255) for i in range(256)])
        for s, e in zip(start, end, strict=True)
    ]
    return Image.merge("RGB", bands)


def _vertical(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    # coloured as one column, then stretched: one full-size operation
    return _ramp(_LINEAR.resize((1, 256)), top, bottom).resize(size, Image.Resampling.BILINEAR)


def _radial(
    size: tuple[int, int], centre: RGB, edge: RGB, *, focus=(0.5, 0.5), reach: float = 1.0
) -> Image.Image:
    """A radial gradient from ``centre`` at ``focus`` (fractions of ``size``) to ``edge`` at
    ``reach`` times the larger side."""
    w, h = size
    span = max(w, h) * 2 * reach
    # The part of Pillow's 256-pixel gradient that covers the picture, scaled once (scaling the
    # whole gradient to the span first costs ten times more).
    scale = 256 / span
    left = (span / 2 - focus[0] * w) * scale
    top = (span / 2 - focus[1] * h) * scale
    box = (max(0.0, left), max(0.0, top), min(256.0, left + w * scale), min(256.0, top + h * scale))
    # a smooth gradient loses nothing when coloured at a quarter of the size and then enlarged
    small = (max(1, w // 4), max(1, h // 4)) if max(w, h) > 64 else (w, h)
    grad = _RADIAL.resize(small, Image.Resampling.BILINEAR, box=box)
    coloured = _ramp(grad, centre, edge)
    return coloured if small == (w, h) else coloured.resize((w, h), Image.Resampling.BILINEAR)


_RADIAL = Image.radial_gradient("L")
_LINEAR = Image.linear_gradient("L")


def _cylinder(
    size: tuple[int, int],
    base: RGB,
    *,
    light: float = 0.32,
    shine: float = 0.55,
    dark: float = 0.55,
) -> Image.Image:
    """Shading across a cylinder (or any upright round body): lit near ``light`` (fraction of
    the width), darker towards both sides, a bright band at the light."""
    w, h = size
    row = []
    for x in range(max(w, 1)):
        t = (x + 0.5) / max(w, 1)
        side = abs(t - light) / max(light, 1 - light)
        colour = _darker(base, dark * side**1.6)
        glow = max(0.0, 1 - abs(t - light) / 0.09)
        row.append(_lighter(colour, shine * glow**2))
    strip = Image.new("RGB", (len(row), 1))
    strip.putdata(row)
    return strip.resize((w, h), Image.Resampling.BILINEAR)


class Canvas:
    """An RGB picture being drawn, with helpers that paint shaded shapes through masks."""

    def __init__(self, size: int, rng: random.Random):
        self.size = size
        self.rng = rng
        self.image = Image.new("RGB", (size, size))
        self.draw = ImageDraw.Draw(self.image)

    def u(self, value: float) -> float:
        """``value`` per cent of the side, in pixels."""
        return value * self.size / 100

    def box(self, *values: float) -> tuple[float, ...]:
        return tuple(self.u(v) for v in values)

    def paste(self, fill: Image.Image | RGB, mask: Image.Image, at=(0, 0)) -> None:
        """Paint ``fill`` (an image of the mask's size, or a colour) where ``mask`` is set."""
        if isinstance(fill, tuple):
            fill = Image.new("RGB", mask.size, fill)
        self.image.paste(fill, (round(at[0]), round(at[1])), mask)

    def soft(self, box, colour: RGB, *, blur: float, opacity: int) -> None:
        """Paint ``colour`` through a blurred ellipse over ``box`` (in per cent): a shadow or a
        glow. The blur runs on a quarter-size patch around the ellipse only (blurring the
        whole picture was most of the drawing time)."""
        left, top, right, bottom = self.box(*box)
        pad = self.u(blur) * 3
        x0, y0 = max(0, int(left - pad)), max(0, int(top - pad))
        x1, y1 = min(self.size, int(right + pad) + 1), min(self.size, int(bottom + pad) + 1)
        if x1 <= x0 or y1 <= y0:
            return
        small = Image.new("L", (max(1, (x1 - x0) // 4), max(1, (y1 - y0) // 4)), 0)
        ImageDraw.Draw(small).ellipse(
            ((left - x0) / 4, (top - y0) / 4, (right - x0) / 4, (bottom - y0) / 4), fill=opacity
        )
        small = small.filter(ImageFilter.GaussianBlur(max(0.5, self.u(blur) / 4)))
        mask = small.resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR)
        self.image.paste(colour, (x0, y0, x1, y1), mask)

    def shadow(self, box, *, blur: float = 2.2, opacity: int = 120) -> None:
        """A soft elliptic shadow on the table under ``box`` (in per cent)."""
        self.soft(box, (30, 22, 14), blur=blur, opacity=opacity)

    def glow(
        self, box, *, colour: RGB = (255, 255, 255), blur: float = 0.8, opacity: int = 170
    ) -> None:
        """A soft highlight (an ellipse of light) over ``box`` (in per cent)."""
        self.soft(box, colour, blur=blur, opacity=opacity)

    def sphere(
        self, box_px, base: RGB, *, light=(0.34, 0.3), shine: float = 0.55, dark: float = 0.6
    ) -> None:
        """A lit ball in the pixel box ``box_px``: radial shading and a specular spot."""
        left, top, right, bottom = (round(v) for v in box_px)
        w, h = max(right - left, 2), max(bottom - top, 2)
        fill = _radial(
            (w, h), _lighter(base, shine * 0.5), _darker(base, dark), focus=light, reach=0.75
        )
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).ellipse((0, 0, w - 1, h - 1), fill=255)
        self.image.paste(fill, (left, top), mask)
        spot = Image.new("L", (w, h), 0)
        sx, sy = light[0] * w, light[1] * h
        ImageDraw.Draw(spot).ellipse(
            (sx - w * 0.12, sy - h * 0.09, sx + w * 0.1, sy + h * 0.08), fill=round(255 * shine)
        )
        spot = (
            spot.reduce(2)
            .filter(ImageFilter.GaussianBlur(max(1, w / 36)))
            .resize((w, h), Image.Resampling.BILINEAR)
        )
        self.image.paste(_lighter(base, 0.85), (left, top), spot)

    def body(
        self, points_pct, base: RGB, *, light: float = 0.32, shine: float = 0.5, dark: float = 0.55
    ) -> tuple[int, int, int, int]:
        """An upright body (a polygon, in per cent) with cylinder shading; returns its pixel
        bounds."""
        points = [(self.u(x), self.u(y)) for x, y in points_pct]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        left, top, right, bottom = int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1
        mask = Image.new("L", (right - left, bottom - top), 0)
        ImageDraw.Draw(mask).polygon([(x - left, y - top) for x, y in points], fill=255)
        fill = _cylinder(mask.size, base, light=light, shine=shine, dark=dark)
        self.image.paste(fill, (left, top), mask)
        return left, top, right, bottom

    def ellipse_shaded(self, box_pct, top: RGB, bottom: RGB) -> None:
        """An ellipse (in per cent) filled with a vertical gradient from ``top`` to
        ``bottom``."""
        left, top_, right, bottom_ = (round(v) for v in self.box(*box_pct))
        w, h = max(right - left, 2), max(bottom_ - top_, 2)
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).ellipse((0, 0, w - 1, h - 1), fill=255)
        self.image.paste(_vertical((w, h), top, bottom), (left, top_), mask)


# -- backgrounds ------------------------------------------------------------------------------

#: Studio walls and tables: (wall top, wall bottom, table near, table far).
STUDIOS: tuple[tuple[RGB, RGB, RGB, RGB], ...] = (
    ((250, 244, 232), (236, 222, 198), (186, 140, 96), (214, 176, 130)),  # cream wall, wood
    ((240, 246, 238), (214, 228, 210), (168, 128, 90), (205, 170, 128)),  # sage wall, wood
    ((248, 240, 236), (232, 214, 204), (220, 214, 200), (240, 236, 226)),  # blush, linen
    ((238, 242, 246), (212, 220, 228), (150, 112, 80), (190, 150, 110)),  # cool, walnut
)


def studio(c: Canvas, *, horizon: float = 64) -> None:
    """A wall in a soft gradient with a glow behind the object, and a table in perspective."""
    wall_top, wall_bottom, near, far = c.rng.choice(STUDIOS)
    s = c.size
    h = round(c.u(horizon))
    c.image.paste(
        _radial((s, h), _lighter(wall_top, 0.5), wall_bottom, focus=(0.45, 0.55), reach=0.8), (0, 0)
    )
    c.image.paste(_vertical((s, s - h), far, near), (0, h))
    # the table's edge catches the light
    c.draw.rectangle((0, h, s, h + max(2, s // 200)), fill=_lighter(far, 0.35))
    if far[0] < 225:  # a wooden table: a few soft grain lines
        for _ in range(7):
            y = c.rng.uniform(h + c.u(3), s)
            c.draw.line(
                (0, y, s, y + c.rng.uniform(-c.u(2), c.u(2))),
                fill=_darker(near, 0.08),
                width=max(1, s // 300),
            )


def outdoors(c: Canvas, *, horizon: float = 58, hills: RGB = (96, 140, 72)) -> None:
    """Sky, two ranges of hills fading into haze, and a field in front."""
    s = c.size
    sky_top = c.rng.choice([(120, 170, 220), (140, 185, 225), (250, 196, 150)])
    c.image.paste(_vertical((s, s), sky_top, (236, 240, 236)), (0, 0))
    sun_x = c.rng.uniform(62, 84)
    c.glow((sun_x - 14, 4, sun_x + 14, 32), colour=(255, 246, 214), blur=5, opacity=220)
    c.draw.ellipse(c.box(sun_x - 4.5, 13.5, sun_x + 4.5, 22.5), fill=(255, 250, 232))
    for depth, (lift, haze) in enumerate(((18, 0.62), (8, 0.35))):
        base = horizon - lift
        points = [(0, s)]
        phase = c.rng.uniform(0, math.tau)
        for step in range(0, 41):
            x = step / 40
            y = base - 9 * math.sin(x * math.pi * (1.4 + depth) + phase) ** 2 - 4 * x * depth
            points.append((x * s, c.u(y)))
        points.append((s, s))
        colour = _mix(hills, (214, 226, 226), haze)
        c.draw.polygon(points, fill=colour)
    field = round(c.u(horizon))
    c.image.paste(
        _vertical((s, s - field), _lighter(hills, 0.15), _darker(hills, 0.25)), (0, field)
    )


# -- the kinds --------------------------------------------------------------------------------

#: Fruits drawn as a cluster: name word → (skin colour, size factor, count range, bumpy).
FRUITS = {
    " vu sua ": ((112, 52, 92), 1.5, (4, 6), False),
    " buoi ": ((196, 200, 70), 2.4, (2, 3), False),
    " na ": ((140, 176, 92), 1.6, (4, 6), True),
}
LYCHEE_REDS = ((196, 40, 52), (176, 34, 44), (210, 64, 60), (168, 48, 60))


def draw_lychee(c: Canvas, title: str) -> None:
    """A mound of round fruit (lychee by default: red, bumpy, on twigs, with leaves)."""
    studio(c)
    folded = _fold(title)
    skin, scale, counts, bumpy = next(
        (spec for word, spec in FRUITS.items() if word in folded),
        (c.rng.choice(LYCHEE_REDS), 1.0, (16, 24), True),
    )
    dried = " say " in folded
    if dried:
        skin = _mix(skin, (120, 70, 40), 0.55)
    c.shadow((14, 70, 88, 86))
    radius = c.rng.uniform(6.2, 7.2) * scale
    fruits = []
    for _ in range(c.rng.randint(*counts)):
        for _attempt in range(12):
            x = c.rng.gauss(50, 13 + 2 * scale)
            y = c.rng.uniform(44, 72) + (radius - 6) * 0.6
            if all(math.hypot(x - fx, y - fy) > radius * 1.05 for fx, fy, _r in fruits):
                break
        fruits.append((x, y, radius * c.rng.uniform(0.88, 1.08)))
    fruits.sort(key=lambda f: f[1])
    twig = (96, 70, 40)
    top = (50 + c.rng.uniform(-6, 6), 26)
    if not dried and scale == 1.0:
        for x, y, _r in fruits[: len(fruits) // 2 + 2]:
            c.draw.line(
                (c.u(top[0]), c.u(top[1]), c.u(x), c.u(y)), fill=twig, width=max(2, round(c.u(0.5)))
            )
        for side in (-1, 1):
            leaf_tip = (top[0] + side * c.rng.uniform(16, 24), top[1] - c.rng.uniform(2, 10))
            _leaf(c, top, leaf_tip, (62, 120, 52), width=c.rng.uniform(5, 7))
    for x, y, r in fruits:
        box = (c.u(x - r), c.u(y - r), c.u(x + r), c.u(y + r))
        c.sphere(
            box,
            _mix(skin, c.rng.choice(LYCHEE_REDS + ((200, 90, 60),)), 0.15)
            if scale == 1.0
            else skin,
        )
        if bumpy:
            for _ in range(22):
                a, d = c.rng.uniform(0, math.tau), r * math.sqrt(c.rng.random()) * 0.85
                px, py = c.u(x + d * math.cos(a)), c.u(y + d * math.sin(a))
                dot = c.u(0.35) * (1 - d / r * 0.5)
                c.draw.ellipse((px - dot, py - dot, px + dot, py + dot), fill=_darker(skin, 0.28))
        if scale > 2:
            _leaf(c, (x, y - r * 0.8), (x + r * 0.9, y - r * 1.5), (70, 130, 60), width=4)


def _leaf(c: Canvas, base, tip, colour: RGB, *, width: float = 6) -> None:
    """A pointed leaf from ``base`` to ``tip`` (per cent), lighter on its upper half."""
    bx, by = base
    tx, ty = tip
    length = math.hypot(tx - bx, ty - by) or 1
    nx, ny = -(ty - by) / length, (tx - bx) / length
    upper, lower = [], []
    for step in range(13):
        t = step / 12
        bulge = math.sin(math.pi * t) ** 0.8 * width / 2
        x, y = bx + (tx - bx) * t, by + (ty - by) * t
        upper.append((c.u(x + nx * bulge), c.u(y + ny * bulge)))
        lower.append((c.u(x - nx * bulge), c.u(y - ny * bulge)))
    c.draw.polygon(upper + lower[::-1], fill=colour)
    c.draw.polygon(upper + [(c.u(x), c.u(y)) for x, y in (tip, base)], fill=_lighter(colour, 0.18))
    c.draw.line(
        (c.u(bx), c.u(by), c.u(tx), c.u(ty)),
        fill=_darker(colour, 0.3),
        width=max(1, round(c.u(0.3))),
    )


#: Noodle colours: word → strand colour.
NOODLE_COLOURS = {
    " gao lut ": (168, 120, 84),
    " rau cu ": (120, 160, 84),
    " mien ": (200, 184, 170),
    " banh da ": (214, 196, 150),
}


def draw_noodles(c: Canvas, title: str) -> None:
    """Two or three bundles of dried noodles tied with a band, lying across the table."""
    studio(c, horizon=58)
    folded = _fold(title)
    strand = next(
        (col for word, col in NOODLE_COLOURS.items() if word in folded),
        c.rng.choice([(236, 222, 180), (240, 230, 196), (230, 212, 164)]),
    )
    band = c.rng.choice([(178, 34, 34), (30, 110, 60), (200, 140, 30)])
    count = c.rng.randint(2, 3)
    for i in range(count):
        cy = 50 + (i - (count - 1) / 2) * 13 + c.rng.uniform(-2, 2)
        cx = 50 + c.rng.uniform(-5, 5)
        length, thick = c.rng.uniform(60, 72), c.rng.uniform(11, 14)
        angle = c.rng.uniform(-12, 12)
        c.shadow(
            (cx - length / 2, cy + thick * 0.2, cx + length / 2, cy + thick * 0.95),
            blur=1.6,
            opacity=110,
        )
        layer = Image.new("RGB", (round(c.u(length)), round(c.u(thick))), strand)
        ld = ImageDraw.Draw(layer)
        lw, lh = layer.size
        shade = _vertical((lw, lh), _lighter(strand, 0.35), _darker(strand, 0.35))
        layer.paste(shade)
        for _ in range(90):
            y = c.rng.uniform(0, lh)
            tone = c.rng.choice([_lighter(strand, 0.45), _darker(strand, 0.2), strand])
            ld.line(
                (0, y, lw, y + c.rng.uniform(-lh * 0.06, lh * 0.06)),
                fill=tone,
                width=max(1, round(c.u(0.22))),
            )
        bx = lw * c.rng.uniform(0.42, 0.58)
        ld.rectangle((bx - lw * 0.08, 0, bx + lw * 0.08, lh), fill=band)
        ld.rectangle((bx - lw * 0.08, 0, bx + lw * 0.08, lh * 0.3), fill=_lighter(band, 0.25))
        ld.rectangle((bx - lw * 0.05, lh * 0.3, bx + lw * 0.05, lh * 0.7), fill=(250, 244, 226))
        mask = Image.new("L", layer.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, lw - 1, lh - 1), radius=lh * 0.35, fill=255)
        layer = layer.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        c.paste(layer, mask, (c.u(cx) - layer.width / 2, c.u(cy) - layer.height / 2))


def draw_rice(c: Canvas, title: str) -> None:
    """A jute sack, tied at the neck, with a printed label, and a heap of grain in front."""
    studio(c, horizon=60)
    folded = _fold(title)
    grain = (238, 232, 214)
    if " lac " in folded:
        grain = (170, 92, 64)
    elif " nep cai " in folded or " hoa vang " in folded:
        grain = (244, 236, 206)
    elif " tinh bot " in folded or " nghe " in folded:
        grain = (232, 160, 40)
    jute = c.rng.choice([(196, 164, 116), (184, 150, 104), (206, 178, 128)])
    c.shadow((18, 76, 84, 90))
    w = c.rng.uniform(40, 46)
    left, right = 50 - w / 2, 50 + w / 2
    outline = [
        (left + 3, 30),
        (left - 2, 50),
        (left, 82),
        (right, 82),
        (right + 2, 50),
        (right - 3, 30),
        (56, 26),
        (52, 22),
        (48, 22),
        (44, 26),
    ]
    x0, y0, x1, y1 = c.body(outline, jute, light=0.35, shine=0.25, dark=0.5)
    # burlap weave, kept inside the sack by its own outline as a mask
    weave = Image.new("L", (x1 - x0, y1 - y0), 0)
    wd = ImageDraw.Draw(weave)
    for y in range(0, y1 - y0, max(3, c.size // 160)):
        wd.line((0, y, x1 - x0, y), fill=70, width=1)
    inside = Image.new("L", weave.size, 0)
    ImageDraw.Draw(inside).polygon([(c.u(x) - x0, c.u(y) - y0) for x, y in outline], fill=255)
    c.image.paste(_darker(jute, 0.4), (x0, y0), ImageChops.multiply(weave, inside))
    c.draw.ellipse(c.box(44, 24, 56, 30), fill=_darker(jute, 0.35))
    c.draw.line(c.box(43, 28, 57, 28), fill=(120, 60, 30), width=max(2, round(c.u(0.9))))
    # the label
    label = c.box(left + 7, 44, right - 7, 64)
    c.draw.rounded_rectangle(label, radius=c.u(1.5), fill=(250, 246, 234))
    stripe = c.rng.choice([(170, 30, 40), (30, 110, 60), (30, 70, 140)])
    c.draw.rectangle((label[0], label[1] + c.u(2), label[2], label[1] + c.u(5)), fill=stripe)
    for k in range(3):
        y = label[1] + c.u(9 + k * 3)
        c.draw.line(
            (label[0] + c.u(3), y, label[2] - c.u(3 + 4 * k), y),
            fill=_mix(stripe, (255, 255, 255), 0.35),
            width=max(2, round(c.u(0.7))),
        )
    # the heap of grain, with grains drawn on its lit side
    c.ellipse_shaded((22, 74, 62, 92), _lighter(grain, 0.2), _darker(grain, 0.25))
    for _ in range(260):
        gx, gy = c.rng.gauss(42, 7), c.rng.uniform(75, 91)
        if ((gx - 42) / 20) ** 2 + ((gy - 83) / 9) ** 2 > 1:
            continue
        r = c.u(0.55)
        tone = _lighter(grain, 0.3) if gy < 82 else _darker(grain, 0.12)
        c.draw.ellipse((c.u(gx) - r * 1.5, c.u(gy) - r, c.u(gx) + r * 1.5, c.u(gy) + r), fill=tone)


def draw_chicken(c: Canvas, title: str) -> None:
    """A hill chicken standing on grass before the hills (eggs in front for eggs)."""
    outdoors(c, horizon=62)
    folded = _fold(title)
    feathers = c.rng.choice([(176, 92, 40), (150, 70, 30), (196, 120, 56)])
    tail = c.rng.choice([(30, 60, 40), (40, 40, 36), (50, 70, 30)])
    cx, cy = 50 + c.rng.uniform(-4, 4), 60
    c.shadow((cx - 22, cy + 16, cx + 24, cy + 24), opacity=110)
    for k in range(6):  # tail feathers, arching up behind
        a = math.radians(200 + k * 14)
        tip = (cx - 14 + 22 * math.cos(a) * 0.9, cy - 8 + 24 * math.sin(a))
        c.draw.polygon(
            [c.box(cx - 12, cy - 2), c.box(*tip), c.box(cx - 6, cy - 6)],
            fill=_mix(tail, (20, 90, 70), k / 8),
        )
    for leg in (-5, 4):  # legs
        c.draw.line(
            c.box(cx + leg, cy + 8, cx + leg - 1, cy + 20),
            fill=(214, 170, 60),
            width=max(2, round(c.u(1.1))),
        )
        c.draw.line(
            c.box(cx + leg - 1, cy + 20, cx + leg + 3, cy + 21),
            fill=(214, 170, 60),
            width=max(2, round(c.u(0.8))),
        )
    c.sphere(
        c.box(cx - 18, cy - 12, cx + 14, cy + 14), feathers, light=(0.45, 0.28), shine=0.4, dark=0.5
    )
    # wing
    c.sphere(c.box(cx - 10, cy - 4, cx + 8, cy + 8), _darker(feathers, 0.2), shine=0.3)
    # neck and head
    c.body(
        [(cx + 4, cy - 6), (cx + 8, cy - 20), (cx + 14, cy - 22), (cx + 14, cy - 4)],
        _lighter(feathers, 0.15),
        light=0.5,
        shine=0.3,
    )
    c.sphere(c.box(cx + 6, cy - 28, cx + 17, cy - 17), _lighter(feathers, 0.1), shine=0.35)
    for k in range(4):  # comb
        c.draw.ellipse(
            c.box(
                cx + 6 + k * 2.4, cy - 31 + abs(k - 1.5), cx + 9.5 + k * 2.4, cy - 27 + abs(k - 1.5)
            ),
            fill=(204, 30, 36),
        )
    c.draw.ellipse(c.box(cx + 13, cy - 19, cx + 16, cy - 14), fill=(196, 30, 36))  # wattle
    c.draw.polygon(
        [c.box(cx + 16.5, cy - 24), c.box(cx + 21, cy - 22), c.box(cx + 16.5, cy - 20)],
        fill=(226, 176, 60),
    )
    c.draw.ellipse(c.box(cx + 12.5, cy - 25, cx + 14.5, cy - 23), fill=(20, 20, 20))
    if " trung " in folded:
        for k in range(c.rng.randint(4, 6)):
            ex = 18 + k * 11 + c.rng.uniform(-2, 2)
            c.shadow((ex - 4, 89, ex + 5, 94), blur=0.8)
            c.sphere(c.box(ex - 4, 80, ex + 4, 92), (226, 196, 160), shine=0.6, dark=0.4)
    for _ in range(70):  # grass blades in front
        gx, gy = c.rng.uniform(0, 100), c.rng.uniform(84, 100)
        c.draw.line(
            c.box(gx, gy, gx + c.rng.uniform(-1.5, 1.5), gy - c.rng.uniform(3, 7)),
            fill=c.rng.choice([(70, 120, 50), (96, 150, 64), (60, 100, 44)]),
            width=max(1, round(c.u(0.35))),
        )


def draw_tea(c: Canvas, title: str) -> None:
    """A cup of tea on a saucer with loose leaves (or dried roots and slices) beside it."""
    studio(c, horizon=56)
    folded = _fold(title)
    liquor = (150, 120, 30)
    if " hong tra " in folded or " linh chi " in folded or " ba kich " in folded:
        liquor = (150, 60, 30)
    elif " hoa vang " in folded:
        liquor = (200, 160, 40)
    elif " dong trung " in folded:
        liquor = (200, 120, 40)
    cup = c.rng.choice([(244, 242, 236), (226, 236, 230), (236, 226, 210)])
    cx = 58 + c.rng.uniform(-4, 4)
    c.shadow((cx - 28, 78, cx + 28, 92))
    c.ellipse_shaded((cx - 26, 74, cx + 26, 88), _lighter(cup, 0.3), _darker(cup, 0.2))
    c.body(
        [(cx - 17, 58), (cx + 17, 58), (cx + 13, 80), (cx - 13, 80)],
        cup,
        light=0.3,
        shine=0.4,
        dark=0.3,
    )
    c.draw.ellipse(
        c.box(cx + 14, 62, cx + 24, 74), outline=_darker(cup, 0.25), width=max(2, round(c.u(1.4)))
    )
    c.ellipse_shaded((cx - 17, 54, cx + 17, 62), _darker(cup, 0.1), cup)
    c.ellipse_shaded((cx - 15, 55, cx + 15, 61), _lighter(liquor, 0.25), _darker(liquor, 0.2))
    c.glow((cx - 9, 56, cx + 2, 58), opacity=110, blur=0.5)
    leaf = c.rng.choice([(70, 110, 50), (60, 96, 44), (90, 120, 60)])
    if " linh chi " in folded or " ba kich " in folded or " dong trung " in folded:
        leaf = (140, 70, 40)
    for _ in range(c.rng.randint(9, 14)):  # loose leaves on the table
        bx, by = c.rng.uniform(10, 38), c.rng.uniform(70, 94)
        a = c.rng.uniform(0, math.tau)
        length = c.rng.uniform(6, 10)
        _leaf(
            c,
            (bx, by),
            (bx + length * math.cos(a), by + length * 0.5 * math.sin(a)),
            _mix(leaf, (40, 60, 30), c.rng.random() * 0.4),
            width=c.rng.uniform(2.5, 4),
        )
    for _ in range(3):  # steam
        sx = cx + c.rng.uniform(-8, 8)
        c.glow((sx - 2, 34, sx + 2, 52), opacity=60, blur=1.5)


def draw_honey(c: Canvas, title: str) -> None:
    """A glass jar of honey (or jam, sauce, pickles) with a cloth-covered lid and a label."""
    studio(c)
    folded = _fold(title)
    fill = c.rng.choice([(214, 140, 20), (200, 120, 16), (226, 160, 40)])
    if " mut " in folded:
        fill = (190, 50, 60)
    elif " tuong " in folded:
        fill = (200, 40, 24)
    elif " dua chuot " in folded:
        fill = (120, 150, 60)
    elif " cha " in folded or " gio " in folded or " keo " in folded:
        fill = (224, 200, 160)
    cloth = c.rng.choice([(196, 40, 40), (40, 90, 160), (60, 130, 70)])
    w = c.rng.uniform(34, 40)
    left, right = 50 - w / 2, 50 + w / 2
    c.shadow((left - 6, 78, right + 10, 90))
    c.body(
        [(left, 34), (right, 34), (right + 2, 40), (right + 2, 80), (left - 2, 80), (left - 2, 40)],
        fill,
        light=0.3,
        shine=0.45,
        dark=0.45,
    )
    c.glow((left + 2, 40, left + 6, 76), opacity=120, blur=0.6)  # glass reflection
    c.ellipse_shaded((left - 2, 77, right + 2, 83), _darker(fill, 0.2), _darker(fill, 0.4))
    # lid with a cloth tied over it
    c.body(
        [(left - 6, 24), (right + 6, 24), (right + 3, 36), (left - 3, 36)],
        cloth,
        light=0.35,
        shine=0.3,
    )
    c.draw.line(
        c.box(left - 1, 33, right + 1, 33), fill=(236, 210, 140), width=max(2, round(c.u(0.9)))
    )
    for k in range(8):  # a check on the cloth
        x = left - 4 + k * (w + 8) / 8
        c.draw.line(c.box(x, 24.5, x + 1, 35.5), fill=_lighter(cloth, 0.35), width=1)
    label = c.box(left + 3, 48, right - 3, 68)
    c.draw.rounded_rectangle(label, radius=c.u(1.2), fill=(250, 244, 228))
    c.draw.rounded_rectangle(
        label, radius=c.u(1.2), outline=_darker(fill, 0.3), width=max(2, round(c.u(0.5)))
    )
    cxl, cyl = (label[0] + label[2]) / 2, (label[1] + label[3]) / 2
    r = c.u(4.5)
    hexagon = [
        (cxl + r * math.cos(math.pi / 3 * k), cyl + r * math.sin(math.pi / 3 * k)) for k in range(6)
    ]
    c.draw.polygon(hexagon, fill=_lighter(fill, 0.1), outline=_darker(fill, 0.35))
    if " mat ong " in folded:  # a piece of comb beside the jar
        r = 3.2
        for row in range(2):
            for col in range(3 - row):
                hx = right + 9 + col * r * 1.75 + row * r * 0.87
                hy = 84 - row * r * 1.5
                cell = [
                    c.box(
                        hx + r * math.cos(math.pi / 3 * k + math.pi / 6),
                        hy + r * math.sin(math.pi / 3 * k + math.pi / 6),
                    )
                    for k in range(6)
                ]
                c.draw.polygon(cell, fill=_lighter(fill, 0.15), outline=_darker(fill, 0.3))


#: Bottles: word → (glass colour, liquid colour, height factor).
BOTTLES = {
    " nuoc ep ": ((236, 226, 220), (236, 170, 170), 0.9),
    " nep cam ": ((60, 20, 40), (90, 20, 60), 1.0),
    " ngam mo ": ((226, 226, 214), (220, 170, 60), 1.0),
    " lang van ": ((232, 234, 230), (236, 232, 214), 1.0),
    " vang ": ((50, 20, 30), (110, 20, 40), 1.05),
    " tinh dau ": ((120, 70, 30), (200, 140, 40), 0.62),
    " dau goi ": ((60, 90, 60), (80, 120, 60), 0.75),
}


def draw_wine(c: Canvas, title: str) -> None:
    """A bottle (wine, rice spirit, juice, oil) with a label and a glass of it beside."""
    studio(c)
    folded = _fold(title)
    glass, liquid, tall = next(
        (spec for word, spec in BOTTLES.items() if word in folded),
        ((40, 70, 40), (150, 30, 40), 1.0),
    )
    clear = sum(glass) > 600
    body_colour = _mix(glass, liquid, 0.75) if clear else glass
    cx = 42 + c.rng.uniform(-3, 3)
    w = c.rng.uniform(19, 23)
    top = 88 - 66 * tall
    shoulder = top + 20 * tall
    c.shadow((cx - w / 2 - 4, 82, cx + w / 2 + 16, 92))
    c.body(
        [
            (cx - 3.2, top),
            (cx + 3.2, top),
            (cx + 3.5, shoulder - 6),
            (cx + w / 2, shoulder + 2),
            (cx + w / 2, 88),
            (cx - w / 2, 88),
            (cx - w / 2, shoulder + 2),
            (cx - 3.5, shoulder - 6),
        ],
        body_colour,
        light=0.3,
        shine=0.55,
        dark=0.55,
    )
    c.body(
        [(cx - 3.6, top - 5), (cx + 3.6, top - 5), (cx + 3.6, top + 3), (cx - 3.6, top + 3)],
        c.rng.choice([(150, 30, 40), (200, 170, 80), (40, 40, 40)]),
        light=0.35,
    )
    label_colour = c.rng.choice([(246, 238, 216), (236, 226, 200), (250, 246, 240)])
    ly = shoulder + 12
    c.draw.rectangle(c.box(cx - w / 2, ly, cx + w / 2, ly + 18 * tall), fill=label_colour)
    c.draw.rectangle(c.box(cx - w / 2, ly + 2, cx + w / 2, ly + 4), fill=(170, 130, 50))
    c.draw.rectangle(
        c.box(cx - w / 2, ly + 18 * tall - 4, cx + w / 2, ly + 18 * tall - 2), fill=(170, 130, 50)
    )
    c.glow((cx - w / 2 + 2, shoulder + 3, cx - w / 2 + 4.5, ly - 1), opacity=140, blur=0.4)
    # a small glass beside it
    gx = cx + w / 2 + 14
    c.body(
        [(gx - 7, 66), (gx + 7, 66), (gx + 6, 88), (gx - 6, 88)],
        (232, 236, 236),
        light=0.3,
        shine=0.5,
        dark=0.2,
    )
    c.body(
        [(gx - 6.6, 74), (gx + 6.6, 74), (gx + 6, 87), (gx - 6, 87)],
        liquid,
        light=0.3,
        shine=0.3,
        dark=0.4,
    )
    c.ellipse_shaded((gx - 6.6, 72.8, gx + 6.6, 75.2), _lighter(liquid, 0.3), liquid)


def draw_pottery(c: Canvas, title: str) -> None:
    """A glazed stoneware vase (Thổ Hà brown by default), shaded as a turned body, and a cup."""
    studio(c)
    folded = _fold(title)
    glaze = c.rng.choice([(120, 70, 40), (96, 58, 36), (140, 84, 50), (110, 60, 44)])
    if " men " in folded or c.rng.random() < 0.2:  # now and then a celadon glaze
        glaze = (90, 120, 100)
    w = c.rng.uniform(0.9, 1.1)
    cx = 44 + c.rng.uniform(-3, 3)
    # a turned profile: half-width (per cent) down the height, smoothed between the points
    points = [(0, 7), (0.05, 5.6), (0.12, 7.5), (0.32, 16), (0.52, 19), (0.78, 15.5), (1, 10)]
    profile = []
    for (t0, r0), (t1, r1) in zip(points, points[1:], strict=False):
        for step in range(6):
            f = step / 6
            ease = (1 - math.cos(math.pi * f)) / 2
            profile.append((t0 + (t1 - t0) * f, r0 + (r1 - r0) * ease))
    profile.append(points[-1])
    top, height = 22, 64
    left = [(cx - r * w, top + t * height) for t, r in profile]
    right = [(cx + r * w, top + t * height) for t, r in profile]
    c.shadow((cx - 22, 80, cx + 26, 92))
    c.body(left + right[::-1], glaze, light=0.34, shine=0.5, dark=0.6)
    for k in range(3):  # turned rings
        y = top + height * (0.55 + k * 0.12)
        r = 18 - k * 2
        c.draw.arc(
            c.box(cx - r * w, y - 1.5, cx + r * w, y + 1.5),
            0,
            180,
            fill=_darker(glaze, 0.25),
            width=max(1, round(c.u(0.35))),
        )
    c.ellipse_shaded(
        (cx - 7 * w, top - 1.2, cx + 7 * w, top + 1.5), _darker(glaze, 0.6), _darker(glaze, 0.3)
    )
    for _ in range(5):  # glaze drips
        x = cx + c.rng.uniform(-12, 12) * w
        c.draw.line(
            c.box(x, top + 10, x + c.rng.uniform(-1, 1), top + c.rng.uniform(18, 30)),
            fill=_lighter(glaze, 0.2),
            width=max(1, round(c.u(0.5))),
        )
    if " am " in folded or " chen " in folded or c.rng.random() < 0.6:
        gx = cx + 30
        c.shadow((gx - 9, 84, gx + 9, 90), blur=1)
        c.body([(gx - 8, 74), (gx + 8, 74), (gx + 5, 88), (gx - 5, 88)], glaze, light=0.3)
        c.ellipse_shaded((gx - 8, 72.5, gx + 8, 75.5), _darker(glaze, 0.5), _darker(glaze, 0.2))


def _basket(c: Canvas, *, cx: float, top: float, bottom: float, width: float, cane: RGB) -> None:
    """A woven basket (shaded bowl, weave of alternating strips, a rolled rim)."""
    half = width / 2
    points = [
        (cx - half, top),
        (cx + half, top),
        (cx + half * 0.8, bottom - 3),
        (cx + half * 0.6, bottom),
        (cx - half * 0.6, bottom),
        (cx - half * 0.8, bottom - 3),
    ]
    x0, y0, x1, y1 = c.body(points, cane, light=0.35, shine=0.3, dark=0.5)
    mask = Image.new("L", c.image.size, 0)
    ImageDraw.Draw(mask).polygon([c.box(x, y) for x, y in points], fill=255)
    weave = Image.new("L", c.image.size, 0)
    wd = ImageDraw.Draw(weave)
    step = c.u(2.4)
    rows = int((y1 - y0) / step) + 1
    cols = int((x1 - x0) / step) + 1
    for row in range(rows):
        for col in range(cols):
            if (row + col) % 2:
                x, y = x0 + col * step, y0 + row * step
                wd.rectangle((x, y, x + step * 0.9, y + step * 0.45), fill=90)
    weave.paste(0, (0, 0), Image.eval(mask, lambda v: 255 - v))
    c.image.paste(_darker(cane, 0.45), (0, 0), weave)
    c.ellipse_shaded(
        (cx - half - 1, top - 2.5, cx + half + 1, top + 2.5),
        _lighter(cane, 0.2),
        _darker(cane, 0.25),
    )


def draw_bamboo(c: Canvas, title: str) -> None:
    """Woven rattan and bamboo ware: a basket (and a flat tray behind, for trays)."""
    studio(c)
    folded = _fold(title)
    cane = c.rng.choice([(206, 164, 100), (190, 146, 86), (216, 180, 120)])
    c.shadow((16, 78, 86, 92))
    if " khay " in folded or c.rng.random() < 0.4:
        c.ellipse_shaded((10, 48, 74, 68), _lighter(cane, 0.15), _darker(cane, 0.3))
        for k in range(14):
            a = math.pi * k / 14
            c.draw.line(
                c.box(42, 58, 42 + 30 * math.cos(a), 58 - 9 * math.sin(a)),
                fill=_darker(cane, 0.3),
                width=max(1, round(c.u(0.3))),
            )
    _basket(
        c, cx=56 + c.rng.uniform(-4, 4), top=52, bottom=86, width=c.rng.uniform(42, 50), cane=cane
    )


def draw_wood(c: Canvas, title: str) -> None:
    """A lacquered wooden box with grain and a lid, lit from the upper left."""
    studio(c)
    wood = c.rng.choice([(130, 74, 40), (110, 60, 34), (150, 92, 50)])
    c.shadow((16, 76, 88, 92))
    c.body([(18, 50), (72, 50), (72, 84), (18, 84)], wood, light=0.3, shine=0.3, dark=0.4)
    c.draw.polygon(
        [c.box(18, 50), c.box(30, 40), c.box(84, 40), c.box(72, 50)], fill=_lighter(wood, 0.2)
    )
    c.draw.polygon(
        [c.box(72, 50), c.box(84, 40), c.box(84, 74), c.box(72, 84)], fill=_darker(wood, 0.3)
    )
    for k in range(9):  # grain on the front
        y = 53 + k * 3.5
        c.draw.arc(
            c.box(14 + k * 2, y - 2, 76 - k, y + 2),
            10,
            170,
            fill=_darker(wood, 0.18),
            width=max(1, round(c.u(0.3))),
        )
    c.draw.line(c.box(18, 58, 72, 58), fill=_darker(wood, 0.45), width=max(2, round(c.u(0.6))))
    c.draw.rectangle(c.box(42, 59, 48, 62), fill=(200, 170, 90))


def draw_village(c: Canvas, title: str) -> None:
    """A village in the hills: terraced fields, stilt houses with tiled roofs, trees."""
    outdoors(c, horizon=56, hills=c.rng.choice([(80, 130, 70), (96, 140, 80)]))
    greens = [(126, 170, 70), (104, 156, 60), (150, 180, 80), (90, 140, 56)]
    for k in range(6):  # terraces, curved bands
        y = 60 + k * 7
        colour = _mix(c.rng.choice(greens), (220, 200, 90), c.rng.random() * 0.3)
        c.draw.chord(c.box(-30 + k * 4, y - 6, 130 - k * 3, y + 12), 180, 360, fill=colour)
        c.draw.arc(
            c.box(-30 + k * 4, y - 6, 130 - k * 3, y + 12),
            180,
            360,
            fill=_lighter(colour, 0.3),
            width=max(1, round(c.u(0.4))),
        )
    for k in range(c.rng.randint(2, 3)):  # stilt houses
        hx = 20 + k * 28 + c.rng.uniform(-4, 4)
        hy = 54 + c.rng.uniform(-3, 3)
        scale = 1 - k * 0.12
        wall = (176, 132, 84)
        for post in (-9, -3, 3, 9):
            c.draw.line(
                c.box(hx + post * scale, hy, hx + post * scale, hy + 8 * scale),
                fill=(90, 60, 36),
                width=max(2, round(c.u(0.6))),
            )
        c.body(
            [
                (hx - 10 * scale, hy - 9 * scale),
                (hx + 10 * scale, hy - 9 * scale),
                (hx + 10 * scale, hy),
                (hx - 10 * scale, hy),
            ],
            wall,
            light=0.25,
            shine=0.2,
        )
        roof = c.rng.choice([(150, 70, 50), (120, 90, 60), (96, 70, 56)])
        c.draw.polygon(
            [
                c.box(hx - 14 * scale, hy - 8 * scale),
                c.box(hx - 6 * scale, hy - 19 * scale),
                c.box(hx + 6 * scale, hy - 19 * scale),
                c.box(hx + 14 * scale, hy - 8 * scale),
            ],
            fill=roof,
        )
        c.draw.polygon(
            [
                c.box(hx - 6 * scale, hy - 19 * scale),
                c.box(hx + 6 * scale, hy - 19 * scale),
                c.box(hx + 1 * scale, hy - 12 * scale),
            ],
            fill=_lighter(roof, 0.25),
        )
        c.draw.rectangle(
            c.box(hx - 2 * scale, hy - 6 * scale, hx + 2 * scale, hy), fill=(70, 46, 30)
        )
    for _ in range(c.rng.randint(4, 7)):  # trees
        tx, ty = c.rng.uniform(0, 100), c.rng.uniform(50, 62)
        r = c.rng.uniform(3, 6)
        c.draw.line(
            c.box(tx, ty, tx, ty + r * 1.5), fill=(80, 56, 34), width=max(2, round(c.u(0.7)))
        )
        c.sphere(
            c.box(tx - r, ty - r * 1.6, tx + r, ty + r * 0.2),
            c.rng.choice(greens),
            shine=0.3,
            dark=0.5,
        )


def draw_textile(c: Canvas, title: str) -> None:
    """A stack of folded brocade cloth: coloured bands with a diamond pattern and fringes."""
    studio(c, horizon=50)
    palettes = [
        ((40, 50, 110), (200, 40, 50), (240, 200, 80)),
        ((150, 30, 40), (30, 40, 90), (240, 220, 180)),
        ((30, 80, 90), (220, 120, 40), (250, 240, 220)),
    ]
    count = c.rng.randint(2, 4)
    c.shadow((10, 80, 90, 94))
    for k in range(count):
        base, accent, light = c.rng.choice(palettes)
        y = 82 - (k + 1) * 12
        left, right = 14 + k * 3 + c.rng.uniform(-2, 2), 86 - k * 3 + c.rng.uniform(-2, 2)
        c.body(
            [(left, y), (right, y), (right + 1, y + 11), (left - 1, y + 11)],
            base,
            light=0.35,
            shine=0.15,
            dark=0.35,
        )
        band = y + 4
        c.draw.rectangle(c.box(left, band, right, band + 3.5), fill=accent)
        step = 3.5
        x = left + 1
        while x < right - step:
            c.draw.polygon(
                [
                    c.box(x, band + 1.75),
                    c.box(x + step / 2, band),
                    c.box(x + step, band + 1.75),
                    c.box(x + step / 2, band + 3.5),
                ],
                fill=light,
            )
            x += step
        c.draw.line(
            c.box(left, y + 0.3, right, y + 0.3),
            fill=_lighter(base, 0.35),
            width=max(1, round(c.u(0.5))),
        )
        for fx in range(int(left), int(right), 2):
            c.draw.line(c.box(fx, y + 11, fx, y + 13), fill=light, width=1)


#: Produce in a basket: word → (colour, shape: "round" or "long").
PRODUCE = {
    " nam ": ((214, 196, 170), "round"),
    " moc nhi ": ((70, 46, 36), "round"),
    " mang ": ((206, 176, 110), "long"),
    " rau ": ((80, 150, 60), "round"),
    " dua chuot ": ((70, 130, 50), "long"),
    " ot ": ((210, 30, 30), "long"),
    " thit ": ((200, 110, 100), "round"),
    " ca ": ((120, 130, 140), "long"),
}


def draw_produce(c: Canvas, title: str) -> None:
    """A basket heaped with produce (mushrooms, shoots, vegetables, chillies…)."""
    studio(c)
    folded = _fold(title)
    colour, shape = next(
        (spec for word, spec in PRODUCE.items() if word in folded),
        (c.rng.choice([(120, 160, 70), (200, 150, 60), (170, 90, 60)]), "round"),
    )
    cx = 50 + c.rng.uniform(-3, 3)
    c.shadow((cx - 30, 80, cx + 30, 92))
    items = []
    for _ in range(c.rng.randint(10, 16)):
        items.append((c.rng.gauss(cx, 10), c.rng.uniform(44, 58)))
    items.sort(key=lambda p: p[1])
    for x, y in items:
        tone = _mix(colour, (255, 255, 255), c.rng.uniform(-0.1, 0.15)) if True else colour
        tone = tuple(max(0, min(255, v)) for v in tone)
        if shape == "long":
            c.sphere(c.box(x - 9, y - 2.5, x + 9, y + 2.5), tone, shine=0.4)
        else:
            r = c.rng.uniform(4, 6)
            c.sphere(c.box(x - r, y - r * 0.8, x + r, y + r * 0.8), tone, shine=0.45)
    _basket(
        c, cx=cx, top=56, bottom=86, width=56, cane=c.rng.choice([(200, 160, 96), (186, 146, 86)])
    )


DRAWERS: dict[str, Callable[[Canvas, str], None]] = {
    "lychee": draw_lychee,
    "noodles": draw_noodles,
    "rice": draw_rice,
    "chicken": draw_chicken,
    "tea": draw_tea,
    "honey": draw_honey,
    "wine": draw_wine,
    "pottery": draw_pottery,
    "bamboo": draw_bamboo,
    "wood": draw_wood,
    "village": draw_village,
    "textile": draw_textile,
    "produce": draw_produce,
}


def render(kind: str, *, title: str = "", seed: str = "", size: int = 800) -> Image.Image:
    """The picture of ``kind`` for a product (``title`` picks variants such as the fruit or the
    liquid), varied by ``seed``, ``size`` pixels square."""
    digest = hashlib.sha256(f"{kind}|{seed or title}".encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    canvas = Canvas(size * SCALE, rng)
    DRAWERS.get(kind, draw_produce)(canvas, title)
    picture = canvas.image.reduce(SCALE)
    if kind in MIRRORED and rng.random() < 0.5:
        # a hen facing the other way, a valley seen from the other side: more variety
        picture = picture.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    # a faint vignette draws the eye to the middle, as a photograph's lens does
    shade = _radial((size, size), (255, 255, 255), (214, 214, 214), reach=0.75)
    return Image.composite(picture, Image.new("RGB", picture.size), shade.convert("L")).convert(
        "RGB"
    )


def picture_bytes(kind: str, *, title: str = "", seed: str = "", size: int = 800) -> bytes:
    """:func:`render` as JPEG bytes (the same arguments always give the same bytes)."""
    buffer = io.BytesIO()
    render(kind, title=title, seed=seed, size=size).save(
        buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True
    )
    return buffer.getvalue()
