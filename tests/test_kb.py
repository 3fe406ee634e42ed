"""The knowledge base: loading, lookups by name and date, role holders, the matcher, user files, CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newstrace import kb
from newstrace.cli.app import app
from newstrace.errors import InputError
from newstrace.kb.matcher import Matcher, matcher


@pytest.fixture(scope="module")
def base():
    return kb.load(())


def test_every_bundled_file_names_its_source():
    for f in kb.bundled_files():
        first = json.loads(f.read_text(encoding="utf-8").splitlines()[0])
        assert first.get("_source"), f.name


def test_bundled_kb_has_the_promised_kinds(base):
    kinds = {e.kind for e in base.entries}
    assert {"country", "capital", "igo", "group", "institution", "outlet", "person", "place"} <= kinds
    assert len(base.entries) >= 1000
    assert len(base.countries) >= 190


def test_country_names_demonyms_and_codes(base):
    us = base.lookup("U.S.")[0]
    assert (us.name, us.country, us.type) == ("United States", "USA", "GPE")
    assert base.lookup("Americans")[0] is us
    assert base.lookup("Ukrainians")[0].country == "UKR"
    assert base.country("FRA").name == "France"


def test_capital_stands_for_its_government(base):
    moscow = base.lookup("Moscow")[0]
    assert moscow.country == "RUS" and moscow.code == "RUSGOV"


def test_office_holder_code_and_roles_follow_the_date(base):
    bibi = base.lookup("Netanyahu")[0]
    assert bibi.code_on("2024-03-23") == "ISRGOV"
    assert "Prime Minister of Israel" in [r.role for r in bibi.roles_on("2024-03-23")]
    assert bibi.roles_on("2022-01-01") == []  # Bennett and Lapid years
    borrell = base.lookup("Josep Borrell")[0]
    assert borrell.country_on("2024-03-23") == "EU"  # acts for the EU while High Representative
    assert borrell.country_on("2010-01-01") == "ESP"


def test_holder_of_role_phrases(base):
    assert base.holder_of("the top US diplomat", date="2024-03-23").name == "Antony Blinken"
    assert base.holder_of("the Secretary of State", date="2019-06-01").name == "Mike Pompeo"
    assert base.holder_of("prime minister", "ISR", "2022-03-01").name == "Naftali Bennett"
    assert base.holder_of("the Israeli leader", date="2024-03-23").name == "Benjamin Netanyahu"
    assert base.holder_of("Kremlin chief", date="2023-05-01").name == "Vladimir Putin"
    assert base.holder_of("EU foreign policy chief", date="2024-03-23").name == "Josep Borrell"
    assert base.holder_of("German chancellor", date="2023-01-01").name == "Olaf Scholz"
    assert base.holder_of("the weather", date="2024-03-23") is None


def test_matcher_respects_case_and_compounds():
    found = matcher(()).find(
        "Let us ask WHO and the US, not who. Anti-Israel and anti-Israel marches; "
        "the Security Council met, the security council did not."
    )
    names = [(h.text, h.entry.name) for h in found]
    assert ("WHO", "World Health Organization") in names
    assert ("US", "United States") in names
    assert not any(t in ("us", "who", "security council") for t, _ in names)
    assert ("Security Council", "United Nations Security Council") in names
    assert (
        sum(1 for t, _ in names if t == "Israel") == 1
    )  # "Anti-Israel" keeps its capital; "anti-Israel" does not count


def test_matcher_prefers_longest_name_and_marks_demonyms():
    hits = matcher(()).find("Israeli troops entered the Gaza Strip near Khan Younis.")
    assert [(h.text, h.entry.name, h.type) for h in hits] == [
        ("Israeli troops", "Israel Defense Forces", "ORG"),
        ("Gaza Strip", "Gaza Strip", "GPE"),
        ("Khan Younis", "Khan Younis", "GPE"),
    ]
    demonym = matcher(()).find("Chinese diplomats")[0]
    assert (demonym.entry.name, demonym.type, demonym.how) == ("China", "NORP", "demonym")


def test_user_file_extends_and_outranks(tmp_path):
    f = tmp_path / "mine.jsonl"
    f.write_text(
        '{"_source": "test entries written for this test"}\n'
        '{"id": "org:acme", "name": "Acme Widgets", "aliases": ["Acme"], "type": "ORG", "kind": "company", "country": "CAN", "code": "CANBUS"}\n'
        '{"id": "place:moscow-idaho", "name": "Moscow", "type": "GPE", "kind": "place", "country": "USA"}\n',
        encoding="utf-8",
    )
    mine = kb.load((str(f),))
    assert mine.lookup("Acme")[0].country == "CAN"
    assert mine.lookup("Moscow")[0].id == "place:moscow-idaho"  # the user's entry first
    assert Matcher(mine).find("Acme said so.")[0].entry.id == "org:acme"
    assert kb.load(()).lookup("Acme") == []  # the package itself is untouched


def test_bad_user_files_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        kb.load((str(tmp_path / "missing.jsonl"),))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "ok"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:2"):
        kb.load((str(bad),))


def test_cli_lookup_json_text_and_unknown(tmp_path):
    runner = CliRunner()
    r = runner.invoke(app, ["kb", "lookup", "Blinken", "--date", "2024-03-23"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert (
        d["name"] == "Antony Blinken"
        and d["code"] == "USAGOV"
        and d["roles_on_date"] == ["United States Secretary of State"]
    )
    r = runner.invoke(app, ["kb", "lookup", "the top US diplomat", "--date", "2021-06-01", "--format", "text"])
    assert r.exit_code == 0 and "Blinken" in r.stdout
    r = runner.invoke(app, ["kb", "lookup", "Zzyzx Nobody"])
    assert r.exit_code == 1 and "not in the knowledge base" in r.output
    f = tmp_path / "mine.jsonl"
    f.write_text(
        '{"_source": "test"}\n{"name": "Zzyzx Nobody", "type": "PERSON", "kind": "person"}\n', encoding="utf-8"
    )
    r = runner.invoke(app, ["kb", "lookup", "Zzyzx Nobody", "--kb", str(f)])
    assert r.exit_code == 0 and json.loads(r.stdout)["source"] == str(f)
