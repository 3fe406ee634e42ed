"""The entities stage: KB-linked, document-level entities with mentions, and the entity index."""

from __future__ import annotations

import json

from newstrace.model import Mention

BODY = (
    "Prime Minister Benjamin Netanyahu met the visiting Secretary of State in Jerusalem on Tuesday. "
    "Netanyahu told reporters that Israeli forces would stay in Khan Younis.\n\n"
    "Washington has urged restraint, and the U.S. and the United States Congress disagree. "
    "Mr Smith, a farmer, was quoted too. Later John Smith added that the 30 mm rain was heavy. "
    "Officials from Hamas and the IDF did not comment. The UN Security Council will meet on Friday."
)


def by_name(analysis, name):
    return next((e for e in analysis.entities if e.name == name), None)


def test_entities_are_linked_and_grouped(analyze_text):
    a = analyze_text(BODY, title="Netanyahu defies US over Khan Younis", published="2024-02-06")
    bibi = by_name(a, "Benjamin Netanyahu")
    assert bibi.type == "PERSON" and bibi.country == "ISR" and bibi.code == "ISRGOV"
    assert bibi.roles == ["Prime Minister of Israel"] and bibi.kb_id == "Q43723"
    texts = [m.text for m in bibi.mentions]
    assert "Netanyahu" in texts and "Benjamin Netanyahu" in texts
    assert any(m.field == "title" for m in bibi.mentions)
    us = by_name(a, "United States")
    assert {"U.S.", "US"} <= {m.text for m in us.mentions}
    assert by_name(a, "Washington").code == "USAGOV"
    assert by_name(a, "Khan Younis").type == "GPE" and by_name(a, "Khan Younis").country == "PSE"
    assert by_name(a, "Hamas").country == "PSE"
    assert by_name(a, "Israel Defense Forces").code == "ISRMIL"
    assert by_name(a, "United Nations Security Council").country == "UN"


def test_surname_joins_full_name_and_titles_are_dropped(analyze_text):
    a = analyze_text(BODY, published="2024-02-06")
    smith = [e for e in a.entities if "Smith" in e.name]
    assert len(smith) == 1 and smith[0].name == "John Smith" and smith[0].type == "PERSON"


def test_no_junk_entities(analyze_text):
    a = analyze_text(BODY, published="2024-02-06")
    names = {e.name for e in a.entities}
    assert "mm" not in names and "State" not in names
    assert not any(e.type in ("DATE", "CARDINAL", "QUANTITY") for e in a.entities)
    assert [e.id for e in a.entities] == [f"e{i}" for i in range(1, len(a.entities) + 1)]
    for e in a.entities:
        for m in e.mentions:
            src = a.article.title if m.field == "title" else a.article.text
            assert src[m.start : m.end] == m.text


def test_kb_type_outranks_the_model(analyze_text):
    a = analyze_text(
        "Rafah braced for an offensive. Residents of Rafah fled north as Rafah emptied.", published="2024-03-01"
    )
    rafah = by_name(a, "Rafah")
    assert rafah.type == "GPE" and rafah.country == "PSE" and len(rafah.mentions) == 3


def test_entity_index(analyze_text):
    from newstrace import pipeline
    from newstrace.clean import make_article

    ctx = pipeline.run_with_timings(
        make_article(BODY, title="Talks in Jerusalem", published="2024-02-06", source="<test>")
    )
    a, index = ctx.analysis, ctx.entity_index
    text = a.article.text
    at = text.index("Khan Younis")
    assert index.at(at).name == "Khan Younis"
    assert index.at(at, at + len("Khan Younis")).name == "Khan Younis"
    assert index.at(text.index("restraint")) is None
    assert index.by_name("Bibi").name == "Benjamin Netanyahu"
    assert index.by_name("the U.S.").name == "United States"
    bibi = index.by_name("Netanyahu")
    he = text.index("told")
    index.add_mention(bibi.id, Mention(he, he + 4, "told", "text"))
    assert index.at(he) is bibi and bibi.mentions[-1].text == "told"
    assert a.entity(bibi.id) is bibi


def test_seed_entities(seed_analysis):
    d = json.loads(seed_analysis.to_json())
    ents = {e["name"]: e for e in d["entities"]}
    for name, country in [
        ("Benjamin Netanyahu", "ISR"),
        ("Antony Blinken", "USA"),
        ("Josep Borrell", "EU"),
        ("Rafah", "PSE"),
        ("United Nations Security Council", "UN"),
        ("Israel Defense Forces", "ISR"),
    ]:
        assert ents[name]["country"] == country, name
    assert ents["Rafah"]["type"] == "GPE"
    assert ents["Antony Blinken"]["type"] == "PERSON"
    assert not any(e["name"] == "mm" for e in d["entities"])


US_STORY = (
    "Sen. Walter Pemberton (D-Conn.) spoke in Hartford on Monday. Later Ohio Governor Margaret Okafor "
    "joined Republican Dale Whitcombe at a rally in Dayton, Ohio. The Lithuania Policy Institute, a group "
    "studying Lithuania, praised Okafor. Pemberton's aide Lena Varga said the Senate would vote. "
    "Varga spoke in Columbus."
)


def test_countries_from_the_articles_own_context(analyze_text):
    a = analyze_text(US_STORY, title="Senators meet", published="2019-05-06")
    countries = {e.name: e.country for e in a.entities}
    assert countries.get("Walter Pemberton") == "USA"  # party tag
    assert countries.get("Margaret Okafor") == "USA"  # "Ohio Governor" before the name
    assert countries.get("Hartford") == "USA"  # a city the knowledge base places (Phoenix dictionary)
    assert countries.get("Lena Varga") == "USA"  # the article's home country
    institute = next(e for e in a.entities if "Policy Institute" in e.name)
    assert institute.country != "LTU"  # named after what it studies, not Lithuania's
