"""One-permutation MinHash over word shingles, vectorised over a whole batch.

Words are hashed by :mod:`.words` (the same bits in every process); a
shingle's hash chains the hashes of its ``k`` words through splitmix64.

A signature of ``m`` values is a *one-permutation hashing* MinHash
(Li, Owen and Zhang 2012) with *optimal densification* (Shrivastava 2017):
each shingle hash is mixed with the seed once; the high bits pick one of
``m`` bins, and each bin keeps the minimum of the low 32 bits over the
text's shingles.  A bin no shingle fell into borrows the value of the first
filled bin in its own fixed pseudo-random probe sequence (the same sequence
in every text, so two texts agree on a borrowed bin exactly when they agree
on the bin it borrows from); the rare bin whose 64 probes are all empty takes
the next filled bin to its right.  For each position, two texts agree with
probability equal to the Jaccard similarity of their shingle sets, as with
``m`` independent permutations, but a text costs one hash per shingle instead
of ``m``.  The low 16 bits of each minimum are kept (b-bit MinHash), so two
texts agree at a position with probability ``J + (1 - J)/65536``.

A band key hashes the ``r`` values of one band with the band's number and
keeps 48 bits, a signed integer that SQLite stores in six bytes.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from marsad.dedup.words import GOLDEN, mix64, segment_shingles, words_of

if TYPE_CHECKING:
    import numpy as np

EMPTY = 0xFFFF
_COLLIDE = 1.0 / 65536.0
_PROBES = 64
_KEY_BITS = 48


def tokens(text: str) -> list[str]:
    """The folded word tokens of ``text`` (Arabic variants, case and marks folded)."""
    from marsad.dedup.words import fold

    return fold(text).split()


@lru_cache(maxsize=16)
def _seed_salt(seed: int) -> int:
    return int.from_bytes(hashlib.blake2b(f"marsad-oph:{seed}".encode(), digest_size=8).digest(), "little")


@lru_cache(maxsize=16)
def probe_table(seed: int, num_perm: int) -> "np.ndarray":
    """``(num_perm, 64)`` bins: the fixed probe sequence of each bin for densification."""
    import numpy as np

    salt = np.uint64(_seed_salt(seed) ^ 0x5851F42D4C957F2D)
    cells = np.arange(num_perm * _PROBES, dtype=np.uint64).reshape(num_perm, _PROBES)
    table = ((mix64(cells * np.uint64(GOLDEN) + salt) >> np.uint64(32)) * np.uint64(num_perm)) >> np.uint64(32)
    table = table.astype(np.int64)
    table.setflags(write=False)
    return table


def oph_signatures(shingles: "np.ndarray", owner: "np.ndarray", n: int, *, seed: int, num_perm: int,
                   rows: int = 1) -> "np.ndarray":
    """``uint16`` signatures, shape ``(n, num_perm)``, of the shingle sets ``owner -> shingles``.

    The values come from ``rows`` independent one-permutation sketches of
    ``ceil(num_perm / rows)`` bins each, interleaved: value ``i * rows + j``
    is bin ``i`` of sketch ``j``, so the ``rows`` values of a band come from
    different hash functions and agree independently.  A row without a single
    shingle is all :data:`EMPTY`.
    """
    import numpy as np

    bins = -(-num_perm // rows)
    parts = [_one_sketch(shingles, owner, n, seed=seed + 7919 * j, bins=bins) for j in range(rows)]
    return np.stack(parts, axis=2).reshape(n, bins * rows)[:, :num_perm].copy()


def _one_sketch(shingles: "np.ndarray", owner: "np.ndarray", n: int, *, seed: int, bins: int) -> "np.ndarray":
    """One densified one-permutation sketch of ``bins`` 16-bit values per set."""
    import numpy as np

    full = np.iinfo(np.uint64).max
    table = np.full(n * bins, full, dtype=np.uint64)
    if len(shingles):
        h = mix64(shingles ^ np.uint64(_seed_salt(seed)))
        slot = (((h >> np.uint64(32)) * np.uint64(bins)) >> np.uint64(32)).astype(np.int64)
        np.minimum.at(table, owner * bins + slot, h & np.uint64(0xFFFFFFFF))
    table = table.reshape(n, bins)
    _densify(table, seed, bins)
    out = (table & np.uint64(0xFFFF)).astype(np.uint16)
    out[table[:, 0] == full] = EMPTY
    return out


def _densify(table: "np.ndarray", seed: int, num_perm: int) -> None:
    """Fill the empty bins of rows that have at least one filled bin (see the module doc)."""
    import numpy as np

    empty = table == np.iinfo(np.uint64).max
    partial = np.flatnonzero(empty.any(axis=1) & ~empty.all(axis=1))
    if not len(partial):
        return
    probes = probe_table(seed, num_perm)
    for chunk in np.array_split(partial, max(1, len(partial) // 256)):
        rows = table[chunk]
        filled = ~empty[chunk]
        hits = filled[:, probes]  # (rows, bins, probes)
        first = hits.argmax(axis=2)
        found = np.take_along_axis(hits, first[:, :, None], axis=2)[:, :, 0]
        source = probes[np.arange(num_perm)[None, :], first]
        source = np.where(found, source, _right_neighbour(filled))
        borrowed = np.take_along_axis(rows, source, axis=1)
        table[chunk] = np.where(filled, rows, borrowed)


def _right_neighbour(filled: "np.ndarray") -> "np.ndarray":
    """For each bin, the first filled bin at or after it, going round (rows have one filled bin)."""
    import numpy as np

    k = filled.shape[1]
    doubled = np.concatenate([filled, filled], axis=1)
    index = np.where(doubled, np.arange(2 * k)[None, :], 2 * k)
    nearest = np.minimum.accumulate(index[:, ::-1], axis=1)[:, ::-1]
    return nearest[:, :k] % k


def text_signatures(texts: Sequence[str], *, k: int, seed: int, num_perm: int, rows: int = 4) -> "np.ndarray":
    """Signatures, shape ``(len(texts), num_perm)``, of whole texts; row ``i`` depends on text ``i`` only."""
    w = words_of(texts)
    shingles, owner = segment_shingles(w.hashes, w.text_of, k)
    return oph_signatures(shingles, owner, len(texts), seed=seed, num_perm=num_perm, rows=rows)


def text_signature(text: str, *, k: int = 3, seed: int = 20200103, num_perm: int = 128, rows: int = 4) -> "np.ndarray":
    """The signature of ``text`` over word ``k``-shingles."""
    return text_signatures([text], k=k, seed=seed, num_perm=num_perm, rows=rows)[0]


def article_signature(text: str, params=None) -> "np.ndarray":
    """An article body's copy-tier signature (``uint16[num_perm]``) under ``params``."""
    from marsad.dedup.params import DedupParams

    p = params or DedupParams()
    return text_signature(text, k=p.shingle, seed=p.seed, num_perm=p.num_perm, rows=p.rows)


def paragraph_signatures(texts: Sequence[str], params=None) -> "np.ndarray":
    """Paragraph signatures (``uint16[n, para_perm]``) of single-line texts under ``params``."""
    from marsad.dedup.params import DedupParams

    p = params or DedupParams()
    return text_signatures(texts, k=p.para_shingle, seed=p.seed + 1, num_perm=p.para_perm, rows=p.para_rows)


def band_keys(signatures: "np.ndarray", bands: int, rows: int, salt: int = 0) -> "np.ndarray":
    """Signed 48-bit band keys (``int64``), shape ``(n, bands)``, of ``signatures`` (``(n, perm)``)."""
    import numpy as np

    sigs = np.asarray(signatures, dtype=np.uint16).reshape(-1, signatures.shape[-1])
    blocks = sigs[:, : bands * rows].astype(np.uint64).reshape(len(sigs), bands, rows)
    keys = mix64(np.arange(1, bands + 1, dtype=np.uint64) * np.uint64(GOLDEN) + np.uint64(salt))
    keys = np.broadcast_to(keys, (len(sigs), bands)).copy()
    for row in range(rows):
        keys = mix64(keys ^ (blocks[:, :, row] << np.uint64(16 * (row % 4))))
    keys = (keys >> np.uint64(64 - _KEY_BITS)).astype(np.int64)
    return np.where(keys >= 1 << (_KEY_BITS - 1), keys - (1 << _KEY_BITS), keys)


def estimate_jaccard(a: "np.ndarray", b: "np.ndarray") -> float:
    """Estimated Jaccard of two signatures, corrected for 16-bit collisions, in [0, 1]."""
    import numpy as np

    if len(a) == 0:
        return 0.0
    agree = float(np.count_nonzero(a == b)) / len(a)
    return min(1.0, max(0.0, (agree - _COLLIDE) / (1.0 - _COLLIDE)))


def is_empty(signature: "np.ndarray") -> bool:
    """True for the signature of a text without a single shingle."""
    import numpy as np

    return bool(np.all(signature == EMPTY))


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard of the word 3-shingles of two texts (symmetric, in [0, 1])."""
    sig_a, sig_b = article_signature(a), article_signature(b)
    if is_empty(sig_a) or is_empty(sig_b):
        return 1.0 if is_empty(sig_a) and is_empty(sig_b) else 0.0
    return estimate_jaccard(sig_a, sig_b)


def shingle_set(text: str, k: int = 3) -> "np.ndarray":
    """The distinct word ``k``-shingle hashes of ``text``, sorted."""
    import numpy as np

    w = words_of([text])
    return np.unique(segment_shingles(w.hashes, w.text_of, k)[0])


def exact_jaccard(a: str, b: str, k: int = 3) -> float:
    """Exact Jaccard of the word ``k``-shingle sets (for tests and evaluation)."""
    import numpy as np

    sa, sb = shingle_set(a, k), shingle_set(b, k)
    union = len(np.union1d(sa, sb))
    return len(np.intersect1d(sa, sb)) / union if union else 1.0
