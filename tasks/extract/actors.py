"""Who the parties of an act are: the actors named around a trigger (sources and mediators apart), the
military/civilian/protester ids, and ACLED's interaction code. Which of them acted and which was acted upon
is tasks/extract/roles.py's job.

Sources are not parties: "according to X", "a spokesperson for X", "X said" (unless "X said it/its
fighters ...", where X is the subject of the reported act).

Normalisation, in ACLED's manner: the junta's institutions (SAC, SSPC, "military government") act as the
military; in violent events a political wing gives way to its armed wing (KNU -> KNU/KNLA); an alliance
row (Three Brotherhood Alliance) is replaced by its member that fits the event, the other members named
in the article becoming associated actors; generic "the rebels" / "a rebel coalition" is resolved the
same way from the article's named armed groups, preferring the one whose home area (places in its seed
description) contains the event's place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.word_gates import gated

STATE_ALIASES_TO_MILITARY = ("sac", "sspc", "government_myanmar")
MILITARY = "military_myanmar"
CIVILIANS = "civilians_myanmar"
PROTESTERS = "protesters_myanmar"
RIOTERS = "rioters_myanmar"
# People an event happens to, never the acting side that a vague "the rebels" stands for.
PEOPLE = frozenset({CIVILIANS, PROTESTERS, "aid_workers_myanmar", "health_workers_myanmar", "journalists_myanmar",
                    "students_myanmar", "teachers_myanmar", "monks_myanmar", "refugees_idps_myanmar", "cdm_myanmar",
                    "rohingya_myanmar", "labour_myanmar"})
# The state's side, never what "the rebels" stands for.
STATE_SIDE = frozenset({MILITARY, "police_myanmar", *STATE_ALIASES_TO_MILITARY, "pyu_saw_htee", "militia_progov"})
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")

GENERIC_REBEL = gated(re.compile(
    r"\b(?:ethnic\s+)?(?:rebels|rebel\s+(?:groups?|alliance|coalition|forces|fighters|army|armies)|insurgents|"
    r"(?:[A-Z][a-z]+\s+)?guerrillas|"
    r"(?:the|rebel|northern)\s+alliance|coalition\s+of\s+[\w\s]{0,30}?(?:troops|groups|forces|armies)|"
    r"rebel\s+coalition|ethnic\s+armed\s+(?:groups?|organi[sz]ations?)|EAOs?|"
    r"(?<=the )(?:armed\s+|ethnic\s+|rebel\s+|insurgent\s+|resistance\s+)?group(?!\s+(?:of|said|says|told)\b)|"
    # the resistance told by what it is, not its name: "Chin revolutionary forces", "the defence forces took the town"
    r"(?:resistance|revolutionary|anti-junta|anti-regime)\s+(?:forces|fighters|groups?|troops)|defen[cs]e\s+forces|"
    # the resistance as the act's own word: "killed in a resistance mine attack", "a rebel ambush on the convoy"
    r"(?:resistance|rebel|insurgent|guerrilla)(?=\s+(?:[a-z]+\s+)?(?:attacks?|ambush(?:es)?|raids?|assaults?|offensive)\b))\b",
    re.IGNORECASE,
))
# An insurgency named by its people rather than its name is that people's main armed group: "ethnic Kachin
# insurgents" are the KIA, "Kokang rebels" the MNDAA. Only peoples with one dominant armed group.
ETHNIC_REBEL = gated(re.compile(
    r"\b(?:ethnic\s+)?(Kachin|Kokang|Ta['’]ang|Palaung|Arakan(?:ese)?|Karen|Wa)\s+(?:ethnic\s+)?(?:minority\s+)?"
    r"(?:insurgents?|rebels?|rebel\s+(?:army|forces|fighters|group)|guerrillas?|insurgent\s+(?:army|forces|group))\b"
    # "Kachin troops", "Kokang fighters": the people's one army told by its soldiers (not the Karen, whose
    # soldiers may be the KNLA's, the DKBA's or the army's own Border Guard Force)
    r"|\b(?<![\w-])(Kachin|Kokang|Ta['’]ang|Palaung|Arakan(?:ese)?|Wa)\s+(?:troops|fighters|soldiers|forces)\b"))
_ETHNIC_GROUP = {"kachin": "kia", "kokang": "mndaa", "ta'ang": "tnla", "ta’ang": "tnla", "palaung": "tnla",
                 "arakan": "aa", "arakanese": "aa", "karen": "knla", "wa": "uwsa"}


def ethnic_rebels(text: str, lo: int = 0, hi: int | None = None):
    """(actor_id, start, end) of each insurgency named by its people ("Kachin insurgents")."""
    for m in ETHNIC_REBEL.finditer(text, lo, len(text) if hi is None else hi):
        yield _ETHNIC_GROUP[(m.group(1) or m.group(2)).lower()], m.start(), m.end()
# "the military", "security forces" — not "a military informer", "military service", "the military's coup"
GENERIC_MILITARY = gated(re.compile(
    r"\b(?:ruling\s+)?military(?:\s+personnel)?\b(?!\s+(?:informers?|informants?|spy|spies|collaborators?|supporters?|"
    r"families|family|hospital|university|academy|school|service|conscription|draft|age|aircraft|jets?|helicopters?|"
    r"equipment|training|rule|coup|takeover|court|tribunal))|\bsecurity\s+(?:forces|outposts?|posts?|personnel|troops)\b"
    r"|(?<=\bthe )army\b(?!['’]s\s+(?:coup|takeover|rule)|\s+(?:coup|takeover|rule|of)\b)", re.IGNORECASE))
GENERIC = "?rebel"
_HEAD_NOUNS = frozenset({"troops", "soldiers", "forces", "fighters", "members", "army", "militia"})

# (a source's acronym in brackets is the source too: "according to the State Administration Council (SAC)")
_SOURCE_BEFORE = gated(re.compile(
    r"(?:according to|told|said|says|cited|quoted|citing|quoting)\s+(?:a\s+|an\s+|the\s+)?(?:[\w'’()-]+\s+){0,5}\(?$"
    r"|(?:spokes(?:person|man|woman)|official|officer|leader|statement|commander|source|sources|"
    r"administrator|representative|founder|chief|head)\s+(?:of|for|from|with|under|in)\s+(?:a\s+|the\s+)?(?:[\w'’-]+,?\s+(?:and\s+)?){0,4}$"
    r"|(?:statement|report|announcement|video|post|data)\s+(?:released|issued|published|posted|compiled)\s+by\s+(?:a\s+|an\s+|the\s+)?(?:[\w'’-]+\s+){0,3}\(?$"
    r"|(?:^|\s)/\s+(?:[\w'’-]+\s+){0,3}$"  # a photo credit: "... after the massacre. / Htantabin People's Defense Force"
    # who holds the ground, not who fought: "the village, in an area controlled by the Arakan Army"
    r"|\b(?:controlled|held|run|administered|governed)\s+by\s+(?:the\s+)?(?:ethnic\s+|rebel\s+)?(?:[\w'’-]+\s+){0,2}\(?$"
    r"|\b(?:territory|area|region|district|land)\s+(?:of|under)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}\(?$",
    re.IGNORECASE,
))
# Words _SOURCE_BEFORE's branches need: a teller or a source word; or "by" after a release or a ruler; or
# "of"/"under" after a land word. Where the window has none of these (most windows), no branch can match.
_TELLER_WORDS = ("according to", "told", "said", "says", "cited", "quot", "citing", "spokes", "official", "officer",
                 "leader", "statement", "commander", "source", "administrator", "representative", "founder", "chief",
                 "head", "/")
_BY_WORDS = ("released", "issued", "published", "posted", "compiled", "controlled", "held", "run", "administered",
             "governed")
_LAND_WORDS = ("territory", "area", "region", "district", "land")


def _told_by_source(before: str) -> re.Match | None:
    """_SOURCE_BEFORE's search, after a quick test for its words (the regex costs ~30 us a window). In ASCII,
    lowering is what IGNORECASE does; other text (where "ſ" or "ı" fold to s and i) goes to the regex."""
    if before.isascii():
        lower = before.lower()
        if not (any(word in lower for word in _TELLER_WORDS)
                or "by" in lower and any(word in lower for word in _BY_WORDS)
                or ("of" in lower or "under" in lower) and any(word in lower for word in _LAND_WORDS)):
            return None
    return _SOURCE_BEFORE.search(before)


_SOURCE_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:\([^)]{1,12}\)\s*)?(?:(?:has |have |had )?(?:named|blamed|accused|accuses?|accusing|blames?|blaming)\b|spokes\w+|officials?|information officer|sources?(?!\s+of\b)|statement|said|says|told|"
    r"reported|announced|stated|confirmed|added|claimed(?! responsibility)|"
    # the force that heard of the blast and came to look is no party to it: "security personnel received a report"
    r"(?:promptly\s+)?(?:(?:received|got)\s+(?:a\s+|the\s+)?(?:reports?|information|news)|(?:were|was)\s+(?:informed|alerted|notified))"
    r"\s+(?:of|about|to)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:explosions?|blasts?|bomb\w*|attacks?|incidents?|shooting|mines?))\b",
    re.IGNORECASE,
)
SAID_IT = re.compile(r"^(?:['’]s)?\s*(?:\([^)]{1,12}\)\s*)?(?:,\s+(?:which|who|an?|the)\b[^,.;]{1,120},\s*)?"
                      r"(?:said|says|announced|claimed|confirmed|stated)\b[^.;]{0,40}?\b(?:it|its|they|their)\b",
                      re.IGNORECASE)
_MEDIATOR_BEFORE = gated(re.compile(r"\b(?:brokered|mediated|hosted|facilitated)\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$|"
                              r"\bmediation of\s+(?:the\s+)?$", re.IGNORECASE))


_ROLE_NOUN_AFTER = re.compile(r"^\s+(?:informers?|informants?|spy|spies|collaborators?|supporters?|sympathi[sz]ers?)\b",
                              re.IGNORECASE)


@dataclass(frozen=True)
class ActorRef:
    actor_id: str                # or GENERIC for "the rebels"
    start: int
    end: int
    text: str
    source: bool = False         # a source of the report, not a party
    said_it: bool = False        # "X said it had seized ..." -> X is the subject after all
    mediator: bool = False


# a side named as what a thing is for or run by: "pro-junta militia", "junta-controlled office"
_SIDE_PREFIX_BEFORE = re.compile(r"\b(?:pro|anti)[-\s]$", re.IGNORECASE)
_SIDE_SUFFIX_AFTER = re.compile(r"^-(?:controlled|backed|appointed|run|held|aligned|allied|affiliated|linked|led)\b")
_OF_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?\S")


def actor_refs(knowledge, mentions, text: str, lo: int, hi: int) -> list[ActorRef]:
    """Actors in text[lo:hi]: seed aliases first, then generic nouns ('the rebels', 'the ruling military')."""
    refs: list[ActorRef] = []
    taken: list[tuple[int, int]] = []
    # "Kachin troops": the people's army, not the state named "Kachin" nor the army's generic "troops"
    by_people = list(ethnic_rebels(text, lo, hi))
    mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for _, s, e in by_people)]
    for m in mentions:
        if m.kind == "actor" and lo <= m.start < hi:
            refs.append(_ref(m.ref_ids[0], m.start, m.end, text))
            taken.append((m.start, m.end))
        elif m.kind in ("place", "trigger") and lo <= m.start < hi and m.kind == "place":
            taken.append((m.start, m.end))
    for actor_id, start, end in by_people:
        if actor_id in knowledge.actors and not any(start < e and s < end for s, e in taken):
            refs.append(_ref(actor_id, start, end, text))
            taken.append((start, end))
    for pattern, actor_id in ((GENERIC_REBEL, GENERIC), (GENERIC_MILITARY, MILITARY)):
        for g in pattern.finditer(text, lo, hi):
            if any(g.start() < e and s < g.end() for s, e in taken):
                continue
            refs.append(_ref(actor_id, g.start(), g.end(), text))
            taken.append((g.start(), g.end()))
    refs.sort(key=lambda r: r.start)
    deduped: list[ActorRef] = []
    for r in refs:
        if _SIDE_PREFIX_BEFORE.search(text[max(0, r.start - 5):r.start]) or _SIDE_SUFFIX_AFTER.match(text[r.end:r.end + 14]):
            continue  # "pro-junta militia", "junta-controlled office": a modifier, not a party
        if _ROLE_NOUN_AFTER.match(text[r.end:r.end + 20]):
            continue  # "a military informer": a civilian described by the side he is accused of serving
        if r.text.lower() in _HEAD_NOUNS and _OF_AFTER.match(text[r.end:r.end + 12]) and any(
                o.start > r.end and o.start - r.end <= 12 for o in refs):
            continue  # "Troops of the Karen National Liberation Army"
        if deduped and deduped[-1].actor_id == r.actor_id and r.start - deduped[-1].end <= 3:
            continue  # "the Arakan Army (AA)" is one mention
        if deduped and r.start - deduped[-1].end <= 1:
            # "KNLA troops": the lower-case generic noun is the head of the named group
            if r.text.islower():
                continue
            if deduped[-1].text.islower():
                deduped.pop()
        deduped.append(r)
    return deduped


def is_source(text: str, start: int, end: int) -> bool:
    """Is the actor named at text[start:end] a source of the report ("according to X", "X said")?"""
    return _ref("", start, end, text).source


def _ref(actor_id: str, start: int, end: int, text: str) -> ActorRef:
    before, after = text[max(0, start - 60):start], text[end:end + 60]
    said_it = bool(SAID_IT.match(text[end:end + 220]))
    told = _told_by_source(before)
    if told and _SAYING_VERB.match(told.group(0)) and _ACTS_AFTER.match(after) and not _TELLERS_OWN.search(before):
        told = None  # "the PDF said regime forces raided the camp": the subject of what is told, not who tells
    source = bool(told or _SOURCE_AFTER.match(after) or _OWN_BODY_SAID.match(after)) and not _PASSIVE_AGENT.search(before)
    return ActorRef(actor_id, start, end, text[start:end], source=source and not said_it, said_it=said_it,
                    mediator=bool(_MEDIATOR_BEFORE.search(before)))


# The word that makes an actor after it a source, when it is a saying verb ("said", "told NMG")
_SAYING_VERB = re.compile(r"(?:said|says|told)\b", re.IGNORECASE)
# ... unless the actor then acts: "said junta troops raided", "told RFA the army has been shelling"
_ACTS_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:troops|forces|soldiers|fighters)\s+)?(?:(?:had|has|have|were|was|is|are|been|also|reportedly|"
    r"allegedly|then|later)\s+){0,3}(?:[a-z]+ed|[a-z]+ing|shot|struck|hit|fought|seized|took|overran|began|set|burnt|fired|"
    r"threw|blew|stormed|beat|broke|launched|opened)\b")
# "the MNDAA said its troops had seized the base": the teller's own forces, not the generic "troops" (the army)
_TELLERS_OWN = re.compile(r"\b(?:its|their)\s+$", re.IGNORECASE)
# A body of the actor that told it: "the NUG's Ministry of Defense said", "the KIA's information department stated"
_OWN_BODY_SAID = re.compile(
    r"^['’]s?\s+(?:(?:[A-Z][\w'’-]*|of|and|for|the|information|public|relations|news|media|department|office|"
    r"ministry|team|wing|unit)\s+){1,5}(?:said|says|told|stated|announced|reported|confirmed|statement)\b")


# "said the town was captured by the army": the agent of a told act is a party even inside reported speech
# (a statement "released by" or "issued by" someone stays its source)
_PASSIVE_AGENT = gated(re.compile(
    r"\b(?!(?:released|issued|published|posted|compiled|provided|shared|reported|cited|quoted|confirmed|claimed|"
    r"announced|verified|documented|compiled)\b)(?:\w+ed|taken|shot|hit|overrun|struck|beaten|driven|seized)\s+"
    r"by\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE))


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED: the two inter codes, lower first (12, 17, 27); a lone actor is inter1 * 10."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
