"""Turning merged candidates into Event rows: date, place and actor fallbacks, ACLED codes, evidence."""

from __future__ import annotations

import re
from datetime import timedelta

from tasks.extract import actors as actor_rules
from tasks.extract import places as place_rules
from tasks.extract.dates import ResolvedDate, find_dates
from tasks.extract.model import Event, Figure

DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_RECIPROCAL = re.compile(r"clash|fight|fought|battl|skirmish|exchang|hostilit|agree|deal|truce|ceasefire|talks|combat",
                         re.IGNORECASE)
_CIVILIAN_WORDS = (r"(?:civilians?|villagers?|residents?|officials|administrators?|staff|children|women|farmers?|students?|"
                   r"teachers?|monks?|passers-?by|bystanders?|shoppers|workers?|people)")
_CIVILIAN_VICTIMS = re.compile(
    rf"\b(?:kill|injur|wound|hurt)\w*\s+(?:(?:at least|more than|about|some|over|nearly)\s+)?(?:[\w-]+\s+){{0,3}}?{_CIVILIAN_WORDS}\b"
    rf"|\b{_CIVILIAN_WORDS}\s+(?:[\w-]+\s+){{0,3}}?(?:were|was)\s+(?:\w+\s+)?(?:killed|injured|wounded|hurt)\b", re.IGNORECASE)
_GIVING_UP = re.compile(r":(?:withdr|retreat|pull|abandon|hand|evacuat|left|vacat)", re.IGNORECASE)
MIXED_DISORDER = {"Excessive force against protesters", "Mob violence"}


def mentions_in(scan, lo: int, hi: int) -> list:
    from tasks.extract.events import mentions_in as _between

    return _between(scan, lo, hi)


def finalize_events(knowledge, scan, merged, article_id: str | None) -> list[Event]:
    events: list[Event] = []
    previous_date: ResolvedDate | None = None
    previous: tuple[int, place_rules.Location | None] = (-10, None)
    home = _home_areas(knowledge)
    for cand in merged:
        when = _event_date(scan, cand, previous_date)
        previous_date = when
        recent = previous[1] if cand.first.index - previous[0] <= 3 else None
        where = cand.location or _fallback_location(knowledge, scan, cand, recent)
        previous = (cand.sentences[-1].index, where)
        event = Event(article_id=article_id, event_type=cand.event_type, sub_event_type=cand.sub_event_type,
                      disorder_type=_disorder(cand.event_type, cand.sub_event_type), event_date=when.event_date,
                      time_precision=when.time_precision, date_text=when.date_text or None,
                      knowledge_version=knowledge.version)
        _set_place(event, where)
        event.rule = f"{cand.rule}:{cand.hit.text.lower()}|roles:{cand.roles.rule or 'none'}"
        _set_actors(knowledge, scan, cand, event, home)
        _direct_territory(knowledge, event)
        if event.sub_event_type == "Armed clash" and event.inter2 in (None, 7) and event.inter1 in (1, 2, 3, 4) and \
                cand.killed > 0 and any(_CIVILIAN_VICTIMS.search(s.text) for s in cand.sentences):
            # a "clash" whose only victims are civilians is one-sided violence in ACLED's terms
            event.event_type, event.sub_event_type = "Violence against civilians", "Attack"
            event.disorder_type = _disorder(event.event_type, event.sub_event_type)
            _set_actor(knowledge, event, "2", actor_rules.CIVILIANS)
        if event.sub_event_type in ("Abduction/forced disappearance", "Arrests") and cand.killed > 0 \
                and event.actor1_id and event.inter2 == 7:
            # ACLED: people taken and then killed is an attack on civilians, not an abduction or arrest
            event.event_type, event.sub_event_type = "Violence against civilians", "Attack"
            event.disorder_type = _disorder(event.event_type, event.sub_event_type)
        event.fatalities = max(0, cand.killed)
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
    return _dedupe(events)


def _set_actor(knowledge, event: Event, slot: str, actor_id: str) -> None:
    actor = knowledge.actors.get(actor_id)
    if actor is None:
        return
    setattr(event, f"actor{slot}", actor.name)
    setattr(event, f"actor{slot}_id", actor.actor_id)
    setattr(event, f"inter{slot}", actor.inter_code)
    event.interaction = actor_rules.interaction(event.inter1, event.inter2)
    if event.inter2 == 7 and event.event_type in actor_rules.VIOLENT_TYPES:
        event.civilian_targeting = "Civilian targeting"


def _direct_territory(knowledge, event: Event) -> None:
    """ACLED names the territorial sub-event after who gains: the state regains, a non-state group
    overtakes, whatever verb the report used ("recaptured", "fell to")."""
    actor = knowledge.actors.get(event.actor1_id) if event.actor1_id else None
    if actor is None or event.sub_event_type not in ("Non-state actor overtakes territory", "Government regains territory"):
        return
    if actor.inter_code == 1:
        event.sub_event_type = "Government regains territory"
    elif actor.inter_code in (2, 3, 4):
        event.sub_event_type = "Non-state actor overtakes territory"


def _dedupe(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        if e.event_id in seen:
            continue
        seen.add(e.event_id)
        out.append(e)
    return out


def _disorder(event_type: str, sub: str) -> str:
    if sub in MIXED_DISORDER:
        return "Political violence; Demonstrations"
    return DISORDER.get(event_type, "Strategic developments")


def _event_date(scan, cand, previous: ResolvedDate | None) -> ResolvedDate:
    if cand.date:
        return cand.date
    if cand.relative and previous:
        offset, text = cand.relative
        day = min(previous.event_date + timedelta(days=offset), scan.published)
        return ResolvedDate(day, previous.time_precision, text)
    for s in reversed(scan.sentences[max(0, cand.first.index - 3):cand.first.index]):  # the story so far
        dated = [d for d in find_dates(s.text, scan.published) if not d.date_text.lower().startswith("since")]
        if dated:
            return min(dated, key=lambda d: d.time_precision)
    from tasks.extract.events import following_date  # local: events imports this module lazily
    after = following_date(scan, cand.sentences[-1].index)
    if after:
        return after
    if cand.report_date:
        return cand.report_date
    if previous:
        return previous
    return ResolvedDate(scan.published, 2, None)


def _fallback_location(knowledge, scan, cand, previous_location=None) -> place_rules.Location | None:
    """Paragraph, then the dateline, then the title, then the article's first domestic place."""
    para = [s for s in scan.sentences if s.paragraph == cand.first.paragraph]
    windows = [(para[0].start, para[-1].end)] if para else []
    dateline = _dateline_span(scan)
    if dateline:
        windows.append(dateline)
    for lo, hi in windows:
        locs = place_rules.locations_in(knowledge, mentions_in(scan, lo, hi), scan.text, scan.context)
        best = place_rules.best_location(locs, cand.hit.start, scan.text, foreign_ok=False)
        if best:
            return best
    if previous_location is not None:
        return previous_location
    title_locs = place_rules.locations_in(knowledge, scan.title_mentions, scan.title, scan.context)
    best = place_rules.best_location(title_locs, 0, scan.title, foreign_ok=False)
    if best:
        return best
    article = place_rules.locations_in(knowledge, scan.mentions, scan.text, scan.context)
    domestic = [loc for loc in article if loc.place.country_iso == "MMR" and loc.rank >= 2 and not loc.container]
    if domestic:  # the place the article is about: the one named most often, then the first named
        counts: dict[str, int] = {}
        for loc in domestic:
            counts[loc.place.place_id] = counts.get(loc.place.place_id, 0) + 1
        top = max(domestic, key=lambda loc: (counts[loc.place.place_id], -loc.start))
        return place_rules.Location(top.place, top.start, top.end, top.text, near=True)
    return next((loc for loc in article if loc.place.level == "country"), None)


def _dateline_span(scan) -> tuple[int, int] | None:
    from tasks.extract.sentences import find_dateline
    d = find_dateline(scan.text)
    return (d.place_start, d.place_end) if d else None


def _set_place(event: Event, where: place_rules.Location | None) -> None:
    if where is None:
        return
    p = where.place
    event.place_id, event.location, event.country_iso = p.place_id, p.name_en, p.country_iso
    event.admin1, event.admin1_pcode = p.state_name or None, p.state_pcode or None
    event.admin2, event.admin2_pcode = p.district_name or None, p.district_pcode or None
    event.admin3, event.admin3_pcode = p.township_name or None, p.township_pcode or None
    event.latitude, event.longitude = p.latitude, p.longitude
    event.geo_precision = where.geo_precision


def _confidence(cand, when, where, event: Event) -> float:
    score = 0.35 + 0.1 * min(cand.hit.weight, 1.0)
    score += 0.2 if cand.date else (0.05 if when.date_text else 0)
    score += 0.15 if where is not None and where.rank >= 4 else (0.05 if where is not None else 0)
    score += 0.1 if event.actor1_id else 0
    score += 0.05 if len(cand.sentences) > 1 else 0
    return round(min(score, 0.99), 2)


# --- actors ----------------------------------------------------------------------------------------

def _home_areas(knowledge) -> dict[str, set[str]]:
    """Township/district/state keys of the places named in each armed group's seed description."""
    cache = getattr(knowledge, "_extract_home_areas", None)
    if cache is not None:
        return cache
    homes: dict[str, set[str]] = {}
    for actor in knowledge.actors.values():
        keys: set[str] = set()
        for m in knowledge.find(getattr(actor, "description", "") or "", myanmar_context=True):
            for ref in m.ref_ids if m.kind == "place" else ():
                p = knowledge.places.get(ref)
                if p and p.country_iso == "MMR" and p.level != "village_tract":
                    keys |= {f"t:{p.township_pcode}", f"d:{p.district_pcode}", f"s:{place_rules.state_base(p.state_name)}"}
        homes[actor.actor_id] = keys
    try:
        object.__setattr__(knowledge, "_extract_home_areas", homes)
    except (AttributeError, TypeError):
        pass
    return homes


def _affinity(home: dict[str, set[str]], actor_id: str, event: Event) -> int:
    keys = home.get(actor_id, set())
    return (3 * (f"t:{event.admin3_pcode}" in keys) + 2 * (f"d:{event.admin2_pcode}" in keys)
            + (f"s:{place_rules.state_base(event.admin1)}" in keys))


def _article_armed_groups(knowledge, scan) -> list[str]:
    """Non-state armed groups named in the article, alliances replaced by their members, in order."""
    out: list[str] = []
    for m in scan.mentions:
        if m.kind != "actor":
            continue
        actor = knowledge.actors.get(m.ref_ids[0])
        if actor is None or actor.inter_code not in (2, 3, 4) or actor.country_iso != "MMR":
            continue
        members = knowledge.alliance_members(actor.actor_id)
        for actor_id in (members or (actor.actor_id,)):
            out.append(actor_id)
    return list(dict.fromkeys(out))


def _normalize(knowledge, actor_id: str | None, event_type: str) -> str | None:
    if actor_id is None or actor_id == actor_rules.GENERIC:
        return actor_id
    if actor_id in actor_rules.STATE_ALIASES_TO_MILITARY and actor_rules.MILITARY in knowledge.actors:
        return actor_rules.MILITARY
    actor = knowledge.actors.get(actor_id)
    if actor and actor.armed_wing and event_type in actor_rules.VIOLENT_TYPES and actor.armed_wing in knowledge.actors:
        return actor.armed_wing
    return actor_id


def _resolve_group(knowledge, scan, actor_id: str | None, event: Event, home, exclude: set[str]) -> tuple[str | None, tuple[str, ...]]:
    """An alliance or 'the rebels' -> (the member that fits the event, the other members named)."""
    if actor_id is None:
        return None, ()
    members = knowledge.alliance_members(actor_id) if actor_id != actor_rules.GENERIC else ()
    if actor_id != actor_rules.GENERIC and not members:
        return actor_id, ()
    named = [a for a in _article_armed_groups(knowledge, scan) if a not in exclude]
    pool = [a for a in named if not members or a in members] or list(members)
    pool = [a for a in pool if knowledge.alliance_members(a) == ()]
    if not pool:
        return (None if actor_id == actor_rules.GENERIC else actor_id), ()
    best = max(pool, key=lambda a: (_affinity(home, a, event), -pool.index(a)))
    others = tuple(a for a in pool if a != best and (members and a in members or actor_id == actor_rules.GENERIC and
                                                      _affinity(home, a, event) >= _affinity(home, best, event)))
    return best, others if event.sub_event_type == "Agreement" else ()


def _external_actors(knowledge, scan, cand, exclude: set) -> tuple[str, ...]:
    """Foreign governments and international bodies named around an agreement: its mediators."""
    found = []
    for s in cand.sentences:
        for m in mentions_in(scan, s.start, s.end):
            actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
            if actor and actor.inter_code == 8 and actor.actor_id not in exclude:
                found.append(actor.actor_id)
    return tuple(dict.fromkeys(found))


def _dominant_state_actor(knowledge, scan) -> str | None:
    for m in scan.mentions:
        actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
        if actor and actor.inter_code == 1 and actor.country_iso == "MMR":
            return _normalize(knowledge, actor.actor_id, "Battles")
    return None


def _set_actors(knowledge, scan, cand, event: Event, home) -> None:
    roles = cand.roles
    a1 = _normalize(knowledge, roles.actor1, event.event_type)
    a2 = _normalize(knowledge, roles.actor2, event.event_type)
    a1, assoc1 = _resolve_group(knowledge, scan, a1, event, home, exclude=set())
    a2, assoc2 = _resolve_group(knowledge, scan, a2, event, home, exclude={a1} if a1 else set())
    named = tuple(_normalize(knowledge, a, event.event_type) for a in roles.assoc1 if a in knowledge.actors
                  and knowledge.actors[a].inter_code != 8)
    assoc1 = tuple(dict.fromkeys(a for a in (*named, *assoc1) if a not in (a1, a2)))
    a1, a2, assoc1 = _apply_type_defaults(knowledge, scan, event, a1, a2, assoc1, cand)
    a2, assoc2 = _civilians_with_identity(knowledge, event, a2, assoc2)
    if event.sub_event_type == "Agreement":
        assoc1 = (*assoc1, *_external_actors(knowledge, scan, cand, exclude={a1, a2}))
    if a1 == a2:
        a2 = None
    mediators = tuple(a for a in roles.assoc1 if a in knowledge.actors and knowledge.actors[a].inter_code == 8)
    for slot, actor_id, assoc in (("1", a1, (*assoc1, *mediators)), ("2", a2, assoc2)):
        actor = knowledge.actors.get(actor_id) if actor_id else None
        setattr(event, f"actor{slot}", actor.name if actor else None)
        setattr(event, f"actor{slot}_id", actor.actor_id if actor else None)
        setattr(event, f"inter{slot}", actor.inter_code if actor else None)
        names = [knowledge.actors[a].name for a in dict.fromkeys(assoc) if a in knowledge.actors and a != actor_id]
        setattr(event, f"assoc_actor_{slot}", "; ".join(names) or None)
    event.interaction = actor_rules.interaction(event.inter1, event.inter2)
    if event.inter2 == 7 and event.event_type in actor_rules.VIOLENT_TYPES:
        event.civilian_targeting = "Civilian targeting"


def _civilians_with_identity(knowledge, event: Event, a2, assoc2):
    """ACLED codes victims as Civilians (Myanmar), their group (monks, journalists) as associated actor."""
    actor = knowledge.actors.get(a2) if a2 else None
    if (actor and actor.inter_code == 7 and a2 != actor_rules.CIVILIANS and event.event_type in actor_rules.VIOLENT_TYPES
            and actor_rules.CIVILIANS in knowledge.actors):
        return actor_rules.CIVILIANS, (a2, *assoc2)
    return a2, assoc2


def _state_actor_in(knowledge, scan, cand) -> str | None:
    for s in cand.sentences:
        for m in mentions_in(scan, s.start, s.end):
            actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
            if actor and actor.inter_code == 1 and actor.country_iso == "MMR":
                return _normalize(knowledge, actor.actor_id, "Protests")
    return None


def _apply_type_defaults(knowledge, scan, event: Event, a1, a2, assoc1, cand=None):
    """ACLED conventions per event type: protests are by protesters, riots by rioters, strikes on
    villages hit civilians, a non-state takeover is against the state's forces."""
    et, sub = event.event_type, event.sub_event_type
    civil = {a for a in knowledge.actors if knowledge.actors[a].inter_code in (6, 7)}
    if et == "Protests":
        group = a1 if a1 in civil and a1 != actor_rules.PROTESTERS else None
        state = a2 if a2 and knowledge.actors.get(a2) and knowledge.actors[a2].inter_code == 1 else (
            a1 if a1 and knowledge.actors.get(a1) and knowledge.actors[a1].inter_code == 1 else None)
        if state is None and cand is not None and sub != "Peaceful protest":
            state = _state_actor_in(knowledge, scan, cand)
        return actor_rules.PROTESTERS, (state if sub != "Peaceful protest" else None), tuple(x for x in (group,) if x) + assoc1
    if et == "Riots":
        victim = a2 if a2 and a2 != actor_rules.RIOTERS else None
        if sub == "Mob violence" and victim is None:
            victim = actor_rules.CIVILIANS
        return actor_rules.RIOTERS, victim, assoc1
    inter = lambda a: knowledge.actors[a].inter_code if a in knowledge.actors else None  # noqa: E731
    if et in actor_rules.VIOLENT_TYPES and inter(a1) in (6, 7) and (a2 is None or inter(a2) in (1, 2, 3, 4, 8)):
        a1, a2 = a2, a1  # "two villagers were killed when the junta bombed": the armed actor acts
    if sub == "Non-violent transfer of territory" and _GIVING_UP.search(event.rule):
        a1, a2 = a2, a1  # "troops withdrew ... and KIA fighters moved in": the one taking over is actor1
    if a1 is None and et in actor_rules.VIOLENT_TYPES:
        a1 = _dominant_state_actor(knowledge, scan) if et == "Explosions/Remote violence" else None
    if a2 is None and et in ("Violence against civilians", "Explosions/Remote violence") and inter(a1) in (1, 2, 3):
        a2 = actor_rules.CIVILIANS if et == "Violence against civilians" or event.fatalities or event.injured else None
    if a2 is None and assoc1 and (sub == "Agreement" or et == "Battles" and cand is not None and _RECIPROCAL.search(cand.hit.text)):
        a2, assoc1 = assoc1[0], assoc1[1:]  # "X and Y clashed", "X and Y agreed" (but "X and Y took the town": allies)
    if a2 is None and et == "Explosions/Remote violence" and inter(a1) in (2, 3) and cand is not None and any(
            _CIVILIAN_VICTIMS.search(s.text) for s in cand.sentences):
        a2 = actor_rules.CIVILIANS  # "threw a grenade ..., injuring two officials"
    if a2 is None and (et == "Battles" or et == "Explosions/Remote violence" and inter(a1) in (2, 3)) and inter(a1) in (2, 3, 4):
        a2 = _dominant_state_actor(knowledge, scan)
    if a2 is None and sub == "Non-state actor overtakes territory" and inter(a1) in (2, 3, 4) and actor_rules.MILITARY in knowledge.actors:
        a2 = actor_rules.MILITARY  # a town taken by a rebel group was held by the state's forces
    if a2 is None and et == "Battles" and inter(a1) == 1:
        groups = _article_armed_groups(knowledge, scan)
        a2 = _normalize(knowledge, groups[0], et) if groups else None
    if a2 is None and et == "Explosions/Remote violence" and inter(a1) == 1:
        a2 = actor_rules.CIVILIANS  # a strike by state forces with no armed opponent named hits civilians
    if a2 is None and sub in ("Arrests", "Looting/property destruction", "Abduction/forced disappearance"):
        a2 = actor_rules.CIVILIANS
    if sub == "Agreement" and (a1 is None or a2 is None):
        state = _dominant_state_actor(knowledge, scan)
        if a1 is None:
            a1 = state
        if a2 is None and a1 != state:
            a2 = state
        if a2 is None:
            groups = [g for g in _article_armed_groups(knowledge, scan) if g != a1]
            a2 = groups[0] if groups else None
    return a1, a2, assoc1


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
