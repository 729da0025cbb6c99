"""The parts of :mod:`graphbuild.articles`: decoding bytes, length-preserving text
normalisation and metadata recovery. Import the public API from
:mod:`graphbuild.articles`; these modules are pure functions it composes.

    decoding.py    bytes -> str (UTF-8, BOMs, declared charsets, detection)
    normalise.py   str -> str of the same length (quotes, dashes, spaces, Markdown)
    metadata.py    title, byline, date, url, wire dateline; which spans to blank
"""
