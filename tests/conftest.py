"""Shared fixtures: one spaCy pipeline and one Coder per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.pipeline import Coder

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def coder() -> Coder:
    """The default coder (asserted events only)."""
    return Coder()


@pytest.fixture(scope="session")
def coder_all(coder: Coder) -> Coder:
    """A coder that also returns negated, hypothetical, future and alleged events."""
    return Coder(nlp=coder.nlp, include_all=True)


@pytest.fixture(scope="session")
def fast_coder(coder: Coder) -> Coder:
    """The fast coder: no statistical NER, entities from the dictionaries."""
    return Coder(nlp=coder.nlp, fast=True)


@pytest.fixture(scope="session")
def fast_coder_all(coder: Coder) -> Coder:
    return Coder(nlp=coder.nlp, include_all=True, fast=True)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA
