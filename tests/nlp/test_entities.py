"""Entity mentions typed as the guidelines' four types."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name, type_", [
    ("The group, also known as ISIS or ISIL, proclaimed a caliphate.", "Islamic State", "Group"),
    ("Moscow denied the claim.", "Russia", "Country"),
    ("A claim the Kremlin has repeatedly denied.", "Kremlin", "Ministry"),
    ("The Syrian government had claimed the Islamic State obtained chemical weapons.", "Syria", "Country"),
    ("Russia is ready to expand cooperation with Western countries.", "the West", "Group"),
    ("The Russian Foreign Ministry said nothing.", "Russian Foreign Ministry", "Ministry"),
    ("NATO and the United Nations met.", "United Nations", "Group"),
    ("RIA Novosti reported on Wednesday that talks had begun.", "RIA Novosti", "Group"),
])
def test_typed_entities(read, text, name, type_):
    entities, _ = read(text)
    assert name in entities, sorted(entities)
    assert entities[name].type == type_


def test_aliases_join_one_entity(read):
    entities, _ = read("The Islamic State (IS) jihadist group poses a threat. The group, also known as "
                       "ISIS or ISIL, is a problem. Anti-IS forces gathered.")
    islamic_state = entities["Islamic State"]
    assert {"IS", "ISIS", "ISIL"} <= islamic_state.aliases
    assert sum(1 for e in entities.values() if e.key == islamic_state.key) == 1


def test_demonym_alone_names_no_actor(read):
    entities, _ = read("Russian troops were seen near the border.")
    assert not any(e.type == "Country" for e in entities.values())


def test_surname_joins_full_name(read):
    entities, _ = read("Russian Deputy Foreign Minister Gennady Gatilov spoke. Gatilov added that talks went well.")
    gatilov = entities["Gennady Gatilov"]
    assert gatilov.type == "Official"
    assert "Gatilov" in gatilov.aliases
    assert len([e for e in entities.values() if "Gatilov" in e.name]) == 1


def test_person_without_role_is_not_an_official(read):
    entities, _ = read("John Smith, a local baker, watched the parade.")
    assert all(e.type != "Official" for e in entities.values())


def test_company_without_relation_is_not_typed(read):
    entities, _ = read("Volkswagen sold more cars this year.")
    assert all(e.type is None for e in entities.values() if e.name == "Volkswagen")
