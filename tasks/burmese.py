"""Burmese text arrives in two encodings: Unicode, and Zawgyi, the font hack that most Burmese sites
used until 2019 and some still do. Gazetteer and actor names are Unicode, so matching and display need
Unicode: a line the detector is sure is Zawgyi is converted; anything else is left exactly as it came.
"""

from __future__ import annotations

import re
from functools import lru_cache

ZAWGYI_THRESHOLD = 0.95
_MYANMAR_SCRIPT = re.compile("[\u1000-\u109f\uaa60-\uaa7f]")


@lru_cache(maxsize=1)
def _detector():
    from myanmartools import ZawgyiDetector

    return ZawgyiDetector()


def _line_to_unicode(line: str) -> str:
    if not _MYANMAR_SCRIPT.search(line) or _detector().get_zawgyi_probability(line) < ZAWGYI_THRESHOLD:
        return line
    from myanmar.converter import convert

    return convert(line, "zawgyi", "unicode")


# Marks typed (or converted from Zawgyi) in an order other than Unicode's storage order: "ု ိ" for "ိ ု",
# "် ့" for "့ ်", "ံ ု" for "ု ံ". Same characters, swapped: the text keeps its length, so offsets hold.
_MARK_ORDER = {"\u102f\u102d": "\u102d\u102f", "\u103a\u1037": "\u1037\u103a", "\u1036\u102f": "\u102f\u1036"}
# (news sites write "့်" (dot below, asat) all but always; MIMU's names and some converters the reverse)
_MISORDERED = re.compile("|".join(_MARK_ORDER))


def normalize_order(text: str) -> str:
    """Burmese marks in Unicode's storage order (what the seeds' names and triggers are written in)."""
    if not any(pair in text for pair in _MARK_ORDER):  # most texts have none: a substring search is 5x faster
        return text
    return _MISORDERED.sub(lambda m: _MARK_ORDER[m.group(0)], text)


def to_unicode(text: str | None) -> str | None:
    """The text with its Zawgyi lines converted to Unicode Burmese (line by line: pages mix both) and
    its marks in storage order."""
    if not text or not _MYANMAR_SCRIPT.search(text):
        return text
    return normalize_order("\n".join(_line_to_unicode(line) for line in text.split("\n")))
