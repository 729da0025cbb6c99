"""The shipped gazetteer: lookups, normalisation, demonyms, capitals, fingerprint."""
from __future__ import annotations

import json

import pytest

from graphbuild.gazetteer import (
    TYPES,
    Entry,
    Gazetteer,
    alias_key,
    build_gazetteer,
    load_gazetteer,
    normalize,
)


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("IS", "group:islamic-state"),
        ("ISIS", "group:islamic-state"),
        ("ISIL", "group:islamic-state"),
        ("Daesh", "group:islamic-state"),
        ("the Islamic State", "group:islamic-state"),
        ("Islamic State group", "group:islamic-state"),
        ("US", "country:USA"),
        ("U.S.", "country:USA"),
        ("the United States", "country:USA"),
        ("America", "country:USA"),
        ("Washington", "country:USA"),
        ("UK", "country:GBR"),
        ("Britain", "country:GBR"),
        ("Great Britain", "country:GBR"),
        ("Russia", "country:RUS"),
        ("the Russian Federation", "country:RUS"),
        ("Moscow", "country:RUS"),
        ("Russia's", "country:RUS"),
        ("Russia\u2019s", "country:RUS"),
        ("RUSSIA", "country:RUS"),
        ("IRAN", "country:IRN"),
        ("South Korea", "country:KOR"),
        ("North Korea", "country:PRK"),
        ("DPRK", "country:PRK"),
        ("Syria", "country:SYR"),
        ("Damascus", "country:SYR"),
        ("Vatican", "country:VAT"),
        ("Holy See", "country:VAT"),
        ("Kiev", "country:UKR"),
        ("Kyiv", "country:UKR"),
        ("Turkey", "country:TUR"),
        ("T\u00fcrkiye", "country:TUR"),
        ("Ivory Coast", "country:CIV"),
        ("Cote d'Ivoire", "country:CIV"),
        ("the Kremlin", "ministry:rus-kremlin"),
        ("the Kremlin\u2019s", "ministry:rus-kremlin"),
        ("the Pentagon", "ministry:usa-department-of-defense"),
        ("U.S. State Department", "ministry:usa-state-department"),
        ("Downing Street", "ministry:gbr-downing-street"),
        ("Bundestag", "ministry:deu-bundestag"),
        ("the West", "group:the-west"),
        ("Western countries", "group:the-west"),
        ("UN", "group:united-nations"),
        ("U.N. Security Council", "group:un-security-council"),
        ("NATO", "group:nato"),
        ("Nato", "group:nato"),
        ("EU", "group:european-union"),
        ("al Qaeda", "group:al-qaeda"),
        ("Al-Qaeda", "group:al-qaeda"),
        ("al-Qaida", "group:al-qaeda"),
        ("RIA", "group:ria-novosti"),
        ("ITAR-TASS", "group:tass"),
        ("dpa", "group:dpa"),
        ("Deutsche Welle", "group:deutsche-welle"),
        ("Reuters'", "group:reuters"),
        ("Tories", "group:uk-conservative-party"),
        ("Lib Dems", "group:uk-liberal-democrats"),
        ("GOP", "group:us-republican-party"),
        ("Putin", "official:vladimir-putin"),
    ],
)
def test_lookup_finds_the_actor(gaz, surface, key):
    entry = gaz.lookup(surface)
    assert entry is not None, surface
    assert entry.key == key


@pytest.mark.parametrize(
    "surface",
    ["is", "us", "Us", "who", "it", "the", "", "Russian", "Victoria", "Congo", "Korea", "Greens"],
)
def test_lookup_knows_no_actor(gaz, surface):
    assert gaz.lookup(surface) is None


def test_acronyms_are_case_sensitive_but_words_are_not(gaz):
    assert alias_key("IS") != alias_key("is")
    assert alias_key("US") != alias_key("us")
    assert gaz.lookup("WHO").key == "group:world-health-organization"
    assert gaz.lookup("who") is None
    assert gaz.lookup("islamic state").key == gaz.lookup("ISLAMIC STATE").key == "group:islamic-state"


def test_kremlin_is_a_ministry_of_russia(gaz):
    kremlin = gaz.lookup("the Kremlin")
    assert kremlin.type == "Ministry"
    assert kremlin.of == "country:RUS"
    assert gaz.get(kremlin.of).name == "Russia"
    assert kremlin in gaz.parts_of("country:RUS")


def test_every_ministry_belongs_to_something(gaz):
    for entry in gaz.of_type("Ministry"):
        assert entry.of in gaz, entry.key


def test_shared_aliases_name_several_candidates(gaz):
    keys = {e.key for e in gaz.candidates("the Greens")}
    assert keys == {"group:german-greens", "group:uk-green-party"}
    assert gaz.lookup("the Greens") is None


def test_a_shared_name_of_one_entry_still_names_none(gaz):
    assert [e.key for e in gaz.candidates("the Social Democrats")] == ["group:spd"]
    assert gaz.lookup("the Social Democrats") is None


@pytest.mark.parametrize(("country", "name", "key"), [
    ("country:DEU", "the Greens", "group:german-greens"),
    ("country:GBR", "Green Party", "group:uk-green-party"),
    ("country:DEU", "Social Democratic Party", "group:spd"),
    ("country:FRA", "the Greens", None),
    ("country:DEU", "Foreign Ministry", None),
])
def test_group_of_tells_shared_names_apart_by_country(gaz, country, name, key):
    found = gaz.group_of(country, name)
    assert (found.key if found else None) == key


def test_groups_based_in_a_state_name_a_country(gaz):
    for entry in gaz.of_type("Group"):
        if entry.country is not None:
            assert gaz.get(entry.country).type == "Country", entry.key


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("the Syrian government", "country:SYR"),
        ("Assad's regime", None),
        ("the US administration", "country:USA"),
        ("Russian authorities", "country:RUS"),
        ("British Government", "country:GBR"),
        ("the Syrian ministry", None),
    ],
)
def test_government_phrases_name_the_state(gaz, phrase, key):
    entry = gaz.lookup(phrase)
    assert (entry.key if entry else None) == key


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Russian", "country:RUS"),
        ("Russians", "country:RUS"),
        ("American", "country:USA"),
        ("British", "country:GBR"),
        ("the British", "country:GBR"),
        ("German", "country:DEU"),
        ("Dutch", "country:NLD"),
        ("Syrian", "country:SYR"),
        ("North Korean", "country:PRK"),
        ("Swiss", "country:CHE"),
        ("Palestinian", "country:PSE"),
    ],
)
def test_country_of_demonym(gaz, word, key):
    assert gaz.country_of_demonym(word).key == key


def test_ambiguous_demonyms_name_no_country(gaz):
    assert gaz.country_of_demonym("Congolese") is None
    assert gaz.country_of_demonym("Korean") is None
    assert gaz.country_of_demonym("Martian") is None


@pytest.mark.parametrize(
    ("capital", "key"),
    [
        ("Moscow", "country:RUS"),
        ("Washington, D.C.", "country:USA"),
        ("London", "country:GBR"),
        ("Berlin", "country:DEU"),
        ("Kiev", "country:UKR"),
        ("Brasilia", "country:BRA"),
        ("Bras\u00edlia", "country:BRA"),
        ("Victoria", "country:SYC"),  # a capital, though not a name of the state
        ("Jerusalem", "country:ISR"),
    ],
)
def test_country_of_capital(gaz, capital, key):
    assert gaz.country_of_capital(capital).key == key


def test_sovereign_states_are_all_there(gaz):
    # actors.json adds historical states (East Germany, the Soviet Union): not sovereign today
    import json
    from importlib import resources

    data = json.loads(resources.files("graphbuild.gazetteer").joinpath("data/actors.json").read_text("utf-8"))
    historical = {e["key"] for e in data["entries"] if e["type"] == "Country"}
    countries = [e for e in gaz.of_type("Country") if e.key not in historical]
    assert 195 <= len(countries) <= 200
    for entry in countries:
        assert entry.key.startswith("country:") and len(entry.key) == len("country:XXX")
        assert entry.capital, entry.key
        assert entry.qid and entry.qid.startswith("Q"), entry.key
    assert gaz.get("country:RUS").qid == "Q159"
    assert gaz.get("country:USA").qid == "Q30"
    assert gaz.get("country:GBR").qid == "Q145"
    assert "Russian" in gaz.get("country:RUS").demonyms


def test_entries_are_sorted_typed_and_unique(gaz):
    keys = [e.key for e in gaz.entries]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert {e.type for e in gaz} == set(TYPES)
    assert all(isinstance(e, Entry) for e in gaz)


def test_shipped_files_are_sorted_and_pretty(gaz):
    from importlib import resources

    data = resources.files("graphbuild.gazetteer").joinpath("data")
    for name in ("countries.json", "actors.json"):
        text = data.joinpath(name).read_text(encoding="utf-8")
        document = json.loads(text)
        assert text == json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n", name
        keys = [e["key"] for e in document["entries"]]
        assert keys == sorted(keys), name


def test_load_is_cached_and_fingerprint_stable(gaz):
    assert load_gazetteer() is gaz
    fresh = build_gazetteer()
    assert fresh is not gaz
    assert fresh.fingerprint() == gaz.fingerprint()
    assert len(gaz.fingerprint()) == 64


def test_fingerprint_changes_with_the_data(gaz):
    changed = Gazetteer(
        [*gaz.entries, Entry(key="group:test-actor", type="Group", name="Test Actor Group")]
    )
    assert changed.fingerprint() != gaz.fingerprint()


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("the Kremlin\u2019s", "Kremlin"),
        ("U.S.", "US"),
        ("\u201cthe West\u201d", "West"),
        ("al\u2013Qaeda", "al Qaeda"),
        ("  Foreign,  Commonwealth and Development Office ", "Foreign Commonwealth and Development Office"),
        ("\u00c9lys\u00e9e", "Elysee"),
        ("Reuters'", "Reuters"),
    ],
)
def test_normalize(surface, expected):
    assert normalize(surface) == expected
