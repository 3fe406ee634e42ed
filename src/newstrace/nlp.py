"""The spaCy pipeline, loaded once per process (the model name is a setting, NEWSTRACE_SPACY_MODEL), the
paragraph component, and the language check (py3langid's bundled model: nothing downloaded)."""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any, Callable, Optional, cast

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


class _AttributeRules:
    """spaCy's attribute_ruler with the same rules and the same result, found by lookup instead of its
    general Matcher (which tried all of the model's ~180 rules at every token: about a tenth of the parse).

    Each rule's token specs are compiled into tests of (lower-case text, tag, dependency, is-space); a
    rule is tried only at tokens whose tag or text its first spec names (or at every token when it names
    neither). The matches are then sorted and applied by the ruler itself, as it does with its Matcher's.
    compile() returns None for a rule it does not read (another attribute or operator): the stock
    component is kept then."""

    ATTRS = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space"}

    def __init__(self, ruler, rules: list, by_tag: dict, by_lower: dict, anywhere: list):
        self.ruler = ruler
        self.rules = rules  # (attr id, match id, [spec tests per token])
        self.by_tag, self.by_lower, self.anywhere = by_tag, by_lower, anywhere

    @classmethod
    def compile(cls, ruler) -> Optional[_AttributeRules]:
        rules: list = []
        by_tag: dict[str, list[int]] = {}
        by_lower: dict[str, list[int]] = {}
        anywhere: list[int] = []
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = ruler.vocab.strings[str(attr_id)]
            for pattern in entry["patterns"]:
                specs = [cls._spec(token) for token in pattern]
                if not specs or any(spec is None for spec in specs):
                    return None
                n = len(rules)
                rules.append((attr_id, match_id, specs))
                first = pattern[0]
                for key, index in (("TAG", by_tag), ("LOWER", by_lower)):
                    value = first.get(key)
                    if isinstance(value, str) or (isinstance(value, dict) and "IN" in value):
                        for v in [value] if isinstance(value, str) else value["IN"]:
                            index.setdefault(v, []).append(n)
                        break
                else:
                    anywhere.append(n)
        return cls(ruler, rules, by_tag, by_lower, anywhere)

    @classmethod
    def _spec(cls, token: dict) -> Optional[list]:
        tests: list[tuple[str, str, Any]] = []
        for key, value in token.items():
            attr = cls.ATTRS.get(key)
            if attr is None:
                return None
            if isinstance(value, (str, bool)):
                tests.append((attr, "==", value))
            elif isinstance(value, dict) and len(value) == 1:
                ((op, arg),) = value.items()
                if op in ("IN", "NOT_IN") and isinstance(arg, list):
                    tests.append((attr, op, frozenset(arg)))
                elif op == "REGEX" and isinstance(arg, str):
                    tests.append((attr, op, re.compile(arg)))
                else:
                    return None
            else:
                return None
        return tests

    @staticmethod
    def _fits(tests: list, tok) -> bool:
        for attr, op, arg in tests:
            value = getattr(tok, attr)
            if op == "==":
                if value != arg:
                    return False
            elif op == "IN":
                if value not in arg:
                    return False
            elif op == "NOT_IN":
                if value in arg:
                    return False
            elif not arg.search(value):
                return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        matches = []
        n = len(doc)
        rules, fits = self.rules, self._fits
        for tok in doc:
            i = tok.i
            for k in (*self.by_tag.get(tok.tag_, ()), *self.by_lower.get(tok.lower_, ()), *self.anywhere):
                attr_id, match_id, specs = rules[k]
                end = i + len(specs)
                if end <= n and fits(specs[0], tok) and all(fits(sp, doc[i + j]) for j, sp in enumerate(specs[1:], 1)):
                    matches.append((attr_id, match_id, i, end))
        matches.sort()
        self.ruler.set_annotations(doc, matches)
        return doc


class _Lemmas:
    """spaCy's rule lemmatizer with every answer remembered: its lemma is a function of the token's text,
    part of speech and morphology, but it remembers only some of them (not the base forms, the most
    common), so most tokens were lemmatised afresh. Tokens the attribute rules gave a lemma keep it."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.cache: dict[tuple, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        cache = self.cache
        for tok in doc:
            if tok.lemma == 0:
                key = (tok.orth, tok.pos, tok.morph.key)  # type: ignore[attr-defined]
                lemma = cache.get(key)
                if lemma is None:
                    lemma = cache[key] = self.strings.add(self.lemmatizer.lemmatize(tok)[0])
                tok.lemma = lemma
        return doc


class _Replaced:
    """A pipeline component standing in for one of the model's, running what load() put in `component`."""

    def __init__(self) -> None:
        self.component: Callable[[Doc], Doc] = lambda doc: doc

    def __call__(self, doc: Doc) -> Doc:
        return self.component(doc)


@Language.factory("newstrace_replaced")
def _make_replaced(nlp: Language, name: str) -> _Replaced:
    return _Replaced()


def _faster_rule_components(nlp: Language) -> None:
    """The model's attribute_ruler and rule lemmatizer replaced by _AttributeRules and _Lemmas, under
    the same names and in the same places, when the model has them in the forms those read."""
    if "attribute_ruler" in nlp.pipe_names:
        rules = _AttributeRules.compile(nlp.get_pipe("attribute_ruler"))
        if rules is not None:
            cast(_Replaced, nlp.replace_pipe("attribute_ruler", "newstrace_replaced")).component = rules
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule" and getattr(lemmatizer, "overwrite", True) is False:
            cast(_Replaced, nlp.replace_pipe("lemmatizer", "newstrace_replaced")).component = _Lemmas(lemmatizer)


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
    _faster_rule_components(nlp)
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
