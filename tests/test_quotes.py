"""The quotes stage on articles written for these tests: kinds, speakers (names, pronouns, descriptions,
headlines), cues, addressees, media, voices and the offsets every quote carries."""

from __future__ import annotations

import pytest

COUNCIL = """The Harbor City council voted down a plan to extend the tram line on Tuesday after a long debate.

“This plan costs too much and helps too few,” Jane Smith said. She chairs the finance committee.

“We will come back with something better,” said Jane Smith, who led the opposition.

Smith said: “The numbers simply do not add up.”

Smith called the plan “a reckless gamble” on Tuesday.

Senator Mary Jones watched the vote from the gallery. “I have never seen a budget this thin,” she said.

Governor John Park met Mary Jones on Monday. “We agreed on nothing,” he said.

“We will keep talking to every side,” Smith told reporters.

“The council has failed its voters,” Smith said in a statement posted on X.

Opponents of the tram mocked the ‘so-called reform’ as an empty gesture.

The minister said that the budget would be cut.

Last year, according to the ministry, 40 schools closed in the region.

Defence Secretary Paul Grant toured the harbour on Friday.

Later, on the radio, he went further. “The navy will stay in the harbour all winter,” Grant said again.

The finance minister, Olga Berg, said that taxes would rise next spring.
"""

PENSIONS_TITLE = "Macron on pensions: “We will not retreat”"
PENSIONS = """French President Emmanuel Macron defended the pension law during a visit to a factory in Lyon on Wednesday.

Unions have called a new strike for next week, and polls show the change is unpopular.

“We will not retreat on this reform, because the system must stay fair for the young,” the French leader added.

The Washington Post reported on the negotiations:

“Both sides are closer than they have been in months,” a senior union official told the newspaper.

“There is no deal yet and there may not be one this month,” union leader Claire Dumas said on Thursday.
"""


@pytest.fixture(scope="module")
def council(analyze_text):
    return analyze_text(COUNCIL, title="Harbor City council rejects tram plan")


@pytest.fixture(scope="module")
def pensions(analyze_text):
    return analyze_text(PENSIONS, title=PENSIONS_TITLE, published="2024-05-01")


def quote(analysis, words: str, kind: str | None = None, field: str = "text"):
    """The quote whose text holds these words (and of this kind, when given)."""
    found = [q for q in analysis.quotes if words in q.text and q.field == field and (kind is None or q.kind == kind)]
    assert found, f"no quote holding {words!r}: {[(q.kind, q.text) for q in analysis.quotes]}"
    return found[0]


def speaker_name(q) -> str:
    return q.speaker.name if q.speaker else ""


# -- kinds and speakers ---------------------------------------------------------------------------


def test_direct_quote_with_name_after(council):
    q = quote(council, "This plan costs too much")
    assert q.kind == "direct"
    assert q.text == "This plan costs too much and helps too few"
    assert "Jane Smith" in speaker_name(q)
    assert q.cue == "said"
    assert council.article.text[q.cue_span[0] : q.cue_span[1]] == "said"
    s, e = q.speaker_span
    assert "Jane Smith" in council.article.text[s:e]


def test_inverted_said_name(council):
    q = quote(council, "We will come back with something better")
    assert q.kind == "direct"
    assert "Jane Smith" in speaker_name(q)
    assert q.cue == "said"


def test_colon_introduced_quote(council):
    q = quote(council, "The numbers simply do not add up")
    assert q.kind == "direct"
    assert "Smith" in speaker_name(q)
    assert q.cue == "said"


def test_partial_quote_inside_a_sentence(council):
    q = quote(council, "a reckless gamble", kind="partial")
    assert q.text == "a reckless gamble"
    assert "Smith" in speaker_name(q)


def test_surname_gets_the_full_name_given_earlier(council):
    q = quote(council, "This plan costs too much")
    r = quote(council, "The numbers simply do not add up")
    assert q.speaker.name == r.speaker.name == "Jane Smith"
    assert q.speaker.entity is not None and q.speaker.entity == r.speaker.entity


def test_pronoun_goes_to_the_person_introduced_before(council):
    q = quote(council, "I have never seen a budget this thin")
    assert q.kind == "direct"
    assert q.speaker_mention == "she"
    assert "Mary Jones" in speaker_name(q)


def test_pronoun_prefers_the_subject_of_the_previous_sentence(council):
    q = quote(council, "We agreed on nothing")
    assert q.speaker_mention == "he"
    assert "John Park" in speaker_name(q)


def test_description_goes_to_the_office_holder_named_earlier(pensions):
    q = quote(pensions, "We will not retreat on this reform")
    assert q.kind == "direct"
    assert q.speaker_mention == "the French leader"
    assert "Emmanuel Macron" in speaker_name(q)
    assert q.cue == "added"


def test_quote_in_the_title_is_attributed_to_the_name_before_the_colon(pensions):
    q = quote(pensions, "We will not retreat", field="title")
    assert q.text == "We will not retreat"
    assert "Macron" in speaker_name(q)
    assert pensions.article.title[q.start : q.end] == q.text


def test_single_quoted_phrase_is_a_scare_quote_without_speaker(council):
    q = quote(council, "so-called reform", kind="scare")
    assert q.text == "so-called reform"
    assert q.speaker is None


# -- voices ---------------------------------------------------------------------------------------


def test_quote_inside_a_relay_comes_via_that_outlet(pensions):
    q = quote(pensions, "Both sides are closer")
    relay = pensions.voice_at(q.start)
    assert relay.kind == "relay"
    assert q.voice == relay.id
    assert q.via == "The Washington Post"


def test_quote_outside_the_relay_has_no_via(pensions):
    q = quote(pensions, "There is no deal yet")
    assert q.voice == "v0"
    assert q.via is None
    assert "Claire Dumas" in speaker_name(q)


# -- indirect speech ------------------------------------------------------------------------------


def test_said_that_is_indirect_speech(council):
    q = quote(council, "budget would be cut", kind="indirect")
    assert q.text.startswith(("that the budget", "the budget"))
    assert q.cue == "said"
    assert q.speaker_mention.lower() == "the minister"


def test_unnamed_minister_stays_the_minister(council):
    q = quote(council, "budget would be cut", kind="indirect")
    assert "minister" in speaker_name(q).lower()


def test_according_to_is_indirect_speech(council):
    q = quote(council, "40 schools closed", kind="indirect")
    assert "ministry" in speaker_name(q).lower()
    assert q.cue == "according"


def test_name_in_apposition_is_the_speaker(council):
    q = quote(council, "taxes would rise", kind="indirect")
    assert "Olga Berg" in speaker_name(q)


def test_surname_spacy_misses_still_joins_the_full_name(council):
    q = quote(council, "The navy will stay in the harbour")
    assert speaker_name(q) == "Paul Grant"
    assert q.speaker.entity is not None


def test_indirect_evidence_is_the_trimmed_sentence(council):
    q = quote(council, "budget would be cut", kind="indirect")
    assert q.evidence == "The minister said that the budget would be cut."


# -- addressee and medium -------------------------------------------------------------------------


def test_told_gives_the_addressee(council):
    q = quote(council, "We will keep talking to every side")
    assert q.cue == "told"
    assert "reporters" in q.addressee.name.lower()


def test_in_a_statement_posted_on_x_gives_the_medium(council):
    q = quote(council, "The council has failed its voters")
    assert q.medium is not None and "statement" in q.medium


def test_medium_is_trimmed(council):
    q = quote(council, "The council has failed its voters")
    assert q.medium == q.medium.strip().rstrip(".")
    assert "\n" not in q.medium


# -- invariants over every quote ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["council", "pensions"])
def test_every_quote_text_is_its_span(request, name):
    analysis = request.getfixturevalue(name)
    assert analysis.quotes
    for q in analysis.quotes:
        source = analysis.article.title if q.field == "title" else analysis.article.text
        assert 0 <= q.start < q.end <= len(source)
        assert source[q.start : q.end].strip() == q.text, q


@pytest.mark.parametrize(
    "name",
    [
        "council",
        "pensions",
    ],
)
def test_no_quote_text_leaves_a_double_mark_unclosed(request, name):
    analysis = request.getfixturevalue(name)
    for q in analysis.quotes:
        assert q.text.count("“") == q.text.count("”"), q


PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "we", "i", "you", "his", "its", "their"}


@pytest.mark.parametrize("name", ["council", "pensions"])
def test_no_speaker_is_a_bare_pronoun(request, name):
    analysis = request.getfixturevalue(name)
    for q in analysis.quotes:
        if q.speaker is not None:
            assert q.speaker.name.strip().lower() not in PRONOUNS, q
    for s in analysis.statements:
        if s.speaker is not None:
            assert s.speaker.name.strip().lower() not in PRONOUNS, s


def test_pronoun_without_anyone_before_has_no_speaker(analyze_text):
    a = analyze_text("“It is over,” she said, walking out of the hall.\n\nThe hall emptied within minutes.")
    q = quote(a, "It is over")
    assert q.kind == "direct"
    assert q.speaker is None or q.speaker.name.lower() not in PRONOUNS


def test_quote_ids_are_unique_and_title_quotes_come_first(pensions):
    ids = [q.id for q in pensions.quotes]
    assert len(ids) == len(set(ids))
    fields = [q.field for q in pensions.quotes]
    assert fields == sorted(fields, key=lambda f: f != "title")
    text_starts = [q.start for q in pensions.quotes if q.field == "text"]
    assert text_starts == sorted(text_starts)


def test_parts_of_a_run_on_quotation_in_collapsed_copy_share_the_speaker(analyze_text):
    a = analyze_text(
        "Nurses welcome plan\n\n"
        'Health Secretary Jane Morton spoke to nurses in Leeds on Monday. "We are cutting the waiting lists for '
        'everyone under 40. "And the review next year will decide whether to go further," she said. '
        "Officials said the plan would cost two billion pounds."
    )
    first = quote(a, "We are cutting the waiting lists")
    second = quote(a, "And the review next year")
    assert first.kind == second.kind == "direct"
    assert speaker_name(first) == speaker_name(second) == "Jane Morton"
    assert not any(q.kind == "direct" and "Officials said" in q.text for q in a.quotes)


def test_who_brands_a_quoted_phrase_in_the_passive_says_it(analyze_text):
    a = analyze_text('The bypass was branded a "monumental waste" by residents at a packed meeting.')
    q = quote(a, "monumental waste", kind="partial")
    assert speaker_name(q).lower() == "residents"


def test_a_verb_before_the_colon_introduces_the_quote_after_it(analyze_text):
    a = analyze_text(
        "Harbour strike ends\n\n"
        "When the manager said the cranes were ready, union leader Ines Moreau ordered: “Load the ships.” "
        "Few dockers praised the deal except Piet Claes, who remarked: “About time.”"
    )
    assert speaker_name(quote(a, "Load the ships")) == "Ines Moreau"
    assert speaker_name(quote(a, "About time")) == "Piet Claes"


def test_one_of_a_group_quoted_by_an_outlet_speaks_via_that_outlet(analyze_text):
    a = analyze_text(
        "Talks stall\n\n“The deadline is not real,” one of the negotiators quoted by Reuters said on Friday."
    )
    q = quote(a, "The deadline is not real")
    assert q.via == "Reuters" and "reuters" not in speaker_name(q).lower()


def test_saying_by_way_of_a_reply_is_the_replier_speaking(analyze_text):
    a = analyze_text("Budget row\n\nThe treasurer answered by saying that the reserves were safe.")
    q = quote(a, "the reserves were safe", kind="indirect")
    assert speaker_name(q).lower() == "treasurer"


def test_a_paragraph_after_a_cue_and_colon_is_the_statement(analyze_text):
    a = analyze_text(
        "Bug fixed\n\nIn a statement sent to the Daily Ledger, the bank said:\n\n"
        "Customer data was never at risk and the fault has been repaired.\n\nShares rose."
    )
    q = quote(a, "Customer data was never at risk")
    assert speaker_name(q).lower() == "bank"
    assert not any("Daily Ledger" in x.text for x in a.quotes)


def test_a_quote_after_someone_elses_attribution_is_not_the_earlier_speakers(analyze_text):
    a = analyze_text(
        "Flood warning\n\n"
        "“The river is still rising,” said a police officer, Tom Reyes. Farmer Lina Osei said the water had "
        "reached her barn by noon. “We lost everything in an hour.”"
    )
    assert "Lina Osei" in speaker_name(quote(a, "We lost everything"))


def test_a_description_is_not_the_person_its_own_sentence_names_beside_it(analyze_text):
    a = analyze_text(
        "Jobs figures row\n\nTariq Nasser has attacked the jobs figures. "
        "But the minister said Mr Nasser was wrong about the data."
    )
    q = quote(a, "was wrong about the data", kind="indirect")
    assert "Nasser" not in speaker_name(q)


def test_a_capitalised_section_label_is_no_transcript_speaker(analyze_text):
    a = analyze_text(
        "Rocket launch\n\nThe rocket lifted off on Tuesday.\n"
        "RIVALS: Two other firms are building large rockets of their own."
    )
    assert not any(speaker_name(q).upper() == "RIVALS" for q in a.quotes)


def test_words_quoted_inside_a_persons_report_are_that_persons(analyze_text):
    a = analyze_text(
        "Claims checked\n\nWhile not every claim the mayor makes is false, Professor Ruth Adeyemi said the mayor "
        'is "telling voters what they hope to hear." Officials "noted the cost of the plan," The Harbour Gazette reported.'
    )
    assert "Adeyemi" in speaker_name(quote(a, "telling voters what they hope to hear", kind="partial"))
    assert speaker_name(quote(a, "noted the cost of the plan", kind="partial")) == "Officials"
    assert not any(q.kind == "indirect" and q.text.startswith("While") for q in a.quotes)


def test_doubled_apostrophe_quotes_open_sentences_as_direct_quotes(analyze_text):
    a = analyze_text(
        "Plant closes\n\nThe plant will close in May. ''This was a really tough decision,'' the manager said. "
        "All she could do was shout ''No!'' at the screen. ''I cried,'' she said."
    )
    assert quote(a, "This was a really tough decision").kind == "direct"
    assert not any(speaker_name(q) == "All" for q in a.quotes)


def test_a_journalist_named_as_an_outlets_own_speaks_via_that_outlet(analyze_text):
    a = analyze_text(
        "Race tightens\n\nThe Washington Post reported on Monday that the senator was behind. "
        "The Post's Dana Whitfield writes: “Should the senator lose Ohio, the race is over.”"
    )
    assert quote(a, "Should the senator lose Ohio").via == "The Washington Post"


def test_a_former_or_opposition_office_is_not_its_holder(analyze_text):
    a = analyze_text(
        "Talks stall\n\nPresident Bashar al-Assad rejected the plan on Monday. "
        "The West must press Assad to negotiate, the Syrian opposition leader said.",
        published="2018-01-17",
    )
    q = quote(a, "The West must press Assad", kind="indirect")
    assert "Assad" not in speaker_name(q)


def test_speech_a_negated_noun_says_did_not_happen_is_no_quote(analyze_text):
    a = analyze_text(
        "Inquiry\n\nThere was no sign that the driver had pledged loyalty to any group. "
        "There were signs that the union had promised to end the strike."
    )
    assert [q.text for q in a.quotes if q.kind == "indirect"] == ["to end the strike"]


def test_a_member_of_a_platform_or_someone_somewhere_in_a_place_is_not_that_body(analyze_text):
    a = analyze_text(
        "Storm\n\nOne Facebook user in Ohio said the roof had gone. "
        "A family in the suburbs of Chicago said their car was crushed."
    )
    assert speaker_name(quote(a, "the roof had gone")) != "Facebook"
    assert speaker_name(quote(a, "their car was crushed")) != "Chicago"


def test_a_demonstrative_or_question_word_is_no_speaker(analyze_text):
    a = analyze_text(
        "Primary\n\nThe governor won Ohio. That said, the senator cannot win the nomination outright. "
        "They argued over who supported which bill. The county sheriff which reported 40 arrests said more would follow."
    )
    assert not any(speaker_name(q).lower() in ("that", "who", "which") for q in a.quotes)


def test_a_description_owned_by_an_office_is_not_the_office_holder(analyze_text):
    a = analyze_text(
        "Budget\n\nPresident Ann Holt unveiled her budget on Monday. "
        "The president's budget director told reporters that the funds would last.",
        published="2023-05-20",
    )
    assert "Holt" not in speaker_name(quote(a, "the funds would last", kind="indirect"))


def test_employees_of_two_named_companies_are_neither_company(analyze_text):
    a = analyze_text("Jobs\n\nFormer Twitter and Facebook employees said the companies ignored the warnings.")
    assert speaker_name(quote(a, "ignored the warnings")) not in ("Twitter", "Facebook")
    assert not any(e.source and e.source.name in ("Twitter", "Facebook") for e in a.events)


def test_the_company_is_the_business_named_before_it(analyze_text):
    a = analyze_text("Fine\n\nSpaceX was fined on Monday. The company said it would appeal the ruling.")
    assert speaker_name(quote(a, "appeal the ruling")) == "SpaceX"


def test_what_is_alleged_in_a_lawsuit_is_reported_speech(analyze_text):
    a = analyze_text(
        "Whitlock alleged in the suit that Ross personally earned $5 million from the scheme.", title="Suit"
    )
    q = quote(a, "personally earned $5 million")
    assert q.kind == "indirect" and speaker_name(q) == "Whitlock"


def test_a_figure_restated_in_brackets_stays_inside_what_was_said(analyze_text):
    a = analyze_text("The Harbour Gazette reported that Talvane has bid $6.3bn (£3.4bn) for the port.", title="Bid")
    assert quote(a, "has bid").text.endswith("(£3.4bn) for the port")


def test_a_party_member_or_office_of_a_party_is_a_person_not_the_party(analyze_text):
    a = analyze_text(
        "The Liberal Democrats met on Monday. “It wasn't convincing,” said one Liberal Democrat familiar with the talks. "
        "Chancellor Olga Berg presented the budget. “It is a fiddle,” the Liberal Democrat leader said.",
        title="Budget",
    )
    assert speaker_name(quote(a, "convincing")) not in ("Liberal Democrats", "Liberal Democrat Party")
    fiddle = speaker_name(quote(a, "a fiddle"))
    assert "Berg" not in fiddle and fiddle != "Liberal Democrats"


def test_a_person_a_place_describes_is_not_the_place(analyze_text):
    a = analyze_text("A Nebraska woman says she went online to check her electricity bill.", title="Bills")
    assert speaker_name(quote(a, "check her electricity bill")) != "Nebraska"


def test_all_told_tells_nothing(analyze_text):
    a = analyze_text("All told, up to 5 million people could be eligible for the scheme.", title="Scheme")
    assert a.quotes == []


def test_words_said_on_air_come_via_the_broadcaster(analyze_text):
    a = analyze_text(
        "“The port will close,” Ann Holt said on CNN. She said on Monday that the ferry would stay.", title="Port"
    )
    assert quote(a, "The port will close").via == "CNN"
    assert quote(a, "the ferry would stay").via is None


def test_a_photo_credit_line_is_no_statement(analyze_text):
    a = analyze_text(
        "The chief executive spoke on Monday.\n\nDana Whitlock Photographer: Ken Ross/Harbour Press\n\nThe deal was announced.",
        title="Deal",
    )
    assert not any("Ken Ross" in q.text for q in a.quotes)


def test_what_a_document_reads_is_its_statement(analyze_text):
    a = analyze_text(
        "The council put up a sign on Monday. “The pier is closed to the public,” the sign read.", title="Pier"
    )
    q = quote(a, "The pier is closed")
    assert q.cue == "read" and "sign" in speaker_name(q).lower()


def test_it_is_a_place_only_when_the_place_was_the_subject_just_before(analyze_text):
    a = analyze_text("Iran rejected the plan on Monday. It said the talks were over.", title="Talks")
    assert speaker_name(quote(a, "the talks were over")) == "Iran"
    b = analyze_text(
        "Turnout in Ohio and Nebraska worried the campaign on Monday, and the campaign sent an email to its donors "
        "that evening. It stated that the senator was rattled by the polls.",
        title="Talks",
    )
    assert speaker_name(quote(b, "the senator was rattled")) not in ("Ohio", "Nebraska")


def test_the_speaker_after_an_inverted_cue_parsed_as_its_object(analyze_text):
    a = analyze_text(
        "“They will return,” said Dana Whitlock, an analyst. “The caliphate will rise again,” screamed two women "
        "as they were led away.",
        title="Camp",
    )
    assert speaker_name(quote(a, "rise again")).lower() == "two women"


def test_a_text_message_is_speech_though_the_lemmatiser_misreads_texted(analyze_text):
    a = analyze_text("“If I disappear, please find my children,” Ziyaret texted from the city.", title="Siege")
    q = quote(a, "please find my children")
    assert q.cue == "texted" and speaker_name(q) == "Ziyaret"


def test_a_clause_after_said_that_the_parser_reads_as_an_object_is_what_was_said(analyze_text):
    a = analyze_text(
        "Agriculture Minister Dana Whitlock said the scheme aimed to boost production. "
        "The mayor said the bridge needed repairs. She said the words she had prepared.",
        title="Farms",
    )
    assert speaker_name(quote(a, "the scheme aimed to boost production")) == "Dana Whitlock"
    assert speaker_name(quote(a, "the bridge needed repairs")).lower() == "mayor"
    assert not any("prepared" in q.text for q in a.quotes)


def test_those_close_to_someone_speak_and_imploring_is_a_request(analyze_text):
    a = analyze_text(
        "Those close to the general say that he always feared betrayal. Dana Whitlock implored the women to return home.",
        title="Camp",
    )
    assert speaker_name(quote(a, "feared betrayal")) == "Those close to the general"
    assert speaker_name(quote(a, "to return home")) == "Dana Whitlock"


def test_a_short_quote_after_another_named_person_acts_is_not_the_previous_speakers(analyze_text):
    a = analyze_text(
        "The council met on Monday. Critics call it a “land grab”. Mr Hale introduced the envoy to the guests "
        "as the “finest negotiator alive”. “We will win,” Ann Holt said. Holt called the plan “a new dawn”.",
        title="Port",
    )
    assert speaker_name(quote(a, "finest negotiator alive")) != "Critics"
    assert speaker_name(quote(a, "a new dawn")) == "Ann Holt"
