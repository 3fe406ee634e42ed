"""One article, one pass: clean text -> spaCy Doc parsed once -> the stages, in the order listed here.

Each stage is a `Stage(name, run, needs, writes)`: `run(ctx)` reads the Doc and the parts of the Analysis
(or declared Context fields) named in `needs`, and writes only the parts named in `writes`. The order is
checked at import, as spaCy's `analyze_pipes` does: a stage needs only what the input or an earlier stage
provides, and no two stages write the same part.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.tokens import Doc

from . import kb as kbmod
from . import nlp
from .errors import InputError
from .model import Analysis, Article
from .settings import Settings
from .stages import (
    checks,
    claims,
    coreference,
    entities,
    events,
    framing,
    quotes,
    statements,
    voices,
)
from .stages.entities import EntityIndex

log = logging.getLogger("newstrace.pipeline")

# What every stage may read before any stage ran: the article, its two parsed Docs, the settings, the kb.
INPUT_PARTS = ("article", "doc", "title_doc", "settings", "kb")


@dataclass
class Context:
    """What the stages share: the article, its parsed text and title, the knowledge base (loaded once per
    process), the Analysis being written, and the entity index the entities stage builds for later stages."""

    article: Article
    doc: Doc
    title_doc: Doc
    analysis: Analysis
    settings: Settings
    kb: kbmod.KnowledgeBase
    entity_index: Optional[EntityIndex] = None
    timings: dict[str, float] = field(default_factory=dict)  # stage name -> seconds


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Context], None]
    needs: tuple[str, ...]
    writes: tuple[str, ...]


STAGES: list[Stage] = [
    Stage("voices", voices.run, needs=("article", "settings"), writes=("voices",)),
    Stage(
        "entities",
        entities.run,
        needs=("article", "doc", "title_doc", "settings", "kb"),
        writes=("entities", "entity_index"),
    ),
    Stage(
        "quotes",
        quotes.run,
        needs=("article", "doc", "title_doc", "kb", "voices", "entities"),
        writes=("quotes",),
    ),
    Stage(
        "coreference",
        coreference.run,
        needs=("article", "quotes", "entity_index"),
        writes=("entity_mentions",),
    ),
    Stage("statements", statements.run, needs=("article", "quotes"), writes=("statements",)),
    Stage(
        "events",
        events.run,
        needs=(
            "article",
            "doc",
            "settings",
            "kb",
            "voices",
            "entities",
            "entity_mentions",
            "quotes",
        ),
        writes=("events",),
    ),
    Stage(
        "claims",
        claims.run,
        needs=("article", "doc", "voices", "quotes"),
        writes=("claims",),
    ),
    Stage(
        "framing",
        framing.run,
        needs=("doc", "title_doc", "voices", "entities", "quotes"),
        writes=("framing",),
    ),
    Stage(
        "checks",
        checks.run,
        needs=("article", "doc", "voices", "quotes", "statements"),
        writes=("checks",),
    ),
]


def check_order(stages: list[Stage]) -> None:
    """Raise RuntimeError when a stage needs a part nothing before it provides, or two stages write one part."""
    provided = set(INPUT_PARTS)
    for stage in stages:
        missing = [n for n in stage.needs if n not in provided]
        if missing:
            raise RuntimeError(f"stage {stage.name!r} needs {missing}, which no earlier stage writes")
        twice = [w for w in stage.writes if w in provided]
        if twice:
            raise RuntimeError(f"stage {stage.name!r} writes {twice}, already written before it")
        provided.update(stage.writes)


check_order(STAGES)


def check_article(article: Article, settings: Settings | None = None) -> None:
    """Raise InputError for an article with no text, longer than settings.max_chars, or not in English."""
    if not article.text.strip():
        raise InputError(f"{article.source or 'input'}: no article text")
    cap = (settings or Settings()).max_chars
    if len(article.text) > cap:
        raise InputError(
            f"{article.source or 'input'}: {len(article.text):,} characters of text, more than the "
            f"{cap:,} newstrace analyses in one article (NEWSTRACE_MAX_CHARS)"
        )
    lang = nlp.detect_language(article.title + "\n" + article.text)
    if lang != "en":
        raise InputError(f"{article.source or 'input'}: the text is in language {lang!r}; newstrace reads English only")


def analyse_parsed(article: Article, doc: Doc, title_doc: Doc, settings: Settings) -> Context:
    """Run every stage over an article whose text and title are parsed; returns the Context (its
    `analysis` and the seconds each stage took in `timings`)."""
    ctx = Context(
        article=article,
        doc=doc,
        title_doc=title_doc,
        analysis=Analysis(article=article),
        settings=settings,
        kb=kbmod.load(tuple(settings.kb_paths)),
    )
    for stage in STAGES:
        began = time.perf_counter()
        stage.run(ctx)
        ctx.timings[stage.name] = time.perf_counter() - began
    log.debug("stage seconds: %s", {k: round(v, 4) for k, v in ctx.timings.items()})
    return ctx


def run(article: Article, settings: Settings | None = None) -> Analysis:
    """The Analysis of one cleaned article. Raises InputError (empty, not English, model missing)."""
    return run_with_timings(article, settings).analysis


def run_with_timings(article: Article, settings: Settings | None = None) -> Context:
    settings = settings or Settings()
    check_article(article, settings)
    model = nlp.load(settings.spacy_model)
    began = time.perf_counter()
    doc, title_doc = model(article.text), model(article.title or "")
    ctx = analyse_parsed(article, doc, title_doc, settings)
    ctx.timings = {
        "parse": time.perf_counter() - began - sum(ctx.timings.values()),
        **ctx.timings,
    }
    return ctx
