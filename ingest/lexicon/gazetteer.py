"""The curated gazetteer: canonical entities with aliases and English names, and the industry taxonomy.

Data lives in `ontology/data/gazetteer.yaml` (institutions, platforms, alliances, programmes,
regions, zones, technologies) and `ontology/data/industries.yaml` (the industry taxonomy). The
gazetteer holds canonical entities, not every span seen in the corpus: names that are not here are
found by their form (`ingest.extract.mentions`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jig.core.datafile import line_of, load_yaml, top_level
from jig.core.errors import DataFileError
from jig.core.paths import ONTOLOGY_DATA
from jig.core.schema import ID_PREFIX, KINDS, Label

DATA_DIR = ONTOLOGY_DATA
GAZETTEER_FILES = (DATA_DIR / "gazetteer.yaml", DATA_DIR / "industries.yaml")


@dataclass(frozen=True)
class GazetteerEntry:
    """A curated entity. `aliases` are simplified-script surface forms other than `name`.

    `parent` is set for industries (the id of the broader industry) and for organisations that are
    part of another (a CAS institute → the Chinese Academy of Sciences).
    `keywords` (industries and technologies only) are words that signal the entity inside a longer
    name or a sentence, e.g. 汽车 for the automotive industry.
    """

    id: str
    label: Label
    kind: str
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    keywords: tuple[str, ...] = ()

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    """All curated entries, indexed by id and by surface form."""

    entries: tuple[GazetteerEntry, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})
        by_surface: dict[str, GazetteerEntry] = {}
        for entry in self.entries:
            for form in entry.surface_forms:
                by_surface.setdefault(form, entry)
        object.__setattr__(self, "_by_surface", by_surface)

    def get(self, entry_id: str) -> GazetteerEntry:
        """The entry with this id; KeyError if absent."""
        return self._by_id[entry_id]  # type: ignore[attr-defined]

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id  # type: ignore[attr-defined]

    def lookup(self, surface: str) -> GazetteerEntry | None:
        """The entry whose name or alias is exactly `surface` (simplified script), if any."""
        return self._by_surface.get(surface)  # type: ignore[attr-defined]

    def surfaces(self) -> dict[str, GazetteerEntry]:
        """Every surface form (name or alias) mapped to its entry."""
        return dict(self._by_surface)  # type: ignore[attr-defined]

    def with_label(self, label: Label) -> list[GazetteerEntry]:
        """Entries of one label."""
        return [e for e in self.entries if e.label == label]


def load_gazetteer(paths: Iterable[Path] = GAZETTEER_FILES) -> Gazetteer:
    """Load and check the gazetteer files; any malformed entry raises DataFileError naming file and line."""
    entries: list[GazetteerEntry] = []
    for path in paths:
        entries.extend(_read_entries(path))
    _check_unique_and_linked(entries, paths)
    return Gazetteer(tuple(entries))


@cache
def default_gazetteer() -> Gazetteer:
    """The project's gazetteer, loaded once per process."""
    return load_gazetteer()


def _read_entries(path: Path) -> list[GazetteerEntry]:
    data = load_yaml(path, "gazetteer")
    if data is None:
        return []
    return [_entry(path, line_of(record, data.line), record) for record in top_level(path, data, "entities")]


def _entry(path: Path, line: int | None, record: object) -> GazetteerEntry:
    if not isinstance(record, dict):
        raise DataFileError(path, "an entity must be a mapping", line=line, text=str(record))
    missing = [k for k in ("id", "label", "name") if not record.get(k)]
    if missing:
        raise DataFileError(path, f"entity lacks {', '.join(missing)}", line=line, text=str(record.get("name")))
    try:
        label = Label(record["label"])
    except ValueError:
        raise DataFileError(path, "unknown label", line=line, text=record["label"]) from None
    kind = record.get("kind") or KINDS[label][0]
    if kind not in KINDS[label]:
        raise DataFileError(path, f"unknown kind for {label}; known: {', '.join(KINDS[label])}", line=line, text=kind)
    entry_id = str(record["id"])
    if not entry_id.startswith(ID_PREFIX[label] + "_"):
        raise DataFileError(path, f"id must start with {ID_PREFIX[label]}_ for {label}", line=line, text=entry_id)
    return GazetteerEntry(
        id=entry_id,
        label=label,
        kind=kind,
        name=str(record["name"]),
        name_en=str(record.get("name_en") or ""),
        aliases=tuple(str(a) for a in record.get("aliases") or ()),
        parent=record.get("parent"),
        keywords=tuple(str(k) for k in record.get("keywords") or ()),
    )


def _check_unique_and_linked(entries: list[GazetteerEntry], paths: Iterable[Path]) -> None:
    where = ", ".join(str(p) for p in paths)
    seen_ids: set[str] = set()
    owner_of: dict[str, str] = {}
    for entry in entries:
        if entry.id in seen_ids:
            raise DataFileError(where, "duplicate id", text=entry.id)
        seen_ids.add(entry.id)
        for form in entry.surface_forms:
            if form in owner_of and owner_of[form] != entry.id:
                raise DataFileError(where, f"surface form used by both {owner_of[form]} and {entry.id}", text=form)
            owner_of[form] = entry.id
    for entry in entries:
        if entry.parent and entry.parent not in seen_ids:
            raise DataFileError(where, f"{entry.id} has an unknown parent", text=entry.parent)
