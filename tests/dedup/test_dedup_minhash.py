"""Words, one-permutation MinHash and band keys: the same tokens as the regular expression,
estimates close to the exact Jaccard on real text with real edits, keys in 48 bits."""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.dedup import DedupParams, link_articles
from marsad.dedup.edits import EDIT_KINDS, body_text, edited, read_hrdsattack
from marsad.dedup.memory import add_articles, open_database
from marsad.dedup.minhash import EMPTY, band_keys, estimate_jaccard, exact_jaccard, text_signature, text_signatures, tokens
from marsad.dedup.words import words_of
from marsad.normalize.arabic import normalize_for_matching

TRAIN = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "hrdsattack" / "train.json"
MIXED = st.text(alphabet=st.sampled_from(list("ab1٣ c\n.,-'’_éÉ«»،؟ـ\u064e\u00a0\tقتلالموصل")), max_size=200)


@pytest.fixture(scope="module")
def train():
    if not TRAIN.is_file():
        pytest.skip("HRDsAttack train.json is not present")
    return [a for a in read_hrdsattack(TRAIN) if len(a[1]) >= 4]


@settings(max_examples=200, deadline=None)
@given(MIXED)
def test_words_are_the_word_runs_of_the_folded_text(text):
    assert tokens(text) == re.findall(r"\w+", normalize_for_matching(text))
    words = words_of([text])
    assert len(words.hashes) == len(tokens(text))
    assert words.per_line().sum() == len(words.hashes) and len(words.per_line()) == text.count("\n") + 1


@settings(max_examples=60, deadline=None)
@given(st.lists(MIXED, min_size=2, max_size=5))
def test_a_texts_words_do_not_depend_on_its_neighbours(texts):
    together = words_of(texts)
    for i, text in enumerate(texts):
        alone = words_of([text])
        mine = together.text_of == i
        assert np.array_equal(together.hashes[mine], alone.hashes)
        assert np.array_equal(together.digits[mine], alone.digits)
        assert np.array_equal(together.line_of[mine] - together.line_base[i], alone.line_of)


def test_estimates_follow_the_exact_jaccard_of_edited_articles(train):
    rng = random.Random(3)
    errors = []
    for seed, article in enumerate(train[:120]):
        other = edited(article, rng.choice(EDIT_KINDS), seed) if seed % 4 else train[seed + 1]
        a, b = body_text(article), body_text(other)
        errors.append(estimate_jaccard(text_signature(a), text_signature(b)) - exact_jaccard(a, b))
    errors = np.array(errors)
    assert abs(errors.mean()) < 0.02, errors.mean()
    assert np.abs(errors).mean() < 0.05 and np.abs(errors).max() < 0.2


def test_short_texts_are_densified_and_empty_texts_are_empty():
    short = text_signature("five words in this text")
    assert not np.any(short == EMPTY) and np.array_equal(short, text_signature("Five words, in this text."))
    assert np.all(text_signature("") == EMPTY) and np.all(text_signature("...") == EMPTY)
    assert estimate_jaccard(short, text_signature("five other words entirely different")) < 0.2


def test_band_keys_are_signed_48_bit_and_salted_by_band():
    sigs = text_signatures(["a text about a convoy near Mosul", "another text entirely"], k=3, seed=1, num_perm=128)
    keys = band_keys(sigs, 32, 4)
    assert keys.dtype == np.int64 and keys.shape == (2, 32)
    assert keys.min() >= -(1 << 47) and keys.max() < 1 << 47
    same = band_keys(np.zeros((1, 128), dtype=np.uint16), 32, 4)[0]
    assert len(set(same.tolist())) == 32


def test_a_big_copy_group_keeps_linking_past_the_bucket_cap(train):
    params = DedupParams(max_bucket=4, story=False, paragraphs=False)
    original = train[0]
    copies = [edited(original, "footer", seed) for seed in range(10)]
    conn = open_database()
    rids = add_articles(conn, [(a[0], body_text(a), "en") for a in [original, train[1], *copies]])
    for rid in rids:  # one batch each: every copy sees a full bucket
        link_articles(conn, [rid], params)
    root = conn.execute("SELECT article_id FROM articles WHERE rid = ?", (rids[0],)).fetchone()[0]
    dups = [d for (d,) in conn.execute("SELECT duplicate_of FROM articles WHERE rid > ? ORDER BY rid", (rids[1],))]
    assert dups == [root] * len(copies)
    widest = conn.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM dedup_keys GROUP BY key)").fetchone()[0]
    assert widest == len(copies) + 1
