"""The rows extraction produces: ACLED-shaped events and background/aggregate figures."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date

EXTRACTOR_VERSION = "extract-2025.2"


@dataclass
class Event:
    article_id: str | None
    event_type: str
    sub_event_type: str
    disorder_type: str
    event_date: date
    time_precision: int
    date_text: str | None
    actor1: str | None = None
    actor1_id: str | None = None
    inter1: int | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    actor2_id: str | None = None
    inter2: int | None = None
    assoc_actor_2: str | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    place_id: str | None = None
    location: str | None = None
    country_iso: str | None = None
    admin1: str | None = None
    admin1_pcode: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None   # None: no number reported; 0 only when the text says nobody was killed
    injured: int | None = None
    displaced: int | None = None
    arrested: int | None = None
    figure_scope: str = "event"
    notes: str = ""
    sentence: str = ""
    start_char: int = 0
    end_char: int = 0
    rule: str = ""
    confidence: float = 0.0
    extractor_version: str = EXTRACTOR_VERSION
    knowledge_version: str | None = None
    event_id: str = field(default="")

    def signature(self) -> str:
        """What makes an event itself within its article: type, date, place and the two actors."""
        return "|".join(str(x) for x in (self.event_type, self.sub_event_type, self.event_date, self.place_id,
                                         self.actor1_id, self.actor2_id))

    def assign_id(self) -> None:
        raw = f"{self.article_id or ''}|{self.signature()}"
        self.event_id = hashlib.sha256(raw.encode()).hexdigest()[:32]

    def to_dict(self) -> dict:
        d = asdict(self)
        d["event_date"] = self.event_date.isoformat()
        return d


@dataclass
class Figure:
    article_id: str | None
    kind: str                    # killed | injured | displaced | arrested | abducted | surrendered
    value: int
    scope: str                   # event | cumulative | background
    area_place_id: str | None
    as_of_date: date
    sentence: str
    start_char: int
    end_char: int
    extractor_version: str = EXTRACTOR_VERSION
    figure_id: str = ""

    def assign_id(self) -> None:
        raw = f"{self.article_id or ''}|{self.kind}|{self.value}|{self.scope}|{self.start_char}"
        self.figure_id = hashlib.sha256(raw.encode()).hexdigest()[:32]

    def to_dict(self) -> dict:
        d = asdict(self)
        d["as_of_date"] = self.as_of_date.isoformat()
        return d


@dataclass
class ExtractionResult:
    events: list[Event]
    figures: list[Figure]
