"""Event clustering rules one at a time (tasks/dedup/events.py), on team-written mention rows."""

from __future__ import annotations

from datetime import date, datetime, timezone

from tasks.dedup.events import MIN_SCORE, make_mention, pair_rule, pair_score

REPORTED = datetime(2024, 8, 6, 3, 0, tzinfo=timezone.utc)
MILITARY = ("Military Forces of Myanmar (2021-)", "military_myanmar", 1)
AA = ("ULA/AA: United League of Arakan/Arakan Army", "aa", 2)
KIA = ("KIO/KIA: Kachin Independence Organization/Army", "kia", 2)
UNNAMED = ("Unidentified Armed Group (Myanmar)", "unidentified_armed_group", 3)
CIVILIANS = ("Civilians (Myanmar)", "civilians", 7)


def _row(event_id: str, side1, side2, township: bool = True) -> dict:
    """A drone strike in Maungdaw township (or told only as in Rakhine State) on 5 August 2024."""
    row = {"event_id": event_id, "article_id": f"article-{event_id}", "event_type": "Explosions/Remote violence",
           "sub_event_type": "Air/drone strike", "event_date": date(2024, 8, 5), "time_precision": 1,
           "date_text": "on Monday", "country_iso": "MMR", "admin1": "Rakhine State", "admin1_pcode": "MMR012",
           "place_id": "MMR012", "location": "Rakhine State"}
    if township:
        row.update(admin2_pcode="MMR012D003", admin3="Maungdaw", admin3_pcode="MMR012013", place_id="MMR012013",
                   location="Maungdaw")
    for slot, side in (("1", side1), ("2", side2)):
        name, actor_id, inter = side or (None, None, None)
        row.update({f"actor{slot}": name, f"actor{slot}_id": actor_id, f"inter{slot}": inter})
    return row


def _pair(a: dict, b: dict) -> float:
    return pair_score(make_mention(a, REPORTED), make_mention(b, REPORTED))


def test_unidentified_attackers_in_one_report_and_a_named_group_in_another_can_be_one_event() -> None:
    # one outlet: "drones flown by unidentified attackers hit families on the beach" (only the state named);
    # another: "the AA ... drone attack in Maungdaw township", coded with the wrong target side
    vague = _row("vague", UNNAMED, CIVILIANS, township=False)
    named = _row("named", AA, MILITARY)
    assert _pair(vague, named) >= MIN_SCORE
    assert "actors=0.8" in pair_rule(make_mention(vague, REPORTED), make_mention(named, REPORTED))


def test_two_named_armed_groups_still_never_merge() -> None:
    assert _pair(_row("a", AA, CIVILIANS), _row("b", KIA, CIVILIANS)) == 0.0


def test_reports_naming_different_sides_and_only_the_state_stay_apart() -> None:
    # no unidentified group: two reports that share no side and agree only on the state are two events
    assert _pair(_row("a", MILITARY, CIVILIANS, township=False), _row("b", AA, None)) < MIN_SCORE


def test_a_mention_that_founds_its_own_event_records_the_test_that_split_it_from_the_nearest() -> None:
    from tasks.dedup.events import cluster_mentions

    first = make_mention(_row("first", MILITARY, CIVILIANS), REPORTED)
    later = dict(_row("later", AA, MILITARY), event_type="Battles", sub_event_type="Armed clash")  # same day, a clash
    apart = make_mention(later, REPORTED.replace(hour=5))
    lone = make_mention(dict(_row("lone", MILITARY, CIVILIANS), event_date=date(2024, 7, 1)), REPORTED.replace(hour=6))
    clustering = cluster_mentions([], [first, apart, lone])
    rules = {c.members[0].event_id: c.rules[0] for c in clustering.clusters.values()}
    assert rules["first"] == "founder"      # nothing reported before it
    assert rules["later"].startswith("founder; apart from ") and "type=0 date=1" in rules["later"]
    assert rules["lone"] == "founder"       # no event on its days: nothing to be split from


POLICE = ("Police Forces of Myanmar (2021-)", "police_myanmar", 1)
PROTESTERS = ("Protesters (Myanmar)", "protesters", 6)


def _shooting(event_id: str, sub_event_type: str, side1, side2, day: int = 11) -> dict:
    """A shooting in Myaing township, Magway, told by one outlet as a crackdown on a protest and by another
    as police firing into a crowd of unarmed civilians."""
    event_type = "Protests" if sub_event_type == "Excessive force against protesters" else "Violence against civilians"
    row = {"event_id": event_id, "article_id": f"article-{event_id}", "event_type": event_type,
           "sub_event_type": sub_event_type, "event_date": date(2021, 3, day), "time_precision": 1,
           "date_text": "on Thursday", "country_iso": "MMR", "admin1": "Magway Region", "admin1_pcode": "MMR009",
           "admin2_pcode": "MMR009D004", "admin3": "Myaing", "admin3_pcode": "MMR009020", "place_id": "MMR009020",
           "location": "Myaing"}
    for slot, side in (("1", side1), ("2", side2)):
        name, actor_id, inter = side
        row.update({f"actor{slot}": name, f"actor{slot}_id": actor_id, f"inter{slot}": inter})
    return row


def test_a_crackdown_on_protesters_and_an_attack_on_civilians_in_one_town_on_one_day_can_be_one_event() -> None:
    crackdown = _shooting("crackdown", "Excessive force against protesters", MILITARY, PROTESTERS)
    attack = _shooting("attack", "Attack", POLICE, CIVILIANS)
    assert _pair(crackdown, attack) >= MIN_SCORE
    assert "type=0.6" in pair_rule(make_mention(crackdown, REPORTED), make_mention(attack, REPORTED))


def test_a_crackdown_and_an_attack_on_civilians_told_only_by_state_or_two_days_apart_stay_apart() -> None:
    crackdown = _shooting("crackdown", "Excessive force against protesters", MILITARY, PROTESTERS)
    state_only = {k: v for k, v in _shooting("state", "Attack", MILITARY, CIVILIANS).items()
                  if k not in ("admin2_pcode", "admin3", "admin3_pcode")} | {"place_id": "MMR009", "location": "Magway"}
    assert _pair(crackdown, state_only) < MIN_SCORE
    assert _pair(crackdown, _shooting("later", "Attack", MILITARY, CIVILIANS, day=13)) == 0.0
