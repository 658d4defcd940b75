"""End to end over the real seed pages (read at run time, never copied)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "eval" / "gold" / "seed_articles.json"


def _eval_module():
    spec = importlib.util.spec_from_file_location("segmentation_eval", REPO / "eval" / "segmentation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


def test_seed_pages_against_gold(seeds_dir):
    scores = _eval_module().evaluate(seeds_dir, GOLD)
    overall = scores[-1]
    assert overall.gold == sum(len(v) for v in json.loads(GOLD.read_text("utf-8")).values())
    assert overall.f1 >= 0.95
    assert overall.date_accuracy >= 0.95
    assert overall.title_accuracy >= 0.95


def test_gold_titles_sit_where_the_gold_says(seeds_dir):
    gold = json.loads(GOLD.read_text("utf-8"))
    for name, articles in gold.items():
        text = (seeds_dir / name).read_bytes().decode("utf-8")
        for article in articles:
            start = article["title_start"]
            assert text[start : start + len(article["title"])] == article["title"]
