"""Merged fields of an event cluster: one documented rule per field (also in docs/dedup.md).

* sub_event_type: a territory change (non-state actor overtakes / government regains) when any member
  reports one, since ACLED codes a capture, not the fighting that led to it; otherwise the sub-event type
  told by the most stories (wire copies of one story count once); ties go to the earliest report.
  event_type and disorder_type come with it.
* event_date / time_precision: the most precise date (lowest time_precision); among those, the day told
  by the most stories, then the earliest report's.
* place: the most specific place (deepest in the P-code hierarchy). Members of a cluster are pairwise
  nested (a township and a village tract inside it), so the deepest one is consistent with all others;
  ties: most stories, then earliest. All place columns (admin1-3, coordinates, geo_precision) come with it.
* actors: from the member naming the most (both sides, then a non-state armed group), ties earliest;
  associated actors are the union of what members on the same side name.
* fatalities (and injured, displaced, arrested by the same rule): the BEST-SUPPORTED figure, the one
  told by the most stories (wire copies of one story count once), never a sum of reports; between
  equally supported figures ACLED's conservative choice, the lowest. Zero means "no figure", not
  "nobody died". A report that explicitly updates a toll ("the death toll rose to 14", "revised",
  "correction") supersedes that: then the toll of the latest such update counts (the lowest if several
  are reported on that latest day), whether higher or lower. `fatalities_rule` names the rule and the
  member event that set the figure; `fatalities_sources` lists every figure with the outlets that told it
  ("10: AP, Myanmar Now; 11: The Irrawaddy"), so an analyst sees what the choice was made from.
* notes: the first report's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from tasks.dedup.clustering import Cluster
from tasks.dedup.events import Mention

TERRITORY_SUBS = ("Non-state actor overtakes territory", "Government regains territory")
UPDATE_CUE = re.compile(
    r"\btoll\b[^.]{0,40}?\b(?:rose|risen|rises|climbed|increased|reached|jumped|now stands|stood)\b|"
    r"\b(?:raising|bringing|pushing|taking) the (?:death )?toll\b|\b(?:rose|risen|climbed) to\b|"
    r"\brevised\b|\bcorrect(?:ed|ion)\b|\bupdated (?:toll|figure|count)\b",
    re.IGNORECASE)
PLACE_COLUMNS = ("place_id", "location", "country_iso", "admin1", "admin1_pcode", "admin2", "admin2_pcode",
                 "admin3", "admin3_pcode", "latitude", "longitude", "geo_precision")
ACTOR_COLUMNS = ("actor1", "actor1_id", "inter1", "actor2", "actor2_id", "inter2", "interaction", "civilian_targeting")


def _story_votes(members: Sequence[Mention], key: Callable[[Mention], Any], stories: dict[str, str]) -> Counter:
    """How many distinct stories tell each value of `key`."""
    seen: dict[Any, set[str]] = {}
    for m in members:
        seen.setdefault(key(m), set()).add(stories.get(m.article_id, m.article_id))
    return Counter({value: len(s) for value, s in seen.items()})


def _pick(members: Sequence[Mention], key: Callable[[Mention], Any], stories: dict[str, str]) -> Mention:
    """The earliest member holding the value of `key` told by the most stories."""
    votes = _story_votes(members, key, stories)
    return min(members, key=lambda m: (-votes[key(m)], m.order))


def merged_type(members: Sequence[Mention], stories: dict[str, str]) -> Mention:
    territory = [m for m in members if m.row["sub_event_type"] in TERRITORY_SUBS]
    return _pick(territory or members, lambda m: m.row["sub_event_type"], stories)


def merged_date(members: Sequence[Mention], stories: dict[str, str]) -> Mention:
    best = min(m.row["time_precision"] for m in members)
    return _pick([m for m in members if m.row["time_precision"] == best], lambda m: m.row["event_date"], stories)


def merged_place(members: Sequence[Mention], stories: dict[str, str]) -> Mention:
    deepest = max(m.depth for m in members)
    return _pick([m for m in members if m.depth == deepest], lambda m: m.path, stories)


def merged_actors(members: Sequence[Mention]) -> Mention:
    return min(members, key=lambda m: (-len(m.primary), -len(m.non_state), m.order))


def _assoc(members: Sequence[Mention], side: int, lead: str | None, exclude: set[str]) -> str | None:
    names: dict[str, None] = {}
    for m in members:
        if m.row.get(f"actor{side}") != lead:
            continue
        for name in (m.row.get(f"assoc_actor_{side}") or "").split(";"):
            if name.strip() and name.strip() not in exclude:
                names[name.strip()] = None
    return "; ".join(names) or None


def merged_count(members: Sequence[Mention], column: str,
                 stories: dict[str, str] | None = None) -> tuple[int | None, str]:
    """(figure, rule): the best-supported figure, the lowest among equals, unless a report updates it."""
    reported = [m for m in members if (m.row.get(column) or 0) > 0]
    if not reported:
        return (0 if column == "fatalities" else None), "none"
    updates = [m for m in reported if UPDATE_CUE.search(f"{m.row.get('sentence') or ''} {m.row.get('notes') or ''}")]
    if updates:
        latest_day = max(m.reported_at.date() for m in updates)
        chosen = min((m for m in updates if m.reported_at.date() == latest_day), key=lambda m: (m.row[column], m.order))
        return chosen.row[column], f"update:{chosen.event_id}"
    votes = _story_votes(reported, lambda m: m.row[column], stories or {})
    chosen = min(reported, key=lambda m: (-votes[m.row[column]], m.row[column], m.order))
    if votes[chosen.row[column]] > 1 and len(votes) > 1:
        return chosen.row[column], f"supported:{chosen.event_id}"
    return chosen.row[column], f"lowest:{chosen.event_id}"


def count_sources(members: Sequence[Mention], column: str, outlets: dict[str, str | None]) -> str | None:
    """Every figure reported for `column` with the outlets that told it, most supported first."""
    told: dict[int, set[str]] = {}
    for m in members:
        if (m.row.get(column) or 0) > 0:
            told.setdefault(m.row[column], set()).add(outlets.get(m.article_id) or "unknown outlet")
    ranked = sorted(told.items(), key=lambda item: (-len(item[1]), item[0]))
    return "; ".join(f"{figure}: {', '.join(sorted(names))}" for figure, names in ranked) or None


def merge_cluster(cluster: Cluster, stories: dict[str, str], outlets: dict[str, str | None],
                  method_version: str, now: datetime) -> dict[str, Any]:
    """The event_clusters row of one cluster."""
    members = sorted(cluster.members, key=lambda m: m.order)
    founder = members[0]
    kind, when, where, who = (merged_type(members, stories), merged_date(members, stories),
                              merged_place(members, stories), merged_actors(members))
    row: dict[str, Any] = {
        "cluster_id": cluster.cluster_id, "representative_event_id": founder.event_id,
        "event_type": kind.row["event_type"], "sub_event_type": kind.row["sub_event_type"],
        "disorder_type": kind.row.get("disorder_type"),
        "event_date": when.row["event_date"], "time_precision": when.row["time_precision"],
    }
    row |= {c: where.row.get(c) for c in PLACE_COLUMNS}
    row |= {c: who.row.get(c) for c in ACTOR_COLUMNS}
    if row["civilian_targeting"] is None:
        row["civilian_targeting"] = next((m.row["civilian_targeting"] for m in members if m.row.get("civilian_targeting")
                                          and m.row["event_type"] == row["event_type"]), None)
    leads = {row["actor1"], row["actor2"]} - {None}
    row["assoc_actor_1"] = _assoc(members, 1, row["actor1"], leads)
    row["assoc_actor_2"] = _assoc(members, 2, row["actor2"], leads)
    row["fatalities"], row["fatalities_rule"] = merged_count(members, "fatalities", stories)
    row["fatalities_sources"] = count_sources(members, "fatalities", outlets)
    for column in ("injured", "displaced", "arrested"):
        row[column] = merged_count(members, column, stories)[0]
    row["notes"] = founder.row.get("notes")
    articles = {m.article_id for m in members}
    row |= {
        "num_events": len(members), "num_articles": len(articles),
        "num_stories": len({stories.get(a, a) for a in articles}),
        "num_sources": len({outlets.get(a) for a in articles} - {None}),
        "first_reported_at": min(m.reported_at for m in members),
        "last_reported_at": max(m.reported_at for m in members),
        "method_version": method_version, "updated_at": now,
    }
    return row
