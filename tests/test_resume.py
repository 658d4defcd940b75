"""A run killed with -9 at any moment, run again, ends in the same database."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import dump_tables

PLACES = ["Hilla", "al-Yusufiya", "Nasiriyah", "al-Diwaniyah", "Ramadi", "Baiji", "Albu Kamal", "al-Mayadin", "Idlib", "Hasakah"]
ACTS = ["a roadside bomb struck a logistics convoy", "rockets landed near a military base",
        "clashes broke out between rival factions", "protesters blocked a main road", "a drone hit a vehicle"]


def write_corpus(folder, n):
    for i in range(n):
        sub = folder / f"part{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        place, act = PLACES[i % len(PLACES)], ACTS[(i // 7) % len(ACTS)]
        text = (f"Report {i}: Incident Near {place}\n\nMarch {1 + i % 28}, 2022\n\n"
                f"Security sources said {act} near {place} on Tuesday, the {i}th such report this year.\n\n"
                f"Local officials gave a toll of {i % 9} dead. Item number {i} of the series.\n")
        (sub / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")


def stored(db):
    try:
        conn = sqlite3.connect(db, timeout=0.1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def marsad_run(corpus, db):
    return [sys.executable, "-m", "marsad", "run", str(corpus), "--db", str(db), "--batch-size", "100", "-q"]


def kill_after(corpus, db, at_least, timeout=120):
    process = subprocess.Popen(marsad_run(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while stored(db) < at_least and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return stored(db)


@pytest.mark.slow
def test_killed_runs_resume_to_the_clean_result(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3000)
    clean, resumed = tmp_path / "clean.db", tmp_path / "resumed.db"
    subprocess.run(marsad_run(corpus, clean), check=True)
    counts = [kill_after(corpus, resumed, n) for n in (1, 900, 2100)]
    assert 0 < counts[0] < 3000 and counts == sorted(counts)
    subprocess.run(marsad_run(corpus, resumed), check=True)
    assert dump_tables(resumed) == dump_tables(clean)
    assert stored(resumed) == 3000
