"""Burmese personal names that are also place names: "Saw" is a township and a Karen honorific, "Kyaw",
"Ye", "Min", "Aung" and "Hlaing" are towns or village tracts and the commonest syllables of names.

Myanmar names are runs of such capitalised syllables ("Saw Lay San Htoo", "Ko Min Zaw", "U Kyaw Win"), so a
place match on one syllable that stands next to another name syllable or an honorific is part of a name
and not the place ("Saw Township", "in Ye, Mon State" stay places).
"""

from __future__ import annotations

import re

# Honorifics and the syllables most given names are built from; a place whose name is one of these is
# read as a name only when another one stands next to it.
NAME_WORDS = frozenset(
    """U Daw Ko Ma Maung Mg Saw Naw Sai Nang Khun Mahn Nai Mi Sao Bo Nan Aung Min Zaw Kyaw Htet Win Myo Thant
    Tun Htun Soe Nyein Myint Hla Than Thein Khin Mya Naing Oo Lwin Moe Nay Phyo Wai Yan Zin Thura Hlaing Thu
    Nyi Pyae Sone Myat Thiha Thet Shwe Khaing Nu Sein Ohn Hnin Su San Tin Sann Lin Linn Yin Ei Cho Htay Kyu
    Nwe Pyone Thida Wint Zar Yu Htoo Paw Lay Pay Khee Ye Kyi Wah Thaw Hsan Kham Hkun Tint Tha Htut Naung
    Latt Phone Paing Hein Htike Kaung Zeya Myint Yee Mar Nge Gyi Lone Sandar Phyu Thuzar Ngwe Tar""".split()
)
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Gen", "General", "Colonel", "Col", "Lt", "Captain", "Capt",
                     "Major", "Maj", "Brig", "Commander", "Sergeant", "Sgt", "Corporal", "Pastor", "Rev"})
_WORD_BEFORE = re.compile(r"([A-Z][a-z]*)\.? $")
_WORD_AFTER = re.compile(r"^ ([A-Z][a-z]*)\b")


def is_part_of_a_name(text: str, start: int, end: int) -> bool:
    """Is the single-word place match text[start:end] a syllable of a personal name?"""
    if text[start:end] not in NAME_WORDS:
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 14):start])
    if before and (before.group(1) in NAME_WORDS or before.group(1) in _TITLES):
        return True
    after = _WORD_AFTER.match(text[end:end + 14])
    return bool(after and after.group(1) in NAME_WORDS)
