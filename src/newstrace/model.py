"""The typed model of a newstrace/1 analysis document (docs/output-format in ../shared is the contract).

Every interface (CLI, Python API, exports) goes through these classes, so they mirror the JSON exactly:
field names here are the JSON keys. Fields may be added; none may be renamed without a new schema.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional

SCHEMA = "newstrace/1"


@dataclass
class Article:
    id: str
    title: str
    text: str
    source: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str = "en"


@dataclass
class Voice:
    """Who is talking in a stretch of text: the article itself (kind 'article', no span) or a relayed outlet."""
    id: str
    kind: str
    outlet: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    intro: Optional[str] = None
    intro_start: Optional[int] = None
    intro_end: Optional[int] = None
    date_text: Optional[str] = None
    date: Optional[str] = None


@dataclass
class Ref:
    name: str
    entity: Optional[str] = None


@dataclass
class ActorRef:
    name: str
    entity: Optional[str] = None
    code: Optional[str] = None
    mention: Optional[str] = None  # the phrase as written ("Senior Hungarian officials"), which the scorers also read


@dataclass
class Mention:
    start: int
    end: int
    text: str
    field: str = "text"


@dataclass
class Entity:
    id: str
    name: str
    type: str
    country: Optional[str] = None
    kb_id: Optional[str] = None
    code: Optional[str] = None
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quote:
    id: str
    kind: str  # direct | partial | indirect | scare
    text: str
    start: int
    end: int
    field: str = "text"
    speaker: Optional[Ref] = None
    speaker_mention: Optional[str] = None
    speaker_span: Optional[list[int]] = None
    cue: Optional[str] = None
    cue_span: Optional[list[int]] = None
    addressee: Optional[Ref] = None
    medium: Optional[str] = None
    voice: str = "v0"
    via: Optional[str] = None
    statement: Optional[str] = None
    evidence: Optional[str] = None  # the sentence an indirect quote was read from
    fragments: list[Mention] = dataclasses.field(default_factory=list)  # quoted words inside an indirect quote


@dataclass
class Statement:
    id: str
    speaker: Optional[Ref]
    quotes: list[str]
    text: str


@dataclass
class Event:
    id: str
    type: str
    source: Optional[ActorRef]
    target: Optional[ActorRef]
    trigger: str
    evidence: str
    start: int
    end: int
    cameo: Optional[str] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    location: Optional[Ref] = None
    voice: str = "v0"
    via: Optional[str] = None
    negated: bool = False
    modality: str = "asserted"  # asserted | reported | intended | hypothetical


@dataclass
class Claim:
    id: str
    text: str
    value: float
    start: int
    end: int
    unit: Optional[str] = None
    approx: Optional[str] = None
    counted: Optional[str] = None
    voice: str = "v0"
    via: Optional[str] = None
    attributed_to: Optional[Ref] = None


@dataclass
class FramingSpan:
    start: int
    end: int
    text: str
    technique: str
    voice: str = "v0"
    field: str = "text"


@dataclass
class Descriptor:
    entity: Ref
    voice: str
    phrases: list[str]
    via: Optional[str] = None


@dataclass
class Framing:
    spans: list[FramingSpan] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)


@dataclass
class Check:
    kind: str
    text: str
    detail: str
    via: Optional[str] = None
    article_says: Optional[str] = None
    source_says: Optional[str] = None


@dataclass
class Analysis:
    article: Article
    voices: list[Voice] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    framing: Framing = field(default_factory=Framing)
    checks: list[Check] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict:
        d = _dump(self)
        return {"schema": d.pop("schema"), **d}

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict) -> "Analysis":
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")
        return _load(cls, data)

    @classmethod
    def from_json(cls, text: str) -> "Analysis":
        return cls.from_dict(json.loads(text))

    # Helpers every stage uses.
    def voice_at(self, offset: int) -> Voice:
        """The innermost voice that covers a text offset (the article's own voice when no relay does)."""
        for v in self.voices:
            if v.kind == "relay" and v.start is not None and v.start <= offset < v.end:
                return v
        return self.voices[0]

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def _dump(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return {f.name: _dump(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list):
        return [_dump(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _dump(v) for k, v in obj.items()}
    return obj


def _load(tp: Any, data: Any) -> Any:
    """Build a dataclass tree from plain JSON data, following the type hints; unknown keys are ignored."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _load(inner[0], data) if len(inner) == 1 else data
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        return [_load(arg, x) for x in data]
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        kwargs = {f.name: _load(hints[f.name], data[f.name]) for f in dataclasses.fields(tp) if f.name in data}
        return tp(**kwargs)
    return data
