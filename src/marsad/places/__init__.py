"""Places: an offline GeoNames-based gazetteer and a geoparser for English and Arabic news.

    Gazetteer.load() -> Geoparser(gazetteer).parse(text) / .toponyms(doc, articles)

Importing this package does no work; the index is built or read on first use.
"""

from marsad.places.gazetteer import Gazetteer, Place
from marsad.places.geoparser import Geoparser, ParsedPlace
from marsad.places.recognize import Mention, recognize, sentence_spans
from marsad.places.resolve import Resolution, resolve

__all__ = ["Gazetteer", "Geoparser", "Mention", "ParsedPlace", "Place", "Resolution", "recognize", "resolve",
           "sentence_spans"]
