"""ACLED actor defaults for Burmese events: what the text leaves unsaid.

Only the military flies aircraft; attacks, abductions and arson with no named doer are an Unidentified
Armed Group's and their victims Civilians; a mine with no named layer likewise; a resistance force the
report does not name is "PDF" (coding guide); a town taken by a non-state group is taken from the junta;
a battle's missing side is the other armed actor the article names.
"""

from __future__ import annotations

import re

from tasks.extract import actors as actor_rules
from tasks.extract.actor_clues import normalize_actor
from tasks.extract.group_members import affinity, home_areas
from tasks.extract.finalize import disorder_of, set_actor

DEFAULT_MILITARY = ("Air/drone strike",)
CIVILIAN_TARGET = ("Attack", "Abduction/forced disappearance", "Sexual violence", "Looting/property destruction",
                   "Arrests")
UNNAMED_ATTACKER = ("Attack", "Abduction/forced disappearance", "Sexual violence", "Looting/property destruction")
UNNAMED_BOMBER = ("Remote explosive/landmine/IED", "Grenade", "Shelling/artillery/missile attack")
# what a strike hits when it is no battle's support (and, with no side named as the target, whom it
# hits): people, homes, schools, a village as the target
STRUCK_CIVILIAN = re.compile(r"အရပ်သား|ဒေသခံ|ရွာသား|ရွာသူ|ကလေး|ကျောင်း|ဆေးရုံ|ဆေးခန်း|ဆေးကုသ|အိမ်|ဈေး|စစ်ဘေးရှောင်|စစ်ရှောင်|ကိုရင်|သံဃာ"
                             r"|အမျိုးသမီး|စစ်သုံ့ပန်း|အကျဉ်းသား"   # (captives fight for no side)
                              r"|(?:ရွာ|မြို့)(?:ပေါ်|များ|တွေ)?\s*(?:ကို|အား|ပေါ်|ထဲ|သို့)")   # (a town bombed as such too)
# a village, a town or people's buildings as the object struck ("ရွာကို", "ကျောင်းကို", "အိမ်များအား")
STRUCK_PLACE = re.compile(r"(?:ရွာ|မြို့|အိမ်|ကျောင်း|ဆေးရုံ|ဆေးခန်း|ဈေး)(?:ပေါ်|ထဲ|များ|တွေ)?\s*(?:ကို|အား)(?![\u102b-\u103e\u1039\u103a])")
# a post, a column or a convoy as the object struck ("စခန်းကို", "စစ်ကြောင်းအား", "ယာဉ်တန်းကို")
STRUCK_POST = re.compile(r"(?:စခန်း|ဂိတ်|စစ်ကြောင်း|ယာဉ်တန်း|စစ်လှေ|တပ်ရင်း)(?:များ|တွေ)?\s*(?:ကို|အား)(?![\u102b-\u103e\u1039\u103a])")
STATE_STRIKES = ("Air/drone strike", "Shelling/artillery/missile attack")
DRONE = "ဒရုန်း"   # a drone: resistance forces fly them too, unlike jets and helicopters


def event_actors(knowledge, cand, article_armed: list[str], event=None) -> tuple[str | None, str | None]:
    """actor1 and actor2 as canonical ids, with ACLED's defaults for what the text leaves unsaid. The rules
    run in a fixed order (each phase sees the sides the one before left): who was hit and who flew, who
    took or marched, then the victims' and a battle's missing side."""
    event_type = cand.hit.event_type
    actor1, actor2 = [normalize_actor(knowledge, a, event_type) for a in (cand.roles.actor1, cand.roles.actor2)]
    if event_type != "Battles" and cand.roles.partner and actor2 == normalize_actor(knowledge, cand.roles.partner, event_type):
        actor2 = None   # "ပျူစောထီးနှင့် စစ်ကောင်စီတပ်က မီးရှို့": the militia burned the village with the army
    named = [normalize_actor(knowledge, a, event_type) for a in cand.roles.named]
    actor1, actor2 = _hit_or_flying(knowledge, cand, actor1, actor2)
    actor1, actor2 = _takers_and_marchers(knowledge, cand, actor1, actor2, named, article_armed)
    actor1, actor2, named = _victims_and_battle_sides(knowledge, cand, actor1, actor2, named, article_armed, event)
    if actor1 == "pdf" and event_type in actor_rules.VIOLENT_TYPES:
        # "KIA, PDF များက": the named group, not the umbrella word outlets use for any local force
        actor1 = next((a for a in named if a not in ("pdf", actor2) and not is_state(knowledge, a)
                       and knowledge.actors.get(a) and knowledge.actors[a].inter_code in (2, 3)), actor1)
    actor1, actor2 = umbrella(knowledge, actor1), umbrella(knowledge, actor2)
    if actor1 == actor2:
        actor2 = None
    return actor1, actor2


_BRANCH = re.compile(r"^([A-Z]{2,6})-[A-Za-z]+:")


def umbrella(knowledge, actor_id: str | None) -> str | None:
    """A local branch named in Latin ("CDF-Hakha: Chinland Defense Force-Hakha") as its umbrella force
    (the CDF), as its Burmese names and the local PDFs already are: one force, however a report spells it."""
    actor = knowledge.actors.get(actor_id) if actor_id else None
    branch = _BRANCH.match(actor.name) if actor else None
    if branch is None:
        return actor_id
    return next((a.actor_id for a in knowledge.actors.values() if a.name.startswith(f"{branch.group(1)}:")), actor_id)


def _hit_or_flying(knowledge, cand, actor1: str | None, actor2: str | None) -> tuple[str | None, str | None]:
    """A side counted dead or hurt was hit; only the military flies aircraft; state forces do not attack
    their own."""
    event_type, sub = cand.hit.event_type, cand.hit.sub_event_type
    drone = any(DRONE in s.text for s in cand.sentences)
    if sub in DEFAULT_MILITARY and actor1 and not is_state(knowledge, actor1) and _counted_hit(cand, actor1):
        actor1, actor2 = None, actor1   # "…ကြောင့် PDF ရဲဘော် ၂ ဦး ကျဆုံး": the side counted dead was hit, not flying
    if sub in UNNAMED_BOMBER and actor1 and actor2 in (None, actor1) and _counted_hit(cand, actor1):
        actor1, actor2 = None, actor1   # "ဗုံးပေါက်ကွဲ၍ ရဲ ၂ ဦး ဒဏ်ရာရ" (a bomb went off, 2 police hurt): they were hit
    if sub in DEFAULT_MILITARY and drone and actor1 is None and is_state(knowledge, actor2):
        # the junta's post "was drone-bombed" (ဒရုန်းဖြင့် ဗုံးချ တိုက်ခိုက်ခံရ): resistance drones, doer unnamed
        actor1 = "pdf"
    if sub in DEFAULT_MILITARY and (actor1 is None or actor1 == actor_rules.CIVILIANS
                                    or (not drone and not is_state(knowledge, actor1))):
        # only the military flies aircraft; a resistance group named beside a bombing is its target
        actor2 = actor_rules.CIVILIANS if cand.civilians else (actor1 if actor1 not in (None, actor_rules.CIVILIANS)
                                                               else actor2)
        actor1 = actor_rules.MILITARY
    if actor1 and actor2 and is_state(knowledge, actor1) and is_state(knowledge, actor2) \
            and event_type in actor_rules.VIOLENT_TYPES:
        actor1 = None   # the junta's forces do not attack their own police station: the doer is unnamed
    return actor1, actor2


def _takers_and_marchers(knowledge, cand, actor1: str | None, actor2: str | None, named: list[str],
                         article_armed: list[str]) -> tuple[str | None, str | None]:
    """Who took a place (and from whom), the unnamed attacker of a fight with the junta, a march's sides."""
    event_type, sub = cand.hit.event_type, cand.hit.sub_event_type
    if sub == "Non-state actor overtakes territory" and (actor1 is None or is_state(knowledge, actor1)) \
            and cand.roles.actor1 is None:
        # "MNDAA ထံ လက်နက်ချ" (surrendered to the MNDAA): the named non-state side is the one that took it
        taker = next((a for a in named if not is_state(knowledge, a)), None)
        if taker:
            actor1, actor2 = taker, actor_rules.MILITARY
    if actor1 is None and event_type in ("Battles", "Explosions/Remote violence") and named \
            and all(is_state(knowledge, a) for a in named):
        # the junta's side named, the attacker not in this sentence: the resistance force the article names,
        # else (coding guide) "PDF" for a fight with an unnamed local force, an Unidentified Armed Group for
        # rockets or shells fired by no one named
        other = next((a for a in article_armed if not is_state(knowledge, a)), None)
        unnamed = event_type != "Battles" and not any(_unknown_doer(s, cand.marked) for s in cand.sentences)
        actor1 = other or ("unidentified_armed_group" if unnamed else "pdf")
    if event_type == "Protests" and actor1 is None:
        actor1 = actor_rules.PROTESTERS
    if sub == "Excessive force against protesters":
        # coding guide: the force that fired is actor1, the protesters actor2 (also when told the other way round)
        if actor1 == actor_rules.PROTESTERS and actor2 and is_state(knowledge, actor2):
            actor1, actor2 = actor2, actor1
        if actor1 and is_state(knowledge, actor1) and actor2 in (None, actor_rules.CIVILIANS):
            actor2 = actor_rules.PROTESTERS
    if sub == "Peaceful protest" and (actor1 is None or armed(knowledge, actor1)):
        actor1 = actor_rules.PROTESTERS   # the troops who came after the march ("…တပ်ဖွဲ့ဝင်တွေက ဖမ်းဆီး") did not march
    if sub == "Peaceful protest" and actor2 is not None and actor2 != actor_rules.PROTESTERS:
        actor2 = None   # the junta a march is against is no side of it; nobody intervened
    if sub == "Non-violent transfer of territory" and is_state(knowledge, actor1) and actor2 \
            and not is_state(knowledge, actor2) and actor2 != actor_rules.CIVILIANS:
        # "စခန်းသည် MNDAA ထံ လက်နက်ချ" (the base surrendered to the MNDAA): actor1 is the side that gains it
        actor1, actor2 = actor2, actor1
    if sub in ("Non-state actor overtakes territory",) and actor1 and not is_state(knowledge, actor1) \
            and (actor2 is None or not is_state(knowledge, actor2)) \
            and not (armed(knowledge, actor2) and not allies(knowledge, actor1, actor2)):
        # a town is taken from the junta's forces; a camp of another armed group ("BGF စခန်းကို KNLA
        # သိမ်း") is taken from that group, an ally named beside the taker ("KIA, PDF") is no loser
        actor2 = actor_rules.MILITARY
    return actor1, actor2


def _victims_and_battle_sides(knowledge, cand, actor1: str | None, actor2: str | None, named: list[str],
                              article_armed: list[str], event) -> tuple[str | None, str | None, list[str]]:
    """Civilians as the victims nobody else is; a battle's missing side from the article's armed actors
    (returned with them, for the PDF rule after it); allies named together fought the junta."""
    event_type, sub = cand.hit.event_type, cand.hit.sub_event_type
    if sub in CIVILIAN_TARGET:
        if actor1 is None and sub in UNNAMED_ATTACKER:
            # "Black Tiger အဖွဲ့က သုတ်သင်" (a group the knowledge does not know killed him): named, a local force
            known = any(_unknown_doer(s, cand.marked) for s in cand.sentences)
            actor1 = "pdf" if known else "unidentified_armed_group"
        if actor1 is None and sub == "Arrests":
            actor1 = actor_rules.MILITARY
        if actor2 is None or (sub != "Arrests" and actor2 == actor_rules.MILITARY and actor1 != actor_rules.MILITARY):
            actor2 = actor_rules.CIVILIANS
    elif sub in ("Air/drone strike", "Shelling/artillery/missile attack") and actor2 \
            and actor2 != actor_rules.CIVILIANS and not is_state(knowledge, actor2) \
            and not any(m.actor_id == actor2 and m.role == "object" for m in cand.marked) \
            and not _counted_hit(cand, actor2) and any(STRUCK_PLACE.search(s.text) for s in cand.sentences):
        # "ပကဖနှင့် တိုက်ပွဲဖြစ်ပြီးနောက် ရွာကို ဗုံးကြဲ" (after a clash with the PDF, bombed the village):
        # the group is named as the other side of a fight, the village as what was struck - Civilians (not
        # when the group's own members are the ones counted dead: "ရွာကို ဗုံးကြဲ၍ DPLA ရဲဘော် ၆ ဦး သေဆုံး")
        actor2 = actor_rules.CIVILIANS
    elif event_type in ("Explosions/Remote violence", "Battles") and actor2 is None and actor1 \
            and not is_state(knowledge, actor1) and actor1 != actor_rules.CIVILIANS and not cand.civilians \
            and any(STRUCK_POST.search(s.text) for s in cand.sentences) \
            and not any(STRUCK_CIVILIAN.search(s.text) for s in cand.sentences):
        # "ပကဖ က အထိုင်စခန်းကို ဒရုန်းဖြင့် တိုက်ခိုက်" (the PDF drone-struck the garrison camp): a resistance
        # force's target post or column with no owner named is the junta's
        actor2 = actor_rules.MILITARY
    elif event_type in ("Explosions/Remote violence",) and actor2 is None and (
            cand.civilians or any(STRUCK_CIVILIAN.search(s.text) for s in cand.sentences)
            or (sub in DEFAULT_MILITARY and cand.killed)):
        # (people killed by a bombing with no armed side named as its target: ACLED's Civilians)
        # (shells on "the village", "homes", "a school" with no side named as the target: Civilians)
        actor2 = actor_rules.CIVILIANS
    elif sub in STATE_STRIKES and actor2 is None and is_state(knowledge, actor1):
        # the junta's aircraft or guns on a township, a ward, "the area" with no armed side named as the
        # target: what it hits is the people who live there (coding guide: an air strike on a village)
        actor2 = actor_rules.CIVILIANS
    if actor1 is None and sub in UNNAMED_BOMBER:
        actor1 = "unidentified_armed_group"   # coding guide: the attacker is not named
    elif event_type == "Battles":
        if not _civilians_shot(cand, named):
            named = named + [a for a in article_armed if a not in named]
        others = [a for a in named if a not in (actor1, None)]
        if actor1 is None and others:
            actor1, others = others[0], others[1:]
        if actor2 is None or actor2 == actor1:
            actor2 = others[0] if others else None
        lone_killer = cand.civilians and cand.killed and len(cand.roles.named) <= 1 and is_state(knowledge, actor1) \
            and cand.hit.weight < 0.8   # no battle word ("တိုက်ပွဲ"): only deaths and who caused them
        if actor1 is None and actor2 is None and not (cand.civilians and (cand.killed or cand.died)):
            # a clash told with no side named in the whole story ("ထိတွေ့တိုက်ပွဲတွေ ဖြစ်ပွား"): one side is the
            # junta's, the other not named (coding guide: Unidentified Armed Group); with people killed and
            # no side at all, it is no battle (the rules after this make it an attack on civilians)
            actor1, actor2 = actor_rules.MILITARY, "unidentified_armed_group"
        if actor1 is not None and actor2 is None and not lone_killer:
            # (civilians killed "at the hands of" the army alone: an attack on them, not a battle)
            actor2 = actor_rules.MILITARY if actor1 != actor_rules.MILITARY else "unidentified_armed_group"
        if allies(knowledge, actor1, actor2) and not _each_other(knowledge, cand, article_armed):
            # "AA fights beside the KIA": the other side is the junta's; the side is the ally at home there
            home = home_areas(knowledge)
            if event is not None and affinity(home, actor2, event) > affinity(home, actor1, event):
                actor1 = actor2
            actor2 = actor_rules.MILITARY
    return actor1, actor2, named


def _civilians_shot(cand, named: list[str]) -> bool:
    """"ရွာသားသုံးဦး ပစ်ခတ်ခံရပြီး နှစ်ဦးသေဆုံး" (three villagers were shot, two died): villagers hurt or
    killed by shooting, no side named in the sentence and no battle word - an attack on them by whoever fired,
    not a battle between the sides the rest of the article names."""
    return not named and cand.civilians and bool(cand.killed or cand.died) and cand.hit.weight < 0.8


# a group noun marked as the doer ("Yangon-e UG အဖွဲ့က", "ဒေါင်းနက် ပြောက်ကျားတပ်ဖွဲ့က"): a named force
_DOER_GROUP = re.compile(r"(?:အဖွဲ့|တပ်ဖွဲ့|တပ်|UG|Force|ပြောက်ကျား)\s*(?:များ|တွေ)?\s*(?:က|မှ)(?![\u102b-\u103e\u1039\u103a])")


def _unknown_doer(sentence, marked) -> bool:
    """Does the sentence name a doer the knowledge does not know (a group noun with က/မှ that is not one
    of the named actors, the junta's units among them)? Then the attacker is named, only not known: the
    guide's "PDF"."""
    known = [(m.start - sentence.start, m.end - sentence.start) for m in marked]
    return any(not any(s <= g.start() <= e + 2 for s, e in known) for g in _DOER_GROUP.finditer(sentence.text))


_JOINT = re.compile(r"ပူးပေါင်း|မဟာမိတ်|အတူ|ပေါင်းစု|ကူညီ")


def _each_other(knowledge, cand, article_armed: list[str]) -> bool:
    """Two groups of one alliance "fought" with no junta side in the whole story and no word of their
    fighting together ("TNLA နှင့် SSPP တိုက်ပွဲ"): they fought each other."""
    return not any(is_state(knowledge, a) for a in article_armed) and not any(_JOINT.search(s.text) for s in cand.sentences)


def allies(knowledge, a: str | None, b: str | None) -> bool:
    """Two resistance groups of one alliance (or one of them the PDF umbrella) fight on the same side."""
    first, second = knowledge.actors.get(a) if a else None, knowledge.actors.get(b) if b else None
    if first is None or second is None or is_state(knowledge, a) or is_state(knowledge, b):
        return False
    if first.inter_code not in (2, 3) or second.inter_code not in (2, 3):
        return False
    return "pdf" in (a, b) or bool(set(first.alliances) & set(second.alliances))


# a side's members counted dead or hurt right after its name ("PDF ရဲဘော် ၂ ဦး ကျဆုံး")
_CASUALTIES = re.compile(r"\s*(?:ရဲဘော်|တပ်သား|တပ်ဖွဲ့ဝင်|အဖွဲ့ဝင်|စစ်သား)?\s*(?:များ|တွေ)?\s*\(?\s*[0-9\u1040-\u1049]+\s*\)?"
                         r"\s*(?:ဦး|ယောက်)\s*(?:ခန့်|ကျော်|ထက်မနည်း)?\s*(?:ကျဆုံး|သေဆုံး|သေ|ဒဏ်ရာ|ထိခိုက်)")


def _counted_hit(cand, actor_id: str) -> bool:
    """Is the side named only as the one whose members were counted dead or hurt in the strike?"""
    marks = [m for m in cand.marked if m.actor_id == actor_id]
    texts = {s.start: s.text for s in cand.sentences}
    hit = [m for m in marks for start, text in texts.items()
           if start <= m.start < start + len(text) and _CASUALTIES.match(text, m.end - start)]
    return bool(hit) and len(hit) == len(marks)


def armed(knowledge, actor_id: str | None) -> bool:
    """A fighting side: state forces, militias, rebel groups (not civilians, protesters, a government)."""
    actor = knowledge.actors.get(actor_id) if actor_id else None
    return bool(actor and actor.inter_code in (1, 2, 3) and not actor_id.startswith(("government", "sac")))


def attack_on_forces(knowledge, event) -> None:
    """Armed men killing police or soldiers ("ရဲ ၂ ဦး ပစ်သတ်ခံရ", two policemen shot dead) attack an armed
    side, not civilians: ACLED codes it a battle (Armed clash), whoever did it."""
    if (event.event_type, event.sub_event_type) != ("Violence against civilians", "Attack") \
            or not armed(knowledge, event.actor2_id):
        return
    event.event_type, event.sub_event_type = "Battles", "Armed clash"
    event.disorder_type = disorder_of(event.event_type, event.sub_event_type)
    if event.actor1_id is None:
        set_actor(knowledge, event, "1", "unidentified_armed_group")


def is_state(knowledge, actor_id: str | None) -> bool:
    actor = knowledge.actors.get(actor_id) if actor_id else None
    return bool(actor and (actor.inter_code == 1 or actor_id in ("pyu_saw_htee", "militia_progov")))


def article_armed(knowledge, mentions) -> list[str]:
    """The armed actors the article names, in order (the junta's council counts as its army)."""
    out: list[str] = []
    for m in mentions:
        if m.kind != "actor":
            continue
        actor_id = actor_rules.MILITARY if m.ref_ids[0] in actor_rules.STATE_ALIASES_TO_MILITARY else m.ref_ids[0]
        actor = knowledge.actors.get(actor_id)
        if actor and actor.inter_code in (1, 2, 3, 4) and actor_id not in out:
            out.append(actor_id)
    return out


# an act's verb made a relative clause right before a name: "…မီးရှို့နေသည့် စစ်ကြောင်း" (the column that was burning)
_RELATIVE = re.compile(r"\s*(?:ခဲ့|နေ|လာ|သွား)?\s*(?:သည့်|တဲ့|သော)\s*")


def relative_doer(knowledge, text: str, act_end: int, mentions) -> str | None:
    """The armed actor an act's relative clause describes ("ရွာကို မီးရှို့နေသည့် စစ်ကြောင်း": the column doing the
    burning) is that act's doer, whatever the sentence does to it."""
    rel = _RELATIVE.match(text, act_end)
    if rel is None:
        return None
    name = next((m for m in mentions if m.kind == "actor" and m.start == rel.end()), None)
    if name is None:
        return None
    actor_id = actor_rules.MILITARY if name.ref_ids[0] in actor_rules.STATE_ALIASES_TO_MILITARY else name.ref_ids[0]
    actor = knowledge.actors.get(actor_id)
    return actor_id if actor is not None and actor.inter_code in (1, 2, 3, 4) else None


GENERIC_MILITIAS = frozenset({"militia_progov", "pyu_saw_htee"})


def named_militia(knowledge, actor_id: str | None, armed: list[str]) -> str | None:
    """The junta's militia named generically ("စစ်ကောင်စီလက်အောက်ခံ ပြည်သူ့စစ်") in an article that names one
    militia by its own name (the Pa-O PNA, the KNA): that militia; else as it was."""
    if actor_id != "militia_progov":
        return actor_id
    named = [a for a in armed if a not in GENERIC_MILITIAS
             and (actor := knowledge.actors.get(a)) and actor.actor_type == "Political Militias"]
    return named[0] if len(named) == 1 else actor_id


def air_support(sentence, local, chosen) -> bool:
    """Is the sentence's air strike the support of the battle it also tells? Both sides named, a battle
    word (weight 1: "တိုက်ပွဲ", not a generic "attacked"), and nothing civilian hit."""
    if len(chosen) != 2 or chosen[0].sub_event_type != "Air/drone strike" or chosen[1].sub_event_type != "Armed clash":
        return False
    sides = {m.ref_ids[0] for m in local if m.kind == "actor"}
    return chosen[1].weight >= 1.0 and len(sides) >= 2 and not STRUCK_CIVILIAN.search(sentence.text)


# a doer told after the act: "စကစ(စစ်ကောင်စီတပ်)တွေ ရှို့တာ" (the junta's troops burned it), "X က မီးရှို့"
_BURNED_BY = re.compile(r"\s*(?:\([^)]*\))?\s*(?:တွေ|များ)?\s*(?:က)?\s*(?:မီး)?ရှို့(?!ခံ)")
LATER_SENTENCES = 6   # a quote runs over several short sentences before it names the doer


def burner_told_later(knowledge, text: str, mentions, sentences, cand, event) -> None:
    """Houses "were burned" (မီးရှို့ခံရ) with no doer in the act's sentence, and one of the next sentences
    says who burned them (a local: "စကစတွေ ရှို့တာပဲ ဖြစ်မယ်", it must be the junta's troops): that doer,
    not an Unidentified Armed Group."""
    if event.actor1_id != "unidentified_armed_group" or event.sub_event_type != "Looting/property destruction":
        return
    last = cand.sentences[-1].index
    for sentence in sentences[last + 1:last + 1 + LATER_SENTENCES]:
        for m in mentions:
            if m.kind != "actor" or not sentence.start <= m.start < sentence.end or not _BURNED_BY.match(text, m.end):
                continue
            actor = normalize_actor(knowledge, m.ref_ids[0], event.event_type)
            known = knowledge.actors.get(actor)
            if actor and known is not None and known.inter_code != 7:
                set_actor(knowledge, event, "1", actor)
                return

