"""graphbuild: news articles in, a knowledge graph of who speaks for, accuses and
cooperates with whom out, as RDF.

>>> import graphbuild
>>> graphbuild.__version__
'0.1.0'
"""
from __future__ import annotations

__version__ = "0.1.0"

from graphbuild.build import build  # noqa: E402

__all__ = sorted(["__version__", "build"])
