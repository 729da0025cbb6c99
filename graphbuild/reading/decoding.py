"""Bytes to text: UTF-8 first, then a declared charset, then detection.

Order of trust:

1. a byte order mark (UTF-8, UTF-16, UTF-32);
2. strict UTF-8, what nearly every news file today is;
3. a charset the file declares (``<meta charset>``, an XML declaration);
4. detection with ``charset-normalizer``; where it cannot tell Windows-1252 from other
   single-byte code pages (a tie), Windows-1252 wins: it is what Western "ANSI" and
   Latin-1 news files are.

Files with NUL bytes, or that no encoding reads as text, raise :class:`NotText`.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

__all__ = ["NotText", "declared_charset", "decode"]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""",
    re.I,
)
# Share of control characters above which decoded "text" is taken for binary.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class NotText(ValueError):
    """The bytes are not text in any encoding we can recognise; ``reason`` says why."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares in its first 4 kB, if Python knows it.

    >>> declared_charset(b'<html><head><meta charset="windows-1251"></head>')
    'cp1251'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    'cp1252'
    >>> declared_charset(b'<meta charset="klingon">') is None
    True
    """
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii")
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        return None
    # The WHATWG Encoding Standard, which browsers follow: a page labelled Latin-1 or
    # ASCII is read as Windows-1252.
    return "cp1252" if encoding in {"iso8859-1", "ascii"} else encoding


def decode(data: bytes, *, declared: bool = False) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``. ``declared`` lets a document's own
    charset declaration (HTML, XML) count.

    A leading byte order mark is dropped from the text (it is not part of the article,
    and offsets count from the first character after it).

    >>> decode("Gatilov \u2013 Moscow".encode("utf-8"))
    ('Gatilov \u2013 Moscow', 'utf-8')
    >>> decode("Z\u00fcrich, caf\u00e9 \u00e0 la carte, Espa\u00f1a".encode("latin-1"))[0]
    'Z\u00fcrich, caf\u00e9 \u00e0 la carte, Espa\u00f1a'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    ...
    graphbuild.reading.decoding.NotText: it contains NUL bytes
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise NotText(f"it starts with a {encoding} byte order mark but is not "
                              f"valid {encoding} ({err.reason} at byte {err.start})") from err
            return text.lstrip("\ufeff") if encoding != "utf-8-sig" else text, encoding
    if b"\x00" in data:
        raise NotText("it contains NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        not_utf8 = f"it is not valid UTF-8 ({err.reason} at byte {err.start})"
    if declared:
        encoding = declared_charset(data)
        if encoding is not None:
            try:
                return _checked(data.decode(encoding)), encoding
            except (UnicodeDecodeError, NotText):
                pass
    return _detect(data, not_utf8)


def _detect(data: bytes, not_utf8: str) -> tuple[str, str]:
    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        raise NotText(f"{not_utf8} and no other text encoding fits its bytes")
    candidates = [best.encoding]
    tied = [m for m in results if m.chaos == best.chaos and m.coherence == best.coherence]
    if any("cp1252" in m.could_be_from_charset for m in tied):
        candidates.insert(0, "cp1252")
    for encoding in candidates:
        try:
            return _checked(data.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    raise NotText(f"{not_utf8} and no other text encoding fits its bytes")


def _checked(text: str) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * max(len(text), 1) + 1:
        raise NotText(f"{controls} of its {len(text)} characters are control characters")
    return text
