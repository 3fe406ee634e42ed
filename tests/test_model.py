"""The typed model: a real analysis survives JSON and back, and the JSON has the contract's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.model import SCHEMA, Analysis, Article, Quote, Ref, Voice

CONTRACT_KEYS = [
    "schema",
    "article",
    "voices",
    "entities",
    "quotes",
    "statements",
    "events",
    "claims",
    "framing",
    "checks",
]


def test_real_analysis_round_trips_through_json(seed_analysis):
    again = Analysis.from_json(seed_analysis.to_json())
    assert again == seed_analysis
    assert again.to_json() == seed_analysis.to_json()


def test_round_trip_keeps_nested_types(seed_analysis):
    again = Analysis.from_json(seed_analysis.to_json())
    assert again.quotes and all(isinstance(q, Quote) for q in again.quotes)
    assert all(isinstance(q.speaker, Ref) for q in again.quotes if q.speaker is not None)
    assert all(isinstance(v, Voice) for v in again.voices)


def test_json_starts_with_the_schema_and_has_every_contract_key(seed_analysis):
    doc = json.loads(seed_analysis.to_json())
    assert list(doc)[0] == "schema"
    assert doc["schema"] == SCHEMA == "newstrace/1"
    assert set(CONTRACT_KEYS) <= set(doc)
    assert set(doc["framing"]) >= {"spans", "descriptors"}


def test_article_keys_follow_the_contract(seed_analysis):
    article = json.loads(seed_analysis.to_json())["article"]
    assert set(article) >= {
        "id",
        "title",
        "text",
        "source",
        "url",
        "outlet",
        "published",
        "authors",
        "tags",
        "language",
    }


def test_a_small_hand_built_analysis_round_trips():
    a = Analysis(
        article=Article(id="x", title="T", text="“Hi,” Ann said."),
        voices=[Voice(id="v0", kind="article")],
        quotes=[Quote(id="q1", kind="direct", text="Hi", start=1, end=3, speaker=Ref("Ann"), cue_span=[9, 13])],
    )
    text = a.to_json(indent=None)
    assert text.startswith('{"schema": "newstrace/1"')
    assert Analysis.from_json(text) == a


def test_unknown_keys_are_ignored_and_a_wrong_schema_is_refused():
    doc = Analysis(article=Article(id="x", title="", text="t")).to_dict()
    doc["added_later"] = {"anything": 1}
    doc["article"]["extra"] = True
    assert Analysis.from_dict(doc).article.text == "t"
    doc["schema"] = "newstrace/0"
    with pytest.raises(ValueError, match="newstrace/1"):
        Analysis.from_dict(doc)


def test_seed_document_validates_against_the_published_schema(seed_analysis):
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parents[1] / "docs" / "newstrace-1.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(json.loads(seed_analysis.to_json()))
    broken = json.loads(seed_analysis.to_json())
    broken["quotes"][0]["start"] = "oops"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_published_schema_is_the_generated_one():
    from newstrace.model import json_schema_text

    on_disk = (Path(__file__).resolve().parents[1] / "docs" / "newstrace-1.schema.json").read_text()
    assert on_disk == json_schema_text(), "run: .venv/bin/newstrace schema -o docs/newstrace-1.schema.json"


def test_loading_rejects_a_wrongly_typed_field(seed_analysis):
    data = json.loads(seed_analysis.to_json())
    data["quotes"][0]["start"] = "oops"
    with pytest.raises(ValueError, match=r"quotes\.0\.start"):
        Analysis.from_dict(data)
