"""The query library: named, documented, parameterised Cypher queries read from `queries/library/*.yaml`.

Each file holds one query: `name`, `title_zh`/`title_en`, `description_zh`/`description_en`,
`parameters` (name, type str|int|float, optional default, description, example) and either a portable
`cypher` or per-backend `cypher_embedded` / `cypher_neo4j` where the dialects differ. User values only
ever reach the database as `$params`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jig.core.datafile import load_yaml
from jig.core.errors import DataFileError, QueryError
from queries.store import BACKENDS, DEFAULT_ROW_CAP, DEFAULT_TIMEOUT_S, GraphStore, QueryResult

log = logging.getLogger(__name__)

LIBRARY_DIR = Path(__file__).resolve().parent / "library"
_TYPES: dict[str, type] = {"str": str, "int": int, "float": float}
_REQUIRED_KEYS = ("name", "title_zh", "title_en", "description_zh", "description_en")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM_REF = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _shown(value: Any, limit: int = 80) -> str:
    """`repr(value)`, cut to `limit` characters so that an error never repeats a huge input."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


@dataclass(frozen=True)
class Parameter:
    """A query parameter: its name, type (str, int or float), default (None: required) and description."""

    name: str
    type: str
    description: str
    default: Any = None
    example: Any = None

    @property
    def required(self) -> bool:
        """True when the caller must give a value."""
        return self.default is None

    def coerce(self, value: Any) -> Any:
        """`value` converted to this parameter's type; QueryError when it cannot be."""
        target = _TYPES[self.type]
        if isinstance(value, bool) or (isinstance(value, float) and target is int and not value.is_integer()):
            raise QueryError(f"parameter {self.name!r} must be {self.type}, got {_shown(value)}")
        try:
            coerced = target(value.strip() if isinstance(value, str) else value)
        except (TypeError, ValueError):
            raise QueryError(f"parameter {self.name!r} must be {self.type}, got {_shown(value)}") from None
        if isinstance(coerced, str) and not coerced:
            raise QueryError(f"parameter {self.name!r} must not be empty")
        return coerced


@dataclass(frozen=True)
class NamedQuery:
    """A named, documented query with its parameters and its Cypher per backend."""

    name: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    parameters: tuple[Parameter, ...]
    cypher: dict[str, str]
    path: Path = field(compare=False)

    def text_for(self, backend: str) -> str:
        """The Cypher to send to `backend` ("embedded" or "neo4j")."""
        return self.cypher[backend]

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        """Check and convert caller values: defaults filled in, types coerced; QueryError on unknown/missing."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryError(
                f"query {self.name!r} has no parameter {', '.join(map(repr, unknown))}; "
                f"its parameters: {', '.join(known) or 'none'}"
            )
        bound = {}
        for param in self.parameters:
            if values.get(param.name) is not None:
                bound[param.name] = param.coerce(values[param.name])
            elif param.required:
                raise QueryError(f"query {self.name!r} needs parameter {param.name!r} ({param.description})")
            else:
                bound[param.name] = param.default
        return bound


def _parameter(path: Path, raw: Any) -> Parameter:
    if not isinstance(raw, dict) or not {"name", "type", "description"} <= raw.keys():
        raise DataFileError(path, "each parameter needs name, type and description", text=str(raw)[:80])
    if raw["type"] not in _TYPES:
        raise DataFileError(path, f"parameter type must be one of {', '.join(_TYPES)}", text=str(raw["type"]))
    param = Parameter(raw["name"], raw["type"], raw["description"], raw.get("default"), raw.get("example"))
    for value in (param.default, param.example):
        if value is not None and not isinstance(value, _TYPES[param.type]):
            raise DataFileError(path, f"default/example of {param.name!r} is not {param.type}", text=str(value))
    return param


def parse_query_file(path: Path) -> NamedQuery:
    """Read one query file; DataFileError naming the file (and line, for YAML syntax) if malformed."""
    data = load_yaml(path, "query file")
    if not isinstance(data, dict):
        raise DataFileError(path, "a query file must be a YAML mapping")
    missing = [key for key in _REQUIRED_KEYS if not data.get(key)]
    if missing:
        raise DataFileError(path, f"missing {', '.join(missing)}")
    if not _NAME.match(data["name"]) or data["name"] != path.stem:
        raise DataFileError(path, "name must be lower_snake_case and equal the file name", text=data["name"])
    texts = {backend: data.get(f"cypher_{backend}") or data.get("cypher") for backend in BACKENDS}
    absent = [backend for backend, text in texts.items() if not text]
    if absent:
        raise DataFileError(path, f"no Cypher for {', '.join(absent)} (give `cypher` or `cypher_<backend>`)")
    parameters = tuple(_parameter(path, raw) for raw in data.get("parameters") or [])
    declared = {p.name for p in parameters}
    for backend, text in texts.items():
        undeclared = sorted(set(_PARAM_REF.findall(text)) - declared)
        if undeclared:
            raise DataFileError(path, f"the {backend} Cypher uses undeclared parameters", text=", ".join(undeclared))
    return NamedQuery(
        name=data["name"],
        title_zh=data["title_zh"],
        title_en=data["title_en"],
        description_zh=data["description_zh"],
        description_en=data["description_en"],
        parameters=parameters,
        cypher={backend: text.strip() for backend, text in texts.items()},
        path=path,
    )


@cache
def _load(directory: Path) -> dict[str, NamedQuery]:
    queries = [parse_query_file(path) for path in sorted(directory.glob("*.yaml"))]
    log.debug("loaded %d named queries from %s", len(queries), directory)
    return {q.name: q for q in queries}


def load_catalog(directory: Path = LIBRARY_DIR) -> dict[str, NamedQuery]:
    """Every named query of the library, by name (read once per directory)."""
    return dict(_load(Path(directory).resolve()))


def run_named(
    store: GraphStore,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    row_cap: int = DEFAULT_ROW_CAP,
) -> QueryResult:
    """Run the library query `name` on `store` with `params` (coerced, defaults filled in).

    Raises QueryError for an unknown query or parameter, a value of the wrong type, or a database error.
    """
    catalog = load_catalog()
    if name not in catalog:
        raise QueryError(f"no query named {name!r}; known: {', '.join(sorted(catalog))}")
    query = catalog[name]
    return store.query(query.text_for(store.backend), query.bind(params or {}), timeout_s=timeout_s, row_cap=row_cap)
