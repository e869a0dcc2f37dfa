"""`mmtrack extract` on documents the team wrote: stored events only for relevant documents, stdin JSONL,
no publication date, and a closed output pipe (issue 14). Real processes, no mocks."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "mmtrack.cli", "extract"]
RELEVANT = {"id": "doc-1", "published": "2024-03-06", "title": "Junta airstrike kills six in Sagaing village",
            "text": "A junta jet bombed Ywa Thit village in Kani Township, Sagaing Region, on Monday, killing six "
                    "villagers, residents said."}
NOT_RELEVANT = {"id": "doc-2", "published": "2024-03-06", "title": "Kyat falls to record low against the dollar",
                "text": "Myanmar's currency fell to a record low against the dollar on Monday, traders in Yangon said, "
                        "as the junta tightened rules on foreign exchange after troops attacked a border market."}


def _run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120)


def test_jsonl_from_stdin_stores_events_only_for_relevant_documents() -> None:
    lines = "\n".join(json.dumps(d) for d in (RELEVANT, NOT_RELEVANT)) + "\n"
    result = _run(["--jsonl", "-"], lines)
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["relevance"]["relevant"] and first["events"] and not first["events_not_stored"]
    assert not second["relevance"]["relevant"] and second["events"] == []
    assert "Traceback" not in result.stderr


def test_document_without_publication_date_uses_today_with_a_warning(tmp_path: Path) -> None:
    doc = tmp_path / "story.txt"
    doc.write_text(RELEVANT["text"], encoding="utf-8")
    result = _run([str(doc), "--json"])
    assert result.returncode == 0, result.stderr
    assert "no publication date" in result.stderr and date.today().isoformat() in result.stderr
    out = json.loads(result.stdout)
    assert out["events"] and all(e["event_date"] <= date.today().isoformat() for e in out["events"])


def test_jsonl_line_without_publication_date_is_extracted_not_failed() -> None:
    doc = {k: v for k, v in RELEVANT.items() if k != "published"}
    result = _run(["--jsonl", "-"], json.dumps(doc) + "\n")
    assert result.returncode == 0, result.stderr
    assert "warning" in result.stderr and json.loads(result.stdout)["events"]


def test_closed_output_pipe_ends_without_traceback() -> None:
    lines = "".join(json.dumps({**RELEVANT, "id": f"doc-{i}"}) + "\n" for i in range(300))
    proc = subprocess.Popen([*CLI, "--jsonl", "-"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)

    def feed() -> None:  # in a thread: the child's output may fill its pipe before it has read all input
        try:
            proc.stdin.write(lines)
            proc.stdin.close()
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed)
    writer.start()
    assert proc.stdout.readline()  # read one answer, then hang up like `| head -1`
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    writer.join(timeout=10)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
