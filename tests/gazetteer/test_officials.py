"""The shipped officials (``data/officials.json``): lookups, shared surnames, data quality."""
from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources

import pytest

from graphbuild.gazetteer import SHIPPED_FILES, build_gazetteer
from graphbuild.gazetteer import _slug as slug


@pytest.fixture(scope="module")
def document(shipped_text):
    text = shipped_text("officials.json")
    return text, json.loads(text)


def test_officials_file_is_shipped(gaz, document):
    _, doc = document
    assert "officials.json" in SHIPPED_FILES
    keys = {entry["key"] for entry in doc["entries"]}
    assert len(keys) >= 300
    assert keys <= {e.key for e in gaz.of_type("Official")}


@pytest.mark.parametrize("surface, key, of", [
    ("Nixon", "official:richard-nixon", "country:USA"),
    ("Richard M. Nixon", "official:richard-nixon", "country:USA"),
    ("Saddam Hussein", "official:saddam-hussein", "country:IRQ"),
    ("Saddam", "official:saddam-hussein", "country:IRQ"),
    ("Mubarak", "official:hosni-mubarak", "country:EGY"),
    ("Erich Honecker", "official:erich-honecker", "country:DDR"),
    ("John Kerry", "official:john-kerry", "country:USA"),
    ("Gaddafi", "official:muammar-gaddafi", "country:LBY"),
    ("Gadhafi", "official:muammar-gaddafi", "country:LBY"),
    ("Qaddafi", "official:muammar-gaddafi", "country:LBY"),
    ("Moammar Gadhafi", "official:muammar-gaddafi", "country:LBY"),
    ("Colonel Gaddafi's", "official:muammar-gaddafi", "country:LBY"),
    ("Hafez al-Assad", "official:hafez-al-assad", "country:SYR"),
    ("Hafez Assad", "official:hafez-al-assad", "country:SYR"),
    ("George W. Bush", "official:george-w-bush", "country:USA"),
    ("George H.W. Bush", "official:george-h-w-bush", "country:USA"),
    ("George H. W. Bush", "official:george-h-w-bush", "country:USA"),
    ("Mao Tse-tung", "official:mao-zedong", "country:CHN"),
    ("Ayatollah Khomeini", "official:ruhollah-khomeini", "country:IRN"),
    ("Abu Mazen", "official:mahmoud-abbas", "country:PSE"),
    ("Lukashenka", "official:alexander-lukashenko", "country:BLR"),
    ("Zelenskyy", "official:volodymyr-zelensky", "country:UKR"),  # from actors.json
    ("Gerhard Schroeder", "official:gerhard-schroder", "country:DEU"),
    ("Francois Hollande", "official:francois-hollande", "country:FRA"),  # diacritics folded
    ("Jan-Peter Balkenende", "official:jan-peter-balkenende", "country:NLD"),  # hyphen = space
    ("al-Baghdadi", "official:abu-bakr-al-baghdadi", "group:islamic-state"),
    ("Nasrallah", "official:hassan-nasrallah", "group:hezbollah"),
    ("Osama bin Laden", "official:osama-bin-laden", "group:al-qaeda"),
    ("Kofi Annan", "official:kofi-annan", "group:united-nations"),
    ("Stoltenberg", "official:jens-stoltenberg", "group:nato"),
    ("Juncker", "official:jean-claude-juncker", "group:european-commission"),
])
def test_lookup_finds_the_official_and_whom_they_speak_for(gaz, surface, key, of):
    entry = gaz.lookup(surface)
    assert entry is not None, surface
    assert (entry.key, entry.type, entry.of) == (key, "Official", of)


@pytest.mark.parametrize("surface, keys", [
    ("Bush", {"official:george-h-w-bush", "official:george-w-bush"}),
    ("George Bush", {"official:george-h-w-bush", "official:george-w-bush"}),
    ("Clinton", {"official:bill-clinton", "official:hillary-clinton"}),
    ("King Abdullah", {"official:king-abdullah-ii", "official:king-abdullah-of-saudi-arabia"}),
    ("Trudeau", {"official:pierre-trudeau", "official:justin-trudeau"}),
    ("Le Pen", {"official:jean-marie-le-pen", "official:marine-le-pen"}),
])
def test_a_shared_surname_resolves_to_no_one(gaz, surface, keys):
    assert gaz.lookup(surface) is None
    assert {e.key for e in gaz.candidates(surface)} == keys


@pytest.mark.parametrize("surface", [
    # common words that are also surnames of officials
    "May", "may", "Major", "Brown", "Ford", "Heath", "Begin", "Rice", "Powell", "Gallant",
    "Carter", "Johnson", "Wilson", "Eden", "Kennedy", "Sharon", "Abe", "Kim", "Khan",
    "Hussein", "Sharif", "Abbas", "Tito", "Molotov", "Marcos", "Kerry", "Nasser",
])
def test_ambiguous_or_common_words_name_no_official(gaz, surface):
    entry = gaz.lookup(surface)
    assert entry is None or entry.type != "Official", (surface, entry)


@pytest.mark.parametrize("surface, key", [
    ("Georgia", "country:GEO"), ("Jordan", "country:JOR"), ("Chad", "country:TCD"),
    ("Israel", "country:ISR"),
])
def test_country_names_still_name_countries(gaz, surface, key):
    assert gaz.lookup(surface).key == key


def test_ruler_patterns_tag_officials_as_people(gaz):
    patterns = gaz.ruler_patterns()
    honecker = [p for p in patterns if p.get("id") == "official:erich-honecker"]
    assert {"label": "PERSON", "pattern": [{"ORTH": {"IN": ["HONECKER", "Honecker"]}}],
            "id": "official:erich-honecker"} in honecker
    assert all(p["label"] == "PERSON" for p in honecker)
    bush = [p for p in patterns if p["pattern"] == [{"ORTH": {"IN": ["BUSH", "Bush"]}}]]
    assert bush == [{"label": "PERSON", "pattern": [{"ORTH": {"IN": ["BUSH", "Bush"]}}]}]  # no id


def test_pipeline_types_bare_surnames_as_officials(nlp):
    doc = nlp("Nixon met Brezhnev in Moscow, and Erich Honecker sent a telegram.")
    found = {e.name: (e.type, e.key, e.country) for e in doc._.gb_entities}
    assert found["Richard Nixon"] == ("Official", "official:richard-nixon", "country:USA")
    assert found["Leonid Brezhnev"] == ("Official", "official:leonid-brezhnev", "country:SUN")
    assert found["Erich Honecker"] == ("Official", "official:erich-honecker", "country:DDR")


# --------------------------------------------------------------------------- data quality


def test_file_is_sorted_pretty_and_keys_unique(document):
    text, doc = document
    assert text == json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    keys = [entry["key"] for entry in doc["entries"]]
    assert keys == sorted(keys)
    assert not [k for k, n in Counter(keys).items() if n > 1]


def test_every_entry_is_an_official_keyed_by_its_name(document):
    _, doc = document
    for entry in doc["entries"]:
        assert entry["type"] == "Official", entry
        assert entry["key"] == "official:" + slug(entry["name"]), entry


def test_every_official_is_of_an_existing_country_or_group(gaz, document):
    _, doc = document
    for entry in doc["entries"]:
        of = gaz.get(entry["of"])
        assert of is not None and of.type in ("Country", "Group"), entry


def test_officials_do_not_repeat_actors_json(document):
    _, doc = document
    data = resources.files("graphbuild.gazetteer").joinpath("data")
    actors = build_gazetteer(shipped=[str(data.joinpath(name)) for name in ("countries.json", "actors.json")])
    assert not {entry["key"] for entry in doc["entries"]} & {e.key for e in actors}


def test_qids_are_well_formed_and_unique_across_the_gazetteer(gaz, document):
    _, doc = document
    for entry in doc["entries"]:
        if "qid" in entry:
            assert re.fullmatch(r"Q[1-9][0-9]*", entry["qid"]), entry
    qids = Counter(e.qid for e in gaz if e.qid)
    assert not [q for q, n in qids.items() if n > 1]


def test_shared_aliases_are_really_shared(gaz, document):
    _, doc = document
    for entry in doc["entries"]:
        for alias in entry.get("shared_aliases", []):
            owners = gaz.candidates(alias)
            assert len(owners) >= 2, (entry["key"], alias)


def test_no_alias_is_a_country_name_or_demonym(gaz):
    for entry in gaz.of_type("Official"):
        for name in entry.names:
            assert gaz.country_of_demonym(name) is None, (entry.key, name)
            assert all(c.type == "Official" for c in gaz.candidates(name)), (entry.key, name)


def test_one_word_aliases_are_capitalised(gaz):
    """Lowercase words never match a capitalised pattern, so a one-word alias must be
    capitalised (or start with a particle: "al-Baghdadi", "el-Sisi")."""
    particles = ("al-", "el-", "bin ", "de ", "von ", "van ")
    for entry in gaz.of_type("Official"):
        for name in entry.names:
            if " " in name or name.startswith(particles):
                continue
            assert name[:1].isupper(), (entry.key, name)
