"""Surface forms beyond the seed: parties, passives, membership, funding of actors, entity binding."""

from __future__ import annotations

from loaders import extract_text

PUB = {"published": "2023-04-18"}


def _rels(text: str) -> set[tuple[str, str, str]]:
    graph = extract_text(text, document_id="t.txt", metadata=PUB)
    return {(r.type, r.source, r.target) for r in graph.relationships if r.type != "MENTIONS"}


def test_negated_membership_gives_no_edge_but_both_countries_do():
    rels = _rels(
        "Russia and Uzbekistan signed a treaty. Uzbekistan is not a member of the CSTO, "
        "but both countries belong to the Shanghai Cooperation Organisation."
    )
    assert ("PART_OF", "state:uzbekistan", "org:sco") in rels
    assert ("PART_OF", "state:russia", "org:sco") in rels
    assert not any(t == "org:csto" for _, _, t in rels)


def test_relative_clause_parties_and_exercise_under_agreement():
    rels = _rels(
        'Indian and Kazakh troops held the joint exercise "Prabal Dostyk-2019" near Almaty. '
        "The exercise was conducted under a defence cooperation agreement that India and "
        "Kazakhstan signed in Astana in 2015."
    )
    parties = {s for t, s, _ in rels if t == "PARTY_TO"}
    assert parties == {"state:india", "state:kazakhstan"}
    assert any(t == "PROVIDES_FOR" and o == "event:prabal-dostyk-2019" for t, _, o in rels)
    assert ("PARTICIPATES_IN", "sf:kz-armed-forces", "event:prabal-dostyk-2019") in rels


def test_ratification_with_a_state_names_both_parties():
    rels = _rels(
        "The Jogorku Kenesh ratified an intergovernmental agreement on border security with Russia "
        "in February 2022."
    )
    assert {(t, s) for t, s, _ in rels if t in {"PARTY_TO", "APPROVED"}} == {
        ("APPROVED", "gov:kg-parliament"),
        ("PARTY_TO", "state:kyrgyzstan"),
        ("PARTY_TO", "state:russia"),
    }


def test_passive_operator_and_funding_of_an_actor():
    rels = _rels(
        "The Kant air base, east of Bishkek, is operated by the Russian Aerospace Forces. "
        "China also provided 10 million yuan for equipment for the Tajik Border Troops."
    )
    assert ("OPERATES", "sf:ru-vks", "facility:kant-air-base") in rels
    assert ("FUNDS", "state:china", "sf:tj-border-service") in rels


def test_possessor_after_and_is_not_bound_to_the_previous_body():
    graph = extract_text(
        "The National Guard of Uzbekistan and China's People's Armed Police held drills. "
        "The Air Defence Forces of Kazakhstan and the Air Force of Kyrgyzstan met.",
        document_id="t.txt",
    )
    ids = {n.id for n in graph.nodes}
    assert {"sf:uz-national-guard", "sf:cn-pap", "sf:kz-air-defence", "sf:kg-air-force"} <= ids
    assert not any(i.startswith("sf:cn-national") for i in ids)
