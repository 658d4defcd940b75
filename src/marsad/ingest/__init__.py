"""Ingest: find inputs, read them into raw records, convert those to documents.

    for source in discover(inputs):
        for item in read_records(source, limits):   # RawRecord or IngestFailure
            document = to_document(item)            # raises InputError

Kinds are told apart by content first and extension second (see
``discover.sniff_kind``); every bad document is named with its reason.
"""

from marsad.ingest.convert import normalize_published, record_digest, to_document
from marsad.ingest.discover import STDIN, Source, discover, sniff_kind
from marsad.ingest.limits import Limits
from marsad.ingest.readers import read_records

__all__ = [
    "STDIN",
    "Limits",
    "Source",
    "discover",
    "normalize_published",
    "read_records",
    "record_digest",
    "sniff_kind",
    "to_document",
]
