"""English behind the language interface: the extractor in tasks/extract, unchanged."""

from __future__ import annotations

from datetime import date

from tasks.extract.events import extract as _extract
from tasks.extract.sentences import split_sentences

code = "en"
__all__ = ["code", "extract", "split_sentences"]


def extract(knowledge, title: str, text: str, published: date, article_id: str | None = None):
    return _extract(knowledge, title, text, published, article_id)
