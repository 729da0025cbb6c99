"""Ruler patterns from the gazetteer on a real spaCy EntityRuler."""
from __future__ import annotations

import json

import pytest
import spacy

from graphbuild.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def patterns():
    return load_gazetteer().ruler_patterns()


@pytest.fixture(scope="module")
def nlp(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)
    return nlp


def ents(nlp, text):
    return [(ent.text, ent.label_, ent.ent_id_) for ent in nlp(text).ents]


def test_patterns_have_the_entity_ruler_shape(patterns):
    keys = [json.dumps(p, sort_keys=True, ensure_ascii=False) for p in patterns]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    for pattern in patterns:
        assert pattern["label"] in {"GPE", "ORG", "NORP", "PERSON"}
        assert isinstance(pattern["pattern"], list) and pattern["pattern"]
    assert patterns == load_gazetteer().ruler_patterns()  # deterministic


def test_demonyms_alone_get_no_pattern(nlp):
    assert ents(nlp, "The Russian diplomat met a German colleague.") == []


def test_isil_and_the_west(nlp):
    found = ents(nlp, "Russia says the West must cooperate with Syria over ISIL.")
    assert ("ISIL", "ORG", "group:islamic-state") in found
    assert ("West", "ORG", "group:the-west") in found
    assert ("Russia", "GPE", "country:RUS") in found
    assert ("Syria", "GPE", "country:SYR") in found


def test_acronyms_match_only_in_capitals(nlp):
    assert ents(nlp, "It is up to us, he said.") == []
    found = ents(nlp, "The US said the anti-IS coalition (IS) would go on.")
    assert ("US", "GPE", "country:USA") in found
    assert ("IS", "ORG", "group:islamic-state") in found
    assert ("anti-IS coalition", "ORG", "group:anti-is-coalition") in found


def test_capitals_and_government_phrases_are_countries(nlp):
    found = ents(nlp, "Moscow and the Syrian government agreed; the Kremlin said so.")
    assert ("Moscow", "GPE", "country:RUS") in found
    assert ("Syrian government", "GPE", "country:SYR") in found
    assert ("Kremlin", "ORG", "ministry:rus-kremlin") in found


def test_spelling_variants(nlp):
    found = ents(nlp, "Al-Qaeda, al Qaeda and the U.S. State Department\u2019s office; NATO and Nato.")
    assert ("Al-Qaeda", "ORG", "group:al-qaeda") in found
    assert ("al Qaeda", "ORG", "group:al-qaeda") in found
    assert ("U.S. State Department", "ORG", "ministry:usa-state-department") in found
    assert [e for e in found if e[2] == "group:nato"] == [
        ("NATO", "ORG", "group:nato"), ("Nato", "ORG", "group:nato"),
    ]


def test_common_words_in_lowercase_are_left_alone(nlp):
    assert ents(nlp, "They went west to work for the labour market and ate greens.") == []


def test_shared_alias_is_tagged_without_id(nlp):
    assert ents(nlp, "The Greens voted against it.") == [("Greens", "ORG", "")]


def test_government_phrases_can_be_left_out():
    gaz = load_gazetteer()
    with_phrases = gaz.ruler_patterns()
    without = gaz.ruler_patterns(government_phrases=False)
    assert len(without) < len(with_phrases)
    assert not any(p["pattern"][-1] == {"LOWER": {"IN": ["administration", "authorities", "government", "regime"]}}
                   for p in without)
