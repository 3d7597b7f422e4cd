"""The one YAML loader of the data files: lines on every mapping, duplicate keys and syntax errors named."""

from __future__ import annotations

from pathlib import Path

import pytest

from jig.core.datafile import LineDict, line_of, load_yaml, top_level
from jig.core.errors import DataFileError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_datafile_mappings_know_their_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "items:\n  - name: 甲\n    date: 2016-10-31\n  - name: 乙\n")
    items = top_level(path, load_yaml(path, "test file"), "items")
    assert [line_of(item) for item in items] == [2, 4]
    assert isinstance(items[0], LineDict) and items[0].lines["date"] == 3
    assert items[0]["date"] == "2016-10-31"


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("a: 1\na: 2\n", "duplicate key 'a'", 2),
        ("items: [1, 2\n", "not valid YAML in the test file", 2),
    ],
)
def test_datafile_errors_name_file_problem_and_line(tmp_path: Path, text: str, problem: str, line: int) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_yaml(path, "test file")
    assert str(path) in str(caught.value) and caught.value.line == line
    assert problem in str(caught.value)


def test_datafile_missing_file_and_wrong_shape(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read the test file"):
        load_yaml(tmp_path / "absent.yaml", "test file")
    path = _write(tmp_path, "- a\n- b\n")
    with pytest.raises(DataFileError, match="expected a mapping with a 'items' list"):
        top_level(path, load_yaml(path, "test file"), "items")
