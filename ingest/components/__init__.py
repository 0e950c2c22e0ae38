"""Registered spaCy components, one job each. Importing this package registers them all.

Order in the pipeline (``ingest.pipeline.PIPELINE``, the one place it lives): sentences ->
(vn_gazetteer: a SpanRuler) -> documents -> bodies -> people -> coref ->
relations -> tenure. Each reads what the earlier
ones left in ``doc.spans`` and adds its own; sentences, documents, bodies, people and relations
are factories with a ``default_config`` that ``build_nlp(config)`` overrides (``vn_relations``:
which rule sets run, ``vn_people``: whether "ông Thắng" is the licensed Nguyễn Văn Thắng).
"""

from . import bodies, coref, documents, people, relations, sentences, tenure  # noqa: F401
