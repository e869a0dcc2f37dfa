"""Quoted speech in an article's sentences: a witness's words retell the event the reporter tells, so a
trigger inside a quotation gives no event of its own (issue 14). A leaf module: it reads text only.
"""

from __future__ import annotations

import re

_QUOTATION = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


def quoted(text: str, lo: int, hi: int, pos: int) -> bool:
    """Is `pos` inside a quotation of speech (six words or more)? A witness's words retell the event the
    reporter tells; a short scare quote ('a "silent strike"') is the reporter's own words. A sentence that
    closes a quotation opened in an earlier one ('... when we shelled them,” said a fighter') is speech up
    to the closing mark."""
    for m in _QUOTATION.finditer(text, lo, hi):
        if m.start() < pos < m.end():
            return len(m.group(0).split()) >= 6
    close = text.find("”", lo, hi)
    return 0 <= close and pos < close and "“" not in text[lo:close] and _opened_before(text, lo)


def _opened_before(text: str, lo: int) -> bool:
    """Is a curly quotation still open where this sentence starts (within its paragraph)?"""
    start = text.rfind("\n", 0, lo) + 1
    before = text[start:lo]
    return before.count("“") > before.count("”")
