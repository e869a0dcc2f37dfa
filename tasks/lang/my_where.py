"""Where a Burmese event happened: the sentence's place, the article's lead place, and the rule that the
towns a road runs between or the townships a border separates are not the place itself.

"မုံရွာ – ကလေးဝ ကားလမ်းမှာ တိုက်ပွဲ" (fighting on the Monywa–Kalewa road) happened somewhere along the
road, in neither town; "ဖယ်ခုံမြို့နယ်နှင့် ပင်လောင်းနယ်စပ်" (the Pekon–Pinlaung border) in neither
township. Such names place the event in their state only, unless the sentence also names a place of its
own ("ငဖဲမြို့နယ်၊ အမ်း – ပဒါန်းလမ်းပိုင်း": Ngape township, on the Ann–Padan road).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import islice

from tasks.extract.finalize import CITIES_OF_MANY_TOWNSHIPS
from tasks.extract.places import state_base
from tasks.lang.my_roles import LEVEL_RANK, resolve_place

# names joined by a dash or "and", then a road, border or "between" word: the whole chain is the ends
# ("မုံရွာမြို့ နဲ့ ကလေးဝမြို့ကို ဆက်သွယ်ထားတဲ့ ... ကားလမ်း": the road that links the two towns)
# (a name is a run of at most 24 characters: outlets that write a sentence with no spaces must not turn a
# whole clause into a road's end; the aircraft "လေယာဉ်" is no vehicle and "ပြောကြား" (said) no "between")
_NAME = r"[^\s\u104a\u104b\-–—]{1,24}?"
_VEHICLE = r"(?:ကား|(?<!လေ)ယာ[ဉဥ])"
_BETWEEN = re.compile(
    rf"(?:{_NAME}\s*(?:[\-–—]|နှင့်|နဲ့)\s*)+{_NAME}\s*(?:မြို့နယ်|မြို့)?\s*"
    r"(?:(?:ကို|အား)\s*(?:ဆက်သွယ်|ဖြတ်သန်း|သွားရာ)\S*\s*(?:[^\s\u104a\u104b]{0,24}?)?)?"
    rf"(?:နယ်စပ်|အစပ်|(?:ကား|မီးရထား)?လမ်း|အကြား|(?<!ပြော)ကြား|{_VEHICLE})")


# towns listed as a bus line's stops: "မုံရွာ ၊ ကလေးဝ ၊ ကလေး ၊ တမူး ကားတွေ" (the Monywa, Kalewa... buses)
_ROUTE = re.compile(rf"(?:{_NAME}\s*\u104a\s*){{2,}}{_NAME}\s*{_VEHICLE}")
# a convoy's or a column's journey, "from X toward Y" ("စစ်ကိုင်းကနေ မုံရွာဘက်ကို မောင်းနှင်လာတဲ့ ယာဉ်တန်း"):
# the towns it left and was heading to are not where it was hit
# (also without ဘက် when a verb of going follows: "ပခုက္ကူမြို့မှ ပခန်းမြို့သို့လာသည့် စစ်ကြောင်း")
_JOURNEY = re.compile(rf"{_NAME}\s*(?:မြို့)?\s*(?:ကနေ|မှ)\s*{_NAME}\s*(?:မြို့)?\s*"
                      r"(?:ဘက်\s*(?:ကို|သို့)|(?:ကို|သို့)\s*(?=(?:ထွက်)?(?:လာ|သွား|ချီ|မောင်း|ဆုတ်|ပြန်)))")
# an ethnic state's name before "တပ်" names a force ("ကရင်နီတပ်ပေါင်းစု"), not where it fought
_FORCE_AFTER = re.compile(r"\s*(?:အမျိုးသား)?တပ်")
# "မုံရွာအခြေစိုက် ကုန်သည်များ" (Monywa-based traders): where a source or a group is based, not the event
_BASED = re.compile(r"\s*(?:မြို့နယ်|မြို့)?\s*(?:အခြေစိုက်|အခြေပြု)")
# "မင်္ဂလာဒုံနဲ့ ကြည့်မြင်တိုင်မြို့နယ်တွေက ကျောင်းသားတွေ" (students from the Mingaladon and Kyimyindaing
# townships): places in the plural with "from" tell where people came from, not where they acted
_ORIGIN = re.compile(r"\s*(?:မြို့နယ်|မြို့|ရွာ)?\s*(?:တွေ|များ|တို့)\s*(?:ကနေ|က|မှ)(?![\u102b-\u103e\u1039\u103a])")
_AND = re.compile(r"\s*(?:နဲ့|နှင့်|\u104a)\s*$")


# a place name glued to a newsroom's or a river's word names the outlet or the river ("ရန်ကုန်ခေတ်သစ်"
# Yangon Khit Thit, "Dawei Watch", "ဧရာဝတီမြစ်" the river, "သံလွင်တိုင်းမ်"), and no place is ever told anything
# ("ဧရာဝတီကို ပြောသည်": told The Irrawaddy); the town whose hospital the wounded were taken to or treated in
# ("လားရှိုးဆေးရုံကို ရောက်ရှိလာ", reached Lashio hospital) is not where they were hurt
_NOT_PLACE_AFTER = re.compile(r"\s*(?:ခေတ်သစ်|မြစ်(?!ကြီးနား)|တိုင်းမ်|မီဒီယာ|ဂျာနယ်|သတင်းဌာန|"
                              r"(?:Watch|News|Times|Media|Post|Journal|Voice|Herald|Free Press|World|Khit Thit|Daily|Weekly|Online)\b|(?:ကို|သို့)\s*(?:ပြော(?!င်း)|ဖြေကြား|အတည်ပြု)"
                              r"|(?:မြို့)?\s*(?:ပြည်သူ့)?ဆေးရုံ(?:ကြီး)?\s*(?:ကို|သို့|မှာ|တွင်|၌)\s*(?:အမြန်|ဆက်လက်)?\s*"
                              r"(?:ပို့|ရောက်|တင်ပို့|သယ်|ကုသ))")


def drop_non_places(text: str, mentions) -> list:
    """The matcher's mentions without place names that name an outlet or a river, are spoken to, or name
    the hospital the wounded were taken to."""
    return [m for m in mentions if not (m.kind == "place" and _NOT_PLACE_AFTER.match(text, m.end))]


_LINK_WORD = re.compile(r"နယ်စပ်|အစပ်|လမ်း|ကြား|ကား|ယာဉ်|ဘက်\s*(?:ကို|သို့)")


@lru_cache(maxsize=64)
def between_spans(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """Spans of `text` (within start..end) naming the ends of a road, the sides of a border or the
    stops of a bus line (most sentences have no road or border word: they are not searched)."""
    end = len(text) if end is None else end
    if not _LINK_WORD.search(text, start, end):
        return ()
    return tuple((m.start(), m.end()) for pattern in (_BETWEEN, _ROUTE, _JOURNEY)
                 for m in pattern.finditer(text, start, end))


def sentence_place(knowledge, text: str, sentence, local, context, anchor: int):
    """(place, between): the sentence's most specific place; when its only places are road ends or
    border sides, their common state, with between=True (the article's township must not fill it in)."""
    spans = between_spans(text, sentence.start, sentence.end)
    places = [(m, p) for m in local if m.kind == "place" and (p := resolve_place(knowledge, m, context))
              and not (p.level == "state" and _FORCE_AFTER.match(text, m.end)) and not _BASED.match(text, m.end)]
    inside = _list_head(knowledge, text, _without_origins(text, _without_ends_of_a_trip(
        text, sentence, [(m, p) for m, p in places if not any(s <= m.start < e for s, e in spans)])))
    if inside or not places:
        # a village must still lie in a township the sentence names, border sides included
        named = {p.township_pcode for _m, p in places if p.level == "township"}
        return best_place(inside, anchor, context, named), False
    ends = [p for _m, p in places if p.country_iso == "MMR" and p.state_pcode]
    states = {state_base(p.state_name) for p in ends}
    if len(states) != 1:
        return None, True
    return knowledge.places.get(ends[0].state_pcode), True


_LIST_GAP = re.compile(r"\s*(?:\u104a|နှင့်|နဲ့)\s*")


def _list_head(knowledge, text: str, places: list) -> list:
    """Of places of one level listed together ("ကနီ၊ ယင်းမာပင်နှင့် ပုလဲမြို့နယ်များ"), the first named
    (the guide's convention for an act told of several places at once), not the one nearest the verb."""
    drop: set[int] = set()
    for (a, pa), (b, pb) in zip(places, places[1:]):
        if _kinds(knowledge, a, pa) & _kinds(knowledge, b, pb) and _LIST_GAP.fullmatch(text[a.end:b.start]):
            drop.add(id(b))
    return [(m, p) for m, p in places if id(m) not in drop] if drop else places


def _kinds(knowledge, mention, place) -> set[str]:
    """The levels a name may stand at (a bare "ယင်းမာပင်" is the district, the township or the town)."""
    levels = {place.level, *(p.level for ref in mention.ref_ids if (p := knowledge.places.get(ref)))}
    return {"township" if level == "town" else level for level in levels}


def _without_origins(text: str, places: list) -> list:
    """The places less those people came from (an origin, or a place joined by "and" to the one marked),
    when the sentence names a place as large or larger of its own."""
    origin: set[int] = set()
    for i in range(len(places) - 1, -1, -1):
        m = places[i][0]
        later = places[i + 1][0] if i + 1 < len(places) else None
        if _ORIGIN.match(text, m.end) or (later and id(later) in origin and _AND.match(text[m.end:later.start])):
            origin.add(id(m))
    rest = [(m, p) for m, p in places if id(m) not in origin]
    if not origin or not rest:
        return places
    top = max(LEVEL_RANK.get(p.level, 0) for _m, p in rest)
    return [(m, p) for m, p in places if id(m) not in origin or LEVEL_RANK.get(p.level, 0) > top]


# where a flight or a column set off ("တံတားဦးတပ်ကနေ ဂျက်ဖိုက်တာ ၂ စီးနဲ့", with jets from the Tada-U base)
# and where a traveller was heading ("ကြေးမုံရွာကို ကြွလာတဲ့ ဆရာတော်", the monk on his way to Kyay Mon):
# the ends of a trip, not where the act happened - when the sentence names the place it struck
# (a village, town or camp as the object: "ရွာကို") or another place of its own
_SET_OFF = re.compile(r"\s*(?:မြို့နယ်|မြို့)?\s*[^\s\u104a\u104b]{0,6}?\s*(?:ကနေ|မှနေ)(?![\u102b-\u103e\u1039\u103a])")
# (heading: a verb of going that qualifies the traveller - "...ကို ကြွလာတဲ့ ဆရာတော်" - not "ရွာကို လာပစ်", came and shot)
_HEADING = re.compile(r"\s*(?:မြို့နယ်|မြို့|ရွာ)?\s*(?:ဘက်)?\s*(?:ကို|သို့)\s*(?:ထွက်)?(?:ကြွ|လာ|သွား|ပြန်|မောင်းနှင်)"
                      r"(?:လာ|သွား)?(?:နေ)?\s*(?:တဲ့|သည့်|သော|မည့်|မယ့်)")
# where the doers are garrisoned ("ကလေးမြို့နယ်တောင်ပိုင်း၊ ကျောက်ပြုတ်ကျေးရွာတွင် တပ်စွဲထားသော စစ်ကောင်စီ", the junta
# troops stationed at Kyauk Pyok in southern Kale): their base, not where they came to act
_STATIONED = re.compile(r"[^\u104b]{0,40}?(?:တွင်|မှာ|၌)\s*တပ်\s*(?:စွဲ|ချ)\s*(?:ထား|နေ)\s*(?:သော|တဲ့|သည့်)")
_STRUCK = re.compile(r"(?:ရွာ|မြို့|စခန်း|ရပ်ကွက်)\s*(?:ကို|အား)(?![\u102b-\u103e\u1039\u103a])")
_ADDRESS_GAP = re.compile(r"[\s\u104a]*")


def _without_ends_of_a_trip(text: str, sentence, places: list) -> list:
    ends: set[int] = set()
    for i in range(len(places) - 1, -1, -1):
        m = places[i][0]
        later = places[i + 1][0] if i + 1 < len(places) else None
        if _SET_OFF.match(text, m.end) or _HEADING.match(text, m.end) or _STATIONED.match(text, m.end) \
                or (later and id(later) in ends and _ADDRESS_GAP.fullmatch(text, m.end, later.start)):
            ends.add(id(m))   # ("မုံရွာမြို့နယ် ၊ မုံရွေး ကြေးမုံရွာကို": the address of the destination too)
    if not ends:
        return places
    rest = [(m, p) for m, p in places if id(m) not in ends]
    struck = _STRUCK.search(text, sentence.start, sentence.end)
    return rest if rest or struck else places


def best_place(places, anchor: int, context=None, named: set | None = None):
    mmr = [(m, p) for m, p in places if p.country_iso == "MMR"]
    named = (named or set()) | {p.township_pcode for _m, p in mmr if p.level == "township"}
    if named:  # "ဖြူးမြို့နယ် မျက်နီကွင်းကျေးရွာ": a village elsewhere of the same name is not this one
        mmr = [(m, p) for m, p in mmr if p.level != "village_tract" and p.level != "town" or p.township_pcode in named]
    if not mmr:
        return None
    named_often = context[2] if context and len(context) > 2 else {}
    # the most specific place; among equals the township the article names most, then the nearest
    return max(mmr, key=lambda mp: (LEVEL_RANK.get(mp[1].level, 0), named_often.get(mp[1].township_pcode, 0),
                                    -abs(mp[0].start - anchor)))[1]


def lead_place(knowledge, text, sentences, mentions, starts, context, title_mentions):
    """Where the article is: the title's place, else the lead's, else the township it names most. The lead
    is the first two sentences that name anything the knowledge knows: a page's menu, share buttons or
    byline above the headline ("Home / သတင်း", "Share this") do not push the headline out of it."""
    told = (s for s in sentences if bisect_left(starts, s.start) < bisect_left(starts, s.end))
    lead = [[m for m in mentions[bisect_left(starts, s.start):bisect_left(starts, s.end)]
             if not any(a <= m.start < b for a, b in between_spans(text, s.start, s.end))] for s in islice(told, 2)]
    for group in (title_mentions, *lead):
        places = [(m, p) for m in group if m.kind == "place" and (p := resolve_place(knowledge, m, context))]
        best = best_place(places, 0)
        if best is not None and best.level != "country":
            return best
    # else the township it names most: by state/district/township names, else through its towns and
    # villages ("ဝိုင်းမော်မြို့မှ ဆဒုံးသို့": both in Waingmaw); among equals the first named
    for townships in (context[1], context[2] if len(context) > 2 else None):
        if townships:
            return knowledge.places.get(townships.most_common(1)[0][0])
    return None


def event_place(knowledge, place, lead, context, between: bool = False):
    """The sentence's place; a state or district alone ("ရှမ်းမြောက်တွင်") takes the township the article
    places itself in (its lead, else the township it names most) when that township lies inside it -
    unless the state came from the ends of a road or the sides of a border."""
    if place is None or place.level == "country":
        return place if between else (lead or place)
    if place.level not in ("state", "district") or between:
        return place
    townships = context[1] if context and len(context) > 1 else {}
    inner = [lead] + [knowledge.places.get(t) for t, _ in townships.most_common(2)]
    for candidate in inner:
        if candidate is not None and candidate.township_pcode and _inside(candidate, place):
            return candidate
    return place


def _inside(inner, outer) -> bool:
    if outer.level == "district":
        return inner.district_pcode == outer.place_id
    return state_base(inner.state_name) == state_base(outer.state_name)


def set_place(event, place) -> None:
    if place is None:
        return
    event.place_id, event.location, event.country_iso = place.place_id, place.name_en, place.country_iso
    event.admin1, event.admin1_pcode = place.state_name or None, place.state_pcode or None
    event.admin2, event.admin2_pcode = place.district_name or None, place.district_pcode or None
    event.admin3, event.admin3_pcode = place.township_name or None, place.township_pcode or None
    if place.level == "town" and place.name_en in CITIES_OF_MANY_TOWNSHIPS:
        # "မန္တလေးမြို့မှာ": the city, not the one township MIMU files its point under (as in English)
        event.admin2 = event.admin2_pcode = event.admin3 = event.admin3_pcode = None
    event.latitude, event.longitude = place.latitude, place.longitude
    event.geo_precision = {"town": 1, "village_tract": 1, "township": 2, "district": 2}.get(place.level, 3)
