"""People introduced by a title: Actor:Person nodes with title and country, mentioned only."""

from __future__ import annotations

from loaders import extract_text

EXAMPLE = (
    "Tajik defence minister Sherali Mirzo met China's Minister of National Defence, General Li Shangfu, "
    "in Dushanbe on 3 May 2023.\n\n"
    "President Shavkat Mirziyoyev said Uzbekistan will deepen its partnership with China."
)


def _people(graph):
    return {n.id: n for n in graph.nodes if "Person" in n.labels}


def test_titled_people_in_the_example():
    graph = extract_text(EXAMPLE, document_id="people.txt")
    people = _people(graph)
    assert set(people) == {"person:sherali-mirzo", "person:li-shangfu", "person:shavkat-mirziyoyev"}
    mirzo, li = people["person:sherali-mirzo"], people["person:li-shangfu"]
    pres = people["person:shavkat-mirziyoyev"]
    assert mirzo.labels == ["Actor", "Person"] and mirzo.name == "Sherali Mirzo"
    assert mirzo.properties["title"] == "defence minister"
    assert mirzo.properties["country"] == "state:tajikistan"
    assert li.name == "Li Shangfu" and li.properties["country"] == "state:china"
    assert {li.properties["title"], li.properties.get("rank")} == {"Minister of National Defence", "General"}
    assert pres.name == "Shavkat Mirziyoyev" and pres.properties["title"] == "President"


def test_people_are_mentioned_and_take_only_a_persons_relationships():
    graph = extract_text(EXAMPLE, document_id="people.txt")
    people = set(_people(graph))
    doc = next(n.id for n in graph.nodes if "Document" in n.labels)
    mentioned = {r.target for r in graph.relationships if r.type == "MENTIONS" and r.source == doc}
    assert people <= mentioned
    others = [r for r in graph.relationships if r.type != "MENTIONS"]
    # a person belongs to a body or state, takes part, or signs; never supplies, funds or hosts
    person_types = {"PART_OF", "PARTICIPATES_IN", "PARTY_TO"}
    assert not any((r.source in people or r.target in people) and r.type not in person_types for r in others)
    assert not any(r.target in people for r in others)
    # the statement is still Uzbekistan's, as without people
    assert any(
        r.type == "COOPERATES_WITH" and {r.source, r.target} == {"state:china", "state:uzbekistan"}
        for r in others
    )


def test_no_person_for_bodies_and_bare_titles():
    text = (
        "The Chief of the General Staff of Tajikistan met officials. The General Staff of Kazakhstan agreed. "
        "The Minister of Defence of Russia said the President's Office would reply. The President said so. "
        "The General Assembly of the United Nations met."
    )
    assert _people(extract_text(text, document_id="t.txt")) == {}


def test_name_then_title_and_bare_surname_coreference():
    text = (
        "Vladimir Putin, the President of Russia, met Kazakh Foreign Minister Murat Nurtleu in Moscow. "
        "Nurtleu said Kazakhstan would deepen cooperation. Minister Nurtleu then left."
    )
    people = _people(extract_text(text, document_id="t.txt"))
    assert set(people) == {"person:vladimir-putin", "person:murat-nurtleu"}
    assert people["person:vladimir-putin"].properties == {"title": "President", "country": "state:russia"}
    nurtleu = people["person:murat-nurtleu"]
    assert nurtleu.properties["country"] == "state:kazakhstan"
    assert "Nurtleu" in nurtleu.aliases


def test_cyrillic_name_and_rank_chain():
    text = (
        "Uzbek Deputy Defence Minister Major General Bakhodir Kurbanov met President Садыр Жапаров "
        "in Bishkek."
    )
    people = _people(extract_text(text, document_id="t.txt"))
    kurbanov = people["person:bakhodir-kurbanov"]
    assert kurbanov.properties == {
        "title": "Deputy Defence Minister",
        "rank": "Major General",
        "country": "state:uzbekistan",
    }
    assert any(p.name == "Садыр Жапаров" for p in people.values())
