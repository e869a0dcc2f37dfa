"""The event a rule test reads: one invented text extracted, failing with the text when nothing came out.
English goes through tasks.extract, Burmese through tasks.lang's dispatcher (the article id only names the
events)."""

from __future__ import annotations

from datetime import date

from tasks.extract import extract_events
from tasks.lang import extract


def first_event(knowledge, text: str, published: date, title: str = ""):
    events = extract_events(knowledge, title, text, published)
    assert events, text
    return events[0]


def first_burmese_event(knowledge, text: str, published: date):
    events = extract(knowledge, "", text, published, "rule-test").events
    assert events, "no event extracted"
    return events[0]
