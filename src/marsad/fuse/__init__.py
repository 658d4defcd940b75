"""Fuse: mentions of one real event, across articles and outlets, become one event.

``rules`` holds ACLED's matching rule as pure functions, ``rollup`` builds the
event row, ``incremental`` joins a batch's mentions to the stored events.
"""

from marsad.fuse.incremental import FuseOutcome, fuse_batch, fuse_new_mentions

__all__ = ["FuseOutcome", "fuse_batch", "fuse_new_mentions"]
