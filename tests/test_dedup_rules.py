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
    from tasks.dedup.clustering import cluster_mentions

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


# --- a vague place joins the only event it can be (Clustering.sole_candidate) ---------------------------

def _strike(event_id: str, sub_event_type: str, place: str | None, article: str | None = None, hour: int = 3,
            day: int = 5) -> dict:
    """A strike on 5 August 2024 told by one report: in Maungdaw or Buthidaung township, only "in Rakhine
    State", only "in Myanmar" (place "country") or in Kachin State ("other state")."""
    row = _row(event_id, MILITARY, CIVILIANS, township=place == "Maungdaw")
    row.update(sub_event_type=sub_event_type, event_date=date(2024, 8, day), article_id=article or f"article-{event_id}")
    if place == "Buthidaung":
        row.update(admin2_pcode="MMR012D003", admin3="Buthidaung", admin3_pcode="MMR012014", place_id="MMR012014",
                   location="Buthidaung")
    elif place == "country":
        row.update(admin1=None, admin1_pcode=None, place_id="MMR", location="Myanmar")
    elif place == "other state":
        row.update(admin1="Kachin State", admin1_pcode="MMR001", place_id="MMR001", location="Kachin State")
    return row


def _clusters(*rows: dict) -> dict[str, tuple[str, str]]:
    """event_id -> (the founding event_id of its cluster, the recorded rule), the rows reported in order."""
    from tasks.dedup.clustering import cluster_mentions

    mentions = [make_mention(row, REPORTED.replace(hour=i)) for i, row in enumerate(rows)]
    found = {}
    for cluster in cluster_mentions([], mentions).clusters.values():
        for member, rule in zip(cluster.members, cluster.rules):
            found[member.event_id] = (cluster.members[0].event_id, rule)
    return found


def test_a_report_naming_only_the_state_joins_the_one_strike_it_can_be_even_told_as_shelling() -> None:
    # "an air strike on a village in Maungdaw township", then "shelling in Rakhine State on Monday":
    # air strike vs shelling (0.6) times state-only place (0.4) is below MIN_SCORE, but nothing else fits
    township = _strike("township", "Air/drone strike", "Maungdaw")
    vague = _strike("vague", "Shelling/artillery/missile attack", "state")
    assert _pair(township, vague) < MIN_SCORE
    found = _clusters(township, vague)
    assert found["vague"][0] == "township"
    assert found["vague"][1].startswith("sole candidate for a vague place; ") and "place=0.4" in found["vague"][1]


def test_a_report_naming_no_place_joins_the_one_strike_of_its_day() -> None:
    # "junta jets bombed a village on Monday", no place at all, when only one strike was reported that day
    found = _clusters(_strike("township", "Air/drone strike", "Maungdaw"),
                      _strike("nowhere", "Shelling/artillery/missile attack", "country"))
    assert found["nowhere"][0] == "township"


def test_a_vague_report_that_could_be_either_of_two_strikes_stays_apart() -> None:
    # two strikes in two Rakhine townships that day: "shelling in Rakhine State" could be either one
    found = _clusters(_strike("maungdaw", "Air/drone strike", "Maungdaw"),
                      _strike("buthidaung", "Air/drone strike", "Buthidaung"),
                      _strike("vague", "Shelling/artillery/missile attack", "state"))
    assert found["maungdaw"][0] != found["buthidaung"][0]
    assert found["vague"][0] == "vague" and found["vague"][1].startswith("founder")


def test_a_vague_report_from_another_state_or_day_never_joins() -> None:
    found = _clusters(_strike("township", "Air/drone strike", "Maungdaw"),
                      _strike("kachin", "Shelling/artillery/missile attack", "other state"),
                      _strike("later", "Shelling/artillery/missile attack", "state", day=9))
    assert found["kachin"][0] == "kachin" and found["later"][0] == "later"


# --- one article coding one event twice (Clustering.place_second_coding) --------------------------------

def test_an_article_that_codes_one_attack_twice_keeps_both_mentions_in_that_event() -> None:
    # an earlier report: "an air strike on the camp in Maungdaw"; a later one codes the same strike twice,
    # as an air strike and as an attack on the camp's residents: the second coding must not found an event
    # of its own (later reports would then split between the two halves)
    first = _strike("first", "Air/drone strike", "Maungdaw")
    strike = _strike("strike", "Air/drone strike", "Maungdaw", article="twice")
    attack = dict(_strike("attack", "Attack", "Maungdaw", article="twice"), event_type="Violence against civilians")
    found = _clusters(first, strike, attack)
    assert found["strike"][0] == found["attack"][0] == "first"
    assert found["attack"][1].startswith("second coding of its article's event; with strike")


def test_an_article_telling_yesterdays_strike_and_todays_protest_in_one_town_tells_two_events() -> None:
    # "residents protested on Tuesday against Monday's strike": the protest is a new event, a day later
    first = _strike("first", "Air/drone strike", "Maungdaw")
    recalled = _strike("recalled", "Air/drone strike", "Maungdaw", article="both")
    protest = dict(_strike("protest", "Peaceful protest", "Maungdaw", article="both", day=6), event_type="Protests",
                   actor1="Protesters (Myanmar)", actor1_id="protesters", inter1=6, actor2=None, actor2_id=None, inter2=None)
    found = _clusters(first, recalled, protest)
    assert found["recalled"][0] == "first"
    assert found["protest"][0] == "protest"


def test_an_article_telling_two_different_attacks_the_same_day_keeps_them_apart() -> None:
    # one report: an air strike in Maungdaw and shelling in Buthidaung the same day: two events
    first = _strike("first", "Air/drone strike", "Maungdaw")
    strike = _strike("strike", "Air/drone strike", "Maungdaw", article="two")
    shelling = _strike("shelling", "Shelling/artillery/missile attack", "Buthidaung", article="two")
    found = _clusters(first, strike, shelling)
    assert found["strike"][0] == "first" and found["shelling"][0] == "shelling"


def test_a_state_only_retelling_a_day_beside_its_articles_placed_strike_is_that_strike() -> None:
    # the first report: "jets struck Maungdaw township on Monday"; the second tells it twice, "air strikes in
    # Rakhine State on Monday night" and "the strikes on Maungdaw went on into Tuesday": one strike, one event
    first = _strike("first", "Air/drone strike", "Maungdaw")
    placed = _strike("placed", "Air/drone strike", "Maungdaw", article="twice", day=6)
    vague = _strike("vague", "Air/drone strike", "state", article="twice")
    found = _clusters(first, placed, vague)
    assert found["placed"][0] == found["vague"][0] == "first"
    assert found["vague"][1].startswith("second coding of its article's event; with placed")


def test_a_state_only_mention_of_another_kind_a_day_beside_stays_its_own_event() -> None:
    # "shelling in Rakhine State on Monday" beside "the air strike on Maungdaw on Tuesday": two acts
    first = _strike("first", "Air/drone strike", "Maungdaw", day=6)
    placed = _strike("placed", "Air/drone strike", "Maungdaw", article="two", day=6)
    vague = _strike("vague", "Shelling/artillery/missile attack", "state", article="two")
    assert _clusters(first, placed, vague)["vague"][0] == "vague"


# --- session 9: a day apart needs one kind; ties go to the nearest day; undated sentences beside the news --

def _undated(row: dict) -> dict:
    """The row as the extractor codes a sentence with no date: the week before publication (6 August)."""
    return dict(row, event_date=date(2024, 8, 5), time_precision=2, date_text=None)


def test_reports_a_day_apart_are_one_event_only_when_they_tell_one_kind_of_event() -> None:
    strike = _strike("strike", "Air/drone strike", "Maungdaw")
    # a market bomb the day before, in the same town: another kind AND another day
    assert _pair(strike, _strike("bomb", "Remote explosive/landmine/IED", "Maungdaw", day=4)) == 0.0
    # shelling the day after an air strike on the same town: two attacks
    assert _pair(strike, _strike("shelling", "Shelling/artillery/missile attack", "Maungdaw", day=6)) == 0.0
    # the same strike dated a day later by a wire copy still joins; another kind the same day still joins
    assert _pair(strike, _strike("wire", "Air/drone strike", "Maungdaw", day=6)) >= MIN_SCORE
    assert _pair(strike, _strike("same day", "Shelling/artillery/missile attack", "Maungdaw")) >= MIN_SCORE


def test_an_undated_report_whose_week_covers_two_events_joins_the_nearest_day() -> None:
    # strikes on Maungdaw on 1 and 5 August; "an air strike hit Maungdaw" with no day, published on the 6th
    early, late = _strike("early", "Air/drone strike", "Maungdaw", day=1), _strike("late", "Air/drone strike", "Maungdaw")
    vague = _undated(_strike("undated", "Air/drone strike", "Maungdaw"))
    assert _clusters(early, late, vague)["undated"][0] == "late"
    assert _clusters(late, early, vague)["undated"][0] == "late"
    # dated two days before publication, the undated report still goes to the nearer strike
    assert _clusters(early, late, dict(vague, event_date=date(2024, 8, 4)))["undated"][0] == "late"


def test_an_undated_sentence_beside_its_articles_dated_news_is_that_news_not_an_older_event() -> None:
    # shelling of Maungdaw on 2 August; an air strike there on the 5th; a later report of the strike adds
    # "the town has been shelled" with no day: that is the 5th's attack told again, not a source of the 2nd's
    old = _strike("old", "Shelling/artillery/missile attack", "Maungdaw", day=2)
    first = _strike("first", "Air/drone strike", "Maungdaw")
    strike = _strike("strike", "Air/drone strike", "Maungdaw", article="later")
    shelled = _undated(_strike("shelled", "Shelling/artillery/missile attack", "Maungdaw", article="later"))
    found = _clusters(old, first, strike, shelled)
    assert found["strike"][0] == found["shelled"][0] == "first"
    assert found["shelled"][1].startswith("second coding of its article's event; ")
    # in another township the undated sentence is not the article's news: it keeps its own fit
    elsewhere = _undated(_strike("elsewhere", "Shelling/artillery/missile attack", "Buthidaung", article="later"))
    assert _clusters(old, first, strike, elsewhere)["elsewhere"][0] != "first"
