import csv
import io
import json
import re

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.export import TABLES
from marsad.pipeline import run
from marsad.store import Store
from tests.conftest import REPO, SHARED

CONTRACT = SHARED / "CONTRACT.md"


def contract_columns() -> dict[str, list[str]]:
    """The columns each table must have, read from the contract itself."""
    if not CONTRACT.exists():
        pytest.skip("../shared/CONTRACT.md is not present")
    found = {}
    for table, columns in re.findall(r"- \*\*(\w+)\*\*[^:]*: (.+?)(?=\n- \*\*|\n\nConventions)", CONTRACT.read_text(), re.S):
        columns = columns.replace("plus", ",")
        found[table] = [c.strip() for c in columns.replace("\n", " ").split(",") if c.strip()]
    return found


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("export") / "demo.db"
    with Store(db) as store:
        run([str(REPO / "demo" / "corpus")], store)
    return db


def export(db, table, fmt="jsonl"):
    outcome = CliRunner().invoke(app, ["export", "--db", str(db), "--table", table, "--format", fmt])
    assert outcome.exit_code == 0, outcome.output
    return outcome.stdout_bytes


def test_contract_columns_come_first_in_order():
    expected = contract_columns()
    assert set(expected) == {"articles", "toponyms", "mentions", "events", "claims"}
    for table, columns in expected.items():
        assert list(TABLES[table].columns[: len(columns)]) == columns, table


def test_articles_jsonl_has_spans_into_the_document(demo_db):
    rows = [json.loads(line) for line in export(demo_db, "articles").splitlines()]
    assert len(rows) > 20
    with Store(demo_db, readonly=True) as store:
        texts = {r["doc_id"]: r["text"] for r in store.query("SELECT doc_id, text FROM documents")}
    for row in rows:
        assert 0 <= row["char_start"] < row["char_end"] <= len(texts[row["doc_id"]])
        if row["title"] and row["title_start"] is not None:
            assert texts[row["doc_id"]][row["title_start"] : row["title_end"]] == row["title"]


@pytest.mark.parametrize("table", list(TABLES))
def test_csv_header_is_the_table_columns(demo_db, table):
    reader = csv.reader(io.StringIO(export(demo_db, table, "csv").decode("utf-8")))
    assert next(reader) == list(TABLES[table].columns)


@pytest.mark.parametrize("table", ["articles", "events", "mentions"])
def test_parquet_reads_back(demo_db, table):
    data = pq.read_table(io.BytesIO(export(demo_db, table, "parquet")))
    assert data.column_names == list(TABLES[table].columns)
    with Store(demo_db, readonly=True) as store:
        assert data.num_rows == store.counts()["articles" if table == "articles" else table]


def test_geojson_is_a_feature_collection(demo_db):
    collection = json.loads(export(demo_db, "toponyms", "geojson"))
    assert collection["type"] == "FeatureCollection" and isinstance(collection["features"], list)


def test_geojson_refused_for_tables_without_coordinates(demo_db):
    outcome = CliRunner().invoke(app, ["export", "--db", str(demo_db), "--table", "articles", "--format", "geojson"])
    assert outcome.exit_code == 2 and "no coordinates" in outcome.output


def test_unknown_table_is_a_usage_error(demo_db):
    assert CliRunner().invoke(app, ["export", "--db", str(demo_db), "--table", "nope"]).exit_code == 2


def test_stats_json_counts(demo_db):
    outcome = CliRunner().invoke(app, ["stats", "--db", str(demo_db), "--json"])
    report = json.loads(outcome.stdout)
    assert report["tables"]["documents"] == 33  # the corpus README is not a page
    assert {"ar", "en"} <= set(report["articles_by_language"])
    assert report["documents_by_kind"]["feed"] == 4
