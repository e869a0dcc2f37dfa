"""Is a story about Myanmar's armed conflict? Scoring rules over the mentions tasks.knowledge finds.

A story is relevant when BOTH hold:
1. it is anchored in Myanmar (country name, a Myanmar state/district/township/town, or a Myanmar actor
   named unambiguously) and Myanmar dominates over other countries: a story that names other countries
   more often than Myanmar places/actors, or whose title names another country and no Myanmar name
   while the body names the foreign country at least as often, is about somewhere else (neighbouring
   places such as Kunming or Mae Sot are neutral: they are in the gazetteer because the war reaches them);
2. its conflict signal reaches THRESHOLD. Triggers from seeds/event_lexicon.csv add their weight,
   scaled by where they stand: x1.5 in the title; x1.0 in a sentence that names Myanmar, x0.7 in a
   sentence with no place or actor (it inherits the story's subject), x0.5 in a sentence that names
   only another country; a conflict trigger in a sentence that also names a Myanmar armed actor
   (state forces, rebels, militias) counts x1.3: an actor plus an act is what an event report looks
   like. Signals count differently:
   - conflict, conscription, ceasefire: full weight;
   - arrest, protest: full weight when a Myanmar state force or armed/political group is named (the
     junta detaining activists), else 0.3 (a police drug bust is not political violence);
   - displacement, humanitarian, refugees: 0.6 of their weight, their full weight in a sentence that
     names a Myanmar armed actor (villagers flee a military column, the regime blocks aid), and nothing
     at all when a non-conflict signal is present (people displaced by an earthquake or a flood);
   - each armed non-state Myanmar group named (ACLED inter 2-4) adds ARMED_GROUP_BONUS, up to 2;
   - non_conflict triggers (earthquake, football, jade trade...) subtract half their weight: enough to
     cancel a stray "attack" or "shot" in a match report, not a bombing after an earthquake.

Real reporting adds three rules (issue 14):
- Off-topic lead: when the headline or the first sentence names a topic the coding guide rules out
  (scam centres, elections, the kyat, opium surveys, summits: lexicon signal "off_topic"; or a disaster:
  a non_conflict trigger of weight >= DISASTER_WEIGHT) and tells no violent act (a Battles/Explosions/
  Violence-against-civilians trigger of weight >= LEAD_VIOLENCE_WEIGHT; for a disaster also a ceasefire or
  a protest), the story
  is about that topic, however many raids or arrests its body recounts. A commemoration (lexicon signal
  "history": an anniversary, a jubilee) rules a lead as a disaster does (a protest or an attack in the lead
  answers it: a strike on the coup's anniversary is the war's); so do a diplomat's doings ("diplomacy":
  an envoy, an ambassador) and a court's ("court": a court, a verdict, a trial), and an accident (signal
  "accident": a crash, a collision, a capsized boat) told with no Myanmar armed actor in its sentence.
- An article (not a short text) that names no Myanmar state force or armed group at all is a statement
  about the country, not a report of a truce or a blockade between warring parties: its ceasefire/talks
  and displacement/humanitarian signals do not count (an ASEAN communique on "the conflict in Myanmar").
- Short texts (a headline, or a feed summary when the page failed: at most SHORT_TEXT_WORDS words) cannot
  repeat their signal the way an article does; they need SHORT_THRESHOLD, not THRESHOLD.
- Two ambiguous short forms on opposite sides ("junta" and "KIA", "regime forces" and "PDF") anchor a
  story in Myanmar together, though neither does alone.
- A short text below SHORT_THRESHOLD is still the war's when it names both warring sides ("KIA targets
  junta forces on Lido road": a headline has no room for anything else) or tells a lethal act with its
  armed agent ("junta troops shoot two brothers dead", "killed by junta's armed forces"): its words are
  the event, where an article's would be repeated. A disaster's toll ("3,000 dead, junta says") has no
  agent and stays out. Measured on the UCDP headlines (dev data).

Session 6 (issue 14, dev half of the real set):
- Refugees abroad: a lead whose refugee/aid/displacement words stand in a sentence naming a place or a
  government abroad with no Myanmar armed actor (India's refugee policy, a camp's rations) is ruled off
  topic like a scam-centre lead, even when the sentence names the refugees' home state.
- A place abroad: a lead naming a place abroad below a country (Manipur, Teknaf, Mae Sot), no place in
  Myanmar and no Myanmar armed actor, is the host country's story unless it tells a violent act. A
  dateline ("BANGKOK --") is where the report was filed, not a place abroad; a generic force there
  ("Teknaf police", "troops") is the host country's, not Myanmar's (tasks/tag.py).
- Crime: lexicon signal "crime" (drugs, scams, theft) rules a lead as "off_topic" does, and an arrest or a
  raid told in a sentence naming one counts CRIME_ARREST_FACTOR: police catching a drug courier is not the
  junta detaining activists, though the police are a state force.
- tasks/mention_context.py drops trigger words that tell no act: the coup recalled ("since the 2021 coup"),
  goods seized ("60 kg of heroin seized"), a campaign "fought" ("the fight against terrorism"), a weapon's
  purpose ("jet fuel for use in airstrikes": a sanctions notice's lead is not answered by it).
- Weak talk words ("talks", "agreement", "negotiations": weight < WEAK_TALKS_WEIGHT) count only in a sentence
  naming a Myanmar armed group: "junta chief flies to Minsk for talks" alone reached SHORT_THRESHOLD.
  (No dev article turned on it; the team's test shows the headline it guards.)
- Illegal entry, migrant smuggling and trafficking are crime words: Thai police arresting Myanmar migrants
  is immigration policing.

Session 7 (issue 14; UCDP headlines and real articles, dev halves; tests/test_tag_anchors.py):
- Names only Myanmar has anchor a text no gazetteer anchor places (tasks/tag_anchor.py): its parties (NLD,
  USDP, CDM), and in a short text of a violent act a village named in Burmese style where a place stands.
  None of these, nor "junta" in a short text, holds when another country or a region at war is named
  (seeds/other_countries.csv: the gazetteer knows 33 countries, not Mali, Niger or Guinea).
- A Myanmar outlet's feed (outlet_anchor) is a prior, not proof: it holds only for a text naming no other
  country, region at war, other junta, or place or force abroad (its world pages carry Thailand's and
  Cambodia's clashes, where "soldiers" would be read as Myanmar's); such a text anchors by its own names.
- The war as a circumstance ("exports fall amid fighting", "prices soar due to the conflict") tells no act:
  tasks/mention_context.py drops the war's generic nouns there unless their parties follow ("amid fighting
  with Karen forces").
- A lead told abroad: Myanmar's refugees named at a place abroad with no Myanmar armed actor rule it off
  topic like a refugee word does; a violent act abroad by that country's own forces (an Indian army
  gunfight in Manipur) does not answer a lead told abroad; a headline naming another country's force and
  no Myanmar name names that country (foreign_dominant when the body names it as often as Myanmar).
- History (the coding guide: background recalled for context is no event): a conflict word in a sentence
  dated only HISTORY_YEARS (5) or more before the newest year the text names ("On August 8, 1988, soldiers opened
  fire" in a piece naming 2021), or in one remembering ("35 years after, survivors recall the massacre"),
  tells no act (tasks/mention_context.py). Relative, so a 2016 report of a 2016 bombing is that year's news.
- A short text anchored in Myanmar that counts deaths among protesters ("deaths of protesters push Myanmar
  toll to 596") is the crackdown's (short cue "protest_deaths"): a disaster's toll names no protesters.
- Weapons traded ("Russia delivers six fighter jets", "the jets were handed over") and deaths in a sentence
  naming a mishap's cause ("crashes during training", "engine failure") tell no act (tasks/mention_context.py).

Session 7b (issue 14; fresh real articles, dev half: bench/real/labels/en_f.jsonl; tests/test_tag_courts_speech_and_history.py):
- A court's doings include the prison term it hands down ("sentences him to seven years in jail", "a five-year
  prison term": lexicon signal "court"; "jails her for five years": tasks/mention_context.py prison_terms), and a speaker's words are a topic too (lexicon signal "statement": a
  speech, a press conference, a reply that "responds to" or "rebuffs" another's, a group named "a terrorist
  organisation"): words about the war, ruled
  out like a commemoration. All these word topics are answered by any violent act a Myanmar armed actor does in
  the lead, however terse its verb ("KIA attacks junta bases on coup anniversary", "troops kill five").
- A page whose text repeats its headline as the first line leads with the sentence after it too, the lede the
  headline sums up; a sharing widget's line ("Connect to share and comment") is no headline
  (tasks/mention_context.py).
- "Assault rifle" names a weapon, and grenades, mortars or rockets listed among goods recovered or seized, in a
  sentence naming no Myanmar armed actor (Indian troops recovering a cache in Mizoram), tell no act.

Headline words (lexicon, signal-only so the extractor never types an event from them): the present
tense and nouns of terse headlines ("shoots", "repel", "rams into", "cracks down", "explosives",
"bullets", "violence", "ablaze") weigh 0.25 where the word is also common outside the war: x1.5 in a
title that is 0.375, under SHORT_THRESHOLD alone and over it with a Myanmar armed actor beside it (x1.3).

Borderline choices, decided here and mirrored in tests/data/relevance_labels.csv:
- Rohingya refugee-camp stories (Cox's Bazar, Bhasan Char) are relevant only when they report armed
  violence or the war in Rakhine (armed groups recruiting in the camps, killings, new arrivals fleeing
  fighting); camp life, ration cuts, fires and repatriation talk are not: a camp in Bangladesh is
  not Myanmar, so such a story anchors only through a Myanmar place or actor and needs a conflict signal.
- Border scam-centre stories (Myawaddy, Shwe Kokko, KK Park) are relevant only when armed actors
  fight there (clashes, airstrikes: a violent act in the lead); raids on the compounds, handovers of their
  workers, trafficking, foreign police arrests and repatriations are not (the coding guide: "scam-centre
  raids and trafficking" are hard negatives).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from tasks.knowledge import Knowledge, Mention, Trigger

THRESHOLD = 1.0
SHORT_THRESHOLD = 0.45
SHORT_TEXT_WORDS = 30
LEAD_VIOLENCE_WEIGHT = 0.6
OFF_TOPIC = "off_topic"
CRIME = "crime"  # drugs, scams, theft: an off-topic subject whose arrests are policing, not political violence
OFF_TOPIC_SIGNALS = frozenset({OFF_TOPIC, CRIME})
CRIME_ARREST_FACTOR = 0.3
WEAK_TALKS_WEIGHT = 0.5  # below it a talks/agreement word needs a Myanmar armed group in its sentence
HISTORY, ACCIDENT = "history", "accident"
ANSWERABLE_TOPICS = frozenset({HISTORY, "diplomacy", "court", "statement"})  # ruled out unless the lead tells an act too
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
DISASTER_WEIGHT = 0.15  # the heavier non-conflict topics (earthquake, cyclone, floods) rule a lead too
TITLE_FACTOR = 1.5
MYANMAR_SENTENCE, INHERITED_SENTENCE, FOREIGN_SENTENCE = 1.0, 0.7, 0.5
ARMED_GROUP_BONUS = 0.25
ARMED_SENTENCE_BOOST = 1.3
CONTEXT_FACTOR = 0.6
NON_CONFLICT_PENALTY = 0.5
CORE_SIGNALS = frozenset({"conflict", "conscription", "ceasefire"})
POLITICAL_SIGNALS = frozenset({"arrest", "protest"})
CONTEXT_SIGNALS = frozenset({"displacement", "humanitarian", "refugees"})
NON_CONFLICT = "non_conflict"
ARMED_GROUP_CODES = frozenset({2, 3, 4})
STATE_OR_ARMED_CODES = frozenset({1, 2, 3, 4})
REFUGEE_ACTORS = frozenset({"refugees_idps_myanmar", "rohingya_myanmar"})


@dataclass
class Located:
    """A mention with where it stands: title or text, and the weight of its sentence."""

    mention: Mention
    field: str          # 'title' | 'text'
    factor: float       # position x sentence-context factor
    armed: bool = False  # its sentence names a Myanmar armed actor (state forces, rebels, militias)
    lead: bool = False   # in the headline or the first sentence: what the story is about
    abroad: bool = False  # its sentence names a place abroad or a foreign government, and no place in Myanmar
    rebels: bool = False  # its sentence names a Myanmar non-state armed group (ACLED inter 2-4)
    foreign: bool = False  # its sentence names a place abroad or a foreign government, Myanmar places or not
    crime: bool = False   # its sentence names a crime (drugs, scams, theft: lexicon signal "crime")
    host: bool = False    # its sentence names a place abroad below a country (Manipur, Teknaf, Mae Sot)
    force_abroad: bool = False  # its sentence names another country's force or government (Indian army, Thai police)


@dataclass
class Verdict:
    relevant: bool
    score: float
    rule: str
    components: dict[str, float] = field(default_factory=dict)


def sentence_factor(names_myanmar: bool, names_other_country: bool) -> float:
    """Weight of triggers in one sentence (or the title), given the names it contains: a Myanmar anchor
    (Knowledge.is_myanmar_anchor), another country (is_foreign_country)."""
    if names_myanmar:
        return MYANMAR_SENTENCE
    if names_other_country:
        return FOREIGN_SENTENCE
    return INHERITED_SENTENCE


# Asked of every place mention by the sentence weights, the anchors' count and the short-text rules: memoised
# per seeds version and ref_ids (bounded by the gazetteer's combinations).
_OTHER_COUNTRY: dict[tuple[str, tuple[str, ...]], bool] = {}


def is_foreign_country(knowledge: Knowledge, mention: Mention) -> bool:
    if mention.kind != "place":
        return False
    key = (knowledge.version, mention.ref_ids)
    found = _OTHER_COUNTRY.get(key)
    if found is None:
        places = [knowledge.places.get(ref) for ref in mention.ref_ids]
        found = any(p is not None and p.level == "country" and p.country_iso != "MMR" for p in places)
        if len(_OTHER_COUNTRY) < 100_000:
            _OTHER_COUNTRY[key] = found
    return found


# Asked several times of every trigger mention (context tests, scoring, topics): memoised by what the answer
# depends on, the seeds and the mention's ref_ids (bounded by the lexicon's combinations).
_STRONGEST: dict[tuple[str, tuple[str, ...]], Trigger | None] = {}
_UNKNOWN = object()  # None is an answer


def strongest_trigger(knowledge: Knowledge, mention: Mention) -> Trigger | None:
    """A span can stand for several triggers ("surrender" inflected and "surrendered"): take the heaviest."""
    key = (knowledge.version, mention.ref_ids)
    found = _STRONGEST.get(key, _UNKNOWN)  # one lookup, not a test and a lookup: asked ~100 times an article
    if found is not _UNKNOWN:
        return found
    triggers = [t for ref in mention.ref_ids if (t := knowledge.triggers.get(ref)) is not None]
    found = max(triggers, key=lambda t: t.weight) if triggers else None
    if len(_STRONGEST) < 100_000:
        _STRONGEST[key] = found
    return found


def names_armed_actor(knowledge: Knowledge, mentions: list[Mention]) -> bool:
    """Does this sentence name a Myanmar armed actor (even through a context-needing "troops")?"""
    for mention in mentions:
        if mention.kind == "actor":
            for ref in mention.ref_ids:
                actor = knowledge.actors.get(ref)
                if actor and actor.country_iso == "MMR" and actor.inter_code in STATE_OR_ARMED_CODES:
                    return True
    return False


def _anchor_counts(knowledge: Knowledge, located: list[Located]) -> tuple[int, int, bool, bool]:
    myanmar = foreign = 0
    title_myanmar = title_foreign = False
    for item in located:
        if knowledge.is_myanmar_anchor(item.mention):
            myanmar += 1
            title_myanmar |= item.field == "title"
        elif is_foreign_country(knowledge, item.mention):
            foreign += 1
            title_foreign |= item.field == "title"
        # a headline naming another country's force ("Thai army chief vows...") names that country
        title_foreign |= item.field == "title" and item.force_abroad
    return myanmar, foreign, title_myanmar, title_foreign


def located_triggers(knowledge: Knowledge, located: list[Located]) -> Iterator[tuple[Located, Trigger]]:
    """Each located trigger mention with the lexicon entry that counts for it."""
    for item in located:
        if item.mention.kind != "trigger":
            continue
        trigger = strongest_trigger(knowledge, item.mention)
        if trigger is not None:
            yield item, trigger


def _signal_sums(knowledge: Knowledge, located: list[Located]) -> dict[str, float]:
    sums = {"core": 0.0, "political": 0.0, "context": 0.0, "armed_context": 0.0, "non_conflict": 0.0, "talks": 0.0}
    for item, trigger in located_triggers(knowledge, located):
        if item.abroad and (trigger.signal in POLITICAL_SIGNALS or trigger.signal in CONTEXT_SIGNALS
                            or trigger.signal == "ceasefire" and not item.rebels):
            continue  # migrants protesting in Thailand, a camp in Cox's Bazar, the junta's deal with Russia

        if trigger.signal == "ceasefire" and trigger.weight < WEAK_TALKS_WEIGHT and not item.rebels:
            continue  # "talks", "agreement", "negotiations" with no armed group party to them: trade, visits
        weighted = trigger.weight * item.factor
        if item.crime and trigger.signal in POLITICAL_SIGNALS:
            weighted *= CRIME_ARREST_FACTOR  # police arresting a drug courier or raiding a scam compound
        if trigger.signal == "conflict" and item.armed:
            weighted *= ARMED_SENTENCE_BOOST
        if trigger.signal in CORE_SIGNALS:
            sums["core"] += weighted
            sums["talks"] += weighted if trigger.signal == "ceasefire" else 0.0
        elif trigger.signal in POLITICAL_SIGNALS:
            sums["political"] += weighted
        elif trigger.signal in CONTEXT_SIGNALS:
            sums["armed_context" if item.armed else "context"] += weighted
        elif trigger.signal == NON_CONFLICT:
            sums["non_conflict"] += weighted
        elif trigger.event_type:  # an ACLED-typed trigger with a signal this module does not know yet
            sums["core"] += weighted
    return sums


def _actor_codes(knowledge: Knowledge, located: list[Located]) -> tuple[set[str], bool]:
    armed_groups: set[str] = set()
    state_or_armed = False
    for item in located:
        mention = item.mention
        if mention.kind != "actor":
            continue
        for ref in mention.ref_ids:
            actor = knowledge.actors.get(ref)
            if actor is None or actor.country_iso != "MMR":
                continue
            state_or_armed |= actor.inter_code in STATE_OR_ARMED_CODES
            if actor.inter_code in ARMED_GROUP_CODES:
                armed_groups.add(ref)
    return armed_groups, state_or_armed


def off_topic_lead(knowledge: Knowledge, located: list[Located]) -> bool:
    """Does the lead name a ruled-out topic (scam centres, elections, currency...) and no violent act?"""
    topic = disaster = words = violent = answered = armed_act = False
    for item, trigger in located_triggers(knowledge, located):
        if not item.lead:
            continue
        topic |= trigger.signal in OFF_TOPIC_SIGNALS
        # refugees, aid or displacement told where they are abroad (India's refugee policy, a camp in Cox's
        # Bazar) with no Myanmar armed actor beside them: the story is the host country's
        topic |= trigger.signal in CONTEXT_SIGNALS and item.foreign and not item.armed
        # any act told at a place abroad, no place in Myanmar named and no Myanmar armed actor (militants
        # "from Myanmar" expected in Manipur): the host country's story unless the lead tells a violent act
        # ("recruiting in Cox's Bazar to fight in Myanmar"). A foreign government speaking ("Singapore is
        # dismayed by killings in Myanmar") or a dateline ("BANGKOK --") is no place abroad.
        topic |= item.abroad and item.host and not item.armed
        disaster |= trigger.signal == NON_CONFLICT and trigger.weight >= DISASTER_WEIGHT
        # an accident told with no armed actor beside it rules a lead as a disaster does
        disaster |= trigger.signal == ACCIDENT and not item.armed
        # a commemoration, a diplomat's, a court's or a speaker's doings: words about the war, not acts of it
        words |= trigger.signal in ANSWERABLE_TOPICS
        strong = trigger.weight >= LEAD_VIOLENCE_WEIGHT
        # words are answered by any violent act a Myanmar armed actor does in the lead, however terse its verb
        # ("KIA attacks junta bases on coup anniversary": "attacks" weighs under LEAD_VIOLENCE_WEIGHT)
        # ("troops kill five": "killed" is an untyped conflict word)
        armed_act |= (trigger.event_type in VIOLENT_TYPES or trigger.signal == "conflict" and not trigger.event_type
                      ) and item.armed and not item.abroad
        # a violent act abroad by that country's own forces (an Indian army gunfight in Manipur) is its story
        violent |= trigger.event_type in VIOLENT_TYPES and strong and not (item.abroad and item.force_abroad
                                                                           and not item.armed)
        answered |= strong and (trigger.event_type == "Protests" or trigger.sub_event_type == "Agreement")
    # Myanmar's refugees named in a lead told at a place abroad (Rohingya refugees in Cox's Bazar face ration
    # cuts), no Myanmar armed actor beside them: the camp's story, though no refugee word is a trigger there
    topic |= any(item.lead and item.abroad and item.host and not item.armed and item.mention.kind == "actor"
                 and not REFUGEE_ACTORS.isdisjoint(item.mention.ref_ids) for item in located)
    # a disaster story is the war's when its lead tells a ceasefire, a protest or an attack too
    return ((topic and not violent) or (disaster and not (violent or answered))
            or (words and not (violent or answered or armed_act)))


def judge(knowledge: Knowledge, located: list[Located], short_text: bool = False, inferred_anchor: bool = False,
          short_cue: str | None = None) -> Verdict:
    """`short_text`: a headline or summary alone; `inferred_anchor`: one Myanmar anchor no mention carries
    (two ambiguous short forms of opposite sides, or the Myanmar outlet whose feed the item came from);
    `short_cue`: what makes a short text the war's on its own, "both_sides" or "lethal_agent" (see the
    module doc)."""
    myanmar, foreign, title_myanmar, title_foreign = _anchor_counts(knowledge, located)
    myanmar += inferred_anchor
    if myanmar == 0:
        return Verdict(False, 0.0, "no_myanmar_anchor", {"myanmar_anchors": 0, "foreign_anchors": foreign})
    anchors = {"myanmar_anchors": myanmar, "foreign_anchors": foreign}
    if foreign > myanmar or (title_foreign and not title_myanmar and foreign >= myanmar):
        return Verdict(False, 0.0, "foreign_dominant", anchors)
    sums = _signal_sums(knowledge, located)
    armed_groups, state_or_armed = _actor_codes(knowledge, located)
    political = sums["political"] * (1.0 if state_or_armed else 0.3)
    context = 0.0 if sums["non_conflict"] > 0 else CONTEXT_FACTOR * sums["context"] + sums["armed_context"]
    core = sums["core"]
    if not (short_text or state_or_armed):
        # An article that names no Myanmar force or armed group at all is not telling a truce or an aid
        # blockade between warring parties: it is a statement about the country (a summit's communique).
        core, context = core - sums["talks"], 0.0
    bonus = ARMED_GROUP_BONUS * min(len(armed_groups), 2)
    score = round(core + political + context + bonus - NON_CONFLICT_PENALTY * sums["non_conflict"], 3)
    components = {**anchors, **{k: round(v, 3) for k, v in sums.items()}, "armed_groups": len(armed_groups)}
    if off_topic_lead(knowledge, located):
        return Verdict(False, score, "off_topic_lead", components)
    if score >= (SHORT_THRESHOLD if short_text else THRESHOLD):
        return Verdict(True, score, "myanmar_conflict", components)
    if short_text and short_cue and sums["non_conflict"] == 0:
        return Verdict(True, score, f"short_{short_cue}", components)
    if sums["non_conflict"] > 0:
        rule = "non_conflict_topic"
    elif score > 0:
        rule = "weak_conflict_signal"
    else:
        rule = "no_conflict_signal"
    return Verdict(False, score, rule, components)
