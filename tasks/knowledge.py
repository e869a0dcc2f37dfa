"""Myanmar knowledge from seeds/: gazetteer, actors with aliases, event lexicon, and the compiled matcher.

`load_knowledge()` reads the five seed CSVs once per seeds directory and content (a changed file gives a
new `version`), compiles one Aho-Corasick automaton over every place name, actor alias, alliance name
and trigger, and exposes `find(text)`, the single pass the tagger and the event extractor share.

Matching rules (beyond tasks.matcher's folding and word boundaries):
- place names are proper nouns: a Latin-script place matches only when its first letter is a capital
  ("Man" the village tract, not "man" the word);
- actor aliases flagged `case_sensitive` (acronyms such as AA, KIA) match only in that case;
- aliases flagged `needs_myanmar_context` (AA, PDF, SAC, KA) are kept only when the text is anchored in
  Myanmar by other mentions, or when the caller says so (`find(sentence, myanmar_context=True)`);
- an alliance named in actors.csv ("Three Brotherhood Alliance") is an actor mention whose ref_ids are
  its member actors;
- the same span can yield one mention per kind (a place and an actor sharing a name); across different
  spans the leftmost-longest match wins ("Arakan Army" beats "Arakan").
"""

from __future__ import annotations

import csv
import gc
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tasks.lang.my_words import is_burmese
from tasks.matcher import Pattern, PatternMatcher, Span, fold
from tasks.person_names import is_part_of_a_name
from tasks.place_spellings import VARIANT_LEVELS, new_spellings
from tasks.topic_model import MODEL_FILE as TOPIC_MODEL_FILE
from tasks.topic_model import TopicModel, read_topic_model

SEED_FILES = ("places.csv", "place_aliases.csv", "actors.csv", "actor_aliases.csv", "event_lexicon.csv",
              "actor_aliases_my.csv", "event_lexicon_my.csv", "language_words.csv", TOPIC_MODEL_FILE)
# Per-language rows (decision 10): <name>_<language>.csv next to the English file, same columns plus
# `language`; read together, so every stage sees one vocabulary.
LANGUAGE_SEEDS = ("my",)
# Levels that anchor a story in Myanmar. Village tract names collide with common words and with names
# elsewhere, so they locate events but never decide that a story is about Myanmar.
ANCHOR_LEVELS = frozenset({"country", "state", "district", "township", "town"})
# Rioters, protesters and civilians (ACLED inter 5-7) go by generic words ("villagers", "residents") that
# every country's news uses: they never anchor a story in Myanmar on their own.
GENERIC_ACTOR_CODES = frozenset({5, 6, 7})


@dataclass(frozen=True)
class Place:
    place_id: str
    level: str
    name_en: str
    name_my: str
    state_pcode: str
    state_name: str
    district_pcode: str
    district_name: str
    township_pcode: str
    township_name: str
    country_iso: str
    latitude: float | None
    longitude: float | None
    coord_approx: bool


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    inter_code: int
    actor_type: str
    country_iso: str
    alliances: tuple[str, ...]
    political_wing: str | None
    armed_wing: str | None
    description: str = ""


@dataclass(frozen=True)
class ActorAlias:
    actor_id: str
    alias: str
    needs_myanmar_context: bool
    case_sensitive: bool


@dataclass(frozen=True)
class Trigger:
    trigger: str
    event_type: str
    sub_event_type: str
    signal: str
    weight: float


@dataclass(frozen=True)
class Mention:
    kind: str                    # 'place' | 'actor' | 'trigger'
    ref_ids: tuple[str, ...]     # place_ids / actor_id(s) / trigger text
    start: int                   # offsets into the ORIGINAL text
    end: int
    text: str
    needs_context: bool = False  # matched through an ambiguous short form (AA, PDF...)


@dataclass
class Knowledge:
    places: dict[str, Place]
    actors: dict[str, Actor]
    triggers: dict[str, Trigger]
    place_aliases: list[tuple[str, str]]
    actor_aliases: list[ActorAlias]
    version: str
    alliances: dict[str, tuple[str, ...]] = field(default_factory=dict)  # alliance name -> member ids
    topic_model: TopicModel | None = None  # the learned veto on English topics (tasks/topic_model.py)
    _matcher: PatternMatcher | None = field(default=None, repr=False)
    _alliance_actors: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # is_myanmar_anchor's answers, by what decides them (kind, ref_ids, needs_context): asked of every mention
    # several times over (anchoring, sentence weights, the verdict's counts)
    _anchors: dict[tuple[str, tuple[str, ...], bool], bool] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.alliances:
            self.alliances = _alliance_members(self.actors.values())
        self._alliance_actors = _alliance_actors(self)
        self._matcher = PatternMatcher(_patterns(self))

    def alliance_members(self, actor_id: str) -> tuple[str, ...]:
        """Members of the alliance an actor row stands for (e.g. a 'Three Brotherhood Alliance' row)."""
        return self._alliance_actors.get(actor_id, ())

    def find(self, text: str, *, myanmar_context: bool | None = None) -> list[Mention]:
        """All mentions in `text`, sorted by start. `myanmar_context` overrides the anchoring check that
        gates ambiguous short forms (pass True for a sentence taken from an anchored article)."""
        mentions = _mentions(text, self._matcher.spans(text))  # type: ignore[union-attr]
        if not any(m.needs_context for m in mentions):
            return mentions
        anchored = self.myanmar_anchored(mentions) if myanmar_context is None else myanmar_context
        if anchored:
            return mentions
        return [m for m in mentions if not m.needs_context]

    def myanmar_anchored(self, mentions: Iterable[Mention]) -> bool:
        return any(self.is_myanmar_anchor(m) for m in mentions)

    def is_myanmar_anchor(self, mention: Mention) -> bool:
        """A country/state/district/township/town in Myanmar, or a Myanmar armed/political actor named
        unambiguously."""
        key = (mention.kind, mention.ref_ids, mention.needs_context)
        found = self._anchors.get(key)
        if found is None:
            found = self._is_myanmar_anchor(mention)
            if len(self._anchors) < 100_000:  # bounded like the other memos, whoever builds the mentions
                self._anchors[key] = found
        return found

    def _is_myanmar_anchor(self, mention: Mention) -> bool:
        if mention.needs_context:
            return False
        if mention.kind == "place":
            return any(
                (place := self.places.get(ref)) is not None
                and place.country_iso == "MMR"
                and place.level in ANCHOR_LEVELS
                for ref in mention.ref_ids
            )
        if mention.kind == "actor":
            return any(
                (actor := self.actors.get(ref)) is not None
                and actor.country_iso == "MMR"
                and actor.inter_code not in GENERIC_ACTOR_CODES
                for ref in mention.ref_ids
            )
        return False


# Grouping a hit's patterns by kind is the same work for every occurrence of the same patterns: memoised
# by the patterns' identities. The matcher builds a fresh tuple for many hits (merged or filtered), so the
# tuple's own id would make one entry per occurrence and grow with the corpus; the Pattern objects are
# the automaton's and live as long as it. The entry keeps them alive, so an id is never reused while its
# entry exists. Bounded by the distinct pattern combinations the seeds can produce.
_GROUPS: dict[tuple[int, ...], tuple[tuple, tuple[tuple[str, tuple[str, ...], bool], ...]]] = {}
_GROUPS_MAX = 100_000
# The same answers by the identity of the tuple first seen for each combination (most often the automaton's own,
# which every occurrence of its key shares): one lookup instead of building and hashing a key of every
# pattern's id, which for a village name many villages share is hundreds long. Only the tuple an entry of
# _GROUPS keeps alive is filed here, so this memo is bounded as that one is and an id in it is never reused.
_GROUPS_BY_TUPLE: dict[int, tuple[tuple, tuple[tuple[str, tuple[str, ...], bool], ...]]] = {}


def _groups(patterns: tuple) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    cached = _GROUPS_BY_TUPLE.get(id(patterns))
    if cached is not None and cached[0] is patterns:
        return cached[1]
    key = tuple(map(id, patterns))
    cached = _GROUPS.get(key)
    if cached is None:
        by_kind: dict[str, list] = {}
        for pattern in patterns:
            by_kind.setdefault(pattern.kind, []).append(pattern)
        groups = tuple((kind, tuple(dict.fromkeys(p.ref_id for p in group)), all(p.needs_context for p in group))
                       for kind, group in by_kind.items())
        if len(_GROUPS) >= _GROUPS_MAX:
            return groups
        cached = _GROUPS[key] = (patterns, groups)
    if cached[0] is patterns:
        _GROUPS_BY_TUPLE[id(patterns)] = cached
    return cached[1]


def _mentions(text: str, spans: list[Span]) -> list[Mention]:
    mentions = []
    # a word repeated through the text comes with the same tuple each time: while `spans` holds them, an id
    # stands for one tuple, and a lookup by it is cheaper than _groups' key of every pattern's id
    grouped: dict[int, tuple[tuple[str, tuple[str, ...], bool], ...]] = {}
    for start, end, patterns in spans:
        groups = grouped.get(id(patterns))
        if groups is None:
            groups = grouped[id(patterns)] = _groups(patterns)
        for kind, ref_ids, needs_context in groups:
            if kind == "place" and is_part_of_a_name(text, start, end):
                continue
            # positional: a frozen dataclass's keyword call costs half as much again, ~70 times an article
            mentions.append(Mention(kind, ref_ids, start, end, text[start:end], needs_context))
    return mentions


def _patterns(knowledge: Knowledge) -> Iterable[Pattern]:
    from tasks.lang.my_places import burmese_place_surfaces, matchable_alone

    for place in knowledge.places.values():
        for name in (place.name_en, place.name_my):
            if _matchable_place_name(place, name):
                yield Pattern("place", place.place_id, name, needs_capital=not is_burmese(name))
        for surface in burmese_place_surfaces(place.level, place.name_my):
            if surface != place.name_my and matchable_alone(surface):
                yield Pattern("place", place.place_id, surface)
    for place_id, alias in knowledge.place_aliases:
        place = knowledge.places.get(place_id)
        if place is not None and _matchable_place_name(place, alias):
            yield Pattern("place", place_id, alias, needs_capital=not is_burmese(alias))
    yield from _spelling_patterns(knowledge)
    for actor in knowledge.actors.values():
        yield Pattern("actor", actor.actor_id, actor.name)
    for alias in knowledge.actor_aliases:
        if alias.actor_id in knowledge.actors and alias.alias:
            yield Pattern(
                "actor",
                alias.actor_id,
                alias.alias,
                case_sensitive=alias.case_sensitive,
                needs_context=alias.needs_myanmar_context,
            )
    for name, members in knowledge.alliances.items():
        for member in members:
            yield Pattern("actor", member, name)
    from tasks.lang.my_acts import spaced_spellings

    for trigger in knowledge.triggers.values():
        yield Pattern("trigger", trigger.trigger, trigger.trigger, inflects=not is_burmese(trigger.trigger))
        for spelling in spaced_spellings(trigger.trigger):   # Burmese typed with a space between syllables
            yield Pattern("trigger", trigger.trigger, spelling)


def _spelling_patterns(knowledge: Knowledge) -> Iterable[Pattern]:
    """Places under the other spellings news uses (tasks.place_spellings), where no other name is spelled so."""
    taken = {fold(p.name_en) for p in knowledge.places.values() if p.name_en}
    taken.update(fold(alias) for _, alias in knowledge.place_aliases)
    taken.update(fold(actor.name) for actor in knowledge.actors.values())
    taken.update(fold(alias.alias) for alias in knowledge.actor_aliases if alias.alias)
    places_by_name: dict[str, list[str]] = {}
    for place in knowledge.places.values():
        if place.level in VARIANT_LEVELS and place.name_en:
            places_by_name.setdefault(place.name_en, []).append(place.place_id)
    for variant, name in new_spellings(places_by_name, taken, fold).items():
        for place_id in places_by_name[name]:
            yield Pattern("place", place_id, variant, needs_capital=True)


def _matchable_place_name(place: Place, name: str) -> bool:
    """Burmese text has no spaces between words, so a Burmese name matches as a substring; village
    tract names are short syllables ("တို") found inside countless words, so only their English names
    are matched."""
    if not name:
        return False
    if not is_burmese(name):
        return True
    from tasks.lang.my_places import matchable_alone

    return place.level != "village_tract" and matchable_alone(name)


def _alliance_members(actors: Iterable[Actor]) -> dict[str, tuple[str, ...]]:
    members: dict[str, list[str]] = {}
    for actor in actors:
        for alliance in actor.alliances:
            members.setdefault(alliance, []).append(actor.actor_id)
    return {name: tuple(ids) for name, ids in members.items()}


def _alliance_actors(knowledge: Knowledge) -> dict[str, tuple[str, ...]]:
    by_name = {fold(name): members for name, members in knowledge.alliances.items()}
    names: dict[str, set[str]] = {a.actor_id: {fold(a.name)} for a in knowledge.actors.values()}
    for alias in knowledge.actor_aliases:
        names.setdefault(alias.actor_id, set()).add(fold(alias.alias))
    found = {}
    for actor_id, folded in names.items():
        for name in folded & by_name.keys():
            found[actor_id] = tuple(m for m in by_name[name] if m != actor_id)
    return found


# --- loading -------------------------------------------------------------------------------------


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle)]


def _float(value: str) -> float | None:
    return float(value) if value else None


def _bool(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "yes", "y", "t")


def seeds_version(seeds_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in SEED_FILES:
        path = seeds_dir / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<absent>")
    return digest.hexdigest()[:12]


def _read_places(seeds_dir: Path) -> dict[str, Place]:
    places = {}
    for row in _rows(seeds_dir / "places.csv"):
        places[row["place_id"]] = Place(
            place_id=row["place_id"], level=row["level"], name_en=row.get("name_en", ""),
            name_my=row.get("name_my", ""), state_pcode=row.get("state_pcode", ""),
            state_name=row.get("state_name", ""), district_pcode=row.get("district_pcode", ""),
            district_name=row.get("district_name", ""), township_pcode=row.get("township_pcode", ""),
            township_name=row.get("township_name", ""), country_iso=row.get("country_iso", ""),
            latitude=_float(row.get("latitude", "")), longitude=_float(row.get("longitude", "")),
            coord_approx=_bool(row.get("coord_approx", "")),
        )
    return places


def _read_actors(seeds_dir: Path) -> dict[str, Actor]:
    actors = {}
    for row in _rows(seeds_dir / "actors.csv"):
        actors[row["actor_id"]] = Actor(
            actor_id=row["actor_id"], name=row["name"], inter_code=int(row.get("inter_code") or 0),
            actor_type=row.get("actor_type", ""), country_iso=row.get("country_iso", ""),
            alliances=tuple(a.strip() for a in row.get("alliances", "").split(";") if a.strip()),
            political_wing=row.get("political_wing") or None, armed_wing=row.get("armed_wing") or None,
            description=row.get("description", ""),
        )
    return actors


def _language_rows(seeds_dir: Path, stem: str) -> list[dict[str, str]]:
    """Rows of <stem>.csv and of its per-language files <stem>_<language>.csv (when present)."""
    rows = _rows(seeds_dir / f"{stem}.csv")
    for language in LANGUAGE_SEEDS:
        path = seeds_dir / f"{stem}_{language}.csv"
        if path.exists():
            rows += _rows(path)
    return rows


def _read_triggers(seeds_dir: Path) -> dict[str, Trigger]:
    triggers = {}
    for row in _language_rows(seeds_dir, "event_lexicon"):
        text = fold(row["trigger"])
        if text:
            triggers[text] = Trigger(
                trigger=text, event_type=row.get("event_type", ""),
                sub_event_type=row.get("sub_event_type", ""), signal=row.get("signal", ""),
                weight=float(row.get("weight") or 0.5),
            )
    return triggers


def _read_knowledge(seeds_dir: Path, version: str) -> Knowledge:
    aliases_path = seeds_dir / "place_aliases.csv"
    alias_rows = _rows(aliases_path) if aliases_path.exists() else []
    place_aliases = [(r["place_id"], r["alias"]) for r in alias_rows]
    actor_aliases = [
        ActorAlias(
            actor_id=r["actor_id"], alias=r["alias"],
            needs_myanmar_context=_bool(r.get("needs_myanmar_context", "")),
            case_sensitive=_bool(r.get("case_sensitive", "")),
        )
        for r in _language_rows(seeds_dir, "actor_aliases")
    ]
    return Knowledge(
        places=_read_places(seeds_dir), actors=_read_actors(seeds_dir), triggers=_read_triggers(seeds_dir),
        place_aliases=place_aliases, actor_aliases=actor_aliases, version=version,
        topic_model=read_topic_model(seeds_dir),
    )


_CACHE: dict[tuple[str, str], Knowledge] = {}


def load_knowledge(seeds_dir: Path | None = None) -> Knowledge:
    """The knowledge in `seeds_dir` (default: settings' seeds dir), compiled once per content version."""
    if seeds_dir is None:
        from tasks.settings import get_settings

        seeds_dir = get_settings().seeds_dir
    seeds_dir = Path(seeds_dir).resolve()
    version = seeds_version(seeds_dir)
    key = (str(seeds_dir), version)
    if key not in _CACHE:
        _CACHE[key] = _read_knowledge(seeds_dir, version)
        _freeze_long_lived()
    return _CACHE[key]


def _freeze_long_lived() -> None:
    """Move the compiled knowledge (about 400,000 objects: patterns, automata, gazetteer) out of the
    collector's sight. It lives as long as the process, yet every full collection would walk all of it again:
    4% of tagging time in the tag benchmark went to collections, nearly all of it gone once frozen. Garbage
    is collected first, so nothing dead is frozen with it."""
    gc.collect()
    gc.freeze()


def actor_ids(mentions: Sequence[Mention]) -> list[str]:
    return list(dict.fromkeys(ref for m in mentions if m.kind == "actor" for ref in m.ref_ids))
