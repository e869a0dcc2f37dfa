"""Extraction rules from round 9 of issue 14: the evidence a later event of an article needs (its own day, time,
dead or people taken, or words that set it apart). Every sentence here is the team's own, written for the test."""

from datetime import date

from tasks.extract import extract_events


def _kinds(knowledge, text: str, published: date) -> list[tuple[str, str | None]]:
    return [(e.sub_event_type, e.admin3) for e in extract_events(knowledge, "", text, published)]


# --- a later mention with nothing of its own is no new event --------------------------------------------


def test_a_groups_claim_of_the_strikes_told_is_no_second_strike(knowledge):
    text = ("Resistance drones struck the junta's air base in Nay Pyi Taw on Thursday morning, the NUG's defence "
            "ministry said.\nIn a statement, a drone team from Bago Region said it carried out the strikes together "
            "with a local defence force.")
    assert [k for k, _ in _kinds(knowledge, text, date(2024, 5, 10))] == ["Air/drone strike"]


def test_earlier_gains_told_as_context_are_no_new_capture(knowledge):
    text = ("Junta artillery hit a house in Nam Hkam village in Waingmaw Township on Sunday night, killing a farmer, "
            "residents said.\nBy March, the KIA had seized a camp only 15 km from Myitkyina, the group said.")
    assert [k for k, _ in _kinds(knowledge, text, date(2024, 6, 11))] == ["Shelling/artillery/missile attack"]


def test_the_war_across_the_region_is_no_event_beside_a_dated_strike(knowledge):
    text = ("Junta jets bombed Kan Ma village in Kani Township on Tuesday, killing four people, residents said.\n"
            "The resistance forces have attacked junta camps across the region, a local official said.")
    assert [k for k, _ in _kinds(knowledge, text, date(2024, 5, 9))] == ["Air/drone strike"]


# --- a later act with something of its own stays an event -----------------------------------------------


def test_an_act_set_apart_by_separately_stays_an_event(knowledge):
    text = ("Junta jets bombed Ywar Thar village in Pauk Township on Monday, killing three villagers, residents said.\n"
            "Separately, a landmine exploded near a school in Gangaw Township, wounding a teacher.")
    assert ("Remote explosive/landmine/IED", "Gangaw") in _kinds(knowledge, text, date(2024, 5, 8))


def test_one_more_act_told_with_also_stays_an_event(knowledge):
    text = ("The Arakan Army captured the army's battalion headquarters in Buthidaung on Sunday, the group said.\n"
            "AA troops also arrested a junta colonel who commanded the base, it said.")
    assert "Arrests" in [k for k, _ in _kinds(knowledge, text, date(2024, 5, 7))]


def test_an_act_told_with_its_own_hour_stays_an_event(knowledge):
    text = ("Junta jets bombed Kan Ma village in Kani Township on Tuesday, killing four people, residents said.\n"
            "Resistance fighters attacked an army outpost in Yinmabin Township at 3:30 in the afternoon, a PDF member said.")
    assert ("Armed clash", "Yinmarbin") in _kinds(knowledge, text, date(2024, 5, 9))


def test_people_taken_by_its_own_telling_stay_an_event(knowledge):
    text = ("Resistance drones bombed the police station in Hinthada Township on Tuesday night, killing one officer, "
            "the PDF said.\nPolice later raided a nearby ward and detained six young men, residents said.")
    assert "Arrests" in [k for k, _ in _kinds(knowledge, text, date(2024, 5, 9))]


def test_the_same_number_arrested_again_is_the_arrest_retold(knowledge):
    from tasks.extract.evidence import takes_others
    from tasks.extract.model import Event

    first = Event(None, "Strategic developments", "Arrests", "", date(2024, 3, 4), 1, "on Monday", arrested=14)
    again = Event(None, "Strategic developments", "Arrests", "", date(2024, 3, 4), 1, None, arrested=14)
    other = Event(None, "Strategic developments", "Arrests", "", date(2024, 3, 4), 1, None, arrested=6)
    assert not takes_others(again, first) and takes_others(other, first)


def test_an_act_told_with_a_day_relative_to_another_stays_an_event(knowledge):
    text = ("Troops set fire to 30 houses in Kyauk Pyin village, Hpapun Township, on Friday, residents said.\n"
            "The KNLA said its fighters had clashed with the same column for an hour the same morning.")
    assert "Armed clash" in [k for k, _ in _kinds(knowledge, text, date(2024, 9, 3))]


def test_the_day_a_spokesman_spoke_is_no_day_of_a_new_act(knowledge):
    text = ("Resistance fighters overran an army outpost near Hpakant on Saturday, the KIA said.\n"
            "Troops at the besieged command have been cut off for weeks, said army spokesman Zaw Min Tun on Monday.")
    assert [k for k, _ in _kinds(knowledge, text, date(2024, 8, 5))] == ["Non-state actor overtakes territory"]


def test_the_same_dead_on_the_same_day_told_again_elsewhere_is_one_event(knowledge):
    text = ("A junta air strike killed 12 civilians in Let Pan village, Kani Township, on Sunday, residents said.\n"
            "On Sunday, 12 villagers were killed when a fighter jet bombed the area near Yinmabin, a relief worker said.")
    assert _kinds(knowledge, text, date(2024, 5, 7)) == [("Air/drone strike", "Kani")]


def test_the_same_number_dead_in_two_regions_are_two_events() -> None:
    from tasks.extract.evidence import retold
    from tasks.extract.model import Event

    bago = Event(None, "Protests", "Excessive force against protesters", "", date(2021, 3, 14), 1, "Sunday",
                 admin1="Bago", fatalities=3)
    yangon = Event(None, "Protests", "Excessive force against protesters", "", date(2021, 3, 14), 1, "Sunday",
                   admin1="Yangon", fatalities=3)
    assert not retold(yangon, bago)


def test_an_act_named_with_the_is_the_event_of_its_day_named_again() -> None:
    from tasks.extract.evidence import named_again
    from tasks.extract.model import Event

    def event(notes: str, word: str, day: int) -> Event:
        return Event(None, "Protests", "Excessive force against protesters", "", date(2021, 2, day), 1, "on Saturday",
                     notes=notes, rule=f"protest-force:{word}|roles:active")

    first = event("Police shot dead two protesters in Mandalay on Saturday, witnesses said.", "shot dead", 20)
    again = event("The police crackdown on Saturday has become the deadliest since the coup.", "crackdown", 20)
    new = event("A police crackdown on Saturday in Nay Pyi Taw left one dead.", "crackdown", 20)
    other_day = event("The police crackdown on Friday left one dead.", "crackdown", 19)
    assert named_again(again, first) and not named_again(new, first) and not named_again(other_day, first)


def test_acts_told_only_as_what_happened_weeks_before_give_no_event() -> None:
    from tasks.extract.earlier import drop_earlier_events
    from tasks.extract.triggers import TriggerHit

    text = "This tragedy occurred almost a month after the regime killed over 60 people by bombing a village"
    killed = TriggerHit("killed", text.index("killed"), text.index("killed") + 6, "Violence against civilians",
                        "Attack", 0.5, False)
    bombing = TriggerHit("bombing", text.index("bombing"), text.index("bombing") + 7, "Explosions/Remote violence",
                         "Air/drone strike", 0.8, False)
    assert drop_earlier_events([killed, bombing], text, 0, len(text)) == []
    days = text.replace("almost a month", "two days")
    shifted = [TriggerHit(h.text, days.index(h.text), days.index(h.text) + len(h.text), h.event_type, h.sub_event_type,
                          h.weight, h.anaphoric) for h in (killed, bombing)]
    assert drop_earlier_events(shifted, days, 0, len(days))   # days before: the act stays (its own day is told)


def test_an_ambush_with_mines_is_a_mine_attack(knowledge):
    text = ("Resistance fighters ambushed junta troops with mines near Kan Gyi village in Pale Township on Wednesday "
            "morning, killing five soldiers.")
    (event,) = extract_events(knowledge, "", text, date(2023, 6, 16))
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_an_ambush_whose_details_name_mines_is_a_mine_attack() -> None:
    from tasks.extract.kind_cues import mine_ambush

    texts = ["Resistance forces say they ambushed junta forces in Pale Township, killing at least five soldiers.",
             "The local PDF reportedly ambushed the troops with mines near Kan Gyi village on Wednesday morning."]
    assert mine_ambush("Armed clash", "ambushed", texts) and not mine_ambush("Armed clash", "ambushed", texts[:1])


def test_a_raid_does_not_take_the_weapon_of_a_mine_ambush_told_after_it() -> None:
    from tasks.extract.kind_cues import mine_ambush

    texts = ["Around 200 junta troops raided Ma Nyo village on Tuesday morning.",
             "A junta convoy heading to the village was ambushed with mines by a resistance group."]
    assert not mine_ambush("Armed clash", "raided", texts) and mine_ambush("Armed clash", "ambushed", texts[::-1])


def test_the_dead_of_an_act_weeks_before_are_no_toll_for_the_event(knowledge):
    text = ("Junta shells hit a camp for displaced people near Laiza on Monday night, residents said.\n"
            "This tragedy occurred almost a month after the regime killed over 60 people by bombing a village")
    events = extract_events(knowledge, "", text, date(2023, 10, 11))
    assert events and all(e.fatalities != 60 for e in events)


def test_the_same_sides_at_the_same_village_that_day_are_part_of_the_event() -> None:
    from tasks.extract.evidence import same_spot
    from tasks.extract.model import Event

    def event(kind: str, sub: str, a1: str, a2: str) -> Event:
        return Event(None, kind, sub, "", date(2023, 6, 14), 1, "on Wednesday", actor1_id=a1, actor2_id=a2,
                     location="Kan Gyi", admin3="Pale", sentence="")

    ambush = event("Explosions/Remote violence", "Remote explosive/landmine/IED", "pdf", "military_myanmar")
    attacked = event("Battles", "Armed clash", "pdf", "military_myanmar")
    massacre = event("Violence against civilians", "Attack", "military_myanmar", "civilians_myanmar")
    assert same_spot(attacked, ambush)
    assert not same_spot(attacked, massacre)   # the resistance fighting the troops who killed villagers: its own event


def test_a_retelling_that_names_the_town_places_an_act_first_placed_in_a_state_only() -> None:
    from tasks.extract.evidence import lend_place
    from tasks.extract.model import Event

    def capture(**place) -> Event:
        return Event(None, "Battles", "Non-state actor overtakes territory", "", date(2024, 1, 15), 1, "Monday",
                     actor1_id="ula_aa", actor2_id="military_myanmar", **place)

    lead = capture(location="Rakhine State", admin1="Rakhine State", geo_precision=3)
    retold = capture(location="Paletwa", admin1="Chin State", admin3="Paletwa", geo_precision=1)
    lend_place(lead, retold)
    assert (lead.admin1, lead.admin3) == ("Chin State", "Paletwa")
    town = capture(location="Nay Pyi Taw", admin1="Nay Pyi Taw", geo_precision=1)
    lend_place(town, retold)   # a first telling placed at a town keeps its place
    assert town.location == "Nay Pyi Taw"

