"""One table from the project's actors (seeds/actors.csv ids) to the coding guide's short names.

The real-set labels name actors the way /work/shared/coding-guide.md does ("Military Forces of Myanmar",
"PDF", "KIA", "Civilians"); the extractor gives seed ids. Both sides are turned into the guide's short
name here, so a figure measures the extractor and not a spelling. A gold name that is not a short name
("Arakan Army", "BGF") is resolved through the same knowledge base the extractor uses.
"""

from __future__ import annotations

SHORT_NAMES = {
    # state forces: the junta's institutions act as the military (ACLED)
    "military_myanmar": "Military Forces of Myanmar", "sac": "Military Forces of Myanmar",
    "sspc": "Military Forces of Myanmar", "government_myanmar": "Military Forces of Myanmar",
    "police_myanmar": "Police Forces of Myanmar",
    "pyu_saw_htee": "Pyu Saw Htee", "militia_progov": "Pyu Saw Htee",
    # resistance: NUG forces and unnamed local defence forces are PDF
    "pdf": "PDF", "ldf": "PDF", "nug": "PDF", "nug_mod": "PDF", "mandalay_pdf": "PDF",
    "kia": "KIA", "kio": "KIA", "ula_aa": "AA", "ula": "AA", "mndaa": "MNDAA", "tnla": "TNLA", "pslf": "TNLA",
    "knla": "KNLA", "knu": "KNLA", "kndf": "KNDF", "cna": "Chin National Army", "cnf": "Chin National Army",
    "cdf": "Chinland Defense Force", "cdf_hakha": "Chinland Defense Force", "cdf_matupi": "Chinland Defense Force",
    "cdf_mindat": "Chinland Defense Force", "cdf_thantlang": "Chinland Defense Force",
    "ka": "Karenni Army", "knpp": "Karenni Army", "sspp_ssa_n": "SSPP", "rcss_ssa_s": "RCSS", "uwsa": "UWSA",
    "uwsp": "UWSA", "bpla": "BPLA", "dkba": "DKBA", "kna_bgf": "BGF", "absdf": "ABSDF", "arsa": "ARSA",
    "pnlo": "PNLO", "pno_pna": "PNO", "ndaa": "NDAA", "zra": "ZRA", "sna": "SNA", "kda": "KDA",
    "cndf": "CNDF", "ara": "ARA", "rso": "RSO", "alp": "ALP", "yaw_df": "PDF",
    "unidentified_armed_group": "Unidentified Armed Group",
    # alliances acting as themselves (no member named)
    "chin_brotherhood": "Chin Brotherhood", "three_brotherhood": "Three Brotherhood Alliance",
    "northern_alliance": "Northern Alliance", "chinland_council": "Chinland Council", "fpncc": "FPNCC",
    # people acted upon: ACLED codes victims as Civilians, their identity as an associated actor
    "civilians_myanmar": "Civilians", "monks_myanmar": "Civilians", "journalists_myanmar": "Civilians",
    "health_workers_myanmar": "Civilians", "aid_workers_myanmar": "Civilians", "students_myanmar": "Civilians",
    "teachers_myanmar": "Civilians", "refugees_idps_myanmar": "Civilians", "rohingya_myanmar": "Civilians",
    "labour_myanmar": "Civilians", "cdm_myanmar": "Civilians",
    "protesters_myanmar": "Protesters", "rioters_myanmar": "Rioters",
}
# Spellings the labels may use for a short name the knowledge base does not resolve the same way.
_GOLD_SPELLINGS = {
    "military": "Military Forces of Myanmar", "myanmar military": "Military Forces of Myanmar",
    "junta": "Military Forces of Myanmar", "police": "Police Forces of Myanmar",
    "civilians": "Civilians", "civilians (myanmar)": "Civilians", "protesters": "Protesters",
    "protesters (myanmar)": "Protesters", "unidentified armed group": "Unidentified Armed Group",
    "unidentified armed group (myanmar)": "Unidentified Armed Group", "kna": "BGF", "bgf": "BGF",
    "cdf": "Chinland Defense Force", "cna": "Chin National Army", "ka": "Karenni Army",
    "arakan army": "AA", "kachin independence army": "KIA", "nug": "PDF", "ldf": "PDF",
}
KNOWN = frozenset(SHORT_NAMES.values())


def short_name(actor_id: str | None, knowledge=None) -> str | None:
    """The guide's short name for a seed actor id (an unmapped id: its name before ':')."""
    if not actor_id:
        return None
    if actor_id in SHORT_NAMES:
        return SHORT_NAMES[actor_id]
    actor = knowledge.actors.get(actor_id) if knowledge is not None else None
    return actor.name.split(":")[0].strip() if actor else actor_id


def gold_short_name(name: str | None, knowledge) -> str | None:
    """A label's actor name as a short name: already one, a known spelling, or resolved via the seeds."""
    if not name:
        return None
    name = name.strip()
    if name in KNOWN:
        return name
    lowered = name.lower()
    if lowered in _GOLD_SPELLINGS:
        return _GOLD_SPELLINGS[lowered]
    if lowered.startswith(("chinland defense force", "cdf-")):
        return "Chinland Defense Force"
    if lowered.startswith("pdf") or lowered.endswith(("people's defence force", "people's defense force")):
        return "PDF"
    hits = [m for m in knowledge.find(name, myanmar_context=True) if m.kind == "actor"]
    return short_name(hits[0].ref_ids[0], knowledge) if hits else name
