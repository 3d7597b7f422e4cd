"""The project's YAML data files (gazetteer, cues, metrics, manifest, gold set, query library).

One loader for all of them, so that every error names the file and the line: mappings come back as
`LineDict`s that know their own line and the line of each key, duplicate keys are errors, and dates
stay strings (YAML would otherwise turn `2016-10-31` into a `date`). Parsing uses libyaml's C parser
when it is installed.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from jig.core.errors import DataFileError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A YAML mapping that remembers its line (`line`) and each key's line (`lines[key]`), 1-based."""

    line: int
    lines: dict[object, int]


class _LineLoader(_BaseLoader):  # type: ignore[valid-type, misc]
    """A safe loader building LineDicts, rejecting duplicate keys and leaving dates as strings."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """PyYAML's, with a value its constructors cannot make (`!!bool x`, `!!timestamp 2020-13-45`) a
        ConstructorError at the value's line, not a bare ValueError or KeyError."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, KeyError, TypeError, OverflowError):
            problem = f"cannot read this value as {node.tag.rpartition(':')[2]}"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", key_node.start_mark)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, what: str) -> Any:
    """Parse a YAML file; DataFileError naming the file, the problem and (for syntax) the line.

    `what` names the file's role in messages, e.g. "gazetteer" or "cue lexicon".
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DataFileError(path, f"cannot read the {what} ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(path, f"the {what} is not UTF-8 text: save it as UTF-8",
                            line=data[:exc.start].count(b"\n") + 1) from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(path, f"not valid YAML in the {what}: {getattr(exc, 'problem', None) or exc}",
                            line=mark.line + 1 if mark else None) from None
    except RecursionError:
        raise DataFileError(path, f"not valid YAML in the {what}: nested too deeply") from None


def top_level(path: Path, data: Any, key: str, kind: type = list) -> Any:
    """`data[key]` when `data` is a mapping holding a `kind` (list or dict) under `key`; else DataFileError."""
    if not isinstance(data, dict) or not isinstance(data.get(key), kind):
        raise DataFileError(path, f"expected a mapping with a '{key}' {kind.__name__} at the top")
    return data[key]


def line_of(record: object, default: int | None = None) -> int | None:
    """The line of a record read by `load_yaml` (mappings know theirs; other values do not)."""
    return record.line if isinstance(record, LineDict) else default
