"""What places a story in Myanmar beyond the names tasks.knowledge anchors by, and what makes a short text the
war's on its own, for the relevance tagger (tasks/tag.py; the rules are in tasks/relevance.py's module doc).
"""

from __future__ import annotations

import re

from tasks.knowledge import Knowledge, Mention
from tasks.mention_context import names_abroad, names_myanmar_party, tells_violent_act, village_anchor
from tasks.other_countries import names_other_country
from tasks.relevance import is_foreign_country, names_armed_actor

STATE_SIDE, ARMED_SIDE = frozenset({1}), frozenset({2, 3, 4})


# In a headline with no country named, "junta"/"regime" forces are Myanmar's (other juntas come with their country)
_JUNTA = re.compile(r"\b(?:junta|regime)", re.IGNORECASE)
_OTHER_JUNTA = re.compile(r"\b(?!(?:Myanmar|Burma|Burmese|The|A|An|Junta|Regime)\b)[A-Z][a-z]+(?:['’]s)?\s+(?:military\s+)?(?:junta|regime)\b")


# A lethal act told with its armed agent: "killed by junta troops", "soldiers shoot two men dead".
_LETHAL_AGENT = re.compile(
    r"\b(?:killed|shot(?:\s+dead)?|murdered|burned|burnt|bombed|shelled|slain|massacred)\s+by\b|\bat\s+the\s+hands\s+of\b|"
    r"\b(?:troops?|soldiers?|forces|police(?:man|men)?|army|battalion|column|gunmen|fighters)\s+(?:\w+\s+){0,2}?"
    r"(?:kill|kills|killed|shoot|shoots|shot|fired\s+(?:on|at)|fire\s+on|open(?:ed)?\s+fire|rams?|rammed|torch(?:es|ed)?|"
    r"burn(?:s|ed)?|murder(?:s|ed)?|massacre(?:s|d)?)\b", re.IGNORECASE)


# Deaths counted among protesters ("Deaths of protesters push Myanmar toll to 596"): the crackdown's toll; a
# protest's own news has no death word, a disaster's toll has no protesters.
_DEATH_WORDS = re.compile(r"\b(?:deaths?|dead|died|dies|toll|killings?|bodies|funerals?)\b", re.IGNORECASE)
PROTESTERS = "protesters_myanmar"


def short_cue(knowledge: Knowledge, text: str, mentions: list[Mention], anchored: bool,
               both_sides: bool) -> str | None:
    """What makes a short text the war's on its own, if anything (tasks/relevance.py's module doc). A
    lethal act needs a real Myanmar anchor: "junta troops fire on crowds" alone may be another junta's."""
    if both_sides:
        return "both_sides"
    if anchored and _LETHAL_AGENT.search(text) and names_armed_actor(knowledge, mentions):
        return "lethal_agent"
    if anchored and _DEATH_WORDS.search(text) and any(m.kind == "actor" and PROTESTERS in m.ref_ids for m in mentions):
        return "protest_deaths"
    return None


def inferred_anchor(knowledge: Knowledge, title: tuple[str, list[Mention]], text: tuple[str, list[Mention]],
                     short: bool, both_sides: bool) -> bool:
    """Myanmar, told by names no mention anchors alone (tasks/relevance.py's module doc): the two warring
    sides through their short forms; in a short text, "junta" forces; Myanmar's own parties (NLD, USDP,
    CDM); in a short text of a violent act, a village named in Burmese style. None of them holds when the
    text names another country or a region at war ("junta troops kill 12 in central Mali")."""
    mentions, joined = [*title[1], *text[1]], f"{title[0]} {text[0]}"
    if names_other_country(joined):
        return False
    if both_sides:
        return True
    if short and _names_no_other_country(knowledge, mentions) and not _OTHER_JUNTA.search(joined) and any(
            m.kind == "actor" and m.needs_context and _JUNTA.search(m.text) for m in mentions):
        return True
    if names_abroad(knowledge, mentions):
        return False
    return names_myanmar_party(knowledge, mentions) or short and tells_violent_act(knowledge, mentions) and any(
        village_anchor(knowledge, found, source) for source, found in (title, text))


def outlet_prior_holds(knowledge: Knowledge, joined: str, mentions: list[Mention]) -> bool:
    """A Myanmar outlet's feed is a prior, not proof: its world pages carry other countries' wars too ("Thai
    soldiers killed in clash with Cambodian troops", "Niger junta troops ambushed"), where "soldiers" and
    "troops" would otherwise be read as Myanmar's. The prior holds only for a text that names no other
    country, region at war, other junta, or place or force abroad; such a text still anchors by its own names."""
    return not (names_other_country(joined) or _OTHER_JUNTA.search(joined) or names_abroad(knowledge, mentions))


def _names_no_other_country(knowledge: Knowledge, mentions: list[Mention]) -> bool:
    return not any(is_foreign_country(knowledge, m) for m in mentions)


def opposite_sides_named(knowledge: Knowledge, mentions: list[Mention]) -> bool:
    """A Myanmar state force and a Myanmar armed group both named, even through ambiguous short forms
    ("junta troops" and "KIA"): together they place the story in Myanmar's war."""
    codes = opposite_sides_codes(knowledge, mentions)
    return bool(codes & STATE_SIDE) and bool(codes & ARMED_SIDE)


def opposite_sides_codes(knowledge: Knowledge, mentions: list[Mention]) -> set[int]:
    """The ACLED inter codes of the Myanmar actors named."""
    codes = set()
    for mention in mentions:
        if mention.kind == "actor":
            for ref in mention.ref_ids:
                actor = knowledge.actors.get(ref)
                if actor and actor.country_iso == "MMR":
                    codes.add(actor.inter_code)
    return codes
