"""Event types in real headlines: the main event the extractor gives a UCDP headline against UCDP's type of violence.

Data: ../shared/data/ucdp-ged-myanmar/ (README there). A headline is scored when it was the source of exactly one
clear 2021 event (bench/eval_ucdp.py's set) and the extractor, given the headline alone with the event's date,
gives it an event. UCDP's type of violence and ACLED's event types cut the war differently, so the test is one
of consistency, not of equality: a state-based fight (type 1: government against an organised armed group) is
a battle or a remote attack (an air strike, a shelling, a mine); a non-state fight (type 2) one of those or an
attack on civilians; one-sided violence (type 3: an organised actor against civilians) an attack on
civilians, lethal force on a protest, or a remote attack (an air strike on a village). UCDP counts civilians
killed in a fight under the fight's type (`deaths_civilians`), so an attack on civilians is consistent with any
type where UCDP counts civilian dead. A strategic development (an arrest, an arson, a capture told of goods) is
consistent with none: UCDP codes only deadly violence.
Split: that of eval_ucdp. Tune on dev (`--misses`), report test.
  ucdp_types_<split>.headline_type_consistent   share of the scored headlines (target 0.95)
Measured first on 2026-12-06 with the code of that morning (113defe): dev 0.854, test 0.835.
Run: .venv/bin/python -m bench.eval_ucdp_types [--split dev] [--misses]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval_ucdp import clear_2021_events, headline_split, headlines  # noqa: E402
from bench.ucdp_figure import figure_main, figure_rows  # noqa: E402

TARGET = 0.95
_REMOTE = "Explosions/Remote violence"
CONSISTENT = {"1": {"Battles", _REMOTE}, "2": {"Battles", _REMOTE, "Violence against civilians"},
              "3": {"Violence against civilians", "Protests", _REMOTE}}


def scored_headlines(knowledge, split: str) -> list[tuple[str, dict, object]]:
    """(headline, its one event, the extractor's main event) for the headlines of `split` that give an event."""
    from tasks.lang import extract

    found = []
    for headline, events in headlines(clear_2021_events()).items():
        if len(events) != 1 or headline_split(events) != split:
            continue
        extracted = extract(knowledge, "", headline, date.fromisoformat(events[0]["date_start"][:10])).events
        if extracted:
            found.append((headline, events[0], extracted[0]))
    return found


def score(items: list[tuple[str, dict, object]], misses: list[str] | None = None) -> float:
    consistent = 0
    for headline, event, main in items:
        ok = main.event_type in CONSISTENT[event["type_of_violence"]] or (
            main.event_type == "Violence against civilians" and int(event["deaths_civilians"] or 0) > 0)
        consistent += ok
        if not ok and misses is not None:
            misses.append(f"{headline}  [UCDP type {event['type_of_violence']}: {event['side_a']} v {event['side_b']}; "
                          f"extracted {main.event_type} / {main.sub_event_type}: {main.actor1} v {main.actor2}]")
    return consistent / len(items) if items else 0.0


def measure(knowledge, split: str, misses: list[str] | None = None) -> tuple[float, int]:
    items = scored_headlines(knowledge, split)
    return score(items, misses), len(items)


def evaluate() -> list[tuple[str, object, object]]:
    return figure_rows("ucdp_types", "headline_type_consistent", TARGET, measure)


def main() -> int:
    return figure_main(__doc__, "ucdp_types", "headline_type_consistent", TARGET, measure)


if __name__ == "__main__":
    sys.exit(main())
