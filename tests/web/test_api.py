"""The REST API in-process (FastAPI's TestClient): every route, errors and status codes, API key, size limit."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from newstrace.corpus.store import Store
from newstrace.web import WebSettings, create_app

from .conftest import SEED, WIRE_OUTLET, WIRE_TITLE, copy_store

KEY = "test-key"


@pytest.fixture(scope="module")
def store(nk_store, tmp_path_factory):
    with Store(copy_store(nk_store, tmp_path_factory.mktemp("api"))) as s:
        yield s


@pytest.fixture(scope="module")
def client(store, seed_analysis):  # seed_analysis: the model is loaded once for the session
    app = create_app(WebSettings(api_key=KEY, max_body_bytes=200_000, analysis_timeout=60), store)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def seed_doc(client):
    r = client.post(
        "/api/analyze",
        json={"text": SEED.read_text(encoding="utf-8"), "published": "2024-03-23"},
        headers={"X-API-Key": KEY},
    )
    assert r.status_code == 200, r.text
    assert r.headers["x-newstrace-stored"] == "true"
    return r.json()


def error_of(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert body["status"] == status and isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in r.text
    return body["error"]


def test_analyze_returns_the_document_and_stores_it(client, seed_doc, seed_analysis):
    assert seed_doc["schema"] == "newstrace/1"
    expected = json.loads(seed_analysis.to_json())
    expected["article"]["source"] = "<text>"  # the same document, read from a request instead of the file
    assert seed_doc == expected
    r = client.get(f"/api/articles/{seed_doc['article']['id']}")
    assert r.status_code == 200 and r.json() == seed_doc
    again = client.post(
        "/api/analyze",
        json={"text": SEED.read_text(encoding="utf-8"), "published": "2024-03-23"},
        headers={"X-API-Key": KEY},
    )
    assert again.status_code == 200 and again.headers["x-newstrace-stored"] == "false"  # already stored


def test_analyze_html_and_bearer_key(client):
    html = (
        "<html><head><title>Talks</title></head><body><article><p>"
        + (
            "The minister said on Monday that the talks would continue. “We will keep talking,” she told reporters. "
            * 3
        )
        + "</p></article></body></html>"
    )
    r = client.post("/api/analyze", json={"html": html}, headers={"Authorization": f"Bearer {KEY}"})
    assert r.status_code == 200, r.text
    assert r.json()["article"]["title"] == "Talks"


def test_api_key(client):
    assert "API key" in error_of(client.post("/api/analyze", json={"text": "x"}), 401)
    error_of(client.post("/api/analyze", json={"text": "x"}, headers={"X-API-Key": "wrong"}), 403)


def test_no_key_needed_without_one(store):
    app = create_app(WebSettings(), None)
    with TestClient(app, raise_server_exceptions=False) as c:
        error_of(c.post("/api/analyze", json={"text": ""}), 422)  # reaches validation: no key asked
        assert "--db" in error_of(c.get("/api/articles"), 503)
        assert c.get("/api/status").json()["store"] is None


@pytest.mark.parametrize(
    "body, words",
    [
        ({}, "exactly one of text, html or url"),
        ({"text": "a", "url": "http://example.com/"}, "exactly one"),
        ({"text": "Some words here.", "published": "23/03/2024"}, "YYYY-MM-DD"),
        ({"text": "Some words.", "colour": "red"}, "colour"),
        ({"url": "ftp://example.com/a"}, "URL"),
        ({"url": "http://127.0.0.1:9/article"}, "refusing to fetch"),
        ({"url": "http://[::1]/article"}, "refusing to fetch"),
        ({"url": "http://10.0.0.1/article"}, "refusing to fetch"),
        ({"text": "Ceci n'est pas un article en anglais, mais un texte écrit en français pour le test."}, ""),
    ],
)
def test_analyze_bad_input_is_422(client, body, words):
    message = error_of(client.post("/api/analyze", json=body, headers={"X-API-Key": KEY}), 422)
    assert words in message


def test_analyze_bad_json_and_size_limit(client):
    r = client.post(
        "/api/analyze", content=b"{not json", headers={"X-API-Key": KEY, "Content-Type": "application/json"}
    )
    assert "not valid JSON" in error_of(r, 422)
    big = json.dumps({"text": "word " * 50_000})
    assert "limit" in error_of(client.post("/api/analyze", content=big, headers={"X-API-Key": KEY}), 413)


def test_analysis_timeout(store):
    app = create_app(WebSettings(analysis_timeout=0.001), None)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/analyze", json={"text": SEED.read_text(encoding="utf-8")})
    assert "took longer" in error_of(r, 504)


def test_articles_search_outlet_dates_paging(client, seed_doc):
    every = client.get("/api/articles", params={"limit": 1000}).json()["items"]
    assert len(every) == 7  # the cluster, its wire copy, the seed and the HTML article
    one = client.get("/api/articles", params={"q": "Blinken Rafah"}).json()["items"]
    assert [a["id"] for a in one] == [seed_doc["article"]["id"]]
    outlet = every[0]["outlet"]
    assert all(outlet in a["outlet"] for a in client.get("/api/articles", params={"outlet": outlet}).json()["items"])
    dated = client.get("/api/articles", params={"from": "2024-01-01", "to": "2024-12-31"}).json()["items"]
    assert [a["published"] for a in dated] == ["2024-03-23"]
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["next_offset"] == 2 and [a["id"] for a in first["items"] + second["items"]] == [
        a["id"] for a in every[:4]
    ]
    error_of(client.get("/api/articles", params={"from": "March"}), 422)
    error_of(client.get("/api/articles", params={"limit": 0}), 422)
    error_of(client.get("/api/articles", params={"limit": "many"}), 422)
    assert "no stored article" in error_of(client.get("/api/articles/nope"), 404)


def test_quotes_by_speaker(client, seed_doc):
    rows = client.get("/api/quotes", params={"speaker": "netanyahu", "limit": 1000}).json()["items"]
    assert rows and all("Netanyahu" in r["speaker"] for r in rows)
    assert client.get("/api/quotes", params={"speaker": "%_nobody"}).json()["items"] == []


def test_statements_and_appearances(client, seed_doc):
    rows = client.get("/api/statements", params={"speaker": "Netanyahu", "limit": 1000}).json()["items"]
    repeated = next(s for s in rows if s["n_quotes"] == 3)  # the seed repeats one statement three times
    one = client.get(f"/api/statements/{repeated['id']}").json()
    assert len(one["appearances"]) == 3 and {a["article_id"] for a in one["appearances"]} == {seed_doc["article"]["id"]}
    first = one["appearances"][0]
    assert one["first_appearance"]["article_id"] == first["article_id"]
    assert one["first_appearance"]["published"] == first["published"]
    error_of(client.get("/api/statements/nope"), 404)
    error_of(client.get(f"/api/statements/{seed_doc['article']['id']}:s999"), 404)


KREMLIN = "europe.chinadaily.com.cn"  # the wire copy's original


def test_statements_across_articles(client, seed_doc):
    r = client.get("/api/statements", params={"min_articles": 2, "limit": 1000})
    assert r.status_code == 200
    rows = r.json()["items"]
    assert rows and all(s["n_articles"] >= 2 and s["n_outlets"] >= 2 for s in rows)
    for s in rows:  # the wire copy repeats the Kremlin article's quotes: the Kremlin article said them first
        assert set(s) >= {
            "id",
            "speaker",
            "text",
            "n_quotes",
            "n_articles",
            "n_outlets",
            "reworded",
            "first_appearance",
        }
        assert s["first_appearance"]["outlet"] == KREMLIN and s["first_appearance"]["published"] == "2017-09-15"
    reworded = [s for s in rows if s["reworded"]]
    assert [s["speaker"] for s in reworded] == ["Dmitry Peskov"] and "deeply worried" in reworded[0]["text"]
    one = client.get(f"/api/statements/{reworded[0]['id']}").json()
    appearances = one["appearances"]
    assert [(a["published"], a["outlet"]) for a in appearances] == [
        ("2017-09-15", KREMLIN),
        ("2017-09-16", WIRE_OUTLET),
    ]
    assert "deeply worried" in appearances[0]["text"] and "deeply concerned" in appearances[1]["text"]
    assert appearances[1]["title"] == WIRE_TITLE and all(a["kind"] for a in appearances)
    assert one["first_appearance"]["article_id"] == appearances[0]["article_id"]
    fewer = client.get("/api/statements", params={"min_articles": 1, "limit": 1000}).json()["items"]
    assert len(fewer) > len(rows) and {s["id"] for s in rows} <= {s["id"] for s in fewer}
    assert client.get("/api/statements", params={"min_articles": 3}).json()["items"] == []
    error_of(client.get("/api/statements", params={"min_articles": 0}), 422)


def test_first_appearance_of_a_wording(client, seed_doc):
    r = client.get("/api/first", params={"q": "sole specific measure"})
    assert r.status_code == 200
    body = r.json()
    assert body["offset"] == 0 and body["next_offset"] is None
    rows = body["items"]
    assert [(q["published"], q["outlet"]) for q in rows] == [("2017-09-15", KREMLIN), ("2017-09-16", WIRE_OUTLET)]
    assert all(q["speaker"] == "Dmitry Peskov" and "sole specific measure" in q["text"] for q in rows)
    assert rows[0]["statement_id"] == rows[1]["statement_id"] and rows[0]["statement_id"].startswith("cs")
    assert rows[0]["copy_of"] is None and rows[1]["copy_of"] == rows[0]["article_id"]
    assert client.get("/api/first", params={"q": "zzzz wording nobody used"}).json()["items"] == []
    error_of(client.get("/api/first"), 422)
    error_of(client.get("/api/first", params={"q": ""}), 422)


def test_copies(client, seed_doc):
    body = client.get("/api/copies").json()
    assert set(body) >= {"items", "limit", "offset", "next_offset"}
    [copy] = body["items"]
    assert set(copy) == {
        "share",
        "published",
        "outlet",
        "title",
        "article_id",
        "original_published",
        "original_outlet",
        "original_title",
        "original_id",
    }
    assert 0.6 <= copy["share"] <= 1
    assert (copy["outlet"], copy["published"], copy["title"]) == (WIRE_OUTLET, "2017-09-16", WIRE_TITLE)
    assert (copy["original_outlet"], copy["original_published"]) == (KREMLIN, "2017-09-15")
    assert "Kremlin" in copy["original_title"]
    for article in (copy["article_id"][:8], copy["original_id"]):
        assert client.get("/api/copies", params={"article": article}).json()["items"] == [copy]
    assert client.get("/api/copies", params={"article": seed_doc["article"]["id"]}).json()["items"] == []
    stories = client.get("/api/stories", params={"limit": 1000}).json()["items"]
    assert {"article_id": copy["article_id"], "copy_of": copy["original_id"]}.items() <= next(
        s for s in stories if s["article_id"] == copy["article_id"]
    ).items()


def test_corpus_events(client, seed_doc):
    rows = client.get("/api/corpus-events", params={"min_sources": 2}).json()["items"]
    assert rows and all(e["num_sources"] >= 2 and e["num_articles"] >= 2 for e in rows)
    assert any(e["source"] == "North Korea" and e["type"] == "ASSAULT" for e in rows)
    every = client.get("/api/corpus-events", params={"limit": 1000}).json()["items"]
    assert len(every) > len(rows)
    error_of(client.get("/api/corpus-events", params={"min_sources": 0}), 422)


def test_events_filters(client, seed_doc):
    every = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert every
    ev = next(e for e in every if e["source"] and e["target"] and e["date"])
    picked = client.get(
        "/api/events",
        params={
            "source": ev["source"],
            "target": ev["target"],
            "type": ev["type"].lower(),
            "from": ev["date"],
            "to": ev["date"],
        },
    ).json()["items"]
    assert ev in picked
    prk = client.get("/api/events", params={"source": "PRK"}).json()["items"]
    assert prk and all(e["source_code"].startswith("PRK") for e in prk)


def test_an_unknown_event_type_is_a_client_error_naming_the_types(client):
    res = client.get("/api/events", params={"type": "PARTY"})
    assert res.status_code == 422 and "ASSAULT" in res.json()["error"]


def test_claims_entities_stories_status(client, seed_doc):
    claims = client.get("/api/claims", params={"limit": 1000}).json()["items"]
    assert claims and all("claim" in c for c in claims)
    word = claims[0]["claim"].split()[-1]
    assert all(
        word.lower() in c["claim"].lower() for c in client.get("/api/claims", params={"q": word}).json()["items"]
    )
    netanyahu = next(e for e in seed_doc["entities"] if e["name"] == "Benjamin Netanyahu")
    for key in (netanyahu["kb_id"], "benjamin netanyahu", f"{seed_doc['article']['id']}:{netanyahu['id']}"):
        found = client.get(f"/api/entities/{key}").json()
        assert found["name"] == "Benjamin Netanyahu" and found["articles"][0]["mentions"] > 3
        assert found["quotes"] and found["roles"]
    error_of(client.get("/api/entities/Q0"), 404)
    stories = client.get("/api/stories").json()
    assert stories["items"], "the North Korea articles of the test store make at least one story"
    assert all(r["story_id"].startswith("st") and r["size"] >= 2 and r["article_id"] for r in stories["items"])
    status = client.get("/api/status").json()
    assert status["writable"] and status["api_key_required"] and status["counts"]["articles"] == 7


def test_errors_are_json(client):
    assert "/api/nothing" in error_of(client.get("/api/nothing"), 404)
    error_of(client.delete("/api/articles"), 405)
    error_of(client.get("/api/analyze"), 405)


def test_page_openapi_and_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and "/static/app.js" in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    for name in ("app.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/analyze",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/statements",
        "/api/statements/{statement_id}",
        "/api/events",
        "/api/claims",
        "/api/entities/{entity_id}",
        "/api/stories",
        "/api/first",
        "/api/copies",
        "/api/corpus-events",
    ):
        assert path in paths
    assert "script-src 'self'" in client.get("/api/stories").headers["content-security-policy"]


def test_the_api_reference_page_needs_nothing_from_outside(client):
    r = client.get("/docs")
    assert r.status_code == 200 and "GET /api/quotes" in r.text and "/openapi.json" in r.text
    assert "<script" not in r.text
    assert not re.search(r"(src|href)=\"?https?://", r.text)  # no CDN: the page works offline
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/redoc").status_code == 404


def test_serve_command_is_registered():
    from typer.testing import CliRunner

    from newstrace.cli import app

    r = CliRunner().invoke(app, ["serve", "--help"])
    assert r.exit_code == 0 and "--api-key" in r.output
    r = CliRunner().invoke(app, ["serve", "--db", "/no/such/folder/x.duckdb"])
    assert r.exit_code == 2


def test_query_parameters_are_bounded(client):
    assert client.get("/api/quotes", params={"speaker": "x" * 501}).status_code == 422
    assert client.get("/api/articles", params={"offset": 10**12}).status_code == 422
    assert client.get("/api/quotes", params={"limit": 10**6}).status_code == 422
