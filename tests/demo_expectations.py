"""The demo manifest's expected events against the events a run stored: field by field (issue 14).

Used by tests/test_demo_e2e.py on the database of a real `mmtrack demo` run. Expected events are written
in the coding guide's terms (seeds/demo/tools/demo_model.py); stored actor ids are turned into its short
names by bench/real_actors.py, the one table both evaluations use. Battles and agreements have no order.
"""

from __future__ import annotations

import re

from bench.real_actors import short_name
from tasks.extract.places import state_base

UNORDERED = ("Battles", "Strategic developments/Agreement")
FIELDS = ("event_type", "sub_event_type", "event_date", "time_precision", "admin1", "township", "actor1", "actor2",
          "fatalities")


def _township(name: str | None) -> str | None:
    return re.sub(r"[^a-z0-9]", "", (name or "").lower()) or None


def stored_values(row: dict, knowledge=None) -> dict:
    """A stored event row (events table) in the terms of an expected event."""
    return {"event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
            "event_date": str(row["event_date"]), "time_precision": row["time_precision"],
            "admin1": state_base(row["admin1"]) or None, "township": _township(row["admin3"]),
            "actor1": short_name(row["actor1_id"], knowledge), "actor2": short_name(row["actor2_id"], knowledge),
            "fatalities": row["fatalities"]}


def expected_values(event: dict) -> dict:
    return {**event, "admin1": state_base(event["admin1"]) or None, "township": _township(event["township"])}


def differences(expected: dict, stored: dict) -> list[str]:
    """The fields that differ, as 'field: expected X, stored Y'."""
    unordered = expected["event_type"] == "Battles" or expected["sub_event_type"] == "Agreement"
    out = []
    for name in FIELDS:
        want, got = expected[name], stored[name]
        if name in ("actor1", "actor2") and unordered:
            if {expected["actor1"], expected["actor2"]} == {stored["actor1"], stored["actor2"]}:
                continue
        if want != got:
            out.append(f"{name}: expected {want!r}, stored {got!r}")
    return out


def closest(expected: dict, stored: list[dict]) -> tuple[dict | None, list[str]]:
    """The stored event most like the expected one, and how it differs."""
    if not stored:
        return None, ["no event stored"]
    best = min(stored, key=lambda s: len(differences(expected, s)))
    return best, differences(expected, best)


def check_article(expected_events: list[dict], reports_no_event: bool, stored_rows: list[dict], knowledge=None) -> list[str]:
    """Problems for one article: each expected event must be stored exactly; 'none' means nothing stored."""
    stored = [stored_values(r, knowledge) for r in stored_rows]
    if reports_no_event:
        return [f"expected no event, stored {len(stored)}: {[(s['event_type'], s['event_date']) for s in stored]}"] if stored else []
    problems = []
    for i, event in enumerate(expected_events):
        _best, diff = closest(expected_values(event), stored)
        problems += [f"{'main' if i == 0 else f'event {i + 1}'}: {d}" for d in diff]
    return problems
