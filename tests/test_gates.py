"""Word gates (tasks/word_gates.py) never change a pattern's answer: every gated pattern of the extractor and
of the tagger's mention tests finds the same matches as its compiled pattern on the gold set's sentences and on the windows before and
after their words, including text where IGNORECASE folds a non-ASCII letter to an ASCII one."""

from __future__ import annotations

import importlib
import pkgutil
import re

import tasks.extract
import tasks.mention_context
from tasks.word_gates import GatedPattern, gated


def _gated_patterns() -> list[tuple[str, GatedPattern]]:
    found = {}
    for module in pkgutil.iter_modules(tasks.extract.__path__):
        loaded = importlib.import_module(f"tasks.extract.{module.name}")
        for name, value in vars(loaded).items():
            if isinstance(value, GatedPattern):
                found[id(value)] = (f"{module.name}.{name}", value)
    for name, value in vars(tasks.mention_context).items():
        if isinstance(value, GatedPattern):
            found[id(value)] = (f"mention_context.{name}", value)
    return sorted(found.values(), key=lambda item: item[0])


def _texts() -> tuple[list[str], list[str]]:
    from pathlib import Path

    import yaml

    from bench.eval_extraction import load_gold

    team = sorted(Path(__file__).parent.glob("data/*_events/*.yaml"))
    articles = [article["text"] for article in load_gold()] + [yaml.safe_load(f.read_text())["text"] for f in team]
    sentences, windows = [], []
    for article in articles:
        for line in (article or "").splitlines():
            sentences.append(line)
            for word in re.finditer(r"\b\w", line[:400]):
                windows += [line[max(0, word.start() - 40):word.start()], line[word.start():word.start() + 60]]
    folded = ["ſaid the ", "according to the KIA ", "the mılitary said", "Kachın rebels ", "İn the area "]
    return sentences + folded, windows[::3] + folded


def _spans(found) -> list[tuple[int, int]] | tuple[int, int] | None:
    if found is None or isinstance(found, re.Match):
        return found and found.span()
    return [m.span() for m in found]


def test_every_gated_pattern_finds_what_its_pattern_finds() -> None:
    sentences, windows = _texts()
    patterns = _gated_patterns()
    assert len(patterns) > 50 and len(sentences) > 400
    for name, pattern in patterns:
        for text in sentences:
            for method in ("search", "finditer"):
                got, want = getattr(pattern, method)(text, 3), getattr(pattern.compiled, method)(text, 3)
                assert _spans(got) == _spans(want), (name, method, text)
        for text in windows:
            for method in ("search", "match"):
                got, want = getattr(pattern, method)(text), getattr(pattern.compiled, method)(text)
                assert _spans(got) == _spans(want), (name, method, text)


def test_a_pattern_with_a_path_that_needs_no_word_gets_no_gate() -> None:
    for pattern in (r"\b(?:when|after)\b|[;:]", r"\d+\s+\w+", r"(?:killed)?"):
        try:
            gated(re.compile(pattern, re.IGNORECASE))
        except ValueError:
            continue
        raise AssertionError(pattern)


def test_openings_start_the_search_where_a_match_can_open() -> None:
    source = gated(re.compile(r"(?:^|\s)/\s+\w+\s+$|\b(?:ethnic\s+)?(?:Kachin|Karen)\s+rebels\b", re.IGNORECASE))
    # (re's parser factors "Kachin|Karen" into "Ka" and the rest: the opening is the common "ka")
    assert dict(source.openings) == {"/": 1, "ethnic": 0, "ka": 0}
    text = "Karen and ethnic Kachin rebels attacked / Htantabin "
    assert _spans(source.finditer(text)) == _spans(source.compiled.finditer(text)) == [(10, 30), (39, 52)]
