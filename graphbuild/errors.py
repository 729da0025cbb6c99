"""graphbuild's errors.

    GraphbuildError            base of every error graphbuild raises on purpose
     +-- InputError            an article file, folder or line cannot be read
     +-- GazetteerError        a gazetteer file (shipped or the user's) is malformed
     +-- ModelError            the spaCy model is missing or incompatible
     +-- OntologyError         a graph does not conform to the ontology's shapes
     +-- GraphFileError        an RDF file or store cannot be read or written
     +-- QueryError            a SPARQL query is malformed or its parameters are wrong
     +-- GoldError             a gold file does not follow the gold format

Messages name the value and say how to fix it. The CLI prints them on one line and
exits non-zero; library code only raises.
"""
from __future__ import annotations


class GraphbuildError(Exception):
    """Base class of graphbuild's errors."""


class InputError(GraphbuildError):
    """An article file, folder or JSON Lines line cannot be read.

    ``path`` names the file and ``line`` the line of a JSON Lines file, where known.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}" + (f" line {line}" if line is not None else "") + ": "
        super().__init__(where + message)


class GazetteerError(GraphbuildError):
    """A gazetteer file is malformed."""


class ModelError(GraphbuildError):
    """The spaCy model cannot be loaded."""


class OntologyError(GraphbuildError):
    """A graph does not conform to graphbuild's SHACL shapes."""


class GraphFileError(GraphbuildError):
    """An RDF graph file or store cannot be read or written."""


class QueryError(GraphbuildError):
    """A SPARQL query or its parameters are malformed."""


class GoldError(GraphbuildError):
    """A gold file does not follow the gold format."""
