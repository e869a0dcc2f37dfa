"""Case-blind patterns scanned over the lowered text (tasks/case_blind.py) find what their compiled patterns find,
groups and all, on the gold set's sentences, including text where IGNORECASE folds a non-ASCII letter to an ASCII
one; a pattern the lowered text could fool keeps its case-blind scan."""

from __future__ import annotations

import importlib
import pkgutil
import re

import tasks.extract
from tasks.case_blind import CaseBlindPattern, case_blind, lowered_text
from tests.test_gates import _texts


def _found(found) -> list:
    if found is None or isinstance(found, re.Match):
        found = [found] if found else []
    return [(m.span(), m.groups(), m.group(0)) for m in found]


def _case_blind_patterns() -> list[CaseBlindPattern]:
    """Every case-blind pattern of the extractor's modules, held alone or in a module's table of patterns."""
    found = {}
    for module in pkgutil.iter_modules(tasks.extract.__path__):
        for value in vars(importlib.import_module(f"tasks.extract.{module.name}")).values():
            held = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else [value]
            for item in held:
                for pattern in item if isinstance(item, tuple) else [item]:
                    if isinstance(pattern, CaseBlindPattern):
                        found[id(pattern)] = pattern
    return list(found.values())


def test_every_case_blind_pattern_finds_what_its_pattern_finds() -> None:
    sentences, _windows = _texts()
    patterns = _case_blind_patterns()
    assert len([p for p in patterns if p.twin is not None]) > 15
    for pattern in patterns:
        for text in sentences:
            for pos in (0, 3):
                for method in ("search", "finditer"):
                    got, want = getattr(pattern, method)(text, pos), getattr(pattern.compiled, method)(text, pos)
                    assert _found(got) == _found(want), (pattern.pattern[:40], method, text)


def test_a_pattern_the_lowered_text_could_fool_keeps_its_case_blind_scan() -> None:
    for source in (r"\bU\s+\w+", r"[A-Z]\w+", r"(?-i:[A-Z])ed", r"(\w)\1", r"caf\u00c9"):
        assert case_blind(re.compile(source, re.IGNORECASE)).twin is None, source
    assert case_blind(re.compile(r"killed")).twin is None  # case-true already
    assert case_blind(re.compile(r"\b(?:killed|[a-z]+-year-old)[\u2019']s?\b", re.IGNORECASE)).twin is not None


def test_a_text_with_a_letter_folded_to_ascii_is_not_lowered() -> None:
    assert lowered_text("The KIA said") == "the kia said"
    for text in ("\u017faid the", "the m\u0131litary", "\u0130n the area", "\u212aIA"):
        assert lowered_text(text) is None
    pattern = case_blind(re.compile(r"\bsaid\b", re.IGNORECASE))
    assert _found(pattern.search("he \u017faid so")) == _found(pattern.compiled.search("he \u017faid so")) != []
