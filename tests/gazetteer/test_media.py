"""The shipped media, platforms, international bodies and NGOs (``data/media.json``)."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest
import spacy

from graphbuild.gazetteer import SHIPPED_FILES, normalize


#: Titles that are written in lowercase; no other name may be (a lowercase name would
#: match ordinary words).
LOWERCASE_TITLES = {"de Volkskrant", "eKathimerini", "franceinfo", "n-tv", "taz", "teleSUR"}


@pytest.fixture(scope="module")
def document(shipped_text):
    return json.loads(shipped_text("media.json"))


@pytest.fixture(scope="module")
def nlp(gaz):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(gaz.ruler_patterns())
    return nlp


def test_media_file_is_shipped_and_loaded(gaz, document):
    assert "media.json" in SHIPPED_FILES
    assert document["format"] == 1
    keys = {entry["key"] for entry in document["entries"]}
    assert len(keys) >= 250
    assert keys <= {entry.key for entry in gaz.of_type("Group")}


@pytest.mark.parametrize("surface, key", [
    ("Frankfurter Allgemeine Zeitung", "group:faz"),
    ("FAZ", "group:faz"),
    ("Sueddeutsche Zeitung", "group:sueddeutsche-zeitung"),  # diacritics folded
    ("Süddeutsche Zeitung", "group:sueddeutsche-zeitung"),
    ("the Daily Telegraph's", "group:daily-telegraph"),
    ("Times of London", "group:the-times"),
    ("The Sun newspaper", "group:the-sun"),
    ("Time magazine", "group:time-magazine"),
    ("Daily Mirror", "group:daily-mirror"),
    ("Le Figaro", "group:le-figaro"),
    ("Corriere della Sera", "group:corriere-della-sera"),
    ("El Pais", "group:el-pais"),
    ("Novaya Gazeta", "group:novaya-gazeta"),
    ("People's Daily", "group:peoples-daily"),
    ("Asahi Shimbun", "group:asahi-shimbun"),
    ("Haaretz", "group:haaretz"),
    ("Al Ahram", "group:al-ahram"),
    ("Hurriyet", "group:hurriyet"),
    ("Gazeta Wyborcza", "group:gazeta-wyborcza"),
    ("Nepszabadsag", "group:nepszabadsag"),
    ("NPR", "group:npr"),
    ("Voice of America", "group:voice-of-america"),
    ("RFE/RL", "group:rferl"),
    ("Facebook", "group:facebook"),
    ("WhatsApp", "group:whatsapp"),
    ("Europol", "group:europol"),
    ("OLAF", "group:olaf"),
    ("PACE", "group:pace"),
    ("International Organisation for Migration", "group:iom"),
    ("Reporters Without Borders", "group:reporters-without-borders"),
    ("RSF", "group:reporters-without-borders"),
    ("Committee to Protect Journalists", "group:cpj"),
    ("Open Society Foundations", "group:open-society-foundations"),
])
def test_lookup_names_and_aliases(gaz, surface, key):
    entry = gaz.lookup(surface)
    assert entry is not None and entry.key == key
    assert entry.type == "Group"


@pytest.mark.parametrize("word", [
    "time", "Time", "sun", "The Sun", "mirror", "times", "The Times", "independent",
    "The Independent", "post", "express", "stern", "life", "telegram", "atlantic",
    "nikkei", "standard", "observer", "spectator", "pace", "olaf", "Olaf", "cctv",
])
def test_common_words_do_not_resolve(gaz, word):
    assert gaz.lookup(word) is None


def test_abc_is_shared_by_three_broadcasters_and_papers(gaz):
    assert gaz.lookup("ABC") is None
    assert {e.key for e in gaz.candidates("ABC")} == {
        "group:abc-news-us", "group:abc-australia", "group:abc-spain"}
    assert gaz.lookup("ABC News").key == "group:abc-news-us"
    assert gaz.lookup("Australian Broadcasting Corporation").key == "group:abc-australia"


def test_ruler_tags_newspapers_and_leaves_common_words(nlp):
    doc = nlp("Der Spiegel and the Frankfurter Allgemeine Zeitung quoted Haaretz. "
              "At the time the sun rose, he looked in the mirror.")
    found = {(ent.text, ent.ent_id_) for ent in doc.ents}
    assert ("Frankfurter Allgemeine Zeitung", "group:faz") in found
    assert ("Haaretz", "group:haaretz") in found
    assert all(ent.text.lower() not in {"time", "sun", "mirror"} for ent in doc.ents)


def test_data_quality(document, gaz):
    entries = document["entries"]
    keys = [entry["key"] for entry in entries]
    assert keys == sorted(keys), "keep media.json sorted by key"
    assert not [k for k, n in Counter(keys).items() if n > 1]
    assert all(re.fullmatch(r"group:[a-z0-9][a-z0-9-]*", k) for k in keys)
    assert {entry["type"] for entry in entries} == {"Group"}
    qids = [entry["qid"] for entry in entries if "qid" in entry]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)
    all_qids = [e.qid for e in gaz.entries if e.qid]
    assert not [q for q, n in Counter(all_qids).items() if n > 1]
    for entry in entries:
        names = [entry["name"], *entry.get("aliases", [])]
        assert len({normalize(n) for n in names}) == len(names), entry["key"]  # no redundant spellings
        for name in names:
            assert "(" not in name, f"{entry['key']}: brackets break normalisation: {name!r}"
            assert gaz.country_of_demonym(name) is None, f"{entry['key']}: {name!r} is a demonym"
            assert name[0].isupper() or name in LOWERCASE_TITLES, (entry["key"], name)


def test_courts_are_bodies_of_a_state_or_of_the_organisation_that_set_them_up(gaz):
    """Courts are Ministry (the guidelines' state bodies), international ones too, save
    the International Criminal Court, an organisation of its own treaty."""
    courts = [e for e in gaz if re.search(r"\b(Court|Tribunal)\b", e.name) and e.type != "Official"
              and "Arbitration" not in e.name and "Auditors" not in e.name]
    assert {"ministry:cjeu", "ministry:echr", "ministry:icty", "ministry:icj"} <= {e.key for e in courts}
    for entry in courts:
        if entry.key == "group:international-criminal-court":
            continue
        assert entry.type == "Ministry" and entry.of in gaz, entry


@pytest.mark.parametrize("key, outlet", [
    ("group:deutsche-welle", True), ("group:bbc", True), ("group:faz", True), ("group:reuters", True),
    ("group:oxfam", False), ("group:amnesty-international", False), ("group:nato", False), ("group:spd", False),
])
def test_outlets_are_marked(gaz, key, outlet):
    assert gaz.get(key).outlet is outlet
