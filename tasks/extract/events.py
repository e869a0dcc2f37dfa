"""Sentence-level event extraction: triggers -> candidates -> merged ACLED-style events.

1. Split the article into sentences; run the knowledge matcher once over the whole text.
2. Each sentence with a lexicon trigger (not negated or hypothetical) and not about the background
   ("since the coup", "have become common", no date but "for months") gives a candidate with its date,
   place, actors and counts. A sentence can give a second candidate when it also reports an arrest,
   abduction, looting or a strike of another kind.
3. Candidates merge into one event (merging.py) when they tell the same thing: a following sentence without a date
   of its own that continues the story ("The jet dropped two bombs...", "Nine others were injured in
   the attack") or an undated restatement of the same kind of event elsewhere in the article.
4. Each event gets date fallbacks (own sentence -> relative "the following day" -> nearest earlier dated
   sentence -> publication date), place fallbacks (sentence -> merged sentences -> paragraph -> dateline
   -> article) and actor normalisation (see actors.py). Counts scoped 'cumulative'/'background', and
   counts told outside any event, become figures.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tasks.word_gates import gated
from tasks.extract import actors as actor_rules
from tasks.extract import places as place_rules
from tasks.extract.dates import ResolvedDate
from tasks.extract.model import Event, ExtractionResult
from tasks.extract.numbers import BACKGROUND_CUES, Count, aggregate_governs, find_counts
from tasks.extract.no_event import ACCUSED_OF, AGREEMENT_MADE, FLED_FROM, crackdown_on_crime, dead_moved, drug_arrest, ongoing_state, tally
from tasks.extract.discoveries import later_discoveries_dropped
from tasks.extract.tolls import lend_no_casualties, lend_orphan_tolls, merge_tolls, sentence_toll
from tasks.extract.finalize import finalize_events, make_figures
from tasks.extract.retellings import collapse_next_day_retellings
from tasks.extract.candidate import Candidate
from tasks.extract.merging import finer_date, merge_candidates
from tasks.extract.event_dates import lead_dated_by_details
from tasks.extract.captions import is_caption_at, is_cut_teaser_at, is_link_list_at
from tasks.extract.evidence import later_events_with_evidence
from tasks.extract.hedges import not_reported_as_done
from tasks.extract.periods import PAST_STRETCH, death_day, detail_of_main_clause, earlier_clause_day, habitual, names_a_period
from tasks.extract.quantities import parse_number
from tasks.extract.roles import assign_roles
from tasks.extract.kind_cues import (blast_of_fired_round, crackdown_on_protests, deadly_burning, deadly_protest, fired_from_the_air, killing_raid, mine_ambush,
                                      names_weapons)
from tasks.extract.scan import HISTORY_DAYS, ArticleScan, build_scan, mentions_in, sentence_dates
from tasks.extract.sentences import Sentence, filed_prefix_end
from tasks.extract.side_acts import run_up_dropped, side_acts_folded
from tasks.extract.speech import quoted
from tasks.extract.unglue import OffsetMap, unglued
from tasks.extract.earlier import (aside_year, drop_earlier_events, earlier_clauses, follows_history, in_spans, long_ago_clauses,
                                   period_governs, period_start)
from tasks.extract.sentence_kind import refine
from tasks.extract.triggers import TriggerHit, best_trigger, drop_protest_topics, trigger_hits

SEPARABLE = frozenset({"Arrests", "Looting/property destruction", "Abduction/forced disappearance", "Sexual violence",
                       "Air/drone strike", "Shelling/artillery/missile attack"})
DEADLY_CROWD_SUBS = ("Excessive force against protesters", "Mob violence", "Violent demonstration")
_TAKING_SUBS = frozenset({"Abduction/forced disappearance", "Arrests"})
_BACKGROUND_SENTENCE = gated(re.compile(
    r"\b(?:have|has) become (?:\w+ly )?(?:common|frequent|routine)|\bfrequent(?:ly)?\b|\boften\b|\bregularly\b|\broutinely\b|"
    r"\busually\b|\bdid not (?:immediately )?respond|\bdeclined to comment|\bcould not be reached|\brequests? for comment|"
    r"\bthere (?:has|have) been\b|\bhas been (?:contested|limited)|\bhistory\b|\b(?:warned|threatened)\b.*\bwould\b|"
    r"\bwould (?:ultimately|eventually|later|soon|go on to)\b|"  # history told forward: "would ultimately crush the protests"
    r"\b(?:has|have) seen (?:\w+ ){0,3}(?:fighting|clashes|violence|reprisals|attacks|air ?strikes|unrest|bloodshed)\b|"
    r"\b(?:has|have) (?:\w+ly )?(?:stepped up|ramped up|increased|escalated)\b|"
    r"\bpreviously\b(?! (?:known|called|named|styled|the)\b)|\b(?:almost |nearly )?daily\b|\bevery (?:day|night|week|month)\b|\bbecome a (?:daily|regular|common)\b",
    re.IGNORECASE))
_RELATIVE_DAY = gated(re.compile(
    r"\b(?:the (?:following|next) day|a day later|the day after|(?P<n>two|three|four|five|six|\d) days later|"
    r"(?P<back>the previous day|(?:a|one) day earlier|the day before)|later (?:that|the same) day|the same day|hours later|"
    r"(?:later )?that (?:same )?(?:morning|afternoon|evening|night))\b",
    re.IGNORECASE))
_RECENT_PERIOD = re.compile(r"\brecent (?:days|weeks|months)\b", re.IGNORECASE)
_ONGOING_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:continue|continues|continuing|persist|persists|go on|goes on|rage|rages|raging|spreads|spreading|intensifies|intensifying|escalates|escalating|moves|still)\b",
                            re.IGNORECASE)
_MANY_EVENTS_BEFORE = re.compile(r"\b(?:[5-9]|\d{2,}|five|six|seven|eight|nine|ten|dozens of|hundreds of)\s+$", re.IGNORECASE)
# The war's origin told as background: "many opponents took up arms", "after the 2021 coup"; with no day
# of its own such a sentence tells no new event.
_ORIGIN_STORY = re.compile(r"\b(?:took|take|taking|taken|takes) up arms\b|\b(?:after|following|since) the (?:\w+ )?(?:\d{4} )?"
                           r"(?:military )?(?:coup|takeover)\b|\b(?:sparked|sparking) (?:a |the )?(?:\w+ )?(?:conflict|resistance|"
                           r"civil war|uprising)\b", re.IGNORECASE)
# An act placed in a campaign named by its year: "in a brutal 2017 campaign", "during the 1988 uprising"
_PAST_CAMPAIGN = re.compile(r"\b(?:in|during|amid)\s+(?:a|an|the|its|their)\s+(?:[a-z-]+\s+){0,2}?((?:19|20)\d\d)\s+"
                            r"(?:(?:military|army|counterinsurgency|clearance)\s+)?(?:campaign|crackdown|offensive|operations?|"
                            r"exodus|uprising|war|violence|massacres?)\b", re.IGNORECASE)


def _in_a_past_campaign(text: str, published) -> bool:
    """An undated sentence whose act is placed in a campaign of a year at least two before publication tells
    that history, not this report's news (a year as a date is the dates' test; here it is the campaign's name)."""
    return any(int(m.group(1)) <= published.year - 2 for m in _PAST_CAMPAIGN.finditer(text))


# A running total, not an event: "so far, 126 have been killed", "as of Saturday", "the number arrested rose to".
_RUNNING_TOTAL = gated(re.compile(r"\bso far\b|\bas of\b|\bto date\b|\bthe number of (?:\w+ ){0,3}(?:has |had )?(?:rose|risen|rises)\b",
                            re.IGNORECASE))



def extract(knowledge, title: str, text: str, published: date, article_id: str | None = None) -> ExtractionResult:
    """Events and figures of one article."""
    page_text = text
    title, text = unglued(title), unglued(text)  # "killing 15soldiers": words run together at a wrapped line
    scan = build_scan(knowledge, title, text, published)
    candidates: list[Candidate] = []
    figures_counts: list[tuple[Sentence, Count]] = []
    for sentence in scan.sentences:
        found = _candidates(knowledge, scan, sentence)
        candidates.extend(found)
        counts = find_counts(sentence.text)
        if not counts:
            continue  # most sentences count no one: the history tests below would decide nothing
        long_ago = long_ago_clauses(scan.text, sentence.start, sentence.end)
        history = follows_history(scan, sentence, HISTORY_DAYS)
        for count in counts:
            scope = "background" if history or in_spans(count.start + sentence.start, long_ago) else count.scope
            shifted = Count(count.kind, count.value, scope, count.start + sentence.start, count.end + sentence.start, count.text)
            if not found or count.scope != "event":
                figures_counts.append((sentence, shifted))
    lead_dated_by_details(scan, candidates)
    merged = [c for c in _restated_details(knowledge, scan, merge_candidates(candidates)) if not _attack_called_strike(c, scan.text)]
    merged = later_discoveries_dropped(merged)
    for c in merged:
        if mine_ambush(c.sub_event_type, c.hit.text, [s.text for s in c.sentences]):
            c.event_type, c.sub_event_type, c.rule = "Explosions/Remote violence", "Remote explosive/landmine/IED", "mine-ambush"
    scan.event_sentences = {s.index for c in merged for s in c.sentences}
    events = finalize_events(knowledge, scan, merged, article_id)
    lend_orphan_tolls(events, figures_counts, scan.published)
    lend_no_casualties(events, scan.sentences, scan.event_sentences)
    events = later_events_with_evidence(run_up_dropped(side_acts_folded(collapse_next_day_retellings(events))))
    figures = make_figures(knowledge, scan, figures_counts, events, article_id)
    offsets = OffsetMap(page_text, text)
    offsets.restore(events)
    offsets.restore(figures)
    return ExtractionResult(events, figures)


# "The killings on Wednesday in Nyaung Pin Thar village ...": a wire story's second sentence names the
# event of its vague lead ("raided a village in the central region") and gives its day and place.
_RESTATES = re.compile(r"^(?:The|This|That|These|Those|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s)\s+"
                       r"(?:[\w-]+\s+)?(?:killings?|attacks?|raids?|strikes?|air ?strikes?|"
                       r"massacres?|bombings?|shelling|assaults?|fighting|clash(?:es)?|ambush(?:es)?|arson|burning|"
                       r"capture|seizure|offensive)\b", re.IGNORECASE)


def _attack_called_strike(cand: Candidate, text: str) -> bool:
    """ "The strike came as ministers met": in an article that tells no walk-out, "the strike" is the attack
    told already; left over as a protest of its own (nothing absorbed it), it is no event."""
    from tasks.extract.triggers import LABOUR_STRIKE

    return cand.event_type == "Protests" and cand.hit.text.lower() in ("strike", "strikes") \
        and not LABOUR_STRIKE.search(text)


def _restated_details(knowledge, scan: ArticleScan, merged: list[Candidate]) -> list[Candidate]:
    """The lead event takes the day and place of the next sentences that name it ("The killings on
    Wednesday in X village ..."), when its own are missing or vague; such a sentence tells no new event."""
    if not merged:
        return merged
    lead = merged[0]
    out = [lead]
    for cand in merged[1:]:
        follows = 0 < cand.first.index - lead.sentences[-1].index <= 2 and _RESTATES.match(cand.first.text)
        vague = lead.date is None or lead.date.time_precision > 1 or lead.location is None or lead.location.rank < 4
        if follows and vague and (cand.date is None or lead.date is None or lead.date.time_precision > 1
                                  or cand.date.event_date == lead.date.event_date):
            lead.date = finer_date(lead.date, cand) or cand.date
            if cand.location and (lead.location is None or cand.location.strength > lead.location.strength):
                lead.location = cand.location
            lead.sentences.append(cand.first)  # its day and place only: its own trigger may tell the cause
            lead.toll = merge_tolls(lead.toll, cand.toll)  # ... and the toll the lead lacked ("claiming 29 lives")
            continue
        out.append(cand)
    return out


def extract_events(knowledge, title: str, text: str, published: date, article_id: str | None = None) -> list[Event]:
    return extract(knowledge, title, text, published, article_id).events


def _candidates(knowledge, scan: ArticleScan, sentence: Sentence) -> list[Candidate]:
    lo, hi = sentence.start, sentence.end
    local = mentions_in(scan, lo, hi)
    hits = drop_protest_topics(trigger_hits(knowledge, local, scan.text, lo, hi), scan.text)
    hits = drop_earlier_events(hits, scan.text, lo, hi)
    hits = [h for h in hits if not quoted(scan.text, lo, hi, h.start) and not FLED_FROM.search(scan.text, max(lo, h.start - 60), h.start)
            and not (h.sub_event_type in _TAKING_SUBS and dead_moved(scan.text, lo, h.start, h.end))
            and not names_a_period(scan.text, h.start) and not not_reported_as_done(scan.text, lo, h.start, h.end)
            and not (h.event_type == "Protests" and crackdown_on_crime(scan.text, h.end))]
    if not hits:
        return []  # no trigger left: every test below would say no event (most sentences; saves their work)
    spans = [(h.start, h.end) for h in hits]
    primary = best_trigger([h for h in hits if not detail_of_main_clause(scan.text, lo, h.start, spans)] or hits)
    if sentence.index > 0 and len(sentence.text.split()) <= 8 and not re.search(r"[.!?\"'”’]$", sentence.text):
        return []  # a sub-heading ("Front line in the town") names a theme, it tells no event
    if is_caption_at(scan.text, sentence.start) or is_link_list_at(scan.text, sentence.start) \
            or is_cut_teaser_at(scan.text, sentence.start):
        return []  # a picture's caption shows what the story tells, a list of links (or a cut-off line) other stories'
    if primary is None or _BACKGROUND_SENTENCE.search(sentence.text) or habitual(sentence.text) or _RUNNING_TOTAL.search(sentence.text) or tally(sentence.text) or aggregate_governs(sentence.text, primary.start - lo,
                                                                                            primary.end - lo):
        return []
    if primary.sub_event_type == "Agreement" and primary.weight < 0.5 and primary.text.lower() != "agreement" \
            and not AGREEMENT_MADE.search(sentence.text):
        return []  # "agreed to task officials", "support the peace process": talk of peace, no deal made
    if primary.sub_event_type == "Arrests" and drug_arrest(sentence.text):
        return []  # "seized 16 kg of heroin and arrested two suspects": a drug case, no political event
    if primary.text.lower().endswith("s") and not names_weapons(primary.text) and _MANY_EVENTS_BEFORE.search(scan.text, max(lo, primary.start - 30), primary.start):
        return []  # "more than 30 air strikes in October": a count of events is a figure, not an event
    dates, report = sentence_dates(scan, sentence)
    dates = [d for d in dates if not aside_year(sentence.text, d, primary.start - lo)
             and not _RECENT_PERIOD.search(d.date_text)  # "hit by air strikes in recent weeks": a period, no day
             and not PAST_STRETCH.search(sentence.text, max(0, d.start - 12), d.end + 12)  # "for the past week"
             and not period_start(sentence.text, d)]  # "since last Saturday": where a period began
    if not dates and (BACKGROUND_CUES.search(sentence.text) or ACCUSED_OF.search(sentence.text) or _ORIGIN_STORY.search(sentence.text) or period_governs(sentence.text, primary.end - lo)
                      or _ONGOING_AFTER.match(scan.text, primary.end, hi)):
        return []  # "as fighting and air strikes continue": a state of affairs, not an event
    if dates and all((scan.published - d.event_date).days > HISTORY_DAYS for d in dates) and not _dated_lead(scan, sentence, dates):
        return []  # "launched an offensive in October 2023", "a ceasefire struck in January"
    if not dates and follows_history(scan, sentence, HISTORY_DAYS):
        return []  # "The subsequent air attacks killed 20" after a sentence about last year
    if not dates and _in_a_past_campaign(sentence.text, scan.published):
        return []  # "burned down 200 villages in a brutal 2017 campaign in western Rakhine State"
    if not any(d.time_precision == 1 for d in dates) and ongoing_state(sentence.text, primary.start - lo, primary.end - lo):
        return []  # "fighting is intensifying in the region": the war going on, no event of a day
    primary = deadly_burning(killing_raid(primary, hits, sentence.text), sentence.text)
    chosen = [primary]
    second = best_trigger([h for h in hits if h.event_type != primary.event_type and h.sub_event_type in SEPARABLE
                           and not h.casualty_only and abs(h.start - primary.start) > 12 and h.weight > 0])
    taken_then_killed = second is not None and primary.event_type in ("Violence against civilians", "Explosions/Remote violence") \
        and second.sub_event_type in ("Arrests", "Abduction/forced disappearance")  # "rounded up villagers and shot them"
    # ACLED: people seized in a raid or a battle are part of that fight, and so are arrests in a deadly
    # crackdown ("killing 12 police and arresting two", "fired on the crowd and detained 30")
    taken_in_fight = second is not None and second.sub_event_type == "Arrests" \
        and (primary.event_type in actor_rules.VIOLENT_TYPES or primary.sub_event_type in DEADLY_CROWD_SUBS)
    if second is not None and not (taken_then_killed or taken_in_fight) \
            and (primary.sub_event_type in SEPARABLE or second.sub_event_type == "Arrests"):
        chosen.append(second)
    return [_candidate(knowledge, scan, sentence, hit, dates, report) for hit in chosen]


def _dated_lead(scan: ArticleScan, sentence: Sentence, dates: list[ResolvedDate]) -> bool:
    """ "Soldiers shot three farmers in X village at 2:30 pm, 2nd March 2017": a story's first sentence that gives
    its act a full day with the year is the event reported, however long before the page was posted (an NGO
    posting months later); history opens with a month or a year ("In October 2023 ..."), not a day and an hour."""
    return sentence.index == 0 and any(d.time_precision == 1 and re.search(r"\b(?:19|20)\d\d\b", d.date_text or "")
                                        and (scan.published - d.event_date).days <= 366 for d in dates)


def _candidate(knowledge, scan: ArticleScan, sentence: Sentence, hit: TriggerHit,
               dates: list[ResolvedDate], report: ResolvedDate | None) -> Candidate:
    lo, hi = sentence.start, sentence.end
    earlier = earlier_clauses(scan.text, lo, hi, gapped=True)
    own_text = sentence.text
    if earlier and not in_spans(hit.start, earlier):
        # "Protesters gathered on Sunday, a day after police shot dead two": the earlier act's words do not
        # type the act told
        for s, e in earlier:
            own_text = own_text[:s - lo] + " " * (e - s) + own_text[e - lo:]
    event_type, sub, rule = refine(hit.event_type, hit.sub_event_type, own_text)
    event_type, sub, rule = blast_of_fired_round(*fired_from_the_air(event_type, sub, rule, hit, scan.text, lo), hit, own_text)
    event_type, sub, rule = deadly_protest(*crackdown_on_protests(event_type, sub, rule, own_text, scan.text), own_text)
    anchor = hit.start - lo
    dates = [d for d in dates if not death_day(sentence.text, d.start)] or dates  # "shot on May 9 and died on Friday"
    dates = [d for d in dates if not earlier_clause_day(sentence.text, d.start)] or dates  # "who had arrived on Sunday"
    date_ = min(dates, key=lambda d: (d.time_precision, abs(d.start - anchor))) if dates else None
    rel = _RELATIVE_DAY.search(sentence.text)
    if date_ is not None and rel and rel.group("back") and rel.start() > date_.start \
            and re.search(r"\bhad (?:been )?\w+", sentence.text[date_.end:rel.start()]):
        # "bodies were found on Saturday, ... the fire had been set a day earlier": the act told is the day before
        date_ = ResolvedDate(date_.event_date - timedelta(days=1), date_.time_precision, f"{date_.date_text} ({rel.group(0)})",
                             date_.start, date_.end)
    relative = None
    if rel and date_ is None:
        n = rel.group("n")
        offset = -1 if rel.group("back") else (0 if "same" in rel.group(0) or "hours" in rel.group(0) or "that" in rel.group(0).lower()
                                                 else (parse_number(n) or 1) if n else 1)
        relative = (offset, rel.group(0))
    # "NAY PYI TAW, 6 Nov —" (or "YANGON, May 3:" below the page's first lines) is where it was filed
    mentions = mentions_in(scan, max(lo, scan.dateline_end, filed_prefix_end(scan.text, lo, hi)), hi)
    locations = place_rules.locations_in(knowledge, mentions, scan.text, scan.context)
    if earlier and not in_spans(hit.start, earlier):  # "A day after being pushed back at Daw Bu Ku, troops attacked ..."
        locations = [loc for loc in locations if not in_spans(loc.start, earlier)] if any(
            loc.rank > 1 and not in_spans(loc.start, earlier) for loc in locations) else locations
    foreign_ok = event_type in ("Strategic developments", "Protests") and sub in ("Agreement", "Peaceful protest", "Other")
    location = place_rules.best_location(locations, hit.start, scan.text, foreign_ok)
    article_mentions = [*scan.mentions, *scan.title_mentions]
    location = place_rules.settle_span(place_rules.between_ends(location, locations, scan.text, article_mentions), article_mentions)
    refs = actor_rules.actor_refs(knowledge, mentions, scan.text, lo, hi)
    roles = assign_roles(refs, scan.text, hit.start, hit.end, lo, hi)
    counts = [c for c in find_counts(sentence.text) if c.scope == "event"]
    if earlier and not in_spans(hit.start, earlier):
        # "shot down a helicopter on Monday, a day after a crackdown left five dead": the earlier act's toll
        counts = [c for c in counts if not in_spans(lo + c.start, earlier)]
    if mine_ambush(sub, hit.text, [own_text]):  # typed before merging: a mine ambush is not the raid told beside it
        event_type, sub, rule = "Explosions/Remote violence", "Remote explosive/landmine/IED", "mine-ambush"
    cand = Candidate([sentence], hit, event_type, sub, rule, date_, report, relative, location, roles, counts)
    for c in counts:
        if c.kind in ("killed", "injured", "displaced", "arrested"):
            setattr(cand, c.kind, getattr(cand, c.kind) + c.value)
    cand.toll = sentence_toll(sentence.text, counts)
    cand.anchored = bool(date_ or (location and location.rank > 1) or roles.actor1)
    return cand
