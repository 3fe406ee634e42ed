"""The spaCy pipeline, loaded once per process (the model name is a setting, NEWSTRACE_SPACY_MODEL), the
paragraph component, and the language check (py3langid's bundled model: nothing downloaded)."""

from __future__ import annotations

import bisect
import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError

# The stages read tokens, POS, dependencies, lemmas and entities; nothing else is needed.
UNNEEDED = ("senter",)


@Language.component("newstrace_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs across a line break: each paragraph starts a sentence (the parser keeps it)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


@Language.component("newstrace_sentence_index")
def sentence_index(doc: Doc) -> Doc:
    """Span.sent (and Token.sent) in O(log n): spaCy finds a span's sentence by walking doc.sents from
    the start, which made every stage quadratic in the length of the text. The sentences are listed once,
    on first use, and found by bisection."""
    doc.user_span_hooks["sent"] = _SentenceLookup(doc)
    return doc


class _SentenceLookup:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.sents: list | None = None
        self.starts: list[int] = []

    def __call__(self, span):
        if self.sents is None:
            self.sents = list(self.doc.sents)
            self.starts = [s.start for s in self.sents]
        i = bisect.bisect_right(self.starts, span.start) - 1
        return self.sents[max(i, 0)]


@functools.lru_cache(maxsize=4)
def load(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=[c for c in UNNEEDED])
    except OSError as exc:
        raise InputError(
            f"spaCy model {model!r} is not installed (set NEWSTRACE_SPACY_MODEL to an installed one)"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newstrace_paragraphs", before="parser")
    else:
        nlp.add_pipe("newstrace_paragraphs", first=True)
    nlp.add_pipe("newstrace_sentence_index", last=True)
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


# Words nearly every English sentence has; a short text without any of them is not taken as English blindly.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of to and is are was were been has have had said says that this it he she they we "
    "for with by from not will would but".split()  # none of them a common word of another language
)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; 'en' when it cannot tell (fewer than 4 words, or a short text
    with English function words)."""
    sample = text[:5000]
    words = sample.lower().split()
    if len(words) < 4:
        return "en"
    lang, prob = _identifier().classify(sample)
    if len(words) < 8:  # short: trust the model only when it is sure and nothing looks English
        return lang if prob > 0.95 and not ENGLISH_FUNCTION_WORDS.intersection(words) else "en"
    return lang if prob > 0.9 else "en"
