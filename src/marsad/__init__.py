"""marsad: a conflict-news observatory.

Pages in (plain-text dumps, HTML, WARC, RSS/Atom, JSON Lines), evidence-backed
events out. See README.md for the pipeline and the public contract.
"""

__version__ = "0.1.0"
