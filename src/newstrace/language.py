"""Language of a text, with py3langid's bundled model (nothing downloaded)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier
    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; 'en' for text too short to tell."""
    sample = text[:5000]
    if len(sample.split()) < 8:
        return "en"
    lang, prob = _identifier().classify(sample)
    return lang if prob > 0.9 else "en"
