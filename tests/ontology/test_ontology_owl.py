"""The OWL/RDFS ontology: generated from the schema, committed, bilingual, with domains and ranges."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from jig.core.schema import ENTITY_LABELS, KINDS, RELATIONS, Label, RelType
from ontology.owl import (
    JIG,
    PROPERTY_TYPES,
    TURTLE_PATH,
    class_iri,
    kind_iri,
    ontology_turtle,
    property_iri,
    relation_iri,
)
from ontology.vocabulary import ModelClass, property_names


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(TURTLE_PATH, format="turtle")


def _jig_terms(onto: Graph, rdf_type: URIRef) -> set[URIRef]:
    return {s for s in onto.subjects(RDF.type, rdf_type) if isinstance(s, URIRef) and str(s).startswith(str(JIG))}


def _classes_of(onto: Graph, expression) -> set[URIRef]:
    union = onto.value(expression, OWL.unionOf)
    return set(Collection(onto, union)) if union is not None else {expression}


def test_owl_committed_turtle_equals_fresh_generation():
    assert TURTLE_PATH.read_text(encoding="utf-8") == ontology_turtle(), (
        "ontology/jilin.ttl is stale: run `python -m ontology generate`")


def test_owl_every_property_has_domain_and_range(onto):
    properties = _jig_terms(onto, OWL.ObjectProperty) | _jig_terms(onto, OWL.DatatypeProperty)
    assert len(properties) == len(RelType) + len(PROPERTY_TYPES)
    for prop in properties:
        assert onto.value(prop, RDFS.domain) is not None, prop
        assert onto.value(prop, RDFS.range) is not None, prop


def test_owl_every_term_has_zh_and_en_label_and_comment(onto):
    terms = _jig_terms(onto, OWL.Class) | _jig_terms(onto, OWL.ObjectProperty) | _jig_terms(onto, OWL.DatatypeProperty)
    for term in terms:
        for predicate in (RDFS.label, RDFS.comment):
            langs = sorted(o.language for o in onto.objects(term, predicate) if isinstance(o, Literal))
            assert langs == ["en", "zh"], (term, predicate)


def test_owl_classes_are_the_schema_labels_and_kinds(onto):
    expected = {class_iri(x) for x in (*Label, *ModelClass)}
    expected |= {kind_iri(label, kind) for label, names in KINDS.items() for kind in names}
    assert _jig_terms(onto, OWL.Class) == expected


@pytest.mark.parametrize("label", list(Label), ids=str)
def test_owl_kind_classes_agree_with_schema(onto, label):
    subclasses = set(onto.subjects(RDFS.subClassOf, class_iri(label)))
    notations = {str(onto.value(c, SKOS.notation)) for c in subclasses if onto.value(c, SKOS.notation) is not None}
    own = {label.value} if label.value in KINDS[label] else set()
    assert notations | own == set(KINDS[label])


def test_owl_entity_labels_are_entities_and_organisations(onto):
    for label in ENTITY_LABELS:
        assert (class_iri(label), RDFS.subClassOf, JIG.Entity) in onto
    assert (JIG.Institution, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in onto
    assert (JIG.Region, RDFS.subClassOf, URIRef("https://schema.org/AdministrativeArea")) in onto


@pytest.mark.parametrize("rel_type", list(RelType), ids=str)
def test_owl_relation_domain_and_range_agree_with_schema(onto, rel_type):
    prop = relation_iri(rel_type)
    assert str(onto.value(prop, SKOS.notation)) == rel_type.value
    relation = RELATIONS[rel_type]
    for predicate, labels in ((RDFS.domain, relation.sources), (RDFS.range, relation.targets)):
        found = _classes_of(onto, onto.value(prop, predicate))
        if JIG.Entity in found:
            found = (found - {JIG.Entity}) | {class_iri(x) for x in ENTITY_LABELS}
        assert found == {class_iri(x) for x in labels}, predicate


def test_owl_properties_agree_with_schema(onto):
    notations = {str(onto.value(p, SKOS.notation)) for p in _jig_terms(onto, OWL.DatatypeProperty)}
    notations |= {str(onto.value(p, SKOS.notation)) for p in _jig_terms(onto, OWL.ObjectProperty)}
    assert notations == set(property_names()) | {t.value for t in RelType}
    assert len({property_iri(n) for n in property_names()} | {relation_iri(t) for t in RelType}) == (
        len(property_names()) + len(RelType)), "two terms share an IRI"


@pytest.mark.parametrize(("term", "standard"), [
    (relation_iri(RelType.SUBINDUSTRY_OF), "http://www.w3.org/2004/02/skos/core#broader"),
    (relation_iri(RelType.MEMBER_OF), "http://www.w3.org/ns/org#memberOf"),
    (property_iri("evidence"), "http://www.w3.org/ns/prov#wasDerivedFrom"),
    (property_iri("title"), "http://purl.org/dc/terms/title"),
    (property_iri("issuer"), "http://purl.org/dc/terms/creator"),
    (property_iri("date"), "http://purl.org/dc/terms/issued"),
    (property_iri("id"), "http://purl.org/dc/terms/identifier"),
])
def test_owl_reuses_standard_vocabularies(onto, term, standard):
    assert (term, RDFS.subPropertyOf, URIRef(standard)) in onto
