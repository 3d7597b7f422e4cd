"""Government bodies written without their place, bound to the place named before them."""

from __future__ import annotations

from ingest.pipeline import extract_documents
from jig.core.records import Document
from jig.core.text import simplified_view


def _names(text: str) -> dict[str, str]:
    """Surface → canonical entity name of every institution mention in `text`."""
    document = Document(id="t", file="t.txt", path="t.txt", text=text, view=simplified_view(text))
    extraction = extract_documents([document], learned=False)
    names = {e.id: e.name for e in extraction.resolution.entities}
    return {r.mention.surface: names[r.entity_id] for r in extraction.resolution.mentions
            if r.mention.label.value == "Institution"}


def test_city_bodies_take_the_city_named_before_them():
    names = _names("长春市召开科技大会。市委、市政府高度重视，市科技局具体落实。")
    assert names["市政府"] == "长春市人民政府"
    assert names["市科技局"] == "长春市科学技术局"
    assert names["市委"] == "长春市委"


def test_the_nearest_place_wins_and_merges_with_its_full_name():
    names = _names("长春市政府与吉林市合作。吉林市人民政府表示，市政府将提供支持。")
    assert names["市政府"] == "吉林市人民政府" == names["吉林市人民政府"]


def test_a_county_body_without_a_county_before_it_is_no_name():
    assert "县政府" not in _names("长春市召开会议，县政府表示支持。")


def test_province_bodies_default_to_the_home_province():
    assert _names("会议由省科协主办。")["省科协"] == "吉林省科协"


def test_a_level_character_inside_a_word_makes_no_body():
    names = _names("长春市推动城市政府职能转变，全市政府部门参加。")
    assert not any(surface.endswith("政府") and len(surface) <= 4 for surface in names)


def test_party_committees_written_short_after_their_place():
    names = _names("长春市委、吉林市委联合召开会议，中共长春市委员会出席。")
    assert {"长春市委", "吉林市委", "中共长春市委员会"} <= set(names)


def test_two_bodies_side_by_side_are_two_names():
    names = _names("省委省政府高度重视，中共吉林省委吉林省人民政府印发通知。")
    assert {"省委", "省政府", "中共吉林省委", "吉林省人民政府"} <= set(names)
    assert "省委省政府" not in names
