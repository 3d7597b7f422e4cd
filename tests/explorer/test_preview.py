"""The preview of an uploaded file (explorer.services.preview): the real reader and the real pipeline."""

from __future__ import annotations

import shlex
import tempfile
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from explorer.markup import mark, markdown_text
from explorer.services.preview import PreviewError, add_command, preview, upload_name

NOTICE = """吉林省人民政府办公厅关于加快汽车产业创新发展的若干措施
吉政办发〔2024〕12号
各市（州）人民政府：
依托吉林大学建设汽车仿真与控制国家重点实验室，支持中国第一汽车集团有限公司牵头组建吉林省新能源汽车产业技术创新战略联盟。
长春光机所聚焦光电信息产业。
到2025年，全省研发经费投入强度达到2.5%。
吉林省人民政府办公厅
2024年3月1日
"""

PAGE = """<html><head><title>关于支持创新平台建设的通知</title><style>p{color:red}</style>
<script>var track = 1;</script></head><body>
<p>　　依托长春理工大学建设光电测控技术创新中心，聚焦光电子产业。</p>
<p class="article-editor">责任编辑：张三</p></body></html>"""


@pytest.fixture(scope="module")
def notice():
    return preview("2024_汽车措施.txt", NOTICE.encode("utf-8"))


def test_preview_reads_the_metadata_of_the_text(notice) -> None:
    document = notice.document
    assert (document.id, document.file) == ("2024_汽车措施", "2024_汽车措施.txt")
    assert document.title == "吉林省人民政府办公厅关于加快汽车产业创新发展的若干措施"
    assert (document.issuer, document.date, document.year) == ("吉林省人民政府办公厅", "2024-03-01", 2024)
    assert document.doc_number == "吉政办发〔2024〕12号"
    assert notice.sentences == 8 and notice.characters == len(NOTICE.strip())


def test_preview_groups_entities_by_label_in_ontology_order(notice) -> None:
    groups = dict(notice.groups())
    assert list(groups)[:2] == ["Institution", "Platform"] and list(groups)[-1] == "Target"
    jlu = next(e for e in groups["Institution"] if e.id == "inst_jlu")
    assert (jlu.name, jlu.name_en, jlu.kind, jlu.mentions) == ("吉林大学", "Jilin University", "University", 1)
    assert [e.name for e in groups["Platform"]] == ["汽车仿真与控制国家重点实验室"]
    assert [(e.name, e.kind) for e in groups["Target"]] == [("R&D经费占GDP比重 2025: 2.5%", "Target")]
    assert sum(len(members) for _, members in groups.items()) == len(notice.entities)


def test_preview_relations_mark_their_two_entities_in_the_evidence(notice) -> None:
    names = {e.id: e.name for e in notice.entities}
    hosted = next(r for r in notice.relations if r.type == "HOSTED_BY" and r.target == "inst_jlu")
    (evidence,) = hosted.evidence
    assert evidence.text.startswith("依托吉林大学建设")
    assert [evidence.text[s:e] for s, e in evidence.spans] == ["吉林大学", names[hosted.source]]
    assert mark(evidence.text, evidence.spans).startswith("依托<mark>吉林大学</mark>建设<mark>汽车仿真")
    assert "CO_MENTIONED" not in {r.type for r in notice.relations}
    assert {r.source for r in notice.relations} | {r.target for r in notice.relations} <= set(names)


def test_preview_nested_mentions_keep_the_outer_name(notice) -> None:
    located = next(r for r in notice.relations if r.type == "LOCATED_IN" and r.target == "reg_jilin"
                   and r.source.startswith("alli_"))
    evidence = located.evidence[0]
    assert [evidence.text[s:e] for s, e in evidence.spans] == ["吉林省新能源汽车产业技术创新战略联盟"]


def test_preview_of_a_saved_web_page_keeps_only_the_article() -> None:
    page = preview("notice.html", PAGE.encode("utf-8"))
    assert page.document.title == "关于支持创新平台建设的通知"
    assert "长春理工大学" in {e.name for e in page.entities}
    assert page.relations and all(r.evidence for r in page.relations)
    assert all("责任编辑" not in ev.text and "track" not in ev.text for r in page.relations for ev in r.evidence)


def test_preview_gives_the_add_command(notice) -> None:
    assert notice.command == ".venv/bin/python -m ingest add 'data/corpus/2024_汽车措施.txt'"
    assert shlex.split(add_command("my notice.txt"))[-1] == "data/corpus/my notice.txt"
    assert add_command("notice.txt") == ".venv/bin/python -m ingest add data/corpus/notice.txt"


@pytest.mark.parametrize(
    ("sent", "expected"),
    [("notice.txt", "notice.txt"), ("C:\\Users\\me\\报告.txt", "报告.txt"), ("../../etc/notice.md", "notice.md"),
     ("", "upload.txt")],
)
def test_preview_upload_name_drops_folders(sent: str, expected: str) -> None:
    assert upload_name(sent) == expected


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty.txt: the file is empty"),
        ("blob.txt", b"\x00\x01\x02" * 50, "blob.txt: binary file"),
        ("page.html", b"<html><script>var a = 1;</script></html>", "page.html: no text left"),
        ("sheet.xlsx", b"PK\x03\x04", "sheet.xlsx: the reader cannot read .xlsx"),
        ("old.doc", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504),
         "old.doc: this is a legacy Word/WPS file: save it as .docx"),
        ("cut.pdf", b"%PDF-1.4\n%%EOF", "cut.pdf: the file is damaged or not a PDF"),
    ],
)
def test_preview_of_an_unreadable_file_names_the_upload(name: str, content: bytes, problem: str) -> None:
    with pytest.raises(PreviewError) as caught:
        preview(name, content)
    assert str(caught.value).startswith(problem)
    assert "jig-preview" not in str(caught.value)


def test_preview_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    preview("notice.txt", NOTICE.encode("utf-8"))
    with pytest.raises(PreviewError):
        preview("empty.txt", b"")
    assert list(tmp_path.iterdir()) == []


def _docx(path: Path) -> None:
    document = docx.Document()
    for line in NOTICE.strip().split("\n"):
        document.add_paragraph(line)
    document.save(path)


def _pdf(path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("STSong-Light", 10)
    for number, line in enumerate(NOTICE.strip().split("\n")):
        page.drawString(40, 800 - 16 * number, line)
    page.save()


@pytest.mark.parametrize("make", [_docx, _pdf], ids=["docx", "pdf"])
def test_preview_of_a_word_or_pdf_file(tmp_path: Path, make) -> None:
    path = tmp_path / f"notice.{make.__name__[1:]}"
    make(path)
    result = preview(path.name, path.read_bytes())
    assert result.document.doc_number == "吉政办发〔2024〕12号"
    assert {"inst_jlu", "inst_faw"} <= {e.id for e in result.entities}


def test_markdown_text_shows_user_text_as_written() -> None:
    assert markdown_text("a*b* [x](y) $1$ :red[z]") == r"a\*b\* \[x\]\(y\) \$1\$ \:red\[z\]"
    assert markdown_text("吉林省科技厅") == "吉林省科技厅"


def test_mark_escapes_the_text_around_the_spans() -> None:
    assert mark("<b>吉林大学</b>", [(3, 7)]) == "&lt;b&gt;<mark>吉林大学</mark>&lt;/b&gt;"
