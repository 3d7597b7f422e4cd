"""Metadata from the text (ingest.read.metadata): a table of document headers and signatures, dates, merging."""

from __future__ import annotations

import pytest

from ingest.read.metadata import Metadata, extract_metadata, merge_metadata, parse_chinese_date
from jig.core.text import simplified_view

_FIELDS = ("title", "issuer", "date", "doc_number")


def _found(text: str, hints: dict[str, str] | None = None) -> dict[str, object]:
    metadata = extract_metadata(simplified_view(text), hints)
    return {name: getattr(metadata, name) for name in _FIELDS}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "吉林省人民政府关于加快科技创新的若干意见\n吉政发〔2015〕12号\n各市（州）人民政府：\n正文。\n吉林省人民政府\n2015年3月2日",
            ("吉林省人民政府关于加快科技创新的若干意见", "吉林省人民政府", "2015-03-02", "吉政发〔2015〕12号"),
            id="notice with number and signature",
        ),
        pytest.param(
            "各市（州）人民政府：\n"
            "省科技厅制定的《创新型吉林建设科技行动计划》已经省政府同意，"
            "根据《关于加快发展的意见》（吉发 〔2010〕19号），现转发给你们。\n"
            "二○一一年六月七日\n创新型吉林建设科技行动计划\n(省科技厅)\n一、指导思想\n正文。",
            ("创新型吉林建设科技行动计划", "省科技厅", "2011-06-07", None),
            id="forwarded plan: drafter under the title, cited number is not its own",
        ),
        pytest.param(
            "省委省政府关于创新型省份建设的意见（2021年12月20日）\n为深入贯彻习近平总书记视察吉林重要讲话精神，提出如下意见。\n一、总体思路",
            ("省委省政府关于创新型省份建设的意见", "省委省政府", "2021-12-20", None),
            id="date in parentheses after the title",
        ),
        pytest.param(
            "长春市人民政府关于支持新能源汽车产业发展的实施意见（长府发〔2019〕7号）\n各区人民政府：\n正文。",
            ("长春市人民政府关于支持新能源汽车产业发展的实施意见", "长春市人民政府", None, "长府发〔2019〕7号"),
            id="number in parentheses after the title",
        ),
        pytest.param(
            "吉林省科学技术厅\n吉林省财政厅\n发文字号：吉科发〔2019〕3号\n吉林省科技创新专项资金管理办法\n"
            "第一章 总则\n第一条　为规范管理，制定本办法。",
            ("吉林省科技创新专项资金管理办法", None, None, "吉科发〔2019〕3号"),
            id="labelled number; organisation lines without a date are not a signature",
        ),
        pytest.param(
            "国务院办公厅转发科技部关于加快科技服务业发展的意见\n正文。",
            ("国务院办公厅转发科技部关于加快科技服务业发展的意见", None, None, None),
            id="a forwarding title has no single issuer before 关于",
        ),
        pytest.param(
            "各市（州）人民政府：\n为贯彻落实《国务院关于印发规划的通知》（国发〔2013〕4号），提出以下实施意见：\n一、充分认识重要性\n正文。\n"
            "吉林省人民政府办公厅\n２０１４年１月２２日",
            (None, "吉林省人民政府办公厅", "2014-01-22", None),
            id="no title line; signature at the end with full-width digits",
        ),
        pytest.param(
            "吉林省人民政府辦公廳關於印發吉林省促進科技成果轉化實施方案的通知\n吉政辦發〔２０１６〕７２號\n正文。\n"
            "中共吉林省委辦公廳　吉林省人民政府辦公廳\n二〇一六年十月三十一日",
            (
                "吉林省人民政府办公厅关于印发吉林省促进科技成果转化实施方案的通知",
                "中共吉林省委办公厅　吉林省人民政府办公厅",
                "2016-10-31",
                "吉政办发〔2016〕72号",
            ),
            id="traditional script: values in simplified, half-width form",
        ),
        pytest.param(
            "一、指导思想和发展目标\n到2017年，建立起完善的技术创新市场导向机制。\n（一）加强组织领导",
            (None, None, None, None),
            id="text that starts mid-document",
        ),
        pytest.param(
            "吉林省加快推进创新型省份建设工作方案\n2021年2月30日\n正文。\n2021年3月1日印发",
            ("吉林省加快推进创新型省份建设工作方案", None, "2021-03-01", None),
            id="an impossible date is skipped",
        ),
        pytest.param(
            "为贯彻落实全会精神，推进创新驱动发展，聚力建设创新型省份的实施方案。\n创新是第一动力。",
            (None, None, None, None),
            id="a sentence ending with a document word is not a title",
        ),
    ],
)
def test_metadata_from_text(text: str, expected: tuple[object, ...]) -> None:
    assert _found(text) == dict(zip(_FIELDS, expected, strict=True))


def test_metadata_hints_fill_what_the_text_lacks() -> None:
    hints = {"title": "吉林省委省政府發布意見", "date": "Tue, 21 Dec 2021 03:42:12 GMT"}
    assert _found("正文第一段。\n正文第二段。", hints) == {
        "title": "吉林省委省政府发布意见", "issuer": None, "date": "2021-12-21", "doc_number": None,
    }
    assert _found("吉林省科技发展规划\n2020年1月2日\n正文。", hints)["date"] == "2020-01-02"


@pytest.mark.parametrize(
    ("hint", "date"),
    [
        ("2021-12-21", "2021-12-21"),
        ("2021-12-21 08:00:00", "2021-12-21"),
        ("二〇二一年十二月二十一日", "2021-12-21"),
        ("昨天", None),
    ],
)
def test_metadata_hint_dates(hint: str, date: str | None) -> None:
    assert extract_metadata("正文。", {"date": hint}).date == date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("二○一一年六月七日", "2011-06-07"),
        ("二〇二〇年十二月三十一日", "2020-12-31"),
        ("二零一四年一月二十二日", "2014-01-22"),
        ("二O一九年十月十日", "2019-10-10"),
        ("2016年10月31日", "2016-10-31"),
        ("2016 年 1 月 5 日", "2016-01-05"),
        ("于2021年2月30日和2021年3月1日", "2021-03-01"),
        ("二〇一六年一二月一日", None),
        ("2016年10月", None),
    ],
)
def test_metadata_parse_chinese_date(text: str, iso: str | None) -> None:
    assert parse_chinese_date(text) == iso


def test_metadata_year_follows_the_date() -> None:
    assert extract_metadata("吉林省科技发展规划\n2016年10月31日").year == 2016


@pytest.mark.parametrize(
    ("manual", "values", "sources"),
    [
        ({}, ("文中标题", "2016-10-31", 2016), {"title": "text", "date": "text", "year": "text"}),
        ({"title": "手工标题"}, ("手工标题", "2016-10-31", 2016),
         {"title": "manifest", "date": "text", "year": "text"}),
        ({"date": "2015-01-02"}, ("文中标题", "2015-01-02", 2015),
         {"title": "text", "date": "manifest", "year": "manifest"}),
        ({"date": None, "year": 2014}, ("文中标题", None, 2014), {"title": "text", "year": "manifest"}),
        ({"title": None, "date": None}, (None, None, None), {}),
    ],
)
def test_metadata_merge_with_manual_values(manual: dict, values: tuple, sources: dict[str, str]) -> None:
    found = Metadata(title="文中标题", date="2016-10-31", year=2016)
    merged, merged_sources = merge_metadata(found, manual)
    assert (merged.title, merged.date, merged.year) == values
    assert merged_sources == sources
