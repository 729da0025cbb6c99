"""Length-preserving normalisation: every rule keeps offsets and newlines."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuild.reading.normalise import (
    CHARACTER_MAP,
    blank_markdown,
    blank_spans,
    looks_like_markdown,
    normalise_characters,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ukraine\u2019s \u2018war\u2019", "Ukraine's 'war'"),
        ("\u201cYes,\u201d he said \u201equietly\u201c", '"Yes," he said "quietly"'),
        ("\u00abnon\u00bb", '"non"'),
        ("2014\u20132015 \u2014 or \u2212 5", "2014-2015 - or - 5"),
        ("a\u00a0b\u2009c\u202fd\u3000e\u200bf", "a b c d e f"),
        ("one\r\ntwo\rthree", "one \ntwo\nthree"),
        ("line\u2028sep\u2029par", "line\nsep\npar"),
        ("bell\x07 c1\x85 ctl\x9d", "bell  c1\n ctl "),
        ("tab\tstays", "tab\tstays"),
    ],
)
def test_characters(raw, expected):
    assert normalise_characters(raw) == expected
    assert len(expected) == len(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # link: text kept where it was, brackets and url blanked
        ("By [Jane Doe](#) today", "By  Jane Doe     today"),
        ("[Syria](https://x.org/Syria_(country)) and", " Syria" + " " * 32 + " and"),
        ('[A](http://a.example "title") b', " A" + " " * 27 + " b"),
        ("see [the report][1]", "see  the report    "),
        ("[1]: https://example.org/report", " " * 31),
        ("![photo](p.jpg) caption", "                caption"),
        ("<https://example.org/x>", " https://example.org/x "),
        # headings, emphasis, quotes, bullets, rules
        ("# Title", "  Title"),
        ("### Deep heading ###", "    Deep heading    "),
        ("**strong** and *it* and __s__ and _e_", "  strong   and  it  and   s   and  e "),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
        ("> quoted\n> > nested", "  quoted\n    nested"),
        ("* item\n- item\n+ item", "  item\n  item\n  item"),
        ("Title\n=====\n***", "Title\n     \n   "),
        ("~~gone~~ `code`", "  gone    code "),
        ("<!-- hidden\ncomment --> text", " " * 11 + "\n" + " " * 11 + " text"),
        (r"not \*emphasis\*", r"not  *emphasis *"),
        # plain brackets are text, not links
        ("views [of Russia] differ", "views [of Russia] differ"),
    ],
)
def test_markdown(raw, expected):
    assert blank_markdown(raw) == expected
    assert len(expected) == len(raw)


def test_character_map_is_one_to_one():
    assert all(len(k) == 1 and len(v) == 1 for k, v in CHARACTER_MAP.items())


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("#*_[]()<>!`~\n\r-> ")))
def test_any_text_keeps_length_and_newlines(raw):
    text = blank_markdown(normalise_characters(raw))
    assert len(text) == len(raw)
    # every newline of the source is still there (carriage returns may become newlines)
    assert {m.start() for m in re.finditer("\n", raw)} <= {m.start() for m in re.finditer("\n", text)}


def test_blank_spans_keeps_newlines_and_clips():
    assert blank_spans("ab\ncd", [(1, 4), (4, 99)]) == "a \n  "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# A heading\n\ntext", True),
        ("Text with [a link](https://example.org).", True),
        ("Original url:\n<https://example.org>", True),
        ("Plain text, [bracketed] and #hashtag.", False),
        ("Reuters <SRD> ticker", False),
    ],
)
def test_looks_like_markdown(text, expected):
    assert looks_like_markdown(text) is expected
