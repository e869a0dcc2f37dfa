"""Conservative casualty and people counts, the way ACLED codes them: which kind each count of people is
(killed, injured, arrested, displaced, abducted, surrendered; the keyword nearest the number decides), whether it
is one event's toll or a running total, and counts joined by "and" sharing one verb. The numbers themselves
(written, vague, qualified, not a count of people) are read by tasks/extract/quantities.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tasks.word_gates import gated
from tasks.extract.count_cues import COMMA_ONLY as _COMMA_ONLY, COMPOUND_KILLED as _COMPOUND_KILLED, DEATHS_NOUN as _DEATHS_NOUN, \
    SHARE_OF_COUNTED_THINGS as _SHARE_OF_COUNTED_THINGS, SHARE_OF_THINGS as _SHARE_OF_THINGS, SPEAKER as _SPEAKER, \
    TWO_PLACES_AFTER as _TWO_PLACES_AFTER
from tasks.extract.quantities import QUALIFIER, Quantity, find_quantities, person_follows

# What a count counts: the keyword nearest the number decides (see find_counts).
KIND_WORDS: dict[str, str] = {
    "killed": r"killed|killings?|kills|dead|died|dying|deaths?|lives|fatalities|slain|massacred|executed|eliminated|martyred|"
              r"perished|murdered|beheaded|burned alive|burnt alive|bodies|body|shot dead|lost their lives|"
              r"fatally shot|gunned down|mowed down|massacre of|the bodies of",
    "injured": r"injured|injuring|injuries|injures|wounded|wounding|wounds|hurt|maimed",  # (headlines: "kills 5, wounds 11")
    "displaced": r"displaced|displacing|displacement|fled|fleeing|flee|forced to flee|idps|homeless|uprooted|"
                 r"evacuated|sheltering|taken refuge|sought refuge|seeking refuge|refugees",
    "arrested": r"arrested|arresting|arrests|detained|detaining|detentions|rounded up|apprehended|"
                r"taken into custody|in custody|nabbed|held in|were held",
    "abducted": r"abducted|abducting|kidnapped|kidnapping|taken hostage|forcibly disappeared",
    "surrendered": r"surrendered|surrendering|defected|laid down (?:their|his) arms",
}
# "killed or injured", "killed and wounded" counted together: ACLED codes fatalities only where the deaths
# can be told apart, so such a count is 'casualties', never a death toll.
_JOINT_CASUALTY = r"(?:killed|dead|died|killing)\s+(?:or|and|and/or|&)\s+(?:injured|wounded|maimed|hurt|injuring|wounding)"
_JOINT_AFTER = re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?(?:(?:were|was|have been|had been|are|been)\s+)?(?:among\s+(?:the\s+)?)?{_JOINT_CASUALTY}\b"
                          r"|^\s*(?:[\w-]+\s+){0,2}?casualties\b", re.IGNORECASE)
_JOINT_BEFORE = re.compile(rf"\b{_JOINT_CASUALTY}\s+(?:(?:{QUALIFIER})\s+)?$", re.IGNORECASE)
_KIND_AFTER = {k: re.compile(rf"^[^.;:]{{0,45}}?\b(?:{v})\b", re.IGNORECASE) for k, v in KIND_WORDS.items()}
# The kind's word right after the number, or after "people were": "12 killed", "300,000 displaced"
_KIND_RIGHT_AFTER = {k: re.compile(rf"^\s*(?:(?:people|others|more|civilians|soldiers|troops)\s+)?(?:(?:were|was|have been|had been|are)\s+)?"
                                   rf"(?:{v})\b", re.IGNORECASE) for k, v in KIND_WORDS.items()}
# A headline's present tense right before the number: "Junta troops kill two protesters" (only before it:
# after a number, "three men tried to kill" tells no deaths)
_VERB_BEFORE_ONLY = {"killed": "kill"}
_KIND_BEFORE = {
    # "killed and burned 18 villagers": a second verb sharing the object keeps the first verb's kind
    k: re.compile(rf"\b(?:{v}{'|' + _VERB_BEFORE_ONLY[k] if k in _VERB_BEFORE_ONLY else ''})\b(?:\s+(?:and|then)\s+[a-z]+ed)?"
                  rf"(?:\s+(?:{QUALIFIER}|the|of|to|nearly|about|some))*\s*$", re.IGNORECASE)
    for k, v in KIND_WORDS.items()
}
_COUPLE_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?couple\b(?!\s+of\b)", re.IGNORECASE)
# a second group of people joined to a counted one: "three civilians and two fighters", "a woman and her two sons"
_NO_VERB_WORD = r"(?!(?:were|was|are|is|have|has|had|been|and|or)\b)(?![\w'’-]*(?:ed|ing)\b)[\w'’-]+"
_COORDINATED = re.compile(rf"\s+(?:{_NO_VERB_WORD}\s+){{0,2}}?{_NO_VERB_WORD}(?:\s+(?:and|as well as)|,(?:\s+and)?)\s+"
                          r"(?:(?:her|his|their)\s+)?", re.IGNORECASE)  # (no verb between: not "15 people were killed
# and 34 others [were wounded]"); a comma joins groups too, as headlines do ("kills 3 students, 1 teacher")
# "the death toll from Tuesday's air strike on a village in X has risen to 31": the toll's words stand far back
_TOLL_ROSE_BEFORE = re.compile(r"\b(?:death toll|toll)\b[^.;]{0,90}?\b(?:rose|risen|rises|climbed|reached|increased|jumped|stands|stood)"
                               r"\s+(?:to\s+|at\s+)?(?:at least\s+)?$", re.IGNORECASE)
# "the death toll rose to 15", "lost 12 soldiers"; a comma ends the clause ("lost their lives, a rescuer said")
_TOLL_BEFORE = re.compile(r"\b(?:death toll|toll|lost|leaving|left)\b[^.;,]{0,25}$", re.IGNORECASE)

BACKGROUND_CUES = gated(re.compile(
    r"\bsince (?:the (?:\d{4} )?(?:coup|military (?:coup|takeover)|takeover|putsch)|the military (?:seized|took) power|"
    r"(?:february |feb\.? )?2021|the start of the conflict)|\boverall\b|\bnationwide\b|across (?:the country|myanmar)|"
    r"\bin the (?:past|last) (?:two|three|four|\d) years\b|\bin total since\b",
    re.IGNORECASE,
))
# A whole year or several months counted together: "last year", "in 2024", "so far this year", an annual
# report ranking countries. ACLED codes none of these as an event; they are figures.
AGGREGATE_CUES = gated(re.compile(
    r"\b(?:last|the previous|the past) year\b|\b(?:in|during|throughout) (?:the whole of |all of )?(?:19|20)\d\d\b(?!\s*[-–/])|"
    r"\bso far this (?:year|month)\b|\bsince (?:the (?:start|beginning) of (?:the|this) year|jan(?:uary)?|feb(?:ruary)?|"
    r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|"
    r"\bannual (?:report|survey|review|monitor)\b|\bin any (?:other )?country\b|\b(?:year|months)-long\b",
    re.IGNORECASE,
))
# "No one was killed", "there were no casualties": the toll is known to be zero, unlike a report with no number.
NOBODY_KILLED = gated(re.compile(r"\b(?:no(?:body| one|-one)\s+(?:was\s+|were\s+|had been\s+)?(?:killed|hurt|injured|harmed|died)|"
                           r"no (?:casualt(?:y|ies)|deaths?|fatalit(?:y|ies)|loss of (?:life|lives)|injur(?:y|ies)|one (?:was )?(?:killed|hurt|injured))|"
                           r"without (?:any )?casualties|no reports? of (?:any )?casualties)\b",
                           re.IGNORECASE))
CUMULATIVE_CUES = gated(re.compile(
    r"\bsince\b|\bso far\b|\bto date\b|\bin total\b|\ba total of\b|\brecent (?:violence|fighting|clashes|weeks|months|offensive)|"
    r"\bover the (?:past|last)\b|\bthis year\b|\bin recent (?:weeks|months)\b|\bcumulative\b|\bhave been displaced\b|"
    r"\bin (?:a|the) (?:series|string|spate|wave) of\b|"
    r"\bhas displaced\b|\bhave fled\b|\bare (?:now )?sheltering\b|\bremain displaced\b|"
    r"\b(?:over|in|within) (?:the )?(?:two|three|four|five|six|seven|several|\d) days\b|"
    r"\b(?:during|in|over|throughout) (?:the )?(?:two|three|four|five|six|seven|several|\d+)-day\b",  # "the three-day clashes"
    re.IGNORECASE,
))


# Several days counted together, wherever told in the sentence: "For the second day in a row, ... killing eight".
_MANY_DAYS = re.compile(r"\bfor the (?:second|third|fourth|fifth) (?:straight |consecutive )?day(?: in a row)?\b|"
                        r"\b(?:two|three|four|five|six|seven|several|\d) (?:consecutive|straight) days\b", re.IGNORECASE)
_RELATIVE = re.compile(r"(?<=\band )(?:her|his|their)\s+(?:\w+\s+)?(?:son|daughter|child|husband|wife|mother|father|"
                       r"brother|sister|grandson|granddaughter|baby|nephew|niece)\b", re.IGNORECASE)
_ANOTHER_ONE = re.compile(r"(?<=\band )another(?=\s)", re.IGNORECASE)
# "and another died on the way to hospital": one more, told by its death alone
_DIED_AFTER = re.compile(r"\s+(?:later\s+|also\s+)?(?:died|was killed|succumbed|was shot dead)\b", re.IGNORECASE)
_ONE_PERSON_NOUN = (r"(?:man|woman|boy|girl|child|baby|infant|monk|nun|teacher|student|farmer|villager|resident|civilian|"
                    r"administrator|officer|soldier|policeman|fighter|driver|doctor|nurse|journalist|reporter|leader|"
                    r"chairman|headman|official|commander|member|worker|trader|shopkeeper|pastor|priest|abbot|protester|activist|youth|"
                    r"wife|husband|son|daughter|mother|father|brother|sister|grandson|granddaughter|nephew|niece)")
# (a relative by a possessive too: "His wife was also killed" is one more dead)
_ONE_PERSON = re.compile(rf"(?<![\w-])(?:(?:the|The|an?|An?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:\d{{1,3}}-year-old\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_ONE_PERSON_NOUN}(?=\s+(?:was|had been)\s+(?:also\s+)?(?:\w+ly\s+)?"
                         rf"(?:killed|shot dead|shot and killed|beaten to death|stabbed to death|executed|murdered|slain)\b)|"
                         rf"(?:(?<=killing )|(?<=killed )|(?<=kills )|(?<=shot dead ))(?:an?\s+)?\d{{1,3}}-year-old\s+(?:{_ONE_PERSON_NOUN}\b|[A-Z][a-z]+\b)|"
                         # a person named with a Burmese honorific: "Mg Ko Naing was killed", "Daw Hla Hla was shot dead"
                         rf"\b(?:U|Daw|Ko|Ma|Mg|Maung|Saw|Naw|Sai|Nang|Mi|Nan|Khun)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,3}}"
                         # (state media: "U Maung Zaw (aka) Moha Rik (42) died on the spot")
                         rf"(?=(?:\s*\((?:aka|a\.k\.a\.?)\)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,3}})?(?:\s*\(\d{{1,3}}(?:\s+years?\s+old)?\))?"
                         rf",?\s+(?:\d{{1,3}},\s+)?(?:died on the spot\b|(?:was|had been)\s+(?:\w+ly\s+)?(?:killed|shot dead|shot and killed|"
                         rf"beaten to death|stabbed to death|executed|murdered|slain)\b)))")
_SUBSET_BEFORE = re.compile(r"\b(?:including|among them|among whom|of whom|of them|of which|mostly|mainly)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Count:
    kind: str          # killed | injured | casualties (killed and injured together) | displaced | arrested | abducted | surrendered
    value: int
    scope: str         # event | cumulative | background
    start: int
    end: int
    text: str


_ELLIPTICAL = re.compile(r"^\s*(?:overall|in total|altogether|since|so far|more|others?|people|civilians|,|\.|;|$)(?![a-z])"
                         r"(?!\s+(?:were|was|have|had|are|got)\b)(?!\s*(?:—|–|\.\s*\.|…))", re.IGNORECASE)
# (a count cut off by a dash or an ellipsis, "34 others—including. . .", shows no verb to inherit)
_OF_PEOPLE = re.compile(r"^\s*(?:of|more|others?|other)\b", re.IGNORECASE)


_ASIDE = re.compile(r",\s*(?:including|among them|among whom|most of them|many of them|mostly|all of them|such as)\b[^,.;]{0,90},",
                    re.IGNORECASE)
_MONTH_WORD = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_WORD}\s+(?:\d{{1,2}}\s*(?:-|–|to|and)\s*)?$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s*)?(?:of\s+)?{_MONTH_WORD}(?![a-z])",
                          re.IGNORECASE)


# ", in the latest atrocity since the coup": a comment on the event, whose history is not the count's scope
_APPOSITIVE = re.compile(r",\s+(?:in\s+)?(?:the|what|a|an)\s+(?:latest|worst|deadliest|first|second|third|biggest|largest|"
                         r"most|single)\b", re.IGNORECASE)


def _appositive_start(text: str, start: int, end: int) -> int:
    m = _APPOSITIVE.search(text, start, end)
    return m.start() if m else end


def _in_date(text: str, q: Quantity) -> bool:
    """ "between May 17 and 19", "on 5 November": a day of the month, not a count of people."""
    if not q.text[:1].isdigit():
        return False
    return bool(_MONTH_BEFORE.search(text[max(0, q.start - 16):q.start]) or _MONTH_AFTER.match(text[q.end:q.end + 24]))


# "A senior citizen from the ward of X in the town was killed": one person, the verb told far after the
# noun but in the singular and before any other count or clause break.
_ONE_KILLED_AFTER = re.compile(r"[^.;:,]{0,100}?\bwas\s+(?:\w+ly\s+)?(?:also\s+)?(?:killed|shot dead|shot and killed|"
                               r"beaten to death|stabbed to death|executed|murdered|slain)\b", re.IGNORECASE)


_KILLED_CLAUSE = re.compile(r"^\s*(?:[\w-]+\s+){1,2}?(?:who|that)\s+(?:were|was|had been|have been)\s+(?:\w+ly\s+)?"
                            r"(?:killed|shot dead|slain|executed|massacred)\b", re.IGNORECASE)


# "a family of five": the family is the number of people it names, not one
_FAMILY_OF_BEFORE = re.compile(r"\b(?:a|an|the|one)\s+(?:(?:whole|entire|extended)\s+)?family\s+of\s+$", re.IGNORECASE)
_FAMILY_OF_AFTER = re.compile(r"\s+(?:(?:whole|entire|extended)\s+)?family\s+of\s+(?:\d|[a-z])", re.IGNORECASE)


# "a resident who helped bury the dead", "a witness who saw the bodies": the source of the count, not one of it
_WITNESS_OF_DEAD = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?who\s+(?!(?:was|were|had|has|have|died|got|is)\b)[^.;,]{0,40}?"
                              r"\b(?:bodies|body|dead|corpses?|remains)\b", re.IGNORECASE)


def _kind_of(text: str, q: Quantity, next_start: int) -> str | None:
    if _SHARE_OF_THINGS.match(text[q.end:q.end + 50]):
        return None
    if q.text.lower() in ("a", "an", "one") and _WITNESS_OF_DEAD.match(text, q.end, next_start):
        return None
    if q.text.lower() in ("a", "an") and _ONE_KILLED_AFTER.match(text, q.end, next_start):
        return "killed"
    after = text[q.end:min(next_start, q.end + 60)]
    if _JOINT_AFTER.match(after) or _JOINT_BEFORE.search(text[max(0, q.start - 40):q.start]):
        return "casualties"
    head = after.split(",", 1)[0]
    aside = _ASIDE.match(text, q.end + len(head)) if "," in after else None
    if aside is not None:  # "Five civilians, among them ..., were killed": read on after the aside
        after = head + " " + text[aside.end():aside.end() + 60]
    if _KILLED_CLAUSE.match(after):
        return "killed"  # "29 IDPs who were killed": the verb, not the noun ("IDPs", "refugees"), says what they count
    direct = next((k for k, p in _KIND_RIGHT_AFTER.items() if p.match(after)), None)
    if direct:
        return direct  # "12 killed", "300,000 displaced"
    if _TOLL_BEFORE.search(text[max(0, q.start - 40):q.start]) and re.search(r"toll", text[max(0, q.start - 40):q.start], re.I) \
            or _TOLL_ROSE_BEFORE.search(text, max(0, q.start - 130), q.start):
        return "killed"  # "the death toll rose to 15"
    if _DEATHS_NOUN.match(after) or person_follows(after) and _COMPOUND_KILLED.match(text[q.end:q.end + 150]):
        return "killed"  # "three regime deaths"; "Six junta soldiers and Pyu Saw Htee members were killed"
    family = _FAMILY_OF_BEFORE.search(text, max(0, q.start - 30), q.start)
    lo = family.start() if family else q.start  # "killed a family of five": the verb stands before the family
    before = text[max(0, lo - 40):lo]
    # a verb of any kind right before a bare number: "fatally shot more than 30 and burned ...", "killing five and wounding 11, they said"
    kind_before = next((kind for kind, p in _KIND_BEFORE.items() if p.search(before)), None)  # (asked once, used twice)
    verb_before = kind_before is not None and re.match(r"^\s*(?:and|,|\.|;|$)", after)
    if not (family or person_follows(after) or _OF_PEOPLE.match(after) or not after.strip(" ,.") or verb_before):
        return None  # "40 houses", "3 trucks": not people
    # "killing a villager and injuring three others": a verb right before the number wins, then the
    # nearest keyword after it ("10 people were killed").
    if kind_before is not None:
        return kind_before
    for kind, pattern in _KIND_AFTER.items():
        if pattern.match(after):
            return kind
    if _TOLL_BEFORE.search(before) and person_follows(text[q.end:q.end + 30] or " dead"):
        return "killed"
    return None


def aggregate_governs(text: str, start: int, end: int) -> bool:
    """Is what text[start:end] tells counted over a whole year or several months ("killed by landmines
    last year", "So far this year, ...")? Only a cue in its own clause, or opening the sentence, counts:
    in "The MNDAA, which took the town last year, handed it back on Tuesday" the year is the aside's."""
    for cue in AGGREGATE_CUES.finditer(text):
        lo, hi = (cue.end(), start) if cue.start() < start else (end, cue.start())
        if not re.search(r"[,;:]", text[lo:hi]) or not text[:cue.start()].strip():
            return True
    return False


def _scope_of(segment: str) -> str:
    if BACKGROUND_CUES.search(segment):
        return "background"
    if CUMULATIVE_CUES.search(segment):
        return "cumulative"
    return "event"


@lru_cache(maxsize=8192)
def find_counts(text: str) -> tuple[Count, ...]:
    """Counts of people with their kind and scope. Elliptical coordinated counts inherit their kind:
    "300,000 people have been displaced ..., and more than 2 million overall since the coup"."""
    # "including nine children" / "among them two monks" is a part of a count already made
    quantities = [q for q in find_quantities(text) if not _SUBSET_BEFORE.search(text[max(0, q.start - 20):q.start])
                  and not _in_date(text, q)
                  and not (q.text.lower() in ("a", "an", "one") and _FAMILY_OF_AFTER.match(text, q.end))]
    # "an elderly couple": two people
    quantities = [Quantity(2, q.start, q.end, q.text, q.qualifier) if q.text.lower() in ("a", "an") and _COUPLE_AFTER.match(text, q.end)
                  else q for q in quantities]
    # "killing a woman and her son": the relative is one more of the same; so is "and another civilian"
    quantities += [Quantity(1, m.start(), m.end(), m.group(0), None) for m in _RELATIVE.finditer(text)]
    quantities += [Quantity(1, m.start(), m.end(), m.group(0), None) for m in _ANOTHER_ONE.finditer(text)
                   if person_follows(text[m.end():m.end() + 40]) or _DIED_AFTER.match(text, m.end())]
    # "Five civilians, among them a woman and her son, were killed": what is inside the aside is part of
    # the count before it, and the count's verb comes after the aside
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text)]
    quantities = [q for q in quantities if not any(a < q.start < b for a, b in asides)]
    quantities.sort(key=lambda q: q.start)
    kinds: list[str | None] = []
    for i, q in enumerate(quantities):
        nxt = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        kinds.append(_kind_of(text, q, nxt))
    for i, q in enumerate(quantities):  # "a woman and her son"
        if kinds[i] is None and i > 0 and kinds[i - 1] and _RELATIVE.fullmatch(q.text):
            kinds[i] = kinds[i - 1]
    for i in range(len(quantities)):  # inherit forward ("..., and more than 2 million overall")
        if kinds[i] is None and i > 0 and kinds[i - 1] and _ELLIPTICAL.match(text[quantities[i].end:]) and re.search(r"(?:,|\band\b|\bwhile\b)", text[quantities[i - 1].end:quantities[i].start]):
            kinds[i] = kinds[i - 1]
        elif kinds[i] is None and i > 0 and kinds[i - 1] and _COORDINATED.fullmatch(text, quantities[i - 1].end, quantities[i].start) \
                and person_follows(text[quantities[i].end:quantities[i].end + 40]) \
                and not re.match(r"\s+of\b", text[quantities[i].end:]) \
                and not (_COMMA_ONLY.fullmatch(text, quantities[i - 1].end, quantities[i].start) and _SPEAKER.match(
                    f"{quantities[i].text}{text[quantities[i].end:quantities[i].end + 50]}")):
            kinds[i] = kinds[i - 1]  # "killing three civilians and two fighters", "a woman and her two sons"
    for i in reversed(range(len(quantities))):  # and backward ("7 soldiers and 3 civilians were killed")
        if kinds[i] is None and i + 1 < len(quantities) and kinds[i + 1]:
            between = text[quantities[i].end:quantities[i + 1].start]
            if re.fullmatch(r"[\w\s'’-]{0,30}?(?:,|\band\b)\s*", between):
                kinds[i] = kinds[i + 1]
    counts: list[Count] = []
    for i, (q, kind) in enumerate(zip(quantities, kinds)):
        if kind is None:
            continue
        seg_end = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        seg_end = _appositive_start(text, q.end, seg_end)
        scope = _scope_of(text[q.start:seg_end])
        if scope == "event" and i == len(quantities) - 1 and len(quantities) == 1:
            scope = _scope_of(text[:seg_end])
        if scope == "event" and aggregate_governs(text, q.start, q.end):
            scope = "cumulative"  # "Landmines killed 12 civilians and wounded 30 so far this year"
        if scope == "event" and _MANY_DAYS.search(text):
            scope = "cumulative"
        if scope == "event" and _TWO_PLACES_AFTER.match(text, q.end):
            scope = "cumulative"  # "killed nine residents of Kyauktaw and neighbouring Paletwa": two places' dead
        if scope == "event" and any(_SHARE_OF_COUNTED_THINGS.match(text[o.end:o.end + 50]) for o in quantities):
            scope = "cumulative"  # "Forty-nine of the explosions were in Shan, killing nine": a share of a total

        counts.append(Count(kind, q.value, scope, q.start, q.end, q.text))
    # "The ward administrator was shot dead", "killing 4-year-old boy": one person, though no "a" counts him
    for m in _ONE_PERSON.finditer(text):
        if not any(q.start < m.end() and m.start() < q.end for q in quantities) and _scope_of(text) == "event":
            counts.append(Count("killed", 1, "event", m.start(), m.end(), m.group(0)))
    return tuple(sorted(counts, key=lambda c: c.start))
