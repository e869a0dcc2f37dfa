"""Where an event happened: the most specific gazetteer place tied to it, with ACLED's geo_precision.

A name can point at several gazetteer rows (a town and its township share a name; hundreds of village
tracts share names across the country). The article's own unambiguous places (states, districts,
townships) decide between them; a village tract is only taken when its township or state is named too,
because a bare village name matches the wrong one far more often than the right one.

geo_precision (ACLED): 1 = the town or village itself; 2 = a township, district or "near X", or a village
tract whose coordinates are its township's; 3 = only the state/region (or the country) is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from tasks.word_gates import gated

LEVEL_RANK = {"village_tract": 6, "town": 5, "foreign": 5, "township": 4, "district": 3, "state": 2, "country": 1}
_STATE_SUFFIX = re.compile(r"\s*\(.*?\)|\s+(?:state|region|division|union territory)$", re.IGNORECASE)
# "fled to Bhamo", "heading towards Pakokku", "into India": destinations, not where the event happened.
# "fled to X", "headed towards X" — but "a camp for displaced people in X" is in X
_DESTINATION_BEFORE = gated(re.compile(r"(?:(?<!close )(?<!next )(?<!near )(?<!adjacent )\b(?:to|towards|toward|for)|\b(?:fled|flee|fleeing|flees|crossed|crossing|moved|moving|escaped|"
                                 r"retreated|withdrew|ran|went|go|going|headed|taken|brought|sent)\s+into)\s+(?:the\s+)?(?:(?!(?:in|at|near|inside|of)\s)[\w'’-]+\s+){0,3}$",
                                 re.IGNORECASE))
# "fighting spread to Kutkai Township": the fighting is now there
_SPREAD_TO_BEFORE = re.compile(r"\b(?:spread|spreads|spreading|spilled|spilt|extended|expanded|escalated)\s+(?:\w+\s+)?(?:to|into)\s+"
                               r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_ORGANISATION_AFTER = re.compile(r"^(?:['’]s)?\s+(?:[A-Z][\w-]*\s+){0,2}(?:TV|Radio|Times|News|Post|Daily|Journal|Team|Media|"
                                 r"Channel|Airlines?|Bank|Television)\b")
# "the Ayeyarwady River", "the Sittaung river": the water, not the region or town named after it
_RIVER_AFTER = re.compile(r"^\s+(?:River|river|Creek|creek)\b")
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\s+[A-Z][a-z]+\s+$")
# A state's name opening a longer proper name: "Mon Lai Hket" (a camp near Laiza) is not Mon State.
_LONGER_NAME_AFTER = re.compile(r"^ (?!(?:State|Region|Division|Township|Town|City|Village|District|and|or)\b)[A-Z][a-z]+ [A-Z][a-z]+\b")
# A state's name closing a longer proper name: "the Naung Mon police station" is no place in Mon State
_NAME_END_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:Northern|Southern|Eastern|Western|Central|North|South|East|West|"
                              r"Upper|Lower|The|In|At|Of|And|From|Near|To|On|Ethnic)\b)[A-Z][a-z]+\s+$")
_STATE_WORD_AFTER = re.compile(r"^\s*(?:State|Region|Division|state|region)\b")
# A place name opening a longer village, ward, town or base name: "Thayet Thapin village", "Kan Thar Yar ward",
# "Saw Loh town" (in Bago, not Saw in Magway), "Waw Ley base".
_VILLAGE_NAME_AFTER = re.compile(r"^(?:[ -](?!(?:State|Region|Division|Township|Twsp|Tsp|Town|City|District|Village)\b)"
                                 r"[A-Z][a-z]+){1,2}\s+(?:village|ward|camp|quarter|town|base)\b")
# A one-word town or township name opening a longer name told in running text: "Saw Ki Bu" (a Karen man),
# "Kayan Thar Yar" (a village) are not Saw or Kayan Township. Two more capitalised words, neither a level
# word, after a lower-case word (a Title Case headline capitalises every word, so it is left alone).
_NAME_WORDS_AFTER = re.compile(r"^ (?!(?:State|Region|Division|Township|Town|City|Village|District|Tract|and|or)\b)[A-Z][a-z]+ "
                               r"(?!(?:State|Region|Division|Township|Town|City|Village|District|Tract)\b)[A-Z][a-z]+\b")
_LOWER_WORD_BEFORE = re.compile(r"(?:^|\s)[a-z][\w'’-]*[,:]?\s+$")
# A Burmese honorific makes what follows a person's name: "U Saw Hla Tun" is a man, not Saw Township.
_HONORIFIC_BEFORE = re.compile(r"(?<![\w-])(?:U|Daw|Ko|Ma|Maung|Mg|Naw|Nang|Sai|Khun|Sao|Saw|Nan|Mahn|Salai)\s+$")
# an age before a two-word name: "49-year-old Pyay Aye" is a person, not Pyay town ("a 57-year-old Mogok
# resident" is from Mogok)
_AGE_BEFORE = re.compile(r"\d+-year-old\s+$")
_NAME_GOES_ON = re.compile(r"^\s+[A-Z][a-z]")
_UNNAMED_PLACE_NEAR = re.compile(r"\b(?:a|an)\s+(?:\w+\s+)?(?:town|city|village|area)\s+(?:near|outside|close to)\s+$",
                                 re.IGNORECASE)
_BIG_CITIES = frozenset({"Yangon", "Mandalay", "Nay Pyi Taw", "Naypyitaw"})
_BIG_CITY_REGIONS = frozenset({"Yangon Region", "Nay Pyi Taw"})
_NEAR_BEFORE = re.compile(r"\b(?:near|outside|outskirts of|close to|around|north of|south of|east of|west of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


@lru_cache(maxsize=512)  # a few dozen state names, asked for every pair of places compared
def state_base(name: str | None) -> str:
    """'Shan State (North)' / 'Bago Region (East)' / 'Sagaing Region' -> 'Shan' / 'Bago' / 'Sagaing'."""
    if not name:
        return ""
    previous = None
    while previous != name:
        previous, name = name, _STATE_SUFFIX.sub("", name).strip()
    return name


@dataclass(frozen=True)
class PlaceContext:
    states: frozenset[str]       # base names of states named unambiguously
    districts: frozenset[str]    # district P-codes
    townships: frozenset[str]    # township P-codes


_LEVEL_WORD_AFTER = re.compile(r"^\s+(?P<word>township|region|state|division|town|city|village|district)\b", re.IGNORECASE)
_CONTAINER_AFTER = re.compile(r"^['’]s\s+(?:[\w'’-]+\s+){0,3}?(?:township|town|city|village|district)\b", re.IGNORECASE)
_WORD_LEVELS = {"township": ("township",), "region": ("state",), "state": ("state",), "division": ("state",),
                "town": ("town",), "city": ("town",), "village": ("village_tract",), "district": ("district",)}


@dataclass(frozen=True)
class Location:
    place: Any                   # tasks.knowledge.Place
    start: int
    end: int
    text: str
    near: bool = False
    explicit: bool = False       # the text names the level: "Kani Township", "Laukkai town"
    container: bool = False      # "Yangon's Hlaing Township": Yangon only says where Hlaing is
    span_ends: tuple = ()        # names of the ends of a road or route joining two townships, this one among them

    @property
    def rank(self) -> int:
        return LEVEL_RANK.get(self.place.level, 0)

    @property
    def strength(self) -> float:
        """Specificity for choosing among places: level, plus 1.5 for an explicit 'X Township'."""
        return self.rank + (1.5 if self.explicit else 0) - (3 if self.container else 0)

    @property
    def geo_precision(self) -> int:
        level = self.place.level
        if level in ("state", "country"):
            return 3
        if self.near or level in ("township", "district") or (level == "village_tract" and self.place.coord_approx):
            return 2
        return 1


def build_context(knowledge, mentions) -> PlaceContext:
    states, districts, townships = set(), set(), set()
    for m in mentions:
        if m.kind != "place":
            continue
        places = [knowledge.places[r] for r in m.ref_ids if r in knowledge.places]
        places = [p for p in places if p.level != "village_tract"]
        if not places:
            continue
        if len({state_base(p.state_name) for p in places}) == 1 and places[0].state_name:
            states.add(state_base(places[0].state_name))
        if len({p.district_pcode for p in places}) == 1 and places[0].district_pcode:
            districts.add(places[0].district_pcode)
        if len({p.township_pcode for p in places}) == 1 and places[0].township_pcode:
            townships.add(places[0].township_pcode)
    return PlaceContext(frozenset(states), frozenset(districts), frozenset(townships))


def resolve(knowledge, mention, context: PlaceContext, after: str = ""):
    """The gazetteer row a place mention most likely means, or None when it cannot be told. `after` is
    the text right after the mention: "Magway Region", "Pauk Township", "Yangon's Hlaing Township"."""
    candidates = [knowledge.places[r] for r in mention.ref_ids if r in knowledge.places]
    if not candidates:
        return None
    word = _LEVEL_WORD_AFTER.match(after)
    if word:
        levels = _WORD_LEVELS[word.group("word").lower()]
        candidates = [p for p in candidates if p.level in levels] or candidates
    elif _CONTAINER_AFTER.match(after):
        candidates = [p for p in candidates if p.level == "state"] or candidates

    def support(p) -> int:
        return (4 * (p.township_pcode in context.townships) + 2 * (p.district_pcode in context.districts)
                + 2 * (state_base(p.state_name) in context.states))

    scored = sorted(candidates, key=lambda p: (support(p), p.level != "village_tract", LEVEL_RANK.get(p.level, 0)),
                    reverse=True)
    best = scored[0]
    if best.level == "village_tract" and best.township_pcode not in context.townships:
        # a bare village name matches the wrong village far more often than the right one: only take it
        # when its township is named in the article too
        rest = [p for p in scored if p.level != "village_tract"]
        if not rest:
            return None
        best = rest[0]
    others = [p for p in candidates if p.level != "village_tract" and p is not best]
    if support(best) == 0 and others and len({state_base(p.state_name) for p in [best, *others]}) > 1:
        # same name in several states and nothing in the article says which: take none
        return None
    return best


def locations_in(knowledge, mentions, text: str, context: PlaceContext) -> list[Location]:
    """Resolved places among `mentions` (offsets into `text`), destinations dropped."""
    found, road_ends, route_ends = [], [], {}
    for m in mentions:
        if m.kind != "place":
            continue
        reading = _reading(knowledge, m, text, context)
        if reading is None:
            continue
        told, road_end, route_end, township = reading
        if route_end:
            route_ends[m.text] = township  # "from Ye township to Thanbyuzayat township"
        if road_end:
            road_ends.append(m.start)
        if told is not None:
            found.append(Location(*told))  # a new Location each time, as ever (event_place asks "is it the same one")
    if road_ends and any(loc.start not in road_ends and loc.rank >= LEVEL_RANK["township"] for loc in found):
        # a road's ends place the event only when nothing nearer is named ("Kanan village ... near Khampat")
        found = [loc for loc in found if loc.start not in road_ends]
    return _spanning(found, set(road_ends), route_ends) if road_ends else found


# What one place mention of an article says, by mention: an article asks of its sentences' places again and
# again (its events, their fallbacks, its figures), and the whole article's places for each event that has no
# place of its own. An entry holds its mention, text, context and knowledge and answers only to those very
# objects, so no other article (nor an equal text) is answered from it; the memo is emptied when full.
_READINGS: dict[tuple[int, int], tuple] = {}
_READINGS_KEPT = 4096


def _reading(knowledge, m, text: str, context: PlaceContext) -> tuple[tuple | None, bool, bool, str | None] | None:
    key = (id(m), id(text))
    kept = _READINGS.get(key)
    if kept is not None and kept[0] is m and kept[1] is text and kept[2] is context and kept[3] is knowledge:
        return kept[4]
    if len(_READINGS) >= _READINGS_KEPT:
        _READINGS.clear()
    reading = _read_mention(knowledge, m, text, context)
    _READINGS[key] = (m, text, context, knowledge, reading)
    return reading


def _read_mention(knowledge, m, text: str, context: PlaceContext) -> tuple[tuple | None, bool, bool, str | None] | None:
    """(the fields of the Location it places an event at, whether it is a road's end, whether it is a route's end, that end's
    township, which a region named as the end has not); None when it names no place at all."""
    after = text[m.end:m.end + 60]
    place = resolve(knowledge, m, context, after)
    if place is None:
        return None
    if place.level in ("town", "township") and not _LEVEL_WORD_AFTER.match(after):
        place = _region_meant(knowledge, m, place, text)
    before = text[max(0, m.start - 40):m.start]
    if _DESTINATION_BEFORE.search(before) and not _SPREAD_TO_BEFORE.search(before):
        if _ROUTE_END_BEFORE.search(before):
            return None, False, True, place.township_pcode  # "from Ye township to Thanbyuzayat township"
        return None, False, False, None
    if _ORGANISATION_AFTER.match(after) or _RIVER_AFTER.match(after) or (
            _NAME_BEFORE.search(before) and not _LEVEL_WORD_AFTER.match(after)):
        return None, False, False, None  # "Myawaddy TV", "Shar Htoo Waw's drone team": a name that contains a place name
    if place.level == "state" and " " not in m.text and (_LONGER_NAME_AFTER.match(after) or (
            _NAME_END_BEFORE.search(before) and not _STATE_WORD_AFTER.match(after))):
        return None, False, False, None
    if place.level in ("town", "township") and " " not in m.text.strip() and _NAME_WORDS_AFTER.match(after) \
            and _LOWER_WORD_BEFORE.search(before):
        return None, False, False, None
    if _VILLAGE_NAME_AFTER.match(after):
        return None, False, False, None  # "Thayet Thapin village" is a village of that name, not Thayet Township
    road_end = False
    if _ROAD_END_AFTER.match(after) or (_ROAD_START_BEFORE.search(before) and _ROAD_AFTER.match(after)):
        road_end = True  # "on the Kalay-Tamu road near Khampat": the road's ends name the road
    elif _FROM_BEFORE.search(before[-8:]) and _ROUTE_START_AFTER.match(after):
        road_end = True  # "a convoy driving from Ye township to ...": a route, as a road
    if _HONORIFIC_BEFORE.search(before[-12:]) or (_AGE_BEFORE.search(before[-16:]) and _NAME_GOES_ON.match(after)):
        return None, road_end, False, None
    if place.level != "country" and _UNNAMED_PLACE_NEAR.search(before) and (
            place.level in ("state", "district") or place.name_en in _BIG_CITIES or place.state_name in _BIG_CITY_REGIONS):
        return None, road_end, False, None  # "in a town near Yangon": the town is unnamed and may lie in another region; "a
        # village near Monywa" is placed near Monywa (the namesake township's town, as ACLED codes "near X")
    word = _LEVEL_WORD_AFTER.match(after)
    explicit = bool(word) and place.level in _WORD_LEVELS[word.group("word").lower()] and place.level == "township"
    told = (place, m.start, m.end, m.text, bool(_NEAR_BEFORE.search(before)), explicit,
            bool(_CONTAINER_AFTER.match(after)) and place.level != "state")  # (near, explicit, container)
    return told, road_end, False, None


def _spanning(found: list[Location], ends: set[int], route_ends: dict[str, str]) -> list[Location]:
    """The ends of one road or route in two townships ("the Ye-Thanbyuzayat road", "driving from Ye to
    Thanbyuzayat") may place the event in neither township: settle_span decides."""
    at_ends = [loc for loc in found if loc.start in ends]
    if len({loc.place.township_pcode for loc in at_ends} | set(route_ends.values())) < 2:
        return found
    names = tuple({*(loc.text for loc in at_ends), *route_ends})
    return [replace(loc, span_ends=names) if loc.start in ends else loc for loc in found]


def settle_span(location: Location | None, article_mentions: list) -> Location | None:
    """A road's end keeps its township when the article is about that end (named at least twice as often as
    every other end: "Kani Township ... the Kani-Monywa road"); else the road joins two townships and the event
    is in neither (coding guide: no township named). The state is kept either way."""
    if location is None or not location.span_ends:
        return location
    named = {name.lower(): 0 for name in location.span_ends}
    for m in article_mentions:
        if m.kind == "place" and m.text.lower() in named:
            named[m.text.lower()] += 1
    own = named.get(location.text.lower(), 0)
    if all(own >= 2 * max(n, 1) for name, n in named.items() if name != location.text.lower()):
        return replace(location, span_ends=())
    return location


# a road named by the towns it joins: "the Kalay-Tamu road", "the Mandalay–Lashio highway"
_ROAD_AFTER = re.compile(r"^\s+(?:road|highway|motorway|expressway|railway|route)\b", re.IGNORECASE)
_ROAD_END_AFTER = re.compile(r"^\s*[-–]\s*[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?\s+(?:road|highway|motorway|expressway|railway|route)\b")
_ROAD_START_BEFORE = re.compile(r"[A-Z][\w'’]+\s*[-–]\s*$")
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_ROUTE_START_AFTER = re.compile(r"^\s+(?:(?:township|town|city)\s+)?to\s+(?:the\s+)?[A-Z]")
_ROUTE_END_BEFORE = re.compile(r"\bfrom\s+[A-Z][\w'’-]+(?:\s+(?:township|town|city))?\s+to\s+(?:the\s+)?$")


# Regions whose capital shares their name; the cities of many townships (Yangon, Mandalay) are meant bare
_CITIES_MEANT_BARE = frozenset({"yangon", "mandalay", "nay pyi taw", "naypyitaw"})


def _region_meant(knowledge, mention, place, text: str):
    """ "offensives in the countryside, including Sagaing": an article that names "Sagaing Region" and never
    calls the name a town or township means the region by the bare name, not the capital town."""
    name = mention.text.strip()
    if name.lower() in _CITIES_MEANT_BARE:
        return place
    region = next((knowledge.places[r] for r in mention.ref_ids if r in knowledge.places
                   and knowledge.places[r].level == "state" and state_base(knowledge.places[r].state_name).lower() == name.lower()), None)
    if region is None:
        return place
    quoted = re.escape(name)
    if not re.search(rf"\b{quoted}\s+(?:region|state|division)\b", text, re.IGNORECASE) or re.search(
            rf"\b{quoted}\s+(?:town|township|city)\b|\b(?:town|city) of\s+{quoted}\b", text, re.IGNORECASE):
        return place
    return region


_AT_BEFORE = re.compile(r"\b(?:in|at|held in|talks in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def best_location(locations: list[Location], anchor: int, text: str, foreign_ok: bool) -> Location | None:
    """Most specific place; among equals the one nearest the trigger. Places abroad count only for
    events that happen abroad (talks in Kunming, a rally in Bangkok): `foreign_ok` and 'in/at X'."""
    if not locations:
        return None
    domestic = [loc for loc in locations if loc.place.country_iso == "MMR"]
    foreign = [loc for loc in locations if loc.place.country_iso != "MMR"
               and _AT_BEFORE.search(text[max(0, loc.start - 40):loc.start])]
    pool = domestic
    if foreign_ok and foreign:
        pool = foreign
    elif not any(loc.rank > 1 for loc in domestic) and foreign:
        pool = foreign if foreign_ok or not domestic else domestic
    if not pool:
        return None
    townships = {loc.place.township_pcode for loc in pool if loc.explicit}
    if townships and any(loc.place.level == "village_tract" and loc.place.township_pcode not in townships for loc in pool):
        # "Sat Si village ... in Ngape Township": the township named outright says where; a village tract of
        # that name in another township is a namesake
        pool = [loc for loc in pool if loc.place.level != "village_tract" or loc.place.township_pcode in townships]
    heads = _list_heads(pool, text)

    def score(loc: Location) -> tuple[float, int]:
        inside = loc.place.level in ("town", "village_tract") and loc.place.township_pcode in townships
        return loc.strength + (1.0 if inside else 0), -abs(heads.get(loc.start, loc.start) - anchor), -loc.start

    return max(pool, key=score)


_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*and|&)\s*")
_AND = re.compile(r"\s+(?:and|&)\s+")


def _list_heads(pool: list[Location], text: str) -> dict[int, int]:
    """Each place in a coordinated list ("in Yangon, Mandalay and other cities") stands where the list starts,
    so that the first named wins among equals."""
    heads: dict[int, int] = {}
    ordered = sorted(pool, key=lambda loc: loc.start)
    for prev, loc in zip(ordered, ordered[1:]):
        if _LIST_JOIN.fullmatch(text[prev.end:loc.start]):
            heads[loc.start] = heads.get(prev.start, prev.start)
    return heads


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:towns?|cities|villages?)\s+of\s+)?$", re.IGNORECASE)


def between_ends(location: Location | None, locations: list[Location], text: str,
                 article_mentions: list) -> Location | None:
    """'on the road between Loikaw and Demoso': the event lies between two places, near the one the
    article is about (named most often), else near the first named."""
    if location is None:
        return None
    pair = None
    for a, b in zip(locations, locations[1:]):
        if location in (a, b) and _AND.fullmatch(text[a.end:b.start]) and \
                _BETWEEN_BEFORE.search(text[max(0, a.start - 40):a.start]):
            pair = (a, b)
            break
    if pair is None:
        return location

    def named(loc: Location) -> int:
        return sum(1 for m in article_mentions if m.kind == "place" and m.text.lower() == loc.text.lower())

    best = max(pair, key=lambda loc: (named(loc), -loc.start))
    ends = (pair[0].text, pair[1].text) if pair[0].place.township_pcode != pair[1].place.township_pcode else best.span_ends
    return Location(best.place, best.start, best.end, best.text, near=True, explicit=best.explicit, container=best.container,
                    span_ends=ends)

