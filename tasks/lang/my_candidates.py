"""Burmese event candidates (a sentence's act with its date, place, roles and counts) and how the candidates of
an article merge into events: a sentence continues the previous event when it is near, of the same kind (or only
tells casualties) and agrees on date and township; an undated restatement joins the event of its sub-type."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from tasks.extract.dates import ResolvedDate
from tasks.extract.sentences import Sentence
from tasks.lang.my_acts import GENERIC_ATTACK, refines
from tasks.lang.my_roles import LEVEL_RANK, Roles
from tasks.lang.my_text import NUMBER
from tasks.lang.my_words import Words

SUBSTANTIAL = 40   # characters: shorter lines are bylines, datelines, menu words
SUB_ORDER = (  # the more specific act wins when a sentence names several ("bombed and clashed")
    "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Grenade", "Chemical weapon", "Non-state actor overtakes territory", "Government regains territory",
    "Sexual violence", "Looting/property destruction", "Abduction/forced disappearance", "Attack",
    "Excessive force against protesters", "Mob violence", "Violent demonstration", "Protest with intervention",
    "Non-violent transfer of territory", "Arrests", "Armed clash", "Agreement", "Peaceful protest",
    "Disrupted weapons use", "Change to group/activity", "Headquarters or base established", "Other",
)
PRIORITY = {sub: len(SUB_ORDER) - i for i, sub in enumerate(SUB_ORDER)}


@dataclass
class Hit:
    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    weight: float


@dataclass
class Candidate:
    sentences: list[Sentence]
    hit: Hit
    date: ResolvedDate | None
    place: object | None
    roles: Roles
    killed: int = 0
    injured: int = 0
    arrested: int = 0
    displaced: int = 0
    none_killed: bool = False
    casualty_only: bool = False
    civilians: bool = False
    marked: list = field(default_factory=list)
    passive: bool = False
    between: bool = False   # placed only by the ends of a road or the sides of a border
    died: bool = False      # a word of death, with or without a count
    report_date: ResolvedDate | None = None   # the day a statement was issued: the event's date only failing all else
    anaphoric: bool = False  # "အဆိုပါ တိုက်ခိုက်မှု" (the said attack): the act told before, not a new one

    @property
    def first(self) -> Sentence:
        return self.sentences[0]


def _township(place) -> str | None:
    return place.township_pcode or None if place is not None else None


def same_township(a: Candidate, b: Candidate) -> bool:
    ta, tb = _township(a.place), _township(b.place)
    return not (ta and tb and ta != tb)


def _compatible(a: Candidate, b: Candidate) -> bool:
    """May two candidates be one event: no two different dates, no two different townships."""
    if a.date and b.date and a.date.event_date != b.date.event_date:
        return False
    return same_township(a, b)


def _gap(sentences: list[Sentence], last: int, first: int) -> int:
    """Sentences of substance between two sentences: a byline, a dateline or "1 min read" between a
    headline and its lead does not part them."""
    return sum(1 for s in sentences[last + 1:first] if len(s.text.strip()) >= SUBSTANTIAL)


def merge_candidates(candidates: list[Candidate], sentences: list[Sentence]) -> list[Candidate]:
    events: list[Candidate] = []
    undated: list[Candidate] = []
    for cand in candidates:
        prev = _previous(events, cand, sentences)
        near = prev is not None and _gap(sentences, prev.sentences[-1].index, cand.first.index) <= 1
        weapon = prev is not None and refines(prev.hit, cand.hit)   # "attacked" (headline), "with a grenade" (lead)
        same_kind = prev is not None and (cand.casualty_only or cand.hit.event_type == prev.hit.event_type or weapon
                                          or cand.hit.weight < 0.7 or cand.hit.text in GENERIC_ATTACK)
        if near and same_kind and _compatible(prev, cand):
            prev.hit = cand.hit if weapon else prev.hit
            _absorb(prev, cand)
        elif cand.casualty_only or cand.anaphoric:
            if prev is not None and _compatible(prev, cand):
                _absorb(prev, cand)
        elif cand.date is None and events:
            undated.append(cand)
        else:
            events.append(cand)
    for cand in undated:
        same = [e for e in events if e.hit.sub_event_type == cand.hit.sub_event_type and _compatible(e, cand)]
        if same:
            _absorb(min(same, key=lambda e: abs(e.first.index - cand.first.index)), cand)
        else:
            events.append(cand)
    return sorted(events, key=lambda e: e.first.index)


def _previous(events: list[Candidate], cand: Candidate, sentences: list[Sentence]) -> Candidate | None:
    """The event a following sentence may continue: of the events told just before it (a headline and its
    lead, or a sentence telling two acts: "fought, and shelled the village"), the latest of the same kind
    as the new sentence, else the first act of the last sentence."""
    if not events:
        return None
    last = events[-1].sentences[-1].index
    group = [e for e in events if e.sentences[-1].index == last]
    if cand.first.index == last:   # a sentence's second act may continue the headline's act of its kind
        group = [e for e in events if _gap(sentences, e.sentences[-1].index, cand.first.index) <= 1]
    same = [e for e in group if e.hit.event_type == cand.hit.event_type]
    return same[-1] if same else next(e for e in events if e.sentences[-1].index == last)


def _absorb(prev: Candidate, cand: Candidate) -> None:
    if cand.first not in prev.sentences:  # a sentence's second act may join its first
        prev.sentences.append(cand.first)
    if not cand.casualty_only and PRIORITY.get(cand.hit.sub_event_type, 0) > PRIORITY.get(prev.hit.sub_event_type, 0) \
            and cand.hit.event_type == prev.hit.event_type:
        prev.hit = cand.hit
    prev.date = prev.date or cand.date
    if cand.place is not None and (prev.place is None or LEVEL_RANK.get(cand.place.level, 0) > LEVEL_RANK.get(prev.place.level, 0)
                                   and _township(prev.place) in (None, _township(cand.place))):
        prev.place, prev.between = cand.place, cand.between
    prev.roles.actor1 = prev.roles.actor1 or cand.roles.actor1
    if prev.roles.actor2 is None and cand.roles.actor2 != prev.roles.actor1:
        prev.roles.actor2 = cand.roles.actor2
    prev.roles.named += [a for a in cand.roles.named if a not in prev.roles.named]
    for kind in ("killed", "injured", "arrested", "displaced"):
        setattr(prev, kind, max(getattr(prev, kind), getattr(cand, kind)))
    prev.none_killed = prev.none_killed or cand.none_killed
    prev.civilians = prev.civilians or cand.civilians


@lru_cache(maxsize=4)
def _bombs_dropped_pattern(words: Words) -> re.Pattern[str]:
    return re.compile(rf"ဗုံး\s*(?:\(?\s*{NUMBER}\s*\)?|(?:{words.alternation('numeral')})+)\s*လုံး\s*(?:ကို\s*)?"
                      r"(?:ကြဲ|ကျဲ|ချ)(?![\u102b-\u103e\u1039\u103a])")


def bombs_dropped(words: Words, text: str, sentence: Sentence, hits: list[Hit]) -> list[Hit]:
    """"ဗုံး ၄ လုံး ကြဲချ" (dropped four bombs): the count between the bomb and the verb parts the lexicon's
    "ဗုံးကြဲ"; an air strike unless the sentence already tells one."""
    if any(h.sub_event_type == "Air/drone strike" for h in hits):
        return []
    return [Hit(m.start(), m.end(), "ဗုံးကြဲ", "Explosions/Remote violence", "Air/drone strike", 1.0)
            for m in _bombs_dropped_pattern(words).finditer(text, sentence.start, sentence.end)][:1]


# places listed and closed by the plural တို့ before "in" ("A၊ B နှင့် C မြို့နယ်တို့တွင်"): one statement for several places
_PLACE_LIST = re.compile(r"(?:\u104a|နှင့်|နဲ့)[^\u104a\u104b]{0,40}?တို့\s*(?:တွင်|မှာ|၌)")


def tallies_last(knowledge, text: str, mentions, starts, merged: list[Candidate], events: list[Event]) -> list[Event]:
    """Fighting told of a list of places at once ("ရှမ်းမြောက်နှင့် မိုးကုတ်မြို့တို့တွင် တိုက်ပွဲများ ဆက်ဖြစ်နေ",
    fighting goes on in northern Shan and Mogoke) sums up many events; the first act told of one place
    leads the article (a tally, not an event, as English reads "clashes in several townships")."""
    def tally(cand: Candidate) -> bool:
        sentence = cand.first
        if cand.hit.event_type != "Battles" or not _PLACE_LIST.search(text, sentence.start, sentence.end):
            return False
        local = mentions[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        places = {p.township_pcode or p.place_id for m in local if m.kind == "place"
                  for p in [knowledge.places.get(m.ref_ids[0])] if p is not None}
        return len(places) >= 2
    if len(events) < 2 or not tally(merged[0]):
        return events
    flags = [tally(c) for c in merged]
    if all(flags):
        return events
    return [e for e, f in zip(events, flags) if not f] + [e for e, f in zip(events, flags) if f]
