"""Townships and towns spelled another way than MIMU's English, found at match time by a spelling key.

"Chan Mya Thazi", "Chanmyatharzi" (MIMU Chanmyathazi), "Tharketa" (Thaketa), "Demawso" (Demoso),
"Kyimyindaing" (Kyeemyindaing), "Kyaikhto" (Kyaikto): syllables written apart, a silent "r" after a vowel
("thar" for "tha"), "ee"/"i", "aw"/"o", an aspirated "kh"/"k", "sh"/"hs" ("Mongshu", Monghsu), the Shan
"Murng" for "Mong", doubled letters. UCDP's 2021 place descriptions (dev half) spell a fifth of the places
the gazetteer misses this way. A spelling key folds those differences; a run of capitalised words the matcher
did not find, or found only as a village tract ("Mong Ton Township": also a tract near Kengtung), and whose
key is the key of a MIMU township or town (and of no other place of another township) becomes a place
mention. Only townships and towns: a village tract's short name folded this loosely matches ordinary words;
keys of five letters count only for a whole name written in syllables apart ("Lai-Kha", Laihka), never for
a part of a longer name ("Kayan Hta Lay" is a village, not Tarlay). bench/eval_ucdp_places.py measures it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from tasks.knowledge import Mention

_MIN_KEY = 6          # shorter keys collide with ordinary words
_MIN_KEY_SPLIT = 5    # ... but a whole name written in syllables apart ("Lai-Kha", Laihka) is a name, not a word
_LEVEL_WORDS = frozenset({"Township", "Town", "City", "District", "State", "Region", "Division"})
_LEVELS = ("township", "town")
# A run of capitalised words not glued to a word before it. The capital comes first and the look back
# after it (at the character before the capital): a pattern opening with a capital lets the matcher skip
# to the capitals, where one opening with the look back was tried at every character of the article.
_RUN = re.compile(r"[A-Z](?<![\w'’-].)[a-z]+(?:[ -][A-Z][a-z]+){0,3}(?![\w'’-])")
_WORD = re.compile(r"[A-Z][a-z]+")
_FOLDS = (
    (re.compile(r"(?<![a-z])mu(?=r?ng)"), "mo"),     # Shan "Murng Nai", "Mung Yai" -> "mong": Mongnai, Mongyai
    (re.compile(r"(?<=[aeiou])r(?![a-z])"), ""),     # "Kyar Inn" -> "kya inn": the word's silent "r", before the join
    (re.compile(r"[^a-z]"), ""),
    (re.compile(r"(?<=[aeiou])r(?![aeiou])"), ""),   # "thar" -> "tha", "yar" -> "ya"
    (re.compile(r"ee|ii|ey"), "i"),
    (re.compile(r"aw|oe"), "o"),
    (re.compile(r"(?<=n)t(?=[b-df-hj-np-tv-z])"), ""),  # "Kantbalu" -> "kanbalu": a creaky "n" written "nt"
    (re.compile(r"(?<=[kpts])h|h(?=[kpts])"), ""),    # "kh"/"hk" -> "k", "th"/"ht" -> "t", "ph"/"hp", "sh"/"hs"
    (re.compile(r"([a-z])\1+"), r"\1"),               # "Myawaddy" / "Myawady"
)


@lru_cache(maxsize=65536)   # the same capitalised runs ("The Irrawaddy", "Sagaing Region") recur in every article
def spelling_key(name: str) -> str:
    """'Chan Mya Thazi', 'Chanmyatharzi' and 'Chanmyathazi' -> one key."""
    key = name.lower()
    for pattern, repl in _FOLDS:
        key = pattern.sub(repl, key)
    return key


_INDEXES: dict[str, dict[str, tuple[str, ...]]] = {}   # per knowledge version


def _index(knowledge) -> dict[str, tuple[str, ...]]:
    """Spelling key -> place ids of the townships and towns with that key (one township's town and
    township share it; a key shared across townships is dropped as ambiguous)."""
    if knowledge.version not in _INDEXES:
        _INDEXES[knowledge.version] = _build_index(knowledge)
    return _INDEXES[knowledge.version]


def _build_index(knowledge) -> dict[str, tuple[str, ...]]:
    found: dict[str, list] = {}
    for place in knowledge.places.values():
        if place.level in _LEVELS and place.country_iso == "MMR":
            key = spelling_key(place.name_en)
            if len(key) >= _MIN_KEY_SPLIT:
                found.setdefault(key, []).append(place)
    return {key: tuple(p.place_id for p in places) for key, places in found.items()
            if len({p.township_pcode for p in places}) == 1}


def with_variant_places(knowledge, text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` plus place mentions for names spelled another way (see module doc). A longer name wins
    over the shorter place names inside it ("Chan Mya Thazi" is not Thazi Township)."""
    index = _index(knowledge)
    starts = [m.start for m in mentions]   # sorted: the matcher returns mentions in text order
    found: list[Mention] = []
    dropped: set[int] = set()
    for run in _RUN.finditer(text):
        if run.end() - run.start() < _MIN_KEY_SPLIT:
            continue  # "The", "Army": no span inside can fold to a key that long (folding only shortens)
        words = list(_WORD.finditer(run.group(0)))
        i = 0
        while i < len(words):
            hit = None
            for j in range(len(words), i, -1):   # longest first
                start, end = run.start() + words[i].start(), run.start() + words[j - 1].end()
                if end - start < _MIN_KEY_SPLIT:
                    break   # folding only shortens: no key of a shorter span is long enough
                whole = i == 0 and all(word.group(0) in _LEVEL_WORDS for word in words[j:])
                hit = _variant_at(knowledge, index, text, mentions, starts, start, end, split_name=whole and j - i > 1)
                if hit:
                    hit = (j, *hit)
                    break
            if hit is None:
                i += 1
                continue
            found.append(hit[1])
            dropped.update(hit[2])
            i = hit[0]
    if not found:
        return mentions
    kept = [m for n, m in enumerate(mentions) if n not in dropped]
    return sorted([*kept, *found], key=lambda m: (m.start, -m.end))


def _variant_at(knowledge, index, text: str, mentions: list[Mention], starts: list[int], start: int, end: int,
                split_name: bool) -> tuple[Mention, list[int]] | None:
    """The township or town `text[start:end]` spells, with the matcher's mentions it replaces (`split_name`: the
    span is a whole capitalised run of several words, level words after it aside); None when the
    matcher read another kind of name there, or read the span whole as a township or town itself. A span it
    read as a village tract only ("Mong Ton", a tract in Kengtung) may still be the township ("Mong Ton
    Township", Mongton): both readings are kept, for the words after it and the article to decide."""
    inside = [n for n in range(bisect_left(starts, start - 80), bisect_left(starts, end))
              if mentions[n].start < end and start < mentions[n].end]
    tracts: tuple[str, ...] = ()
    for n in inside:
        mention = mentions[n]
        if mention.kind != "place" or mention.start < start or mention.end > end:
            return None   # another kind of name inside, or a name reaching out of the span
        if (mention.start, mention.end) == (start, end):
            if not all(getattr(knowledge.places.get(ref), "level", "") == "village_tract" for ref in mention.ref_ids):
                return None   # the matcher read the span whole as a place above a village tract
            tracts = mention.ref_ids
    key = spelling_key(text[start:end])
    if len(key) < (_MIN_KEY_SPLIT if split_name else _MIN_KEY):
        return None
    ids = index.get(key)
    if not ids:
        return None
    return Mention("place", tuple(dict.fromkeys((*ids, *tracts))), start, end, text[start:end]), inside

