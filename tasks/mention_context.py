"""What a mention means where it stands, for the relevance tagger (tasks/tag.py): trigger words that tell no
act of war in their context (a market falling, the coup recalled, people handed over), Myanmar named only
as another country's border, places and governments abroad, and page furniture taken for a headline.
Plain functions over tasks.knowledge mentions; no scoring here (tasks/relevance.py scores).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.knowledge import Knowledge, Mention, Trigger
from tasks.relevance import LEAD_VIOLENCE_WEIGHT, VIOLENT_TYPES, is_foreign_country, strongest_trigger
from tasks.word_gates import gated

# A "title" that is the page's furniture, not a headline ("Latest News", "World", "Advertisement", "CNI News",
# a bare date or address): what a scraper takes when the page's own headline is missed.
PAGE_FURNITURE = re.compile(
    r"(?:(?:latest|breaking|top|world|local|national|asia|more|\w+)\s*)?news|advertisement|home(?:\s*page)?|world|asia|"
    r"categor(?:y|ies):.*|(?:left|main|top)\s+menu|top\s+of\s+(?:the\s+)?page|by:\s.*|https?://\S+|[\w-]+\.(?:com|org|net)|"
    r"business(?:\s*(?:&|and)\s*economy)?|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|"
    # a sharing widget's line: "Connect to share and comment", "Share this article", "Sign in to comment"
    r"(?:(?:connect|sign\s+in|log\s*in|sign\s+up)\s+to\s+)?(?:share|comment)(?:\s+(?:and|&)\s+(?:share|comment))?"
    r"(?:\s+(?:this|on)(?:\s+\w+)?)?", re.IGNORECASE)


# "the kyat fell to a record low", "exports fell to $2bn": a market, not a town falling
_MARKET_AFTER = re.compile(r"^\s+(?:(?:a|an|its|their)\s+)?(?:(?:new|fresh|record|all-time|historic|\d+-year)\s+)+"
                           r"(?:low|high|lows|highs)\b|^\s+(?:us)?\$|^\s+\d", re.IGNORECASE)


# "since the military seized power", "took power in a coup": the coup every story recalls, not a capture
_POWER_AFTER = re.compile(r"^\s+(?:political\s+|state\s+)?power\b", re.IGNORECASE)


# "hands over 260 foreigners", "handed over 50 Chinese nationals": people handed over (a scam-centre
# handover, a prisoner release), not a base or a town
_PEOPLE_AFTER = re.compile(
    r"^\s+(?:(?:at least|more than|about|some|over|nearly|another)\s+)?(?:[\d,]+\s+)?(?:[A-Za-z-]+\s+){0,2}?"
    r"(?:foreigners|nationals|citizens|workers|migrants|victims|suspects|prisoners|detainees|captives|hostages|"
    r"bodies|people|civilians|fugitives)\b", re.IGNORECASE)
_TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory",
                        "Non-violent transfer of territory"})


# "since the 2021 coup", "after the military coup", "seized power in a coup", "the coup-hit country": the coup
# every story since February 2021 recalls, not the story's news. A headline's own coup ("Myanmar coup: army
# detains Suu Kyi") has no such cue and still counts.
_COUP_RECALLED_BEFORE = re.compile(
    r"(?:\b(?:since|after|following|before|triggered\s+by|sparked\s+by|prompted\s+by|in|anti-?)|\b\d{4})\s*"
    r"(?:(?:the|a|an|its|their|his|last\s+\w+['’]s|february['’]?s?|military|army|\d{4})\s+)*$", re.IGNORECASE)
_COUP_RECALLED_AFTER = re.compile(r"^(?:-hit|-era|-torn|-ridden|\s+(?:last|in)\s+(?:\w+\s+)?(?:20\d\d|month|year|february))",
                                  re.IGNORECASE)

# "drugs seized", "seized 60 kg of methamphetamine", "confiscated a haul of stimulants": goods taken by police,
# not ground taken in a war
_GOODS = re.compile(r"\b(?:drugs?|narcotics?|meth(?:amphetamine)?|stimulants?|tablets|pills|heroin|opium|yaba|"
                    r"kg|kilograms?|kilos|tonnes|tons|haul|contraband|timber|jade|smuggled|worth)\b", re.IGNORECASE)
_SEIZING = ("seiz", "confiscat", "captur")

# "an assault rifle", "M16 assault rifles": a weapon's name, not an assault
_RIFLE_AFTER = re.compile(r"^\s+rifles?\b", re.IGNORECASE)

# "the team recovered nine grenades and a mortar", "a cache of rockets was found": arms as the goods an inventory
# lists (a seizure, often abroad), not weapons used. Only where no Myanmar armed actor stands in the sentence
# (tasks/tag.py asks): a seizure by the junta or a rebel group is the war's, and the lexicon's "arms cache" or
# "weapons seized" keep counting as such.
_ARMS_NOUNS = frozenset({"grenade", "grenades", "hand grenade", "hand grenades", "mortar", "mortars", "mortar shell",
                         "mortar shells", "rocket", "rockets", "landmine", "landmines", "explosives"})
_RECOVERING = re.compile(r"\b(?:recover(?:s|ed|ing|y)?|seiz(?:e|es|ed|ing|ure)|confiscat\w*|found|discover(?:s|ed)?|"
                         r"unearth(?:s|ed)?|cache|haul)\b", re.IGNORECASE)

# "the fight against terrorism", "fight against corruption": a campaign named, not fighting
_ABSTRACT_FIGHT_AFTER = re.compile(r"^\s+against\s+(?:the\s+)?(?:terrorism|terror|terrorists|corruption|drugs|narcotics|"
                                   r"poverty|covid|the pandemic|pandemic|crime|climate|hunger|disease|misinformation)",
                                   re.IGNORECASE)


# "jet fuel for use in airstrikes", "the jets it uses to launch airstrikes", "has relied on airstrikes": what
# the weapons are for or the war is like, told by a sanctions notice or an analysis, not an act on a day
_PURPOSE_BEFORE = gated(re.compile(r"\b(?:for\s+use\s+(?:in|on)|used\s+(?:in|for)|uses?\s+(?:\w+\s+)?to\s+(?:launch|carry\s+out|"
                             r"conduct|stage)|reli(?:ed|es|ance)\s+on|relying\s+on|capable\s+of|"
                             # what someone asks to be ended: "called for an end to airstrikes", "a halt to the shelling"
                             r"(?:end|halt|stop|cessation)\s+(?:to|of))\s+(?:[\w-]+\s+){0,3}$",
                             re.IGNORECASE))


# "exports fall amid fighting", "prices soar due to the conflict": the war as the circumstance of another
# subject's news, not an act told. Only the war's generic nouns: "amid clashes, troops kill 5" still counts "kill".
_CIRCUMSTANCE_BEFORE = re.compile(r"\b(?:amid|amidst|despite|due\s+to|because\s+of|caused\s+by|hit\s+by)\s+(?:the\s+)?"
                                  r"(?:(?:ongoing|continued|continuing|heavy|intense|renewed|escalating|fierce|recent|"
                                  r"armed|civil)\s+)*$", re.IGNORECASE)
# "amid fighting with Karen forces": the fighting's parties named, an act told in passing all the same
_PARTIES_AFTER = re.compile(r"^\s+(?:with|between|against|involving|by)\b", re.IGNORECASE)
_WAR_NOUNS = frozenset({"fighting", "clashes", "conflict", "war", "violence", "unrest", "hostilities", "insecurity"})


# A sentence dated only years before the newest year its story names ("On August 8, 1988, soldiers opened
# fire" in a piece that also names 2021 or 2023; "the 2017 clearance operations"): history recalled for context
# (the coding guide), unless it also tells something current (a weekday, "yesterday", "resumed"). Relative, not
# a fixed year: a 2016 report of a 2016 clash names no later year, and is that year's news.
_YEAR = re.compile(r"\b(?:19\d\d|20\d\d)\b")
HISTORY_YEARS = 5  # a future year named (an election "by 2026") must not make this year's news history
# "the deadliest since 2021", "fighting has raged since the 2021 coup": a span reaching the present, not a date
_SPAN_FROM = re.compile(r"\b(?:since|after|until|till|through|from)\s+(?:(?:the|early|late|mid|[A-Z][a-z]+)\s+){0,2}"
                        r"(?:19|20)\d\d\b", re.IGNORECASE)
_CURRENT = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
                      r"tonight|last\s+(?:night|week|month)|this\s+(?:week|month|year)|resumed|renewed|again)\b",
                      re.IGNORECASE)
# "Thirty-five years after 8888, survivors recall the massacre": an act remembered, however violent the word
_ELAPSED = gated(re.compile(r"\b(?:\w+|\d+)[- ](?:years?|decades?)\s+(?:after|since|ago|on|later)\b", re.IGNORECASE))
_MEMORY = re.compile(r"\b(?:recall(?:s|ed|ing)?|remember(?:s|ed|ing)?|commemorat\w*|mourn(?:s|ed|ing)?|look(?:s|ed)?\s+back)\b",
                     re.IGNORECASE)

# The letters IGNORECASE lets match an ASCII letter (ASCII, and "İ", "ı", "ſ", the Kelvin sign).
_LATIN_LIKE = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")


def may_hold_words(text: str) -> bool:
    """Can a pattern of English words match in `text` at all? A quick test before such a scan: on Burmese
    text an IGNORECASE pattern tries every syllable (each is a word boundary) and costs ~15x this test."""
    return text.isascii() or _LATIN_LIKE.search(text) is not None


def _years(text: str) -> list[str]:
    """_YEAR's finds; its years are spelt with ASCII "19" or "20", which a quick substring test looks for."""
    return _YEAR.findall(text) if "19" in text or "20" in text else []


# "Russia delivers six fighter jets", "bought drones from China": weapons traded, not used
_WEAPONS = frozenset({"fighter jet", "fighter jets", "jets", "warplane", "warplanes", "drones", "drone", "helicopters",
                      "helicopter", "missiles", "artillery", "aircraft", "helicopter gunship", "helicopter gunships"})
_WEAPONS_BEFORE = re.compile(r"\b(?:jets|warplanes|drones|helicopters|missiles|aircraft|weapons|arms|rifles|guns)\s+"
                             r"(?:(?:were|was|have\s+been|had\s+been|are|is)\s+)?$", re.IGNORECASE)
_SUPPLY_BEFORE = re.compile(r"\b(?:deliver(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|sell(?:s|ing)?|sold|buy(?:s|ing)?|bought|"
                            r"purchas\w*|acquir\w*|import\w*|export\w*|order(?:s|ed)?|hand(?:s|ed)?\s+over)\s+"
                            r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# "crashes during training", "an engine failure": a mishap's cause, so its deaths are an accident's, even an
# army aircraft's (a crash told with no cause may be a shoot-down: the accident rule leaves it to the lead)
_MISHAP = gated(re.compile(r"\b(?:during|on)\s+(?:a\s+)?(?:routine\s+)?(?:training|exercise|drill|test\s+flight)|"
                     r"training\s+(?:flight|mission|exercise)|technical\s+(?:fault|problem|failure|error|glitch)|"
                     r"engine\s+(?:failure|trouble|fault)|mechanical\s+(?:failure|fault|problem)", re.IGNORECASE))


def _traded_or_mishap(mention: Mention, text: str, word: str, trigger: Trigger | None) -> bool:
    """`word`: the mention's text lowered; `trigger`: its strongest_trigger."""
    if word in _WEAPONS and _SUPPLY_BEFORE.search(text[max(0, mention.start - 50):mention.start]):
        return True
    if trigger is None or trigger.signal != "conflict":
        return False
    if trigger.sub_event_type in _TERRITORY and _WEAPONS_BEFORE.search(text[max(0, mention.start - 40):mention.start]):
        return True  # "the jets were handed over at a ceremony": weapons handed over, not a base
    sentence = _sentence(text, mention.start, mention.end)
    return may_hold_words(sentence) and _MISHAP.search(sentence) is not None


# _history and _traded_or_mishap ask for the same mention's sentence: the text is the same object, so a hit
# costs an identity test (its hash is kept by the string)
@lru_cache(maxsize=8)
def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a mention (cut at . ! ? and line breaks)."""
    before = _END_BEFORE.split(text[max(0, start - 300):start])[-1]
    after = _END_AFTER.split(text[end:end + 300], 1)[0]
    return f"{before}{text[start:end]}{after}"


_END_BEFORE = re.compile(r"[.!?\n]\s")
_END_AFTER = re.compile(r"[.!?\n](?:\s|$)")


def _history(mention: Mention, text: str, newest: int, trigger: Trigger | None) -> bool:
    """A conflict trigger (`trigger`, the mention's strongest) in a sentence dated only years before `newest` (the
    newest year the text names), or in one remembering an act."""
    if newest < 0:
        return False
    if trigger is None or trigger.signal != "conflict":
        return False
    return _history_sentence(_sentence(text, mention.start, mention.end), newest)


@lru_cache(maxsize=256)
def _history_sentence(sentence: str, newest: int) -> bool:
    """The test of _history on the sentence itself: the same for every trigger of that sentence."""
    english = may_hold_words(sentence)  # without it no span, no current word, no "years after": only the years count
    years = [int(y) for y in _years(_SPAN_FROM.sub(" ", sentence) if english else sentence)]
    return (bool(years) and max(years) <= newest - HISTORY_YEARS and not (english and _CURRENT.search(sentence))
            or english and bool(_ELAPSED.search(sentence)) and bool(_MEMORY.search(sentence)))


def _sentence_window(text: str, start: int, end: int, reach: int = 50) -> str:
    """Up to `reach` characters either side of a mention, cut at sentence ends."""
    before = re.split(r"[.!?\n]", text[max(0, start - reach):start])[-1]
    after = re.split(r"[.!?\n]", text[end:end + reach])[0]
    return f"{before} {after}"


def _recalled_or_figurative(mention: Mention, text: str, word: str) -> bool:
    """The coup recalled, goods seized, a campaign "fought", a weapon's purpose: trigger words that tell no act.
    `word`: the mention's text lowered."""
    if word == "coup":
        return bool(_COUP_RECALLED_BEFORE.search(text[max(0, mention.start - 40):mention.start])
                    or _COUP_RECALLED_AFTER.match(text[mention.end:mention.end + 30]))
    if word.startswith(_SEIZING):
        return bool(_GOODS.search(_sentence_window(text, mention.start, mention.end)))
    if word in _WAR_NOUNS and _CIRCUMSTANCE_BEFORE.search(text[max(0, mention.start - 50):mention.start]):
        return not _PARTIES_AFTER.match(text[mention.end:mention.end + 20])
    if word.startswith("fight"):
        return bool(_ABSTRACT_FIGHT_AFTER.match(text[mention.end:mention.end + 40]))
    if word == "assault":
        return bool(_RIFLE_AFTER.match(text[mention.end:mention.end + 20]))
    before = text[max(0, mention.start - 50):mention.start]
    return may_hold_words(before) and _PURPOSE_BEFORE.search(before) is not None


def no_act_words(knowledge: Knowledge, mentions: list[Mention], text: str) -> list[Mention]:
    """Trigger words that tell no act of war here: a market falling, the coup recalled, people handed over."""
    newest = max((int(y) for y in _years(text)), default=0)
    if not newest and not (may_hold_words(text) and _ELAPSED.search(text)):
        newest = -1  # no year and no "years after" anywhere: no sentence of it can be history
    return [m for m in mentions
            if m.kind != "trigger" or not _tells_no_act(knowledge, m, text, newest, mentions)]


def _tells_no_act(
    knowledge: Knowledge, mention: Mention, text: str, newest: int, mentions: list[Mention],
) -> bool:
    """no_act_words' test of one trigger mention. Its word lowered and its strongest trigger are found once here
    for all the tests that ask for them (five lowerings and three lookups a trigger, ~20 triggers an article)."""
    word, trigger, end = mention.text.lower(), strongest_trigger(knowledge, mention), mention.end
    # the territory test before _PEOPLE_AFTER: the lookup is cheaper than the regex and rarely true
    return bool(
        (word.startswith("fal") or word.startswith("fell")) and _MARKET_AFTER.match(text[end:end + 40])
        or _POWER_AFTER.match(text[end:end + 20])
        or trigger is not None and trigger.sub_event_type in _TERRITORY
        and _PEOPLE_AFTER.match(text[end:end + 60])
        or _recalled_or_figurative(mention, text, word) or _history(mention, text, newest, trigger)
        or _traded_or_mishap(mention, text, word, trigger)
        or _arms_listed(knowledge, mention, text, mentions, word))


def _arms_listed(
    knowledge: Knowledge, mention: Mention, text: str, mentions: list[Mention], word: str,
) -> bool:
    """A weapon named among goods recovered or seized, in a sentence naming no Myanmar armed actor. `word`: the
    mention's text lowered."""
    if word not in _ARMS_NOUNS:
        return False
    before = re.split(r"[.!?\n]\s", text[max(0, mention.start - 300):mention.start])[-1]
    after = re.split(r"[.!?\n](?:\s|$)", text[mention.end:mention.end + 300])[0]
    start, end = mention.start - len(before), mention.end + len(after)
    if not _RECOVERING.search(text[start:end]):
        return False
    return not any(m.kind == "actor" and start <= m.start < end and _armed_myanmar(knowledge, m) for m in mentions)


def _armed_myanmar(knowledge: Knowledge, mention: Mention) -> bool:
    return any((actor := knowledge.actors.get(ref)) is not None and actor.country_iso == "MMR"
               and actor.inter_code in (1, 2, 3, 4) for ref in mention.ref_ids)


# "near the Myanmar border", "on the Myanmar-Thai border": told of another country's forces, Myanmar names
# only the line they act at. A Myanmar border guard or post is Myanmar's own.
_BORDER_AFTER = re.compile(r"^(?:\s*[-\u2013/]\s*[A-Z][a-z]+)?\s+border\b(?!\s*(?:guard|police|force|post|outpost|"
                           r"battalion|security))", re.IGNORECASE)


# Asked of every mention of every sentence: memoised by what the answer depends on (bounded by the seeds).
_FOREIGN: dict[tuple[str, str, tuple[str, ...]], bool] = {}


def is_foreign(knowledge: Knowledge, mention: Mention) -> bool:
    """Another country, or a force or government of one ("Thai police", "Indian army")."""
    if mention.kind not in ("actor", "place"):
        return False
    key = (knowledge.version, mention.kind, mention.ref_ids)
    found = _FOREIGN.get(key)
    if found is None:
        found = (any((actor := knowledge.actors.get(ref)) is not None and actor.country_iso not in ("", "MMR")
                     for ref in mention.ref_ids) if mention.kind == "actor" else is_foreign_country(knowledge, mention))
        if len(_FOREIGN) < 100_000:
            _FOREIGN[key] = found
    return found


def foreign_place(knowledge: Knowledge, mention: Mention) -> bool:
    """A place abroad the war reaches (Cox's Bazar, Mae Sot, Kunming): neutral for anchoring, but what
    happens there (camp life, exiles' rallies, talks) happens abroad."""
    return mention.kind == "place" and any((p := knowledge.places.get(ref)) is not None and p.level == "foreign"
                                           for ref in mention.ref_ids)


def not_borders(mentions: list[Mention], text: str) -> list[Mention]:
    return [m for m in mentions if not (m.kind == "place" and "MMR" in m.ref_ids
                                        and _BORDER_AFTER.match(text[m.end:m.end + 60]))]



def myanmar_place_below_country(knowledge: Knowledge, mention: Mention) -> bool:
    return mention.kind == "place" and any(
        (place := knowledge.places.get(ref)) is not None and place.country_iso == "MMR" and place.level != "country"
        for ref in mention.ref_ids)


# One item of a bulleted list of headlines: "- AA captures junta base in ...", "• Four killed in ...".
_MENU_ITEM = re.compile(r"[ \t]*[-\u2013\u2022*][ \t]+[^\n]*")
MENU_MIN_ITEMS = 2


def without_story_menu(title: str, text: str) -> tuple[str, str]:
    """A page often opens with a bulleted list of the site's other headlines (latest or related news) above
    the story: those are other stories, and a rice-export report under "- Four killed in airstrike" is
    still about rice. Two or more such items before the first line of prose are blanked (spaces, so that
    mention offsets still point into the stored text); a title that is itself an item goes with them."""
    title_item = bool(title) and _MENU_ITEM.fullmatch(title) is not None
    items, pos = int(title_item), 0
    while (match := _MENU_ITEM.match(text, pos)) is not None and match.end() > match.start():
        items += 1
        pos = match.end() + 1
    if items < MENU_MIN_ITEMS:
        return title, text
    end = min(pos, len(text))
    return ("" if title_item else title), re.sub(r"[^\n]", " ", text[:end]) + text[end:]


# A breadcrumb taken for a headline: "You are here: Home » News » Diplomacy", "Home > World > Asia".
BREADCRUMB = re.compile(r"(?:you\s+are\s+here\s*:?\s*)?home\s*[\u00bb>\u203a|/].*", re.IGNORECASE)
LEAD_MIN_WORDS = 4


def lead_units(text: str, units: list[tuple[int, int]], language: str) -> int:
    """A story without a headline leads with its first line of at least LEAD_MIN_WORDS words: the site's name
    or a section label above it ("Business Standard", "Social Issues") is not what the story is about. Only
    where spaces part words (Burmese spaces part phrases): elsewhere the first line leads, as before."""
    if language != "en":
        return 1
    for index, (start, end) in enumerate(units):
        if len(text[start:end].split()) >= LEAD_MIN_WORDS:
            return index + 1
    return 1


# "jails her for five years", "sentenced to 20 years": the term a court hands down, in a sentence about jail
_TERM = re.compile(r"\b(?:for|to)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                   r"fifteen|twenty|thirty|forty|fifty)\s+(?:more\s+)?years?\b", re.IGNORECASE)
_JAIL = gated(re.compile(r"\b(?:jail\w*|sentenc\w*|imprison\w*|prison\w*)\b", re.IGNORECASE))
PRISON_TERM = "prison term"  # the lexicon's court trigger a term found here stands for


def prison_terms(knowledge: Knowledge, text: str) -> list[Mention]:
    """A prison term told with its jailing ("jails her for five years"): a court's doing, as the lexicon's "prison
    term" is, though no lexicon phrase spells it."""
    if PRISON_TERM not in knowledge.triggers or not _JAIL.search(text):
        return []
    return [Mention("trigger", (PRISON_TERM,), m.start(), m.end(), m.group(0)) for m in _TERM.finditer(text)
            if _JAIL.search(_sentence(text, m.start(), m.end()))]


def repeated_title_lead(title: str, text: str, units: list[tuple[int, int]]) -> int:
    """A page whose text repeats its headline as the first line leads, under the headline, with the sentence after
    it: the lede the headline sums up ("A court sentenced her to five years..."). Elsewhere the headline alone."""
    if not title.strip() or not units:
        return 0
    start, end = units[0]
    return 2 if " ".join(text[start:end].split()).lower() == " ".join(title.split()).lower() else 0


# Named Myanmar parties and movements: no other country has them, so naming one places a story in Myanmar
# ("military labels NLD 'authoritarian'"). Their members are civilians (ACLED inter 6-7), which is why
# tasks.knowledge does not count them as anchors. The Rohingya are not among them: they also live in
# Bangladesh's camps, whose stories are Bangladesh's unless they name Myanmar.
MYANMAR_ONLY_PARTIES = frozenset({"nld", "usdp", "cdm_myanmar"})


def names_myanmar_party(knowledge: Knowledge, mentions: list[Mention]) -> bool:
    return any(m.kind == "actor" and not m.needs_context and not MYANMAR_ONLY_PARTIES.isdisjoint(m.ref_ids)
               for m in mentions)


# A village named where a place stands: "in Done Taw", "near Hnan Khar", "Done Taw villagers".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|of|outside|into|on|to)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:village|villages|villagers|residents|massacre|raid|attack)\b", re.IGNORECASE)
# First words of Thai and Lao village names ("Ban Nam Khem", "Mae Sai", "Huai Kha"): Shan villages share them.
_SHARED_FIRST_WORDS = frozenset({"ban", "mae", "nam", "huai", "doi", "wiang", "pha", "mueang", "nong", "khok", "don",
                                 "tha", "wan", "mong", "na"})


def village_anchor(knowledge: Knowledge, mentions: list[Mention], source: str) -> bool:
    """A short text telling a violent act at a village named in Burmese style ("Nine bodies found in Hnan
    Khar after air raid"): village names are too many and too short to anchor a story by themselves
    (Aung, Maung, Min are village tracts and people), but a name of two or more capitalised words standing
    where a place stands is Myanmar's. Single-word names are left out: the Chin hills' village names are
    shaped like Mizoram's across the border, and Thai/Lao-style first words like Thailand's and Laos's.
    The caller checks the act and that no other country is named."""
    for m in mentions:
        if m.kind != "place" or not m.ref_ids or not all(
                (p := knowledge.places.get(ref)) is not None and p.country_iso == "MMR" and p.level == "village_tract"
                for ref in m.ref_ids):
            continue
        words = m.text.split()
        if len(words) < 2 or words[0].lower() in _SHARED_FIRST_WORDS or not all(w[:1].isupper() for w in words):
            continue
        if _PLACE_BEFORE.search(source[max(0, m.start - 20):m.start]) or _PLACE_AFTER.match(source[m.end:m.end + 20]):
            return True
    return False


def tells_violent_act(knowledge: Knowledge, mentions: list[Mention]) -> bool:
    """A Battles/Explosions/Violence-against-civilians trigger strong enough to rule a lead."""
    return any(m.kind == "trigger" and (t := strongest_trigger(knowledge, m)) is not None
               and t.event_type in VIOLENT_TYPES and t.weight >= LEAD_VIOLENCE_WEIGHT for m in mentions)


def names_abroad(knowledge: Knowledge, mentions: list[Mention]) -> bool:
    """Another country, a place abroad, or a foreign force or government."""
    return any(is_foreign(knowledge, m) or foreign_place(knowledge, m) for m in mentions)
