"""Who did what to whom, and where, in a Burmese sentence.

Roles come from the case particles after an actor's name (skipping plural/unit words and a bracketed
abbreviation): က / မှ mark the doer, ကို / အား / အပေါ် the one acted on, ၏ / ရဲ့ the owner of the act
("စစ်ကောင်စီ၏ လေကြောင်းတိုက်ခိုက်မှု", the junta's air strike), နှင့် / နဲ့ a pair (the two sides of a
battle). With a passive ခံရ after the trigger, an unmarked or က-marked name is the victim and a မှ-marked
one ("by") the doer. In reported speech the speaker is no side of the act: a name before a spokesperson word
("ပကဖ ပြောခွင့်ရသူက"), or between the quote's end (ဟု, လို့, ကြောင်း) and the speech verb ("...ခဲ့ကြောင်း
ပကဖက ပြောသည်"), is left out of the roles.

Places: a name can stand for several gazetteer places (villages share names across the country); the
article's unambiguous states and townships decide, and a village or town that agrees with none of them
while the article names some is taken for a false match.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from tasks.extract.actors import MILITARY, STATE_ALIASES_TO_MILITARY
from tasks.lang.my_words import Words, is_syllable_boundary

LEVEL_RANK = {"country": 0, "state": 1, "district": 2, "township": 3, "town": 4, "village_tract": 5}


@dataclass
class Marked:
    actor_id: str
    start: int
    role: str            # subject | agent | object | genitive | pair | none | speaker
    civilian: bool = False
    end: int = 0


@dataclass
class Roles:
    actor1: str | None = None
    actor2: str | None = None
    named: list[str] = field(default_factory=list)
    partner: str | None = None   # "A နှင့် B က" (A and B, as doers): A acts with the doer, in a battle or not


PARTICLE_WINDOW = 30   # characters after a name in which its particle is looked for
PAIR_GAP = 12          # characters between "A နှင့်" and the next name for A to be that doer's partner


def particle_after(words: Words, text: str, end: int, limit: int | None = None) -> str:
    """The role the first particle after a name gives it ('none' when there is none before the clause
    ends at ၊ / ။ or the next name starts): "စစ်ကောင်စီ အထိုင်စခန်း နှစ်ခုကို" is the object."""
    stop = min(limit if limit is not None else len(text), end + PARTICLE_WINDOW, len(text))
    for cut in ("\u104a", "\u104b", "\n"):
        at = text.find(cut, end, stop)
        if at >= 0:
            stop = at
    for m in _particle_pattern(words).finditer(text, end, stop):
        if not (is_syllable_boundary(text, m.start()) and is_syllable_boundary(text, m.end())):
            continue
        p = m.group(0)
        if p == "ဟာ" and text[m.start() - 1:m.start()] == "မ":
            continue   # the "ဟာ" of "မဟာ" (great: "မဟာမိတ်", allies) is no topic marker
        if _in_compound(words, text, m.start(), p):
            continue   # the "အား" of "အင်အား" (strength: "ပူးပေါင်းအင်အား ၁၂၀က", a joint force of 120) is no object marker
        if p in words.kind("object_particle"):
            return "object"
        if p in words.kind("genitive_particle"):
            return "genitive"
        if p in words.kind("pair_particle"):
            following = _particle_pattern(words).match(text, _skip_spaces(text, m.end(), stop))
            if following and following.end() <= stop and following.group(0) not in words.kind("pair_particle"):
                continue   # "A ၊ B တို့က" (A and B, as doers): တို့ closes a list, the particle after it tells the role
            return "pair"
        kind = words.kind("subject_particle").get(p)
        return kind if kind in ("agent", "topic") else "subject"
    return "none"


def _skip_spaces(text: str, at: int, stop: int) -> int:
    while at < stop and text[at] == " ":
        at += 1
    return at


def _in_compound(words: Words, text: str, at: int, particle: str) -> bool:
    """Is the particle at `at` a syllable of a word (seeds/language_words.csv, kind particle_compound)?"""
    for word in words.kind("particle_compound"):
        offset = word.find(particle)
        if offset >= 0 and at - offset >= 0 and text.startswith(word, at - offset):
            return True
    return False


_PATTERNS: dict[int, re.Pattern[str]] = {}


def _particle_pattern(words: Words) -> re.Pattern[str]:
    key = id(words)
    if key not in _PATTERNS:
        alternation = "|".join(
            re.escape(w) for w in sorted(
                [*words.kind("object_particle"), *words.kind("genitive_particle"), *words.kind("pair_particle"),
                 *words.kind("subject_particle")], key=len, reverse=True))
        _PATTERNS[key] = re.compile(alternation)
    return _PATTERNS[key]


SPEAKER_GAP = 60   # characters between a quote's end and its speech verb ("ဟု ... ပြောသည်")


def _speech_spans(words: Words, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans from a quote's end (ဟု, လို့, ကြောင်း) to the speech verb after it: who stands there speaks."""
    spans = []
    quotes, verbs = _speech_patterns(words)
    for m in quotes.finditer(text[start:end]):
        at = start + m.end()
        if not is_syllable_boundary(text, start + m.start()) or not is_syllable_boundary(text, at):
            continue
        verb = verbs.search(text, at, min(end, at + SPEAKER_GAP))
        if verb:
            spans.append((at, verb.start()))
    return spans


@lru_cache(maxsize=4)
def _speech_patterns(words: Words) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(words.alternation("quote_marker")), re.compile(words.alternation("speech_verb"))


def _is_speaker(words: Words, text: str, mention, spans, end: int) -> bool:
    if any(s <= mention.start < e for s, e in spans):
        return True
    after = text[mention.end:min(end, mention.end + PARTICLE_WINDOW)].lstrip()
    # "ပကဖ ပြောခွင့်ရသူက ... ဟု ပြောသည်": the group's spokesperson, when a quote follows
    return any(after.startswith(w) for w in words.kind("speaker_word")) and bool(spans)


def marked_actors(knowledge, words: Words, text: str, mentions, span: tuple[int, int] | None = None) -> list[Marked]:
    """The actors of a sentence (`span`, default the whole text) with the role their particle gives."""
    out = []
    start, end = span or (0, len(text))
    spans = _speech_spans(words, text, start, end)
    actors = [m for m in mentions if m.kind == "actor"]
    for index, m in enumerate(actors):
        actor_id = m.ref_ids[0]
        if actor_id in STATE_ALIASES_TO_MILITARY:   # the junta's council speaks for its army
            actor_id = MILITARY
        actor = knowledge.actors.get(actor_id)
        civilian = bool(actor and actor.inter_code == 7)
        limit = actors[index + 1].start if index + 1 < len(actors) else None
        verb = _verb_after(words, text, m.end)
        if verb == "descriptor":
            continue   # "စစ်ကောင်စီ ဆန့်ကျင်သူ" (opponents of the junta), "TNLA ထိန်းချုပ်ထားသော မြို့": no side here
        # "ပကဖ ထောင်ထားသော မိုင်းကို" (the mine the PDF laid): the verb right after the name tells its role
        # before any particle further on; "စစ်သားများ နင်းမိ" (soldiers stepped on it): they are the target
        role = "speaker" if _is_speaker(words, text, m, spans, end) else verb or particle_after(words, text, m.end, limit)
        if role == "none" and _OWNED_POST.match(text, m.end):
            role = "object"   # a headline's "စစ်တပ် စခန်း KIA တိုက်ခိုက်သိမ်း" (KIA attacked and took the army camp)
        elif role == "genitive" and _owns_the_target(words, text, m.end):
            role = "object"   # "စစ်ကောင်စီရဲ့ စခန်းနှစ်ခု သိမ်းပိုက်" (took two of the junta's camps): the owner lost them
        elif role == "genitive" and _CAUSE_ACT.match(text, m.end):
            role = "agent"   # "ပကဖ၏ ဒရုန်းတိုက်ခိုက်မှုကြောင့် စစ်သား ၄ ဦး သေဆုံး": whose act the dead died of did it
        out.append(Marked(actor_id, m.start, role, civilian, m.end))
    return _listed_share_role(text, _without_qualifiers(knowledge, text, out))


# the owner's particle, then an act made a noun (…မှု / …ခြင်း) and "because of": "X ၏ [act]မှုကြောင့်"
_CAUSE_ACT = re.compile(r"\s*(?:\([^)]{0,12}\)|\))?\s*(?:၏|ရဲ့|ရဲ႕)\s*(?:[^\s\u104a\u104b]{1,24}\s?){1,3}?(?:မှု|ခြင်း)(?:များ|တွေ)?\s*ကြောင့်")


def _without_qualifiers(knowledge, text: str, marked: list[Marked]) -> list[Marked]:
    """Less the junta's name that only qualifies the force right after it, no particle between: "စစ်ကောင်စီ
    ရဲတပ်ဖွဲ့က" (the junta's police), "စစ်ကောင်စီ ပျူစောထီး" (the junta's militia) are one side, not two."""
    drop = set()
    for here, after in zip(marked, marked[1:]):
        force = knowledge.actors.get(after.actor_id)
        if here.actor_id != MILITARY or here.role != "none" or after.actor_id == MILITARY or force is None:
            continue
        gap = text[here.end:after.start].strip()
        if (force.inter_code in (1, 3) and not gap) or (_QUALIFIER_GAP.fullmatch(gap) and _junta_force(force)):
            drop.add(id(here))
    return [m for m in marked if id(m) not in drop] if drop else marked


# a word or two between the junta's name and its force ("စစ်ကောင်စီ ကျေးရွာ ပြည်သူ့စစ်", the junta's village
# militia; "စစ်ကောင်စီ လက်အောက်ခံ ပျူစောထီး", the militia under the junta): no clause break, no particle
_QUALIFIER_GAP = re.compile(r"[^\u104a\u104b\n]{1,16}")
_PRO_JUNTA = ("pyu_saw_htee", "militia_progov")


def _junta_force(force) -> bool:
    return force.inter_code == 1 or force.actor_id in _PRO_JUNTA


# names listed with a comma (၊) between them, brackets aside ("KA )၊ KNDF တို့က"), share the particle
# after the last: the list as a whole is the doer or the one acted on (names joined by a space only are
# one name qualifying the next: "စစ်ကောင်စီ ရဲစခန်း", the junta's police station)
_LIST_GAP_ONLY = re.compile(r"[\s()]*[၊,][\s()]*")
_SHARED = ("subject", "agent", "topic", "object", "genitive", "pair")


def _listed_share_role(text: str, marked: list[Marked]) -> list[Marked]:
    for here, after in zip(reversed(marked[:-1]), reversed(marked[1:])):
        if here.role == "none" and after.role in _SHARED and _LIST_GAP_ONLY.fullmatch(text, here.end, after.start):
            here.role = after.role
    return marked


# a force's name before its post with no particle after (headlines drop them): the post is what was acted on
_OWNED_POST = re.compile(r"\s*(?:များ|တွေ)?\s*(?:တပ်)?(?:စခန်း|ဂိတ်|ကင်း|ဌာနချုပ်)")
_GENITIVE_POST = re.compile(r"\s*(?:များ|တွေ)?\s*(?:၏|ရဲ့)\s*(?:ရဲ|တပ်)?(?:စခန်း|ဂိတ်|ကင်း|ဌာနချုပ်)(?:ကုန်း)?")


def _owns_the_target(words: Words, text: str, end: int) -> bool:
    """Is a genitive name the owner of a post the act is done to ("X ၏ စခန်းကို", "X ရဲ့ စခန်းကုန်း ၂ ခုနဲ့")?
    Not when the post is where the act comes from ("X ရဲ့ စခန်းကနေ ပစ်ခတ်", fired from X's camp)."""
    post = _GENITIVE_POST.match(text, end)
    return bool(post) and particle_after(words, text, post.end()) not in ("subject", "agent", "topic")


_VERB_KINDS = (("descriptor_after", "descriptor"), ("agent_verb", "agent"), ("patient_verb", "object"))
_PLURAL = re.compile(r"\s*(?:များ|တွေ)?\s*")
_AREA = re.compile(r"\s*(?:(?:အမှတ်)?\s*\(?\s*[0-9\u1040-\u1049]*\s*\)?\s*(?:တပ်မဟာ|တပ်ရင်း)\s*(?:အမှတ်)?\s*\(?\s*[0-9\u1040-\u1049]*\s*\)?)?"
                   r"\s*(?:ဒေသ|နယ်မြေ)(?!\s*(?:ကာကွယ်|တပ်|ခံ))")


def _verb_after(words: Words, text: str, end: int) -> str | None:
    """What the words right after a name (past a plural ending) make of it: a description of someone
    else (opponents of X, an area X controls), the layer of a mine, or the one who stepped on it."""
    at = _PLURAL.match(text, end).end()
    if _AREA.match(text, at):
        return "descriptor"   # "KIA အမှတ်(၂) တပ်မဟာဒေသတွင်" (in KIA brigade 2's area): where, not who
    for kind, role in _VERB_KINDS:
        if any(text.startswith(w, at) for w in words.kind(kind)):
            return role
    return None


def assign_roles(marked: list[Marked], passive: bool) -> Roles:
    """actor1 (the doer) and actor2 (the one acted on / the other side) from particle-marked names.

    A side named as the object ("စစ်ကြောင်းကို") is never also the doer, even when another of its names
    stands unmarked nearby ("စစ်သား ၃ ဦးသေဆုံး", three soldiers died): the doer is then the group that
    speaks for the attack or is named elsewhere in the story."""
    speakers = [m.actor_id for m in marked if m.role == "speaker" and not m.civilian]
    armed = [m for m in marked if not m.civilian and m.role != "speaker"]
    roles = Roles(named=list(dict.fromkeys([*(m.actor_id for m in armed), *speakers])))
    if passive:
        # "A သည် B က တိုက်ခိုက်ခြင်း ခံရ" (A was attacked by B): with a topic named, the topic is the victim
        # and a က-marked name the doer; else an unmarked or က-marked name is the victim
        topics = {m.actor_id for m in armed if m.role == "topic"}
        # "ရွာသား ၅ ဦး စစ်ကောင်စီတပ်က ဖမ်းဆီးခံရ": with civilians it happened to, the က-marked side did it
        civilians = any(m.civilian and m.role in ("none", "subject", "topic") for m in marked)
        victims = topics or {m.actor_id for m in armed if m.role in (("none",) if civilians else ("subject", "none"))}
        victims |= {m.actor_id for m in armed if m.role == "object"}   # "the junta's gate ကို ... bombed ခံရ"
        doers = [m for m in armed if m.role in ("genitive", "agent")] \
            or [m for m in armed if m.role == "subject" and m.actor_id not in victims] \
            or [m for m in armed if m.actor_id not in victims]
        roles.actor1 = doers[0].actor_id if doers else None
        others = [m for m in armed if m.actor_id != roles.actor1 and m.actor_id in victims] \
            or [m for m in armed if m.actor_id != roles.actor1]
        roles.actor2 = others[0].actor_id if others else None
        return roles
    objects = {m.actor_id for m in armed if m.role == "object"}
    doers = [m for m in armed if m.actor_id not in objects]
    for role in (("subject", "agent", "topic"), ("genitive",), ("pair",), ("none",)):
        pick = next((m for m in doers if m.role in role), None)
        if pick:
            roles.actor1 = pick.actor_id
            at = armed.index(pick)
            if role[0] == "subject" and at and armed[at - 1].role == "pair" and pick.start - armed[at - 1].end <= PAIR_GAP:
                # "A နှင့် B က" (A with B): a joint force is named by its first member, the other its partner -
                # but the army leads any force it is part of (its militia is the partner, as ACLED codes it);
                # "A၊ B နှင့် C တို့က": the list's first name leads
                head = at - 1
                while head and armed[head - 1].role == "pair" and armed[head].start - armed[head - 1].end <= PAIR_GAP:
                    head -= 1
                first, second = armed[head].actor_id, pick.actor_id
                lead = MILITARY if MILITARY in (first, second) else first
                roles.actor1, roles.partner = lead, second if lead == first else first
            break
    for role in (("object",), ("pair",), ("none",), ("subject", "agent", "topic")):
        pick = next((m for m in armed if m.role in role and m.actor_id != roles.actor1), None)
        if pick:
            roles.actor2 = pick.actor_id
            break
    return roles


# "တပ်မတော်" (the Tatmadaw) glued to the words before it is another army's name: "...လွတ်မြောက်ရေးတပ်မတော်"
# (a liberation army), "ရှမ်းပြည်တပ်မတော်" (the Shan State Army); "မြန်မာ့တပ်မတော်" stays the military
# "...လွတ်မြောက်ရေး", "ရှမ်းပြည်", "ကယန်းအမျိုးသား", "...မဟာမိတ်" + တပ်မတော်: a liberation, state, national or
# alliance army ("ဒီမိုကရက်တစ်မဟာမိတ် တပ်မတော်", the MNDAA spelled out), not the
# Tatmadaw, also written with a space between the words ("ကရင် အမျိုးသား တပ်မတော်")
_OTHER_ARMY = re.compile(r"(?:ရေး|ပြည်|အမျိုးသား(?:များ)?|မဟာမိတ်)\s?$")
ARMY_WORD = "တပ်မတော်"


def drop_other_armies(text: str, mentions) -> list:
    """The matcher's mentions without a bare "တပ်မတော်" that ends another army's (unknown) name."""
    return [m for m in mentions if not (m.kind == "actor" and m.text == ARMY_WORD
                                        and _OTHER_ARMY.search(text[max(0, m.start - 12):m.start]))]


# --- places --------------------------------------------------------------------------------------------


def township_mentions(knowledge, mentions) -> Counter:
    """How often the article names each township, through any name that can only be in it (the bare
    "ယင်းမာပင်" is the town or the township: both in Yinmarbin)."""
    counts: Counter = Counter()
    for m in mentions:
        if m.kind != "place":
            continue
        pcodes = {p.township_pcode for ref in m.ref_ids if (p := knowledge.places.get(ref)) and p.township_pcode}
        if len(pcodes) == 1:
            counts[pcodes.pop()] += 1
    return counts


def article_context(knowledge, mentions) -> tuple[Counter, Counter]:
    """States and townships the article names unambiguously (all of a mention's places agree), counted
    from state, district and township names only."""
    states: Counter = Counter()
    townships: Counter = Counter()
    for m in mentions:
        if m.kind != "place":
            continue
        places = [p for ref in m.ref_ids if (p := knowledge.places.get(ref)) and p.country_iso == "MMR"]
        if not places or any(p.level in ("village_tract", "town") for p in places):
            continue  # towns and villages are the names most often matched by mistake: they never vouch
        state_set = {p.state_pcode[:6] for p in places if p.state_pcode}
        town_set = {p.township_pcode for p in places if p.township_pcode}
        if len(state_set) == 1:
            states[state_set.pop()] += 1
        if len(town_set) == 1:
            townships[town_set.pop()] += 1
    return states, townships


def resolve_place(knowledge, mention, context: tuple[Counter, Counter]):
    """The gazetteer place a place mention stands for in this article, or None (a false match)."""
    states, townships = context[0], context[1]
    places = [p for ref in mention.ref_ids if (p := knowledge.places.get(ref)) is not None]
    if not places:
        return None

    def score(p) -> tuple:
        return (townships.get(p.township_pcode, 0) if p.township_pcode else 0,
                states.get((p.state_pcode or "")[:6], 0), p.country_iso == "MMR", -LEVEL_RANK.get(p.level, 9))

    best = max(places, key=score)
    if best.level in ("village_tract", "town") and any(
            p.township_pcode != best.township_pcode and score(p) == score(best) for p in places):
        return None   # villages of this name in several townships, and nothing in the article tells which
    if best.level in ("village_tract", "town") and (states or townships) and score(best)[:2] == (0, 0):
        return None   # names a place elsewhere in the country than everything else the article names
    if best.level in ("village_tract", "town") and townships and best.township_pcode not in townships:
        return None   # a village of that name in another township than the ones the article names
    if best.level == "village_tract" and len(places) > 1 and score(best)[:2] == (0, 0):
        return None
    if best.level == "district" and score(best)[:2] != (0, 0) and not townships:
        # a district named after its seat ("ဖာပွန်", "မြောက်ဦး") in an article about its state that names no
        # township: news names the town (and writes ခရိုင် for the district); with a township named, or
        # elsewhere in the country, it stays a district (and "ကလေး", a child, is not Kale)
        seat = next((p for p in places if p.level == "township" and p.district_pcode == best.place_id
                     and score(p)[:3] == score(best)[:3]), None)
        return seat or best
    return best
