"""The Cypher console's data: example queries and the schema it shows beside the editor."""

from __future__ import annotations

from dataclasses import dataclass

from jig.core.schema import NODE_PROPERTIES, RELATIONS, Label


@dataclass(frozen=True)
class Example:
    """An example query for the console, titled in both languages; portable Cypher."""

    title_zh: str
    title_en: str
    cypher: str


EXAMPLES: tuple[Example, ...] = (
    Example("吉林大学依托的平台", "Platforms hosted by Jilin University",
            "MATCH (p:Platform)-[r:HOSTED_BY]->(i:Institution {id: 'inst_jlu'})\n"
            "RETURN p.name AS platform, p.name_en AS platform_en, p.kind AS kind, r.weight AS weight\n"
            "ORDER BY weight DESC"),
    Example("最强的产业支撑关系", "Strongest anchoring relations",
            "MATCH (i:Institution)-[r:ANCHORS]->(d:Industry)\n"
            "RETURN i.name AS institution, d.name AS industry, r.weight AS weight, size(r.evidence) AS sentences\n"
            "ORDER BY weight DESC LIMIT 20"),
    Example("依托平台最多的机构", "Institutions hosting the most platforms",
            "MATCH (p:Platform)-[:HOSTED_BY]->(i:Institution)\n"
            "RETURN i.name AS institution, count(p) AS platforms\n"
            "ORDER BY platforms DESC LIMIT 15"),
    Example("文件提出的量化目标", "Targets set by the documents",
            "MATCH (d:Document)-[:SETS_TARGET]->(t:Target)\n"
            "RETURN d.year AS document_year, t.metric AS metric, t.value AS value, t.unit AS unit, t.year AS year\n"
            "ORDER BY year, metric"),
    Example("提及一汽的句子", "Sentences mentioning FAW",
            "MATCH (s:Sentence)-[:MENTIONS]->(e:Institution {id: 'inst_faw'})\n"
            "RETURN s.document AS document, s.text AS sentence\n"
            "ORDER BY document LIMIT 20"),
    Example("产业分类", "The industry taxonomy",
            "MATCH (c:Industry)-[:SUBINDUSTRY_OF]->(p:Industry)\n"
            "RETURN p.name AS parent, c.name AS child, c.name_en AS child_en\n"
            "ORDER BY parent, child"),
)


@dataclass(frozen=True)
class SchemaLine:
    """One row of the schema panel: a label or relation type and what it holds."""

    name: str
    shape: str
    properties: str


def node_schema() -> list[SchemaLine]:
    """Every node label with its properties and their types."""
    return [
        SchemaLine(label.value, f"(:{label.value})", ", ".join(f"{p.name}: {p.type.value}" for p in props))
        for label, props in NODE_PROPERTIES.items()
    ]


def _alternatives(labels: tuple[Label, ...]) -> str:
    return "|".join(label.value for label in labels)


def relation_schema() -> list[SchemaLine]:
    """Every relation type with its allowed endpoints and its properties."""
    return [
        SchemaLine(
            rel.type.value,
            f"({_alternatives(rel.sources)})-[:{rel.type.value}]->({_alternatives(rel.targets)})",
            ", ".join(f"{p.name}: {p.type.value}" for p in rel.properties),
        )
        for rel in RELATIONS.values()
    ]
