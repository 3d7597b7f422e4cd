"""Saved government web pages (ingest.read.webpage): the article, and the metadata table where there is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.read.document import read_document

TITLE = "吉林省人民政府办公厅关于印发吉林省科技创新专项资金管理办法的通知"
ARTICLE = f"""<div class="article"><h1>{TITLE}</h1>
<p>　　各市（州）人民政府，长白山管委会，省政府各厅委办：</p>
<p>　　现将《吉林省科技创新专项资金管理办法》印发给你们，请认真贯彻执行。支持吉林大学建设汽车仿真与控制国家重点实验室，推动长春光机所科技成果转化。</p>
<p>　　吉林省人民政府办公厅</p><p>　　2022年5月27日</p></div>"""
ARTICLE_LINES = [
    "各市（州）人民政府，长白山管委会，省政府各厅委办：",
    "现将《吉林省科技创新专项资金管理办法》印发给你们，请认真贯彻执行。支持吉林大学建设汽车仿真与控制国家重点实验室，推动长春光机所科技成果转化。",
    "吉林省人民政府办公厅",
    "2022年5月27日",
]
#: What each metadata table says: a number and a date the text does not have, to tell where values come from.
FROM_TABLE = (TITLE, "吉林省人民政府办公厅", "2022-05-26", 2022, "吉政办发〔2022〕11号")

GOV_CN_TABLE = f"""<table class="bd1"><tbody>
<tr><td><b>索 引 号：</b></td><td>11220000013544357T/2022-01234</td><td><b>主题分类：</b></td><td>科技、教育\\科技</td></tr>
<tr><td><b>发文机关：</b></td><td>吉林省人民政府办公厅</td><td><b>成文日期：</b></td><td>2022年05月26日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">{TITLE}</td></tr>
<tr><td><b>发文字号：</b></td><td>吉政办发〔2022〕11号</td><td><b>发布日期：</b></td><td>2022年06月01日</td></tr>
</tbody></table>"""
LIST_TABLE = f"""<div class="xxgk"><ul><li><span>索引号：</span>11220000013544357T/2022-01234</li>
<li><span>发文机关：</span>吉林省人民政府办公厅</li><li><span>成文日期：</span>2022-05-26</li>
<li><span>标题：</span>{TITLE}</li><li><span>文号：</span>吉政办发〔2022〕11号</li></ul></div>"""
DEFINITION_TABLE = f"""<dl><dt>发文机关</dt><dd>吉林省人民政府办公厅</dd><dt>发文字号</dt><dd>吉政办发〔2022〕11号</dd>
<dt>成文日期</dt><dd>2022年5月26日</dd><dt>标题</dt><dd>{TITLE}</dd></dl>"""


def _page(body: str, head: str = "") -> str:
    return (f"<html><head><title>{TITLE}_政府信息公开</title>{head}</head><body><div class='nav'>首页 &gt; 信息公开</div>"
            f"{body}<div class='footer'>版权所有：吉林省人民政府办公厅 吉ICP备05002011号</div></body></html>")


def _read(tmp_path: Path, html: str):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return read_document(path)


def _metadata(document) -> tuple:
    return document.title, document.issuer, document.date, document.year, document.doc_number


@pytest.mark.parametrize("table", [GOV_CN_TABLE, LIST_TABLE, DEFINITION_TABLE], ids=["cells", "list", "definitions"])
def test_read_webpage_metadata_table_gives_the_metadata_and_is_not_text(tmp_path: Path, table: str) -> None:
    head = '<meta name="PubDate" content="2022-06-01 09:00"><meta name="ContentSource" content="吉林省政府网">'
    document = _read(tmp_path, _page(table + ARTICLE, head))
    assert _metadata(document) == FROM_TABLE  # over the signature date (05-27) and the <meta> tags
    assert document.text.split("\n") == ARTICLE_LINES
    assert "索引号" not in document.text.replace(" ", "") and "11220000013544357T" not in document.text


def test_read_webpage_without_a_metadata_table_reads_the_text_and_its_hints(tmp_path: Path) -> None:
    article = ARTICLE.replace("<p>　　吉林省人民政府办公厅</p><p>　　2022年5月27日</p>", "")
    head = f'<meta name="ArticleTitle" content="{TITLE}"><meta name="PubDate" content="2022-06-01 09:00">'
    document = _read(tmp_path, _page(article, head))
    assert (document.title, document.date) == (TITLE, "2022-06-01")
    assert document.text.split("\n") == ARTICLE_LINES[:2]


def test_read_webpage_a_table_of_the_text_with_label_words_stays_text(tmp_path: Path) -> None:
    listing = """<table><tr><td>序号</td><td>标题</td><td>文号</td></tr>
<tr><td>1</td><td>吉林省科技计划项目管理办法</td><td>吉科发〔2018〕5号</td></tr>
<tr><td>2</td><td>吉林省科技创新平台管理办法</td><td>吉科发〔2019〕7号</td></tr></table>"""
    document = _read(tmp_path, _page(ARTICLE.replace("<p>　　吉林省人民政府办公厅</p>", listing + "<p>吉林省人民政府办公厅</p>")))
    assert ["序号，标题，文号", "1，吉林省科技计划项目管理办法，吉科发〔2018〕5号",
            "2，吉林省科技创新平台管理办法，吉科发〔2019〕7号"] == document.text.split("\n")[2:5]
    assert (document.issuer, document.date, document.doc_number) == ("吉林省人民政府办公厅", "2022-05-27", None)


def test_read_webpage_paragraphs_of_one_width_stay_apart(tmp_path: Path) -> None:
    lines = ["吉林大学牵头建设汽车仿真与控制国家重点实验室。", "长春光机所牵头建设光电信息产业创新中心平台。",
             "吉林化纤集团牵头建设碳纤维产业技术研究院所。", "中国一汽集团牵头建设新能源汽车创新联合体。"]
    document = _read(tmp_path, _page("<article>" + "".join(f"<p>{line}</p>" for line in lines) + "</article>"))
    assert document.text.split("\n") == lines
