"""Burmese event extraction: the same Event rows as English, from Burmese rules.

1. Sentences end at ။; the knowledge matcher runs once over the text (syllable-bounded Burmese terms).
2. A sentence with an event trigger that is not background (an old date, "ကတည်းက" since, ခဲ့ဖူး ever)
   gives a candidate: its most specific trigger, dates, places, particle-marked actors, counts.
3. A candidate continues the previous event when it is near, of the same kind (or only tells casualties)
   and agrees on date and township; an undated restatement joins the event of the same sub-type
   (tasks/lang/my_candidates.py).
4. Dates fall back to the story so far, then the next sentences of substance, then publication; places
   to the lead (title, first sentences), then the township the article names most; actors get ACLED's
   defaults (tasks/lang/my_actors.py: an air strike is the military's, the victims of an attack are
   Civilians, an unnamed attacker is an Unidentified Armed Group).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from tasks.extract import actors as actor_rules
from tasks.extract.dates import ResolvedDate
from tasks.extract.finalize import direct_territory, disorder_of, set_actor
from tasks.extract.model import Event, ExtractionResult, Figure
from tasks.extract.retellings import dedupe_by_id
from tasks.extract.sentences import Sentence
from tasks.lang.my_acts import attempted, clause_of
from tasks.lang.my_actors import (
    air_support, article_armed, attack_on_forces, burner_told_later, event_actors, is_state, named_militia,
    relative_doer,
)
from tasks.lang.my_candidates import (
    PRIORITY, SUBSTANTIAL, Candidate, Hit, bombs_dropped, merge_candidates, same_township, tallies_last,
)
from tasks.lang.my_roles import article_context, assign_roles, marked_actors, township_mentions
from tasks.lang.my_dates import find_dates
from tasks.lang.my_text import find_counts, named_dead, nobody_killed, side_tolls, split_sentences
from tasks.lang.my_units import article_mentions
from tasks.lang.my_when import CAPTURES, capture_day
from tasks.lang.my_where import event_place, lead_place, sentence_place, set_place
from tasks.lang.my_words import Words, is_burmese, load_words

HISTORY_DAYS = 45
PASSIVE_WINDOW = 16   # "...တိုက်ခိုက်မှုကို ခံခဲ့ရ": the act's noun ending and object particle before ခံ
WEAK_TRIGGER = 0.8
SECOND_TRIGGER = 0.9
STATE_PASSIVE = "ခံထားရ"
TRANSFER = "Non-violent transfer of territory"


def extract(knowledge, title: str, text: str, published: date, article_id: str | None = None) -> ExtractionResult:
    words = load_words("my")
    text = text or ""
    sentences = split_sentences(text)
    mentions = article_mentions(knowledge, text)
    title_mentions = article_mentions(knowledge, title) if title else []
    context = (*article_context(knowledge, [*mentions, *title_mentions]),
               township_mentions(knowledge, [*mentions, *title_mentions]))
    starts = [m.start for m in mentions]
    candidates, figures = [], []
    for sentence in sentences:
        local = mentions[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        found = _candidates(knowledge, words, text, sentence, local, published, context)
        candidates.extend(found)
        for count in find_counts(sentence.text, words):
            if not found or count.scope != "event":
                fig = Figure(article_id, count.kind, count.value, count.scope, None, published, sentence.text[:2000],
                             sentence.start + count.start, sentence.start + count.end)
                fig.assign_id()
                figures.append(fig)
    merged = merge_candidates(candidates, sentences)
    for cand in merged:
        others = {s.index for c in merged if c is not cand and not same_township(c, cand) for s in c.sentences}
        cand.date = cand.date or _nearby_date(words, sentences, cand, published, others) or cand.report_date
    lead = lead_place(knowledge, text, sentences, mentions, starts, context, title_mentions)
    armed = article_armed(knowledge, mentions)
    events = [_event(knowledge, cand, published, article_id, lead, context, armed) for cand in merged]
    for cand, event in zip(merged, events):
        burner_told_later(knowledge, text, mentions, sentences, cand, event)
    return ExtractionResult(dedupe_by_id(tallies_last(knowledge, text, mentions, starts, merged, events)), figures)


def _nearby_date(words: Words, sentences: list[Sentence], cand: Candidate, published: date,
                 others: set[int]) -> ResolvedDate | None:
    """An undated event takes the date of the story so far (up to 3 sentences back), else of the next
    three sentences of substance (a byline or "Home" line does not count): a Burmese lead often tells
    what happened and the next sentence when. A sentence telling an event in another township lends it
    no date."""
    first, last = cand.first.index, cand.sentences[-1].index
    own = {s.index for s in cand.sentences}
    # the sentences it spans but did not absorb ("17 soldiers surrendered on June 26") come first after it
    between = [s for s in sentences[first + 1:last] if s.index not in own and len(s.text) >= SUBSTANTIAL]
    after = [s for s in sentences[last + 1:] if len(s.text) >= SUBSTANTIAL][:3]
    around = [*reversed(sentences[max(0, first - 3):first]), *between, *after]
    for sentence in around:
        if sentence.index in others:
            continue
        dates = [d for d in find_dates(sentence.text, published, words) if (published - d.event_date).days <= HISTORY_DAYS]
        if dates:
            return capture_day(cand.hit.sub_event_type, sentence.text, dates) \
                or min(dates, key=lambda d: (d.time_precision, d.start))
    return None



# "AA က မတ်လ ၈ ရက်နေ့တွင် သတင်းထုတ်ပြန်သည်" (announced on March 8): a date the statement verb follows
# at once (past "နေ့", "တွင်", "က", "၌") is when the news was given, not when the fighting was
# (also with the time of day and the one who announced between: "၉ ရက်နေ့ ညပိုင်းတွင် AA က သတင်းထုတ်ပြန်")
_REPORT_GAP = re.compile(r"\s*(?:နေ့)?\s*(?:(?:ည|နံနက်|မနက်|ညနေ|နေ့လယ်|မွန်းလွဲ)(?:ပိုင်း)?)?\s*(?:တွင်|က|၌|မှာ)?\s*"
                         r"(?:[^\s\u104a\u104b]{1,24}\s*(?:က|မှ)\s*)?\S{0,2}(?:သတင်း)?\s*(?:ထုတ်ပြန်|ကြေညာ|ပြောကြား|အတည်ပြု)")


# a year written out ("ဖေဖော်ဝါရီ ၂၇၊ ၂၀၂၄", "March 17, 2022"): how a byline or dateline dates the page; news
# dates a recent act by its day alone
_YEAR = re.compile(r"(?:19|20|၁၉|၂၀)[0-9\u1040-\u1049]{2}")


def _byline_date(resolved: ResolvedDate, published: date, text: str) -> bool:
    """Is this the page's own date (the publication day, year written out: "ဒီဇင်ဘာ ၂-၂၀၂၂" too) run into the
    lead with no line break ("DVB · March 17, 2022 ... မတ် ၁၅ ရက်နေ့က")? Like a statement's day, it dates
    the act only failing all else (the act's day may be in the next sentence)."""
    if resolved.event_date != published or resolved.end is None:
        return False
    if _DATELINE_PLACE.search(text, max(0, resolved.start - 40), resolved.start) and not _PROSE_AFTER.match(text, resolved.end):
        return True   # "ကြာအင်းဆိပ်ကြီး၊ စက်တင်ဘာ(၁၅) ကရင်ပြည်နယ်...": a dateline run into the headline, year or not
    if _COMMA_AFTER.match(text, resolved.end) and not _PROSE_DATE.search(resolved.date_text or ""):
        return True   # "ဩဂုတ် ၇၊ The Nation Voice ...": month and day with a comma and no ရက်, as a dateline writes it
    if _YEAR_ENDS_SENTENCE.match(text, resolved.end):
        return True   # "...သိမ်းယူခဲ့ - ပါဂျောင်မီဒီယာ ၁၂ရက်၊ဇွန်လ၊၂၀၂၄ခုနှစ်။": the page's date closes the line, no act follows
    around = text[max(0, resolved.start - 12):resolved.end + 14]
    if _PROSE_DATE.search(around):
        return False   # "ယနေ့ ၂၀၂၄ခုနှစ် ဩဂုတ်လ (၁၉)ရက်နေ့တွင်": prose dates the act of today, year and all
    return bool(_YEAR.search(resolved.date_text or "")) or _YEAR_AFTER.match(text, resolved.end) is not None


# a dateline: one word (the outlet's town) and a comma right before the date, and no particle after it
# that would make the date the act's ("မေ ၉ ရက်နေ့က", "...တွင်")
_DATELINE_PLACE = re.compile(r"(?:^|[\s\u104b])[^\s\u104a\u104b]{2,24}\s*\u104a\s*$")
_COMMA_AFTER = re.compile(r"\s*\)?\s*\u104a")
# after the day, at most its month, then the year, and the sentence ends: a date no verb follows
_YEAR_ENDS_SENTENCE = re.compile(r"\s*[\u104a,]?\s*(?:[^\s\u104a\u104b,]{1,12}\s*[\u104a,]\s*)?(?:19|20|၁၉|၂၀)[0-9\u1040-\u1049]{2}"
                                r"\s*(?:ခုနှစ်)?\s*[\u104a\u104b.]*\s*$")
_PROSE_AFTER = re.compile(r"\s*\)?\s*(?:ရက်|နေ့|ည(?![\u102b-\u103e\u1039\u103a])|(?:က|တွင်|၌|မှာ|မှ|ကနေ|အထိ|ထိ)(?=\s|$|[\u104a\u104b]))")


# the words of a date in prose: day (ရက်), year (ခုနှစ်), today, and the particles after it
_PROSE_DATE = re.compile(r"ရက်|ခုနှစ်|ယနေ့|တွင်|၌")


_YEAR_AFTER = re.compile(r"\s*[-,\u104a/]?\s*(?:19|20|၁၉|၂၀)[0-9\u1040-\u1049]{2}(?![0-9\u1040-\u1049])")


def _report_date(words: Words, text: str, resolved: ResolvedDate) -> bool:
    return resolved.end is not None and _REPORT_GAP.match(text, resolved.end) is not None


def _triggers(knowledge, text: str, local) -> list[Hit]:
    hits = []
    for m in local:
        if m.kind != "trigger" or not is_burmese(m.text):
            continue  # an English word quoted in a Burmese text ("March") is not a Burmese trigger
        triggers = [t for ref in m.ref_ids if (t := knowledge.triggers.get(ref)) and t.event_type]
        if text.startswith(STATE_PASSIVE, m.end):
            continue  # "ဖမ်းဆီးခံထားရသည့်" (who has been detained): a state the story recalls, not an act
        if _NEGATED.match(text, m.end):
            continue  # "တိုက်ပွဲဖြစ်ပွားခြင်းမရှိဘဲ" (with no fighting): the act that did not happen
        tried = attempted(text, m.end)   # "သိမ်းပိုက်ဖို့ ကြိုးစား" (tried to take it): an attack, not a capture
        for t in triggers:
            kind = ("Battles", "Armed clash") if tried and t.sub_event_type in CAPTURES else (t.event_type, t.sub_event_type)
            hits.append(Hit(m.start, m.end, t.trigger, *kind, t.weight))   # its lexicon spelling
    return hits


def _background(words: Words, sentence: Sentence) -> bool:
    return re.search(words.alternation("background_cue"), sentence.text) is not None


def _candidates(knowledge, words, text, sentence, local, published, context) -> list[Candidate]:
    """The sentence's event(s): its strongest trigger, and a second one of another event type when the
    sentence tells two acts ("burned the villages and clashed with the defence forces, 30 killed")."""
    hits = _triggers(knowledge, text, local)
    if "ဗုံး" in sentence.text:
        hits += bombs_dropped(words, text, sentence, hits)
    counts = find_counts(sentence.text, words)
    if not hits and not any(c.kind == "killed" for c in counts):
        return []
    dates = find_dates(sentence.text, published, words)
    if dates and all((published - d.event_date).days > HISTORY_DAYS for d in dates):
        return []
    if _background(words, sentence) and not dates:
        return []
    if not hits:
        return [_build(knowledge, words, text, sentence, local, context, dates, counts, published,
                       Hit(sentence.start, sentence.start, "", "Battles", "Armed clash", 0.3), True)]
    rank = lambda h: (PRIORITY.get(h.sub_event_type, 0) + 4 * h.weight, -h.start)  # noqa: E731
    # an act told only to describe a side ("မီးရှို့နေသည့် စစ်ကြောင်းကို ... တိုက်ခိုက်", attacked the column that
    # was burning) is not the sentence's news when the sentence tells another
    told = [h for h in hits if relative_doer(knowledge, text, h.end, local) is None] or hits
    chosen = [max(told, key=rank)]
    battle = [h for h in hits if h.event_type == "Battles"]
    if chosen[0].sub_event_type == TRANSFER and battle:
        # soldiers who surrender "in the battle for the hill" (တိုက်ပွဲမှာ လက်နက်ချ): the event is the battle
        chosen = [max(battle, key=rank)]
    others = [h for h in hits if h.event_type != chosen[0].event_type and h.weight >= SECOND_TRIGGER
              and not (h.sub_event_type == TRANSFER and battle)]
    if others:
        chosen.append(max(others, key=rank))
    if air_support(sentence, local, chosen) or _post_burned_in_battle(text, chosen) or _clash_then_burning(text, chosen):
        chosen.reverse()   # "AA နှင့် စစ်တပ် တိုက်ပွဲ ပြင်းထန်ပြီး လေကြောင်းဖြင့် ဗုံးကျဲ": the battle, with air support
    elif [h.sub_event_type for h in chosen] == ["Looting/property destruction"] and any(c.kind == "killed" for c in counts):
        chosen.append(Hit(chosen[0].start, chosen[0].start, "", "Violence against civilians", "Attack", 0.7))
    if [h.sub_event_type for h in chosen] == ["Looting/property destruction", "Attack"] \
            and any(c.kind == "killed" for c in counts):
        chosen.reverse()   # "မီးရှို့ကာ ရွာသား ၃ ဦးကို သတ်ဖြတ်": the killing leads, the burning is its own event
    built = [c for c in (_build(knowledge, words, text, sentence, local, context, dates, counts, published, h, False)
                         for h in chosen) if c is not None]
    if len(built) == 2 and built[0].hit.sub_event_type == "Attack" and built[1].hit.sub_event_type == LOOTING:
        built[1].killed = 0   # (the dead are the killing's, not the burning's)
    return built


# the act made a noun and the object of ခံ (suffer), with the one who suffered it named in between:
# "ပကဖ ၏ မိုင်းဆွဲတိုက်ခိုက်မှုကို စစ်ကြောင်းက ခံခဲ့ရ" (the column suffered the PDF's mine attack)
_SUFFERED = re.compile(r"\s*(?:မှု|ခြင်း)\s*(?:ကို|အား)\s*[^\u104a\u104b]{0,40}?ခံ\s*(?:ခဲ့|လိုက်)?\s*ရ")


def _suffered(text: str, act_end: int, end: int) -> bool:
    return _SUFFERED.match(text[:end], act_end) is not None


# what was burned, right before the burning word: a side's post ("စခန်းတစ်ခု မီးရှို့ခံရ", "ဂိတ်ကို မီးရှို့")
_POST_BURNED = re.compile(r"(?:စခန်း|ဂိတ်|ကင်းပွိုင့်|ကင်းတဲ|တပ်စခန်း)[^\s\u104a\u104b]{0,3}\s*"
                          r"(?:[\u1000-\u1021]\S{0,3}\s*(?:ခု|လုံး)\s*)?(?:ကို|အား)?\s*$")


def _post_burned_in_battle(text: str, chosen: list[Hit]) -> bool:
    """"၂ ရက်ဆက် တိုက်ပွဲဖြစ်ပွားပြီး PDF ကင်းစခန်းတစ်ခု မီးရှို့ခံရ" (two days of fighting, a PDF outpost
    burned): a side's post burned in the fighting is part of the battle, not a burning of its own."""
    return [h.event_type for h in chosen] == ["Strategic developments", "Battles"] \
        and chosen[0].sub_event_type == LOOTING \
        and _POST_BURNED.search(text, max(0, chosen[0].start - 30), chosen[0].start) is not None


# the clash told first and the burning after it, joined by "and then": "ရွာတွင် တိုက်ပွဲဖြစ်ပြီး နေအိမ်
# ၁၀ လုံး မီးရှို့ခံရ", "တိုက်ပွဲဖြစ်ပွားပြီးနောက် အိမ်များ မီးလောင်": the fight is the news, the burning follows it
_THEN = re.compile(r"[^\u104a\u104b]{0,12}?ပြီး(?:နောက်)?(?![\u102b-\u103e])")


def _clash_then_burning(text: str, chosen: list[Hit]) -> bool:
    if [h.event_type for h in chosen] != ["Strategic developments", "Battles"] or chosen[0].sub_event_type != LOOTING:
        return False
    battle, burning = chosen[1], chosen[0]
    if _RAID in battle.text and _RAIDED_HOMES.search(text, max(0, battle.start - 60), battle.start):
        return False   # "ရွာကို စီးနင်းပြီး အိမ်များကို မီးရှို့" (raided the village and burned it): no one fought
    return battle.end <= burning.start and _THEN.match(text, battle.end, burning.start) is not None


# a raid on a village or a ward is the troops' entry, not a fight: what they did there is the event
_RAID = "စီးနင်း"
_RAIDED_HOMES = re.compile(r"(?:ရွာ|ရပ်ကွက်|အိမ်)\s*(?:များ|တွေ)?\s*(?:ကို|သို့|အား|ထဲ)(?![\u102b-\u103e\u1039\u103a])")


# a demonstrative right before the act's word points back at an act already told: "အဆိုပါ တိုက်ခိုက်မှု",
# "ထို တိုက်ပွဲ", "ယင်း ဗုံးကြဲမှု", "အဲဒီ တိုက်ပွဲ" (the said / that attack, battle, bombing)
_ANAPHORA = re.compile(r"(?:အဆိုပါ|ယင်း|၎င်း|(?<![\u1000-\u109f])(?:ထို|အဲဒီ|အဲ့ဒီ|ဒီ))\s*$")
_NEGATED = re.compile(r"(?:ဖြစ်)?(?:ပွား|ပွါး)?\s*(?:ခြင်း|တာ|မှု)?\s*(?:လည်း)?\s*မ(?:ရှိ|ဖြစ်)")


LOOTING = "Looting/property destruction"
_BEGAN = re.compile(r"စ၍|စလို့|စပြီး|စတင်|တည်းက|မှစ")   # (a period's start word: only then look for the day it began)
def _build(knowledge, words, text, sentence, local, context, dates, counts, published, hit: Hit,
           casualty_only: bool) -> Candidate | None:
    recent = [d for d in dates if (published - d.event_date).days <= HISTORY_DAYS]
    reported = [d for d in recent if _report_date(words, sentence.text, d)]
    reported += [d for d in recent if d not in reported and _byline_date(d, published, sentence.text)]
    acted = [d for d in recent if d not in reported]
    best_date = (capture_day(hit.sub_event_type, sentence.text, acted)
                 or min(acted, key=lambda d: (d.time_precision, d.start))) if acted else None
    if best_date is None and (reported or _BEGAN.search(sentence.text)):
        # "ဇွန် ၁၄ ရက်ကစပြီး တိုက်ပွဲဖြစ်...ဟု ဇွန် ၂၀ ရက်တွင် ထုတ်ပြန်" (fighting from June 14 on, announced June 20),
        # "ဧပြီ ၂၃ ရက်မှစတင်ပြီး မေ ၈ ရက်အထိ" (from April 23 until May 8): with only the statement's day or the
        # period's end beside it, the day the fighting began is the event's (week precision)
        began = [d for d in find_dates(sentence.text, published, words, since=True)
                 if (published - d.event_date).days <= HISTORY_DAYS]
        best_date = began[0] if began else None
    place, between = sentence_place(knowledge, text, sentence, local, context, hit.start)
    marked = marked_actors(knowledge, words, text, *clause_of(text, sentence, local, hit.start))
    # passive only when ခံရ follows the trigger itself ("မီးရှို့ခံရ", "ပစ်သတ်ခြင်းခံရ"), not a later clause
    act_end = hit.end   # "ဒရုန်းဖြင့် ဗုံးကြဲတိုက်ခိုက်ခြင်း ခံရ": the act's words run on before the passive
    for m in local:
        if m.kind == "trigger" and act_end <= m.start <= act_end + 2:
            act_end = m.end
    passive = re.search(words.alternation("passive_marker"), text[act_end:min(sentence.end, act_end + PASSIVE_WINDOW)]) is not None \
        or _suffered(text, act_end, sentence.end)
    roles = assign_roles(marked, passive)
    doer = None if passive else relative_doer(knowledge, text, act_end, local)
    if doer and doer != roles.actor1:
        # "ရွာကို မီးရှို့နေသည့် စစ်ကြောင်းကို ပကဖက ပစ်ခတ်" (the PDF shelled the column that was burning the
        # village): the burning is the column's, whoever the sentence's subject is; its victims are the clause's
        roles.actor1, roles.actor2 = doer, None
    died = re.search(words.alternation("killed"), sentence.text) is not None
    if not casualty_only and hit.weight < WEAK_TRIGGER and not roles.named and not died:
        return None   # "ပစ်ခတ်" (shooting) with nobody named nor killed: a detail, not an event of its own
    cand = Candidate([sentence], hit, best_date, place, roles, casualty_only=casualty_only, marked=marked,
                     passive=passive)
    cand.report_date = min(reported, key=lambda d: d.start) if reported else None
    cand.anaphoric = _ANAPHORA.search(text, max(sentence.start, hit.start - 16), hit.start) is not None
    cand.died = died
    cand.between = between
    cand.civilians = any(m.civilian for m in marked) or re.search(words.alternation("civilian_word"), sentence.text) is not None
    for c in counts:
        if c.scope == "event" and c.kind in ("killed", "injured", "arrested", "displaced"):
            setattr(cand, c.kind, max(getattr(cand, c.kind), c.value))
    cand.killed = max(cand.killed, side_tolls(sentence.text, counts))
    cand.none_killed = nobody_killed(sentence.text, words)
    if died and not cand.killed and not any(c.kind == "killed" for c in counts):
        cand.killed = named_dead(sentence.text, words)   # "ရဲဘော် ဇော်ဇော် ကျဆုံး": one firm death
    return cand


def _event(knowledge, cand: Candidate, published: date, article_id, lead, context,
           article_armed: list[str]) -> Event:
    when = cand.date or ResolvedDate(published, 2, None)   # undated: around publication, as in English
    event_type, sub = cand.hit.event_type, cand.hit.sub_event_type
    event = Event(article_id=article_id, event_type=event_type, sub_event_type=sub,
                  disorder_type=disorder_of(event_type, sub), event_date=when.event_date,
                  time_precision=when.time_precision, date_text=when.date_text or None,
                  knowledge_version=knowledge.version)
    set_place(event, event_place(knowledge, cand.place, lead, context, cand.between))
    actor1, actor2 = (named_militia(knowledge, a, article_armed) for a in event_actors(knowledge, cand, article_armed, event))
    if actor1:
        set_actor(knowledge, event, "1", actor1)
    if actor2 and actor2 != actor1:
        set_actor(knowledge, event, "2", actor2)
    direct_territory(knowledge, event)
    _force_on_protesters(knowledge, event)
    attack_on_forces(knowledge, event)
    if event.sub_event_type == "Armed clash" and event.inter2 in (None, 7) and (cand.killed or cand.died) \
            and cand.civilians and len(cand.roles.named) <= 1:
        # a civilian (an administrator, a villager) shot dead, by no armed side or by one alone: an attack
        event.event_type, event.sub_event_type = "Violence against civilians", "Attack"
        event.disorder_type = disorder_of(event.event_type, event.sub_event_type)
        set_actor(knowledge, event, "2", actor_rules.CIVILIANS)
        if not event.actor1_id:
            set_actor(knowledge, event, "1", "unidentified_armed_group")
    # "no losses on our side" (ထိခိုက်မှုမရှိ) in a story that counts the other side's dead does not undo the count
    event.fatalities = max(0, cand.killed) if cand.killed else 0
    event.injured = cand.injured or None
    event.arrested = cand.arrested or None
    event.displaced = cand.displaced or None
    event.sentence = " ".join(s.text for s in cand.sentences)[:2000]
    event.start_char, event.end_char = cand.first.start, max(s.end for s in cand.sentences)
    event.notes = cand.first.text[:500]
    event.rule = f"my:{cand.hit.sub_event_type}:{cand.hit.text}|passive:{cand.passive}"
    event.confidence = round(min(0.99, 0.4 + 0.2 * bool(cand.date) + 0.2 * bool(cand.place) + 0.1 * bool(actor1)
                                 + 0.05 * min(cand.hit.weight, 1.0)), 2)
    event.assign_id()
    return event


def _force_on_protesters(knowledge, event: Event) -> None:
    """Security forces shooting at protesters is no battle (coding guide): Protests, Excessive force
    against protesters, actor1 the force that fired, actor2 Protesters - whether the act read as a clash or
    as an attack on people ("ရဲတပ်ဖွဲ့က ဆန္ဒပြသူ ၃ ဦးကို ပစ်သတ်", as English reads "gunned down protesters")."""
    sides = (event.actor1_id, event.actor2_id)
    if event.sub_event_type not in ("Armed clash", "Attack") or actor_rules.PROTESTERS not in sides:
        return
    force = next((a for a in sides if a and a != actor_rules.PROTESTERS), None)
    if force is None or not is_state(knowledge, force):
        return
    event.event_type, event.sub_event_type = "Protests", "Excessive force against protesters"
    event.disorder_type = disorder_of(event.event_type, event.sub_event_type)
    set_actor(knowledge, event, "1", force)
    set_actor(knowledge, event, "2", actor_rules.PROTESTERS)
