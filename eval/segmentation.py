"""Score the segmenter against the hand annotation of the seed pages.

    .venv/bin/python eval/segmentation.py [--seeds DIR] [--gold FILE] [--json]

Each seed is read as a page document.  A predicted article matches a gold one
when its title starts where the gold title starts, or when the normalised
titles are equal and the starts are within 200 characters.  Printed per page
and overall: boundary precision, recall and F1; title accuracy (matched
articles whose title string equals the gold title); date accuracy (over gold
articles: the matched article's date equals the gold date; an unmatched gold
article counts as wrong unless its gold date is null and … it is still wrong:
a missed article has no predicted date).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from marsad.ids import content_digest  # noqa: E402
from marsad.models import Article, DocKind, Document  # noqa: E402
from marsad.segment import segment_document  # noqa: E402

NEAR_CHARS = 200
_NON_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class PageScore:
    page: str
    gold: int
    predicted: int
    matched: int
    titles_right: int
    dates_right: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def title_accuracy(self) -> float:
        return self.titles_right / self.matched if self.matched else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.gold if self.gold else 1.0

    def numbers(self) -> dict[str, float | int | str]:
        return {
            "page": self.page,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "title_accuracy": round(self.title_accuracy, 4),
            "date_accuracy": round(self.date_accuracy, 4),
        }


def normalised(title: str | None) -> str:
    return _NON_ALNUM.sub("", title or "").casefold()


def page_document(path: Path, name: str) -> Document:
    raw = path.read_bytes()
    return Document(
        doc_id=name,
        kind=DocKind.PAGE,
        origin=str(path),
        text=raw.decode("utf-8"),
        content_sha=content_digest(raw),
    )


def _matches(article: Article, gold: dict) -> bool:
    start = article.title_span.start if article.title_span else article.char_start
    if start == gold["title_start"]:
        return True
    same = normalised(article.title) == normalised(gold["title"])
    return same and abs(start - gold["title_start"]) <= NEAR_CHARS


def match(predicted: tuple[Article, ...], gold: list[dict]) -> list[tuple[dict, Article | None]]:
    """Each gold article with the predicted article matched to it (one-to-one)."""
    free = list(predicted)
    pairs: list[tuple[dict, Article | None]] = []
    for item in gold:
        found = next((article for article in free if _matches(article, item)), None)
        if found is not None:
            free.remove(found)
        pairs.append((item, found))
    return pairs


def score_page(name: str, predicted: tuple[Article, ...], gold: list[dict]) -> PageScore:
    pairs = match(predicted, gold)
    matched = [(item, article) for item, article in pairs if article is not None]
    return PageScore(
        page=name,
        gold=len(gold),
        predicted=len(predicted),
        matched=len(matched),
        titles_right=sum(1 for item, article in matched if article.title == item["title"]),
        dates_right=sum(1 for item, article in matched if article.published == item["published"]),
    )


def total(scores: list[PageScore]) -> PageScore:
    return PageScore(
        page="overall",
        gold=sum(score.gold for score in scores),
        predicted=sum(score.predicted for score in scores),
        matched=sum(score.matched for score in scores),
        titles_right=sum(score.titles_right for score in scores),
        dates_right=sum(score.dates_right for score in scores),
    )


def evaluate(seeds: Path, gold_file: Path) -> list[PageScore]:
    gold = json.loads(gold_file.read_text("utf-8"))
    scores = []
    for name in sorted(gold):
        path = seeds / name
        if not path.is_file():
            print(f"missing seed page: {path}", file=sys.stderr)
            continue
        predicted = segment_document(page_document(path, str(path)))
        scores.append(score_page(name, predicted, gold[name]))
    return scores + [total(scores)]


def _table(scores: list[PageScore]) -> str:
    header = f"{'page':<28} {'gold':>4} {'pred':>4} {'P':>6} {'R':>6} {'F1':>6} {'title':>6} {'date':>6}"
    rows = [header, "-" * len(header)]
    for s in scores:
        rows.append(
            f"{s.page:<28} {s.gold:>4} {s.predicted:>4} {s.precision:>6.3f} {s.recall:>6.3f} "
            f"{s.f1:>6.3f} {s.title_accuracy:>6.3f} {s.date_accuracy:>6.3f}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "corpus" / "seeds")
    parser.add_argument("--gold", type=Path, default=REPO / "eval" / "gold" / "seed_articles.json")
    parser.add_argument("--json", action="store_true", help="print machine-readable numbers")
    args = parser.parse_args(argv)
    scores = evaluate(args.seeds, args.gold)
    if args.json:
        print(json.dumps([score.numbers() for score in scores], indent=1))
    else:
        print(_table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
