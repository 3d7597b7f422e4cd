"""The graph model in Python: node labels, their kinds and properties, relation types.

This module is the single Python source of truth for the ontology. The Turtle file
(`ontology/jilin.ttl`), the SHACL shapes, the LadybugDB DDL, the Neo4j constraints and the
Cypher lint schema are all generated from it or checked against it by tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Label(StrEnum):
    """Top-level node labels. Every node has exactly one."""

    INSTITUTION = "Institution"
    PLATFORM = "Platform"
    ALLIANCE = "Alliance"
    INDUSTRY = "Industry"
    TECHNOLOGY = "Technology"
    PROGRAM = "Program"
    REGION = "Region"
    ZONE = "Zone"
    TARGET = "Target"
    INSTRUMENT = "Instrument"
    DOCUMENT = "Document"
    SENTENCE = "Sentence"


class RelType(StrEnum):
    """Relation types between nodes."""

    HOSTED_BY = "HOSTED_BY"
    ANCHORS = "ANCHORS"
    FOCUSES_ON = "FOCUSES_ON"
    LEADS = "LEADS"
    MEMBER_OF = "MEMBER_OF"
    LOCATED_IN = "LOCATED_IN"
    PART_OF = "PART_OF"
    SUPPORTS = "SUPPORTS"
    COOPERATES_WITH = "COOPERATES_WITH"
    SUBINDUSTRY_OF = "SUBINDUSTRY_OF"
    CO_MENTIONED = "CO_MENTIONED"
    SETS_TARGET = "SETS_TARGET"
    MENTIONS = "MENTIONS"
    IN_DOCUMENT = "IN_DOCUMENT"
    CODED_AS = "CODED_AS"
    APPLIES_TO = "APPLIES_TO"


#: Labels of the entities extracted from text (the "domain" layer).
ENTITY_LABELS: tuple[Label, ...] = (
    Label.INSTITUTION,
    Label.PLATFORM,
    Label.ALLIANCE,
    Label.INDUSTRY,
    Label.TECHNOLOGY,
    Label.PROGRAM,
    Label.REGION,
    Label.ZONE,
)

#: The policy-instrument types of Rothwell and Zegveld (the kinds of `Instrument`) and the side each
#: belongs to: supply side (the government supplies the factors of innovation), environment side (it
#: shapes the conditions) and demand side (it creates or opens markets for what innovation yields).
INSTRUMENT_SIDES: dict[str, str] = {
    "Talent": "supply",
    "Funding": "supply",
    "Infrastructure": "supply",
    "TechnicalSupport": "supply",
    "Information": "supply",
    "Tax": "environment",
    "Finance": "environment",
    "IntellectualProperty": "environment",
    "Regulation": "environment",
    "GoalPlanning": "environment",
    "StrategicMeasures": "environment",
    "Procurement": "demand",
    "PilotDemonstration": "demand",
    "Outsourcing": "demand",
    "TradeMarketAccess": "demand",
}
#: The three sides, in the order above.
SIDES: tuple[str, ...] = tuple(dict.fromkeys(INSTRUMENT_SIDES.values()))

#: Allowed values of `kind` per label. The first listed kind of single-kind labels is the default.
KINDS: dict[Label, tuple[str, ...]] = {
    Label.INSTITUTION: (
        "University",
        "ResearchInstitute",
        "Enterprise",
        "Government",
        "Academy",
        "Other",
    ),
    Label.PLATFORM: (
        "KeyLab",
        "EngineeringCenter",
        "TechInnovationCenter",
        "ManufacturingInnovationCenter",
        "EnterpriseTechCenter",
        "PilotCenter",
        "TechTransferCenter",
        "Incubator",
        "SciencePark",
        "ResearchFacility",
        "InnovationBase",
        "IndustryResearchInstitute",
        "Workstation",
        "ServicePlatform",
        "TradingPlatform",
        "Other",
    ),
    Label.ALLIANCE: ("IndustryAlliance", "InnovationConsortium", "Other"),
    Label.INDUSTRY: ("Industry",),
    Label.TECHNOLOGY: ("Technology",),
    Label.PROGRAM: ("Program", "Project", "Fund", "Policy"),
    Label.REGION: ("Province", "City", "County", "Country", "Other"),
    Label.ZONE: ("HighTechZone", "NewArea", "DemonstrationZone", "DevelopmentZone", "ScienceCity", "Other"),
    Label.TARGET: ("Target", "Baseline"),
    Label.INSTRUMENT: tuple(INSTRUMENT_SIDES),
    Label.DOCUMENT: ("Document",),
    Label.SENTENCE: ("Sentence",),
}

#: Short id prefix per label; ids look like ``inst_faw`` or ``plat_3f9a0c1b2d``.
ID_PREFIX: dict[Label, str] = {
    Label.INSTITUTION: "inst",
    Label.PLATFORM: "plat",
    Label.ALLIANCE: "alli",
    Label.INDUSTRY: "ind",
    Label.TECHNOLOGY: "tech",
    Label.PROGRAM: "prog",
    Label.REGION: "reg",
    Label.ZONE: "zone",
    Label.TARGET: "tgt",
    Label.INSTRUMENT: "instr",
    Label.DOCUMENT: "doc",
    Label.SENTENCE: "sent",
}


class PropType(StrEnum):
    """Property value types, named after the LadybugDB column types."""

    STRING = "STRING"
    INT = "INT64"
    DOUBLE = "DOUBLE"
    STRING_LIST = "STRING[]"


@dataclass(frozen=True)
class Property:
    """A node or relationship property with its type and a one-line description."""

    name: str
    type: PropType
    description: str


_ENTITY_PROPERTIES: tuple[Property, ...] = (
    Property("id", PropType.STRING, "stable identifier, the same across rebuilds"),
    Property("name", PropType.STRING, "canonical name in simplified Chinese"),
    Property("name_en", PropType.STRING, "English name"),
    Property("aliases", PropType.STRING_LIST, "other names and surface forms seen"),
    Property("kind", PropType.STRING, "sub-type within the label"),
    Property("mentions", PropType.INT, "number of sentences mentioning the entity"),
    Property("first_year", PropType.INT, "year of the earliest document mentioning it"),
    Property("last_year", PropType.INT, "year of the latest document mentioning it"),
    Property("docs", PropType.STRING_LIST, "ids of the documents mentioning it"),
    Property("centrality", PropType.DOUBLE, "PageRank over the typed relations, computed at build time"),
    Property("pagerank", PropType.DOUBLE,
             "PageRank in the institution-platform-industry network (institutions, platforms, industries only)"),
    Property("betweenness", PropType.DOUBLE,
             "normalised betweenness in the institution-platform-industry network: how much it bridges"),
    Property("community", PropType.INT, "Louvain community in the institution-platform-industry network (0 largest)"),
    Property("source", PropType.STRING, "'gazetteer' (curated) or 'discovered' (found by its form)"),
)

#: Properties per node label (order is the column order of the embedded store).
NODE_PROPERTIES: dict[Label, tuple[Property, ...]] = {
    **{label: _ENTITY_PROPERTIES for label in ENTITY_LABELS},
    Label.TARGET: (
        Property("id", PropType.STRING, "stable identifier"),
        Property("name", PropType.STRING, "short readable form: metric, year, value and unit"),
        Property("kind", PropType.STRING, "'Target' (a goal) or 'Baseline' (an achieved figure)"),
        Property("metric", PropType.STRING, "normalised metric name, e.g. R&D经费占GDP比重"),
        Property("metric_en", PropType.STRING, "English metric name"),
        Property("value", PropType.DOUBLE, "numeric value"),
        Property("unit", PropType.STRING, "unit, e.g. %, 个, 亿元"),
        Property("comparator", PropType.STRING, "达到, 超过, 以上, 左右, ..."),
        Property("year", PropType.INT, "the year the target is set for"),
        Property("document", PropType.STRING, "id of the document setting it"),
        Property("sentence", PropType.STRING, "id of the sentence stating it"),
    ),
    Label.INSTRUMENT: (
        Property("id", PropType.STRING, "instr_<sentence id>.<kind>: one coding per sentence and instrument type"),
        Property("kind", PropType.STRING, "the instrument type (one of the 15 of INSTRUMENT_SIDES)"),
        Property("side", PropType.STRING, "'supply', 'environment' or 'demand'"),
        Property("cues", PropType.STRING_LIST, "the words of the sentence that signalled the type"),
        Property("document", PropType.STRING, "id of the document of the sentence"),
        Property("sentence", PropType.STRING, "id of the measure sentence coded"),
        Property("year", PropType.INT, "the year of the document"),
    ),
    Label.DOCUMENT: (
        Property("id", PropType.STRING, "document id (the file name without extension)"),
        Property("file", PropType.STRING, "file name in the corpus"),
        Property("title", PropType.STRING, "title"),
        Property("issuer", PropType.STRING, "issuing body"),
        Property("date", PropType.STRING, "issue date, ISO 8601"),
        Property("year", PropType.INT, "issue year"),
        Property("doc_number", PropType.STRING, "document number, e.g. 吉政发〔2016〕26号"),
        Property("text", PropType.STRING, "the readable text; sentence offsets point into it"),
    ),
    Label.SENTENCE: (
        Property("id", PropType.STRING, "sentence id: <document id>.s<index>"),
        Property("document", PropType.STRING, "id of its document"),
        Property("index", PropType.INT, "position in the document"),
        Property("start", PropType.INT, "start offset in the document text"),
        Property("end", PropType.INT, "end offset (exclusive) in the document text"),
        Property("text", PropType.STRING, "the sentence, verbatim"),
    ),
}

_DERIVED_EDGE_PROPERTIES: tuple[Property, ...] = (
    Property("weight", PropType.DOUBLE, "strength: evidence sentences weighted by cue strength"),
    Property("docs", PropType.STRING_LIST, "ids of the documents the evidence comes from"),
    Property("evidence", PropType.STRING_LIST, "ids of the sentences stating the relation"),
    Property("cues", PropType.STRING_LIST, "the cue words that signalled the relation"),
)


@dataclass(frozen=True)
class RelationType:
    """A relation type: which labels it may connect and which properties it carries."""

    type: RelType
    sources: tuple[Label, ...]
    targets: tuple[Label, ...]
    properties: tuple[Property, ...]
    description: str
    derived: bool = True

    def pairs(self) -> list[tuple[Label, Label]]:
        """Every (source label, target label) combination this type allows."""
        return [(s, t) for s in self.sources for t in self.targets]


_ORGS = (Label.INSTITUTION, Label.PLATFORM, Label.ALLIANCE)
#: The entities an instrument coding links to: what its sentence names, except regions (they say where, not what).
INSTRUMENT_TARGETS: tuple[Label, ...] = tuple(label for label in ENTITY_LABELS if label != Label.REGION)
_FOCI = (Label.INDUSTRY, Label.TECHNOLOGY)

RELATIONS: dict[RelType, RelationType] = {
    r.type: r
    for r in (
        RelationType(RelType.HOSTED_BY, (Label.PLATFORM,), (Label.INSTITUTION,), _DERIVED_EDGE_PROPERTIES,
                     "a platform is built on / run by an institution (依托, 依托单位, 建在)"),
        RelationType(RelType.ANCHORS, (Label.INSTITUTION,), (Label.INDUSTRY,), _DERIVED_EDGE_PROPERTIES,
                     "an institution anchors an industry (leads, hosts or is supported for work in it)"),
        RelationType(RelType.FOCUSES_ON, (Label.PLATFORM, Label.ALLIANCE, Label.PROGRAM, Label.ZONE), _FOCI,
                     _DERIVED_EDGE_PROPERTIES, "works on an industry or technology (围绕, 聚焦, 面向, or by its name)"),
        RelationType(RelType.LEADS, (Label.INSTITUTION,), (Label.ALLIANCE, Label.PROGRAM, Label.PLATFORM),
                     _DERIVED_EDGE_PROPERTIES, "leads an alliance, programme or platform (牵头, 理事长单位, 领衔)"),
        RelationType(RelType.MEMBER_OF, (Label.INSTITUTION,), (Label.ALLIANCE,), _DERIVED_EDGE_PROPERTIES,
                     "is a member of an alliance"),
        RelationType(RelType.LOCATED_IN, (*_ORGS, Label.ZONE, Label.REGION), (Label.REGION, Label.ZONE),
                     _DERIVED_EDGE_PROPERTIES, "is located in a region or zone"),
        RelationType(RelType.PART_OF, (Label.INSTITUTION, Label.PLATFORM, Label.ZONE, Label.REGION),
                     (Label.INSTITUTION, Label.PLATFORM, Label.ZONE, Label.REGION), _DERIVED_EDGE_PROPERTIES,
                     "is part of an entity of the same family (长春光机所 → 中国科学院)"),
        RelationType(RelType.SUPPORTS, (Label.PROGRAM, Label.INSTITUTION),
                     (Label.INSTITUTION, Label.INDUSTRY, Label.PLATFORM, Label.ALLIANCE), _DERIVED_EDGE_PROPERTIES,
                     "a programme or a government body supports something (支持, 扶持)"),
        RelationType(RelType.COOPERATES_WITH, (Label.INSTITUTION,), (Label.INSTITUTION,), _DERIVED_EDGE_PROPERTIES,
                     "two institutions cooperate (合作, 共建, 联合)"),
        RelationType(RelType.SUBINDUSTRY_OF, (Label.INDUSTRY,), (Label.INDUSTRY,), (),
                     "industry taxonomy: child → parent (curated in ontology/data/industries.yaml)", derived=False),
        RelationType(RelType.CO_MENTIONED, ENTITY_LABELS, ENTITY_LABELS, _DERIVED_EDGE_PROPERTIES,
                     "mentioned in the same sentence; a weighted signal, not a typed relation"),
        RelationType(RelType.SETS_TARGET, (Label.DOCUMENT,), (Label.TARGET,), (), "a document sets a target",
                     derived=False),
        RelationType(RelType.MENTIONS, (Label.SENTENCE,), (*ENTITY_LABELS, Label.TARGET),
                     (Property("start", PropType.INT, "start offset of the mention in the document text"),
                      Property("end", PropType.INT, "end offset (exclusive) of the mention"),
                      Property("surface", PropType.STRING, "the mention as written")),
                     "a sentence mentions an entity", derived=False),
        RelationType(RelType.IN_DOCUMENT, (Label.SENTENCE,), (Label.DOCUMENT,), (), "a sentence belongs to a document",
                     derived=False),
        RelationType(RelType.CODED_AS, (Label.SENTENCE,), (Label.INSTRUMENT,), (),
                     "a measure sentence is coded as a policy instrument", derived=False),
        RelationType(RelType.APPLIES_TO, (Label.INSTRUMENT,), INSTRUMENT_TARGETS, (),
                     "an instrument coding concerns an entity its sentence names", derived=False),
    )
}

#: Relation types that are derived from text and must carry weight, docs and evidence.
DERIVED_RELATIONS: tuple[RelType, ...] = tuple(t for t, r in RELATIONS.items() if r.derived)


def property_names(label: Label) -> tuple[str, ...]:
    """The property names of a node label, in column order."""
    return tuple(p.name for p in NODE_PROPERTIES[label])


def check_label(value: str) -> Label:
    """Return the `Label` named `value`; raise ValueError for anything not in the ontology.

    Use this before interpolating a label into a Cypher string.
    """
    try:
        return Label(value)
    except ValueError:
        raise ValueError(f"unknown node label {value!r}; known: {', '.join(Label)}") from None


def check_rel_type(value: str) -> RelType:
    """Return the `RelType` named `value`; raise ValueError for anything not in the ontology."""
    try:
        return RelType(value)
    except ValueError:
        raise ValueError(f"unknown relation type {value!r}; known: {', '.join(RelType)}") from None
