"""The SQL of the dedup tables, applied as recorded migrations 4 and 5.

:data:`DEDUP_SCHEMA` is migration 4 as released and is never edited;
:data:`DEDUP_SCHEMA_V5` (migration 5) replaces its index tables -- 16-bit
k-permutation signatures and ``(band, bucket)`` rows -- by the one-permutation
signatures and 48-bit band keys of :mod:`.minhash` (old index rows cannot be
read by the new hashing, so they are dropped; links, paragraphs and
``duplicate_of`` stay).

Band and anchor tables are ``WITHOUT ROWID`` with the lookup columns as
primary key, so the table is its own index: a band row costs one B-tree
entry, not a row plus an index entry.  Signatures are 16-bit MinHash values
(two bytes a permutation).  No statement holds a ``;`` inside a string, and
every one is ``IF NOT EXISTS``: :func:`apply_schema` (run by the batch hook
while the tables are not yet a recorded migration) and the migration can
both run on one database.
"""

from __future__ import annotations

DEDUP_SCHEMA = """
-- Copy tier: one row per article and band; candidates are found by joining on (band, bucket).
CREATE TABLE IF NOT EXISTS dedup_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    rid INTEGER NOT NULL,
    PRIMARY KEY (band, bucket, rid)
) WITHOUT ROWID;

-- Per article: the 16-bit MinHash signature (verification), the story anchors
-- (int64 array) and the dominant script (1 Arabic, 0 other). rid = articles.rid.
CREATE TABLE IF NOT EXISTS dedup_signatures (
    rid INTEGER PRIMARY KEY,
    sig BLOB NOT NULL,
    anchors BLOB NOT NULL,
    script INTEGER NOT NULL DEFAULT 0
);

-- Paragraphs of at least DedupParams.min_para_words words, with the first-seen
-- paragraph they repeat (themselves when new). Offsets are into documents.text.
CREATE TABLE IF NOT EXISTS paragraphs (
    para_id TEXT PRIMARY KEY,
    rid INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    fingerprint INTEGER NOT NULL,
    canonical_para_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_rid ON paragraphs(rid, idx);
CREATE INDEX IF NOT EXISTS paragraphs_fingerprint ON paragraphs(fingerprint);
CREATE INDEX IF NOT EXISTS paragraphs_repeats ON paragraphs(canonical_para_id) WHERE canonical_para_id != para_id;

-- Paragraph bands for near-exact repeats; pkey = rid * 1024 + paragraph idx.
CREATE TABLE IF NOT EXISTS dedup_para_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    pkey INTEGER NOT NULL,
    PRIMARY KEY (band, bucket, pkey)
) WITHOUT ROWID;

-- Story tier: an article's anchor tokens (numbers, dates, names), hashed.
CREATE TABLE IF NOT EXISTS dedup_anchors (
    anchor INTEGER NOT NULL,
    rid INTEGER NOT NULL,
    PRIMARY KEY (anchor, rid)
) WITHOUT ROWID;

-- One row per linked pair: article_id is the later article (higher rid), other_id the earlier.
CREATE TABLE IF NOT EXISTS article_links (
    article_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    tier TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (article_id, other_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_links_other ON article_links(other_id);

-- The copies of an original, for copies_of(); only copies have a duplicate_of.
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
"""

DEDUP_SCHEMA_V5 = """
DROP TABLE IF EXISTS dedup_bands;
DROP TABLE IF EXISTS dedup_para_bands;
DROP TABLE IF EXISTS dedup_anchors;
DROP TABLE IF EXISTS dedup_signatures;

-- Copy tier: one row per article and band. The key hashes the band's values
-- with the band's number and keeps 48 bits (six bytes in a record).
CREATE TABLE IF NOT EXISTS dedup_keys (
    key INTEGER NOT NULL,
    rid INTEGER NOT NULL,
    PRIMARY KEY (key, rid)
) WITHOUT ROWID;

-- Per linked article: its MinHash signature (uint16 little-endian values, for
-- verification; the band keys are recomputed from it) and its dominant script
-- (1 Arabic, 0 other). rid = articles.rid. Every linked article has a row.
CREATE TABLE IF NOT EXISTS dedup_sigs (
    rid INTEGER PRIMARY KEY,
    sig BLOB NOT NULL,
    script INTEGER NOT NULL DEFAULT 0
);

-- Paragraph tier: band keys of paragraphs that are not exact repeats; pkey = rid * 1024 + idx.
CREATE TABLE IF NOT EXISTS dedup_para_keys (
    key INTEGER NOT NULL,
    pkey INTEGER NOT NULL,
    PRIMARY KEY (key, pkey)
) WITHOUT ROWID;

-- Story tier: an article's anchors (sorted int64 array), its publication day
-- (days since 1970-01-01, when known) and, once computed, the int8 embedding
-- (512 dims) of its lead; rid = articles.rid.
CREATE TABLE IF NOT EXISTS dedup_story (
    rid INTEGER PRIMARY KEY,
    anchors BLOB NOT NULL,
    day INTEGER,
    vec BLOB
);

-- Story tier postings: anchor -> articles, for the candidate join.
CREATE TABLE IF NOT EXISTS dedup_anchor_keys (
    anchor INTEGER NOT NULL,
    rid INTEGER NOT NULL,
    PRIMARY KEY (anchor, rid)
) WITHOUT ROWID
"""

DEDUP_TABLES = ("dedup_keys", "dedup_sigs", "paragraphs", "dedup_para_keys", "dedup_story",
                "dedup_anchor_keys", "article_links")

PARA_SLOTS = 1024


def schema_statements(sql: str = DEDUP_SCHEMA) -> list[str]:
    """The statements of ``sql``: comment lines dropped, split on ``;``."""
    cleaned = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    return [part.strip() for part in cleaned.split(";") if part.strip()]


def apply_schema(conn) -> None:
    """Create the dedup tables if they are missing (migrations 4 and 5); no commit."""
    exists = conn.execute("SELECT count(*) FROM sqlite_master WHERE name IN ({})".format(
        ",".join("?" * len(DEDUP_TABLES))), DEDUP_TABLES).fetchone()[0]
    if exists < len(DEDUP_TABLES):
        for statement in schema_statements(DEDUP_SCHEMA) + schema_statements(DEDUP_SCHEMA_V5):
            conn.execute(statement)
