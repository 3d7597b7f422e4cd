"""One Document per file whatever its shape: encodings, scripts, HTML, Markdown, PDF line wraps (ingest.read.document)."""

from __future__ import annotations

from pathlib import Path

import pytest
from opencc import OpenCC

from ingest.read.document import read_document

NOTICE = (
    "吉林省人民政府办公厅关于印发吉林省促进科技成果转化实施方案的通知\n"
    "吉政办发〔2016〕72号\n"
    "各市（州）人民政府，省政府各厅委办：\n"
    "　　现将《吉林省促进科技成果转化实施方案》印发给你们，请认真贯彻执行。到２０２０年，建成１０个平台。\n"
    "吉林省人民政府办公厅\n"
    "2016年10月31日\n"
)

NOTICE_TRADITIONAL = (
    "吉林省人民政府辦公廳關於印發吉林省促進科技成果轉化實施方案的通知\n"
    "吉政辦發〔2016〕72號\n"
    "各市（州）人民政府，省政府各廳委辦：\n"
    "　　現將《吉林省促進科技成果轉化實施方案》印發給你們，請認真貫徹執行。到２０２０年，建成１０個平臺。\n"
    "吉林省人民政府辦公廳\n"
    "二○一六年十月三十一日\n"
)

NOTICE_METADATA = {
    "title": "吉林省人民政府办公厅关于印发吉林省促进科技成果转化实施方案的通知",
    "issuer": "吉林省人民政府办公厅",
    "date": "2016-10-31",
    "year": 2016,
    "doc_number": "吉政办发〔2016〕72号",
}


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _metadata(document) -> dict[str, object]:
    return {name: getattr(document, name) for name in NOTICE_METADATA}


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_read_encodings_give_the_same_document(tmp_path: Path, encoding: str) -> None:
    document = read_document(_write(tmp_path, "notice.txt", NOTICE.encode(encoding)))
    assert document.text == "\n".join(line.strip() for line in NOTICE.strip().split("\n"))
    assert _metadata(document) == NOTICE_METADATA
    assert document.metadata_source == dict.fromkeys(NOTICE_METADATA, "text")


def test_read_windows_line_endings(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "crlf.txt", NOTICE.replace("\n", "\r\n").encode("utf-8-sig")))
    assert "\r" not in document.text
    assert _metadata(document) == NOTICE_METADATA


@pytest.mark.parametrize("encoding", ["utf-8", "big5", "utf-16"])
def test_read_traditional_script_keeps_the_text_and_simplifies_the_view(tmp_path: Path, encoding: str) -> None:
    document = read_document(_write(tmp_path, "trad.txt", NOTICE_TRADITIONAL.encode(encoding)))
    assert "關於印發吉林省促進科技成果轉化實施方案" in document.text  # evidence stays as written
    assert "关于印发吉林省促进科技成果转化实施方案" in document.view
    assert "到2020年，建成10个平台" in document.view
    assert "到２０２０年，建成１０個平臺" in document.text
    assert len(document.view) == len(document.text)
    assert _metadata(document) == NOTICE_METADATA


def test_read_full_width_digits_and_letters_stay_in_text_and_are_ascii_in_view(tmp_path: Path) -> None:
    text = "　　全省Ｒ＆Ｄ经费投入占ＧＤＰ的比重达到２．５％，建设４００个中心。\n"
    document = read_document(_write(tmp_path, "wide.txt", text.encode("utf-8")))
    assert document.text == text.strip()
    assert document.view == "全省R&D经费投入占GDP的比重达到2.5%，建设400个中心。"


def test_read_html_file_with_front_matter_and_title_element(tmp_path: Path) -> None:
    page = (
        "---\ntitle: 科技厅发布通知\ndate: 2020-05-06\n---\n<html><head><title>页面标题</title>"
        "<style>p{color:red}</style></head><body><p>　　各有关单位：</p><p>　　请认真贯彻。</p>"
        '<p class="article-editor">责任编辑：张三</p></body></html>'
    )
    document = read_document(_write(tmp_path, "page.htm", page.encode("utf-8")))
    assert document.text == "各有关单位：\n请认真贯彻。"
    assert (document.title, document.date, document.year) == ("科技厅发布通知", "2020-05-06", 2020)


def test_read_markdown_file(tmp_path: Path) -> None:
    markdown = "# 吉林省科技创新专项资金管理办法\n\n## 第一章 总则\n\n第一条　为**规范**专项资金管理，制定本办法。\n"
    document = read_document(_write(tmp_path, "rules.md", markdown.encode("utf-8")))
    assert document.text == "吉林省科技创新专项资金管理办法\n第一章 总则\n第一条　为规范专项资金管理，制定本办法。"
    assert document.title == "吉林省科技创新专项资金管理办法"


def test_read_identity_of_a_document(tmp_path: Path) -> None:
    path = _write(tmp_path, "2016_notice.txt", NOTICE.encode("utf-8"))
    document = read_document(path)
    assert (document.id, document.file, document.path) == ("2016_notice", "2016_notice.txt", str(path))


def test_read_html_page_of_the_corpus_keeps_only_the_article(corpus_dir: Path) -> None:
    document = read_document(corpus_dir / "001_49b82304a1133bd7.txt")
    lines = document.text.split("\n")
    assert lines[0] == "省委省政府关于创新型省份建设的意见（2021年12月20日）"
    assert lines[-1].startswith("（八）加强监测评估。")
    for leftover in ("<", ">", "&#", "appendQr", "{", "责任编辑", "原标题", "新浪财经", "headimg", "categories", "---"):
        assert leftover not in document.text
    assert "推动一汽集团、中车长客、中油吉化、吉林化纤、" in document.text  # inline stock links keep their text
    assert all(line == line.strip() and line for line in lines)
    assert (document.title, document.date) == ("省委省政府关于创新型省份建设的意见", "2021-12-20")


def test_read_pdf_line_wraps_of_the_corpus_are_joined(corpus_dir: Path) -> None:
    document = read_document(corpus_dir / "002_bdafd33da79e8432.txt")
    lines = document.text.split("\n")
    assert lines[1] == (
        "科技创新是提高社会生产力和综合实力的战略支撑，建立健全以市场为导向的科技创新机制，"
        "是提高科学研究水平、加快科技成果产业化和建设创新型吉林的核心要求。为贯彻落实党的十八届三中全会和"
        "省委十届三次全会精神，深化科技体制改革，现就建立健全技术创新市场导向机制、加快科技成果产业化工作提出如下实施意见："
    )
    assert "科技成果产业化服务体系。建设省级重点实验室７０个" in document.text  # joined across a page break
    assert "一、指导思想和发展目标" in lines and "（二十八）" in lines[-1]
    assert "到2017年，建立起完善的技术创新市场导向机制" in document.view
    headings = ("（", "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、")
    assert sum(line.startswith(headings) for line in lines) == 36  # 8 parts, 28 numbered paragraphs


_BUNDLED = sorted(p.name for p in (Path(__file__).resolve().parents[3] / "data" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("file", _BUNDLED)
def test_read_bundled_document_in_traditional_script_or_gb18030_reads_the_same(
    tmp_path: Path, corpus_dir: Path, file: str
) -> None:
    raw = (corpus_dir / file).read_text(encoding="utf-8")
    original = read_document(corpus_dir / file)
    in_gb18030 = read_document(_write(tmp_path, "gb.txt", raw.encode("gb18030")))
    assert in_gb18030.text == original.text
    traditional = read_document(_write(tmp_path, "trad.txt", OpenCC("s2t").convert(raw).encode("utf-8")))
    assert traditional.text != original.text
    assert len(traditional.text) == len(traditional.view) == len(original.text)
    differences = {(t, o) for t, o in zip(traditional.view, original.view, strict=True) if t != o}
    assert differences <= {("干", "乾")}  # t2s cannot tell the 乾 of 乾安 from 乾 = 干
    metadata = ("title", "issuer", "date", "year", "doc_number")
    assert [getattr(traditional, name) for name in metadata] == [getattr(original, name) for name in metadata]
