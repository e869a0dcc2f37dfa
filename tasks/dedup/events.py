"""Event clustering: event mentions from different articles that tell the same real-world event.

Two mentions can be one event only when every test passes (each gives a score in (0, 1]; the pair's
score is the product, and a pair scoring below MIN_SCORE stays apart):

* type: the same sub-event type (1.0); two kinds of battle, e.g. a clash and the capture of the town it
  was fought for (0.8); a capture and a "non-violent" transfer of the same town (0.6); two kinds of
  explosion/remote violence (0.6; "bombed" is an airstrike to one outlet and shelling to another); an
  explosion and an attack on civilians (0.5); protest and riot (0.7); arrest and abduction (0.6); excessive
  force against protesters and an attack on civilians (0.6: the victims are protesters to one outlet and
  civilians or bystanders to another).
  Everything else never merges (an airstrike and a protest; a clash and an airstrike).
* date: ACLED codes one event per day, so two day-precise dates should be the same day (1.0); one day
  apart scores 0.75, because outlets date one night attack by different days ("late on Friday" in one
  report, Saturday in a wire copy dated by its own day) — measured on real multi-outlet reporting
  (bench/eval_real_dedup.py), the commonest reason one event became two; but only for one sub-event type
  (a day apart AND another kind of event is two disagreements: two attacks on one town). A week or
  range (precision 2) covers +-3 days around its date, an undated mention dated by its publication
  covers the week up to its publication day, a month (precision 3) +-15 days; such overlapping periods score 0.7. No
  period reaches past its article's publication day (in Myanmar time): "this month" in a report of the
  27th cannot tell of a clash on the 28th (on the real set, a month period otherwise joined the next
  day's clash and counted its outlet as a source).
* place (MIMU P-code hierarchy): the same place (1.0), or one place inside the other: a village tract
  or town in the township named elsewhere (0.8), inside the district (0.6), the state (0.4), or only
  the country / no place at all (0.3). Two different villages, or two townships, never merge. A town
  named like its township ("in Kani") counts as the township: the words can't tell them apart.
* actors: both name a non-state armed group and neither names the other's (0.0, never; "PDF", the label
  outlets give any local resistance force, and "unidentified gunmen", what one outlet calls the group
  another names, contradict no one); a shared named actor (1.0); one side names no one, or only
  "unidentified" attackers where the other names a group (0.8); otherwise (0.7).
Mentions from the same article never merge (the extractor already merged what one article repeats), with
one exception: a second coding of the event a sibling mention joined (same day, same place, compatible type;
Clustering.place_second_coding). A mention placed no finer than its state that fits no event joins the
only earlier event it could be, if there is exactly one (Clustering.sole_candidate).

Clustering (tasks/dedup/clustering.py) is greedy and complete-linkage, in report order (published_at, article_id, event_id), one
article at a time: a mention may join a cluster only if it matches ALL its members (its score is the
worst pair's); the article's best (mention, cluster) pair is placed first, each cluster takes at most
one mention of the article, and mentions left over found new clusters (unless second codings). Because a decision depends only on mentions reported before it, re-running from any point
in that order reproduces the rest exactly (tasks/dedup/store.py replays only from the first changed
mention). A cluster's id is the hash of its founding (first reported) mention's event_id.

Blocking: clusters are indexed by (state, day) for every day their members' date periods cover, and by
day alone; a mention looks only at the clusters on its own days and state (or every state for a mention
placed no more precisely than the country), so the work is linear in the number of mentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from tasks.extract.places import state_base

EVENT_METHOD_VERSION = "greedy-complete-v8"  # v8: a state-only retelling a day beside its sibling is a second coding
MIN_SCORE = 0.3
ADJACENT_DAY_SCORE = 0.75
# Reports one day apart are one event only when they tell the same sub-event type: on the real dev set the
# only pairs a day apart AND of two kinds (an air strike and a market bomb the day before in one town; a
# shelling and the next day's air strike) were two events, and no true pair needed both relaxations.
ADJACENT_DAY_NEEDS_SAME_TYPE = True
# Event days are Myanmar days (UTC+6:30): an article published at 20:00 UTC is read there the next morning.
MYANMAR_TIME = timezone(timedelta(hours=6, minutes=30))
NON_STATE_INTERS = frozenset({2, 3, 4})
# "PDF" is what outlets call almost any local resistance force, and "unidentified gunmen" are what one
# outlet calls the group another names, so neither contradicts a named group.
UNNAMED_ARMED_ID = "unidentified_armed_group"
UMBRELLA_ACTOR_IDS = frozenset({"pdf", UNNAMED_ARMED_ID})
UNNAMED_SIDE_SCORE = 0.8
# A mention placed no finer than its state (path depth 2: country, state) is vague; it may join the only
# event it could be (Clustering.sole_candidate); the join rule then starts with SOLE_RULE.
VAGUE_DEPTH = 2
# a state-only mention of the same kind of act a day beside its article's placed mention is its second coding
SECOND_CODING_VAGUE_DAY = True
SOLE_RULE = "sole candidate for a vague place; "
# One article's second mention of an event its sibling mention joined (Clustering.place_second_coding).
SECOND_CODING_RULE = "second coding of its article's event; "
# Between events a mention fits equally, the one whose date is nearest the mention's goes first
# (Clustering.place_article); off, the earliest-founded did (the ablation's "before").
NEAREST_DAY_FIRST = True
# A mention with no date of its own (dated by publication: the week before it) whose week covers the day of
# the event its article's dated mention joined, at the same place, is a second coding of that event, before
# any other event of its week: "security forces dispersed the crowd" beside a report of that day's shooting.
UNDATED_SECOND_CODING = True

_BATTLES = "Battles"
_EXPLOSIONS = "Explosions/Remote violence"
_VAC = "Violence against civilians"
_TERRITORY_SUBS = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
_PAIR_SCORES: dict[frozenset[str], float] = {
    frozenset({"Non-state actor overtakes territory", "Non-violent transfer of territory"}): 0.6,
    frozenset({"Government regains territory", "Non-violent transfer of territory"}): 0.6,
    frozenset({"Peaceful protest", "Protest with intervention"}): 0.9,
    frozenset({"Peaceful protest", "Excessive force against protesters"}): 0.9,
    frozenset({"Protest with intervention", "Excessive force against protesters"}): 0.9,
    frozenset({"Arrests", "Abduction/forced disappearance"}): 0.6,
    # one shooting is "troops fired on protesters" in one report and "police fired into unarmed civilians"
    # (or a bystander killed) in another: what the victims were doing is the outlet's telling, not the event
    frozenset({"Excessive force against protesters", "Attack"}): 0.6,
}
_TYPE_SCORES: dict[frozenset[str], float] = {
    frozenset({_BATTLES}): 0.8,
    frozenset({_EXPLOSIONS}): 0.6,
    frozenset({_EXPLOSIONS, _VAC}): 0.5,
    frozenset({"Protests", "Riots"}): 0.7,
}


@dataclass(slots=True)
class Mention:
    """One event row as clustering sees it; `row` holds every column for merging, or only
    CLUSTERING_COLUMNS once `slim`med."""

    event_id: str
    article_id: str
    reported_at: datetime
    row: dict[str, Any]
    lo: int = 0                                   # date period, as day ordinals
    hi: int = 0
    day: int = 0                                  # the date told (or, undated, the day before publication)
    state: str | None = None                      # state base name ("Shan" for Shan State (North))
    path: tuple[str | None, ...] = ()             # country, state, district, township, town/village
    named: frozenset[str] = frozenset()           # every actor named (primary and associated)
    primary: frozenset[str] = frozenset()         # actor1 and actor2
    non_state: frozenset[str] = frozenset()       # primary actors that are non-state armed groups
    unnamed_armed: bool = False                   # a side is "unidentified gunmen": the group goes unnamed
    undated: bool = False                         # no date in its text: dated by its publication

    @property
    def order(self) -> tuple[datetime, str, str]:
        return (self.reported_at, self.article_id, self.event_id)

    @property
    def depth(self) -> int:
        return max((i + 1 for i, v in enumerate(self.path) if v is not None), default=0)


def make_mention(row: dict[str, Any], reported_at: datetime) -> Mention:
    m = Mention(row["event_id"], row["article_id"], reported_at, row)
    m.lo, m.hi = date_period(row["event_date"], row["time_precision"], row.get("date_text"))
    m.day = row["event_date"].toordinal()
    m.undated = row["time_precision"] == 2 and not row.get("date_text")
    m.hi = max(m.lo, min(m.hi, publication_day(reported_at)))
    m.state = state_base(row.get("admin1")) or None
    m.path = place_path(row)
    assoc = [n.strip() for key in ("assoc_actor_1", "assoc_actor_2") for n in (row.get(key) or "").split(";")]
    m.primary = frozenset(n for n in (row.get("actor1"), row.get("actor2")) if n)
    m.named = m.primary | frozenset(n for n in assoc if n)
    m.non_state = frozenset(row.get(f"actor{i}") for i in (1, 2)
                            if row.get(f"actor{i}") and row.get(f"inter{i}") in NON_STATE_INTERS
                            and row.get(f"actor{i}_id") not in UMBRELLA_ACTOR_IDS)
    m.unnamed_armed = UNNAMED_ARMED_ID in (row.get("actor1_id"), row.get("actor2_id"))
    return m


# What clustering itself reads from a mention's row (type_score); merging reads the whole row back.
CLUSTERING_COLUMNS = ("event_type", "sub_event_type")


def slim(mention: Mention, shared: dict[Any, Any]) -> Mention:
    """The mention with only what clustering needs, equal values stored once (`shared` lives for one
    load): a backlog of tens of thousands of mentions is clustered at once, and whole rows (sentence,
    notes, every place column) would make memory grow with it. Merging reads the full rows back, a
    chunk of clusters at a time. Mentions of one article share its id and time; most share actor sets."""
    mention.row = _shared({k: mention.row.get(k) for k in CLUSTERING_COLUMNS}, shared)
    for name in ("article_id", "reported_at", "state", "path", "named", "primary", "non_state"):
        setattr(mention, name, _shared(getattr(mention, name), shared))
    return mention


def _shared(value: Any, shared: dict[Any, Any]) -> Any:
    if isinstance(value, dict):
        return shared.setdefault(tuple(value.items()), value)
    if isinstance(value, tuple):
        value = tuple(_shared(v, shared) for v in value)
    return shared.setdefault(value, value)


def date_period(day: date, precision: int, date_text: str | None) -> tuple[int, int]:
    d = day.toordinal()
    if precision <= 1:
        return d, d
    if precision == 2:
        # an undated mention is dated the day before its publication (tasks/extract/finalize.py): its period is
        # the week up to and including the publication day
        return (d - 6, d + 1) if not date_text else (d - 3, d + 3)
    return d - 15, d + 15


def publication_day(reported_at: datetime) -> int:
    """The Myanmar day an article was published, as an ordinal: no report tells of a later day, so a
    week or month period ("this month", published on the 27th) ends there, not 15 days after its date."""
    when = reported_at if reported_at.tzinfo else reported_at.replace(tzinfo=timezone.utc)
    return when.astimezone(MYANMAR_TIME).date().toordinal()


def place_path(row: dict[str, Any]) -> tuple[str | None, ...]:
    place_id = row.get("place_id")
    if not place_id:
        return (None,) * 5
    containers = {row.get("admin1_pcode"), row.get("admin2_pcode"), row.get("admin3_pcode"), row.get("country_iso")}
    leaf = place_id if place_id not in containers else None
    if leaf and row.get("location") and row.get("location") == row.get("admin3"):
        leaf = None  # "in Kani": the town and its township share the name; reports can't be told apart
    return (row.get("country_iso"), state_base(row.get("admin1")) or None, row.get("admin2_pcode"),
            row.get("admin3_pcode"), leaf)


def type_score(a: dict[str, Any], b: dict[str, Any]) -> float:
    if a["sub_event_type"] == b["sub_event_type"]:
        return 1.0
    pair = _PAIR_SCORES.get(frozenset({a["sub_event_type"], b["sub_event_type"]}))
    if pair is not None:
        return pair
    return _TYPE_SCORES.get(frozenset({a["event_type"], b["event_type"]}), 0.0)


def date_score(a: Mention, b: Mention) -> float:
    if a.lo == a.hi and b.lo == b.hi:
        gap = abs(a.lo - b.lo)
        if gap == 1 and ADJACENT_DAY_NEEDS_SAME_TYPE and a.row["sub_event_type"] != b.row["sub_event_type"]:
            return 0.0  # a day apart AND another kind of event: two disagreements, two events
        return 1.0 if gap == 0 else ADJACENT_DAY_SCORE if gap == 1 else 0.0
    if a.hi < b.lo or b.hi < a.lo:
        return 0.0
    return 0.7


_CONTAINER_SCORES = {0: 0.3, 1: 0.3, 2: 0.4, 3: 0.6, 4: 0.8}


def place_score(a: Mention, b: Mention) -> float:
    if a.path == b.path:
        return 1.0
    outer, inner = (a, b) if a.depth <= b.depth else (b, a)
    if any(v is not None and v != inner.path[i] for i, v in enumerate(outer.path)):
        return 0.0
    return _CONTAINER_SCORES.get(outer.depth, 0.0)


def actor_score(a: Mention, b: Mention) -> float:
    if a.non_state and b.non_state and not (a.non_state & b.named) and not (b.non_state & a.named):
        return 0.0
    if a.primary & b.primary:
        return 1.0
    if not a.named or not b.named:
        return UNNAMED_SIDE_SCORE
    if (a.unnamed_armed and b.non_state) or (b.unnamed_armed and a.non_state):
        return UNNAMED_SIDE_SCORE  # "unidentified gunmen" in one report names no one: like a report naming no side
    return 0.7


def pair_score(a: Mention, b: Mention) -> float:
    if a.article_id == b.article_id:
        return 0.0
    return _scored(a, b, (date_score, place_score, actor_score))


def _scored(a: Mention, b: Mention, tests) -> float:
    """The type score times each test's, stopping at the first that rules the pair out."""
    score = type_score(a.row, b.row)
    for test in tests:
        if score <= 0.0:
            return 0.0
        score *= test(a, b)
    return score


def sole_candidate_score(a: Mention, b: Mention) -> float:
    """pair_score without the penalty of a vague place (one side named no place finer than its state): what
    the pair scores when the place is taken as agreeing, as it does when no other event could be meant. A
    place that contradicts (another state, township or village) still keeps them apart."""
    if a.article_id == b.article_id or place_score(a, b) <= 0.0:
        return 0.0
    return _scored(a, b, (date_score, actor_score))


def second_coding_score(a: Mention, b: Mention) -> float:
    """pair_score of two mentions of one article, as if they came from two, but only for the same day and the
    same place (Clustering.place_second_coding): a report of today's protest that recalls yesterday's
    shooting in the same town tells two events, not one twice. The one exception: `b` a state-only retelling of
    `a`'s kind of act a day beside it (_vaguer_retelling)."""
    undated_covers = UNDATED_SECOND_CODING and b.undated and b.lo <= a.lo == a.hi <= b.hi
    if not _vaguer_retelling(a, b) and ((date_score(a, b) < 1.0 and not undated_covers) or place_score(a, b) < 1.0):
        return 0.0
    return _scored(a, b, (date_score, place_score, actor_score))


def _vaguer_retelling(sibling: Mention, leftover: Mention) -> bool:
    """The same kind of act told again by its article with only its state and a day beside the sibling's ("jets
    bombed villages in Karen State on Saturday night" above "the strikes on Hpapun district went on into
    Sunday"): one strike told twice, not a second strike, which a report would place."""
    return (SECOND_CODING_VAGUE_DAY and leftover.depth <= VAGUE_DEPTH < sibling.depth
            and leftover.row["sub_event_type"] == sibling.row["sub_event_type"]
            and date_score(sibling, leftover) > 0 and place_score(sibling, leftover) > 0)


def pair_factors(a: Mention, b: Mention) -> dict[str, float]:
    return {"type": type_score(a.row, b.row), "date": date_score(a, b), "place": place_score(a, b),
            "actors": actor_score(a, b)}


def pair_rule(a: Mention, b: Mention) -> str:
    """Why two mentions scored what they did, one factor per test ("type=1 date=0.75 place=0.4 actors=1")."""
    return " ".join(f"{name}={value:g}" for name, value in pair_factors(a, b).items())
