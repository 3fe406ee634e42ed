"""Small text helpers shared by several stages."""

from __future__ import annotations

import re


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line-delimited paragraph, end exclusive and without the newline."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


# Cardinal number words and their values; dates and claims each add the words they read beyond these.
CARDINALS = {
    **{w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)},
    **{w: n for n, w in enumerate("thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 13)},
    **{w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)},
    "dozen": 12,
}


# English verb endings, in the order their undoing is tried ('staged': 'stage' before 'stag').
VERB_ENDINGS = (
    ("ied", "y"),
    ("ies", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("es", ""),
    ("s", ""),
    ("d", ""),
)


def uninflected(word: str, endings: tuple[tuple[str, str], ...] = VERB_ENDINGS) -> list[str]:
    """The stems of a lower-case written verb form with one of `endings` (ending, replacement) undone, in
    that order, a doubled last consonant undone too ('stopped' -> 'stopp', 'stop'); stems of two letters
    or more. For the lemmatiser's slips ('staged' -> 'stag', 'texted' -> 'texte', 'hopes' -> 'hop'), where
    a caller checks the stems against the words it lists."""
    out = []
    for suffix, repl in endings:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: len(word) - len(suffix)] + repl
            out.append(stem)
            if not repl and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out
