"""One spelling convention, the provincial decision's: the tone mark of *oa*, *oe*, *uy* on the
first vowel (*hóa*, *hủy*, *xóa*, *thủy*, *khỏe*, *tùy*), in code, templates, catalogues and the
stored order status. Migrations keep the history as written."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from marketplace.order import statuses

ROOT = Path(__file__).resolve().parents[2]
#: The other placement (on the second vowel) of the words the project writes.
OTHER_STYLE = re.compile(r"(?i)\b(ho|hu|xo|thu|kho|tu)[áỷẻỳ]\b|\b(hoá|huỷ|xoá|thuỷ|khoẻ|tuỳ)")


def _tracked_text_files() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [
        ROOT / n
        for n in names
        if n.endswith((".py", ".html", ".txt", ".md", ".po"))
        and "/migrations/" not in n
        and n != "tests/unit/test_spelling.py"
    ]


def test_the_cancelled_status_is_spelt_as_the_decision_spells_it():
    assert statuses.CANCELLED == "Đã hủy"


def test_no_file_writes_the_other_placement_of_the_tone_mark():
    found = []
    for path in _tracked_text_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if OTHER_STYLE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert not found, "\n".join(found[:20])
