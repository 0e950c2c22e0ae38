"""Registered spaCy components, one job each. Importing this package registers them all.

Order in the pipeline: sentences -> (gazetteer SpanRuler) -> documents -> bodies -> people ->
coref -> relations -> tenure. Each reads what the earlier ones left in ``doc.spans`` and adds its own.
"""

from . import bodies, coref, documents, people, relations, sentences, tenure  # noqa: F401
