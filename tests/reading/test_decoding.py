"""Bytes to text: BOMs, UTF-8, declared charsets, detection, binary."""
from __future__ import annotations

import random

import pytest

from graphbuild.reading.decoding import NotText, decode

GERMAN = ("Der Außenminister sagte am Dienstag in Köln, die Regierung sei über die Lage "
          "besorgt. Müller äußerte sich später.")
FRENCH = "Le ministre des Affaires étrangères a déclaré à Paris que la réunion était reportée."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (GERMAN.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + GERMAN.encode("utf-8"), "utf-8-sig"),
        (GERMAN.encode("utf-16"), "utf-16"),
        (GERMAN.encode("utf-32"), "utf-32"),
    ],
)
def test_unicode_forms(data, encoding):
    assert decode(data) == (GERMAN, encoding)


@pytest.mark.parametrize("text", [GERMAN, FRENCH])
def test_latin1_and_cp1252_are_detected(text):
    assert decode(text.encode("latin-1"))[0] == text
    quoted = f"\u201c{text}\u201d \u2013 he said."
    assert decode(quoted.encode("cp1252"))[0] == quoted


def test_cyrillic_cp1251():
    text = "Министр иностранных дел России заявил во вторник, что переговоры продолжатся."
    assert decode(text.encode("cp1251")) == (text, "cp1251")


def test_declared_charset_counts_only_when_asked():
    html = '<html><head><meta charset="windows-1251"></head><body>Москва, Кремль</body></html>'
    data = html.encode("cp1251")
    assert decode(data, declared=True) == (html, "cp1251")


def test_nul_bytes_are_binary():
    with pytest.raises(NotText, match="NUL bytes"):
        decode(b"PK\x03\x04\x00\x00 zip archive")


def test_random_bytes_are_not_text():
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(NotText):
        decode(data)


def test_broken_utf16_with_bom():
    with pytest.raises(NotText, match="byte order mark"):
        decode(b"\xff\xfeA\x00\x00\xd8")
