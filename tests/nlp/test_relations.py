"""accuses and cooperatesWith read off the parse: cues, negation, attribution, metonymy."""
from __future__ import annotations

import pytest

POS, NEG = "positive", "negative"


@pytest.mark.parametrize("text, expected", [
    # accusation verbs, nouns and phrases
    ("Russian Deputy Foreign Minister Gennady Gatilov accused the United States of hindering the fight.",
     ("Gennady Gatilov", "accuses", "United States", POS)),
    ("Russian Deputy Foreign Minister Gennady Gatilov spoke. Gatilov took another jab at the West.",
     ("Gennady Gatilov", "accuses", "the West", POS)),
    ("The United States and its allies continue to hold Moscow responsible for interfering in Ukraine.",
     ("United States", "accuses", "Russia", POS)),
    ("The Syrian government had claimed the Islamic State obtained chemical weapons.",
     ("Syria", "accuses", "Islamic State", POS)),
    ("Tony Blair has urged London mayor Ken Livingstone to apologise for his comment.",
     ("Tony Blair", "accuses", "Ken Livingstone", POS)),
    # passive voice: the agent accuses
    ("Russia was accused by the United States of meddling.", ("United States", "accuses", "Russia", POS)),
    # cooperation: verbs, nouns, readiness, support
    ("Rogachev said Russia is ready to expand cooperation with Western countries in countering terrorism.",
     ("Russia", "cooperatesWith", "the West", POS)),
    ("The military cooperation between Israel and the US has reached an all time high.",
     ("Israel", "cooperatesWith", "United States", POS)),
    ("Moscow was committed to supporting the efforts of the United Nations in resuming dialogue.",
     ("Russia", "cooperatesWith", "United Nations", POS)),
    # "the two countries", "the two heads of state": the last two named before
    ("Pakistani President Asif Ali Zardari met Afghan President Hamid Karzai in Kabul on Monday. "
     "The two presidents reached an agreement on border controls.",
     ("Asif Ali Zardari", "cooperatesWith", "Hamid Karzai", POS)),
    ("Thousands of US tourists have travelled to Cuba since 2011. The two countries' coastguards are "
     "said to be cooperating.", ("United States", "cooperatesWith", "Cuba", POS)),
    # a hyphenated pair of states, and a coalition with a party
    ("Poland recalled its envoy. The minister said the US - Polish alliance was worthless.",
     ("United States", "cooperatesWith", "Poland", POS)),
    ("The prime minister's Civic Platform party governs Poland in a center-right coalition with the "
     "Polish People's party.",
     ("Civic Platform", "cooperatesWith", "Polish People's Party", POS)),
    # "both parties"; a judged doing with its doer ("tactics by Labour"); a lead's post
    ("Tory plans were unveiled by the Conservatives. Labour said many tests were already done. The Lib Dems "
     "warned both parties against pandering to prejudice.", ("Liberal Democrats", "accuses", "Labour Party", POS)),
    ('Liam Fox, Tory co-chairman, said the return of Mr Campbell was a sign of new "sinister and underhand '
     'tactics" by Labour.', ("Liam Fox", "accuses", "Labour Party", POS)),
    ("Poland's government survived a vote. A tape was leaked in which the Polish foreign minister bashed US "
     "leaders. Foreign Minister Radoslaw Sikorski said the tape was illegal.",
     ("Radosław Sikorski", "accuses", "United States", POS)),
    # a court's ruling on its own state's measures
    ("In December the House of Lords, the UK's highest court, ruled that the anti-terror measures broke "
     "human rights laws.", ("House of Lords", "accuses", "United Kingdom", POS)),
    # negation and refusal
    ("Washington is refusing to cooperate with the regime of Syrian President Bashar Assad.",
     ("United States", "cooperatesWith", "Syria", NEG)),
    ("Our Western colleagues do not want to cooperate with Assad's regime.",
     ("the West", "cooperatesWith", "Syria", NEG)),
])
def test_relations(read, text, expected):
    _, relations = read(text)
    assert expected in relations, sorted(relations)


@pytest.mark.parametrize("text, pair", [
    # an appeal is no cooperation
    ("Russia Says West Must Cooperate With Syria Over Islamic State", ("the West", "Syria")),
    ("Israel has criticized the agreement with Iran.", ("Israel", "Iran")),
    # "the two" needs two of the kind it names
    ("France signed the deal. The two countries reached an agreement on trade.", ("France", "France")),
])
def test_no_cooperation(read, text, pair):
    _, relations = read(text)
    assert not any((s, o) == pair and p == "cooperatesWith" and pol == POS for s, p, o, pol in relations), relations


def test_refused_cooperation_is_never_positive(read):
    _, relations = read("Gatilov accused the United States of refusing to cooperate with Syria.")
    assert ("United States", "cooperatesWith", "Syria", POS) not in relations
    assert ("United States", "cooperatesWith", "Syria", NEG) in relations


def test_denial_by_a_third_party_keeps_the_accusation(read):
    _, relations = read("The United States continues to hold Moscow responsible for interfering in Ukraine, "
                        "a claim the Kremlin has repeatedly denied.")
    assert ("United States", "accuses", "Russia", POS) in relations


def test_object_pronoun_is_not_its_own_subject(read):
    _, relations = read("Nicola Sturgeon wrote to Mr McConnell on Tuesday accusing him of an error of judgement.")
    assert ("Nicola Sturgeon", "accuses", "McConnell", POS) in relations


def test_an_actor_found_while_resolving_joins_an_empty_article(read):
    """No named actor, yet "British leaders" names the United Kingdom: the entity made
    while resolving must land in the Doc's own (empty) entity list."""
    entities, relations = read("British leaders said the plan of the Chinese leaders was wrong.")
    assert "United Kingdom" in entities
    assert ("United Kingdom", "accuses", "China", "positive") in relations


@pytest.mark.parametrize("text, relation", [
    # an unnamed member of a named body: the body, one level up
    ('Mr Livingstone had accused an Evening Standard journalist of being like a "concentration camp guard".',
     ("Livingstone", "accuses", "Evening Standard", "positive")),
    ("Campbell criticised BBC journalists for the report.", ("Campbell", "accuses", "BBC", "positive")),
    # a plural noun whose apposition lists the actors
    ("Two countries, Russia and China, blocked the resolution and accused the United States of hypocrisy.",
     ("China", "accuses", "United States", "positive")),
    ("Leading politicians - first and foremost Chancellor Konrad Adenauer and Defense Minister Franz Josef "
     "Strauss - accused the magazine Der Spiegel of treason.",
     ("Konrad Adenauer", "accuses", "Der Spiegel", "positive")),
    # a demand for amends by a body named through its city
    ("Two motions were passed by the London Assembly on Monday asking Ken Livingstone to apologise.",
     ("London Assembly", "accuses", "Ken Livingstone", "positive")),
])
def test_accusations_of_bodies_named_indirectly(read, text, relation):
    _, relations = read(text)
    assert relation in relations, sorted(relations)


def test_you_in_words_told_to_someone_is_that_person(read):
    _, relations = read('Nicola Sturgeon wrote to First Minister Jack McConnell on Tuesday. He told Ms Sturgeon: '
                        '"It is disappointing that you have contributed to this distortion."')
    assert ("Jack McConnell", "accuses", "Nicola Sturgeon", "positive") in relations, sorted(relations)
    assert ("Nicola Sturgeon", "accuses", "Nicola Sturgeon", "positive") not in relations


def test_you_with_no_addressee_names_no_one(read):
    _, relations = read('Nicola Sturgeon said: "It is disappointing that you have contributed to this distortion."')
    assert not any(p == "accuses" for _, p, _, _ in relations), sorted(relations)


def test_a_business_of_a_state_is_not_the_state(read):
    _, relations = read("The US firm teamed up with tech giant Apple on the running programs.")
    assert not any(s == "United States" for s, _, _, _ in relations), sorted(relations)


def test_a_person_joining_a_body_is_no_partner_of_it(read):
    _, relations = read("It emerged that Steg, who before joining VW worked as a spokesman, knew of the tests.")
    assert not any(p == "cooperatesWith" for _, p, _, _ in relations), sorted(relations)
    _, relations = read("Poland joined NATO in 1999.")
    assert ("Poland", "cooperatesWith", "NATO", POS) in relations, sorted(relations)
