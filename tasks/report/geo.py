"""Approximate state/region outlines of Myanmar, generated from the gazetteer's town coordinates.

No boundary shapefile is available offline, so the outlines are built from what seeds/places.csv knows:
every town gets its Voronoi cell, the cells of one state/region are dissolved into one shape, and all of
them are clipped to a buffered concave hull of the towns (a stand-in for the national border). The result
is a sketch, good enough to see where events are; the page says so. Output is GeoJSON with rounded
coordinates so it stays small when inlined into the report.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Tuned by eye against the real outline: a tighter hull (lower ratio) cuts into the Shan plateau and the
# Tanintharyi coast; the buffer pushes the edge from the outermost towns towards the border.
HULL_RATIO = 0.3
HULL_BUFFER_DEG = 0.35
SIMPLIFY_DEG = 0.03
COORD_DECIMALS = 3
OUTLINE_VERSION = 2     # bump when the shapes or their properties change: it keys the cache


@dataclass(frozen=True)
class Town:
    state_name: str
    state_pcode: str
    longitude: float
    latitude: float


def read_towns(places_csv: Path) -> list[Town]:
    """Towns in Myanmar with coordinates, one per distinct point (Voronoi needs distinct sites)."""
    towns: dict[tuple[float, float], Town] = {}
    with places_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["level"] != "town" or row["country_iso"] != "MMR" or not row["latitude"]:
                continue
            point = (round(float(row["longitude"]), 5), round(float(row["latitude"]), 5))
            towns.setdefault(point, Town(row["state_name"], row["state_pcode"], *point))
    return list(towns.values())


def short_name(state_name: str) -> str:
    """The map label: "Shan State (North)" -> "Shan (North)", "Sagaing Region" -> "Sagaing"."""
    return state_name.replace(" State", "").replace(" Region", "")


def _rounded(geometry: Any) -> dict[str, Any]:
    import shapely

    rounded = shapely.set_precision(geometry, 10 ** -COORD_DECIMALS)
    return json.loads(shapely.to_geojson(rounded))


def region_shapes(places_csv: Path) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one feature per state/region with name, pcode and a label point."""
    import shapely
    from shapely.geometry import MultiPoint

    towns = read_towns(places_csv)
    if len(towns) < 4:
        return {"type": "FeatureCollection", "features": []}
    sites = MultiPoint([(t.longitude, t.latitude) for t in towns])
    country = shapely.concave_hull(sites, ratio=HULL_RATIO).buffer(HULL_BUFFER_DEG)
    # ordered=True returns one cell per input site, in input order, so cell i belongs to towns[i].
    cells = shapely.voronoi_polygons(sites, extend_to=country, ordered=True).geoms
    cells_by_state: dict[tuple[str, str], list[Any]] = {}
    for town, cell in zip(towns, cells):
        cells_by_state.setdefault((town.state_name, town.state_pcode), []).append(cell)
    features = []
    for (name, pcode), state_cells in sorted(cells_by_state.items()):
        shape = shapely.union_all(state_cells).intersection(country).simplify(SIMPLIFY_DEG)
        label = shape.point_on_surface()
        features.append({
            "type": "Feature",
            "properties": {"name": name, "label": short_name(name), "pcode": pcode, "label_lon": round(label.x, 3),
                           "label_lat": round(label.y, 3)},
            "geometry": _rounded(shape),
        })
    return {"type": "FeatureCollection", "features": features}


def country_bounds(shapes: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) of all shapes, or None when there are none."""
    import shapely

    geometries = [shapely.from_geojson(json.dumps(f["geometry"])) for f in shapes["features"]]
    if not geometries:
        return None
    return tuple(shapely.union_all(geometries).bounds)  # type: ignore[return-value]
