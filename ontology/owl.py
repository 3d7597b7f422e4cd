"""The OWL/RDFS ontology, generated from `jig.core.schema` and `ontology.vocabulary`.

Naming (every IRI of the RDF model is made here, so a typo fails where it is used):

- classes: ``jig:<Label>`` (``jig:Institution``), one subclass per kind (``jig:KeyLab``); a kind
  named like its label is the label class itself, ``Other`` becomes ``jig:Other<Label>``;
- relation types: ``owl:ObjectProperty`` ``jig:<lowerCamel type>`` (``HOSTED_BY`` → ``jig:hostedBy``);
- properties: ``jig:<lowerCamel name>`` (``name_en`` → ``jig:nameEn``; ``mentions`` → ``jig:mentionCount``
  so that it does not clash with the ``MENTIONS`` relation). Properties holding ids of documents or
  sentences (``docs``, ``evidence``, ``document``, ``sentence``) are object properties pointing at
  those resources; the others are datatype properties;
- resources: ``https://w3id.org/jilin-innovation-graph/id/<node id>``.

Standard vocabularies are reused through ``rdfs:subClassOf`` / ``rdfs:subPropertyOf`` (W3C ORG,
schema.org, SKOS, Dublin Core terms, PROV-O, FOAF); `SUPER_PROPERTIES` lists the property links, and
the RDF export writes those standard triples too, so that consumers without a reasoner see them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from jig.core.schema import ENTITY_LABELS, NODE_PROPERTIES, RELATIONS, Label, PropType, RelType
from ontology.vocabulary import LANGS, ModelClass, Term, kinds, term_text

BASE = "https://w3id.org/jilin-innovation-graph/"
JIG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
ONTOLOGY_IRI = URIRef(BASE + "ontology")
TURTLE_PATH = Path(__file__).with_name("jilin.ttl")

#: Prefixes bound in every graph this package writes.
PREFIXES: dict[str, Namespace] = {
    "jig": JIG,
    "jigid": ID,
    "rdf": RDF,
    "owl": OWL,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": ORG,
    "schema": SDO,
    "foaf": FOAF,
}

_LOCAL_NAME_OVERRIDES = {"mentions": "mentionCount"}

#: Schema properties whose values are ids of nodes of this label (written as IRIs, not strings).
REFERENCE_PROPERTIES: dict[str, Label] = {
    "docs": Label.DOCUMENT,
    "evidence": Label.SENTENCE,
    "document": Label.DOCUMENT,
    "sentence": Label.SENTENCE,
}

#: Standard super-property of a schema property or relation type.
SUPER_PROPERTIES: dict[str | RelType, URIRef] = {
    "id": DCTERMS.identifier,
    "title": DCTERMS.title,
    "date": DCTERMS.issued,
    "issuer": DCTERMS.creator,
    "aliases": SKOS.altLabel,
    "evidence": PROV.wasDerivedFrom,
    "sentence": PROV.wasDerivedFrom,
    "document": PROV.wasQuotedFrom,
    RelType.SUBINDUSTRY_OF: SKOS.broader,
    RelType.MEMBER_OF: ORG.memberOf,
    RelType.PART_OF: DCTERMS.isPartOf,
    RelType.IN_DOCUMENT: DCTERMS.isPartOf,
    RelType.LOCATED_IN: SDO.location,
    RelType.MENTIONS: SDO.mentions,
    RelType.APPLIES_TO: DCTERMS.subject,
}

_SUPER_CLASSES: dict[Label | ModelClass, tuple[URIRef, ...]] = {
    ModelClass.ENTITY: (PROV.Entity,),
    ModelClass.RELATION: (RDF.Statement, PROV.Entity),
    Label.INSTITUTION: (ORG.Organization, SDO.Organization),
    Label.PLATFORM: (ORG.OrganizationalUnit,),
    Label.ALLIANCE: (ORG.Organization, SDO.Organization),
    Label.INDUSTRY: (SKOS.Concept,),
    Label.TECHNOLOGY: (SKOS.Concept,),
    Label.REGION: (SDO.AdministrativeArea,),
    Label.ZONE: (SDO.Place,),
    Label.TARGET: (PROV.Entity,),
    Label.INSTRUMENT: (PROV.Entity,),
    Label.DOCUMENT: (FOAF.Document, PROV.Entity),
    Label.SENTENCE: (PROV.Entity,),
}

_SYMMETRIC = (RelType.COOPERATES_WITH, RelType.CO_MENTIONED)

#: The XSD datatype of each schema property type (lists hold one literal per element).
XSD_TYPES: dict[PropType, URIRef] = {
    PropType.STRING: XSD.string,
    PropType.INT: XSD.integer,
    PropType.DOUBLE: XSD.double,
    PropType.STRING_LIST: XSD.string,
}


def _lower_camel(name: str) -> str:
    head, *rest = name.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


def class_iri(label: Label | ModelClass) -> URIRef:
    """The class of a node label or model class: ``jig:Institution``."""
    return JIG[label.value]


def kind_iri(label: Label, kind: str) -> URIRef:
    """The class of a kind: ``jig:KeyLab``; the label class for a kind named like its label."""
    if kind == label.value:
        return class_iri(label)
    return JIG[f"Other{label.value}" if kind == "Other" else kind]


def relation_iri(rel_type: RelType) -> URIRef:
    """The object property of a relation type: ``jig:hostedBy``."""
    return JIG[_lower_camel(rel_type.value)]


def property_iri(name: str) -> URIRef:
    """The property for a schema property name: ``jig:nameEn``."""
    return JIG[_LOCAL_NAME_OVERRIDES.get(name) or _lower_camel(name)]


def _property_types() -> dict[str, PropType]:
    types: dict[str, PropType] = {}
    specs = [p for props in NODE_PROPERTIES.values() for p in props]
    specs += [p for relation in RELATIONS.values() for p in relation.properties]
    for spec in specs:
        if types.setdefault(spec.name, spec.type) != spec.type:
            raise ValueError(f"property {spec.name!r} has two types in the schema: {types[spec.name]}, {spec.type}")
    return types


#: The one type of every schema property name (the schema gives a name the same type everywhere).
PROPERTY_TYPES: dict[str, PropType] = _property_types()


def relation_class(rel_type: RelType) -> ModelClass:
    """The class of the statement nodes of a relation type: derived relation or plain relation."""
    return ModelClass.DERIVED_RELATION if RELATIONS[rel_type].derived else ModelClass.RELATION


def property_holders() -> dict[str, tuple[Label | ModelClass, ...]]:
    """Per property name, the node labels and statement classes that carry it, in schema order."""
    holders: dict[str, dict[Label | ModelClass, None]] = {name: {} for name in PROPERTY_TYPES}
    for label, props in NODE_PROPERTIES.items():
        for p in props:
            holders[p.name][label] = None
    for rel_type, relation in RELATIONS.items():
        for p in relation.properties:
            holders[p.name][relation_class(rel_type)] = None
    return {name: tuple(found) for name, found in holders.items()}


def _collapse(labels: Iterable[Label | ModelClass]) -> list[Label | ModelClass]:
    """Replace the full set of entity labels by `ModelClass.ENTITY`."""
    found = list(dict.fromkeys(labels))
    if set(ENTITY_LABELS) <= set(found):
        first = found.index(ENTITY_LABELS[0])
        found = [x for x in found if x not in ENTITY_LABELS]
        found.insert(first, ModelClass.ENTITY)
    return found


def _annotate(graph: Graph, iri: URIRef, term: Term) -> None:
    text = term_text(term)
    for lang in LANGS:
        graph.add((iri, RDFS.label, Literal(text.label(lang), lang=lang)))
        graph.add((iri, RDFS.comment, Literal(text.comment(lang), lang=lang)))
    graph.add((iri, RDFS.isDefinedBy, ONTOLOGY_IRI))


def _class_expression(graph: Graph, classes: list[Label | ModelClass]) -> URIRef | BNode:
    if len(classes) == 1:
        return class_iri(classes[0])
    union = BNode()
    graph.add((union, RDF.type, OWL.Class))
    members = BNode()
    Collection(graph, members, [class_iri(c) for c in classes])
    graph.add((union, OWL.unionOf, members))
    return union


def _add_classes(graph: Graph) -> None:
    for model_class in ModelClass:
        graph.add((class_iri(model_class), RDF.type, OWL.Class))
        _annotate(graph, class_iri(model_class), model_class)
    graph.add((class_iri(ModelClass.DERIVED_RELATION), RDFS.subClassOf, class_iri(ModelClass.RELATION)))
    for label in Label:
        graph.add((class_iri(label), RDF.type, OWL.Class))
        _annotate(graph, class_iri(label), label)
        if label in ENTITY_LABELS:
            graph.add((class_iri(label), RDFS.subClassOf, class_iri(ModelClass.ENTITY)))
    for owner, supers in _SUPER_CLASSES.items():
        for sup in supers:
            graph.add((class_iri(owner), RDFS.subClassOf, sup))
    for kind in kinds():
        iri = kind_iri(kind.label, kind.name)
        if iri == class_iri(kind.label):
            continue
        graph.add((iri, RDF.type, OWL.Class))
        graph.add((iri, RDFS.subClassOf, class_iri(kind.label)))
        graph.add((iri, SKOS.notation, Literal(kind.name)))
        _annotate(graph, iri, kind)


def _add_relations(graph: Graph) -> None:
    for rel_type, relation in RELATIONS.items():
        iri = relation_iri(rel_type)
        graph.add((iri, RDF.type, OWL.ObjectProperty))
        graph.add((iri, SKOS.notation, Literal(rel_type.value)))
        graph.add((iri, RDFS.domain, _class_expression(graph, _collapse(relation.sources))))
        graph.add((iri, RDFS.range, _class_expression(graph, _collapse(relation.targets))))
        if rel_type in _SYMMETRIC:
            graph.add((iri, RDF.type, OWL.SymmetricProperty))
        if rel_type in SUPER_PROPERTIES:
            graph.add((iri, RDFS.subPropertyOf, SUPER_PROPERTIES[rel_type]))
        _annotate(graph, iri, rel_type)


def _add_properties(graph: Graph) -> None:
    for name, holders in property_holders().items():
        iri = property_iri(name)
        referenced = REFERENCE_PROPERTIES.get(name)
        graph.add((iri, RDF.type, OWL.DatatypeProperty if referenced is None else OWL.ObjectProperty))
        graph.add((iri, SKOS.notation, Literal(name)))
        graph.add((iri, RDFS.domain, _class_expression(graph, _collapse(holders))))
        graph.add((iri, RDFS.range, XSD_TYPES[PROPERTY_TYPES[name]] if referenced is None else class_iri(referenced)))
        if name in SUPER_PROPERTIES:
            graph.add((iri, RDFS.subPropertyOf, SUPER_PROPERTIES[name]))
        _annotate(graph, iri, name)


def build_ontology() -> Graph:
    """The ontology as an rdflib Graph: classes, kinds, relation types and properties."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.add((ONTOLOGY_IRI, RDF.type, OWL.Ontology))
    graph.add((ONTOLOGY_IRI, DCTERMS.title, Literal("吉林创新图谱本体", lang="zh")))
    graph.add((ONTOLOGY_IRI, DCTERMS.title, Literal("Jilin Innovation Graph ontology", lang="en")))
    graph.add((ONTOLOGY_IRI, RDFS.comment, Literal(
        "吉林省科技创新政策文件知识图谱的类、关系与属性；由 jig/core/schema.py 生成", lang="zh")))
    graph.add((ONTOLOGY_IRI, RDFS.comment, Literal(
        "Classes, relations and properties of the knowledge graph of Jilin's science and technology "
        "policy documents; generated from jig/core/schema.py", lang="en")))
    _add_classes(graph)
    _add_relations(graph)
    _add_properties(graph)
    return graph


def generated_turtle(graph: Graph, source: str) -> str:
    """`graph` as Turtle, headed by a comment naming the module it is generated by."""
    header = f"# Generated by {source} (python -m ontology generate). Do not edit; a test checks it.\n"
    return header + graph.serialize(format="turtle")


def ontology_turtle() -> str:
    """The ontology serialised as Turtle (the content of `ontology/jilin.ttl`)."""
    return generated_turtle(build_ontology(), "ontology/owl.py from jig/core/schema.py and ontology/vocabulary.py")


def write_ontology(path: Path = TURTLE_PATH) -> Path:
    """Write the ontology's Turtle to `path` (default: the committed `ontology/jilin.ttl`)."""
    path.write_text(ontology_turtle(), encoding="utf-8")
    return path

