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


def to_unicode(text: str | None) -> str | None:
    """The text with its Zawgyi lines converted to Unicode Burmese (line by line: pages mix both)."""
    if not text or not _MYANMAR_SCRIPT.search(text):
        return text
    return "\n".join(_line_to_unicode(line) for line in text.split("\n"))
