"""The SQL of the dedup tables, to be applied as one recorded migration.

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

DEDUP_TABLES = ("dedup_bands", "dedup_signatures", "paragraphs", "dedup_para_bands",
                "dedup_anchors", "article_links")

PARA_SLOTS = 1024


def schema_statements(sql: str = DEDUP_SCHEMA) -> list[str]:
    """The statements of ``sql``: comment lines dropped, split on ``;``."""
    cleaned = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    return [part.strip() for part in cleaned.split(";") if part.strip()]


def apply_schema(conn) -> None:
    """Create the dedup tables if they are missing; no commit."""
    exists = conn.execute("SELECT count(*) FROM sqlite_master WHERE name IN ({})".format(
        ",".join("?" * len(DEDUP_TABLES))), DEDUP_TABLES).fetchone()[0]
    if exists < len(DEDUP_TABLES):
        for statement in schema_statements():
            conn.execute(statement)
