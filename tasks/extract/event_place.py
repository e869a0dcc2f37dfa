"""Where an event happened when the sentence telling it names no place (or only "Myanmar"): the fallbacks.

In order: the event's paragraph (without its filing line), the details that follow it, the story's dateline,
an event told just before, the headline, the place the article names most. A dateline ("YANGON, Myanmar
(AP) —") is where the story was filed, so it comes after the event's own details: "At least three people
were killed Saturday. Police opened fire into a crowd in Mandalay ..." happened in Mandalay, not Yangon.
"""

from __future__ import annotations

import re

from tasks.extract import places as place_rules
from tasks.extract.scan import mentions_in
from tasks.extract.sentences import filed_prefix_end, find_dateline

# A filing line opens a paragraph only near the top of a page ("Philippine News Agency / February 21 /
# YANGON, Myanmar – ..."); further down an all-caps word and a dash are something else.
FILING_LINE_WITHIN = 1500
LEVEL_RANK_TOWNSHIP = place_rules.LEVEL_RANK["township"]


def fallback_location(knowledge, scan, cand, previous_location=None) -> place_rules.Location | None:
    """The event's paragraph, its details, the dateline, the event just before, the title, then the
    article's most named domestic place."""
    para = [s for s in scan.sentences if s.paragraph == cand.first.paragraph]
    filed = _filing_line(scan, para[0]) if para else None
    windows = [(max(para[0].start, filed[2] if filed else 0, scan.dateline_end), para[-1].end)] if para else []
    dateline = _dateline_span(scan) or (filed[:2] if filed else None)
    for window in [*windows, "details", *([dateline] if dateline else [])]:
        if window == "details":
            best = _detail_location(knowledge, scan, cand)
        else:
            locs = place_rules.locations_in(knowledge, mentions_in(scan, *window), scan.text, scan.context)
            best = place_rules.best_location(locs, cand.hit.start, scan.text, foreign_ok=False)
        if best and best.rank > 1:  # "in Myanmar" says less than the "Kayah state" named further on
            return best
    if previous_location is not None:
        return previous_location
    title_locs = place_rules.locations_in(knowledge, scan.title_mentions, scan.title, scan.context)
    best = place_rules.best_location(title_locs, 0, scan.title, foreign_ok=False)
    if best and best.rank > 1:
        return _region_meant(knowledge, best)

    article = place_rules.locations_in(knowledge, scan.mentions, scan.text, scan.context)
    domestic = [loc for loc in article if loc.place.country_iso == "MMR" and loc.rank >= 2 and not loc.container]
    if domestic:  # the place the article is about: the township named most often (a town and its township
        # are one place: "Thaketa Township" and "in Thaketa" outnumber a ward called "Man Pyay"), then its
        # place named most often, then the first named
        areas: dict[str, int] = {}
        counts: dict[str, int] = {}
        for loc in domestic:
            areas[_area(loc)] = areas.get(_area(loc), 0) + 1
            counts[loc.place.place_id] = counts.get(loc.place.place_id, 0) + 1
        top = max(domestic, key=lambda loc: (areas[_area(loc)], counts[loc.place.place_id], -loc.start))
        return place_rules.Location(top.place, top.start, top.end, top.text, near=True)
    return next((loc for loc in article if loc.place.level == "country"), None)


def _region_meant(knowledge, loc: place_rules.Location) -> place_rules.Location:
    """A headline's bare "in Sagaing", "in Magway", "in Bago" names the region more often than its capital town:
    read a town or township that bears its own region's name, not told as a town ("Sagaing town"), as the
    region, so that finer_place looks for the story's township inside it."""
    p = loc.place
    region = knowledge.places.get(p.state_pcode) if p.state_pcode else None
    if loc.explicit or p.level not in ("town", "township") or region is None or p.name_en in _CITIES_OF_MANY_TOWNSHIPS \
            or place_rules.state_base(region.name_en) != p.name_en:
        return loc
    return place_rules.Location(region, loc.start, loc.end, loc.text)


def _area(loc: place_rules.Location) -> str:
    return loc.place.township_pcode or loc.place.place_id


def own_location(scan, cand) -> place_rules.Location | None:
    """The place the event's sentences name, unless it is only the rank of a country or the filing place of
    a dateline that opens the paragraph ("YANGON, Myanmar – At least three people were killed ...")."""
    loc = cand.location
    if loc is None or loc.rank <= 1:
        return None
    sentence = next((s for s in cand.sentences if s.start <= loc.start < s.end), None)
    filed = _filing_line(scan, sentence) if sentence is not None else None
    return None if filed and filed[0] <= loc.start < filed[1] else loc


# a place told as where something happened ("opened fire into a crowd in the second city, Mandalay"), not a
# name that happens to hold one ("a protest organiser called Ye Htut")
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|at|near|outside|around|into)\b[^.;:]{0,25}|\b(?:city|town|village|township) of\s+)$",
                              re.IGNORECASE)


def _detail_location(knowledge, scan, cand) -> place_rules.Location | None:
    """The place told in the event's details outside its paragraph: the sentence right after the lead (unless
    it tells another event), then the event's own later sentences. Only places told as where something
    happened count, a township or finer, and only the next sentence: further on, places are people's homes and
    other stories."""
    own = {s.index for s in cand.sentences}
    details = [s for s in cand.sentences[1:] if s.paragraph != cand.first.paragraph]
    after = scan.sentences[cand.first.index + 1] if cand.first.index + 1 < len(scan.sentences) else None
    if after is not None and after.index not in own and after.index not in scan.event_sentences \
            and after.paragraph != cand.first.paragraph:
        details.insert(0, after)
    for s in details:
        lo = filed_prefix_end(scan.text, s.start, s.end)
        locs = [loc for loc in place_rules.locations_in(knowledge, mentions_in(scan, lo, s.end), scan.text, scan.context)
                if _LOCATIVE_BEFORE.search(scan.text[max(s.start, loc.start - 40):loc.start])]
        best = place_rules.best_location(locs, s.start, scan.text, foreign_ok=False)
        if best and best.rank >= LEVEL_RANK_TOWNSHIP:  # a region in the details says less than the later fallbacks
            return best
    return None


def _filing_line(scan, sentence) -> tuple[int, int, int] | None:
    """The place span of a filing line that opens the paragraph ("YANGON, Myanmar – At least three ...",
    "BANGKOK, May 3 (Reuters) -") below a page's first lines, and where the story's own words begin."""
    if sentence.start > FILING_LINE_WITHIN:
        return None
    line = find_dateline(sentence.text)
    if line is None or not line.place:
        return None
    return sentence.start + line.place_start, sentence.start + line.place_end, sentence.start + line.end


def _dateline_span(scan) -> tuple[int, int] | None:
    d = find_dateline(scan.text)
    return (d.place_start, d.place_end) if d else None


# where a truce was made: "talks were held in the Chinese city of Kunming", "signed in Naypyitaw" -- the
# venue words just before the place (not "controls towns in northern Shan state and was not at the talks")
_TRUCE_VENUE = re.compile(r"\b(?:talks|negotiations?|meetings?|signed|held|hosted)\b[^.;]{0,45}$", re.IGNORECASE)


def agreement_place(knowledge, scan, cand, where):
    """A truce is placed where the sentence telling it says (talks in Kunming, a deal for northern Shan),
    never at a town the rest of the article happens to name."""
    if where is None or where is not cand.location:
        return None
    if cand.first.start <= where.start < cand.first.end:
        return where
    # a lead ("a ceasefire between...") can host the later telling that names the venue
    if any(s.start <= where.start < s.end and _TRUCE_VENUE.search(scan.text[s.start:where.start]) for s in cand.sentences):
        return where
    return None


# places told in the story before the event, or in its details, that are finer than the region the event's
# sentence names: how many sentences to look at each side
_STORY_BEFORE, _DETAILS_AFTER = 2, 5
_CITIES_OF_MANY_TOWNSHIPS = frozenset({"Yangon", "Mandalay", "Nay Pyi Taw"})
# "said a 29-year-old woman in Hlaing Tharyar township", "a resident of X": where a speaker lives
_PERSON_OF = re.compile(r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}(?:woman|man|resident|villager|mother|father|farmer|teacher|"
                        r"student|monk|volunteer|worker|source)\s+(?:in|from|of)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def finer_place(knowledge, scan, cand, where, recent=None):
    """A lead that names only a region, a district or a city of many townships ("an air strike on a rebel-held
    town in the west", "in Muse District", "in Yangon") is placed by the township its story names inside that
    area: the details after it ("hit the northern town of Mrauk U"), the story just before ("on a road in
    Hpruso Township"), the event told just before, then the headline."""
    if where is None or where.place.country_iso != "MMR" or not _coarse(where) or where.start < scan.dateline_end:
        return where  # a dateline ("YANGON -") is where the story was filed: its townships are no detail of it
    inside = _inside(where)
    for s in [*details_after(scan, cand), *_story_before(scan, cand)]:
        lo = max(filed_prefix_end(scan.text, s.start, s.end), scan.dateline_end)
        locs = [loc for loc in place_rules.locations_in(knowledge, mentions_in(scan, lo, s.end), scan.text, scan.context)
                if loc.rank >= LEVEL_RANK_TOWNSHIP and inside(loc) and not _coarse(loc)
                and (loc.explicit or _LOCATIVE_BEFORE.search(scan.text[max(s.start, loc.start - 40):loc.start]))
                and not _PERSON_OF.search(scan.text[max(s.start, loc.start - 40):loc.start])]
        if locs:
            return min(locs, key=lambda loc: loc.start)
    if recent is not None and recent.rank >= LEVEL_RANK_TOWNSHIP and inside(recent) and not _coarse(recent):
        return recent
    for s in _lead(scan):  # the story's lead names the township its later details leave out
        locs = [loc for loc in place_rules.locations_in(knowledge, mentions_in(scan, max(s.start, scan.dateline_end), s.end),
                                                        scan.text, scan.context)
                if loc.rank >= LEVEL_RANK_TOWNSHIP and inside(loc) and not _coarse(loc) and loc.explicit]
        if locs:
            return locs[0]
    title_locs = [loc for loc in place_rules.locations_in(knowledge, scan.title_mentions, scan.title, scan.context)
                  if loc.rank >= LEVEL_RANK_TOWNSHIP and inside(loc) and not _coarse(loc)]
    return title_locs[0] if title_locs else where


def _lead(scan) -> list:
    """The article's lead: its first two paragraphs after the dateline (a byline may be the first), at most
    three sentences."""
    body = [s for s in scan.sentences if s.end > scan.dateline_end]
    return [s for s in body[:3] if s.paragraph <= body[0].paragraph + 1] if body else []


def _coarse(loc) -> bool:
    return loc.rank < LEVEL_RANK_TOWNSHIP or (loc.place.level == "town" and loc.place.name_en in _CITIES_OF_MANY_TOWNSHIPS)


def _inside(area):
    p = area.place
    if p.level == "district":
        return lambda loc: loc.place.district_pcode == p.district_pcode
    return lambda loc: bool(p.state_pcode) and loc.place.state_pcode == p.state_pcode


def details_after(scan, cand) -> list:
    """The sentences after the event's lead up to the next event's story."""
    own = {s.index for s in cand.sentences}
    out = []
    for s in scan.sentences[cand.first.index + 1:cand.sentences[-1].index + 1 + _DETAILS_AFTER]:
        if s.index in own:
            out.append(s)
        elif s.index in scan.event_sentences:
            break
        else:
            out.append(s)
    return out


def _story_before(scan, cand) -> list:
    """Up to two sentences before the lead, nearest first, that tell no event of their own."""
    out = []
    for s in reversed(scan.sentences[max(0, cand.first.index - _STORY_BEFORE):cand.first.index]):
        if s.index in scan.event_sentences:
            break
        out.append(s)
    return out
