"""A candidate event: one sentence's trigger with its date, place, actors and counts, before candidates that
tell one event are merged (tasks/extract/merging.py) and finalised (finalize.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tasks.extract import places as place_rules
from tasks.extract.dates import ResolvedDate
from tasks.extract.numbers import Count
from tasks.extract.roles import Roles
from tasks.extract.sentences import Sentence
from tasks.extract.tolls import Toll
from tasks.extract.triggers import TriggerHit


@dataclass
class Candidate:
    sentences: list[Sentence]
    hit: TriggerHit
    event_type: str
    sub_event_type: str
    rule: str
    date: ResolvedDate | None
    report_date: ResolvedDate | None
    relative: tuple[int, str] | None            # (day offset from the previous event, text)
    location: place_rules.Location | None
    roles: Roles
    counts: list[Count] = field(default_factory=list)
    killed: int = 0
    injured: int = 0
    displaced: int = 0
    arrested: int = 0
    toll: Toll = field(default_factory=Toll)      # the death toll told (tasks.extract.tolls)
    anchored: bool = False                        # has its own date, place or named actors

    @property
    def first(self) -> Sentence:
        return self.sentences[0]
