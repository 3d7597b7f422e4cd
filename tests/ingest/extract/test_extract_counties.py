"""Places outside the gazetteer (cities, counties, provinces, countries, listed districts), and the zone and
incubator forms added for news text."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(("text", "expected"), [
    ("抚松县人民政府发布通知。", ("抚松县", "Region", "County")),
    ("农安县和榆树市的企业。", ("榆树市", "Region", "County")),
    ("敦化市科技企业孵化器设在敦化经济开发区。", ("敦化市科技企业孵化器", "Platform", "Incubator")),
    ("科技部批复建设吉林公主岭国家农业科技园区。", ("吉林公主岭国家农业科技园区", "Zone", "Other")),
    ("长春兴隆综合保税区开展物流合作。", ("长春兴隆综合保税区", "Zone", "Other")),
    ("与山东省梁山县的企业合作。", ("山东省", "Region", "Province")),
    ("与山东省梁山县的企业合作。", ("梁山县", "Region", "County")),
    ("美国企业落户长江三角洲地区。", ("美国", "Region", "Country")),
    ("包括长春市朝阳区、宽城区、二道区和九台区部分区域。", ("二道区", "Region", "County")),
    ("包括現有的朝陽區、寬城區、二道區、九台區的部分區域。", ("九台区", "Region", "County")),
])
def test_extract_finds_county_and_zone_forms(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("城市超市在该县发展。", "城市"),
    ("城市超市在该县发展。", "该县"),
    ("外国企业和全国各地的企业。", "外国"),
    ("支持建设一批科技企业孵化器和众创空间。", "科技企业孵化器"),
    ("新建省级科技企业孵化器5家。", "省级科技企业孵化器"),
    ("推进农业科技园区建设。", "农业科技园区"),
])
def test_extract_leaves_class_words_alone(text: str, name: str) -> None:
    assert not any(n == name for n, _, _ in found(text))
