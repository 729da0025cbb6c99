"""Gazetteer files: validation errors and the user's own files (JSON and CSV)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.errors import GazetteerError
from graphbuild.gazetteer import build_gazetteer, load_gazetteer

BASE = {
    "format": 1,
    "entries": [
        {"key": "country:RUS", "type": "Country", "name": "Russia", "aliases": ["Russian Federation"],
         "capital": "Moscow", "demonyms": ["Russian"], "qid": "Q159"},
        {"key": "ministry:rus-kremlin", "type": "Ministry", "name": "Kremlin", "of": "country:RUS"},
        {"key": "group:islamic-state", "type": "Group", "name": "Islamic State",
         "aliases": ["IS", "ISIL"]},
    ],
}


def write(tmp_path: Path, name: str, data) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def entries(*records) -> dict:
    return {"format": 1, "entries": list(records)}


@pytest.fixture
def base(tmp_path) -> Path:
    return write(tmp_path, "base.json", BASE)


def test_small_file_loads(base):
    gaz = build_gazetteer(shipped=[base])
    assert len(gaz) == 3
    assert gaz.lookup("ISIL").key == "group:islamic-state"
    assert gaz.lookup("Moscow").key == "country:RUS"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"key": "group:x", "type": "Band", "name": "X"}, "unknown type 'Band'"),
        ({"key": "group:x", "type": "Group"}, "needs 'type' and 'name'"),
        ({"key": "Group X", "type": "Group", "name": "X"}, "key 'Group X' is malformed"),
        ({"key": "country:XYZ", "type": "Group", "name": "X"}, "does not fit type 'Group'"),
        ({"key": "group:x", "type": "Group", "name": "X", "qid": "159"}, "not a Wikidata id"),
        ({"key": "group:x", "type": "Group", "name": "X", "aliases": "X1"}, "list of non-empty strings"),
        ({"key": "group:x", "type": "Group", "name": "X", "alias": ["X1"]}, "unknown field(s) 'alias'"),
        ({"key": "group:x", "type": "Group", "name": "X", "label": "LOC"}, "label 'LOC'"),
        ({"key": "ministry:x", "type": "Ministry", "name": "X", "of": "country:ZZZ"}, "'of' 'country:ZZZ'"),
        ({"key": "group:x", "type": "Group", "name": "X", "country": "country:ZZZ"}, "'country' 'country:ZZZ'"),
        ({"key": "group:x", "type": "Group", "name": "X", "capital": "Y"}, "only countries"),
        ({"key": "group:x", "type": "Group", "name": "X", "outlet": "yes"}, "'outlet' must be true or false"),
        ({"key": "ministry:x", "type": "Ministry", "name": "X", "outlet": True}, "only a Group can be an 'outlet'"),
        ({"key": "group:x", "type": "Group", "name": "the"}, "empty name"),
        ({"key": "group:x", "type": "Group", "name": "X", "remove_aliases": ["Y"]}, "edits an existing entry"),
    ],
)
def test_malformed_entries_are_refused_with_file_and_entry(tmp_path, base, record, message):
    bad = write(tmp_path, "bad.json", entries(record))
    with pytest.raises(GazetteerError) as info:
        build_gazetteer(shipped=[base, bad])
    assert message in str(info.value)
    assert "bad.json" in str(info.value)


def test_duplicate_key_in_shipped_files_is_refused(tmp_path, base):
    dup = write(tmp_path, "dup.json", entries({"key": "group:islamic-state", "type": "Group", "name": "IS"}))
    with pytest.raises(GazetteerError, match=r"dup\.json.*duplicate key 'group:islamic-state'.*base\.json"):
        build_gazetteer(shipped=[base, dup])


def test_alias_claimed_twice_names_both_entries(tmp_path, base):
    other = write(tmp_path, "other.json", entries(
        {"key": "group:isil-fans", "type": "Group", "name": "ISIL"}))
    with pytest.raises(GazetteerError) as info:
        build_gazetteer(shipped=[base, other])
    text = str(info.value)
    assert "'ISIL'" in text and "group:islamic-state" in text and "group:isil-fans" in text
    assert "shared_aliases" in text and "remove_aliases" in text


def test_declared_shared_alias_is_allowed(tmp_path, base):
    other = write(tmp_path, "other.json", entries(
        {"key": "group:a", "type": "Group", "name": "Alpha Greens", "aliases": ["Greens"],
         "shared_aliases": ["Greens"]},
        {"key": "group:b", "type": "Group", "name": "Beta Greens", "aliases": ["Greens"],
         "shared_aliases": ["Greens"]},
    ))
    gaz = build_gazetteer(shipped=[base, other])
    assert gaz.lookup("Greens") is None
    assert [e.key for e in gaz.candidates("Greens")] == ["group:a", "group:b"]


def test_shared_alias_must_be_declared_by_every_claimant(tmp_path, base):
    other = write(tmp_path, "other.json", entries(
        {"key": "group:a", "type": "Group", "name": "Alpha", "aliases": ["Greens"], "shared_aliases": ["Greens"]},
        {"key": "group:b", "type": "Group", "name": "Beta", "aliases": ["Greens"]},
    ))
    with pytest.raises(GazetteerError, match="'Greens' is claimed by 'group:b'"):
        build_gazetteer(shipped=[base, other])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": 2, "entries": []}', "format 2"),
        ('{"format": 1}', "no 'entries' list"),
        ('"a string"', "holds a JSON str"),
        ('{"format": 1, "entries": [1]}', "entry #1 is a JSON int"),
    ],
)
def test_malformed_files_are_refused(tmp_path, base, text, message):
    bad = write(tmp_path, "bad.json", text)
    with pytest.raises(GazetteerError, match="bad.json") as info:
        build_gazetteer(shipped=[base], extra=[bad])
    assert message in str(info.value)


def test_missing_user_file_is_a_gazetteer_error(tmp_path):
    with pytest.raises(GazetteerError, match="nope.json"):
        load_gazetteer(extra=[tmp_path / "nope.json"])


def test_user_file_adds_aliases_and_new_actors(tmp_path):
    user = write(tmp_path, "mine.json", entries(
        {"key": "group:islamic-state", "aliases": ["Islamic Caliphate"]},
        {"type": "Official", "name": "Ilya Rogachev", "aliases": ["Rogachev"],
         "of": "ministry:rus-foreign-ministry"},
        {"key": "group:local-militia", "type": "Group", "name": "Local Militia", "qid": "Q42"},
    ))
    gaz = load_gazetteer(extra=[user])
    assert gaz is not load_gazetteer()
    assert gaz.lookup("Islamic Caliphate").key == "group:islamic-state"
    assert gaz.lookup("ISIL").key == "group:islamic-state"  # shipped aliases kept
    rogachev = gaz.lookup("Rogachev")
    assert rogachev.key == "official:ilya-rogachev"
    assert gaz.get(rogachev.of).of == "country:RUS"
    assert gaz.lookup("Local Militia").qid == "Q42"
    assert gaz.fingerprint() != load_gazetteer().fingerprint()
    assert load_gazetteer().lookup("Islamic Caliphate") is None  # the package is untouched


def test_user_file_can_take_an_alias_from_another_entry(tmp_path):
    user = write(tmp_path, "mine.json", entries(
        {"key": "group:ria-novosti", "remove_aliases": ["RIA"]},
        {"key": "group:ria-holding", "type": "Group", "name": "RIA Holding", "aliases": ["RIA"]},
    ))
    gaz = load_gazetteer(extra=[user])
    assert gaz.lookup("RIA").key == "group:ria-holding"
    assert gaz.lookup("RIA Novosti").key == "group:ria-novosti"


def test_user_file_cannot_change_an_entry_type(tmp_path):
    user = write(tmp_path, "mine.json", entries({"key": "country:RUS", "type": "Group"}))
    with pytest.raises(GazetteerError, match="type 'Group' differs"):
        load_gazetteer(extra=[user])


def test_removing_an_unknown_alias_is_refused(tmp_path):
    user = write(tmp_path, "mine.json", entries({"key": "country:RUS", "remove_aliases": ["Muscovy"]}))
    with pytest.raises(GazetteerError, match="cannot remove 'Muscovy'"):
        load_gazetteer(extra=[user])


def test_user_csv_file(tmp_path):
    user = write(
        tmp_path,
        "mine.csv",
        "key,type,name,aliases,qid,of\n"
        "official:gennady-gatilov,Official,Gennady Gatilov,Gatilov|G. Gatilov,,ministry:rus-foreign-ministry\n"
        "group:islamic-state,,,Islamic Caliphate,,\n",
    )
    gaz = load_gazetteer(extra=[user])
    gatilov = gaz.lookup("Gatilov")
    assert (gatilov.key, gatilov.type, gatilov.of) == (
        "official:gennady-gatilov", "Official", "ministry:rus-foreign-ministry",
    )
    assert gaz.lookup("G. Gatilov") is gatilov
    assert gaz.lookup("Islamic Caliphate").key == "group:islamic-state"


def test_a_user_file_marks_an_outlet(tmp_path):
    json_file = write(tmp_path, "mine.json", entries({"key": "group:the-local-gazette", "type": "Group",
                                                      "name": "The Local Gazette", "outlet": True}))
    csv_file = write(tmp_path, "mine.csv", "key,type,name,outlet\ngroup:radio-nowhere,Group,Radio Nowhere,true\n"
                                           "group:nowhere-trust,Group,Nowhere Trust,false\n")
    gaz = load_gazetteer(extra=[json_file, csv_file])
    assert gaz.get("group:the-local-gazette").outlet and gaz.get("group:radio-nowhere").outlet
    assert not gaz.get("group:nowhere-trust").outlet


def test_user_file_reloads_when_changed(tmp_path):
    path = write(tmp_path, "mine.json", entries({"key": "group:islamic-state", "aliases": ["First Name"]}))
    assert load_gazetteer(extra=[path]).lookup("First Name") is not None
    path.write_text(json.dumps(entries({"key": "group:islamic-state", "aliases": ["Second Name Here"]})))
    reloaded = load_gazetteer(extra=[path])
    assert reloaded.lookup("Second Name Here") is not None
    assert reloaded.lookup("First Name") is None
