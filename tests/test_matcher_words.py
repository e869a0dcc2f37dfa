"""Latin-1 keys are found by a word automaton over the text with every non-letter made a space, Burmese keys
over the text itself, in the regions that can hold one: what either finds must be what one scan of the text
with the word-boundary, case and syllable tests after it finds."""

from __future__ import annotations

from tasks.matcher import Pattern, PatternMatcher


def _found(matcher: PatternMatcher, text: str) -> list[str]:
    return [text[start:end] for start, end, _ in matcher.spans(text)]


def _matcher() -> PatternMatcher:
    return PatternMatcher([
        Pattern("place", "pol", "Pyin Oo Lwin", needs_capital=True),
        Pattern("place", "le", "Le", needs_capital=True),
        Pattern("place", "aungmyay1", "Aung Myay (1)", needs_capital=True),
        Pattern("actor", "pdf", "PDF", case_sensitive=True),
        Pattern("trigger", "clash", "clash", inflects=True),
        Pattern("trigger", "shelling", "shelling", inflects=True),
        Pattern("actor", "junta", "စစ်ကောင်စီ"),
        Pattern("place", "mine", "မိုင်း"),
    ])


def test_latin_keys_start_and_end_words_only() -> None:
    matcher = _matcher()
    text = "People in Le said clashes and shelled roads near Pyin Oo Lwin, not Pyin-Oo-Lwin's people."
    assert _found(matcher, text) == ["Le", "clashes", "shelled", "Pyin Oo Lwin", "Pyin-Oo-Lwin"]
    # a key ending in a bracket still ends a word: a letter after it joins it to the next
    assert _found(matcher, "Pyin.Oo Lwin and Aung Myay (1) and Aung Myay (1)x") == ["Aung Myay (1)"]


def test_a_letter_outside_latin_1_is_no_word_boundary_and_a_mark_outside_it_is_one() -> None:
    matcher = _matcher()
    # a Burmese letter before "PDF" joins it to a word; a curly quote or a Burmese vowel sign does not
    assert _found(matcher, "ကPDF \u201cPDF\u201d PDFက \u102dPDF") == ["PDF", "PDF"]  # the quoted one, the one after the sign
    assert _found(matcher, "\u201cLe\u201d said \u201cclashes\u201d") == ["Le", "clashes"]


def test_burmese_keys_are_found_around_latin_text_and_on_syllable_boundaries() -> None:
    matcher = _matcher()
    text = "PDF said စစ်ကောင်စီ troops ... and later စစ်ကောင်စီ့တပ် near မိုင်း"
    assert _found(matcher, text) == ["PDF", "စစ်ကောင်စီ", "စစ်ကောင်စီ့", "မိုင်း"]
