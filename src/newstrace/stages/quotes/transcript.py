"""Transcripts: lines 'NAME: words' or 'NAME, OUTLET: words' in capitals, at least two of them. Each turn
is a direct quote of that person, the name written as a reader would ('Desmond Kallenberg', not
'TRANSPORT MINISTER DESMOND KALLENBERG'); a later turn under the surname alone is the same person; a
question is addressed to whoever answers it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Quote, Ref
from .speakers import Referents
from .words import has_role

TURN = re.compile(r"(?m)^([A-Z][A-Z.'’\- ]*[A-Z.])(,[A-Z0-9.'’&\- ]+)?:[ \t]+(\S[^\n]*)$")


@dataclass
class Turn:
    label_start: int
    label_end: int  # end of the name part of the label
    colon: int
    name: str
    content_start: int
    content_end: int


def reader_name(label: str) -> str:
    """'TRANSPORT MINISTER DESMOND KALLENBERG' -> 'Desmond Kallenberg': title words dropped, capitalised."""
    words = label.split()
    last_role = max((i for i in range(len(words)) if has_role(" ".join(words[: i + 1]).split()[-1])), default=-1)
    if 0 <= last_role < len(words) - 1:
        words = words[last_role + 1 :]
    return " ".join(w.capitalize() for w in words)


def turns(text: str) -> list[Turn]:
    found = []
    for m in TURN.finditer(text):
        end = m.end(3)
        while end > m.start(3) and text[end - 1].isspace():
            end -= 1
        found.append(
            Turn(m.start(1), m.end(1), m.end(2) if m.group(2) else m.end(1), reader_name(m.group(1)), m.start(3), end)
        )
    return found if len(found) >= 2 else []


def transcript_quotes(ctx, refs: Referents) -> list[Quote]:
    text = ctx.article.text
    found = turns(text)
    full = {t.name.split()[-1]: t.name for t in found if len(t.name.split()) > 1}
    out = []
    for t in found:
        name = full.get(t.name, t.name) if len(t.name.split()) == 1 else t.name
        known = next(
            (r.ref for r in refs.items if r.kind == "person" and r.ref.name.split()[-1] == name.split()[-1]), None
        )
        voice = ctx.analysis.voice_at(t.content_start)
        out.append(
            Quote(
                id="",
                kind="direct",
                text=text[t.content_start : t.content_end],
                start=t.content_start,
                end=t.content_end,
                speaker=known or Ref(name, None),
                speaker_mention=text[t.label_start : t.label_end],
                speaker_span=[t.label_start, t.label_end],
                cue=":",
                cue_span=[t.colon, t.colon + 1],
                voice=voice.id,
                via=voice.via,
            )
        )
    for a, b in zip(out, out[1:]):
        if a.text.rstrip().endswith("?") and a.speaker and b.speaker and a.speaker.name != b.speaker.name:
            a.addressee = b.speaker
    return out
