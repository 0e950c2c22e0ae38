"""Registered spaCy components, one job each. Importing this package registers them all.

Order in the pipeline (``ingest.pipeline.PIPELINE``, the one place it lives): sentences ->
(gazetteer SpanRuler) -> documents -> bodies -> people -> coref ->
relations -> tenure. Each reads what the earlier
ones left in ``doc.spans`` and adds its own; sentences, documents and bodies are factories with
a ``default_config`` that ``build_nlp(config)`` overrides.
"""

from . import bodies, coref, documents, people, relations, sentences, tenure  # noqa: F401
