"""The typed model of a newstrace/1 analysis document (docs/output-format in ../shared is the contract).

Every interface (CLI, Python API, exports) goes through these classes, so they mirror the JSON exactly:
field names here are the JSON keys. Fields may be added; none may be renamed without a new schema.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass, field
from typing import Optional, Union, cast

from pydantic import TypeAdapter

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
    # [start, end) of each passage the page set as a block quote (HTML <blockquote>): a relay's exact extent
    blockquotes: list[list[int]] = field(default_factory=list)


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

    @property
    def via(self) -> Optional[str]:
        """The outlet what is said in this stretch came through: a relay's outlet, None in the article's voice."""
        return self.outlet if self.kind == "relay" else None


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
    clause: Optional[str] = None  # a partial quote inside a reported clause: that indirect quote's id


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
    date_precision: Optional[str] = None  # day | week | month | year: how much of `date` the text names


@dataclass
class Claim:
    id: str
    text: str
    value: Union[int, float]
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
    start: Optional[int] = None  # characters of the article text the check points at (its `text`)
    end: Optional[int] = None
    field: str = "text"  # "title": the check is about the headline (no offsets)


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
        """The newstrace/1 document as plain JSON data, "schema" first."""
        d = _adapter().dump_python(self, mode="json")
        return {"schema": d.pop("schema"), **d}

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict) -> Analysis:
        """Validate and load a newstrace/1 document; ValueError (pydantic's ValidationError) names the bad field."""
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            schema = data.get("schema") if isinstance(data, dict) else None
            raise ValueError(f"not a {SCHEMA} document (schema={schema!r})")
        return _adapter().validate_python(data)

    @classmethod
    def from_json(cls, text: str | bytes) -> Analysis:
        return cls.from_dict(json.loads(text))

    # Helpers every stage uses.
    def voice_at(self, offset: int) -> Voice:
        """The innermost voice that covers a text offset (the article's own voice when no relay does)."""
        for v in self.voices:
            if v.kind == "relay" and v.start is not None and v.start <= offset < cast(int, v.end):
                return v
        return self.voices[0]

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


@functools.lru_cache(maxsize=1)
def _adapter() -> TypeAdapter[Analysis]:
    return TypeAdapter(Analysis)


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a newstrace/1 document, generated from these classes."""
    schema = _adapter().json_schema(mode="serialization")
    schema["title"] = "newstrace/1 analysis document"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "newstrace-1.schema.json", **schema}


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
