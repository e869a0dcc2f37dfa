"""Real geometry in the analysts' copy (DuckDB's spatial extension): gazetteer points and region outlines.

Built at publish in the staging copy, beside the search index, from what the pipeline already knows: the
`places` table's coordinates and the report's state/region outlines (tasks/report/geo.py, approximate:
Voronoi cells of the gazetteer's towns). GEOMETRY is a core type in DuckDB 1.5, so any 1.5 client reads
the columns (as WKT with `::VARCHAR`); the `ST_*` functions need `LOAD spatial`.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa

from tasks import extensions
from tasks.db import open_copy
from tasks.settings import get_settings


def build_geometry(db_path: Path, places_csv: Path | None = None) -> int:
    """(Re)create place_geometry and region_outlines in a database file; returns the outlines written."""
    from tasks.report.assets import region_shapes

    features = region_shapes(places_csv or get_settings().seeds_dir / "places.csv")["features"]
    outlines = pa.table({
        "state_pcode": [f["properties"]["pcode"] for f in features],
        "state_name": [f["properties"]["name"] for f in features],
        "geojson": [json.dumps(f["geometry"]) for f in features],
    }, schema=pa.schema([("state_pcode", pa.string()), ("state_name", pa.string()), ("geojson", pa.string())]))
    con = open_copy(db_path)
    try:
        extensions.load(con, "spatial")
        con.execute("BEGIN TRANSACTION")
        con.execute("""
            CREATE OR REPLACE TABLE place_geometry AS
            SELECT place_id, level, name_en, state_pcode, township_pcode, ST_Point(longitude, latitude) AS geom
            FROM places WHERE longitude IS NOT NULL AND latitude IS NOT NULL""")
        con.register("_outlines", outlines)
        con.execute("""
            CREATE OR REPLACE TABLE region_outlines AS
            SELECT state_pcode, state_name, ST_GeomFromGeoJSON(geojson) AS outline FROM _outlines""")
        con.unregister("_outlines")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return len(features)
