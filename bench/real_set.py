"""The real-article set: labels the team coded from real news pages, texts from a local cache.

Labels (facts: the team's own coding, see /work/shared/coding-guide.md) live in bench/real/labels/*.jsonl,
one article per line (format: docs/real-set.md). The article texts are third-party pages and never enter the
repository: they are read from a git-ignored cache directory (env MMTRACK_REAL_CACHE, default
bench/real/cache/), one <id>.txt per article, which a developer fills by re-running each label's query.
A missing text is reported by id and its article left out; it never stops an evaluation.

The dev/test split is fixed by rule from the URL (label field "split"), before any rule was tuned: tune
on dev only, report test.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABEL_DIR = ROOT / "bench" / "real" / "labels"
DEFAULT_CACHE = ROOT / "bench" / "real" / "cache"
SPLITS = ("dev", "test")
# The first line of an excerpt is the page's headline when it reads like one: short, no full stop.
_HEADLINE_MAX = 220


@dataclass
class RealArticle:
    label: dict
    text: str | None             # None when the cache lacks it
    title: str = ""
    body: str = ""

    @property
    def id(self) -> str:
        return self.label["id"]

    @property
    def split(self) -> str:
        return self.label["split"]

    @property
    def relevant(self) -> bool:
        return bool(self.label.get("relevant"))

    @property
    def published(self) -> date:
        return date.fromisoformat(str(self.label["published"])[:10])

    @property
    def events(self) -> list[dict]:
        return list(self.label.get("events") or [])

    @property
    def main_event(self) -> dict | None:
        return next((e for e in self.events if e.get("main")), self.events[0] if self.events else None)


@dataclass
class RealSet:
    articles: list[RealArticle]
    missing: list[str] = field(default_factory=list)     # ids whose text is not in the cache
    problems: list[str] = field(default_factory=list)    # label lines that could not be read

    def split(self, name: str) -> list[RealArticle]:
        return [a for a in self.articles if a.split == name]


def cache_dir() -> Path:
    return Path(os.environ.get("MMTRACK_REAL_CACHE") or DEFAULT_CACHE)


def rule_split(url: str, event_group: str | None = None) -> str:
    """The split a label falls in (bench/real/README.md): the key is the article's event group when it has one
    (every report of one real event in the same half), else its URL; even first 32 bits of its SHA-256 -> dev."""
    key = event_group or url
    return "dev" if int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 2 == 0 else "test"


# The search tool puts "date YYYY-MM-DD" before some excerpts: its metadata, not the article's words.
_TOOL_DATE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")


def split_title(text: str) -> tuple[str, str]:
    """(headline, body): the first line is the headline when it looks like one and more text follows."""
    text = _TOOL_DATE.sub("", text)
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and len(first) <= _HEADLINE_MAX and not first.endswith((".", "!", "?", '"', "”", ":", "။")):
        return first, rest.strip()
    return "", text.strip()


def read_labels(label_dir: Path = LABEL_DIR, language: str = "en") -> tuple[list[dict], list[str]]:
    """Every label of `language` in label_dir/*.jsonl, first occurrence of an id wins; unreadable lines reported."""
    labels, problems, seen = [], [], set()
    for path in sorted(label_dir.glob("*.jsonl")):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                label = json.loads(line)
                label["id"], label["url"], label["published"]  # noqa: B018 - required fields
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                problems.append(f"{path.name}:{line_no}: {type(exc).__name__}: {exc}")
                continue
            if label.get("language", "en") != language or label["id"] in seen:
                continue
            seen.add(label["id"])
            label.setdefault("split", rule_split(label["url"], label.get("event_group")))
            labels.append(label)
    return labels, problems


def load_real_set(label_dir: Path = LABEL_DIR, cache: Path | None = None, language: str = "en") -> RealSet:
    """Labels with their cached texts; articles whose text is missing are listed in `missing`."""
    cache = cache or cache_dir()
    labels, problems = read_labels(label_dir, language)
    articles, missing = [], []
    for label in labels:
        path = cache / f"{label['id']}.txt"
        if not path.is_file():
            missing.append(label["id"])
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        title, body = split_title(text)
        articles.append(RealArticle(label, text, title, body))
    return RealSet(articles, missing, problems)
