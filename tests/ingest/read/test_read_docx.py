"""Word .docx files (ingest.read.word), built in the test with python-docx: paragraphs and tables in order."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from ingest.read.document import read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REVISION = 'w:id="{}" w:author="审核人" w:date="2022-05-27T00:00:00Z"'


def _read(tmp_path: Path, document: docx.document.Document):
    path = tmp_path / "notice.docx"
    document.save(path)
    return read_document(path)


def test_read_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("吉林省科技厅关于公布2022年度省级重点实验室名单的通知")
    document.add_paragraph("各有关单位：现将名单公布如下。")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("序号", "实验室名称", "依托单位"), ("1", "汽车仿真与控制重点实验室", "吉林大学"),
                                       ("2", "光电信息重点实验室", "长春光机所")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("附件：实验室建设任务书")
    merged = document.add_table(rows=2, cols=3)
    merged.cell(0, 0).merge(merged.cell(1, 0)).text = "长春市"  # spans two rows: repeated in each
    merged.cell(0, 1).merge(merged.cell(0, 2)).text = "长春新区"  # spans two columns: once
    merged.cell(1, 1).text, merged.cell(1, 2).text = "净月区", "绿园区"
    document.add_paragraph("吉林省科学技术厅")
    assert _read(tmp_path, document).text.split("\n") == [
        "吉林省科技厅关于公布2022年度省级重点实验室名单的通知",
        "各有关单位：现将名单公布如下。",
        "序号，实验室名称，依托单位",
        "1，汽车仿真与控制重点实验室，吉林大学",
        "2，光电信息重点实验室，长春光机所",
        "附件：实验室建设任务书",
        "长春市，长春新区",
        "长春市，净月区，绿园区",
        "吉林省科学技术厅",
    ]


def test_read_docx_paragraphs_of_one_width_stay_apart(tmp_path: Path) -> None:
    lines = ["吉林大学牵头建设汽车仿真与控制国家重点实验室。", "长春光机所牵头建设光电信息产业创新中心平台。",
             "吉林化纤集团牵头建设碳纤维产业技术研究院所。", "中国一汽集团牵头建设新能源汽车创新联合体。"]
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    assert _read(tmp_path, document).text.split("\n") == lines


def test_read_docx_reads_every_run_of_a_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("依托")
    for xml in (
        f'<w:ins {W} {REVISION.format(1)}><w:r><w:t>吉林大学</w:t></w:r></w:ins>',
        f'<w:del {W} {REVISION.format(2)}><w:r><w:delText>长春理工大学</w:delText></w:r></w:del>',
        f'<w:sdt {W}><w:sdtContent><w:r><w:t>建设</w:t></w:r></w:sdtContent></w:sdt>',
        f'<w:smartTag {W} w:uri="urn:schemas" w:element="place"><w:r><w:t>汽车仿真与控制</w:t></w:r></w:smartTag>',
        f'<w:fldSimple {W} w:instr="DOCPROPERTY 名称"><w:r><w:t>国家重点实验室</w:t></w:r></w:fldSimple>',
    ):
        paragraph._p.append(parse_xml(xml))
    paragraph.add_run("。").add_break()
    paragraph.add_run("2022年5月27日")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    paragraph.add_run("印发")
    assert _read(tmp_path, document).text.split("\n") == ["依托吉林大学建设汽车仿真与控制国家重点实验室。",
                                                           "2022年5月27日印发"]


def test_read_docx_metadata_comes_from_its_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("吉林省人民政府办公厅关于印发吉林省促进科技成果转化实施方案的通知")
    document.add_paragraph("吉政办发〔2016〕72号")
    document.add_paragraph("现将《吉林省促进科技成果转化实施方案》印发给你们，请认真贯彻执行。")
    document.add_paragraph("吉林省人民政府办公厅")
    document.add_paragraph("2016年10月31日")
    read = _read(tmp_path, document)
    assert (read.title, read.issuer, read.date, read.doc_number) == (
        "吉林省人民政府办公厅关于印发吉林省促进科技成果转化实施方案的通知", "吉林省人民政府办公厅", "2016-10-31",
        "吉政办发〔2016〕72号",
    )
