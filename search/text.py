"""Vietnamese text folding, used at index time and query time by every backend.

``fold("Mỳ Chũ")`` and ``fold("mi chu")`` give the same string: case, tone and vowel marks (both
tone placements, hoà/hòa), đ/Đ, and composed (NFC) or decomposed (NFD) input are all folded; the
i/y spelling variants (mì/mỳ, lí/lý, kĩ/kỹ, quí/quý) fold to ``i``.

:func:`marked_tokens` keeps the marks, so that a result spelt exactly as typed can rank above one
that matches only after folding. Its tokens are plain ASCII (``vải`` → ``vx1ea3i``), so every
full-text engine tokenizes them as one word whatever its own Unicode handling.
"""

from __future__ import annotations

import re
import unicodedata

#: Longest query we look at; longer input is truncated, never refused.
MAX_QUERY_LENGTH = 200

_D = str.maketrans({"đ": "d", "Đ": "D"})
# Letters and digits only: the underscore that ``\w`` also matches is a separator here.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Syllables that Vietnamese writes with either i or y (after m, l, k, qu, h, t, s…): a final y
# after a consonant, alone, is folded to i. "my" and "mi" become one word; "yen" keeps its y.
_FINAL_Y = re.compile(r"\b(qu|[bcdghklmnpqrstvx]h?)y\b")


def clean_query(text: str | None) -> str:
    """``text`` composed (NFC), with control characters and extra spaces removed, at most
    :data:`MAX_QUERY_LENGTH` characters."""
    if not text:
        return ""
    composed = unicodedata.normalize("NFC", str(text))
    printable = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in composed)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def fold(text: str | None) -> str:
    """Lower-case ``text`` and strip Vietnamese marks so spelling variants compare equal."""
    if not text:
        return ""
    composed = unicodedata.normalize("NFC", text).translate(_D).lower()
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFKD", composed) if not unicodedata.combining(ch)
    )
    stripped = unicodedata.normalize("NFC", stripped)
    stripped = _FINAL_Y.sub(lambda m: m.group(1) + "i", stripped)
    return " ".join(_WORD.findall(stripped))


def tokens(text: str | None) -> list[str]:
    """The folded words of ``text``."""
    return fold(text).split()


def _encode(word: str) -> str:
    return "".join(ch if ch.isascii() else f"x{ord(ch):04x}" for ch in word)


def marked_tokens(text: str | None) -> list[str]:
    """The words of ``text`` that carry marks, lower-cased and composed, encoded as ASCII.

    Words without marks are left out: their exact form is their folded form.
    """
    if not text:
        return []
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return [_encode(word) for word in words if not word.isascii()]
