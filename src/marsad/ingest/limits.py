"""Size limits and bounded reading, so no input can exhaust memory."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from marsad.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one document, and one archive, may weigh.

    ``max_bytes`` bounds one document (a page, an HTML response, a JSON line).
    ``max_ratio`` is the expansion over which a compressed input is treated as
    a decompression bomb, once it also exceeds ``max_bytes``.
    """

    max_bytes: int = 20_000_000
    max_ratio: int = 200

    def check_size(self, size: int, what: str = "document") -> None:
        if size > self.max_bytes:
            raise InputError(
                "too-large", f"{what} is {size:,} bytes, over the limit of {self.max_bytes:,}"
            )


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """Read at most ``limit`` bytes; raise ``too-large`` if there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError("too-large", f"more than {limit:,} bytes")
    return data


def gunzip_bounded(data: bytes, limits: Limits) -> bytes:
    """Decompress gzip ``data`` without ever holding more than the limit.

    A small file that expands past ``max_bytes`` at a ratio above
    ``max_ratio`` is a decompression bomb; a large one is merely too large.
    Truncated or corrupt streams raise ``truncated``.
    """
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limits.max_bytes + 1)
        if len(out) > limits.max_bytes or decompressor.unconsumed_tail:
            raise _over_limit(len(data), limits)
        if not decompressor.eof:
            raise InputError("truncated", "gzip stream ends before its end marker")
    except zlib.error as exc:
        raise InputError("truncated", f"corrupt gzip stream ({exc})") from exc
    return out


def _over_limit(compressed: int, limits: Limits) -> InputError:
    if compressed * limits.max_ratio < limits.max_bytes:
        return InputError(
            "decompression-bomb",
            f"{compressed:,} compressed bytes expand past {limits.max_bytes:,}",
        )
    return InputError("too-large", f"decompresses to more than {limits.max_bytes:,} bytes")


def gzip_is_complete(path: str, chunk: int = 1 << 20) -> bool:
    """True when every gzip member of the file runs to its end marker.

    Streams through the file with constant memory; used to notice a web
    archive cut short, which warcio itself reads without complaint.
    """
    decompressor, in_member = zlib.decompressobj(16 + zlib.MAX_WBITS), False
    with open(path, "rb") as stream:
        while data := stream.read(chunk):
            while data:
                in_member = True
                try:
                    decompressor.decompress(data, 1 << 16)
                except zlib.error:
                    return False
                if decompressor.eof:
                    data = decompressor.unused_data
                    decompressor, in_member = zlib.decompressobj(16 + zlib.MAX_WBITS), False
                else:
                    data = decompressor.unconsumed_tail
    return not in_member


def open_maybe_gzip(path: str) -> BinaryIO:
    """Open a file, transparently decompressing it when it is gzip."""
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == GZIP_MAGIC:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")
