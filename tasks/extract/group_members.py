"""Which armed group a side told as an alliance or as "the rebels" is: the member the story is most about,
then the one at home where it happened (each group's home areas come from the places its seed description
names), then the first named."""

from __future__ import annotations

from tasks.extract import actors as actor_rules
from tasks.extract import places as place_rules
from tasks.extract.actor_clues import article_armed_groups, normalize_actor
from tasks.extract.model import Event

UNIDENTIFIED = "unidentified_armed_group"


def home_areas(knowledge) -> dict[str, set[str]]:
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


def affinity(home: dict[str, set[str]], actor_id: str, event: Event) -> int:
    keys = home.get(actor_id, set())
    return (3 * (f"t:{event.admin3_pcode}" in keys) + 2 * (f"d:{event.admin2_pcode}" in keys)
            + (f"s:{place_rules.state_base(event.admin1)}" in keys))


def resolve_group(knowledge, scan, actor_id: str | None, event: Event, home, exclude: set[str]) -> tuple[str | None, tuple[str, ...]]:
    """An alliance or 'the rebels' -> (the member that fits the event, the other members named)."""
    if actor_id is None:
        return None, ()
    members = knowledge.alliance_members(actor_id) if actor_id != actor_rules.GENERIC else ()
    if actor_id != actor_rules.GENERIC and not members:
        return actor_id, ()
    if members and not set(members) & {m.ref_ids[0] for m in scan.mentions if m.kind == "actor"}:
        return actor_id, ()  # "the Chin Brotherhood said its fighters overran...": no member named, the alliance acted
    named = [a for a in article_armed_groups(knowledge, scan) if a not in exclude]
    pool = [a for a in named if not members or a in members] or list(members)
    pool = [a for a in pool if knowledge.alliance_members(a) == ()]
    if not pool and actor_id == actor_rules.GENERIC:
        # "a coalition of defence forces bombed the troops", told by "a representative of the Black Wolf PDF":
        # the only armed group named is the one telling its own fight
        pool = [a for a in armed_tellers(knowledge, scan) if a not in exclude]
    if not pool:
        return (None if actor_id == actor_rules.GENERIC else actor_id), ()
    told = [m.ref_ids[0] for m in scan.mentions if m.kind == "actor"]
    # an alliance's attack goes to the member the story is most about (its spokesman asked, its troops told),
    # then to the one at home where it happened, then to the first named
    best = max(pool, key=lambda a: (told.count(a), affinity(home, a, event), -pool.index(a)))
    others = tuple(a for a in pool if a != best and (members and a in members or actor_id == actor_rules.GENERIC and
                                                      affinity(home, a, event) >= affinity(home, best, event)))
    return best, others if event.sub_event_type == "Agreement" else ()


def armed_tellers(knowledge, scan) -> list[str]:
    """Non-state armed groups the article names only as the ones telling (sources), first told first."""
    out = []
    for m in scan.mentions:
        actor = knowledge.actors.get(m.ref_ids[0]) if m.kind == "actor" else None
        if actor and actor.inter_code in (2, 3) and actor.country_iso == "MMR" and actor.actor_id != UNIDENTIFIED \
                and not knowledge.alliance_members(actor.actor_id) and actor_rules.is_source(scan.text, m.start, m.end):
            out.append(normalize_actor(knowledge, actor.actor_id, "Battles"))
    return list(dict.fromkeys(out))
