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


def types_of(a):
    return {e.name: e.type for e in a.entities}


def test_places_from_what_they_own_and_where_they_stand(analyze_text):
    a = analyze_text(
        "Talks collapsed between Quenmark and Ostravel on Sunday.\n\n"
        "Quenmark's defence minister, Halvard Brekke, said Ostravel had moved troops into the contested "
        "Dunmere Flats overnight. Ostravel's interior ministry denied it.\n\n"
        "Lorries have waited at the Tarnby crossing since Friday, and the town of Wellick has run out of fuel. "
        "A vigil was held in Esterholt on Saturday.",
        title="Border talks collapse",
        published="2025-03-03",
    )
    types = types_of(a)
    for place in ("Quenmark", "Ostravel", "Tarnby", "Wellick", "Esterholt"):
        if place in types:
            assert types[place] in ("GPE", "LOC", "FAC"), (place, types[place])
    assert types.get("Quenmark") == "GPE" and types.get("Ostravel") == "GPE"
    assert types.get("Halvard Brekke") == "PERSON"


def test_a_country_named_by_its_demonym_is_a_place(analyze_text):
    a = analyze_text(
        "Dornhal has closed its airspace to Pellivar, Pellivarian officials said.",
        published="2025-04-01",
    )
    assert types_of(a).get("Pellivar") == "GPE"


def test_people_from_their_roles_and_organisations_from_their_nouns(analyze_text):
    a = analyze_text(
        "The ferry operator, Solway Link, said sailings would resume on Tuesday. Campaign group Keep "
        "Kirkby Moving welcomed the news.\n\n"
        "Shipping analyst Rhiannon Tegwyn said the delay had cost the firm dearly. Its finance director, "
        "Benedikt Osterhaus, blamed the weather. Osterhaus said repairs were under way.\n\n"
        "Investment firm Caldera Partners, which owns a stake in the line, declined to comment.",
        published="2025-05-02",
    )
    types = types_of(a)
    assert types.get("Rhiannon Tegwyn") == "PERSON"
    assert types.get("Benedikt Osterhaus") == "PERSON"
    assert not any(e.name == "Osterhaus" for e in a.entities)  # the surname is the same person
    assert types.get("Caldera Partners") == "ORG"
    assert types.get("Solway Link") in ("ORG", None)
    for e in a.entities:
        if "Kirkby" in e.name and len(e.name.split()) > 1:
            assert e.type == "ORG", e.name


def test_an_outlet_and_its_short_name_are_one_organisation(analyze_text):
    a = analyze_text(
        "Two officials told the Lindenport Courier that the tax would rise. According to the Courier, the "
        "treasury has drafted the change. The Courier said it had seen the papers.",
        published="2025-06-10",
    )
    courier = [e for e in a.entities if "Courier" in e.name]
    assert len(courier) == 1 and courier[0].name == "Lindenport Courier" and courier[0].type == "ORG"
    assert len({m.end for m in courier[0].mentions}) == 3


def test_a_company_short_name_joins_its_full_name(analyze_text):
    a = analyze_text(
        "Fairwind Media, a charity that campaigns for safer apps, will spend $2 million. Money from "
        "Fairwind will also pay for adverts, said Ottilie Brandt, who runs the campaign.",
        published="2025-06-10",
    )
    fairwind = [e for e in a.entities if "Fairwind" in e.name]
    assert [e.type for e in fairwind] == ["ORG"]
    assert types_of(a).get("Ottilie Brandt") == "PERSON"


def test_names_that_are_no_entity_of_a_kept_kind(analyze_text):
    a = analyze_text(
        "The rocket fell into the sea at 4.10pm local time (7.10am UTC), the Dowland Observer reported. "
        "Villagers in Marsh End had marked Founders Remembrance Day the week before, in Aurelio Brandt's "
        "Winter Tales.",
        title="Lighthouse keepers warn of storms",
        published="2025-06-10",
    )
    names = {e.name for e in a.entities}
    assert "UTC" not in names
    assert not any(n.endswith("Remembrance Day") for n in names)
    assert not any(e.name == "Winter Tales" and e.type in ("PERSON", "GPE", "ORG") for e in a.entities)
    assert not any(e.name == "Lighthouse" for e in a.entities)  # a headline's capitalised common word


def test_a_possessed_common_noun_is_not_part_of_the_name(analyze_text):
    a = analyze_text(
        "Tamsin Oyelowo, a baker, opened at dawn. Oyelowo’s bakery, on Heron Street, sells out by noon.",
        published="2025-06-10",
    )
    types = types_of(a)
    assert types.get("Tamsin Oyelowo") == "PERSON"
    assert not any("bakery" in e.name for e in a.entities)
    assert types.get("Heron Street") in (None, "FAC", "LOC", "GPE")


def test_name_shapes_that_tell_the_kind():
    from newstrace.stages.entities.candidates import Candidate
    from newstrace.stages.entities.types import _name_evidence

    def kinds(name, label="PERSON", text="Nothing here."):
        return {k for k, _ in _name_evidence(Candidate(0, len(name), name, "text", label), text)}

    assert "ORG" in kinds("HostBarn")  # a company's camel case
    assert "ORG" not in kinds("McCallum") and "ORG" not in kinds("DeLuca")  # a surname's
    assert "ORG" in kinds("Brightwater Partners") and "ORG" in kinds("Dunmore Gazette")
    assert "FAC" in kinds("Heron Street", "ORG")
    assert "DROP" in kinds("Founders Remembrance Day", "FAC") and "DROP" in kinds("CET", "ORG")
    assert "DROP" not in kinds("Lorna Day")  # a person named Day
    assert "PERSON" in kinds("Michael Bay")


def test_transcript_speakers_are_people_named_as_a_reader_writes_them(analyze_text):
    a = analyze_text(
        "This is a transcript of Monday's programme on Coastline FM.\n\n"
        "ELSPETH MWANGI, COASTLINE FM: Will the ferry run this summer?\n\n"
        "PORT DIRECTOR TOBIAS LINDQVIST: It will run from June.\n\n"
        "MWANGI: And the fares?\n\n"
        "LINDQVIST: They will not rise.",
        published="2025-06-10",
    )
    people = {e.name: e for e in a.entities if e.type == "PERSON"}
    assert set(people) >= {"Elspeth Mwangi", "Tobias Lindqvist"}
    assert len(people["Elspeth Mwangi"].mentions) >= 2
    speakers = {q.speaker.name: q.speaker.entity for q in a.quotes if q.speaker}
    assert speakers.get("Elspeth Mwangi") == people["Elspeth Mwangi"].id


def test_a_role_noun_before_a_name_is_not_part_of_it(analyze_text):
    a = analyze_text(
        "Headteacher Rosalind Varga said the school would close. Harbourmaster Pim Okoro agreed.",
        published="2025-03-03",
    )
    names = {e.name for e in a.entities if e.type == "PERSON"}
    assert {"Rosalind Varga", "Pim Okoro"} <= names


def test_a_town_from_its_mayor_and_harbour(analyze_text):
    a = analyze_text(
        "The harbour of Dunlow could close to ferries by March. Dunlow's mayor, Agnes Ferrow, said the "
        "town council had written to the ministry.",
        title="Dredging delay threatens ferries at Dunlow",
        published="2025-03-03",
    )
    assert types_of(a).get("Dunlow") == "GPE"
    assert types_of(a).get("Agnes Ferrow") == "PERSON"


def test_a_place_in_a_known_place_takes_its_country(analyze_text):
    a = analyze_text(
        "The missile was fired from Tongchang in Pyongyang before dawn, South Korea's military said.",
        published="2025-03-03",
    )
    place = next((e for e in a.entities if e.name == "Tongchang"), None)
    assert place is not None and place.country == "PRK"


def test_an_international_body_takes_no_home_country(analyze_text):
    a = analyze_text(
        "Senator Walter Pemberton of Ohio said Washington would answer. Governor Lena Varga of Texas agreed, "
        "and Dale Whitcombe of Florida said NATO should meet. Pemberton spoke in Columbus, Ohio.",
        published="2019-05-06",
    )
    nato = next(e for e in a.entities if e.name == "NATO")
    assert nato.country is None
    assert next(e for e in a.entities if e.name == "Dale Whitcombe").country == "USA"


def test_a_headline_word_that_also_starts_a_name_is_no_entity(analyze_text):
    a = analyze_text(
        "A two-day ferry strike was called off on Monday, the crews' union said. Passengers' group "
        "Ferry Riders Orkney welcomed the deal.",
        title="Ferry strike called off",
        published="2025-03-03",
    )
    assert not any(e.name == "Ferry" for e in a.entities)


def test_a_speaker_referred_to_as_she_is_a_person(analyze_text):
    a = analyze_text(
        "Ottoline Vantwest said the canal had silted up. “We tried everything,” she said.",
        published="2025-03-03",
    )
    assert types_of(a).get("Ottoline Vantwest") == "PERSON"


def test_state_codes_and_abbreviations_are_the_state(analyze_text):
    a = analyze_text(
        "She trained at Fort Jackson, SC and later taught in Austin, TX. Her brother lives in Norwalk, Conn., "
        "and visits Connecticut's coast each summer.",
        published="2025-03-03",
    )
    by = {e.name: e for e in a.entities}
    assert by["South Carolina"].country == "USA" and [m.text for m in by["South Carolina"].mentions] == ["SC"]
    assert by["Texas"].type == "GPE" and by["Austin"].type == "GPE"
    assert {"Conn.", "Connecticut"} <= {m.text for m in by["Connecticut"].mentions}
    assert "Conn." not in by and "TX" not in by


def test_a_party_name_other_countries_share_is_the_one_of_the_country_the_story_is_in(analyze_text):
    a = analyze_text(
        "Labour Minister Ana Ruiz said on Tuesday that the New Zealand government would cut school fees "
        "in Wellington and Auckland."
    )
    by_name = {e.name: e for e in a.entities}
    labour = next(e for e in a.entities if "Labour" in e.name)
    assert labour.country == "NZL" and labour.kb_id is None and labour.code == "NZLPTY"
    assert by_name["Ana Ruiz"].country == "NZL"
    b = analyze_text("Labour leader Keir Starmer said Israel must let more aid into Gaza, and the Tories agreed.")
    labour = next(e for e in b.entities if "Labour" in e.name)
    assert labour.country == "GBR" and labour.kb_id == "group:labour-party"  # a British story about Gaza


def test_a_surname_is_the_person_named_before_not_an_outlet_called_by_a_common_word(analyze_text):
    a = analyze_text(
        "The inquiry heard from former White House Russia adviser Ann Hill on Monday.\n\n"
        "“I asked on whose authority,” said Hill, who testified for six hours.",
        published="2019-11-20",
    )
    hill = next(e for e in a.entities if e.name == "Ann Hill")
    assert {m.text for m in hill.mentions} >= {"Ann Hill", "Hill"}
    assert not any(e.kb_id == "outlet:the-hill" for e in a.entities)
    # the institution she worked for says her country, not the country of her brief
    assert hill.country == "USA"
    assert a.quotes[0].speaker.name == "Ann Hill"


def test_a_place_in_a_persons_name_is_no_country_and_two_people_are_not_one_mention(analyze_text):
    a = analyze_text(
        "Senator Elizabeth Warren and congresswoman Alexandria Ocasio-Cortez criticised the deal.",
        published="2019-11-20",
    )
    by_name = {e.name: e for e in a.entities}
    assert by_name["Alexandria Ocasio-Cortez"].country != "EGY"
    assert [m.text for m in by_name["Elizabeth Warren"].mentions if "Ocasio" in m.text] == []


def test_a_name_the_model_tagged_once_is_the_same_name_where_it_missed_it():
    from newstrace.stages.entities.candidates import Candidate, repeated_names

    text = "Harbour Records says she may play. Harbour Records have denied it, and Records Harbour laughed."
    tagged = Candidate(0, 15, "Harbour Records", "text", "ORG")
    extra = repeated_names([tagged], text)
    assert [(c.start, c.text, c.type) for c in extra] == [(text.rindex("Harbour Records"), "Harbour Records", "ORG")]
    assert repeated_names([Candidate(0, 7, "Harbour", "text", "ORG")], text) == []  # one word: too common


def test_a_surname_is_the_person_the_article_names_not_a_namesake_in_the_knowledge_base(analyze_text):
    a = analyze_text(
        "Lynda Bennett is running for the seat. Reached last week in a brief phone call, Bennett declined to "
        "be interviewed.",
        published="2019-12-21",
    )
    assert [e.name for e in a.entities if "Bennett" in e.name] == ["Lynda Bennett"]
    b = analyze_text("Israeli Prime Minister Naftali Bennett met the envoy. Bennett said the talks went well.")
    assert [e.name for e in b.entities if "Bennett" in e.name] == ["Naftali Bennett"]


def test_a_country_talked_about_is_no_home_country_for_unknown_people(analyze_text):
    # Foreign news names its subject country over and over; the people it quotes may be from anywhere.
    a = analyze_text(
        "Ukraine's steel output fell again in March. Ukraine exported less to Europe, and Ukraine's mills cut "
        "shifts. Exports from Ukraine may recover, said Harriet Olwen, an analyst. Ukraine is the biggest "
        "supplier in the region, Olwen added.",
        title="Ukraine steel slump deepens",
        published="2019-05-06",
    )
    assert next(e for e in a.entities if e.name == "Harriet Olwen").country is None


def test_a_known_body_inside_a_longer_name_or_job_title_is_not_linked(analyze_text):
    a = analyze_text(
        "The Farm Workers Congress backed the strike on Monday. Trade and Labour Minister Pia Lund said the "
        "talks would go on, and the US Congress will vote in May.",
        title="Strike backed",
        published="2019-05-06",
    )
    by_name = {e.name: e for e in a.entities}
    assert "Farm Workers Congress" in by_name and by_name["Farm Workers Congress"].kb_id is None
    assert not any(e.name == "Labour Party" for e in a.entities)
    assert any(e.kb_id and "congress" in e.kb_id for e in a.entities)  # the real one is still linked


def test_a_titled_surname_is_the_office_holder_not_the_namesake_named_in_full(analyze_text):
    a = analyze_text(
        "Lynda Bennett toured the port on Monday. Prime Minister Bennett had not been invited.",
        title="Port tour",
        published="2021-08-01",
    )
    linked = {e.name: e.kb_id for e in a.entities}
    assert linked.get("Lynda Bennett") is None
    assert linked.get("Naftali Bennett") == "person:naftali-bennett"


def test_a_place_named_with_another_countrys_state_is_a_namesake_there(analyze_text):
    a = analyze_text(
        "Two people were hurt in a Cairo, Illinois, shop on Monday, police said.",
        title="Shop fire",
        published="2021-08-01",
    )
    cairo = next(e for e in a.entities if e.name == "Cairo")
    assert cairo.country == "USA" and cairo.kb_id is None


def test_a_short_name_with_a_capital_inside_matches_only_as_written(analyze_text):
    a = analyze_text("“Let me be clear,” the senator said on Monday.", title="Senate", published="2021-08-01")
    assert not any(e.kb_id == "group:let" for e in a.entities)


def test_a_surname_that_is_also_a_place_is_the_person_named_in_full(analyze_text):
    a = analyze_text(
        "Leo Cairo, a former diplomat, spoke on Monday. Cairo said the talks had stalled. He flew to Cairo on Tuesday.",
        title="Talks stall",
        published="2021-08-01",
    )
    person = next(e for e in a.entities if e.name == "Leo Cairo")
    assert len(person.mentions) == 2
    assert any(e.kb_id and e.type == "GPE" and e.name == "Cairo" for e in a.entities)


def test_platform_companies_are_organisations_the_knowledge_base_knows(analyze_text):
    a = analyze_text(
        "The senator wrote on Twitter that SpaceX had won the contract. The company declined to comment.",
        title="Contract row",
        published="2021-08-01",
    )
    by_name = {e.name: e for e in a.entities}
    assert by_name["Twitter"].type == "ORG" and by_name["SpaceX"].type == "ORG"
    assert by_name["SpaceX"].country == "USA"


def test_a_short_outlet_name_is_the_longer_outlet_the_story_names(analyze_text):
    a = analyze_text(
        "The New York Times reported on Monday that the deal was off. A lawyer said the Times article was wrong.",
        title="Deal off",
        published="2021-08-01",
    )
    outlets = [e for e in a.entities if "Times" in e.name]
    assert len(outlets) == 1 and outlets[0].name == "The New York Times"
    assert any(m.text == "Times" for m in outlets[0].mentions)


def test_a_month_is_no_person_of_that_name(analyze_text):
    a = analyze_text(
        "Prime Minister Theresa May visited the plant. From March to May the council ran tests there. "
        "The state's May 3 primary is next.",
        title="Tests",
        published="2018-08-01",
    )
    may = next(e for e in a.entities if e.name == "Theresa May")
    assert [m.text for m in may.mentions if m.field == "text"] == ["Theresa May"]
