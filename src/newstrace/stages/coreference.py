"""Stage 'coreference': the pronoun and description mentions the quotes stage resolved to a known entity
("he", "the Israeli leader") join that entity's mentions, through the entity index so it stays in step."""

from __future__ import annotations

from ..model import Mention


def run(ctx) -> None:
    text = ctx.article.text
    for q in ctx.analysis.quotes:
        if not (q.speaker and q.speaker.entity and q.speaker_span and q.field == "text"):
            continue
        ent = ctx.analysis.entity(q.speaker.entity)
        s, e = q.speaker_span
        others = (
            m
            for o in ctx.analysis.entities
            if o is not ent and o.type == "PERSON"
            for m in o.mentions
            if m.field == "text"
        )
        if any(s <= m.start and m.end <= e for m in others):
            continue  # 'Senator Warren and congresswoman Ocasio-Cortez': two people, not one mention of either
        if ent and not any(m.start == s and m.end == e for m in ent.mentions):
            ctx.entity_index.add_mention(ent.id, Mention(s, e, text[s:e]))
            ent.mentions.sort(key=lambda m: (m.field != "title", m.start))
