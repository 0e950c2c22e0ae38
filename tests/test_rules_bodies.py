"""Body rules (ingest/components/bodies.py, ingest/resolve.py, relations/ad_hoc.py): invented
sentences, the bodies (and facts) each must give and must not."""

from __future__ import annotations

import pytest

from ingest.clean import Article
from ingest.api import extract_article
from ingest.normalize import match_text
from ingest.pipeline import get_nlp


def body_names(text: str) -> set[str]:
    """Names of the Body nodes the article's graph gets."""
    g = extract_article(Article(id="t", text=text, source="t")).graph.to_dict()
    return {n["name"] for n in g["nodes"] if n["label"] == "Body"}


def facts(text: str) -> set[tuple[str, str, str, str]]:
    doc = get_nlp()(match_text(text))
    out = set()
    for f in doc._.facts:
        src = getattr(f.source, "name", None) or getattr(f.source, "number", None) or f.source.surface
        out.add((f.type, src, getattr(f.target, "kind", ""), f.rule))
    return out


AD_HOC = [
    ("UBND tỉnh Nghệ An thành lập Ban Chỉ đạo phòng, chống thiên tai tỉnh Nghệ An do ông Trần Văn An làm Trưởng ban.",
     "Ban Chỉ đạo phòng, chống thiên tai tỉnh Nghệ An"),
    ("Ông Lê Văn Bình, Trưởng Ban Chỉ đạo Quốc gia về chuyển đổi số đã chủ trì cuộc họp.",
     "Ban Chỉ đạo Quốc gia về chuyển đổi số"),
    ("Tổ công tác cải cách thủ tục hành chính (TTHC) họp phiên thứ ba.", "Tổ công tác cải cách thủ tục hành chính"),
    ("Đoàn công tác của Bộ Y tế làm việc tại tỉnh Gia Lai.", "Đoàn công tác của Bộ Y tế"),
    ("Đoàn công tác của Bộ Y tế làm việc tại tỉnh Gia Lai.", "Bộ Y tế"),  # the owner is a body too
    ("Đoàn công tác của UBTƯ MTTQ Việt Nam khảo sát.", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
    ("Tiểu ban Văn kiện Đại hội họp lần thứ hai.", "Tiểu ban Văn kiện Đại hội"),
    ("Hội đồng Thi đua - Khen thưởng tỉnh Nghệ An đã họp.", "Hội đồng Thi đua - Khen thưởng tỉnh Nghệ An"),
    ("Ban Chỉ đạo các công trình trọng điểm giai đoạn 2021 - 2025 đã họp.",
     "Ban Chỉ đạo các công trình trọng điểm giai đoạn 2021 - 2025"),
    # a number right after the head word is the name; after it, only "quốc gia" and a place
    ("Tổ công tác số 9 chúc mừng Đại hội đại biểu Đảng bộ phường.", "Tổ công tác số 9"),
    ("Các thành viên Ban Chỉ đạo 389 quốc gia chịu trách nhiệm trước Trưởng ban.", "Ban Chỉ đạo 389 quốc gia"),
    ("Ban Chỉ đạo 138 tỉnh Nghệ An đã họp.", "Ban Chỉ đạo 138 tỉnh Nghệ An"),
    ("Tổ công tác 1645 của Chính phủ làm việc.", "Tổ công tác 1645"),
    ("Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19 đã họp.", "Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19"),
    ("Chủ tịch UBND tỉnh quyết định thành lập Ban Điều hành Đề án Bảo tàng Nông nghiệp vùng ĐBSCL và ông A làm trưởng ban.",
     "Ban Điều hành Đề án Bảo tàng Nông nghiệp vùng ĐBSCL"),
    ("Ban Chỉ đạo an toàn giao thông tỉnh Nghệ An đã họp.", "Ban Chỉ đạo an toàn giao thông tỉnh Nghệ An"),
    ("Ban Quản lý Khu kinh tế tỉnh Nghệ An thông báo.", "Ban Quản lý Khu kinh tế tỉnh Nghệ An"),
]
AD_HOC_NOT = [
    ("Ban Chỉ đạo phòng, chống dịch các cấp được kiện toàn.", "Ban Chỉ đạo phòng, chống dịch"),  # a class of bodies
    ("Chủ tịch Hội đồng Dân tộc Y Thanh Hà Niê Kđăm dự họp.", "Hội đồng Dân tộc Y Thanh"),  # the name is a person's
    ("Ban Chỉ đạo đã họp.", "Ban Chỉ đạo"),  # a head word alone, nothing named before
    ("Ban Chỉ đạo tỉnh, các sở ngành dự họp.", "Ban Chỉ đạo tỉnh, các sở ngành"),  # a list is not the name
    ("Quyết định thành lập các Tiểu ban chuẩn bị Đại hội.", "Tiểu ban chuẩn bị Đại hội"),  # plural: a class
    ("Tổ công tác số 9 chúc mừng Đại hội đại biểu Đảng bộ phường.", "Tổ công tác số 9 chúc mừng Đại hội đại biểu"),
    ("Ban Chỉ đạo 389 quốc gia sử dụng con dấu riêng.", "Ban Chỉ đạo 389 quốc gia sử dụng con dấu riêng"),
    ("Đồng chí Nguyễn Văn An, Trưởng Ban Chỉ đạo phát biểu tại hội nghị.", "Ban Chỉ đạo phát biểu"),
    ("Tổ công tác dự họp và đồng chí Lê Văn Bình, Tổ trưởng Tổ công tác trao đổi.", "Tổ công tác dự"),
    # what the body does is no word of its name; the standing members of an ad hoc body are no organ
    ("Ban Điều hành Đề án X họp. Trưởng Ban Điều hành sử dụng con dấu của Tỉnh ủy.", "Ban Điều hành sử dụng con dấu"),
    ("Ban Điều hành Đề án X họp. Thường trực Ban Điều hành đặt tại Sở Nội vụ.", "Thường trực Ban Điều hành Đề án X"),
    # "các bộ, ngành", "tỉnh (thành phố)": one such body in every ministry or province, no node
    ("Ban Chỉ đạo 389 các bộ, ngành sử dụng con dấu của bộ, ngành mình.", "Ban Chỉ đạo 389"),
    ("Trưởng Ban Chỉ đạo 389 tỉnh (thành phố) sử dụng con dấu.", "Ban Chỉ đạo 389 tỉnh"),
    # a header wrapped inside "Hội đồng nhân dân" names no council "Nhân"
    ("HỘI ĐỒNG NHÂN\nDÂN |\nSố: 05/2025/NQ-HĐND\nĐắk Lắk, ngày 15 tháng 9 năm 2025", "HỘI ĐỒNG NHÂN"),
]


@pytest.mark.parametrize("text, name", AD_HOC)
def test_ad_hoc_body_named_as_written(text: str, name: str):
    assert name in body_names(text)


@pytest.mark.parametrize("text, name", AD_HOC_NOT)
def test_ad_hoc_body_not(text: str, name: str):
    assert name not in body_names(text)


def test_ad_hoc_names_of_one_body_merge_and_a_bare_head_word_is_the_last_one():
    text = (
        "Ông Lê Văn Bình, Trưởng Ban Chỉ đạo Quốc gia tại cuộc họp. Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19 "
        "đã họp. Trưởng Ban Chỉ đạo đã kết luận."
    )
    names = body_names(text)
    assert "Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19" in names
    assert "Ban Chỉ đạo Quốc gia" not in names and "Ban Chỉ đạo" not in names


LEAD = [
    ("UBND tỉnh Nghệ An thành lập Ban Chỉ đạo chuyển đổi số tỉnh Nghệ An do ông Trần Văn An, Phó Chủ tịch UBND tỉnh "
     "làm Trưởng ban; ông Lê Văn Bình, Giám đốc Sở Nội vụ làm Phó Trưởng ban thường trực.",
     {("CHAIRED", "Trần Văn An"), ("HOLDS", "Lê Văn Bình")}),
    ("Đoàn công tác của Bộ Y tế do Thứ trưởng Bộ Y tế Trần Văn An dẫn đầu đã làm việc tại tỉnh.", {("CHAIRED", "Trần Văn An")}),
    # "là" + the role, ending its clause
    ("UBND thành phố thành lập Ban Chỉ đạo phục hồi sản xuất thành phố Hải Phòng do ông Trần Văn An, Phó Chủ tịch UBND "
     "thành phố là Trưởng ban.", {("CHAIRED", "Trần Văn An")}),
]


@pytest.mark.parametrize("text, expected", LEAD)
def test_ad_hoc_lead_role(text: str, expected: set[tuple[str, str]]):
    got = {(t, who) for t, who, kind, rule in facts(text) if rule == "ad_hoc.lead_role"}
    assert got == expected


def test_ad_hoc_lead_role_not_when_is_names_another_organ_s_head():
    text = "Tỉnh thành lập Ban Chỉ đạo chuyển đổi số. Ông Trần Văn An là Trưởng ban Tổ chức Tỉnh ủy Nghệ An."
    assert not {f for f in facts(text) if f[3] == "ad_hoc.lead_role"}


def test_ad_hoc_lead_role_not_without_an_ad_hoc_body():
    text = "Ông Trần Văn An, Phó Chủ tịch UBND tỉnh Nghệ An làm Trưởng ban tổ chức hội thi."
    assert not {f for f in facts(text) if f[3] == "ad_hoc.lead_role"}


MEMBER_LIST = [
    ("UBND tỉnh thành lập Ban Điều hành Đề án X và ông Trần Văn An làm trưởng ban; các phó trưởng ban gồm: ông Lê Văn "
     "Bình- Chủ tịch UBND tỉnh; ông Phạm Văn Cường- Giám đốc Sở Nội vụ (thường trực);",
     {("HOLDS", "Lê Văn Bình"), ("HOLDS", "Phạm Văn Cường")}),
    ("Tỉnh thành lập Tổ công tác cải cách hành chính. Tổ trưởng là ông Trần Văn An, Phó Chủ tịch UBND tỉnh.",
     {("CHAIRED", "Trần Văn An")}),
    ("Đoàn giám sát của HĐND tỉnh làm việc tại huyện. Thành viên gồm: ông Lê Văn Bình, bà Nguyễn Thị Hoa.",
     {("HOLDS", "Lê Văn Bình"), ("HOLDS", "Nguyễn Thị Hoa")}),
    # the list in the paragraph after the set-up
    ("Thành phố thành lập Ban Chỉ đạo phục hồi sản xuất.\n\nPhó Trưởng ban Thường trực là bà Nguyễn Thị Hoa, Phó Giám "
     "đốc Sở Công Thương; các Phó Trưởng ban là ông Lê Văn Bình, Phó Giám đốc Sở Y tế.",
     {("HOLDS", "Nguyễn Thị Hoa"), ("HOLDS", "Lê Văn Bình")}),
]
MEMBER_LIST_NOT = [
    "Các phó trưởng ban gồm: ông Lê Văn Bình, ông Phạm Văn Cường.",  # no ad hoc body named before
    "Ban Chỉ đạo chuyển đổi số họp. Tổ trưởng là ông Trần Văn An.",  # a "Tổ trưởng" heads no "Ban"
    "Ban Chỉ đạo chuyển đổi số họp.\n\nDự có nhiều đại biểu.\n\nCác phó trưởng ban gồm: ông Lê Văn Bình.",  # too far
]


@pytest.mark.parametrize("text, expected", MEMBER_LIST)
def test_ad_hoc_member_list(text: str, expected: set[tuple[str, str]]):
    assert {(t, who) for t, who, kind, rule in facts(text) if rule == "ad_hoc.member_list"} == expected


@pytest.mark.parametrize("text", MEMBER_LIST_NOT)
def test_ad_hoc_member_list_not(text: str):
    assert not {f for f in facts(text) if f[3] == "ad_hoc.member_list"}


def test_the_deciding_document_assigns_the_new_body():
    text = "Quyết định số 12/QĐ-UBND thành lập Ban Chỉ đạo chuyển đổi số tỉnh Nghệ An."
    assert ("ASSIGNS", "12/QĐ-UBND", "Ban Chỉ đạo chuyển đổi số tỉnh Nghệ An", "tasks.establishes") in facts(text)
    assert not {f for f in facts("Quyết định số 12/QĐ-UBND thành lập Sở Du lịch.") if f[3] == "tasks.establishes"}


GENERIC = [
    # (text, must be there, must not be there)
    ("Phó Thủ tướng Nguyễn Hòa Bình ký quyết định. UBND tỉnh họp.", "UBND tỉnh", "UBND tỉnh Hòa Bình"),
    ("Tại Hà Nội, Bộ trưởng Bộ Công an trao quyết định cho Giám đốc Công an tỉnh.", None, "Công an tỉnh Hà Nội"),
    ("Đảng ủy họp tại tỉnh Nghệ An.", None, "Đảng ủy Nghệ An"),
    ("Bộ Chính trị giao Đảng ủy Chính phủ lãnh đạo việc sắp xếp.", "Đảng ủy Chính phủ", None),
    ("Đảng ủy Bộ Công an họp tại Hà Nội.", "Đảng ủy Bộ Công an", "Đảng ủy Hà Nội"),
    ("Bà A tham gia Ban Thường vụ Huyện ủy và giữ chức Phó Bí thư Huyện ủy Đồng Hỷ.", "Ban Thường vụ Huyện ủy Đồng Hỷ", None),
    ("Ông A về công tác tại Đảng bộ quận Hoàn Kiếm, tham gia Ban Thường vụ Quận ủy.", "Ban Thường vụ Quận ủy Hoàn Kiếm", None),
    ("Ủy ban Nhân dân 5 tỉnh: Thái Nguyên, Bắc Ninh đã họp.", None, "UBND tỉnh Thái Nguyên"),
    # a place's Party organisation is a body (the gold files list "Đảng bộ phường X"); with no level, nothing
    ("Đại hội đại biểu Đảng bộ phường Hai Bà Trưng lần thứ nhất khai mạc.", "Đảng bộ phường Hai Bà Trưng", None),
    ("Ông A phụ trách điều hành Đảng bộ quận 8 ở TP Hồ Chí Minh.", "Đảng bộ quận 8", None),
    ("Đảng bộ Quân đội họp tại Hà Nội.", None, "Đảng bộ TP Hà Nội"),
    ("Ông A, Chánh Văn phòng Bộ Công an, phát biểu.", "Văn phòng Bộ Công an", "Văn phòng"),
    ("Thay mặt BTV Thành ủy Hà Nội, ông A phát biểu.", "Ban Thường vụ Thành ủy Hà Nội", None),
    # a city under a province is named after "TP"/"Thành ủy"; a person's name is no city
    ("Ông Vũ Văn Diện, Chủ tịch HĐND TP Hạ Long phát biểu tại tỉnh Quảng Ninh.", "HĐND TP Hạ Long", "HĐND tỉnh Quảng Ninh"),
    ("Bí thư Thành ủy Vinh dự họp ở tỉnh Nghệ An.", "Thành ủy Vinh", "Tỉnh ủy Nghệ An"),
    ("Phó Bí thư Thành ủy Chu Ngọc Anh dự họp tại Hà Nội.", "Thành ủy Hà Nội", "Thành ủy Chu Ngọc"),
    ("Bí thư Thành ủy dự họp ở tỉnh Nghệ An.", "Thành ủy", "Tỉnh ủy Nghệ An"),
    # the words of a title are no body ("Chủ tịch nước" has no node), unless it is an issuing office
    ("Tổng Bí thư, Chủ tịch nước Tô Lâm phát biểu.", None, "Chủ tịch nước"),
    ("Ủy viên Bộ Chính trị, Thường trực Ban Bí thư Trần Cẩm Tú ký.", "Bộ Chính trị", "Thường trực Ban Bí thư"),
    ("Quyết định số 12/QĐ-TTg ngày 2/3/2024 của Thủ tướng Chính phủ.", "Thủ tướng Chính phủ", None),
    # an organ's parent written only inside the organ's name is no node of its own; named, it is
    ("Bà A, Ủy viên Ban Thường vụ Thành ủy Hà Nội, phát biểu.", "Ban Thường vụ Thành ủy Hà Nội", "Thành ủy Hà Nội"),
    ("Văn phòng UBND tỉnh Nghệ An thông báo.", "Văn phòng UBND tỉnh Nghệ An", "UBND tỉnh Nghệ An"),
    ("Thành ủy Hà Nội họp. Ban Thường vụ Thành ủy kết luận.", "Thành ủy Hà Nội", None),
    # the same organ of a place coordinated with its own ("và", same tier); a comma names where it is
    ("Sở hợp nhất các cơ quan thuộc UBND thành phố Hải Phòng (cũ) và tỉnh Hải Dương.", "UBND tỉnh Hải Dương", None),
    ("Đảng bộ xã Hậu Nghĩa, tỉnh Tây Ninh tổ chức Đại hội.", "Đảng bộ xã Hậu Nghĩa", "Đảng bộ tỉnh Tây Ninh"),
    ("UBND xã Tân Lập và tỉnh Nghệ An phối hợp.", "UBND xã Tân Lập", "UBND tỉnh Nghệ An"),
    # one sector however it is written: initials with dashes, "&" for "và"
    ("Ông A, Thành ủy viên, Giám đốc Sở GT-VT Hà Nội phát biểu.", "Sở Giao thông vận tải Hà Nội", "Sở GT-VT Hà Nội"),
    ("Bộ Văn hóa, Thể thao & Du lịch tổ chức lễ trao giải.", "Bộ Văn hóa, Thể thao và Du lịch", None),
    ("Thứ trưởng Bộ LĐ-TB-XH dự họp.", "Bộ Lao động - Thương binh và Xã hội", None),
    # sectors listed after one "Bộ" or "Sở" are ministries or departments too
    ("Dự thảo quy định Bộ Quốc phòng, Công an, Ngoại giao có không quá 6 Thứ trưởng.", "Bộ Ngoại giao", "Công an TP Hà Nội"),
    ("Dự thảo quy định Bộ Quốc phòng, Công an, Ngoại giao có không quá 6 Thứ trưởng.", "Bộ Công an", None),
    ("Sở Tài chính, Xây dựng và Nội vụ tỉnh Nghệ An họp.", "Sở Xây dựng tỉnh Nghệ An", None),
    ("Sở Tài chính tỉnh Nghệ An, các sở, ngành liên quan họp.", "Sở Tài chính tỉnh Nghệ An", "Sở Tài chính"),
    ("Sở Y tế tỉnh Nghệ An, Công an tỉnh phối hợp kiểm tra.", "Công an tỉnh Nghệ An", "Sở Công an tỉnh Nghệ An"),
    ("Bộ Quốc phòng, Công an tỉnh Nghệ An phối hợp.", "Công an tỉnh Nghệ An", "Bộ Công an"),
    # an office of two councils joined by a dash (and "HDND" written without its stroke)
    ("Văn phòng HDND-UBND huyện Nam Đàn thông báo.", "Văn phòng HĐND và UBND huyện Nam Đàn", "UBND huyện Nam Đàn"),
    # "tỉnh, thành phố trực thuộc Trung ương": every one of them; a bare organ where no place is named: none
    ("Quyết định về tổ chức Công an tỉnh, thành phố trực thuộc Trung ương.", None, "Công an tỉnh"),
    ("Văn phòng HĐND, UBND thông báo lịch tiếp dân.", None, "UBND"),
    # the term, then "của tỉnh": the delegation of the article's province
    ("Ông Nguyễn Văn An, Trưởng Đoàn đại biểu Quốc hội khóa XIII của tỉnh, dự họp ở tỉnh Cao Bằng.",
     "Đoàn đại biểu Quốc hội tỉnh Cao Bằng", None),
    # a standing council's standing body is an organ
    ("Thường trực Hội đồng Dân tộc họp phiên thứ hai.", "Thường trực Hội đồng Dân tộc", None),
    # a commune's or ward's Party committee written as its executive committee
    ("Ban Thường vụ Tỉnh ủy chỉ định Ban Chấp hành Đảng bộ xã Tân Lập gồm 25 đồng chí.", "Đảng ủy xã Tân Lập", None),
    ("Ban Chấp hành Đảng bộ thành phố Hà Nội họp.", "Thành ủy Hà Nội", "Đảng ủy TP Hà Nội"),
    # national bodies named without a title; "của Quốc hội" after a committee is part of its name
    ("Ủy ban Pháp luật của Quốc hội thẩm tra dự án luật.", "Ủy ban Pháp luật", "Quốc hội"),
    ("Hội Nông dân Việt Nam tổ chức đại hội.", "Hội Nông dân Việt Nam", None),
    ("Các Nghị quyết của Quốc hội, Nghị quyết của Chính phủ được thực hiện.", "Chính phủ", None),
    # courts, procuracies, mass organisations and agencies of a place, with their level word
    ("Tòa án nhân dân tỉnh Nghệ An đã xét xử vụ án.", "Tòa án nhân dân tỉnh Nghệ An", None),
    ("Chánh án TAND thành phố Hà Nội Nguyễn Hữu Chính dự họp.", "Tòa án nhân dân TP Hà Nội", None),
    ("Phó Viện trưởng VKSND tỉnh Nghệ An Lê Văn Bình dự họp.", "Viện kiểm sát nhân dân tỉnh Nghệ An", None),
    ("Hội Nông dân tỉnh Gia Lai phát động thi đua.", "Hội Nông dân tỉnh Gia Lai", None),
    ("Kho bạc Nhà nước hướng dẫn các đơn vị ở tỉnh Nghệ An.", None, "Kho bạc Nhà nước tỉnh Nghệ An"),
    # "Thanh tra" is a body with its level word only
    ("Lãnh đạo Văn phòng UBND tỉnh Phú Thọ, Thanh tra tỉnh dự họp.", "Thanh tra tỉnh Phú Thọ", None),
    ("Thanh tra Sở Xây dựng làm việc tại tỉnh Nghệ An.", None, "Thanh tra tỉnh Nghệ An"),
    # a venue, a law's name and a role are no mention of the body; what they are of is
    ("Sáng 28/11, tại trụ sở HĐND-UBND quận Hoàn Kiếm, các đại biểu tiếp xúc cử tri.", None, "UBND quận Hoàn Kiếm"),
    ("Sáng 28/11, tại trụ sở HĐND-UBND quận Hoàn Kiếm, các đại biểu tiếp xúc cử tri.", None, "HĐND quận Hoàn Kiếm"),
    ("Tại hội trường Thành ủy Nha Trang, tỉnh Khánh Hòa tổ chức hội nghị.", None, "Thành ủy Nha Trang"),
    ("Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003; Hội đồng nhân dân "
     "tỉnh Nghệ An quyết nghị.", "HĐND tỉnh Nghệ An", "UBND tỉnh Nghệ An"),
    ("Căn cứ Luật Tổ chức Chính phủ, Bộ trưởng Bộ Nội vụ quyết định.", "Bộ Nội vụ", "Chính phủ"),
    ("Bộ Tài chính là Cơ quan Thường trực của Ban Chỉ đạo 389 quốc gia.", "Ban Chỉ đạo 389 quốc gia",
     "Thường trực Ban Chỉ đạo 389 quốc gia"),
    ("Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia họp.", "Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia", None),
    ("Thường trực HĐND tỉnh Nghệ An họp.", "Thường trực HĐND tỉnh Nghệ An", None),
    ("Lãnh đạo các cơ quan Văn phòng UBND tỉnh Nghệ An, Sở Nội vụ dự họp.", "Văn phòng UBND tỉnh Nghệ An", None),
    ("Trưởng Ban Chỉ đạo 389 tỉnh (thành phố) dùng con dấu của UBND tỉnh (thành phố).", None, "UBND tỉnh"),
    # two people's bodies share the qualifier written after the second
    ("Lãnh đạo HĐND-UBND quận Hoàn Kiếm ở Hà Nội dự họp.", "HĐND quận Hoàn Kiếm", "HĐND TP Hà Nội"),
    ("Ông Trần Văn An dự họp với HĐND và UBND huyện Nam Đàn.", "HĐND huyện Nam Đàn", None),
    ("Văn phòng HĐND và UBND huyện Nam Đàn thông báo.", "Văn phòng HĐND và UBND huyện Nam Đàn", "HĐND huyện Nam Đàn"),
    # an organ written lower-case after its title: its parent is inside its name
    ("Phó trưởng ban Tổ chức Thành ủy TPHCM Đinh Thanh Nhàn phát biểu.", "Ban Tổ chức Thành ủy Hồ Chí Minh",
     "Thành ủy Hồ Chí Minh"),
    # the start of a longer title is no body ("Tỉnh ủy viên"): the post's own place is
    ("Tại tỉnh Lạng Sơn, ông Trần Văn An, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Hải Dương dự họp.",
     "Tỉnh ủy Hải Dương", "Tỉnh ủy Lạng Sơn"),
]


@pytest.mark.parametrize("text, present, absent", GENERIC)
def test_generic_bodies_stay_generic_and_named_ones_are_found(text: str, present: str | None, absent: str | None):
    names = body_names(text)
    if present:
        assert present in names, names
    if absent:
        assert absent not in names, names
