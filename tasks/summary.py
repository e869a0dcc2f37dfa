"""The run summary, as plain text for the console and as Markdown for the Prefect artifact."""

from __future__ import annotations

from typing import Any

SUMMARY_ROWS = (
    ("feeds polled", "feeds_polled"), ("feeds with new items", "feeds_new"),
    ("feeds unchanged", "feeds_unchanged"), ("feeds failed", "feeds_failed"),
    ("entries seen", "entries_seen"), ("articles new", "articles_new"),
    ("articles duplicate", "articles_duplicate"), ("articles fetched", "articles_fetched"),
    ("articles failed", "articles_failed"), ("text from feed (fallback)", "text_from_feed"),
    ("articles tagged", "tagged"), ("relevant", "relevant"), ("events extracted", "events"),
    ("story clusters", "story_clusters"), ("event mentions", "event_mentions"), ("unique events", "unique_events"),
    ("orphaned corrections", "orphaned_corrections"),
)


def _rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [(label, str(summary[key])) for label, key in SUMMARY_ROWS if key in summary]
    rows += [(f"seconds: {stage}", f"{seconds:.2f}") for stage, seconds in summary.get("seconds", {}).items()]
    return rows


def summary_text(summary: dict[str, Any]) -> str:
    rows = _rows(summary)
    width = max((len(label) for label, _ in rows), default=10)
    lines = [f"{label:<{width}}  {value:>8}" for label, value in rows]
    for heading, key in (("failed feeds", "failed_feeds"), ("failed articles", "failed_articles")):
        for ident, reason in sorted(summary.get(key, {}).items()):
            lines.append(f"{heading}: {ident}: {reason}")
    return "\n".join(lines)


def summary_markdown(summary: dict[str, Any]) -> str:
    lines = ["# Ingest run summary", "", "| what | count |", "|---|---:|"]
    lines += [f"| {label} | {value} |" for label, value in _rows(summary)]
    for heading, key in (("Failed feeds", "failed_feeds"), ("Failed articles", "failed_articles")):
        failures = summary.get(key, {})
        if failures:
            lines += ["", f"## {heading}", ""] + [f"- `{k}`: {v}" for k, v in sorted(failures.items())]
    return "\n".join(lines) + "\n"
