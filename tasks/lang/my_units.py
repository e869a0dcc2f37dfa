"""Actor names a fixed alias cannot hold: the junta's numbered units, local PDF acronyms, dotted
abbreviations.

The alias matcher knows fixed strings. News names forces in three open families besides:
- a junta unit by its kind and number: "တပ်မ ၄၄" / "တပ်မ(၃၃)" (a light infantry division), "ဗျူဟာ ၁၄"
  (a tactical command). The bare word cannot be an alias: "တပ်မ" begins "တပ်မဟာ" (a KNU or KIA brigade)
  and "ဗျူဟာ" ends "မဟာဗျူဟာ" (strategy); a number right after them can only be a unit;
- a township's PDF by a Latin acronym ending in PDF ("TPDF", "MPDF", "YPDF-3"): a local people's defence
  force, the guide's "PDF" unless the knowledge names it otherwise ("MDY-PDF" is an alias already);
- a resistance battalion by its four-digit number or its district ("တပ်ရင်း ၃၈၀၁", "ရွှေဘိုခရိုင် တပ်ရင်း ၂၃");
- a known abbreviation written with dots ("K.N.L.A", "P.D.F."): the group of the bare abbreviation;
- a known Latin abbreviation with a Burmese particle glued to it ("KIAက", "PDFတွေ"): that group;
- the police by the bare ရဲ right before a head count ("ရဲ ၂ ဦး", "ရဲနှစ်ယောက်"): alone, ရဲ is also
  "brave" and the start of ရဲဘော် (comrade), and ရဲ့ is "of"; before a count of persons it is policemen.
"""

from __future__ import annotations

import re

from tasks.extract.actors import CIVILIANS, MILITARY
from tasks.lang.my_words import is_burmese, is_syllable_boundary, syllable_count
from tasks.knowledge import Mention
from tasks.lang.my_roles import drop_other_armies
from tasks.lang.my_towns import tract_towns
from tasks.lang.my_where import drop_non_places

_NUMBER = r"[\(\-]?\s*(?:အမှတ်\s*)?[\u1040-\u10490-9]+\s*\)?"
# a number right after the unit word; not the "မဟာ" of "မဟာဗျူဟာ" (strategy)
_UNIT = re.compile(rf"(?:တပ်မ|(?<!မဟာ)ဗျူဟာ)\s*{_NUMBER}")
_LOCAL_PDF = re.compile(r"(?<![A-Za-z\-])[A-Z]{1,6}-?PDF(?:\s*-\s*[\u1040-\u10490-9]+)?(?![A-Za-z])")
# a resistance battalion by its number: the NUG numbers its battalions with four digits ("တပ်ရင်း ၃၈၀၁",
# "တပ်ရင်း (၄၀၀၅)"), the junta with a kind before a shorter number (ခလရ ၅၀) - its tank and artillery
# battalions aside ("တင့်ကားတပ်ရင်း ၆၀၀၆"); a district's battalion is the PDF's ("ရွှေဘိုခရိုင် တပ်ရင်း ၂၃",
# "ကသာခရိုင် PDF တပ်ရင်း (၃)", "ရွှေဘိုခရိုင်အမှတ် ၂ တပ်ရင်း")
_FOUR = r"[\u1040-\u10490-9]{4}"
_PDF_BATTALION = re.compile(
    rf"(?<!တင့်ကား)(?<!အမြောက်)တပ်ရင်း\s*(?:အမှတ်)?\s*[\(\-]?\s*{_FOUR}(?![\u1040-\u10490-9])\s*\)?"
    r"|ခရိုင်\s*(?:PDF|ပကဖ)?\s*(?:တပ်ရင်း\s*(?:အမှတ်)?\s*\(?\s*[\u1040-\u10490-9]{1,2}\s*\)?"
    r"|အမှတ်\s*\(?\s*[\u1040-\u10490-9]{1,2}\s*\)?\s*တပ်ရင်း)")
_POLICE_COUNT = re.compile(r"ရဲ(?![\u102b-\u103e])(?:များ|တွေ)?\s*\(?\s*(?:[\u1040-\u10490-9]+|တစ်|တ|နှစ်|သုံး|လေး"
                           r"|ငါး|ခြောက်|ခုနစ်|ရှစ်|ကိုး|ဆယ်)\s*\)?\s*(?:ဦး|ယောက်)")
_DOTTED = re.compile(r"(?<![A-Za-z.])(?:[A-Z]\.){1,5}[A-Z](?![A-Za-z])\.?")
# a Latin abbreviation with a Burmese particle glued to it ("KIAက", "PDFတွေ", "MNDAAရဲ့", "BGFစခန်း"): Burmese
# writes no space there, so the Latin word's end is where the Burmese script begins
_GLUED = re.compile(r"(?<![A-Za-z0-9.\-])[A-Z][A-Z\-]{1,7}(?=[\u1000-\u109f])")


def article_mentions(knowledge, text: str) -> list[Mention]:
    """The matcher's mentions of a Burmese text, less the names that are no place or no Tatmadaw, plus the
    open-family actor names."""
    found = [m for m in drop_non_places(text, drop_other_armies(text, knowledge.find(text, myanmar_context=True)))
             if not _glued_split(text, m)]
    found = _without_places_in_names(text, found)
    towns = tract_towns(knowledge, text, found)   # "မိုးဗြဲမြို့": a town MIMU lists only as a village tract
    found = sorted([*found, *towns], key=lambda m: (m.start, -m.end)) if towns else found
    return _armed_wings(knowledge, text, _local_forces(knowledge, text, unit_mentions(knowledge, text, found)))


# a unit word right after an organisation's name: "ကေအဲန်ယူ တပ်မဟာ ၅" (KNU Brigade 5), "KNU တပ်ရင်း(၁၀၃)",
# "ကေအိုင်အို၏ တပ်မဟာ ၃": a brigade or battalion is the organisation's army, whatever the act
_UNIT_AFTER = re.compile(r"\s*(?:၏|ရဲ့)?\s*(?:လက်အောက်ခံ\s*)?(?:တပ်မဟာ|တပ်ရင်း|တပ်ခွဲ|တပ်စိတ်|တပ်မ(?![ဟတ]))")


def _armed_wings(knowledge, text: str, mentions: list[Mention]) -> list[Mention]:
    """The armed wing for a political organisation named with one of its units: the KNU's Brigade 5 is
    the KNLA's (the guide codes the fighting force; the organisation stays where it only speaks or
    signs)."""
    out = []
    for m in mentions:
        actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
        if actor and actor.armed_wing in knowledge.actors and _UNIT_AFTER.match(text, m.end):
            m = Mention("actor", (actor.armed_wing, *m.ref_ids[1:]), m.start, m.end, m.text)
        out.append(m)
    return out


def _without_places_in_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Less a Latin place name hyphened to a group's Latin name ("PDF-Kani", "DefenseForce-Hakha"): it
    names the force by where it was raised, not where it acted (the matcher already keeps a whole known
    name such as "CDF-Hakha" from holding a place)."""
    return [m for m in mentions if m.kind != "place" or not _HYPHENED_TO_NAME.search(text, max(0, m.start - 2), m.start)]


_HYPHENED_TO_NAME = re.compile(r"[A-Za-z][-–]$")


def _glued_split(text: str, mention: Mention) -> bool:
    """A two-syllable trigger typed with a space ("ဗုံး ကြဲ") whose first syllable is glued to the word
    before it is two words that meet by chance: "အစားထိုး စစ်မှုထမ်း" (serve in place of someone) holds
    "ထိုး စစ်" (an offensive)."""
    return mention.kind == "trigger" and " " in mention.text and syllable_count(mention.text) == 2 \
        and mention.start > 0 and is_burmese(text[mention.start - 1])


_GAP = re.compile(r"\s?$")


def _local_forces(knowledge, text: str, mentions: list[Mention]) -> list[Mention]:
    """Without the civilians' word that only qualifies a force ("ဒေသခံ ပြည်သူ့ကာကွယ်ရေးအဖွဲ့", the local
    defence force): "local" before an armed group is no villager."""
    out = []
    for i, m in enumerate(mentions):
        if m.kind == "actor" and m.ref_ids[0] == CIVILIANS:
            j = i + 1
            while j < len(mentions) and mentions[j].start < m.end:
                j += 1
            nxt = mentions[j] if j < len(mentions) else None
            if nxt is not None and nxt.kind == "actor" and _GAP.match(text[m.end:nxt.start]) \
                    and _armed(knowledge, nxt.ref_ids[0]):
                continue
        out.append(m)
    return out


def _armed(knowledge, actor_id: str) -> bool:
    """A resistance or ethnic force (a local one is "ဒေသခံ"; the junta's troops are not said so)."""
    actor = knowledge.actors.get(actor_id)
    return bool(actor and actor.inter_code in (2, 3))


def unit_mentions(knowledge, text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the open-family actor names added where no actor name already stands."""
    spaced = [(m.start(), m.end()) for m in _PDF_SPACED.finditer(text)]
    if spaced:   # "ပြည်သူ့ ကာကွယ်ရေး…စစ်ကြောင်း": the people's word and the column's are parts of the force's name
        mentions = [m for m in mentions if not (m.kind == "actor" and any(s <= m.start and m.end <= e for s, e in spaced))]
    taken = [(m.start, m.end) for m in mentions if m.kind == "actor"]
    extra: list[Mention] = []
    for start, end, surface, actor_id in _found(knowledge, text):
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        extra.append(Mention("actor", (actor_id,), start, end, surface))
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda m: (m.start, -m.end))


# a people's defence force written with a space inside the name ("ပြည်သူ့ ကာကွယ်ရေးတပ်ဖွဲ့") or as a joint force
# or column ("မြိတ်ခရိုင်ပြည်သူ့ ကာကွယ်ရေးပူးပေါင်းစစ်ကြောင်း ၁", "ပြည်သူ့ကာကွယ်ရေး ပူးပေါင်းတပ်"): the PDF
_PDF_SPACED = re.compile(r"ပြည်သူ့(?:\s+ကာကွယ်ရေး\s*(?:တပ်|အဖွဲ့)"
                         r"|\s*ကာကွယ်ရေး\s*ပူးပေါင်း\s*(?:တပ်|စစ်ကြောင်း|အဖွဲ့))")


def _found(knowledge, text: str):
    for m in _PDF_SPACED.finditer(text):
        yield m.start(), m.end(), m.group(0), "pdf"
    for m in _UNIT.finditer(text):
        yield m.start(), m.end(), m.group(0), MILITARY
    for m in _LOCAL_PDF.finditer(text):
        yield m.start(), m.end(), m.group(0), "pdf"
    for m in _PDF_BATTALION.finditer(text):
        yield m.start(), m.end(), m.group(0), "pdf"
    for m in _POLICE_COUNT.finditer(text):
        if is_syllable_boundary(text, m.start()):
            yield m.start(), m.start() + 2, "ရဲ", "police_myanmar"
    for m in _GLUED.finditer(text):
        actor_id = _whole_actor(knowledge, m.group(0))
        if actor_id:
            yield m.start(), m.end(), m.group(0), actor_id
    for m in _DOTTED.finditer(text):
        bare = m.group(0).replace(".", "")
        actor_id = _whole_actor(knowledge, bare)
        if actor_id:
            yield m.start(), m.end(), m.group(0), actor_id


def _whole_actor(knowledge, name: str) -> str | None:
    """The actor a name is an alias of in full (not a name that only contains one)."""
    for hit in knowledge.find(name, myanmar_context=True):
        if hit.kind == "actor" and hit.start == 0 and hit.end == len(name):
            return hit.ref_ids[0]
    return None
