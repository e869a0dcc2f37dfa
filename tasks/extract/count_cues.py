"""Cues that say what a count in a sentence counts, beyond its nearest word (tasks.extract.numbers): a toll told
as a noun, a share of counted things, a count told of two places together. A leaf module: patterns only."""

from __future__ import annotations

import re

# a count of deaths told as a noun, with at most two words saying whose: "three regime deaths", "five civilian
# fatalities" (not "a death squad", "death threats", "death sentences")
DEATHS_NOUN = re.compile(r"^\s+(?:[a-z][\w'’-]*\s+){0,2}?(?:deaths|fatalities)\b(?!\s+(?:squads?|penalt|sentences?|threats?))",
                         re.IGNORECASE)

# a count told of two named places together: "nine residents of Kyauktaw and neighbouring Paletwa" (coding guide:
# a total over several places is not one event's toll)
TWO_PLACES_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}(?:of|in)\s+(?:[A-Z][\w-]*(?:['’]s)?\s+){0,2}?[A-Z][\w-]+\s+and\s+"
                              r"(?:neighbou?ring\s+|nearby\s+|adjacent\s+)?[A-Z][\w-]+")

_THINGS = (r"(?:[\w-]+\s+)?(?:explosions|blasts|incidents|attacks|clashes|cases|strikes|air ?strikes|mines|landmines|bombs|"
           r"shells|raids|battles|townships|villages|houses|homes|events|operations|ambushes)\b")
# "Forty-nine of the explosions", "dozens of houses": things, not people
SHARE_OF_THINGS = re.compile(rf"^\s+of\s+(?:the|these|those|them,?\s+the)?\s*{_THINGS}", re.IGNORECASE)
# "Forty-nine of the explosions were in Shan": a share of things counted before, so the sentence tells a part of a
# total ("dozens of houses" is an amount, not a share: the article makes the share)
SHARE_OF_COUNTED_THINGS = re.compile(rf"^\s+of\s+(?:the|these|those|them,?\s+the)\s*{_THINGS}", re.IGNORECASE)

# two groups of people joined as one subject, the verb after both: "Six junta soldiers and Pyu Saw Htee militia
# members were killed" (too long for the nearest-word window)
COMPOUND_KILLED = re.compile(r"^\s+(?:[\w'’-]+\s+){1,3}?and\s+(?:[\w'’-]+\s+){1,6}?(?:were|have been|had been)\s+(?:\w+ly\s+)?"
                             r"(?:killed|slain|shot dead|executed|massacred)\b", re.IGNORECASE)

# a count joined to the one before by a comma only ("kills 3 students, 1 teacher"), and a speaker so set off, who
# is no second group of dead ("killing 12 villagers, a rescue worker said"); "10 villagers, 3 of them children" is
# a share (numbers.find_counts checks it)
COMMA_ONLY = re.compile(r"[^,]*,\s+")
SPEAKER = re.compile(r"(?:an?|one)\s|[^.;,]{0,40}?\b(?:said|says|told|reported|according)\b", re.IGNORECASE)
