"""Spellings of Myanmar place names that news writes and the gazetteer does not list.

Romanisation of Burmese names is not standardised: outlets write one consonant where MIMU writes two
("Myawady" / Myawaddy, "Taungyi" / Taunggyi, "Pakoku" / Pakokku) and drop or move the aspiration mark of
an initial Hp ("Pa-an", "Phakant" / Hpa-An, Hpakant). A hand list of aliases only ever covers the names
someone has already met; these variants are generated for every state, district, township and town.
Village tracts are left out: their names are short and a variant would collide with common words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

VARIANT_LEVELS = frozenset({"state", "district", "township", "town"})
# Shorter variants ("Kama" from Kamma, "An" from Ann) are ordinary words or other names.
_MIN_LETTERS = 5
_DOUBLED_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1", re.IGNORECASE)


def spelling_variants(name: str) -> set[str]:
    """Other spellings of `name` news uses; never `name` itself."""
    variants = {_DOUBLED_CONSONANT.sub(r"\1", name)}
    if name.startswith("Hp"):
        variants.update({"P" + name[2:], "Ph" + name[2:]})
    return {v for v in variants if v != name and sum(c.isalpha() for c in v) >= _MIN_LETTERS}


def new_spellings(names: Iterable[str], taken: set[str], fold) -> dict[str, str]:
    """variant -> the name it spells, for variants that are no other name (`taken`: folded names already
    matched) and that only one name produces: an ambiguous spelling is better left unmatched."""
    owners: dict[str, set[str]] = {}
    for name in names:
        for variant in spelling_variants(name):
            if fold(variant) not in taken:
                owners.setdefault(variant, set()).add(name)
    return {variant: next(iter(names)) for variant, names in owners.items() if len(names) == 1}
