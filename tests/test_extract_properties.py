"""Property tests over the whole extractor: any text in, a consistent graph out."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.api import clean_one, extract_article
from ingest.sources import RawArticle, SourceError

# pieces of the genre, so random texts exercise the rules (titles, bodies, numbers, names)
PIECES = [
    "Chủ tịch UBND tỉnh Nghệ An", "Phó Bí thư Thường trực Thành uỷ", "Nguyễn Văn An", "ông", "Bộ Chính trị",
    "ký ban hành", "Quyết định số 12/QĐ-UBND", "Kết luận 143-KL/TU", "của", "Chính phủ", ",", ".", "\n",
    "Sở GTVT Hà Nội", "giao", "Ban Thường vụ Tỉnh ủy", "chủ trì Hội nghị", "ngày 5/3/2024", "(", ")", ":",
    "Ủy viên Trung ương Đảng", "Số:", "TM. ỦY BAN NHÂN DÂN", "Căn cứ", "Tin khác", "Hà Nội", "và", "45- NQ/TW",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_a_consistent_graph(text: str) -> None:
    article = clean_one(RawArticle(text=text, source="<hypothesis>"))
    if isinstance(article, SourceError):  # nothing left but furniture and credits: said, not stored
        assert article.source == "<hypothesis>" and article.problem
        return
    assert article.text.strip()
    result = extract_article(article)
    g = result.graph
    for edge in g.edges.values():
        assert edge.source in g.nodes and edge.target in g.nodes
        for ev in edge.evidence:
            assert article.text[ev.start : ev.end] == ev.sentence
    for node in g.nodes.values():
        assert node.key and (node.props.get("name") or node.props.get("number"))
