"""Properties: similarity is a symmetric score in [0, 1], signatures are the same
everywhere, and linking does not depend on how the articles are batched."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.dedup import DedupParams, article_signature, band_keys, link_articles, similarity
from marsad.dedup.edits import EDIT_KINDS, body_text, edited
from marsad.dedup.memory import add_articles, open_database
from marsad.dedup.minhash import text_signature, text_signatures

WORDS = ("the", "convoy", "was", "struck", "near", "Mosul", "on", "Tuesday", "police", "said", "two", "people",
         "killed", "الموصل", "قتل", "شخصان", "في", "هجوم", "12", "٣٤", "Kata'ib", "Hezbollah", "claimed", "attack")
texts = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join) | st.text(max_size=300)


@settings(max_examples=150, deadline=None)
@given(texts, texts)
def test_similarity_is_symmetric_and_bounded(a, b):
    forward, backward = similarity(a, b), similarity(b, a)
    assert forward == backward
    assert 0.0 <= forward <= 1.0


@settings(max_examples=60, deadline=None)
@given(texts)
def test_a_text_is_fully_similar_to_itself_and_signatures_repeat(a):
    assert similarity(a, a) == 1.0
    first, second = article_signature(a), article_signature(a)
    assert first.dtype == np.uint16 and first.shape == (128,)
    assert np.array_equal(first, second)


@settings(max_examples=40, deadline=None)
@given(st.lists(texts, min_size=1, max_size=8))
def test_batch_signatures_equal_one_by_one(items):
    batch = text_signatures(items, k=3, seed=7, num_perm=64)
    single = np.array([text_signature(t, k=3, seed=7, num_perm=64) for t in items])
    assert np.array_equal(batch, single)


def test_signatures_and_band_keys_are_the_same_in_another_process():
    text = "Two US occupation military logistics convoys were targeted in the provinces of Babil and Baghdad."
    code = (
        "import sys; from marsad.dedup import article_signature, band_keys;"
        f"s = article_signature({text!r}); sys.stdout.write(s.tobytes().hex() + ' ' + "
        "band_keys(s[None, :], 32, 3)[0].tobytes().hex())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONHASHSEED": "12345", "PATH": ""}).stdout.split()
    sig = article_signature(text)
    assert out == [sig.tobytes().hex(), band_keys(sig[None, :], 32, 3)[0].tobytes().hex()]


def corpus(seed: int, n: int = 14) -> list[tuple[str, str, str]]:
    """Word-list articles, some of them edited copies of earlier ones."""
    rng = random.Random(seed)
    made = []
    for i in range(n):
        if made and rng.random() < 0.4:
            made.append(edited(rng.choice(made), rng.choice(EDIT_KINDS), i))
        else:
            paragraphs = [" ".join(rng.choice(WORDS) + rng.choice(("", "s", "ed", "ing")) for _ in range(rng.randint(22, 40)))
                          for _ in range(rng.randint(2, 5))]
            made.append((f"Title {i}", paragraphs))
    return [(title, body_text((title, paragraphs)), None) for title, paragraphs in made]


def linked_rows(items, cuts: list[int]) -> dict[str, list]:
    conn = open_database()
    rids = add_articles(conn, items)
    bounds = [0, *sorted(set(c for c in cuts if 0 < c < len(rids))), len(rids)]
    for start, end in zip(bounds, bounds[1:]):
        conn.execute("BEGIN")
        link_articles(conn, rids[start:end], DedupParams())
        conn.execute("COMMIT")
    tables = ("dedup_keys", "dedup_sigs", "paragraphs", "dedup_para_keys", "dedup_story", "dedup_anchor_keys", "article_links")
    rows = {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")), key=repr) for t in tables}
    rows["duplicate_of"] = sorted(conn.execute("SELECT rid, duplicate_of FROM articles"), key=repr)
    return rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.lists(st.integers(1, 13), max_size=6))
def test_linking_does_not_depend_on_batching(seed, cuts):
    items = corpus(seed)
    assert linked_rows(items, cuts) == linked_rows(items, [])


def story_rows(items, cuts: list[int]) -> dict[str, list]:
    conn = open_database()
    rids = add_articles(conn, items)
    bounds = [0, *sorted(set(c for c in cuts if 0 < c < len(rids))), len(rids)]
    for start, end in zip(bounds, bounds[1:]):
        conn.execute("BEGIN")
        link_articles(conn, rids[start:end], DedupParams(story_encoder=True))
        conn.execute("COMMIT")
    tables = ("dedup_story", "dedup_anchor_keys", "article_links")
    return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")), key=repr) for t in tables}


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.lists(st.integers(1, 12), max_size=4))
def test_story_links_and_embeddings_do_not_depend_on_batching(rng, cuts):
    from tests.dedup.story_samples import DISTINCT, PAIRS, ROUNDUP

    items = [a for pair in PAIRS for a in pair] + DISTINCT + [ROUNDUP]
    rng.shuffle(items)
    whole = story_rows(items, [])
    assert whole["article_links"], "the samples link"
    assert story_rows(items, cuts) == whole
