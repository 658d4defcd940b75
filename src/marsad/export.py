"""Exports of the contract's tables as JSON Lines, CSV, GeoJSON and Parquet.

Each table's columns begin with the ones ``CONTRACT.md`` promises, in that
order, followed by marsad's own. The events table uses ACLED's column names
and order so that ACLED-based workflows open it as is. Rows are streamed from
the store; nothing holds a whole table in memory except the Parquet writer's
row groups.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import IO, Any, Iterator

from marsad.errors import ExportError
from marsad.store import Store

FORMATS = ("jsonl", "csv", "geojson", "parquet")
_BOOLEAN_COLUMNS = frozenset({"lead", "background"})
_JSON_COLUMNS = frozenset({"related_titles", "boilerplate"})


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    sql: str
    columns: tuple[str, ...]
    has_coordinates: bool = False


def _spec(name: str, source: str, contract: str, extra: str = "", order: str = "", coords: bool = False) -> TableSpec:
    columns = tuple(contract.split()) + tuple(extra.split())
    sql = f"SELECT {', '.join(columns)} FROM {source} ORDER BY {order or columns[0]}"
    return TableSpec(name, sql, columns, coords)


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        _spec("articles", "articles",
              "doc_id article_id title published lang source byline url char_start char_end duplicate_of",
              "idx body_start body_end title_start title_end date_precision date_source related_titles",
              order="doc_id, idx"),
        _spec("toponyms", "toponyms",
              "doc_id article_id text char_start char_end geonameid name latitude longitude country "
              "admin1 feature_class score", "toponym_id component version",
              order="doc_id, char_start", coords=True),
        _spec("mentions", "mentions",
              "doc_id article_id mention_id event_id lead event_type sub_event_type date time_precision "
              "country admin1 location latitude longitude geo_precision actor1 actor1_type actor2 "
              "actor2_type fatalities claimed_by status evidence char_start char_end",
              "fatalities_min fatalities_max background cameo plover tags component version",
              order="doc_id, char_start", coords=True),
        _spec("events", "events",
              "event_id event_date time_precision disorder_type event_type sub_event_type actor1 "
              "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso "
              "country admin1 admin2 location latitude longitude geo_precision source source_scale "
              "notes fatalities tags n_mentions n_sources fatalities_min fatalities_max status",
              order="event_date, event_id", coords=True),
        _spec("claims", "claims",
              "claim_id doc_id article_id claimant outlet verb content event_id status char_start char_end",
              "mention_id component version", order="doc_id, char_start"),
        _spec("actors", "actor_mentions",
              "mention_id doc_id article_id text char_start char_end actor actor_type country",
              "component version", order="doc_id, char_start"),
        _spec("documents", "documents",
              "doc_id kind origin title published url source author sitename lang encoding n_chars content_sha"),
        _spec("errors", "errors", "doc_id origin stage reason detail error_id", order="origin, doc_id"),
    )
}


def export_table(store: Store, table: str, fmt: str, out: IO[bytes]) -> int:
    """Write ``table`` in ``fmt`` to the binary stream ``out``; returns the row count."""
    spec = TABLES.get(table)
    if spec is None:
        raise ExportError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    if fmt == "geojson" and not spec.has_coordinates:
        raise ExportError(f"table {table!r} has no coordinates; geojson applies to toponyms, mentions, events")
    rows = (_typed(row) for row in store.query(spec.sql))
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "geojson": _write_geojson, "parquet": _write_parquet}[fmt]
    return writer(rows, spec, out)


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    for column in _BOOLEAN_COLUMNS & row.keys():
        if row[column] is not None:
            row[column] = bool(row[column])
    for column in _JSON_COLUMNS & row.keys():
        row[column] = json.loads(row[column]) if row[column] else []
    return row


def _text_stream(out: IO[bytes]) -> io.TextIOWrapper:
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)


def _write_jsonl(rows: Iterator[dict], spec: TableSpec, out: IO[bytes]) -> int:
    stream, count = _text_stream(out), 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    stream.detach()
    return count


def _write_csv(rows: Iterator[dict], spec: TableSpec, out: IO[bytes]) -> int:
    stream, count = _text_stream(out), 0
    writer = csv.DictWriter(stream, fieldnames=spec.columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_value(v) for k, v in row.items()})
        count += 1
    stream.detach()
    return count


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_geojson(rows: Iterator[dict], spec: TableSpec, out: IO[bytes]) -> int:
    stream, count = _text_stream(out), 0
    stream.write('{"type": "FeatureCollection", "features": [')
    for row in rows:
        lat, lon = row.get("latitude"), row.get("longitude")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feature = {"type": "Feature", "geometry": geometry, "properties": row}
        stream.write(("," if count else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        count += 1
    stream.write("\n]}\n")
    stream.detach()
    return count


def _write_parquet(rows: Iterator[dict], spec: TableSpec, out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, _arrow_type(c)) for c in spec.columns])
    count = 0
    with pq.ParquetWriter(pa.PythonFile(out, mode="w"), schema) as writer:
        while chunk := _take(rows, 50_000):
            chunk = [{c: _parquet_value(r[c]) for c in spec.columns} for r in chunk]
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


_INTEGER_COLUMNS = frozenset(
    "char_start char_end body_start body_end title_start title_end idx time_precision geo_precision "
    "fatalities fatalities_min fatalities_max n_mentions n_sources n_chars geonameid iso".split()
)


def _arrow_type(column: str):
    import pyarrow as pa

    if column in _BOOLEAN_COLUMNS:
        return pa.bool_()
    if column in ("latitude", "longitude", "score"):
        return pa.float64()
    if column in _INTEGER_COLUMNS:
        return pa.int64()
    return pa.string()


def _parquet_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def _take(rows: Iterator[dict], n: int) -> list[dict]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == n:
            break
    return chunk
