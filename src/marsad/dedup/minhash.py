"""Vectorised MinHash over word shingles: pure functions, the same bits everywhere.

Text is folded with :func:`marsad.normalize.arabic.normalize_for_matching`
and cut into word tokens; a token's hash is the first 8 bytes of its BLAKE2b
digest, a shingle's hash mixes the hashes of its ``k`` tokens (splitmix64),
so nothing depends on Python's salted ``hash()``.  Permutation ``i`` maps a
shingle hash ``x`` to the high 32 bits of ``a_i * x + b_i`` (mod 2**64, with
``a_i`` odd and ``a_i``, ``b_i`` drawn from BLAKE2b of the seed), the minimum
over the text's shingles is taken, and its low 16 bits are kept (b-bit
MinHash): two texts agree at a position with probability ``J + (1 - J)/65536``.

A band key packs the ``r`` values of one band, mixed with the band's number,
into a signed 64-bit integer, ready for an SQLite INTEGER column.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import numpy as np

_WORD = re.compile(r"\w+")
_EMPTY = 0xFFFF
_COLLIDE = 1.0 / 65536.0
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB
_GOLDEN = 0x9E3779B97F4A7C15
_MASK = 0xFFFFFFFFFFFFFFFF
_GROUP = 2048


def tokens(text: str) -> list[str]:
    """The folded word tokens of ``text`` (Arabic variants, case and marks folded)."""
    from marsad.normalize.arabic import normalize_for_matching

    return _WORD.findall(normalize_for_matching(text))


def token_hash(token: str) -> int:
    """A token's 64-bit hash (BLAKE2b, the same in every process)."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


def token_hashes(words: Sequence[str], cache: dict[str, int] | None = None) -> "np.ndarray":
    """``uint64`` hashes of ``words``; ``cache`` (owned by the caller) saves repeats."""
    import numpy as np

    memo: dict[str, int] = {} if cache is None else cache
    for word in set(words).difference(memo):
        memo[word] = token_hash(word)
    return np.fromiter(map(memo.__getitem__, words), dtype=np.uint64, count=len(words))


def mix64(values: "np.ndarray") -> "np.ndarray":
    """The splitmix64 finaliser over a ``uint64`` array (wrapping arithmetic)."""
    import numpy as np

    x = values.astype(np.uint64, copy=True)
    x ^= x >> np.uint64(30)
    x *= np.uint64(_MIX1)
    x ^= x >> np.uint64(27)
    x *= np.uint64(_MIX2)
    x ^= x >> np.uint64(31)
    return x


def shingle_hashes(hashes: "np.ndarray", k: int) -> "np.ndarray":
    """Hashes of the word ``k``-shingles, repeats kept (the whole text if it is shorter)."""
    import numpy as np

    n = len(hashes)
    if n == 0:
        return np.empty(0, dtype=np.uint64)
    width = min(k, n)
    combined = np.zeros(n - width + 1, dtype=np.uint64)
    for offset in range(width):
        shifted = hashes[offset : n - width + 1 + offset] + np.uint64((offset * _GOLDEN) & _MASK)
        combined = mix64(combined ^ shifted)
    return combined


@lru_cache(maxsize=16)
def permutations(seed: int, num_perm: int) -> tuple["np.ndarray", "np.ndarray"]:
    """The multipliers (odd) and offsets of the ``num_perm`` hash functions."""
    import numpy as np

    pairs = []
    for i in range(num_perm):
        digest = hashlib.blake2b(f"marsad-minhash:{seed}:{i}".encode(), digest_size=16).digest()
        pairs.append((int.from_bytes(digest[:8], "little") | 1, int.from_bytes(digest[8:], "little")))
    a = np.array([p[0] for p in pairs], dtype=np.uint64)
    b = np.array([p[1] for p in pairs], dtype=np.uint64)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def signature_of_shingles(shingles: "np.ndarray", seed: int, num_perm: int) -> "np.ndarray":
    """The ``uint16`` b-bit MinHash signature of a set of shingle hashes."""
    import numpy as np

    if len(shingles) == 0:
        return np.full(num_perm, _EMPTY, dtype=np.uint16)
    a, b = permutations(seed, num_perm)
    mins = np.full(num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingles), 4096):  # bounded memory on huge texts
        chunk = shingles[start : start + 4096]
        values = (a[:, None] * chunk[None, :] + b[:, None]) >> np.uint64(32)
        np.minimum(mins, values.min(axis=1), out=mins)
    return (mins & np.uint64(0xFFFF)).astype(np.uint16)


def batch_signatures(token_lists: Sequence[Sequence[str]], *, k: int, seed: int, num_perm: int,
                     cache: dict[str, int] | None = None) -> "np.ndarray":
    """Signatures, shape ``(n, num_perm)``, of many token lists at once (see :func:`hashed_signatures`)."""
    import numpy as np

    flat = token_hashes([w for words in token_lists for w in words], cache)
    bounds = np.cumsum([len(words) for words in token_lists])[:-1]
    return hashed_signatures(np.split(flat, bounds) if len(token_lists) else [], k=k, seed=seed, num_perm=num_perm)


def hashed_signatures(hash_lists: Sequence["np.ndarray"], *, k: int, seed: int, num_perm: int) -> "np.ndarray":
    """Signatures, shape ``(n, num_perm)``, of texts given as arrays of token hashes.

    Row ``i`` equals :func:`signature_of_shingles` of text ``i``; the work is
    done on groups of texts whose shingles fill one matrix of ``num_perm`` x
    ``_GROUP`` values, reduced per text with ``np.minimum.reduceat``.
    """
    import numpy as np

    out = np.full((len(hash_lists), num_perm), _EMPTY, dtype=np.uint16)
    group: list[tuple[int, "np.ndarray"]] = []
    size = 0
    for row, shingles in enumerate(_many_shingles(hash_lists, k)):
        if len(shingles) >= _GROUP:
            out[row] = signature_of_shingles(shingles, seed, num_perm)
        elif len(shingles):
            if size + len(shingles) > _GROUP:
                _fill_group(out, group, seed, num_perm)
                group, size = [], 0
            group.append((row, shingles))
            size += len(shingles)
    _fill_group(out, group, seed, num_perm)
    return out


def _many_shingles(hash_lists: Sequence["np.ndarray"], k: int) -> list["np.ndarray"]:
    """:func:`shingle_hashes` of each array, computed in one pass over their concatenation."""
    import numpy as np

    if not hash_lists:
        return []
    flat = np.concatenate(hash_lists) if len(hash_lists) > 1 else hash_lists[0]
    whole = shingle_hashes(flat, k) if len(flat) >= k else None
    result, start = [], 0
    for hashes in hash_lists:
        n = len(hashes)
        if n >= k and whole is not None:
            result.append(whole[start : start + n - k + 1])
        else:
            result.append(shingle_hashes(hashes, k))
        start += n
    return result


def _fill_group(out: "np.ndarray", group: list[tuple[int, "np.ndarray"]], seed: int, num_perm: int) -> None:
    import numpy as np

    if not group:
        return
    a, b = permutations(seed, num_perm)
    shingles = np.concatenate([s for _, s in group])
    starts = np.cumsum([0] + [len(s) for _, s in group[:-1]])
    values = (a[:, None] * shingles[None, :] + b[:, None]) >> np.uint64(32)
    mins = np.minimum.reduceat(values, starts, axis=1)
    out[[row for row, _ in group]] = (mins.T & np.uint64(0xFFFF)).astype(np.uint16)


def text_signature(text: str, *, k: int = 3, seed: int = 20200103, num_perm: int = 128,
                   cache: dict[str, int] | None = None) -> "np.ndarray":
    """The signature of ``text`` over word ``k``-shingles."""
    return signature_of_shingles(shingle_hashes(token_hashes(tokens(text), cache), k), seed, num_perm)


def article_signature(text: str, params=None) -> "np.ndarray":
    """An article body's copy-tier signature (``uint16[num_perm]``) under ``params``."""
    from marsad.dedup.params import DedupParams

    p = params or DedupParams()
    return text_signature(text, k=p.shingle, seed=p.seed, num_perm=p.num_perm)


def paragraph_signature(text: str, params=None) -> "np.ndarray":
    """A paragraph's signature (``uint16[para_perm]``) under ``params``."""
    from marsad.dedup.params import DedupParams

    p = params or DedupParams()
    return text_signature(text, k=p.para_shingle, seed=p.seed + 1, num_perm=p.para_perm)


def band_keys(signatures: "np.ndarray", bands: int, rows: int, salt: int = 0) -> "np.ndarray":
    """Signed 64-bit band keys, shape ``(n, bands)``, of ``signatures`` (``(n, perm)``)."""
    import numpy as np

    sigs = np.asarray(signatures, dtype=np.uint16).reshape(-1, signatures.shape[-1])
    blocks = sigs[:, : bands * rows].astype(np.uint64).reshape(len(sigs), bands, rows)
    keys = mix64(np.arange(1, bands + 1, dtype=np.uint64) * np.uint64(_GOLDEN) + np.uint64(salt))
    keys = np.broadcast_to(keys, (len(sigs), bands)).copy()
    for row in range(rows):
        keys = mix64(keys ^ (blocks[:, :, row] << np.uint64(16 * (row % 4))))
    return keys.view(np.int64)


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

    return bool(np.all(signature == _EMPTY))


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard of the word 3-shingles of two texts (symmetric, in [0, 1])."""
    sig_a, sig_b = article_signature(a), article_signature(b)
    if is_empty(sig_a) or is_empty(sig_b):
        return 1.0 if is_empty(sig_a) and is_empty(sig_b) else 0.0
    return estimate_jaccard(sig_a, sig_b)


def exact_jaccard(a: str, b: str, k: int = 3) -> float:
    """Exact Jaccard of the word ``k``-shingle sets (for tests and evaluation)."""
    import numpy as np

    sa = np.unique(shingle_hashes(token_hashes(tokens(a)), k))
    sb = np.unique(shingle_hashes(token_hashes(tokens(b)), k))
    union = len(np.union1d(sa, sb))
    return len(np.intersect1d(sa, sb)) / union if union else 1.0
