"""The ``dedup`` stage: reposts seen as reposts, repeated paragraphs seen once.

Three tiers, all indexed in SQLite so that they hold at a million articles:

* **copy** -- one-permutation MinHash (word 3-shingles of the folded body,
  hashed in numpy for the whole batch, 128 16-bit values), 32 bands of 4
  rows; band keys are 48-bit integers in ``dedup_keys`` and candidate pairs
  come from one join of the batch's keys (a temporary table) against it; a
  pair is linked when its estimated Jaccard reaches 0.40.  A copy's
  ``articles.duplicate_of`` names the earliest article of its group.
* **paragraph** -- every paragraph of 20 words or more gets a fingerprint
  (exact repeats) and, when new, paragraph band keys (near-exact repeats,
  verified at 0.60 with the same numbers); ``paragraphs.canonical_para_id``
  names its first occurrence.
* **story** / **translation** -- articles sharing dates, numbers and name
  skeletons (see :mod:`.anchors`), published within a week, below the copy
  threshold; optionally confirmed by a multilingual sentence encoder
  (``DedupParams(story_encoder=True)``, :mod:`.encoder`).

Use :func:`link_articles` inside the transaction that wrote the articles;
:data:`DEDUP_SCHEMA` and :data:`DEDUP_SCHEMA_V5` (migrations 4 and 5) hold the tables.
"""

from __future__ import annotations

from marsad.dedup.hook import dedup_batch, forget_documents
from marsad.dedup.link import forget_articles, link_articles
from marsad.dedup.minhash import article_signature, band_keys, similarity
from marsad.dedup.params import DedupOutcome, DedupParams
from marsad.dedup.read import Link, copies_of, links_of, original_of, paragraph_repeats, repeated_spans
from marsad.dedup.schema import DEDUP_SCHEMA, DEDUP_SCHEMA_V5

COMPONENT = "dedup"
VERSION = "2"

__all__ = [
    "COMPONENT", "DEDUP_SCHEMA", "DEDUP_SCHEMA_V5", "VERSION", "DedupOutcome", "DedupParams", "Link", "article_signature",
    "band_keys", "copies_of", "dedup_batch", "forget_articles", "forget_documents", "link_articles", "links_of", "original_of",
    "paragraph_repeats", "repeated_spans", "similarity",
]
