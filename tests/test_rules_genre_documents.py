"""Document shapes news writes every day (branch recall5): who issued a numbered document, who
signed it, which bodies a document or a body tasks, and a few positions. One table per
relation: invented sentences (names and places made up or common), the facts each must give,
and look-alike sentences that must not give them. Gold conventions: ISSUED body -> number,
SIGNED person -> number, ASSIGNS document/body -> the body it tasks."""

from __future__ import annotations

import pytest

from helpers import facts as _facts, posts


# -- ISSUED: the body stated next to the number, in every shape of number news writes
ISSUED = [
    ("UBND tỉnh Nghệ An ban hành Quyết định số 123/QĐ-UBND về việc phê duyệt kế hoạch.",
     [("UBND tỉnh Nghệ An", "123/QĐ-UBND")]),
    ("HĐND tỉnh Nghệ An đã thông qua Nghị quyết số 45/2025/NQ-HĐND quy định mức hỗ trợ.",
     [("HĐND tỉnh Nghệ An", "45/2025/NQ-HĐND")]),
    ("Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kết luận số 143-KL/TU về công tác cán bộ.",
     [("Ban Thường vụ Tỉnh ủy Nghệ An", "143-KL/TU")]),
    ("Ban Bí thư ban hành Chỉ thị 05-CT/TW về tăng cường công tác phòng chống tham nhũng.", [("Ban Bí thư", "05-CT/TW")]),
    ("Thủ tướng Chính phủ ban hành Công điện số 12/CĐ-TTg về ứng phó bão.", [("Thủ tướng Chính phủ", "12/CĐ-TTg")]),
    ("Văn phòng Chính phủ ban hành Thông báo số 30/TB-VPCP kết luận của Thủ tướng.", [("Văn phòng Chính phủ", "30/TB-VPCP")]),
    ("Thủ tướng Chính phủ vừa ký Quyết định 1234/QĐ-TTg phê duyệt quy hoạch.", [("Thủ tướng Chính phủ", "1234/QĐ-TTg")]),
    ("Chính phủ ban hành Nghị định 123/2024/NĐ-CP quy định xử phạt vi phạm hành chính.", [("Chính phủ", "123/2024/NĐ-CP")]),
    ("Bộ Tài chính ban hành Thông tư số 10/2025/TT-BTC hướng dẫn thu phí.", [("Bộ Tài chính", "10/2025/TT-BTC")]),
    ("Quốc hội thông qua Luật số 56/2024/QH15 sửa đổi một số điều.", [("Quốc hội", "56/2024/QH15")]),
    # numbers with a stray space or an odd dash
    ("UBND tỉnh Nghệ An ban hành Kế hoạch số 84 /KH-UBND về chuyển đổi số.", [("UBND tỉnh Nghệ An", "84/KH-UBND")]),
    ("Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kết luận số 143–KL/TU về công tác cán bộ.",
     [("Ban Thường vụ Tỉnh ủy Nghệ An", "143-KL/TU")]),
    ("Ngày 5/3, UBND tỉnh Nghệ An ban hành Kế hoạch số 84/KH-UBND ngày 12/3/2025 về chuyển đổi số.",
     [("UBND tỉnh Nghệ An", "84/KH-UBND")]),
    ("Quyết định số 123/QĐ-UBND của UBND tỉnh Nghệ An quy định rõ trách nhiệm.", [("UBND tỉnh Nghệ An", "123/QĐ-UBND")]),
    ("Quyết định số 123/QĐ-UBND do UBND tỉnh Nghệ An ban hành quy định rõ trách nhiệm.", [("UBND tỉnh Nghệ An", "123/QĐ-UBND")]),
    ("UBND tỉnh Nghệ An đã ký ban hành Quyết định số 123/QĐ-UBND về quy chế làm việc.", [("UBND tỉnh Nghệ An", "123/QĐ-UBND")]),
    ("Bộ Y tế có văn bản số 1234/BYT-KCB gửi các tỉnh.", [("Bộ Y tế", "1234/BYT-KCB")]),
    ("UBND tỉnh Nghệ An vừa có Công văn số 1234/UBND-KT gửi các sở, ngành.", [("UBND tỉnh Nghệ An", "1234/UBND-KT")]),
    ("Thực hiện Nghị quyết số 57 của Bộ Chính trị, tỉnh đã triển khai nhiều giải pháp.", [("Bộ Chính trị", "57-NQ/TW")]),
    ("Thực hiện kết luận số 143-KL/TU của Ban Thường vụ Tỉnh ủy Nghệ An, các cấp đã vào cuộc.",
     [("Ban Thường vụ Tỉnh ủy Nghệ An", "143-KL/TU")]),
    ("Quyết định 1234/QĐ-TTg của Thủ tướng Chính phủ và Nghị quyết số 57-NQ/TW của Bộ Chính trị đã được quán triệt.",
     [("Thủ tướng Chính phủ", "1234/QĐ-TTg"), ("Bộ Chính trị", "57-NQ/TW")]),
    ("Mới đây, Ban Thường vụ Tỉnh ủy Nghệ An đã ban hành Quy định số 12-QĐ/TU về phân cấp quản lý cán bộ.",
     [("Ban Thường vụ Tỉnh ủy Nghệ An", "12-QĐ/TU")]),
    ("Quyết định số 1234 ngày 5/3/2025 của Thủ tướng Chính phủ phê duyệt quy hoạch.", [("Thủ tướng Chính phủ", "1234")]),
    ("Thông tư liên tịch số 01/2015/TTLT-BNV-BTC của Bộ Nội vụ và Bộ Tài chính hướng dẫn chế độ.",
     [("Bộ Nội vụ", "01/2015/TTLT-BNV-BTC"), ("Bộ Tài chính", "01/2015/TTLT-BNV-BTC")]),
    ("Công văn số 1234/UBND-KT ngày 5/3 của UBND tỉnh Nghệ An gửi các sở.", [("UBND tỉnh Nghệ An", "1234/UBND-KT")]),
    # a list of numbers
    ("UBND tỉnh Nghệ An ban hành các Quyết định số 1/QĐ-UBND, 2/QĐ-UBND và 3/QĐ-UBND về giao đất.",
     [("UBND tỉnh Nghệ An", "1/QĐ-UBND"), ("UBND tỉnh Nghệ An", "2/QĐ-UBND"), ("UBND tỉnh Nghệ An", "3/QĐ-UBND")]),
    ("UBND tỉnh Nghệ An ban hành các Quyết định số 1, 2 và 3/QĐ-UBND về giao đất.",
     [("UBND tỉnh Nghệ An", "1/QĐ-UBND"), ("UBND tỉnh Nghệ An", "2/QĐ-UBND"), ("UBND tỉnh Nghệ An", "3/QĐ-UBND")]),
    ("Ban Thường vụ Tỉnh ủy Nghệ An ban hành các Kết luận số 140, 141-KL/TU về nhân sự.",
     [("Ban Thường vụ Tỉnh ủy Nghệ An", "140-KL/TU"), ("Ban Thường vụ Tỉnh ủy Nghệ An", "141-KL/TU")]),
]


@pytest.mark.parametrize("text, facts", ISSUED)
def test_issuers_stated_in_news_shapes(text: str, facts: list[tuple[str, str]]) -> None:
    got = _facts(text, "ISSUED")
    assert set(facts) <= got, got


# the clause after "<number> của <body>," opens with its own subject: no co-issuer
NOT_ISSUERS = [
    ("Theo Quyết định số 123/QĐ-UBND ngày 5/3/2025 của UBND tỉnh Nghệ An, Sở Y tế được giao chủ trì.", "123/QĐ-UBND"),
    ("Theo Quyết định số 123/QĐ-UBND của UBND tỉnh Nghệ An, Sở Y tế là cơ quan thường trực.", "123/QĐ-UBND"),
    ("Theo Kế hoạch số 84/KH-UBND của UBND tỉnh Nghệ An, Sở Y tế và Sở Tài chính được giao chủ trì.", "84/KH-UBND"),
]


@pytest.mark.parametrize("text, number", NOT_ISSUERS)
def test_the_subject_of_the_next_clause_issues_nothing(text: str, number: str) -> None:
    assert _facts(text, "ISSUED") == {("UBND tỉnh Nghệ An", number)}


def test_co_issuers_joined_in_a_list_still_issue() -> None:
    got = _facts("Nghị quyết liên tịch số 01/NQLT-UBND-MTTQ của UBND tỉnh Nghệ An, Ủy ban MTTQ tỉnh Nghệ An "
                 "và Liên đoàn Lao động tỉnh Nghệ An về phối hợp công tác.", "ISSUED")
    assert {b for b, _ in got} >= {"UBND tỉnh Nghệ An", "Liên đoàn Lao động tỉnh Nghệ An"}, got


# -- SIGNED: the signer before "ký", or after "do / được" when the number comes first
SIGNED = [
    ("Phó Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An đã ký Quyết định số 123/QĐ-UBND về quy chế làm việc.",
     ("Nguyễn Văn An", "123/QĐ-UBND")),
    ("Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An vừa ký ban hành Kế hoạch số 84/KH-UBND về chuyển đổi số.",
     ("Nguyễn Văn An", "84/KH-UBND")),
    ("Quyết định số 123/QĐ-UBND do Phó Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An ký ban hành.", ("Nguyễn Văn An", "123/QĐ-UBND")),
    ("Văn bản số 1234/UBND-NC do Phó Chủ tịch UBND tỉnh Nguyễn Văn An ký yêu cầu các sở rà soát.",
     ("Nguyễn Văn An", "1234/UBND-NC")),
    ("Thay mặt Ban Thường vụ Tỉnh ủy Nghệ An, đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Tỉnh ủy đã ký Kết luận số 143-KL/TU.",
     ("Nguyễn Văn An", "143-KL/TU")),
    ("Phó Thủ tướng Trần Văn Hòa vừa ký Quyết định số 1234/QĐ-TTg ngày 5/3/2025 phê duyệt đề án.", ("Trần Văn Hòa", "1234/QĐ-TTg")),
    ("Phó Thủ tướng Trần Văn Hòa ký Công điện số 12/CĐ-TTg về ứng phó bão.", ("Trần Văn Hòa", "12/CĐ-TTg")),
    ("Bộ trưởng Bộ Tài chính Lê Văn Hòa đã ký Thông tư số 10/2025/TT-BTC hướng dẫn thu phí.", ("Lê Văn Hòa", "10/2025/TT-BTC")),
    ("Ông Nguyễn Văn An - Phó Chủ tịch UBND tỉnh Nghệ An đã ký Quyết định số 123/QĐ-UBND.", ("Nguyễn Văn An", "123/QĐ-UBND")),
    ("Thừa ủy quyền Thủ tướng Chính phủ, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Trần Văn Hòa đã ký Thông báo số 30/TB-VPCP.",
     ("Trần Văn Hòa", "30/TB-VPCP")),
    # a letter's number carries no type code: "Công văn" and "văn bản" still name it
    ("Thứ trưởng Bộ Y tế Lê Văn Hòa ký Công văn số 1234/BYT-KCB gửi các tỉnh.", ("Lê Văn Hòa", "1234/BYT-KCB")),
    ("Phó Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An vừa ký văn bản số 1234/UBND-KT gửi các sở.", ("Nguyễn Văn An", "1234/UBND-KT")),
    ("Văn bản số 1234/BNV-CQĐP ngày 5/3/2025 do Thứ trưởng Bộ Nội vụ Lê Văn Hòa ký.", ("Lê Văn Hòa", "1234/BNV-CQĐP")),
    ("Ngày 5/3, ông Lê Văn Hòa - Phó Chủ tịch UBND tỉnh Nghệ An ký Quyết định số 123/QĐ-UBND.", ("Lê Văn Hòa", "123/QĐ-UBND")),
    ("Văn bản số 1234/UBND-KT do ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Nghệ An ký nêu rõ.", ("Nguyễn Văn An", "1234/UBND-KT")),
    # the passive: "<number> được <signer> ký"
    ("Quyết định số 123/QĐ-UBND được Phó Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An ký ngày 5/3.", ("Nguyễn Văn An", "123/QĐ-UBND")),
]


@pytest.mark.parametrize("text, fact", SIGNED)
def test_signers_in_news_shapes(text: str, fact: tuple[str, str]) -> None:
    got = _facts(text, "SIGNED")
    assert fact in got, got


@pytest.mark.parametrize("text", [
    "Văn bản do Phó Thủ tướng Trần Văn Hòa ký nêu rõ yêu cầu.",  # no number: no document
    "Chủ tịch UBND tỉnh Nghệ An đã ký Quyết định số 123/QĐ-UBND về việc thành lập Ban Chỉ đạo.",  # no name
    "Ông Nguyễn Văn An đăng ký tham gia theo Kế hoạch số 84/KH-UBND.",  # "đăng ký" signs nothing
    "Quyết định số 123/QĐ-UBND được ông Nguyễn Văn An đánh giá cao.",  # "được" with no "ký"
    "Quyết định số 123/QĐ-UBND được triển khai, ông Nguyễn Văn An ký cam kết.",  # "ký" in another clause
])
def test_no_signer_written(text: str) -> None:
    assert _facts(text, "SIGNED") == set()


def test_a_signer_signs_the_number_after_ky_not_one_in_the_next_sentence() -> None:
    got = _facts("Ông Nguyễn Văn An đã ký Quyết định số 123/QĐ-UBND. Công văn số 1234/UBND-KT được gửi các sở.", "SIGNED")
    assert got == {("Nguyễn Văn An", "123/QĐ-UBND")}


# -- ASSIGNS: the giver (body, document, head title) -> the bodies it tasks
ASSIGNS = [
    ("UBND tỉnh Nghệ An giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng thực hiện.",
     [("UBND tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An")]),
    ("UBND tỉnh Nghệ An yêu cầu Sở Y tế, Sở Tài chính khẩn trương triển khai.",
     [("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An"), ("UBND tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An")]),
    ("Thủ tướng giao Bộ Công Thương chủ trì xây dựng đề án.", [("Thủ tướng Chính phủ", "Bộ Công Thương")]),
    ("Thủ tướng Chính phủ chỉ đạo Bộ Công an, Bộ Quốc phòng phối hợp chặt chẽ.",
     [("Thủ tướng Chính phủ", "Bộ Công an"), ("Thủ tướng Chính phủ", "Bộ Quốc phòng")]),
    ("Chủ tịch UBND tỉnh Nghệ An chỉ đạo Công an tỉnh tăng cường tuần tra.", [("UBND tỉnh Nghệ An", "Công an tỉnh Nghệ An")]),
    ("Ban Thường vụ Tỉnh ủy Nghệ An đề nghị Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.",
     [("Ban Thường vụ Tỉnh ủy Nghệ An", "Ban Tuyên giáo Tỉnh ủy Nghệ An")]),
    ("Quyết định số 123/QĐ-UBND giao Sở Nội vụ hướng dẫn thực hiện.", [("123/QĐ-UBND", "Sở Nội vụ")]),
    ("Công điện số 12/CĐ-TTg yêu cầu Bộ Nông nghiệp và Môi trường theo dõi diễn biến bão.",
     [("12/CĐ-TTg", "Bộ Nông nghiệp và Môi trường")]),
    ("Tại Công điện số 12/CĐ-TTg, Thủ tướng yêu cầu Bộ Quốc phòng sẵn sàng lực lượng.", [("Thủ tướng Chính phủ", "Bộ Quốc phòng")]),
    ("UBND tỉnh Nghệ An giao cho Sở Y tế chủ trì tổ chức thực hiện.", [("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")]),
    ("UBND tỉnh Nghệ An giao nhiệm vụ cho Sở Y tế chủ trì tổ chức thực hiện.", [("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")]),
    ("UBND tỉnh Nghệ An đề nghị Bộ Y tế hỗ trợ thuốc.", [("UBND tỉnh Nghệ An", "Bộ Y tế")]),
    ("Theo Quyết định số 123/QĐ-UBND của UBND tỉnh Nghệ An, Sở Y tế là cơ quan thường trực.",
     [("123/QĐ-UBND", "Sở Y tế tỉnh Nghệ An")]),
    # a linking word opening the next sentence points back at the document named before it
    ("Phó Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An vừa ký Quyết định số 123/QĐ-UBND ban hành quy chế. "
     "Theo đó, giao Sở Nội vụ chủ trì hướng dẫn.", [("123/QĐ-UBND", "Sở Nội vụ tỉnh Nghệ An")]),
    ("UBND tỉnh Nghệ An ban hành Kế hoạch số 84/KH-UBND. Đồng thời, giao Sở Y tế hướng dẫn các địa phương.",
     [("84/KH-UBND", "Sở Y tế tỉnh Nghệ An")]),
    # the passive: the bodies before "được", the giver after it
    ("Sở Y tế được UBND tỉnh Nghệ An giao chủ trì triển khai.", [("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")]),
    ("Sở Y tế và Sở Tài chính được UBND tỉnh Nghệ An giao chủ trì triển khai.",
     [("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An"), ("UBND tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An")]),
    ("Sở Y tế tỉnh Nghệ An được Chủ tịch UBND tỉnh giao chủ trì thẩm định.", [("UBND tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An")]),
]


@pytest.mark.parametrize("text, facts", ASSIGNS)
def test_tasks_in_news_shapes(text: str, facts: list[tuple[str, str]]) -> None:
    got = _facts(text, "ASSIGNS")
    assert set(facts) <= got, got


@pytest.mark.parametrize("text", [
    "UBND tỉnh Nghệ An yêu cầu các sở, ngành, địa phương khẩn trương triển khai.",  # generic recipients
    "Thủ tướng Chính phủ ký Quyết định số 1234/QĐ-TTg. Bộ Y tế sẽ phối hợp thực hiện.",  # no task verb
    "UBND tỉnh Nghệ An họp. Theo đó, giao Sở Y tế chuẩn bị.",  # no document named before
    "Sở Y tế được khen thưởng, UBND tỉnh Nghệ An giao chủ trì.",  # "được" in another clause
    "Ông Nguyễn Văn An được UBND tỉnh Nghệ An giao phụ trách.",  # a person's portfolio, no body tasked
    # the document two sentences back is not the one "Theo đó" points at
    "UBND tỉnh Nghệ An ban hành Kế hoạch số 84/KH-UBND. Ông An cho biết thêm. Theo đó, giao Sở Y tế hướng dẫn.",
])
def test_no_task_written(text: str) -> None:
    assert _facts(text, "ASSIGNS") == set()


# -- positions left over from the title shapes
POSITIONS = [
    ("Ông Nguyễn Văn An, UVBCH Đảng bộ tỉnh, Giám đốc Sở Y tế tỉnh Nghệ An cho biết.",
     [("HOLDS", "Nguyễn Văn An", "Tỉnh ủy Nghệ An"), ("CHAIRED", "Nguyễn Văn An", "Sở Y tế tỉnh Nghệ An")]),
    ("Ông Nguyễn Văn An, UV.BTV Tỉnh ủy, Chủ tịch UBND tỉnh Nghệ An phát biểu.",
     [("HOLDS", "Nguyễn Văn An", "Ban Thường vụ Tỉnh ủy Nghệ An"), ("CHAIRED", "Nguyễn Văn An", "UBND tỉnh Nghệ An")]),
    ("Ông Nguyễn Văn An, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Giám đốc Sở Y tế tỉnh Nghệ An cho biết.",
     [("HOLDS", "Nguyễn Văn An", "Tỉnh ủy Nghệ An"), ("CHAIRED", "Nguyễn Văn An", "Sở Y tế tỉnh Nghệ An")]),
    ("UV.BTV Thành ủy, Phó Chủ tịch UBND TP Hà Nội Lê Văn Hòa phát biểu.",
     [("HOLDS", "Lê Văn Hòa", "Ban Thường vụ Thành ủy Hà Nội"), ("HOLDS", "Lê Văn Hòa", "UBND TP Hà Nội")]),
    ("Ông Nguyễn Văn An, UVBCH Đảng bộ thành phố, Giám đốc Sở Y tế TP Hà Nội cho biết.",
     [("HOLDS", "Nguyễn Văn An", "Thành ủy Hà Nội"), ("CHAIRED", "Nguyễn Văn An", "Sở Y tế Hà Nội")]),
    # the chief of the General Staff heads the Bộ Tổng Tham mưu, however the army is written
    ("Đại tướng Nguyễn Văn An, Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam phát biểu.",
     [("CHAIRED", "Nguyễn Văn An", "Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam")]),
    ("Đại tướng Nguyễn Văn An, Tổng Tham mưu trưởng QĐND Việt Nam, Thứ trưởng Bộ Quốc phòng phát biểu.",
     [("CHAIRED", "Nguyễn Văn An", "Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam"), ("HOLDS", "Nguyễn Văn An", "Bộ Quốc phòng")]),
    ("Thượng tướng Lê Văn Hòa, Phó Tổng Tham mưu trưởng phát biểu.",
     [("HOLDS", "Lê Văn Hòa", "Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam")]),
    # a department bounded by its ministry in brackets, as by ", Bộ X"
    ("Thiếu tướng Nguyễn Văn An, Cục trưởng Cục Cảnh sát giao thông (Bộ Công an) cho biết.",
     [("CHAIRED", "Nguyễn Văn An", "Cục Cảnh sát giao thông")]),
    ("Ông Nguyễn Văn An, Vụ trưởng Vụ Tổ chức cán bộ (Bộ Nội vụ) cho biết.", [("CHAIRED", "Nguyễn Văn An", "Vụ Tổ chức cán bộ")]),
    ("Cục trưởng Cục Cảnh sát giao thông (Bộ Công an) Nguyễn Văn An cho biết.",
     [("CHAIRED", "Nguyễn Văn An", "Cục Cảnh sát giao thông")]),
]


@pytest.mark.parametrize("text, facts", POSITIONS)
def test_positions_left_over(text: str, facts: list[tuple[str, str, str]]) -> None:
    got = posts(text)
    assert set(facts) <= got, got


def test_a_clause_before_brackets_is_no_organ_name() -> None:
    got = posts("Ông Nguyễn Văn An, Giám đốc Công ty Minh Long bị bắt vì trốn thuế (Bộ Công an) cho biết.")
    assert not any("bị bắt" in body for _, _, body in got), got


# -- a legal text's own number and its signature block, in the ways they are written
LEGAL_BLOCKS = [
    ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 612 /QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc phê duyệt\n\nĐiều 1. Phê duyệt.\n\n"
     "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\n\nNguyễn Văn An\n", ("Nguyễn Văn An", "612/QĐ-UBND")),
    ("BỘ TÀI CHÍNH\nSố: 10/2025/TT-BTC\nTHÔNG TƯ\nHướng dẫn thu phí.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nTrần Văn Hòa\n",
     ("Trần Văn Hòa", "10/2025/TT-BTC")),
    ("UBND TỈNH NGHỆ AN\nSỞ Y TẾ\nSố: 56/SYT-NVY\nKính gửi: Các bệnh viện.\n\nQ. GIÁM ĐỐC\nLê Thị Mai\n", ("Lê Thị Mai", "56/SYT-NVY")),
    ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/CĐ-TTg\nCÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu Bộ Quốc phòng chủ động.\n\n"
     "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nTrần Văn Hòa\n", ("Trần Văn Hòa", "12/CĐ-TTg")),
    # "T/M" written without a dot; the number after "Số" without a colon
    ("TỈNH ỦY NGHỆ AN\nSố 143-KL/TU\nKẾT LUẬN\nBan Thường vụ Tỉnh ủy kết luận.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Hòa\n",
     ("Lê Văn Hòa", "143-KL/TU")),
    # a copy's mark before the name on its line
    ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 84/KH-UBND\nKẾ HOẠCH\nTriển khai chuyển đổi số.\n\n"
     "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐã ký: Nguyễn Văn An\n", ("Nguyễn Văn An", "84/KH-UBND")),
]


@pytest.mark.parametrize("text, fact", LEGAL_BLOCKS)
def test_signature_blocks(text: str, fact: tuple[str, str]) -> None:
    got = _facts(text, "SIGNED")
    assert got == {fact}, got


def test_a_number_after_so_without_colon_is_the_texts_own() -> None:
    got = _facts("TỈNH ỦY NGHỆ AN\nSố 143-KL/TU\nKẾT LUẬN\nBan Thường vụ Tỉnh ủy kết luận.\n", "ISSUED")
    assert ("Ban Thường vụ Tỉnh ủy Nghệ An", "143-KL/TU") in got, got


def test_a_number_inside_a_line_after_so_is_not_the_texts_own() -> None:
    got = _facts("Tin tức\nTheo văn bản Số 143-KL/TU, Ban Thường vụ Tỉnh ủy Nghệ An kết luận.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Hòa\n",
                 "SIGNED")
    assert got == set()
