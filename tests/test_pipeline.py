"""The pipeline is built from one ordered config of spaCy factories whose settings can be
overridden by pipe name."""

from __future__ import annotations

import pytest

from ingest.components.relations import RULES
from ingest.components.sentences import sentence_spans
from ingest.normalize import match_text
from ingest.pipeline import PIPELINE, build_nlp


def test_the_pipe_order_is_the_config_order():
    assert build_nlp().pipe_names == [name for name, _, _ in PIPELINE]


def test_factories_have_default_configs():
    nlp = build_nlp()
    assert nlp.get_pipe_meta("vn_sentences").default_config["abbreviations"]
    assert nlp.get_pipe_meta("vn_documents").default_config == {"header_lines": 15}
    assert nlp.get_pipe_meta("vn_bodies").default_config == {"ad_hoc_words": 20}
    assert nlp.get_pipe_meta("vn_people").default_config == {"short_references": True}
    assert nlp.get_pipe_meta("vn_relations").default_config == {"rules": list(RULES)}


def test_a_config_override_changes_what_a_pipe_does():
    text = match_text("Ông A làm việc tại TP. Hà Nội. Ông B dự họp.")
    assert len(sentence_spans(build_nlp()(text))) == 2
    no_tp = [a for a in PIPELINE[0][2].get("abbreviations", []) if a != "tp"] or ["kt"]
    assert len(sentence_spans(build_nlp({"vn_sentences": {"abbreviations": no_tp}})(text))) == 3


def test_an_ad_hoc_name_longer_than_the_configured_words_is_no_body():
    text = match_text("Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Nghệ An họp.")

    def names(nlp) -> list[str]:  # noqa: ANN001
        doc = nlp(text)
        return [s.text for s in doc.spans["bodies"]]

    assert "Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh Nghệ An" in names(build_nlp())
    assert not [n for n in names(build_nlp({"vn_bodies": {"ad_hoc_words": 3}})) if n.startswith("Ban Chỉ đạo")]


def test_short_references_in_people_can_be_switched_off():
    # "ông Thắng" is the person named before: with the setting on, the title the short name is
    # given is that person's post; off, the name is left to coreference, which states no post
    text = match_text("Ông Nguyễn Văn Thắng dự họp. Sau đó, ông Thắng được bầu giữ chức Chủ tịch UBND tỉnh Nghệ An.")

    def posts(nlp) -> list[tuple[str, str]]:  # noqa: ANN001
        return [(f.type, f.source.name) for f in nlp(text)._.facts]

    assert posts(build_nlp()) == [("CHAIRED", "Nguyễn Văn Thắng")]
    assert posts(build_nlp({"vn_people": {"short_references": False}})) == []


def test_the_relation_rules_run_are_the_configured_ones():
    text = match_text("Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung đã ký Quyết định số 12/QĐ-UBND.")

    def facts(nlp) -> set[tuple[str, str]]:  # noqa: ANN001
        return {(f.type, f.rule.split(".")[0]) for f in nlp(text)._.facts}

    everything = facts(build_nlp())
    assert ("SIGNED", "signing") in everything and ("CHAIRED", "positions") in everything
    assert facts(build_nlp({"vn_relations": {"rules": ["positions"]}})) == {("CHAIRED", "positions")}


def test_an_unknown_relation_rule_is_named():
    with pytest.raises(ValueError, match="'signd'"):
        build_nlp({"vn_relations": {"rules": ["positions", "signd"]}})


def test_the_gazetteer_matches_are_those_of_a_span_ruler_in_its_order():
    # vn_gazetteer skips building Spans; what it records must be what spaCy's SpanRuler holds
    from pathlib import Path

    from spacy.pipeline import SpanRuler

    from ingest.components.gaz import gaz_matches
    from ingest.pipeline import gazetteer_patterns

    nlp = build_nlp()
    ruler = SpanRuler(nlp, "reference", spans_key="gaz", phrase_matcher_attr="LOWER")
    ruler.add_patterns(gazetteer_patterns())
    for path in sorted(Path(__file__).resolve().parents[1].joinpath("examples").glob("*.txt")):
        doc = nlp(match_text(path.read_text(encoding="utf-8")))
        expected = [(s.label_, s.id_, s.start_char, s.end_char) for s in ruler(doc).spans["gaz"]]
        assert expected and [tuple(m) for m in gaz_matches(doc)] == expected, path.name
