"""tools/build_gazetteer.py: the countries file is generated, deterministically."""
from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

import pytest

from graphbuild.gazetteer import Gazetteer, build_gazetteer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def document(tool):
    return tool.build_countries()


def test_generator_is_deterministic(tool, document):
    assert tool.render(tool.build_countries()) == tool.render(document)


def test_generated_document_loads(tmp_path, tool, document):
    path = tmp_path / "countries.json"
    path.write_text(tool.render(document), encoding="utf-8")
    gaz = build_gazetteer(shipped=[path])
    assert isinstance(gaz, Gazetteer)
    assert gaz.lookup("Britain").key == "country:GBR"
    assert gaz.country_of_demonym("American").key == "country:USA"


def test_generated_document_covers_the_sovereign_states(document):
    keys = {e["key"] for e in document["entries"]}
    assert len(keys) == 197  # 193 UN members + Palestine, Taiwan, Vatican, Kosovo
    assert {"country:PSE", "country:TWN", "country:VAT", "country:XKX"} <= keys
    assert "country:PRI" not in keys  # Puerto Rico: a territory, not a state
    by_key = {e["key"]: e for e in document["entries"]}
    usa = by_key["country:USA"]
    assert {"US", "U.S.", "USA", "America", "United States of America"} <= set(usa["aliases"])
    assert usa["capital"] == "Washington" and "American" in usa["demonyms"]
    assert by_key["country:GBR"]["capital"] == "London"
    assert "Wales" not in by_key["country:GBR"]["aliases"]
    assert by_key["country:GBR"]["demonyms"] == ["British"]
    assert "Congolese" in document["ambiguous_demonyms"]
    assert all("," not in alias for e in document["entries"] for alias in e["aliases"])


def test_text_is_sorted_and_pretty(tool, document):
    text = tool.render(document)
    assert text.endswith("}\n")
    assert json.loads(text) == document
    keys = [e["key"] for e in document["entries"]]
    assert keys == sorted(keys)


def test_shipped_file_matches_the_generator_on_this_environment(tool, document):
    shipped = json.loads((ROOT / "graphbuild" / "gazetteer" / "data" / "countries.json").read_text("utf-8"))
    if shipped["sources"] != document["sources"]:
        pytest.skip(f"library versions differ from the shipped file's: {shipped['sources']}")
    assert tool.render(shipped) == tool.render(document), "run python tools/build_gazetteer.py"


def test_names_two_states_share_must_be_settled(tool):
    curation = copy.deepcopy(tool.load_curation())
    curation["ambiguous_aliases"]["names"].remove("Congo")
    curation["aliases"]["COD"].append("Congo")  # now both Congos claim "Congo"
    with pytest.raises(tool.GeneratorError, match="Congo"):
        tool.build_countries(curation)


def test_check_mode_reports_a_stale_file(tmp_path, tool, capsys):
    stale = tmp_path / "countries.json"
    stale.write_text("{}\n", encoding="utf-8")
    assert tool.main(["--check", "-o", str(stale)]) == 1
    assert tool.main(["-o", str(stale)]) == 0
    assert tool.main(["--check", "-o", str(stale)]) == 0
    capsys.readouterr()
