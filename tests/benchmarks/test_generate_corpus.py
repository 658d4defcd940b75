"""The benchmark corpus generator: deterministic, the asked size and mix, real reposts."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate_corpus.py"
MODULE_NAME = "marsad_bench_generate_corpus"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    """benchmarks/generate_corpus.py, loaded from its path (benchmarks/ is not a package)."""
    if MODULE_NAME in sys.modules:
        return sys.modules[MODULE_NAME]
    spec = importlib.util.spec_from_file_location(MODULE_NAME, GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE_NAME] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_same_seed_same_documents(gen: ModuleType) -> None:
    first = list(gen.generate_documents(60, seed=11))
    second = list(gen.generate_documents(60, seed=11))
    assert first == second
    other = list(gen.generate_documents(60, seed=12))
    assert [d["text"] for d in other] != [d["text"] for d in first]


@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
def test_same_seed_same_bytes_on_disk(gen: ModuleType, tmp_path: Path, fmt: str) -> None:
    options = gen.CorpusOptions(seed=4)
    gen.write_corpus(tmp_path / "a", 40, options, fmt)
    gen.write_corpus(tmp_path / "b", 40, options, fmt)
    assert _tree_digest(tmp_path / "a") == _tree_digest(tmp_path / "b")


def test_txt_corpus_has_n_files_in_small_folders(gen: ModuleType, tmp_path: Path) -> None:
    n = 1005
    assert gen.main(["--out", str(tmp_path), "--docs", str(n), "--seed", "2"]) == 0
    files = sorted(tmp_path.rglob("*.txt"))
    assert len(files) == n
    per_folder: dict[Path, int] = {}
    for path in files:
        per_folder[path.parent] = per_folder.get(path.parent, 0) + 1
    assert len(per_folder) == 2
    assert max(per_folder.values()) <= 1000


def test_jsonl_records_follow_the_contract(gen: ModuleType, tmp_path: Path) -> None:
    assert gen.main(["--out", str(tmp_path), "--docs", "50", "--format", "jsonl"]) == 0
    lines = (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 50
    records = [json.loads(line) for line in lines]
    assert len({r["id"] for r in records}) == 50
    for record in records:
        assert set(record) == {"id", "text", "title", "published", "url", "source", "lang"}
        assert record["lang"] in {"en", "ar"}
        assert len(record["published"]) == 10 and record["published"][4] == "-"
        assert record["url"].startswith("https://")
        assert record["title"] in record["text"]


def test_arabic_share_is_roughly_respected(gen: ModuleType) -> None:
    for share in (0.0, 0.3, 1.0):
        pages = list(gen.generate_pages(600, gen.CorpusOptions(seed=5, arabic_share=share)))
        articles = [a for p in pages for a in p.articles]
        measured = sum(a.lang == "ar" for a in articles) / len(articles)
        assert abs(measured - share) < 0.06, (share, measured)
        page_share = sum(p.lang == "ar" for p in pages) / len(pages)
        assert abs(page_share - share) < 0.1, (share, page_share)


def test_arabic_articles_are_in_arabic(gen: ModuleType) -> None:
    pages = gen.generate_pages(200, gen.CorpusOptions(seed=6, arabic_share=0.5))
    for page in pages:
        for article in page.articles:
            arabic = sum("\u0600" <= c <= "\u06ff" for c in article.paragraphs[0])
            if article.lang == "ar":
                assert arabic > len(article.paragraphs[0]) // 3
            else:
                assert arabic == 0


def test_reposts_share_most_paragraphs_with_an_earlier_article(gen: ModuleType) -> None:
    pages = list(gen.generate_pages(400, gen.CorpusOptions(seed=8, repost_share=0.2)))
    seen: dict[str, tuple[str, ...]] = {}
    reposts = 0
    for page in pages:
        for article in page.articles:
            if article.repost_of is not None:
                reposts += 1
                original = seen[article.repost_of]  # the original came earlier
                shared = set(article.paragraphs) & set(original)
                assert len(shared) >= 0.5 * len(original)
                assert article.paragraphs[0] in page.text
            seen[article.key] = article.paragraphs
    total = sum(len(p.articles) for p in pages)
    assert 0.1 < reposts / total < 0.3


def test_reposts_absent_when_share_is_zero(gen: ModuleType) -> None:
    pages = gen.generate_pages(200, gen.CorpusOptions(seed=9, repost_share=0.0))
    assert all(a.repost_of is None for p in pages for a in p.articles)


def test_page_structure(gen: ModuleType) -> None:
    pages = list(gen.generate_pages(300, gen.CorpusOptions(seed=10)))
    counts = {len(p.articles) for p in pages}
    assert min(counts) == 1 and max(counts) == 6
    joined = "\n".join(p.text for p in pages)
    for marker in ("Related News", "فيديوات متعلقة", "By Staff, Agencies"):
        assert marker in joined
    for page in pages:
        assert len(page.article_spans) == len(page.articles)
        for article, (start, end) in zip(page.articles, page.article_spans):
            assert page.text[start:end].startswith(article.title)
            assert page.text[start:end].endswith(article.paragraphs[-1])
    mean_bytes = sum(len(p.text.encode("utf-8")) for p in pages) / len(pages)
    assert 3000 <= mean_bytes <= 6000


def test_date_lines_take_several_forms(gen: ModuleType) -> None:
    import datetime as dt
    import random

    rng = random.Random(0)
    day = dt.date(2021, 9, 4)
    forms = {gen.format_date(rng, day, False) for _ in range(200)}
    assert {"September 4, 2021", "4 Sep 2021", "04/09/2021"} <= forms
    arabic = {gen.format_date(rng, day, True) for _ in range(200)}
    assert "أيلول 4 2021" in arabic
