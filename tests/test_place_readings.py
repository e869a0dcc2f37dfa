"""A place mention is read once per article (tasks/extract/places.py's memo of readings): asked again, the same
places come back, each a new Location (agreement_place tells places apart by identity); another article, even
one with the same words, is read afresh."""

from __future__ import annotations

from datetime import date

from tasks.extract import places as place_rules
from tasks.extract.scan import build_scan

TEXT = ("Junta troops raided a village in Kani Township, Sagaing Region, on Monday, and shelled the road "
        "between Kalay and Tamu, residents said.")


def _count_reads(monkeypatch) -> list[int]:
    reads = [0]
    read = place_rules._read_mention

    def counted(*args):
        reads[0] += 1
        return read(*args)

    monkeypatch.setattr(place_rules, "_read_mention", counted)
    return reads


def test_a_mention_asked_again_is_not_read_again_and_gives_new_locations(knowledge, monkeypatch) -> None:
    reads = _count_reads(monkeypatch)
    scan = build_scan(knowledge, "", TEXT, date(2024, 3, 5))
    first = place_rules.locations_in(knowledge, scan.mentions, scan.text, scan.context)
    read_once = reads[0]
    again = place_rules.locations_in(knowledge, scan.mentions, scan.text, scan.context)
    assert first and again == first and reads[0] == read_once
    assert all(a is not b for a, b in zip(first, again))


def test_another_article_with_the_same_words_is_read_afresh(knowledge, monkeypatch) -> None:
    reads = _count_reads(monkeypatch)
    one = build_scan(knowledge, "", TEXT, date(2024, 3, 5))
    other = build_scan(knowledge, "", "".join(TEXT), date(2024, 3, 5))
    first = place_rules.locations_in(knowledge, one.mentions, one.text, one.context)
    read_once = reads[0]
    assert place_rules.locations_in(knowledge, other.mentions, other.text, other.context) == first
    assert reads[0] == 2 * read_once
