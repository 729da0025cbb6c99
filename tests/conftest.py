"""Shared fixtures: the real spaCy pipeline and graphs built from the example articles."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """graphbuild's pipeline on the real English model (loaded once per session)."""
    from graphbuild.nlp.pipeline import shared_nlp

    return shared_nlp()


@pytest.fixture(scope="session")
def example_graph():
    """The graph of ``examples/`` (both seed articles), built once per session."""
    import graphbuild

    return graphbuild.build([str(EXAMPLES)])


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared corpus and gold files are not here")
    return SHARED
