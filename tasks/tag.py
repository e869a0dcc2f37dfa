"""Relevance tagging stage: is each stored article about Myanmar's armed conflict, on which topics,
in which regions, with which actors, and the evidence for it (see tasks.relevance for the rules).

`tag_article` is pure; `tag_stage` reads articles from DuckDB, tags those without a current tag row
(or the ids asked for) and bulk-upserts `article_tags` in one transaction.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

import duckdb

from tasks.article_span import span_filter, work_order
from tasks.db import transaction, upsert
from tasks.sql_ids import IDS, id_list
from tasks.knowledge import Knowledge, Mention
from tasks.lang import analysed_text, detect_language, own_script_triggers
from tasks.mention_context import (
    BREADCRUMB, PAGE_FURNITURE, foreign_place, is_foreign, lead_units, myanmar_place_below_country, no_act_words,
    not_borders, prison_terms, repeated_title_lead, without_story_menu,
)
from tasks.relevance import (
    CRIME, SHORT_TEXT_WORDS, TITLE_FACTOR, Located, Verdict, is_foreign_country, judge, located_triggers,
    names_armed_actor, sentence_factor,
)
from tasks.tag_anchor import (
    ARMED_SIDE, inferred_anchor, opposite_sides_codes, opposite_sides_named, outlet_prior_holds, short_cue,
)

RULES_VERSION = "r8"  # r2: evidence lists each distinct term once; r3: short texts of the war on their own;
# r4: commemoration and accident leads, page-furniture titles, articles naming no warring party;
# r5: a menu of other stories' headlines above the story, breadcrumb titles and short label lines before the
# lead, the coup recalled, goods seized, crime arrests, refugees abroad in the lead (tasks/relevance.py)
# r6: other countries and their wars' regions (seeds/other_countries.csv) keep "junta" from anchoring; Myanmar's
# parties and, in a short report of violence, a Burmese-style village name anchor (tasks/tag_anchor.py); the war
# as a circumstance ("amid fighting"), refugees named abroad, a foreign force's act abroad or headline, acts
# dated years before the story's newest year or remembered, weapons traded, mishaps, the outlet prior void
# where another country is named (tasks/relevance.py)
# r7: a court's prison term and a speaker's words rule a lead unless a Myanmar armed actor's act answers them; a
# headline repeated as the text's first line leads with the sentence after it; sharing widgets are no headline;
# "assault rifle" and arms listed as recovered goods with no Myanmar armed actor tell no act; a term of years told
# with a jailing ("jails her for five years") is a court's (tasks/mention_context.py prison_terms)
# r8: a long English article the rules find relevant can be vetoed by the learned topic model (tasks/topic_model.py)
MAX_EVIDENCE_MENTIONS = 80
# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace, or at a line break. The
# mark is matched, not looked behind at every character. _sentences cuts after the mark.
_SENTENCE_END = re.compile(r"(?=[.!?\u104b\n])(?:[.!?\u104b][\"'\u201d\u2019)]?\s+|\n+)")
_SENTENCE_MARKS = (".", "!", "?", "\u104b", "\n")  # what a match of _SENTENCE_END opens with

# ACLED sub-event types and lexicon signals -> topic tags.
_SUB_EVENT_TOPICS = {
    "Air/drone strike": "airstrike",
    "Armed clash": "armed_clash",
    "Shelling/artillery/missile attack": "armed_clash",
    "Government regains territory": "territory_change",
    "Non-state actor overtakes territory": "territory_change",
    "Non-violent transfer of territory": "territory_change",
    "Agreement": "ceasefire_talks",
    "Arrests": "arrests_detention",
    "Remote explosive/landmine/IED": "landmine_ied",
}
_EVENT_TYPE_TOPICS = {
    "Violence against civilians": "violence_against_civilians",
    "Protests": "protest_strike",
}
_SIGNAL_TOPICS = {
    "ceasefire": "ceasefire_talks",
    "displacement": "displacement",
    "arrest": "arrests_detention",
    "conscription": "conscription",
    "protest": "protest_strike",
    "humanitarian": "humanitarian_access",
    "refugees": "refugees_border",
}
TOPICS = (
    "airstrike", "armed_clash", "territory_change", "ceasefire_talks", "displacement", "arrests_detention",
    "conscription", "protest_strike", "violence_against_civilians", "landmine_ied", "humanitarian_access",
    "refugees_border",
)


@dataclass
class ArticleTags:
    relevant: bool
    score: float
    rule: str
    topics: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    region_pcodes: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)


def tagger_version(knowledge: Knowledge) -> str:
    """Rules and seeds together: a change to either re-tags every article."""
    return f"{RULES_VERSION}+{knowledge.version}"


def tag_article(knowledge: Knowledge, title: str | None, text: str | None, outlet_anchor: bool = False) -> ArticleTags:
    """`outlet_anchor`: the article comes from a Myanmar outlet's feed (registry `general` = false), which
    counts as one Myanmar anchor: "Night guard shot dead by soldiers" there needs no "Myanmar". It is not a
    title anchor, so a headline naming only another country still reads as that country's story."""
    title, text = title or "", analysed_text(text)
    if PAGE_FURNITURE.fullmatch(title.strip()) or BREADCRUMB.fullmatch(title.strip()):
        title = ""  # the page's real headline, if any, is then the text's first line: the lead
    title, text = without_story_menu(title, text)
    language = detect_language(text, title)  # the lexicon is one; each language counts its own triggers
    title_mentions = own_script_triggers(no_act_words(knowledge, knowledge.find(title, myanmar_context=True), title), language)
    text_mentions = own_script_triggers(no_act_words(knowledge, knowledge.find(text, myanmar_context=True), text), language)
    title_mentions += prison_terms(knowledge, title)  # a court's term no lexicon phrase spells
    text_mentions += prison_terms(knowledge, text)
    if any(is_foreign(knowledge, m) for m in (*title_mentions, *text_mentions)):
        title_mentions, text_mentions = not_borders(title_mentions, title), not_borders(text_mentions, text)
    own = knowledge.myanmar_anchored(title_mentions) or knowledge.myanmar_anchored(text_mentions)
    # the outlet's prior decides only where the text names no Myanmar place or actor of its own
    outlet_anchor = outlet_anchor and (own or outlet_prior_holds(knowledge, f"{title} {text}",
                                                                 [*title_mentions, *text_mentions]))
    anchored = outlet_anchor or own
    # a split stopped past SHORT_TEXT_WORDS gives min(words, SHORT_TEXT_WORDS + 1) pieces: the same verdict
    # without splitting a whole article into words
    short = len(title.split(None, SHORT_TEXT_WORDS)) + len(text.split(None, SHORT_TEXT_WORDS)) <= SHORT_TEXT_WORDS
    mentions = [*title_mentions, *text_mentions]
    # Asked only where it decides something: the anchor of an unanchored story, the cue of a short one.
    both_sides = (not anchored or short) and opposite_sides_named(knowledge, mentions)
    paired = not anchored and inferred_anchor(knowledge, (title, title_mentions), (text, text_mentions), short, both_sides)
    if not anchored and not paired:  # ambiguous short forms (AA, PDF) only count in a Myanmar story
        title_mentions = [m for m in title_mentions if not m.needs_context]
        text_mentions = [m for m in text_mentions if not m.needs_context]
    located = _locate(knowledge, title_mentions, "title", [(0, len(title))], TITLE_FACTOR, lead_units=1, source=title)
    units = _sentences(text)
    located += _locate(knowledge, text_mentions, "text", units, 1.0,
                       lead_units=repeated_title_lead(title, text, units) if title.strip()
                       else lead_units(text, units, language), source=text)
    # The filter above never drops a side that both_sides counted: it runs only when no two sides were named.
    cue = (short_cue(knowledge, f"{title} {text}", [*title_mentions, *text_mentions], anchored, both_sides)
           if short else None)
    verdict = judge(knowledge, located, short_text=short, inferred_anchor=paired or outlet_anchor, short_cue=cue)
    if verdict.relevant and language == "en" and not short:
        verdict = topic_veto(knowledge, verdict, title, text)
    regions, pcodes = _regions(knowledge, [item.mention for item in located])
    evidence = {
        "rule": verdict.rule,
        "score": verdict.score,
        "components": verdict.components,
        "mentions": _evidence(located)[:MAX_EVIDENCE_MENTIONS],
    }
    return ArticleTags(
        relevant=verdict.relevant, score=verdict.score, rule=verdict.rule,
        topics=_topics(knowledge, located), regions=regions, region_pcodes=pcodes,
        actors=_actors(knowledge, [item.mention for item in located]), evidence=evidence,
    )


def topic_veto(knowledge: Knowledge, verdict: Verdict, title: str, text: str) -> Verdict:
    """The rules' verdict of relevant, unless the topic model (tasks/topic_model.py) is confident the article
    is about something else: an election, a scam centre, a drug haul, diplomacy told in the war's words. The
    model's probability is recorded either way, so an analyst sees how near a kept article came to a veto."""
    model = knowledge.topic_model
    if model is None:
        return verdict
    veto, probability = model.vetoes(title, text)
    if probability is None:
        return verdict
    components = {**verdict.components, "topic_probability": round(probability, 4)}
    if veto:
        return replace(verdict, relevant=False, rule="off_topic_model", components=components)
    return replace(verdict, components=components)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a blank span (a blanked menu) is none, so the lead is the first sentence of text."""
    spans, start = [], 0
    for match in _sentence_ends(text):
        end = match.start() + (text[match.start()] != "\n")  # after the mark; a line break is cut before
        if end > start and text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """_SENTENCE_END.finditer(text), the pattern tried only where a mark stands: str.find skips to each mark at
    C speed, where the engine's scan tests every character against the class (a third of the time). Every
    match opens with a mark and none is empty, so going on from each match's end finds what finditer finds."""
    marks = []
    for mark in _SENTENCE_MARKS:
        at = text.find(mark)
        while at >= 0:
            marks.append(at)
            at = text.find(mark, at + 1)
    marks.sort()
    done = 0
    for at in marks:
        if at >= done and (match := _SENTENCE_END.match(text, at)) is not None:
            done = match.end()
            yield match


# A force named by a word any country's force goes by; Myanmar's only where the story is in Myanmar.
_GENERIC_FORCE = re.compile(r"(?:the\s+)?(?:(?:riot\s+)?police(?:men|\s+officers?)?|troops|soldiers|army|military|"
                            r"security\s+forces|border\s+guards?|coast\s+guards?|navy)", re.IGNORECASE)


# "BANGKOK --", "DHAKA:", "NEW DELHI (Reuters) -": where the report was filed, not where its story happens
_DATELINE_AFTER = re.compile(r"^(?:,\s*\w+(?:\s+\d{1,2})?)?\s*(?:--|\u2014|\u2013|-\s|:|\()")


def _dateline(text: str, unit_start: int, mention: Mention) -> bool:
    return not text[unit_start:mention.start].strip() and (
        mention.text.isupper() or _DATELINE_AFTER.match(text[mention.end:mention.end + 20]) is not None)


_CRIME_WORDS: dict[str, frozenset[str]] = {}


def _crime_words(knowledge: Knowledge) -> frozenset[str]:
    """The lexicon's crime triggers (drugs, scams, theft), per seeds version."""
    if knowledge.version not in _CRIME_WORDS:
        _CRIME_WORDS[knowledge.version] = frozenset(k for k, t in knowledge.triggers.items() if t.signal == CRIME)
    return _CRIME_WORDS[knowledge.version]


def _generic_force(mention: Mention) -> bool:
    return mention.kind == "actor" and mention.needs_context and _GENERIC_FORCE.fullmatch(mention.text) is not None


class _Traits(NamedTuple):
    """What _locate asks of one mention: all decided by its kind, ref_ids and needs_context."""

    anchor: bool            # Knowledge.is_myanmar_anchor
    other_country: bool     # is_foreign_country
    foreign: bool           # is_foreign: another country, or its force or government
    place_abroad: bool      # foreign_place
    below_country: bool     # myanmar_place_below_country
    armed: bool             # names_armed_actor
    rebels: bool            # a Myanmar actor of ARMED_SIDE (opposite_sides_codes)
    crime: bool             # a crime trigger
    force_abroad: bool      # another country's force or government
    bits: int = 0           # the flags above as bits: a sentence's are one OR a mention, not an any() a flag


def _bit(flag: str) -> int:
    return 1 << _Traits._fields.index(flag)


_ANCHOR, _OTHER_COUNTRY, _FOREIGN, _PLACE_ABROAD, _BELOW_COUNTRY, _ARMED, _REBELS, _CRIME, _FORCE_ABROAD = map(
    _bit, _Traits._fields[:-1])


# Asked of every mention of every sentence, from lookups in the seeds: memoised by what decides them.
_TRAITS: dict[tuple[str, str, tuple[str, ...], bool], _Traits] = {}


def _traits(knowledge: Knowledge, mention: Mention) -> _Traits:
    key = (knowledge.version, mention.kind, mention.ref_ids, mention.needs_context)
    found = _TRAITS.get(key)
    if found is None:
        alone, foreign = [mention], is_foreign(knowledge, mention)
        flags = (
            knowledge.is_myanmar_anchor(mention), is_foreign_country(knowledge, mention), foreign,
            foreign_place(knowledge, mention), myanmar_place_below_country(knowledge, mention),
            names_armed_actor(knowledge, alone), bool(opposite_sides_codes(knowledge, alone) & ARMED_SIDE),
            mention.kind == "trigger" and not _crime_words(knowledge).isdisjoint(mention.ref_ids),
            mention.kind == "actor" and foreign)
        found = _Traits(*flags, sum(1 << index for index, flag in enumerate(flags) if flag))
        if len(_TRAITS) < 100_000:
            _TRAITS[key] = found
    return found


_MENTION_START = attrgetter("mention.start")  # the sort key of located mentions, in C: no lambda call an item


def _any_of(traits: list[_Traits]) -> int:
    """The flags any of `traits` has, as bits."""
    bits = 0
    for trait in traits:
        bits |= trait.bits
    return bits


def _locate(
    knowledge: Knowledge, mentions: list[Mention], where: str, units: list[tuple[int, int]], position: float,
    lead_units: int = 0, source: str = "",
) -> list[Located]:
    """Give each mention the factor of its sentence: position weight x sentence-context weight. The first
    `lead_units` units are the lead (the headline, or the first sentence of a story without one)."""
    if not mentions:
        return []
    starts = [s for s, _ in units]
    by_unit: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_unit.setdefault(max(bisect.bisect_right(starts, mention.start) - 1, 0), []).append(mention)
    located = []
    for unit, unit_mentions in by_unit.items():
        traits = [_traits(knowledge, m) for m in unit_mentions]
        bits = _any_of(traits)
        # places abroad, a dateline's aside: (mention, a place abroad below a country); a trigger is neither
        away = ([(m, t.place_abroad) for m, t in zip(unit_mentions, traits) if t.foreign or t.place_abroad]
                if bits & (_FOREIGN | _PLACE_ABROAD) else [])
        abroad = bool(away) and not bits & _BELOW_COUNTRY
        if away:
            away = [item for item in away if not _dateline(source, units[unit][0], item[0])]
        foreign, host = bool(away), any(place for _, place in away)
        if abroad:  # "Teknaf police", "troops in Manipur": the host country's forces, not Myanmar's
            kept = [(m, t) for m, t in zip(unit_mentions, traits) if not _generic_force(m)]
            unit_mentions, traits = [m for m, _ in kept], [t for _, t in kept]
            bits = _any_of(traits)
        factor = position * sentence_factor(bool(bits & _ANCHOR), bool(bits & _OTHER_COUNTRY))
        armed, rebels = bool(bits & _ARMED), bool(bits & _REBELS)
        crime, force_abroad = bool(bits & _CRIME), bool(bits & _FORCE_ABROAD)
        located.extend(Located(m, where, factor, armed, unit < lead_units, abroad, rebels, foreign, crime, host,
                               force_abroad)
                       for m in unit_mentions)
    located.sort(key=_MENTION_START)
    return located


def _topics(knowledge: Knowledge, located: list[Located]) -> list[str]:
    found = set()
    for _item, trigger in located_triggers(knowledge, located):
        for topic in (
            _SUB_EVENT_TOPICS.get(trigger.sub_event_type),
            _EVENT_TYPE_TOPICS.get(trigger.event_type),
            _SIGNAL_TOPICS.get(trigger.signal),
        ):
            if topic:
                found.add(topic)
    return [topic for topic in TOPICS if topic in found]


def _regions(knowledge: Knowledge, mentions: Iterable[Mention]) -> tuple[list[str], list[str]]:
    """States/regions of the Myanmar places named; an ambiguous name counts through its highest level."""
    regions: dict[str, str] = {}
    for mention in mentions:
        if mention.kind == "place" and (state := _state_of(knowledge, mention.ref_ids)) is not None:
            regions.setdefault(*state)
    return list(regions), [pcode for pcode in regions.values() if pcode]


_LEVEL_RANK = {"country": 0, "state": 1, "district": 2, "township": 3, "town": 4, "village_tract": 5}
# The state of a place mention's ref_ids, from the gazetteer alone: memoised per seeds version (bounded by them).
_STATE_OF: dict[tuple[str, tuple[str, ...]], tuple[str, str] | None] = {}


def _state_of(knowledge: Knowledge, ref_ids: tuple[str, ...]) -> tuple[str, str] | None:
    """(state name, pcode) of the Myanmar places among `ref_ids` at their highest level, when they agree on one."""
    key = (knowledge.version, ref_ids)
    if key in _STATE_OF:
        return _STATE_OF[key]
    found = None
    places = [p for ref in ref_ids if (p := knowledge.places.get(ref)) and p.country_iso == "MMR"]
    if places:
        top = min(_LEVEL_RANK.get(p.level, 9) for p in places)
        states = {(p.state_name, p.state_pcode) for p in places if _LEVEL_RANK.get(p.level, 9) == top and p.state_name}
        found = states.pop() if len(states) == 1 else None
    if len(_STATE_OF) < 100_000:
        _STATE_OF[key] = found
    return found


def _actors(knowledge: Knowledge, mentions: Iterable[Mention]) -> list[str]:
    ids: dict[str, None] = {}
    for mention in mentions:
        if mention.kind == "actor":
            for ref in mention.ref_ids:
                ids[ref] = None
                for member in knowledge.alliance_members(ref):
                    ids[member] = None
    return list(ids)


def _evidence(located: list[Located]) -> list[dict[str, Any]]:
    """One entry per distinct term (field, kind, text, weight): its first occurrence and how often it
    occurs. One entry per occurrence made the evidence twice the size of the article's text, which every
    run wrote and the database kept in memory until its next checkpoint."""
    terms: dict[tuple, dict[str, Any]] = {}
    # round() of a float goes through its decimal string: once per factor, of which an article has a handful
    # (products of positive constants, so no -0.0 that == would take for 0.0)
    weights: dict[float, float] = {}
    for item in located:
        mention = item.mention
        weight = weights.get(item.factor)
        if weight is None:
            weight = weights[item.factor] = round(item.factor, 2)
        key = (item.field, mention.kind, mention.text, weight)
        entry = terms.get(key)
        if entry is not None:
            entry["count"] += 1
            continue
        terms[key] = {"field": item.field, "kind": mention.kind, "text": mention.text, "start": mention.start,
                      "end": mention.end, "refs": list(mention.ref_ids), "weight": weight, "count": 1}
    return list(terms.values())


# --- database ------------------------------------------------------------------------------------


def tag_rows(knowledge: Knowledge, articles: Iterable[tuple]) -> list[dict]:
    """article_tags rows for (article_id, title, text[, outlet_anchor]) tuples."""
    version = tagger_version(knowledge)
    now = datetime.now(timezone.utc)
    rows = []
    for article_id, title, text, *outlet in articles:
        tags = tag_article(knowledge, title, text, outlet_anchor=bool(outlet and outlet[0]))
        rows.append({
            "article_id": article_id, "relevant": tags.relevant, "score": tags.score, "rule": tags.rule,
            "topics": tags.topics, "regions": tags.regions, "region_pcodes": tags.region_pcodes,
            "actors": tags.actors, "evidence": json.dumps(tags.evidence, ensure_ascii=False),
            "tagger_version": version, "tagged_at": now,
        })
    return rows


def load_tags(con: duckdb.DuckDBPyConnection, rows: Sequence[dict]) -> int:
    """Insert or replace tag rows in one transaction."""
    if not rows:
        return 0
    with transaction(con):
        return upsert(con, "article_tags", list(rows), ["article_id"])


def ids_to_tag(con: duckdb.DuckDBPyConnection, version: str, feeds: list[str] | None = None) -> list[str]:
    # Articles still waiting for their page are tagged once their text (or its fallback) is stored.
    # `feeds`: only those feeds' articles (a worker's shard on the shared store).
    shard = "" if feeds is None else "AND list_contains(?, a.feed_id) "
    return [row[0] for row in con.execute(
        "SELECT a.article_id FROM articles a LEFT JOIN article_tags t ON t.article_id = a.article_id "
        "WHERE a.fetch_status <> 'pending' AND (t.article_id IS NULL OR t.tagger_version <> ?) "
        f"{shard}ORDER BY {work_order()}",  # storage order: a batch is read from a few row groups
        [version] + ([list(feeds)] if feeds is not None else []),
    ).fetchall()]


def _articles(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[tuple]:
    """(article_id, title, text, from a Myanmar outlet's feed) for each id."""
    span, bounds = span_filter(con, article_ids)
    return con.execute(
        "SELECT a.article_id, a.title, coalesce(a.text, a.summary), NOT coalesce(f.general, true) "
        "FROM articles a LEFT JOIN feeds f ON f.feed_id = a.feed_id "
        f"WHERE a.article_id IN {IDS}{span} ORDER BY a.article_id",
        [id_list(article_ids), *bounds],
    ).fetchall()


def tag_stage(
    con: duckdb.DuckDBPyConnection, knowledge: Knowledge, article_ids: list[str] | None = None,
    batch_size: int = 500, feeds: list[str] | None = None, workers: int = 0, seeds_dir: Path | None = None,
) -> dict[str, int]:
    """Tag stored articles (None: every fetched article, of `feeds` when given, without a tag row from
    this tagger version).

    Texts are read, tagged and loaded `batch_size` articles at a time, one transaction each, so memory
    stays flat however large the backlog. A backlog is tagged by `workers` processes
    (tasks/analysis_pool.py; seeds from `seeds_dir`), this one loading what they return.
    """
    from tasks.analysis_pool import pool_for

    version = tagger_version(knowledge)
    ids = ids_to_tag(con, version, feeds) if article_ids is None else list(article_ids)
    tagged = relevant = 0
    with pool_for(len(ids), workers, seeds_dir, knowledge) as pool:
        for start in range(0, len(ids), batch_size):
            rows = pool.tag(_articles(con, ids[start:start + batch_size])).tags
            load_tags(con, rows)
            tagged += len(rows)
            relevant += sum(1 for row in rows if row["relevant"])
    return {"tagged": tagged, "relevant": relevant, "irrelevant": tagged - relevant}
