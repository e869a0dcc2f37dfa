"""Build the one self-contained HTML report: data from the views, charts as inline Vega-Lite specs, the
Vega runtime and the region outlines inlined, so opening the file makes no request at all.

`write_report` is the entry point for the CLI (`mmtrack report`) and the maintenance flow.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import jinja2

from tasks.report import assets, charts
from tasks.report.data import Filters, ReportData, load_report_data

TEMPLATE_DIR = Path(__file__).parent
_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '<' can close the element or open a comment."""
    return json.dumps(value, default=str, separators=(",", ":")).replace("<", "\\u003c")


def cell(value: Any) -> Any:
    """How a table cell reads: thousands separators, ISO dates, links for lists of URLs."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}" if value != int(value) else f"{int(value):,}"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return value
    return str(value)


def host_of(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


_ENV.filters["cell"] = cell
_ENV.filters["host"] = host_of
_ENV.filters["num"] = lambda value: f"{value or 0:,}"
_ENV.tests["linklist"] = lambda value: isinstance(value, list) and all(
    isinstance(v, dict) and "url" in v for v in value)


def render_html(data: ReportData, places_csv: Path, generated_at: dt.datetime | None = None) -> str:
    shapes = assets.region_shapes(places_csv)
    specs = {"map": charts.map_spec(shapes, data.map_points.rows, data.map_points.aggregated,
                                    data.filters.region)}
    if data.weekly:
        specs["timeline"] = charts.timeline_spec(data.weekly)
    template = _ENV.get_template("page.html.j2")
    return template.render(
        data=data, tables={t.key: t for t in data.tables}, specs={key: script_json(spec) for key, spec in specs.items()},
        vega_bundle=assets.vega_bundle(), type_colours=charts.EVENT_TYPE_COLOURS,
        generated_at=(generated_at or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%d %H:%M UTC"),
    )


def _write_atomically(out_path: Path, text: str) -> None:
    """A reader (or a browser refresh) never sees a half-written report."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=out_path.parent, delete=False,
                                     prefix=f".{out_path.name}.") as handle:
        handle.write(text)
    os.chmod(handle.name, 0o644)  # a page to share, not a secret: temp files are created owner-only
    os.replace(handle.name, out_path)


def write_report(db_path: Path | str, out_path: Path | str, since: dt.date | str | None = None,
                 region: str | None = None, places_csv: Path | None = None) -> Path:
    """Write the HTML report for the database (opened read-only) and return its path."""
    from tasks.settings import get_settings

    if isinstance(since, str):
        since = dt.date.fromisoformat(since)
    filters = Filters(since=since, region=region or None)
    data = load_report_data(Path(db_path), filters)
    places = places_csv or get_settings().seeds_dir / "places.csv"
    out = Path(out_path)
    _write_atomically(out, render_html(data, places))
    return out
