"""Text cleaning and the matching view (jig.core.text): markup, boilerplate, broken lines, script, widths."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from jig.core.text import (
    clean_text,
    convert_same_length,
    drop_boilerplate,
    html_lines,
    is_traditional,
    repair_wraps,
    simplified_view,
    strip_front_matter,
    strip_markdown,
    wrap_width,
)

# Paragraphs hard-wrapped at 24 columns (12 Han characters), blank lines between the pieces, as
# PDF extraction leaves them; the second paragraph is indented, the third opens with a heading marker.
_WRAPPED = [
    "  科技创新是提高社会生产",
    "",
    "力和综合实力的战略支撑，",
    "",
    "",
    "必须坚持。",
    "  （一）指导思想。全面贯",
    "",
    "彻落实科学发展观，深入推",
    "进科技创新。",
    "二、发展目标",
]


def test_read_text_wrapped_lines_are_joined_into_paragraphs() -> None:
    assert repair_wraps(_WRAPPED) == [
        "科技创新是提高社会生产力和综合实力的战略支撑，必须坚持。",
        "（一）指导思想。全面贯彻落实科学发展观，深入推进科技创新。",
        "二、发展目标",
    ]


def test_read_text_wrap_width_of_wrapped_and_unwrapped_text() -> None:
    assert wrap_width(_WRAPPED) == 24
    paragraphs = [
        "一、总体思路",
        "　　为深入贯彻习近平总书记视察吉林重要讲话重要指示精神，全面实施高质量发展战略。",
        "（一）建设意义。",
        "创新是第一动力",
    ]
    assert wrap_width(paragraphs) is None
    assert repair_wraps(paragraphs) == [p.strip() for p in paragraphs]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("企业研发投入占全社会研发投", "入的比重达到70%以上", True),
        ("企业研发投入占全社会研发投", "  （二）发展目标", False),  # indented: a new paragraph
        ("企业研发投入占全社会研发投", "1.统筹战略性科技团队", False),  # heading marker
        ("企业研发投入占全社会研发投", "第三条　本办法所称", False),
        ("企业研发投入占全社会研发投", "1.5亿元的投入不断增加", True),  # a decimal, not a heading
        ("企业研发投入占全社会。", "研发投入的比重达到", False),  # the first line ends short of the width
    ],
)
def test_read_text_wrap_decisions(first: str, second: str, joined: bool) -> None:
    filler = ["全面贯彻落实科学发展观深入推", "进科技创新强化创新发展对统筹"] * 3  # sets the wrap width
    paragraphs = repair_wraps([*filler, first, second])
    assert paragraphs[-1].endswith(first + second.strip()) is joined


def test_read_text_latin_words_broken_by_a_wrap_keep_their_space() -> None:
    lines = ["the plan supports research and", "development of new energy cars", "and the industry grows fast ok", " x"]
    assert repair_wraps(lines)[0] == " ".join(lines[:3])


def test_read_text_front_matter_is_removed_and_gives_hints() -> None:
    raw = "\n---\ntitle: '吉林省发布意见'\nauthor: 新浪财经\ndate: Tue, 21 Dec 2021 03:42:12 GMT\n---\n\n正文第一段。\n"
    body, hints = strip_front_matter(raw)
    assert body == "\n正文第一段。\n"
    assert hints == {"title": "吉林省发布意见", "date": "Tue, 21 Dec 2021 03:42:12 GMT"}


def test_read_text_a_leading_rule_that_is_not_yaml_stays() -> None:
    raw = "---\n坚持以服务发展为目的：[未闭合\n---\n正文。"
    assert strip_front_matter(raw) == (raw, {})


def test_read_text_html_keeps_the_article_and_drops_styles_scripts_and_boilerplate() -> None:
    html = """<html><head><title>新闻标题_新浪财经</title><style>.a&#123;color:red&#125;</style></head>
<body><nav>首页 财经</nav><div class="article">
<p>　　第一段，有<a href="x">链接</a>和<span>行内</span>文字。</p>
<p>　　第二段跨
  源码换行。</p><br/>
<script>var x = "<p>not text</p>";</script>
<!-- 正文下iframe --><iframe src="x">iframe text</iframe>
<div class="clearfix appendQr_wrap"><div class="appendQr_normal_txt">海量资讯</div></div>
<p class="article-editor">责任编辑：某某</p>
<div id="share-box"><p>分享到微博</p></div>
</div><footer>版权所有</footer></body></html>"""
    lines, title = html_lines(html)
    assert [line.strip() for line in lines if line.strip()] == ["第一段，有链接和行内文字。", "第二段跨源码换行。"]
    assert title == "新闻标题_新浪财经"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## 一、总体思路", "一、总体思路"),
        ("> 引用的段落", "引用的段落"),
        ("支持**吉林大学**建设[重点实验室](http://x.cn)。", "支持吉林大学建设重点实验室。"),
        ("![图](a.png)图后文字", "图后文字"),
        ("* * *", ""),
        ("---坚持以服务发展为目的。", "---坚持以服务发展为目的。"),
    ],
)
def test_read_text_markdown_markup_is_removed(line: str, expected: str) -> None:
    assert strip_markdown(line) == expected


def test_read_text_boilerplate_lines_are_dropped_and_the_original_title_kept() -> None:
    lines = [
        "原标题：吉林省委省政府发布意见",
        "责任编辑：蒋晓桐",
        "来源：新浪财经",
        "正文。",
        "海量资讯、精准解读，尽在新浪财经APP",
        "作者要求：本段是正文",
    ]
    assert drop_boilerplate(lines) == (["正文。", "作者要求：本段是正文"], "吉林省委省政府发布意见")


def test_read_text_clean_text_of_a_news_page() -> None:
    raw = "---\ntitle: 转载标题\n---\n<div><p>原标题：新闻原标题</p><p>　　正文一。</p><p>　　正文二。</p></div>"
    cleaned = clean_text(raw, ".txt")  # HTML recognised by its tags
    assert cleaned.text == "正文一。\n正文二。"
    assert cleaned.hints == {"title": "新闻原标题"}


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("國家發展和改革委員會支持吉林大學", "国家发展和改革委员会支持吉林大学"),
        ("到２０１７年，全省Ｒ＆Ｄ经费占ＧＤＰ的２．５％", "到2017年，全省R&D经费占GDP的2.5%"),
        ("ａｂｃ＃＄＊＋－／＜＝＞＠＿～", "abc#$*+-/<=>@_~"),
        ("（一）“十二五”《规划》，。、；：？！", "（一）“十二五”《规划》，。、；：？！"),
        ("推动乾安、公主岭、梨树等地发展", "推动乾安、公主岭、梨树等地发展"),  # simplified text: 乾 stays
        ("吉林省人民政府\n長春國家自主創新示範區建設", "吉林省人民政府\n长春国家自主创新示范区建设"),
        ("\u3000\u3000全角空格保留", "\u3000\u3000全角空格保留"),
    ],
)
def test_read_text_simplified_view(text: str, view: str) -> None:
    assert simplified_view(text) == view
    assert len(simplified_view(text)) == len(text)


def test_read_text_view_of_a_traditional_document_converts_short_lines_too() -> None:
    text = "吉林省促進科技成果轉移轉化實施方案\n長春\n為貫徹落實國務院關於科技成果轉化的部署，現提出以下意見。"
    assert is_traditional(text)
    assert simplified_view(text).split("\n")[1] == "长春"


def test_read_text_conversion_that_changes_length_falls_back_per_character() -> None:
    converter = OpenCC("tw2sp")  # a real converter whose phrase table maps 記憶體 (3) to 内存 (2)
    assert converter.convert("我的記憶體不夠") == "我的内存不够"
    assert convert_same_length("我的記憶體不夠", converter) == "我的记忆体不够"
