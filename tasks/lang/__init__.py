"""One module per language behind one interface (DESIGN decision 10).

Each language module offers `code`, `split_sentences(text)` and `extract(knowledge, title, text,
published, article_id)` returning the same ExtractionResult (ACLED vocabulary, canonical actors,
P-codes, offsets into the stored text). Stages never branch on language beyond choosing the module:
`detect_language` tells which language a text is in (by script share; a feed's declared language is
only a prior for texts too short or too mixed to tell), and `extract` dispatches on it.
"""

from __future__ import annotations

from datetime import date
from importlib import import_module
from types import ModuleType

from tasks.lang.my_words import burmese_share, is_burmese

LANGUAGES = ("en", "my")
# A Burmese article quotes English names and abbreviations (PDF, KIA, the outlet's name); an English
# one may quote a Burmese word. Share of Burmese characters among Burmese + Latin letters:
BURMESE_AT_LEAST = 0.5
ENGLISH_AT_MOST = 0.15
MIN_LETTERS = 20     # fewer letters than this and the prior (the feed's language) decides
SAMPLE_CHARS = 1500  # the opening of the text tells its language (and costs tagging almost nothing)
# A news report tells its events in its opening; the longest real reports run to about 60,000 characters.
# A page that cleans to megabytes (a live blog, an archive dump, a transcript) would hold the rules for
# minutes, since their cost grows faster than the text, so only its opening is tagged and extracted. The
# stored text stays whole, and evidence offsets, being into its prefix, stay true.
ANALYSED_CHARS = 100_000


def analysed_text(text: str | None) -> str:
    """The part of a text the tagger and the extractor read."""
    return (text or "")[:ANALYSED_CHARS]


def analysed_in_part(text: str | None) -> bool:
    """Is the text too long to be read whole (only `analysed_text` of it is)?"""
    return len(text or "") > ANALYSED_CHARS


def detect_language(text: str | None, title: str | None = None, prior: str | None = None) -> str | None:
    """'my' or 'en' by script share of title + text; `prior` (the feed's language) for short or mixed texts."""
    sample = f"{title or ''}\n{(text or '')[:SAMPLE_CHARS]}"
    prior = _primary(prior)
    burmese, latin = burmese_share(sample)
    letters = burmese + latin
    if letters < MIN_LETTERS:
        return prior if prior in LANGUAGES else (None if letters == 0 else ("my" if burmese >= latin else "en"))
    share = burmese / letters
    if share >= BURMESE_AT_LEAST:
        return "my"
    if share <= ENGLISH_AT_MOST:
        return "en"
    return prior if prior in LANGUAGES else ("my" if burmese >= latin else "en")


def _primary(tag: str | None) -> str | None:
    """'my-MM' -> 'my', 'en_US' -> 'en', 'bur'/'mya' -> 'my'."""
    if not tag:
        return None
    primary = tag.strip().lower().replace("_", "-").split("-")[0]
    return {"bur": "my", "mya": "my", "eng": "en"}.get(primary, primary)


def module_for(language: str | None) -> ModuleType:
    """The language's module (English for anything unknown: it is the one that reads Latin script)."""
    return import_module(f"tasks.lang.{language if language in LANGUAGES else 'en'}")


def own_script_triggers(mentions: list, language: str | None) -> list:
    """A Burmese text's triggers are its Burmese words: an English word it quotes ("March" in a date,
    "attack" in a group's English name) is not a report of an act."""
    if language != "my":
        return mentions
    return [m for m in mentions if m.kind != "trigger" or is_burmese(m.text)]


def extract(knowledge, title: str, text: str, published: date, article_id: str | None = None,
            language: str | None = None):
    """Events and figures of one article, by the module of its (given or detected) language."""
    text = analysed_text(text)
    language = language or detect_language(text, title)
    return module_for(language).extract(knowledge, title, text, published, article_id)


def extract_events(knowledge, title: str, text: str, published: date, article_id: str | None = None,
                   language: str | None = None):
    return extract(knowledge, title, text, published, article_id, language).events
