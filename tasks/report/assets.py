"""What the page inlines, built once and cached on disk: the Vega runtime and the region outlines.

vl-convert builds the Vega/Vega-Lite/vega-embed bundle in an embedded JavaScript engine (about 4 s) and
the outlines take about 0.7 s of geometry, so both are cached under <data dir>/cache, keyed by what they
are made from; a report after the first one costs well under a second. A cache that cannot be written
(read-only data dir) only costs time, never the report.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tasks.report import geo


def cache_dir() -> Path:
    from tasks.settings import get_settings

    return Path(os.environ.get("MMTRACK_REPORT_CACHE", get_settings().data_dir / "cache"))


def _cached_text(name: str, build: Callable[[], str]) -> str:
    path = cache_dir() / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    text = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # write-then-rename: two reports started at once never read a half-written cache file
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as handle:
            handle.write(text)
        os.replace(handle.name, path)
    except OSError:
        pass
    return text


def vega_bundle() -> str:
    """vega-embed + Vega + Vega-Lite as one classic script that defines window.vegaEmbed."""
    from importlib.metadata import version

    import vl_convert

    return _cached_text(f"vega-embed-bundle-{version('vl-convert-python')}.js", vl_convert.javascript_bundle)


def region_shapes(places_csv: Path) -> dict[str, Any]:
    """geo.region_shapes, cached per content of the gazetteer and the outline parameters."""
    recipe = f"{geo.OUTLINE_VERSION}|{geo.HULL_RATIO}|{geo.HULL_BUFFER_DEG}|{geo.SIMPLIFY_DEG}|{geo.COORD_DECIMALS}|".encode()
    key = hashlib.sha256(recipe + places_csv.read_bytes()).hexdigest()[:16]
    text = _cached_text(f"regions-{key}.geojson", lambda: json.dumps(geo.region_shapes(places_csv)))
    return json.loads(text)
