"""Outlets as channels: words told to an outlet, or an outlet's report cited, come via that outlet."""

from __future__ import annotations

from .speakers import Referents


def channel_outlets(refs: Referents, quotes: list) -> None:
    """An outlet is a channel: words told to an outlet ('officials told the Gazette that …') come via
    it, and so does the next quote of the same speaker in that paragraph ('“…,” one of them said'); an
    outlet's report cited with 'according to' is relayed through it."""
    told: dict[str, tuple[str, int]] = {}
    text = refs.ctx.article.text
    for q in sorted(quotes, key=lambda q: q.start):
        if q.field != "text" or q.via is not None:
            continue
        key = q.speaker.name if q.speaker is not None else ""
        if q.addressee is not None and refs.is_outlet(q.addressee.name):
            q.via = q.addressee.name
            told[key] = (q.via, q.end)
        elif (
            q.kind == "indirect"
            and q.speaker
            and (q.cue or "").lower() == "according"
            and refs.is_outlet(q.speaker.name)
        ):
            q.via = q.speaker.name
        elif key in told and "\n" not in text[told[key][1] : q.start]:
            q.via = told.pop(key)[0]
