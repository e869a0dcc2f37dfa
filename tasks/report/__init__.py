"""The self-contained HTML report (issue 10): views -> data.py, outlines -> geo.py, page -> render.py.

`write_report(db_path, out_path, since=None, region=None) -> Path` is the one entry point, for the CLI
(mmtrack/report_cmd.py) and the maintenance flow. Importing this package stays cheap: the charting and
geometry libraries load only when a report is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def write_report(db_path: Path | str, out_path: Path | str, since: Any = None, region: str | None = None) -> Path:
    from tasks.report.render import write_report as _write_report

    return _write_report(db_path, out_path, since=since, region=region)


__all__ = ["write_report"]
