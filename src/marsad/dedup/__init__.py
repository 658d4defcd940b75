"""The ``dedup`` stage: reposts seen as reposts, repeated paragraphs seen once.

Three tiers, all indexed in SQLite so that they hold at a million articles:

* **copy** -- MinHash (word 3-shingles of the folded body, 128 permutations,
  16-bit values), 32 bands of 4 rows; candidate pairs come from a join on
  ``(band, bucket)`` in ``dedup_bands`` and are linked when their estimated
  Jaccard reaches 0.40.  A copy's ``articles.duplicate_of`` names
  the earliest article of its group.
* **paragraph** -- every paragraph of 20 words or more gets a fingerprint
  (exact repeats) and, when new, paragraph bands (near-exact repeats, verified
  at 0.60 with the same numbers); ``paragraphs.canonical_para_id`` names its first occurrence.
* **story** / **translation** -- articles sharing dates, numbers and name
  skeletons (see :mod:`.anchors`), below the copy threshold.

Use :func:`link_articles` inside the transaction that wrote the articles;
:data:`DEDUP_SCHEMA` holds the tables.
"""

from __future__ import annotations

from marsad.dedup.hook import dedup_batch, forget_documents
from marsad.dedup.link import forget_articles, link_articles
from marsad.dedup.minhash import article_signature, band_keys, similarity
from marsad.dedup.params import DedupOutcome, DedupParams
from marsad.dedup.read import Link, copies_of, links_of, original_of, paragraph_repeats, repeated_spans
from marsad.dedup.schema import DEDUP_SCHEMA

COMPONENT = "dedup"
VERSION = "1"

__all__ = [
    "COMPONENT", "DEDUP_SCHEMA", "VERSION", "DedupOutcome", "DedupParams", "Link", "article_signature",
    "band_keys", "copies_of", "dedup_batch", "forget_articles", "forget_documents", "link_articles", "links_of", "original_of",
    "paragraph_repeats", "repeated_spans", "similarity",
]
