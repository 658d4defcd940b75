"""Parameters and outcome of the dedup stage.

The defaults are tuned for news on HRDsAttack train and dev (eval/dedup.py)
and for speed on the synthetic million of benchmarks/bench_dedup.py:

* articles: word 3-shingles, 128 one-permutation MinHash values (4 sketches
  of 32 bins, interleaved so that each band's 4 rows come from 4 hash
  functions) in 32 bands of 4 rows: a pair meets in some band with
  probability 0.50 at Jaccard 0.38, 0.87 at 0.50, 0.95 at 0.55 and 0.99 at
  0.60 (a copy with a tenth of its words reworded is at 0.5-0.65), a pair
  at 0.10 with 0.3%; all 128 values verify the pair, a copy at an estimated
  Jaccard of 0.40 (distinct articles on one story reach 0.3 at most in the
  data set).  Three rows link as many copies but make 4 to 60 times as many
  candidates on template-like text.  A band key shared by more than
  ``max_bucket`` earlier articles (boilerplate, or a big copy group) yields
  only the latest 16 of them, which bounds the join at a million;
* paragraphs of 20 words or more: exact repeats by fingerprint; near-exact
  ones by 64 values, 32 of them in 8 bands of 4 rows (0.97 at Jaccard 0.77,
  the lightly edited background paragraph of seed 003), the 4 candidates
  sharing most bands verified at 0.60 and required to carry the same numbers;
* story: 24 anchors an article within the 50,000 previous articles, at most
  7 days apart when both dates are known, the 5 candidates sharing most
  anchors; anchors alone link a same-script pair sharing 4 (one a number or
  date) covering 40% of the smaller set and 15% of the union, a cross-script
  pair sharing 3 covering 50% of the smaller set.  With ``story_encoder`` a
  pair sharing 3 covering 25% is linked when the cosine of the two leads
  reaches 0.45.  The encoder is off by default: it costs a model load (about
  a second, 150 MB) and 10-40 ms per embedded article on this machine, and
  on template-like text nearly every article has a candidate.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DedupParams:
    """Every knob of near-duplicate detection; the same params give the same rows."""

    seed: int = 20200103
    shingle: int = 3
    num_perm: int = 128
    bands: int = 32
    rows: int = 4
    copy_threshold: float = 0.40
    min_tokens: int = 12
    max_candidates: int = 64
    max_bucket: int = 16
    para_shingle: int = 3
    para_perm: int = 64
    para_bands: int = 8
    para_rows: int = 4
    para_verify: int = 4
    para_threshold: float = 0.60
    min_para_words: int = 20
    paragraphs: bool = True
    story: bool = True
    max_anchors: int = 24
    story_min_shared: int = 4
    story_threshold: float = 0.40
    story_min_jaccard: float = 0.15
    story_window: int = 50_000
    story_max_days: int = 7
    max_anchor_postings: int = 400
    translation_min_shared: int = 3
    translation_threshold: float = 0.50
    story_max_candidates: int = 5
    story_encoder: bool = False
    story_encoder_shared: int = 3
    story_encoder_coverage: float = 0.25
    story_cosine: float = 0.45
    translation_cosine: float = 0.45

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError("bands * rows must not exceed num_perm")
        if self.para_bands * self.para_rows > self.para_perm:
            raise ValueError("para_bands * para_rows must not exceed para_perm")
        if self.shingle < 1 or self.para_shingle < 1:
            raise ValueError("shingle sizes must be positive")


@dataclass(frozen=True, slots=True)
class DedupOutcome:
    """What one call of :func:`marsad.dedup.link_articles` found."""

    articles: int = 0
    candidates: int = 0
    copies: int = 0
    paragraphs: int = 0
    paragraph_repeats: int = 0
    story_links: int = 0
    translation_links: int = 0


def param_overrides(pairs: list[str]) -> dict:
    """``NAME=VALUE`` overrides of :class:`DedupParams` fields (for the eval and benchmark scripts),
    typed like the defaults; booleans as 0/1/true/false."""
    found = {}
    for name, value in (p.split("=", 1) for p in pairs):
        kind = type(getattr(DedupParams(), name))
        found[name] = value.lower() in ("1", "true", "yes") if kind is bool else kind(value)
    return found
