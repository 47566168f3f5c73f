"""Make the scripts in ``training/`` importable (they are not part of the installed package)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TRAINING = REPO / "training"
DATA = REPO.parent / "shared" / "data"

if str(TRAINING) not in sys.path:
    sys.path.insert(0, str(TRAINING))


@pytest.fixture
def shared_data() -> Path:
    """The shared corpora; tests that need them skip (with the reason) when they are absent."""
    if not DATA.is_dir():
        pytest.skip(f"training corpora not available: {DATA} is missing")
    return DATA
