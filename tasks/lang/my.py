"""Burmese behind the language interface: sentences at ။, Burmese numbers and dates, and the event
rules in tasks/lang/my_events.py (case particles for roles)."""

from __future__ import annotations

from datetime import date

from tasks.lang.my_text import split_sentences

code = "my"
__all__ = ["code", "extract", "split_sentences"]


def extract(knowledge, title: str, text: str, published: date, article_id: str | None = None):
    from tasks.lang.my_events import extract as _extract

    return _extract(knowledge, title, text, published, article_id)
