"""Vietnamese text folding, used at index time and query time alike.

``fold("Mỳ Chũ")`` and ``fold("mi chu")`` give the same string: case, tone and vowel marks,
đ/Đ and composed/decomposed input are all folded; the i/y spelling variants (mì/mỳ, lí/lý,
kĩ/kỹ, quí/quý) fold to ``i``.
"""

from __future__ import annotations

import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"\w+", re.UNICODE)
# Syllables that Vietnamese writes with either i or y (after m, l, k, qu, h, t, s…): a final y
# after a consonant, alone, is folded to i. "my" and "mi" become one word; "yen" keeps its y.
_FINAL_Y = re.compile(r"\b(qu|[bcdghklmnpqrstvx]h?)y\b")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip Vietnamese marks so spelling variants compare equal."""
    if not text:
        return ""
    composed = unicodedata.normalize("NFC", text).translate(_D).lower()
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFKD", composed) if not unicodedata.combining(ch)
    )
    stripped = _FINAL_Y.sub(lambda m: m.group(1) + "i", stripped)
    return " ".join(_WORD.findall(stripped))


def tokens(text: str) -> list[str]:
    """The folded words of ``text``."""
    return fold(text).split()
