"""Vietnamese text normalisation as the extractor uses it. The functions live in ``graph.keys``,
below both sides, so that the keys the extractor makes and the keys the graph and the queries
look up come from the same code.
"""

from graph.keys import REWRITTEN, TONE_MARKS, clean_name, collapse, key, match_text, nfc, retone, strip_accents

__all__ = ["REWRITTEN", "TONE_MARKS", "clean_name", "collapse", "key", "match_text", "nfc", "retone", "strip_accents"]
