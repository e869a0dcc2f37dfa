"""Turning merged candidates into Event rows: date, place and actor fallbacks, ACLED codes, evidence."""

from __future__ import annotations

import re
from datetime import timedelta

from tasks.word_gates import gated
from tasks.extract import actors as actor_rules
from tasks.extract import places as place_rules
from tasks.extract.captions import is_caption_at
from tasks.extract.dates import ResolvedDate, find_dates, overnight_reported
from tasks.extract.event_dates import dated_by_retelling, day_of_the_week_told, told_after_publication
from tasks.extract.event_place import agreement_place, fallback_location, finer_place, own_location
from tasks.extract.actor_clues import dominant_state_actor, normalize_actor
from tasks.extract.event_actors import CIVILIAN_VICTIMS, set_actors
from tasks.extract.group_members import UNIDENTIFIED, home_areas
from tasks.extract.folding import attacks_retold, drop_recalled, parts_of_other_events, territory_told_twice
from tasks.extract.model import Event, Figure
from tasks.extract.numbers import NOBODY_KILLED
from tasks.extract.retellings import collapse_retellings, dedupe_by_id
from tasks.extract.scan import HISTORY_DAYS, date_stamp, following_date, mentions_in, sentence_dates

__all__ = ["finalize_events", "make_figures", "normalize_actor"]  # normalize_actor: bench/eval_extraction.py

DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
CITIES_OF_MANY_TOWNSHIPS = frozenset({"Yangon", "Mandalay", "Nay Pyi Taw"})
MIXED_DISORDER = {"Excessive force against protesters", "Mob violence"}


def finalize_events(knowledge, scan, merged, article_id: str | None) -> list[Event]:
    events: list[Event] = []
    previous_date: ResolvedDate | None = None
    previous: tuple[int, place_rules.Location | None] = (-10, None)
    home = home_areas(knowledge)
    for cand in merged:
        if _continues_history(scan, cand):
            continue
        when = _event_date(knowledge, scan, cand, previous_date)
        if told_after_publication(when, scan.published):
            continue  # "November 12, 2024" over a teaser in a 2020 page: a later story the page links to
        previous_date = when
        recent = previous[1] if cand.first.index - previous[0] <= 3 else None
        where = own_location(scan, cand) or fallback_location(knowledge, scan, cand, recent) or cand.location
        if cand.sub_event_type == "Agreement":
            where = agreement_place(knowledge, scan, cand, where)
        else:
            where = finer_place(knowledge, scan, cand, where, previous[1])  # the event before, however far
        previous = (cand.sentences[-1].index, where)
        event = Event(article_id=article_id, event_type=cand.event_type, sub_event_type=cand.sub_event_type,
                      disorder_type=disorder_of(cand.event_type, cand.sub_event_type), event_date=when.event_date,
                      time_precision=when.time_precision, date_text=when.date_text or None,
                      knowledge_version=knowledge.version)
        _set_place(event, where)
        event.rule = f"{cand.rule}:{cand.hit.text.lower()}|roles:{cand.roles.rule or 'none'}"
        set_actors(knowledge, scan, cand, event, home)
        _recode_by_sides(knowledge, scan, cand, event)
        event.fatalities = max(0, cand.toll.killed) if cand.toll.reported else (
            0 if _nobody_killed_after(scan, cand) else None)  # null: no number told
        _recode_protests(knowledge, scan, cand, event)
        event.injured = cand.injured or None
        event.displaced = cand.displaced or None
        event.arrested = cand.arrested or None
        first = cand.sentences[0]
        event.sentence = " ".join(s.text for s in cand.sentences)[:2000]
        event.start_char, event.end_char = first.start, max(s.end for s in cand.sentences)
        event.confidence = _confidence(cand, when, where, event)
        event.notes = first.text[:500]
        event.assign_id()
        events.append(event)
    events = territory_told_twice(attacks_retold(parts_of_other_events(dedupe_by_id(collapse_retellings(dated_by_retelling(events))))))
    return drop_recalled(events, scan.published)


def _recode_by_sides(knowledge, scan, cand, event: Event) -> None:
    """ACLED's type follows who did what to whom: a base surrendered was taken by the other side, a "clash"
    with only civilian victims or with no fighting told is an attack on civilians, the dead of a shelling
    are its target, people taken and then killed were attacked."""
    if (cand.rule == "surrender-base" or _state_lost_it(scan, cand)) and event.inter1 == 1 and event.inter2 in (2, 3, None):
        _swap_actors(event)  # "soldiers surrendered to Karen rebels": the rebels took the base
    direct_territory(knowledge, event)
    if event.sub_event_type == "Armed clash" and event.inter2 in (None, 7) and event.inter1 in (1, 2, 3, 4) and \
            cand.killed > 0 and any(CIVILIAN_VICTIMS.search(s.text) for s in cand.sentences):
        # a "clash" whose only victims are civilians is one-sided violence in ACLED's terms
        event.event_type, event.sub_event_type = "Violence against civilians", "Attack"
        event.disorder_type = disorder_of(event.event_type, event.sub_event_type)
        set_actor(knowledge, event, "2", actor_rules.CIVILIANS)
    if event.sub_event_type == "Armed clash" and event.inter1 == 1 and _no_fight_told(scan, cand):
        # "There was no fighting, no clash": troops raiding a village and killing people attacked civilians
        event.event_type, event.sub_event_type = "Violence against civilians", "Attack"
        event.disorder_type = disorder_of(event.event_type, event.sub_event_type)
        set_actor(knowledge, event, "2", actor_rules.CIVILIANS)
    if event.event_type == "Explosions/Remote violence" and event.inter1 == 1 and event.inter2 in (2, 3) \
            and CIVILIAN_VICTIMS.search(cand.first.text) and not _FIGHTERS_HIT.search(cand.first.text):
        # "five villagers were killed as the regime shelled AA positions": the dead are the target told
        set_actor(knowledge, event, "2", actor_rules.CIVILIANS)
    if event.sub_event_type in ("Abduction/forced disappearance", "Arrests") and cand.killed > 0 \
            and event.actor1_id and event.inter2 == 7:
        # ACLED: people taken and then killed is an attack on civilians, not an abduction or arrest
        event.event_type, event.sub_event_type = "Violence against civilians", "Attack"
        event.disorder_type = disorder_of(event.event_type, event.sub_event_type)


def _recode_protests(knowledge, scan, cand, event: Event) -> None:
    """People gunned down at a protest were the protest; force used on protesters is the state's."""
    gunned_down = _kills_on_the_ground(event) and event.actor2_id == actor_rules.CIVILIANS \
        and (event.fatalities or 0) > 0 and _about_protesters(scan, cand)
    if gunned_down and event.actor1_id == UNIDENTIFIED and not _names_an_actor(scan, cand):
        # "Two people were shot and killed in the town of Wetlet" in a story of troops firing on marches: the
        # killer left unnamed by the sentence is the force the protest story is about, not an unknown group
        set_actor(knowledge, event, "1", dominant_state_actor(knowledge, scan) or actor_rules.MILITARY)
    if gunned_down and event.inter1 == 1:
        set_actor(knowledge, event, "2", actor_rules.PROTESTERS)  # the people gunned down were the protest
    _force_on_protesters(event)
    if event.sub_event_type == "Excessive force against protesters" and event.actor1_id == actor_rules.PROTESTERS \
            and event.actor2_id is None:  # "two killed in overnight protests": the force is the state's
        set_actor(knowledge, event, "2", actor_rules.PROTESTERS)
        set_actor(knowledge, event, "1", dominant_state_actor(knowledge, scan) or actor_rules.MILITARY)


def _names_an_actor(scan, cand) -> bool:
    """Do the event's sentences name any actor of the seeds ("unknown gunmen", "the PDF", but also "residents"
    or "civilians")? Only a sentence naming none leaves its killer to the story around it."""
    return any(m.kind == "actor" for s in cand.sentences for m in mentions_in(scan, s.start, s.end))


def _kills_on_the_ground(event: Event) -> bool:
    """Killing people on the ground: shooting them, or grenades fired into a crowd (round 7)."""
    return event.event_type == "Violence against civilians" or event.sub_event_type == "Grenade"


_PROTESTERS_WORDS = re.compile(r"\b(?:protesters?|demonstrators?|protests?|anti-coup|anti-junta|anti-regime|barricades?)\b",
                               re.IGNORECASE)


def _about_protesters(scan, cand) -> bool:
    """Do the event's sentences and the next one (or the headline) tell of protesters? Security forces that
    gun down people in a protest story fire on the protest ("60 people were gunned down ... as troops cleared
    barricades built by anti-junta protesters")."""
    last = cand.sentences[-1].index
    texts = [s.text for s in cand.sentences] + [s.text for s in scan.sentences[last + 1:last + 2]] + [scan.title]
    return any(_PROTESTERS_WORDS.search(t) for t in texts)


def _force_on_protesters(event: Event) -> None:
    """ACLED codes lethal force on a protest as the protest's event: "troops gunned down 38 protesters" is
    Excessive force against protesters (not an attack on civilians), and an intervention that kills is one
    too, with the force that fired as actor1."""
    lethal_intervention = event.sub_event_type == "Protest with intervention" and (event.fatalities or 0) > 0
    if not (lethal_intervention or (_kills_on_the_ground(event) and event.actor2_id == actor_rules.PROTESTERS)):
        return
    event.event_type, event.sub_event_type = "Protests", "Excessive force against protesters"
    event.disorder_type = disorder_of(event.event_type, event.sub_event_type)
    if event.actor1_id == actor_rules.PROTESTERS and event.inter2 == 1:
        _swap_actors(event)


_AGENT_NEXT = re.compile(r"\s+(?:[\w-]+\s+)?by\b", re.IGNORECASE)
# the state's side by its name or its units ("the headquarters of Light Infantry Battalion 121")
_STATE_WORDS = re.compile(r"\b(?:security forces|junta|military|regime|army['’]s|troops|soldiers|government|tatmadaw|sac|(?:light )?infantry "
                          r"battalions?|battalions? \d+|regiments?)\b", re.IGNORECASE)


def _state_lost_it(scan, cand) -> bool:
    """In a capture told with the state's forces only after the verb ("seized control of a military headquarters",
    "after seizing all junta bases") or as the ones surrendering, the state is the side that lost the place."""
    if cand.sub_event_type not in ("Government regains territory", "Non-state actor overtakes territory"):
        return False
    hit, first = cand.hit, cand.first
    if hit.text.lower().startswith("surrender"):
        return True
    before, after = scan.text[first.start:hit.start], scan.text[hit.end:min(first.end, hit.end + 80)]
    if _AGENT_NEXT.match(after):
        return False  # "a resistance base was captured by regime forces": the state named after "by" took it
    return not _STATE_WORDS.search(before) and bool(_STATE_WORDS.search(after))


def _nobody_killed_after(scan, cand) -> bool:
    """ "There were no casualties." in the next sentences, before another event is told."""
    last = cand.sentences[-1].index
    for s in scan.sentences[last + 1:last + 4]:
        if s.index in scan.event_sentences:
            return False
        if NOBODY_KILLED.search(s.text):
            return True
    return False


_NO_FIGHT = re.compile(r"\b(?:there (?:was|were|had been) no|without any|despite no)\s+(?:\w+\s+)?"
                       r"(?:fighting|clash(?:es)?|battles?|resistance|armed resistance|exchange of fire)\b", re.IGNORECASE)


def _no_fight_told(scan, cand) -> bool:
    """ "There was no fighting" in the event's sentences or the next three, before another event is told."""
    last = cand.sentences[-1].index
    own = {s.index for s in cand.sentences}
    for s in scan.sentences[cand.first.index:last + 4]:
        if s.index > last and s.index in scan.event_sentences and s.index not in own:
            return False
        if _NO_FIGHT.search(s.text):
            return True
    return False


def _swap_actors(event: Event) -> None:
    for name in ("actor{}", "actor{}_id", "inter{}", "assoc_actor_{}"):
        a, b = name.format(1), name.format(2)
        first, second = getattr(event, a), getattr(event, b)
        setattr(event, a, second)
        setattr(event, b, first)


def set_actor(knowledge, event: Event, slot: str, actor_id: str) -> None:
    actor = knowledge.actors.get(actor_id)
    if actor is None:
        return
    setattr(event, f"actor{slot}", actor.name)
    setattr(event, f"actor{slot}_id", actor.actor_id)
    setattr(event, f"inter{slot}", actor.inter_code)
    event.interaction = actor_rules.interaction(event.inter1, event.inter2)
    if event.inter2 == 7 and event.event_type in actor_rules.VIOLENT_TYPES:
        event.civilian_targeting = "Civilian targeting"


def direct_territory(knowledge, event: Event) -> None:
    """ACLED names the territorial sub-event after who gains: the state regains, a non-state group
    overtakes, whatever verb the report used ("recaptured", "fell to")."""
    actor = knowledge.actors.get(event.actor1_id) if event.actor1_id else None
    if actor is None or event.sub_event_type not in ("Non-state actor overtakes territory", "Government regains territory"):
        return
    if actor.inter_code == 1:
        event.sub_event_type = "Government regains territory"
    elif actor.inter_code in (2, 3, 4):
        event.sub_event_type = "Non-state actor overtakes territory"


def disorder_of(event_type: str, sub: str) -> str:
    if sub in MIXED_DISORDER:
        return "Political violence; Demonstrations"
    return DISORDER.get(event_type, "Strategic developments")


_FIGHTERS_HIT = re.compile(r"\b(?:fighters?|troops|soldiers|positions?|bases?|outposts?|combatants?|members)\b"
                           r"[^.;]{0,30}\b(?:killed|injured|wounded|hit|destroyed)\b", re.IGNORECASE)
# Words that tie a sentence to the one before: "The military responded with air strikes", "then", "later".
_FOLLOW_UP = gated(re.compile(r"\b(?:responded|retaliated|in response|in retaliation|then|afterwards|later|subsequently|"
                        r"by (?:early|late|the end of|the start of)|soon after|within (?:days|weeks|hours))\b", re.IGNORECASE))


def _continues_history(scan, cand) -> bool:
    """An undated follow-up right after sentences dated only long ago goes on with that history: "They
    launched the offensive on November 11 last year. The military responded with air strikes ..." (an
    undated sentence that is no follow-up is a new event, dated by the fallbacks, never by the history)."""
    if cand.date is not None or cand.relative is not None or not _FOLLOW_UP.search(cand.first.text):
        return False
    for s in reversed(scan.sentences[max(0, cand.first.index - 2):cand.first.index]):
        dated = [d for d in find_dates(s.text, scan.published) if not d.date_text.lower().startswith("since")]
        if dated:
            return all((scan.published - d.event_date).days > HISTORY_DAYS for d in dated)
    return False


def _event_date(knowledge, scan, cand, previous: ResolvedDate | None) -> ResolvedDate:
    if cand.date:
        return day_of_the_week_told(knowledge, scan, cand) or cand.date
    if cand.relative and previous:
        offset, text = cand.relative
        day = min(previous.event_date + timedelta(days=offset), scan.published)
        return ResolvedDate(day, previous.time_precision, text)
    for s in reversed(scan.sentences[max(0, cand.first.index - 3):cand.first.index]):  # the story so far
        if date_stamp(s, scan.published) or is_caption_at(scan.text, s.start):
            continue  # "16 August 2022" above the story, a picture's caption: not the event's day
        dated = [d for d in find_dates(s.text, scan.published) if not d.date_text.lower().startswith("since")
                 and (scan.published - d.event_date).days <= HISTORY_DAYS]  # background never lends its date
        if dated:
            return min(dated, key=lambda d: d.time_precision)
    after = following_date(scan, cand.sentences[-1].index) or _day_in_details(scan, cand)
    if after:
        return after
    if cand.report_date:
        return overnight_reported(cand.report_date, " ".join(s.text for s in cand.sentences))
    if previous:
        return previous
    # no day told at all: news reports an act most often the day after it (UCDP's Myanmar events 2021 with one
    # dated source: 173 reported a day later, 64 the same day), so the day before publication, as a range
    return ResolvedDate(scan.published - timedelta(days=1), 2, None)


def _day_in_details(scan, cand) -> ResolvedDate | None:
    """A lead with no day ("An airstrike on X village has killed 40") is dated in the details a few sentences
    on ("On 17 January at noon, the shells ..."): the first exact recent day in the next five sentences that
    tell no other event."""
    own = {s.index for s in cand.sentences}
    first, last = cand.first.index, cand.sentences[-1].index
    # the details between the lead and its later telling come first ("..., which residents said hit the town
    # around 11 pm on Monday" before "the 12 fatalities included ...")
    for s in scan.sentences[first + 1:last + 6]:
        if s.index in own:
            continue
        if s.index in scan.event_sentences:
            return None  # another event's story begins: its days are its own
        dates, _ = sentence_dates(scan, s)
        days = [d for d in dates if d.time_precision == 1 and 0 <= (scan.published - d.event_date).days <= HISTORY_DAYS]
        if days:
            return days[0]
    return None


def _set_place(event: Event, where: place_rules.Location | None) -> None:
    if where is None:
        return
    p = where.place
    event.place_id, event.location, event.country_iso = p.place_id, p.name_en, p.country_iso
    event.admin1, event.admin1_pcode = p.state_name or None, p.state_pcode or None
    event.admin2, event.admin2_pcode = p.district_name or None, p.district_pcode or None
    event.admin3, event.admin3_pcode = p.township_name or None, p.township_pcode or None
    if where.span_ends:  # "on the Ye-Thanbyuzayat road": the road joins two townships, the event is in neither
        event.admin3 = event.admin3_pcode = None
    if p.level == "town" and p.name_en in CITIES_OF_MANY_TOWNSHIPS:
        # "in Naypyitaw", "in Mandalay": the city, not the one township the gazetteer files its point under
        event.admin2 = event.admin2_pcode = event.admin3 = event.admin3_pcode = None
    event.latitude, event.longitude = p.latitude, p.longitude
    event.geo_precision = where.geo_precision


def _confidence(cand, when, where, event: Event) -> float:
    score = 0.35 + 0.1 * min(cand.hit.weight, 1.0)
    score += 0.2 if cand.date else (0.05 if when.date_text else 0)
    score += 0.15 if where is not None and where.rank >= 4 else (0.05 if where is not None else 0)
    score += 0.1 if event.actor1_id else 0
    score += 0.05 if len(cand.sentences) > 1 else 0
    return round(min(score, 0.99), 2)


def make_figures(knowledge, scan, counts, events, article_id: str | None) -> list[Figure]:
    figures = []
    for sentence, count in counts:
        locs = place_rules.locations_in(knowledge, mentions_in(scan, sentence.start, sentence.end),
                                        scan.text, scan.context)
        best = place_rules.best_location(locs, count.start, scan.text, foreign_ok=False)
        fig = Figure(article_id, count.kind, count.value, count.scope, best.place.place_id if best else None,
                     scan.published, sentence.text[:2000], count.start, count.end)
        fig.assign_id()
        figures.append(fig)
    return figures
