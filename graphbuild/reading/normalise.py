"""Length-preserving text normalisation.

Every function here returns a string of exactly the length of its input, with every
newline where it was, so that an offset into the result is an offset into the decoded
source file. Characters are replaced one for one; markup and metadata are overwritten
with spaces, never removed.

>>> raw = "\u201cWe\u2019re ready\u201d \u2013 **said** [Rogachev](https://x.example/r)."
>>> text = blank_markdown(normalise_characters(raw))
>>> text
'"We\\'re ready" -   said     Rogachev                         .'
>>> len(text) == len(raw)
True
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "CHARACTER_MAP",
    "blank_markdown",
    "blank_spans",
    "looks_like_markdown",
    "normalise_characters",
]

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u2039\u203a"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u202f\u205f\u3000\u200b\u2060\ufeff"
_LINE_BREAKS = "\u2028\u2029\u0085\x0b\x0c"
# C0 controls other than tab/newline/carriage return, DEL and the C1 controls: left
# over from bad conversions, meaningless to a tokenizer.
_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f,
                                      *range(0x80, 0x85), *range(0x86, 0xa0)])

#: What :func:`normalise_characters` maps, one character to one character.
CHARACTER_MAP: dict[str, str] = {
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    **dict.fromkeys(_DASHES, "-"),
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_LINE_BREAKS, "\n"),
    **dict.fromkeys(_CONTROLS, " "),
}
_TABLE = str.maketrans(CHARACTER_MAP)
_CR = re.compile(r"\r(\n?)")


def normalise_characters(text: str) -> str:
    """Map typographic quotes, dashes, odd spaces and stray control characters to
    plain ASCII, one character for one.

    A carriage return before a newline becomes a space and a lone one a newline, so
    Windows and old Mac line ends read as Unix ones at the same offsets.

    >>> normalise_characters("Ukraine\u2019s \u201cwar\u201d\u00a0\u2014 2014\u20132015\\r\\n")
    'Ukraine\\'s "war" - 2014-2015 \\n'
    >>> normalise_characters("a\\rb") == "a\\nb"
    True
    """
    text = text.translate(_TABLE)
    return _CR.sub(lambda m: " \n" if m.group(1) else "\n", text)


def blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Overwrite ``text[start:end]`` for every span with spaces, keeping newlines.

    >>> blank_spans("By Jane Doe\\nText", [(0, 11)])
    '           \\nText'
    >>> blank_spans("a\\nb\\nc", [(0, 4)])
    ' \\n \\nc'
    """
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _spaces(s: str) -> str:
    return re.sub(r"[^\n]", " ", s)


def _keep(*groups: str):
    """A ``re.sub`` replacement keeping the named groups and blanking the rest."""

    def replace(m: re.Match) -> str:
        out, pos = [], m.start()
        for name in groups:
            if m.group(name) is None:
                continue
            out.append(_spaces(m.string[pos:m.start(name)]))
            out.append(m.group(name))
            pos = m.end(name)
        out.append(_spaces(m.string[pos:m.end()]))
        return "".join(out)

    return replace


# A link destination: no spaces, one level of balanced parentheses (Wikipedia URLs),
# an optional "title".
_DEST = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"
_MD_RULES: list[tuple[re.Pattern, object]] = [
    # Backslash escapes first, so an escaped marker stays text: \* -> " *".
    (re.compile(r"\\(?P<c>[\\`*_{}\[\]()#+\-.!>])"), _keep("c")),
    # HTML comments and reference definitions carry no prose.
    (re.compile(r"<!--.*?-->", re.S), _keep()),
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.M), _keep()),
    # ![alt](src): an image, its alt text is not article prose.
    (re.compile(r"!\[[^\]\n]*\]" + _DEST), _keep()),
    # [text](url) and [text][ref]: keep the text.
    (re.compile(r"\[(?P<t>[^\[\]\n]+)\]" + _DEST), _keep("t")),
    (re.compile(r"\[(?P<t>[^\[\]\n]+)\]\[[^\]\n]*\]"), _keep("t")),
    # <https://...> autolinks: keep the address, blank the brackets.
    (re.compile(r"<(?P<u>(?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>"), _keep("u")),
    # ATX headings "# Title #", setext underlines and thematic breaks.
    (re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)(?:[ \t]+(?P<t>.*?))??(?:[ \t]+#+)?[ \t]*$", re.M),
     _keep("t")),
    (re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$", re.M), _keep()),
    (re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M), _keep()),
    # Block quotes and bullets.
    (re.compile(r"^(?P<m>[ \t]*(?:>[ \t]?)+)", re.M), lambda m: _spaces(m.group())),
    (re.compile(r"^[ \t]*[-*+](?=[ \t]+\S)", re.M), lambda m: _spaces(m.group())),
    # Emphasis, strong, strikethrough and code spans: blank the markers.
    (re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(?P<t>[^\n]+?)(?<=\S)\1(?![\w*])"), _keep("t")),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(?P<t>[^\n*]+?)(?<=[^\s*])\*(?![\w*])"), _keep("t")),
    (re.compile(r"(?<![\w_])_(?=[^\s_])(?P<t>[^\n_]+?)(?<=[^\s_])_(?![\w_])"), _keep("t")),
    (re.compile(r"~~(?=\S)(?P<t>[^\n]+?)(?<=\S)~~"), _keep("t")),
    (re.compile(r"(?<!`)`(?P<t>[^`\n]+)`(?!`)"), _keep("t")),
]


def blank_markdown(text: str) -> str:
    """Blank Markdown syntax with spaces, keeping the words it marks up.

    Links keep their text, images vanish, heading, emphasis, quote and bullet markers
    become spaces.

    >>> blank_markdown("# Title\\nBy [Jane Doe](#) and **bold** _it_ snake_case")
    '  Title\\nBy  Jane Doe     and   bold    it  snake_case'
    >>> blank_markdown("see <https://example.org/a> ![pic](p.png)")
    'see  https://example.org/a                 '
    >>> blank_markdown("[Syria](https://en.wikipedia.org/wiki/Syria_(country))!")
    ' Syria                                                !'
    """
    for pattern, replace in _MD_RULES:
        text = pattern.sub(replace, text)
    return text


_MD_SIGNS = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S|\[[^\[\]\n]+\]\([^)\s]*\)|^ {0,3}(?:\*\*|__)\S|<https?://[^>\s]+>",
    re.M,
)


def looks_like_markdown(text: str) -> bool:
    """Whether plain text uses Markdown: an ATX heading, an inline link, an autolink.

    >>> looks_like_markdown("# Russia Says West Must Cooperate\\n\\nBy [A B](#)")
    True
    >>> looks_like_markdown("The difference in views [of Russia] is rooted ...")
    False
    """
    return _MD_SIGNS.search(text) is not None
