"""Fixtures of the gazetteer tests: the shipped gazetteer and its data files."""
from __future__ import annotations

from importlib import resources

import pytest

from graphbuild.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The shipped gazetteer (every data file of the package)."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def shipped_text():
    """Reads one shipped data file: ``shipped_text("media.json")``."""

    def read(name: str) -> str:
        return resources.files("graphbuild.gazetteer").joinpath("data").joinpath(name).read_text(encoding="utf-8")

    return read
