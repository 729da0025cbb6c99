"""notebooks/tour.ipynb runs from top to bottom (with nbmake, in a fresh kernel)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "tour.ipynb"


def test_tour_notebook_runs():
    pytest.importorskip("nbmake", reason="nbmake is a test dependency: pip install -e '.[test]'")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbmake", str(NOTEBOOK), "-q", "-p", "no:cacheprovider",
         "-o", "addopts="],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout
