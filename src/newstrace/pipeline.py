"""One article, one pass: clean text -> spaCy Doc parsed once -> the stages, in the order listed here.

Each stage is a module in stages/ with one entry point `run(ctx)`; it reads the Doc and what earlier
stages wrote to ctx.analysis, and writes only its own part.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from spacy.tokens import Doc

from . import nlp
from .errors import InputError
from .language import detect_language
from .model import Analysis, Article
from .settings import Settings
from .stages import claims, entities, statements, voices
from .stages.checks import stage as checks
from .stages.events import stage as events
from .stages.framing import stage as framing
from .stages.quotes import stage as quotes

STAGES: list[tuple[str, Callable[["Context"], None]]] = [
    ("voices", voices.run),
    ("entities", entities.run),
    ("quotes", quotes.run),
    ("statements", statements.run),
    ("events", events.run),
    ("claims", claims.run),
    ("framing", framing.run),
    ("checks", checks.run),
]


@dataclass
class Context:
    """What the stages share: the article, its parsed text and title, the analysis being written."""
    article: Article
    doc: Doc
    title_doc: Doc
    analysis: Analysis
    settings: Settings
    scratch: dict[str, Any] = field(default_factory=dict)  # stage-to-stage facts not in the contract


def run(article: Article, settings: Settings | None = None) -> Analysis:
    settings = settings or Settings()
    if not article.text.strip():
        raise InputError(f"{article.source or 'input'}: no article text")
    lang = detect_language(article.title + "\n" + article.text)
    if lang != "en":
        raise InputError(f"{article.source or 'input'}: the text is in language {lang!r}; newstrace reads English only")
    model = nlp.load(settings.spacy_model)
    doc, title_doc = model(article.text), model(article.title or "")
    ctx = Context(article=article, doc=doc, title_doc=title_doc, analysis=Analysis(article=article), settings=settings)
    for _name, stage in STAGES:
        stage(ctx)
    return ctx.analysis
