"""Burmese surfaces of a gazetteer place: the suffixes news uses are handled here, not multiplied in
seeds/places.csv.

MIMU gives a township as "ပခုက္ကူမြို့နယ်" and a state as "မကွေးတိုင်းဒေသကြီး"; news also writes
"မကွေးတိုင်း", "ပခုက္ကူ မြို့နယ်" (with a space) or the bare name. A village tract name alone is a
syllable or two found inside countless words, so it only counts with a village suffix after it
(ကျေးရွာအုပ်စု, ကျေးရွာ, ရွာ), with or without a space. A sub-township (မြို့နယ်ခွဲ) is its town, so it
stays under its parent township.

News names some states otherwise than MIMU (ကရင်နီပြည် for Kayah, အာရက္ခပြည် for Rakhine, ရှမ်းမြောက်
for northern Shan) and spells some names otherwise (သျှမ်း for ရှမ်း): `place_alias` and
`spelling_variant` rows of seeds/language_words.csv, keyed by the MIMU name, add those surfaces.
"""

from __future__ import annotations

import re

from tasks.lang.my_words import Words, is_burmese, load_words, syllable_count

_BRACKETS = re.compile(r"\s*\([^)]*\)\s*")
MIN_SYLLABLES = 2   # a one-syllable name ("ရေး", Ye) is inside countless words: it needs its suffix


def _bare(words: Words, name: str, level: str) -> str | None:
    for suffix, suffix_level in sorted(words.kind("place_suffix").items(), key=lambda kv: -len(kv[0])):
        if suffix_level == level and name.endswith(suffix) and name[: -len(suffix)].strip():
            return name[: -len(suffix)].strip()
    return None


def burmese_place_surfaces(level: str, name: str, words: Words | None = None) -> list[str]:
    """Every Burmese surface the matcher should know for one place name (empty for a non-Burmese name)."""
    name = (name or "").replace("\u200b", "").strip()   # MIMU writes a zero-width space before some names
    if not name or not is_burmese(name):
        return []
    words = words or load_words("my")
    names = [name, *(alias for alias, mimu in words.kind("place_alias").items() if mimu == name)]
    names += [h for n in names for h in _homophone_names(words, level, n)]
    return _with_variants(words, [s for n in dict.fromkeys(names) for b in _bracket_names(words, n)
                                  for s in _surfaces(words, level, b)])


def _homophone_names(words: Words, level: str, name: str) -> list[str]:
    """The name spelled the other ways news spells the same sound (its suffix untouched)."""
    bare = _bare(words, name, level) or name
    if level == "village_tract" or syllable_count(_BRACKETS.sub(" ", bare)) < MIN_SYLLABLES:
        return []
    suffix = name[name.index(bare) + len(bare):] if bare in name else ""
    return [f"{h}{suffix}" for h in _homophones(bare)]


# Spellings of one sound that news and MIMU choose differently: the -on rhyme written ုန်(း) or ုံ(း)
# ("မုံးကိုး" for MIMU's "မုန်းကိုး"), its tone ("လောင်းလုံ" for "လောင်းလုံး"), the tall ါ or round ာ aa ("ဖါပွန်"/"ဖာပွန်"), and the tone marks
# of non-Burman names ("ဒီမော့ဆို"/"ဒီးမော့ဆို", "မယ်စဲ့"/"မယ်စဲ"). Towns and larger only: their names are
# long enough that another spelling is not another word; village tracts keep MIMU's spelling.
_HOMOPHONES = (("ုန်း", "ုံး"), ("ုံး", "ုန်း"), ("ုန်", "ုံ"), ("ုံး", "ုံ"), ("ါ", "ာ"), ("ာ", "ါ"),
               ("ီး", "ီ"), ("့", ""), ("ား", "ာ"), ("ဇံ", "စံ"), ("မ့်", "န့်"),
               ("\u1019\u103a\u1037", "\u1014\u103a\u1037"))   # (MIMU stores the creaky tone after the asat)
# the -in rhyme without its high tone only in names of three syllables or more: "တနိုင်" (Tanai) would be
# the start of "တနိုင်ငံလုံး" (the whole country)
_LONG_HOMOPHONES = (("င်း", "င်"),)
LONG_NAME = 3
# (only ever dropping a tone mark: adding one turns names into words - "အလုံ" (Ahlone) into "အလုံး" (whole);
# the -in rhyme loses its high tone too ("ယင်မာပင်", "ဒီပဲယင်"), and the voiced ဇ of a Pali syllable is
# often typed စ ("ချမ်းအေးသာစံ" for MIMU's "ချမ်းအေးသာဇံ"), the creaky nasal of Shan names န့် for မ့်
# ("နန့်ခမ်း" for "နမ့်ခမ်း");
# "လာရှိုး" for MIMU's "လားရှိုး")
# a Pali double consonant stacked ("နမ္မတူ", "ပခုက္ကူ") is also typed with a killed first consonant
# ("ပခုက်ကူ") or as one creaky syllable ("နမ့်တူ")
_STACKED = re.compile(r"([\u1000-\u1021])\u1039\1")


def _homophones(surface: str) -> list[str]:
    out = []
    pairs = _HOMOPHONES + (_LONG_HOMOPHONES if syllable_count(surface) >= LONG_NAME else ())
    for written, other in pairs:
        if written in surface:
            out.append(surface.replace(written, other))
    if _STACKED.search(surface):
        out += [_STACKED.sub("\\1\u103a\\1", surface), _STACKED.sub("\\1\u1037\u103a", surface)]
    return [h for h in out if h != surface]


def _bracket_names(words: Words, name: str) -> list[str]:
    """The names a MIMU name with brackets stands for. A qualifier in brackets is part of the name
    ("ဒဂုံမြို့သစ်(တောင်ပိုင်း)မြို့နယ်": news writes it joined or spaced, never without it, which would be
    any of four townships); anything else in brackets is another name of the place (an old or local
    name: "ပန်ဆန်း (ပန်ခမ်း)မြို့နယ်", "(ကျွန်းညိုကြီး) ကျွန်းထိပ်"), with the level's suffix if the name has it."""
    inner = re.findall(r"\(([^)]*)\)", name)
    if not inner:
        return [name]
    qualifiers = words.kind("place_qualifier")
    if all(q.strip() in qualifiers or q.strip().isdigit() for q in inner):
        joined = re.sub(r"\s*\(([^)]*)\)\s*", r"\1", name)
        spaced = re.sub(r"\s*\(([^)]*)\)\s*", r" \1", name).strip()
        return list(dict.fromkeys([joined, spaced]))
    main = _BRACKETS.sub(" ", name).strip()
    suffix = next((s for s in sorted(words.kind("place_suffix"), key=len, reverse=True) if main.endswith(s)), "")
    others = [f"{i.strip()}{suffix}" for i in inner if i.strip() and i.strip() not in qualifiers]
    return [re.sub(r"\s+(?=" + re.escape(suffix) + r"$)", "", main) if suffix else main, *others]


def _with_variants(words: Words, surfaces: list[str]) -> list[str]:
    """Each surface and its other spellings ("သျှမ်း" for "ရှမ်း")."""
    out = list(surfaces)
    for variant, standard in words.kind("spelling_variant").items():
        out += [s.replace(standard, variant) for s in surfaces if standard in s]
    return list(dict.fromkeys(out))


# a village tract named "the east side" (အရှေ့ဘက်) is, in news, always the east side of somewhere else:
# "ရွှေဘိုမြို့ အရှေ့ဘက် ကျေးရွာများ" (the villages east of Shwebo)
_DIRECTION = re.compile(r"^(?:အရှေ့|အနောက်|တောင်|မြောက်|အလယ်|အထက်|အောက်)(?:ဘက်|ပိုင်း|ခြမ်း)$")


def _surfaces(words: Words, level: str, name: str) -> list[str]:
    """A one-syllable name ("ပေါက်", "ရေး") only ever with its suffix; a one-syllable village tract only
    with ကျေးရွာအုပ်စု ("တပ် ကျေးရွာ" is also "the army's village"); a village tract named for a direction
    not at all."""
    if level == "village_tract" and _DIRECTION.match(name):
        return []
    if level == "village_tract":
        suffixes = [s for s, lvl in words.kind("place_suffix").items() if lvl in ("village", "village_tract")]
        if syllable_count(name) < MIN_SYLLABLES:
            return [f"{name}{s}" for s, lvl in words.kind("place_suffix").items() if lvl == "village_tract"]
        # a name that is itself "X village" (အလယ်ရွာ) is written alone when X has two syllables or more
        stem = next((name[: -len(s)] for s in sorted(suffixes, key=len, reverse=True) if name.endswith(s)), "")
        alone = [name] if stem and syllable_count(stem) >= MIN_SYLLABLES else []
        return alone + [f"{name}{gap}{suffix}" for suffix in suffixes for gap in ("", " ")]
    if level == "town":
        return [name, *(f"{name}{gap}{s}" for s, lvl in words.kind("place_suffix").items() if lvl == "town"
                        for gap in ("", " "))]
    surfaces = [name]
    bare = _bare(words, name, level)
    if bare:
        surfaces.append(bare)
        # a one-syllable name and a one-syllable suffix can make an everyday word: "ပြည်" (Pyay) + "နယ်" is
        # "ပြည်နယ်" (a state), "ရေး" + "နယ်" ends "ကာကွယ်ရေးနယ်မြေ" (a defence zone): those (kind
        # common_word_place) keep their long suffix; "ဖြူးနယ်", "ပေါက်နယ်", "မြိုင်နယ်" are as news writes them
        suffixes = [s for s, lvl in words.kind("place_suffix").items()
                    if lvl == level and f"{bare}{s}" not in words.kind("common_word_place")]
        surfaces += [f"{bare}{gap}{suffix}" for suffix in suffixes for gap in ("", " ")]
    return list(dict.fromkeys(surfaces))


def matchable_alone(name: str) -> bool:
    """May this Burmese name match without a suffix? Not when it is a single syllable, nor when it is also
    an everyday word of the news ("ကလေး" a child and Kale, "တံတား" a bridge and Tadar): those need their
    မြို့ / မြို့နယ် / ခရိုင် (seeds/language_words.csv, kind common_word_place)."""
    bare = _BRACKETS.sub(" ", name).strip()
    return syllable_count(bare) >= MIN_SYLLABLES and bare not in load_words("my").kind("common_word_place")
