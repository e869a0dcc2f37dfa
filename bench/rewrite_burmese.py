"""Burmese rules against other outlets' typing: the dev half re-scored under meaning-preserving rewrites.

A rule fitted to one outlet's typing (its spaces, its line breaks, its name for the junta) fails on the
next outlet. Each rewrite below keeps what the text says and changes only how it is typed; a field that
scores lower on a rewrite than on the text itself points at such a rule. Dev half only: the test half is
never rewritten, scored or printed here (honesty rules, docs/burmese.md).

Target: no rewrite leaves a field more than TOLERANCE below its figure on the text as cached.

Run: .venv/bin/python -m bench.rewrite_burmese [REWRITE ...] [-v]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval_burmese import FIELDS, cache_dir, load_labels, score_fields  # noqa: E402

TOLERANCE = 0.03
_DIGITS = "၀၁၂၃၄၅၆၇၈၉"
_PARTICLE_END = re.compile(r"(ကို|တွင်|၌|နှင့်|သည်|မှာ)(?=[\u1000-\u1021])")


def _spaced(text: str) -> str:
    from tasks.lang.my_words import is_syllable_boundary

    return _PARTICLE_END.sub(lambda m: m.group(0) + " " if is_syllable_boundary(text, m.end()) else m.group(0), text)


REWRITES = {
    "no spaces": lambda t: re.sub(r"(?<=[\u1000-\u109f]) +(?=[\u1000-\u109f])", "", t),
    "space after particles": _spaced,
    "junta as စကစ": lambda t: re.sub(r"စစ်ကောင်စီ(?!တပ်)", "စကစ", t),
    "junta as စစ်တပ်": lambda t: re.sub(r"စစ်ကောင်စီ(?!တပ်)", "စစ်တပ်", t),
    "PDF as ပကဖ": lambda t: t.replace("PDF", "ပကဖ"),
    "ASCII digits": lambda t: "".join(str(_DIGITS.index(c)) if c in _DIGITS else c for c in t),
    "lines joined": lambda t: re.sub(r"\n+", " ", t),
    "menu line on top": lambda t: "ပင်မစာမျက်နှာ / သတင်း\nShare this\n" + t,
    "မြို့နယ် as နယ်": lambda t: t.replace("မြို့နယ်", "နယ်"),
}


def score(knowledge, labels: list[dict], rewrite) -> dict[str, dict[str, bool]]:
    from tasks.burmese import to_unicode
    from tasks.lang import extract

    out = {}
    for label in labels:
        text = to_unicode((cache_dir() / f"{label['id']}.txt").read_text(encoding="utf-8"))
        main = next(e for e in label["events"] if e.get("main"))
        events = extract(knowledge, "", rewrite(text), date.fromisoformat(label["published"][:10]), label["id"]).events
        out[label["id"]] = score_fields(knowledge, main, events[0] if events else None)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rewrites", nargs="*", metavar="REWRITE", help=f"which rewrites (default all): {', '.join(REWRITES)}")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the dev articles a rewrite breaks")
    args = parser.parse_args()
    unknown = [r for r in args.rewrites if r not in REWRITES]
    if unknown:
        parser.error(f"unknown rewrite(s): {', '.join(unknown)}")
    from tasks.knowledge import load_knowledge

    knowledge = load_knowledge()
    labels = [x for x in load_labels() if x.get("split") == "dev" and x["relevant"]
              and (cache_dir() / f"{x['id']}.txt").exists() and any(e.get("main") for e in x["events"])]
    if not labels:
        print("no cached dev texts: nothing measured")
        return 0
    base = score(knowledge, labels, lambda t: t)
    plain = {f: sum(s[f] for s in base.values()) / len(labels) for f in FIELDS}
    print(f"dev: {len(labels)} relevant articles; " + " ".join(f"{f} {v:.3f}" for f, v in plain.items()))
    for name in args.rewrites or REWRITES:
        rows = score(knowledge, labels, REWRITES[name])
        totals = Counter({f: sum(s[f] for s in rows.values()) for f in FIELDS})
        worst = min(totals[f] / len(labels) - plain[f] for f in FIELDS)
        verdict = "ok" if worst >= -TOLERANCE else "BELOW"
        print(f"{name:<24}" + " ".join(f"{f[:8]} {totals[f] / len(labels):.3f}" for f in FIELDS)
              + f"  worst {worst:+.3f} (target >= -{TOLERANCE}) {verdict}")
        if args.verbose:
            for article, fields in rows.items():
                lost = [f for f in FIELDS if base[article][f] and not fields[f]]
                if lost:
                    print(f"    {article}: {', '.join(lost)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
