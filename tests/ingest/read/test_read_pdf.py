"""PDF files (ingest.read.pdf), built in the test with reportlab: furniture removed, broken lines rejoined."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ingest.pipeline import extract_documents
from ingest.read.document import read_document
from tests.ingest.read.pdfs import CENTRED, FLUSH, MARGIN, Para, document_pdf, pdf, wrapped

HEADER = "吉林省科技创新工作要点"
PARAGRAPHS = [
    Para("吉林省科技创新工作要点", CENTRED),
    Para("为深入实施创新驱动发展战略，加快建设创新型省份，现就全省科技创新工作提出如下要点，请各地各部门结合实际认真抓好落实。"),
    Para("一、总体要求", FLUSH),
    Para("坚持以科技自立自强为引领，聚焦汽车、石化、农产品加工等重点产业，强化企业创新主体地位，推动创新链产业链深度融合。"),
    Para("二、重点任务", FLUSH),
    Para("支持吉林大学、长春光机所等高校院所建设重大创新平台，推动科技成果在省内转化落地，培育一批科技型中小企业和高新技术企业。"),
    Para("三、保障措施", FLUSH),
    Para("各地要加强组织领导，完善工作机制，加大财政科技投入，营造良好创新生态。"),
]


def _read(tmp_path: Path, data: bytes, name: str = "notice.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


@pytest.mark.parametrize("footer", ["— {} —", "- {} -", "第 {} 页", "第{}页 共3页", "{}", "{}/3", "Page {}"])
def test_read_pdf_drops_running_headers_and_page_numbers(tmp_path: Path, footer: str) -> None:
    data = document_pdf(PARAGRAPHS, header=HEADER, footer=footer.format, lines_per_page=7)
    document = _read(tmp_path, data)
    assert document.text.split("\n") == [para.text for para in PARAGRAPHS]


def test_read_pdf_keeps_a_body_line_that_reads_like_the_running_header(tmp_path: Path) -> None:
    document = _read(tmp_path, document_pdf(PARAGRAPHS, header=HEADER, lines_per_page=7))
    assert document.text.split("\n")[0] == HEADER  # the title under the header has the header's words
    assert document.text.count(HEADER) == 1


def test_read_pdf_joins_a_paragraph_across_a_page_break(tmp_path: Path) -> None:
    long = Para("全省研究与试验发展经费投入强度达到全国平均水平，技术合同成交额稳步增长，" * 3)
    assert len(wrapped(long.text)) > 4  # broken over two pages of four lines
    document = _read(tmp_path, document_pdf([Para("一、发展目标", FLUSH), long], footer="— {} —".format,
                                            lines_per_page=4))
    assert document.text.split("\n") == ["一、发展目标", long.text]


FULL_FLUSH = "推动长春新区建设国家级科技创新中心，"  # 18 characters ...
FULL_FLUSH += "打造"  # ... and 2: one full line
assert len(FULL_FLUSH) == 20


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param([Para("吉林省科技厅关于开展工作的通知", CENTRED), Para("各有关单位：", FLUSH),
                      Para("现将有关事项通知如下。", FLUSH), Para("吉林省科学技术厅", CENTRED)],
                     None, id="short lines are paragraphs"),
        pytest.param([Para("吉林省科技厅关于开展工作的通知", FLUSH), Para("各有关单位：现将有关事项通知如下。", FLUSH)],
                     None, id="two short lines of about one width"),
        pytest.param([Para("第一章　总则", CENTRED), Para(FULL_FLUSH * 2, FLUSH)], None, id="centred heading"),
        pytest.param([Para("一、总体要求", FLUSH), Para(FULL_FLUSH * 2, FLUSH)], None, id="short heading"),
        pytest.param([Para(FULL_FLUSH, FLUSH), Para("（一）加强基础研究，提升原始创新能力。", FLUSH)], None,
                     id="full line, then a heading marker"),
        pytest.param([Para("一、总体要求", FLUSH), Para(FULL_FLUSH * 2, FLUSH, space_after=0.8),
                      Para("加强基础研究，提升原始创新能力。", FLUSH)], None, id="full line, then extra space"),
        pytest.param([Para(FULL_FLUSH[2:] + FULL_FLUSH), Para("加强基础研究，提升原始创新能力。")], None,
                     id="full line, then an indented line"),
        pytest.param([Para(FULL_FLUSH + "加强基础研究，提升原始创新能力。", FLUSH)],
                     [FULL_FLUSH + "加强基础研究，提升原始创新能力。"], id="a paragraph broken by the layout"),
    ],
)
def test_read_pdf_rejoins_only_lines_the_layout_broke(
    tmp_path: Path, paragraphs: list[Para], expected: list[str] | None
) -> None:
    document = _read(tmp_path, document_pdf(paragraphs))
    assert document.text.split("\n") == (expected or [para.text for para in paragraphs])


def test_read_pdf_evidence_offsets_are_exact_in_the_rejoined_text(tmp_path: Path) -> None:
    text = "为了加快科技成果转化，全省要依托吉林大学建设汽车仿真与控制国家重点实验室，支持中国第一汽车集团有限公司牵头组建创新联合体。"
    assert wrapped(text)[0].endswith("吉林") and wrapped(text)[1].startswith("大学")  # the name is broken
    document = _read(tmp_path, document_pdf([Para("关于加快科技成果转化的通知", CENTRED), Para(text)]))
    extraction = extract_documents([document])
    assert "inst_jlu" in {entity.id for entity in extraction.resolution.entities}
    evidence = [ev for edge in extraction.edges for ev in edge.evidence] + [t.evidence for t in extraction.targets]
    assert evidence and all(document.text[ev.start:ev.end] == ev.text for ev in evidence)


def test_read_pdf_reads_the_text_pages_and_warns_of_scanned_ones(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = pdf([[(MARGIN, 300, "吉林省科技厅关于开展工作的通知")], []], scans={2})
    with caplog.at_level(logging.WARNING, logger="ingest.read.pdf"):
        document = _read(tmp_path, data)
    assert document.text == "吉林省科技厅关于开展工作的通知"
    assert "no text layer on page 2 (scanned)" in caplog.text


def test_read_pdf_with_an_owner_password_only_is_read(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    locked = StandardEncryption("", ownerPassword="owner", canModify=0)
    document = _read(tmp_path, pdf([[(MARGIN, 300, "吉林省科技厅关于开展工作的通知")]], encrypt=locked))
    assert document.text == "吉林省科技厅关于开展工作的通知"
