"""Parameters and outcome of the dedup stage.

The defaults are tuned for news on HRDsAttack train (eval/dedup.py):

* articles: word 3-shingles, 128 permutations in 32 bands of 4 rows: a
  pair meets in some band with probability 0.50 at Jaccard 0.38, 0.81 at
  0.475, 0.95 at 0.55 and 0.99 at 0.60 (a copy with a tenth of its words
  reworded is at 0.5-0.65), while a pair at 0.10 meets with 0.3% only; all
  128 values verify the pair, a copy at an estimated Jaccard of 0.40
  (distinct articles on one story reach 0.3 at most in the data set).
  Three rows (50% at 0.28) link 0.3% more reworded copies but make
  four to thirteen times as many candidates, which costs at a million;
* paragraphs of 20 words or more: exact repeats by fingerprint; near-exact
  ones by 64 permutations, 50 of them in 10 bands of 5 rows, the 4 candidates
  sharing most bands verified at 0.60 and required to carry the same numbers;
* story: 24 anchors an article, 4 shared (one a number or date) covering 40%
  of the smaller set, within the 50,000 previous articles.
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
    para_shingle: int = 3
    para_perm: int = 64
    para_bands: int = 10
    para_rows: int = 5
    para_verify: int = 4
    para_threshold: float = 0.60
    min_para_words: int = 20
    paragraphs: bool = True
    story: bool = True
    max_anchors: int = 24
    story_min_shared: int = 4
    story_threshold: float = 0.40
    story_window: int = 50_000
    max_anchor_postings: int = 400

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
    copies: int = 0
    paragraphs: int = 0
    paragraph_repeats: int = 0
    story_links: int = 0
    translation_links: int = 0
