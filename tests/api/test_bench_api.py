"""The API benchmark runs end to end on a tiny database (the real run uses a million events)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_api.py"


def test_bench_api_runs_small(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_api", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = tmp_path / "api.json"
    assert bench.main(["--events", "3000", "--articles", "300", "--reps", "2", "--stats-reps", "1",
                       "--json", str(out)]) == 0
    report = json.loads(out.read_text())
    results = report["results"]
    assert results["newest 100"]["total"] == 3000
    assert results["actor (top)"]["total"] > 0
    assert report["build"]["migrations"][0] == 6  # the event text index, filled for the inserted events (then later ones)
    assert 0 < results["text search + month"]["total"] < results["text search (common words)"]["total"]
    assert all(r["p95_ms"] >= r["p50_ms"] > 0 for r in results.values())
