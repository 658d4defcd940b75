"""Decode page dumps: UTF-8, UTF-16 and the legacy code pages analysts meet.

The rule, in order:
1. a byte-order mark decides (UTF-8, UTF-16 LE/BE);
2. UTF-16 without a mark is recognised by its byte lanes;
3. valid UTF-8 is UTF-8;
4. bytes that are *mostly* UTF-8 (valid multi-byte sequences) but hold
   invalid ones are a corrupted UTF-8 file: rejected as ``undecodable`` with
   the offset, rather than silently read in the wrong code page;
5. otherwise a single-byte legacy page: windows-1256 (Arabic) or
   windows-1252 (Western), chosen by charset-normalizer, and rejected when
   even the best reading is noise.
"""

from __future__ import annotations

import codecs
import re

from marsad.errors import InputError

LEGACY_CODEPAGES = ("cp1256", "cp1252")
# C0 and C1 control characters other than the white-space ones.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode_text(data: bytes, *, utf16: bool = False) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a page dump."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if utf16:
        return _decode_utf16_unmarked(data)
    try:
        return _check_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            raise InputError(
                "undecodable",
                f"invalid UTF-8 at byte {exc.start} in a file that is otherwise UTF-8",
            ) from exc
    return _decode_legacy(data)


def _mostly_utf8(data: bytes) -> bool:
    """Whether the non-ASCII bytes are mostly valid UTF-8: a corrupted UTF-8 file.

    In a legacy single-byte page nearly every high byte is invalid UTF-8; in a
    damaged UTF-8 file the valid multi-byte characters outnumber the bad bytes.
    """
    text = data.decode("utf-8", "replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - invalid
    return valid >= invalid


def _strict(data: bytes, encoding: str) -> str:
    try:
        return _check_text(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise InputError("undecodable", f"invalid {encoding} at byte {exc.start}") from exc


def _decode_utf16_unmarked(data: bytes) -> tuple[str, str]:
    little = data[1::2].count(0) >= data[0::2].count(0)
    encoding = "utf-16-le" if little else "utf-16-be"
    return _strict(data, encoding), encoding


def _decode_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_CODEPAGES), threshold=0.3).best()
    if best is None:
        raise InputError("undecodable", "not UTF-8, UTF-16, windows-1256 or windows-1252 text")
    encoding = best.encoding
    return _check_text(data.decode(encoding)), encoding


def _check_text(text: str) -> str:
    """Reject decoded text that is really binary (control characters, NULs)."""
    sample = text[:20000]
    if not sample.strip():
        raise InputError("empty", "the file holds no text")
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise InputError("binary", f"{controls} control characters in the first {len(sample)}")
    return text
