"""ingest.extract.enumerations on real jieba tokens: each industry of a list with a shared head is its own item,
and a platform or alliance named for its field names that field."""

from __future__ import annotations

import pytest

from ingest.extract.enumerations import listed_fields
from ingest.pipeline import extract_documents
from jig.core.records import Document
from jig.core.text import simplified_view
from tests.extract_helpers import sentences


@pytest.mark.parametrize(("text", "items"), [
    ("我省将重点发展汽车、石化、医药健康产业。", ["汽车", "石化", "医药健康"]),
    ("加快发展汽车零部件、汽车电子和电力电子产业。", ["汽车零部件", "汽车电子", "电力电子"]),
    ("壮大新材料、生物医药等新兴产业。", ["新材料", "生物医药"]),
    ("培育战略性新兴产业。", []),                       # one generic item: no list
    ("包括新兴、传统产业。", []),                       # class words, not fields
    ("建设汽车、石化产业园区。", []),                   # 产业 inside a longer word is no head
    ("推广修复回收、资源化利用等技术。", []),           # lists headed by 技术 are left out
    ("主导产业为汽车整车、汽车零部件和汽车服务业。", ["汽车整车", "汽车零部件", "汽车服务业"]),  # head first
    ("重点产业包括人参、医药和食品等。", ["人参", "医药", "食品"]),
    ("主导产业为推动汽车、石化发展。", []),             # a clause word: no list
])
def test_enumerations_items_of_a_shared_head(text: str, items: list[str]) -> None:
    sentence = sentences(text)[0]
    assert [sentence.view[f.start:f.end] for f in listed_fields(sentence.tokens)] == items


@pytest.mark.parametrize(("text", "fields"), [
    ("同意吉林省药用包装材料产业科技创新联合体备案。", ["药用包装材料"]),
    ("吉林省细胞产业科技创新联合体成立。", ["细胞"]),
    ("长春市战略性新兴产业创新中心揭牌。", []),          # a class word, not a field
    ("吉林省产业技术创新战略联盟成立。", []),            # nothing between the place and 产业
    ("支持建设中德产业园。", []),                        # no place named before the field: not read
])
def test_enumerations_the_field_a_name_is_about(text: str, fields: list[str]) -> None:
    document = Document(id="t", file="t.txt", path="t.txt", text=text, view=simplified_view(text))
    found = [m.surface for m in extract_documents([document], learned=False).mentions
             if m.label.value == "Industry" and m.source == "form"]
    assert found == fields
