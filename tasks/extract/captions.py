"""Picture captions inside an article's text (issue 14, round 7).

Cleaners keep a photo's caption as a line of its own: "Burned houses in X village on Friday. / Local
group", "(Left) Soldiers detained during the clashes...", "... on Saturday (AP)", "... Photo: AFP", or a
caption line followed by a credit line ("Photo: KNDF"). A caption shows what the story tells (or an old
picture: "File photo", "KIA troops in 2014"); it is no report of its own, so it gives no event and lends
neither its date nor its place to the sentences after it. A leaf module: it reads text only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.word_gates import gated

# a credit closing the line: " / The Irrawaddy", "(AP)", "(Photo: ABN)", "Photo: EPA", "| Photo Credit: AFP"
_CREDIT_END = gated(re.compile(
    r"(?:\s/\s*[A-Z][\w'’&.,-]*(?:\s+[\w'’&.,-]+){0,5}"
    r"|\((?:AP|AFP|Reuters|EPA|EPA-EFE|Xinhua|Getty Images|Photo:[^)]{1,60}|Photo|File)\)"
    r"|\bPhoto(?:\s+Credit)?:\s*[^.\n]{1,60}(?:\.\s*CC[^\n]{0,30})?"
    r"|\|\s*Photo(?:\s+Credit)?:[^\n]{1,60})\s*$"))
# a caption's opening: "(Left)", "(Right)", "File photo:", "Photo:"
_CREDIT_START = re.compile(r"^\s*(?:\((?:Left|Right|Top|Above|Below|Centre|Center|Inset)\)|File photo\b|Photo:)", re.IGNORECASE)
# where people stand in the picture: "A protester (R) holds...", "a man (2nd from L)", "(centre)"
_POSITION = re.compile(r"\((?:L|R|C|left|right|cent(?:re|er)|front|back|\d(?:st|nd|rd|th)\s+(?:from\s+)?(?:L|R|left|right))\)")
# a wire photo's caption closes with where and when it was taken: "..., Yangon region, March 5, 2021." (a
# report says "on March 5, 2021")
_PLACE_DATE_END = re.compile(r"[A-Z][\w'’-]*,\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                            r"December)\s+\d{1,2},\s+(?:19|20)\d\d\.?\s*$")
# "| Photo Credit: AFP" on the next line: the line above it is the caption
_CREDIT_LINE = re.compile(r"^\s*\|\s*Photo(?:\s+Credit)?:", re.IGNORECASE)
# a caption is one short description; a lead paragraph that ends in a credit is still the story
CAPTION_WORDS = 32


def _line_at(text: str, pos: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi


def is_caption_at(text: str, pos: int) -> bool:
    """Is the line holding `pos` a picture caption?"""
    return _is_caption_line(text, *_line_at(text, pos))


# Every sentence of a paragraph asks about the same line: answered once (the article's text is one object, so a
# hit costs an identity test)
@lru_cache(maxsize=64)
def _is_caption_line(text: str, lo: int, hi: int) -> bool:
    line = text[lo:hi]
    if not line.strip():
        return False
    if _CREDIT_START.search(line) or _POSITION.search(line):
        return True
    if len(line.split()) >= 8 and _PLACE_DATE_END.search(line):
        return True
    if _repeated_caption(text, lo, line):
        return True
    credit = _CREDIT_END.search(line)
    if credit is not None:
        return len(line[:credit.start()].split()) <= CAPTION_WORDS
    following = text[hi + 1:hi + 200].split("\n", 1)[0]   # the very next line, no blank line between
    return bool(_CREDIT_LINE.match(following)) and len(line.split()) <= CAPTION_WORDS


def _repeated_caption(text: str, lo: int, line: str) -> bool:
    """Cleaners often keep a picture's text twice (its alt text, then its caption with the credit): a line
    told again word for word further down, where it is a caption, is that caption too."""
    body = line.strip()
    if len(body.split()) < 4:
        return False
    again = text.find(body, lo + len(line))
    return again >= 0 and is_caption_at(text, again)


# A list of links to other stories ("- Woman killed in shelling of X village", one headline a line): each
# line is another report's headline, so none tells this article's events. Key points of the story itself
# ("- The strike hit a hospital, killing 30.") end like sentences and stay.
_LINK_LINE = re.compile(r"^[ \t]*[-•▪–][ \t]+(?P<headline>[^\n]*?[^.!?”\"\s])[ \t]*$", re.MULTILINE)
LINK_RUN = 3
HEADLINE_WORDS = 20


def _headline_lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINK_LINE.finditer(text) if len(m.group("headline").split()) <= HEADLINE_WORDS]


def is_link_list_at(text: str, pos: int) -> bool:
    """Is `pos` on a line of a run of at least three headline-like bullet lines (blank lines between allowed)?"""
    return any(lo <= pos <= hi for lo, hi in _link_runs(text))


@lru_cache(maxsize=4)
def _link_runs(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of an article's link lists, found once per text: the extractor asks for every sentence."""
    runs, run = [], []
    for lo, hi in _headline_lines(text):
        if run and text[run[-1][1]:lo].strip():
            runs.append(run)
            run = []
        run.append((lo, hi))
    runs.append(run)
    return tuple((r[0][0], r[-1][1]) for r in runs if len(r) >= LINK_RUN)


_CUT_OFF = re.compile(r"[a-z,](?:\.\.\.|…)\s*$")


def is_cut_teaser_at(text: str, pos: int) -> bool:
    """Is the line holding `pos` cut off mid-sentence ("... were killed in a junta airstrike targeting the...")?
    Such a line is another story's teaser or the page's breadcrumb; the story's own event is told in full below."""
    lo, hi = _line_at(text, pos)
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return bool(_CUT_OFF.search(text, max(lo, hi - 4), hi))  # the line's end only: a line can be a whole page
