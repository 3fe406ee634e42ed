"""Shared fixtures: the spaCy model loads once per test session; the seed article is analysed once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "rafah-2024-03.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared not found beside the project ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def seed_analysis(shared):
    import newstrace

    return newstrace.analyze(str(SEED), published="2024-03-23")


@pytest.fixture(scope="session")
def analyze_text():
    """Analyse a short article written for a test: analyze_text(body, title='', published=None)."""
    from newstrace import pipeline
    from newstrace.clean import make_article

    def run(body: str, title: str = "", published: str | None = None):
        return pipeline.run(make_article(body, title=title, published=published, source="<test>"))

    return run
