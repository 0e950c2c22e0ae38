"""Registered spaCy components, one job each. Importing this package registers them all.

Order in the pipeline: sentences -> (gazetteer SpanRuler) -> documents -> bodies -> people ->
relations. Each reads what the earlier ones left in ``doc.spans`` and adds its own.
"""

from . import bodies, documents, people, relations, sentences  # noqa: F401
