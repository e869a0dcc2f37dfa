"""Burmese text rules: sentences and counts of people, with offsets into the original text (dates:
tasks/lang/my_dates.py).

* A sentence ends at ။ (the full stop; ၊ is a comma and does not end one), ? or !, or a line break.
* Numbers are Burmese digits (၀-၉, with ဝ standing in for zero between digits as typists do), ASCII
  digits, or numeral words ("နှစ်ဆယ့်ငါး" 25). A count of people is a number with a person
  classifier (ဦး, ယောက်); numeral words count only with a classifier, since "နှစ်" is also "year".
  Qualifiers are kept conservative, as for English: ကျော် (over), ခန့်/လောက် (about), နီးပါး (nearly),
  အနည်းဆုံး (at least) all give the number itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.extract.numbers import Count
from tasks.extract.sentences import Sentence
from tasks.lang.my_words import Words, load_words

_SENTENCE_END = re.compile(r"[\u104b?!]+")
DIGIT = "[0-9\u1040-\u1049]"
NUMBER = rf"{DIGIT}(?:[{','}\u101d]?{DIGIT})*"  # ဝ (wa) typed for ၀ (zero) inside a number
COUNT_WINDOW = 40


def split_sentences(text: str) -> list[Sentence]:
    """Sentences (with paragraph numbers: one line, one paragraph) and offsets into `text`."""
    sentences: list[Sentence] = []
    paragraph = 0
    for line in re.finditer(r"[^\n]+", text):
        cursor = line.start()
        cuts = [m.end() for m in _SENTENCE_END.finditer(text, line.start(), line.end())] + [line.end()]
        for cut in cuts:
            s, e = cursor, cut
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                sentences.append(Sentence(text[s:e], s, e, paragraph, len(sentences)))
            cursor = cut
        paragraph += 1
    return sentences


def digits_value(raw: str) -> int | None:
    cleaned = raw.replace(",", "").replace("\u101d", "0")
    cleaned = "".join(str(ord(c) - 0x1040) if "\u1040" <= c <= "\u1049" else c for c in cleaned)
    return int(cleaned) if cleaned.isdigit() else None


def words_value(words: Words, raw: str) -> int | None:
    """'နှစ်ဆယ့်ငါး' -> 25, 'သုံးရာ' -> 300, 'ဆယ်' -> 10 (units then multipliers, read left to right)."""
    numerals = words.kind("numeral")
    pattern = _numeral_pattern(words)
    total, current, pos = 0, 0, 0
    for match in pattern.finditer(raw):
        if match.start() != pos:
            return None
        value = int(numerals[match.group(0)])
        if value >= 10:
            total += (current or 1) * value
            current = 0
        else:
            current = value
        pos = match.end()
    if pos != len(raw) or pos == 0:
        return None
    return total + current


@lru_cache(maxsize=4)
def _numeral_pattern(words: Words) -> re.Pattern[str]:
    return re.compile(words.alternation("numeral"))


@lru_cache(maxsize=4)
def _count_pattern(words: Words) -> re.Pattern[str]:
    numeral = words.alternation("numeral")
    return re.compile(
        rf"(?:(?P<before>{words.alternation('qualifier_before')})\s*)?"
        rf"(?:\(?\s*(?P<num>{NUMBER})\s*\)?\s*(?P<scale>{numeral})?|(?P<words>(?:{numeral})+)|(?P<vague>{words.alternation('vague_number')}))"
        rf"\s*(?P<cls>{words.alternation('person_classifier')})"
        rf"(?:\s*(?P<after>{words.alternation('qualifier_after')}))?")


@lru_cache(maxsize=4)
def _next_count_pattern(words: Words) -> re.Pattern[str]:
    """The next count of people in a window (a bracketed one too: "(၂)ဦး"; one spelled out too: "သုံးဦး
    ပစ်ခတ်ခံရပြီး နှစ်ဦးသေဆုံး", three shot and two died), which ends the window."""
    return re.compile(rf"(?:\(?\s*{NUMBER}\s*\)?|(?<![\u1000-\u109f])(?:{words.alternation('numeral')})+)"
                      rf"\s*(?:{words.alternation('person_classifier')})")


# "သေ" (die) alone is also the first syllable of "သေနတ်" (gun) and "သေချာ" (sure): only before a clause end;
# so is "ကျ" (fell, of fighters) short for ကျဆုံး, also "ကျော်" (over), "ကျရောက်" (landed)
_DIED = "|သေ(?=\\s|$|[\u104a\u104b]|ပြီ|သွား|ခဲ့|ကြ|ကာ|၍|သည်)|ကျ(?=ကာ|ပြီး|သွား|ခဲ့|\\s*[\u104a\u104b])" \
    "|(?<!ကန့်)(?<!ပိုး)(?:သတ်ဖြတ်|သတ်)(?=ခဲ့|ပြီး|ကာ|၍|[ \t]*[\u104a\u104b\n])"   # "ခြောက်ဦး ကျကာ" (six fell): ကျ alone is also "fall", "drop"
# and the bare "killed" (ရွာသား ၂ ဦးကို သတ်ခဲ့; a headline's "...ကို ဖမ်းဆီးသတ်ဖြတ်၊"), not "restricted" (ကန့်သတ်) or
# "disinfected" (ပိုးသတ်)


@lru_cache(maxsize=4)
def _kind_patterns(words: Words) -> list[tuple[str, re.Pattern[str]]]:
    kinds = ("killed", "injured", "arrested", "displaced")
    return [(k, re.compile(words.alternation(k) + (_DIED if k == "killed" else ""))) for k in kinds]


@lru_cache(maxsize=4)
def _bare_count_pattern(words: Words) -> re.Pattern[str]:
    """Digits with no classifier right before the verb: "စစ်သား၃၀ကျော်သေဆုံး" (30-odd soldiers died)."""
    verbs = "|".join(words.alternation(k) for k in ("killed", "injured"))
    return re.compile(rf"(?<![\u1040-\u10490-9])(?:\(?(?P<num>{NUMBER})\)?|(?P<vague>{words.alternation('vague_number')}))"
                      rf"\s*(?:{words.alternation('qualifier_after')})?\s*"
                      rf"(?=(?:{verbs}))")


PERIOD_WINDOW = 90   # characters before a count in which "within N weeks" or "from the 9th to the 15th" make it a total


@lru_cache(maxsize=4)
def _period_pattern(words: Words) -> re.Pattern[str]:
    """"၁ ပတ်အတွင်း" (within a week), "သုံးလအတွင်း" (within three months): a count after it adds up
    several days' events (the coding guide: a total over several days is not one event's toll), as does
    one after a span of days ("၉ ရက်ကနေ ၁၅ ရက်အထိ", from the 9th to the 15th)."""
    return re.compile(rf"(?:{NUMBER}|{words.alternation('numeral')})\s*\)?\s*(?:ပတ်|လ|နှစ်|ရက်)\s*(?:တာ)?\s*အတွင်း"
                      rf"|{NUMBER}\s*\)?\s*ရက်(?:နေ့)?\s*(?:ကနေ|မှ)\s*\(?\s*{NUMBER}\s*\)?\s*ရက်(?:နေ့)?\s*(?:အထိ|ထိ)")


def count_value(words: Words, match: re.Match[str]) -> int | None:
    if match.group("vague"):
        return int(words.kind("vague_number")[match.group("vague")])
    if match.group("words"):
        return words_value(words, match.group("words"))
    value = digits_value(match.group("num"))
    if value is not None and match.group("scale"):
        value *= int(words.kind("numeral")[match.group("scale")])
    return value


def find_counts(text: str, words: Words | None = None) -> list[Count]:
    """Counts of people killed/injured/arrested/displaced: the verb after the count (or just before it:
    "သေဆုံးသူ ၅ ဦး") says which; a total ("စုစုပေါင်း") is cumulative, not one event's toll."""
    words = words or load_words("my")
    counts = []
    carried, carried_start = 0, None
    for match in _count_pattern(words).finditer(text):
        value = count_value(words, match)
        if value is None or value > 1_000_000:
            continue
        after = text[match.end():match.end() + COUNT_WINDOW]
        nxt = _next_count_pattern(words).search(after)
        if nxt:
            after = after[:nxt.start()]
        if _AGENTS.match(text, match.end()) and (_OBJECT.search(after) or _KILLS_SOMEONE.search(after)):
            continue   # "လူနှစ်ဦးက အုပ်ချုပ်ရေးမှူးကို ပစ်သတ်": the two did the killing, someone else died
            # (also with the victim named before them: "ဝန်ထမ်းတစ်ဦးကို အမည်မသိ လူနှစ်ဦးက ပစ်သတ်")
        before = text[max(0, match.start() - 14):match.start()]
        # "ဒဏ်ရာရသူ ၃ ဦးနှင့် သေဆုံးသူ ၂ ဦး": a count headed by "the ones who ..." (…သူ) is of that verb
        headed = _kind_after(words, before, last=True) if _HEAD_NOUN.search(before) else None
        kind = headed or _kind_after(words, after) or _kind_after(words, before, last=True) \
            or _kind_of_object(words, text, match.end(), nxt is None)
        if kind == "arrested" and _kind_of_object(words, text, match.end(), nxt is None) == "killed":
            kind = "killed"   # "၅ ဦးကို [the militia] ဖမ်းဆီးသတ်ဖြတ်": seized, then killed, past the window
        if kind is None:
            if nxt and _COORDINATED.match(after):
                # "ကိုရင် ၁ ပါးနှင့် အမျိုးသမီး ၂ ဦး သေဆုံး": counts joined by "and" share the verb that follows
                carried, carried_start = carried + value, carried_start if carried_start is not None else match.start()
            else:
                carried, carried_start = 0, None
            continue
        scope = "cumulative" if match.group("before") in words.kind("aggregate_cue") \
            or _period_pattern(words).search(text, max(0, match.start() - PERIOD_WINDOW), match.start()) else "event"
        start = carried_start if carried_start is not None else match.start()
        counts.append(Count(kind, value + carried, scope, start, match.end(), text[start:match.end()]))
        carried, carried_start = 0, None
    taken = [(c.start, c.end) for c in counts]
    for match in _bare_count_pattern(words).finditer(text):
        value = (int(words.kind("vague_number")[match.group("vague")]) if match.group("vague")
                 else digits_value(match.group("num")))
        if value is None or value > 100_000 or any(s <= match.start() < e for s, e in taken):
            continue
        kind = _kind_after(words, text[match.end():match.end() + 12])
        if kind in ("killed", "injured"):
            total = _period_pattern(words).search(text, max(0, match.start() - PERIOD_WINDOW), match.start())
            counts.append(Count(kind, value, "cumulative" if total else "event", match.start(), match.end(), match.group(0)))
    return sorted(counts, key=lambda c: c.start)


# "စစ်ကောင်စီဘက်မှ ၂၅ ဦး သေဆုံးပြီး PDF ဘက်မှ ၃ ဦး ကျဆုံး": a count told as one side's ("X ဘက်(က|မှ)"),
# with at most a noun between ("ဘက်က တပ်သား ၅ ဦး"); or as a force's, "from X's troops" ("KIA တပ်မှ ၄ ဦး")
_SIDE = re.compile(r"(\S{0,12})\s*(?:ဘက်\s*(?:က|မှ|မှာ|တွင်|၌)?|တပ်(?:ဖွဲ့)?\s*မှ)\s*(?:လည်း)?\s*(?:[^\s\d\u1040-\u1049]{1,12}\s*)?\(?\s*$")


def side_tolls(text: str, counts: list[Count]) -> int:
    """The dead of one fight told side by side ("the junta's side 25 dead and the PDF's side 3"): the sum
    over the sides named, when two or more are; else 0. Each side's toll is part of the event's."""
    sides: dict[str, int] = {}
    for c in counts:
        side = _SIDE.search(text, max(0, c.start - 40), c.start) if c.kind == "killed" and c.scope == "event" else None
        if side:
            sides[side.group(1)] = max(sides.get(side.group(1), 0), c.value)
    if len(sides) < 2:   # else by who the dead were: "တပ်သား ၁၀ ဦး သေပြီး ရဲဘော် ၆ ဦး ကျ" (10 soldiers, 6 fighters)
        sides = {}
        for c in counts:
            member = _MEMBER.search(text, max(0, c.start - 20), c.start) if c.kind == "killed" and c.scope == "event" else None
            if member:
                key = "resistance" if member.group("resistance") else "junta"
                sides[key] = max(sides.get(key, 0), c.value)
    return sum(sides.values()) if len(sides) >= 2 else 0


# the member noun right before a count of the dead: a resistance fighter (ရဲဘော်, comrade) or a soldier or policeman
_MEMBER = re.compile(r"(?:(?P<resistance>ရဲဘော်|တော်လှန်ရေး\S{0,12}တပ်သား)|(?:စစ်သား|တပ်သား|ရဲ(?!ဘော်)))"
                     r"\s*(?:များ|တွေ)?\s*\(?\s*$")


# a count marked as the doer (…ဦးက), with the act's object after it (…ကို / …အား): the count is of the doers
_AGENTS = re.compile(r"\s*\)?\s*(?:ခန့်|လောက်|ကျော်)?\s*က(?![\u102b-\u103e\u1039\u103a])")
_OBJECT = re.compile(r"(?:ကို|အား)(?![\u102b-\u103e\u1039\u103a])")
_KILLS_SOMEONE = re.compile(r"သတ်(?:ဖြတ်)?(?![\u102b-\u103e\u1039\u103a])(?!\s*(?:ခံ|ဖြတ်ခံ))")   # killed (someone), not "was killed"
_HEAD_NOUN = re.compile(r"သူ(?:များ|တွေ)?\s*(?:စုစုပေါင်း)?\s*\(?\s*$")
# between two counts, only "and" and the next group's noun: "(၁)ပါး နှင့် အမျိုးသမီးငယ်", "၂ ဦးနဲ့ ကလေး"
_COORDINATED = re.compile(r"\s*(?:နှင့်|နဲ့|၊)\s*[^\s\u104a\u104b\d\u1040-\u1049]{0,24}\s*\(?\s*$")
OBJECT_CLAUSE = 120   # characters: "ရွာသား ၅ ဦးကို [when] [where] ပစ်သတ်ခဲ့" puts the verb far after its object


@lru_cache(maxsize=4)
def _object_pattern(words: Words) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{words.alternation('qualifier_after')})?\s*(?:ကို|အား|သည်)")


def _kind_of_object(words: Words, text: str, end: int, alone: bool) -> str | None:
    """A count marked as the object (ကို / အား) or the topic (သည်: "ရွာသား ၂ ဦးသည် [when] [where]
    ... သေဆုံးခဲ့သည်") takes the verb that ends its clause, however far."""
    rest = text[end:end + OBJECT_CLAUSE]
    if not alone:
        return None
    particle = _object_pattern(words).match(rest)
    if not particle:
        return None
    end = re.search(r"[\u104a\u104b]", rest[particle.end():])
    clause = rest[particle.end():particle.end() + end.end()] if end else rest[particle.end():]   # (its mark ends a verb)
    return _kind_after(words, clause)


def _kind_after(words: Words, window: str, last: bool = False) -> str | None:
    found = [(m.start(), kind) for kind, pattern in _kind_patterns(words) for m in pattern.finditer(window)]
    if not found:
        return None
    if any(kind == "killed" for _, kind in found):
        return "killed"   # "ဖမ်းဆီးသတ်ဖြတ်" (arrested and killed): the toll is of the dead
    return (max(found) if last else min(found))[1]


NAMED_WINDOW = 160   # characters before a word of death in which the named dead are looked for
# a title, then a name: not a plural, a count or "ရဲဘော်ရဲဘက်" (comrades)
_NOT_A_NAME = r"(?!\s*(?:များ|တွေ|တို့|ရဲဘက်|တစ်|တ(?:ဦး|ယောက်)|[\u1040-\u10490-9(]))"


@lru_cache(maxsize=4)
def _named_patterns(words: Words) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    title = re.compile(rf"(?:{words.alternation('person_title')}){_NOT_A_NAME}\s*[\u1000-\u102a\u103f-\u1049\u104c-\u109f]")
    killed = re.compile(words.alternation("killed"))
    speech = re.compile(words.alternation("speech_verb"))
    return title, killed, speech


def named_dead(text: str, words: Words | None = None) -> int:
    """How many people named with a title ("ရဲဘော် ဇော်ဇော်", "ဒုဗိုလ် ...") the sentence tells dead,
    for a sentence that gives no count: a named dead person is one firm death. A titled name followed by
    a speech verb before the death is the one who reports it, not the dead."""
    words = words or load_words("my")
    title, killed, speech = _named_patterns(words)
    verb = killed.search(text)
    if verb is None:
        return 0
    window_start = max(0, verb.start() - NAMED_WINDOW)
    named = [m for m in title.finditer(text, window_start, verb.start())
             if not speech.search(text, m.end(), verb.start())]
    return len(named)


def nobody_killed(text: str, words: Words | None = None) -> bool:
    words = words or load_words("my")
    return re.search(words.alternation("nobody_killed"), text) is not None
