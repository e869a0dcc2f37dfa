"""The matcher keeps the hits of recent article texts (the tag and extract stages scan each text twice):
a second scan must give the same hits, and what a caller does with its list must not reach the next one."""

from __future__ import annotations

from tasks.matcher import RECENT_MIN_CHARS, RECENT_TEXTS, Pattern, PatternMatcher

STORY = ("Soldiers shelled Kalay on Monday and clashes spread to nearby villages, residents said. "
         "Local fighters said they attacked a checkpoint outside Kalay the next morning. ") * 3


def _matcher() -> PatternMatcher:
    return PatternMatcher([Pattern("place", "kalay", "Kalay", needs_capital=True),
                           Pattern("trigger", "shelled", "shelled", inflects=True),
                           Pattern("trigger", "clash", "clash", inflects=True),
                           Pattern("trigger", "attack", "attack", inflects=True)])


def test_a_second_scan_of_a_long_text_gives_the_same_hits() -> None:
    matcher = _matcher()
    assert len(STORY) >= RECENT_MIN_CHARS
    first = matcher.scan(STORY)
    first_copy = list(first)
    first.clear()  # a caller's list is its own
    assert matcher.scan(STORY) == first_copy
    assert [STORY[h.start:h.end] for h in first_copy][:4] == ["shelled", "Kalay", "clashes", "attacked"]
    assert matcher.scan(STORY.replace("Monday", "Friday")) == first_copy  # same offsets, another text


def test_the_kept_texts_stay_bounded() -> None:
    matcher = _matcher()
    for n in range(RECENT_TEXTS + 50):
        matcher.scan(f"{n} {STORY}")
    assert len(matcher._recent) == RECENT_TEXTS
    assert [STORY[h.start - 2:h.end - 2] for h in matcher.scan(f"0 {STORY}")][:1] == ["shelled"]
