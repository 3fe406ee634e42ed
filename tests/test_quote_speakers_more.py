"""Speakers the parse alone misses: a cue after '?”', a statement's owner, an outlet's reporter, an embedded
post's author, and listed talking points."""

from __future__ import annotations

import pytest

from newstrace.clean import strip_markup


def quote(analysis, words: str, kind: str | None = None):
    found = [q for q in analysis.quotes if words in q.text and (kind is None or q.kind == kind)]
    assert found, f"no quote holding {words!r}: {[(q.kind, q.text) for q in analysis.quotes]}"
    return found[0]


def speaker_name(q) -> str:
    return q.speaker.name if q.speaker else ""


STORY = """\
Supporters filled the hall in Dunmore on Monday.

“That’s right, friends,” Mary Okonkwo said to the crowd.

“Who would have believed we would win almost every county?” Okonkwo said, looking out on the hall.

Later in the week, Senator Ruth Alvarez revised her statement explaining that she had not seen the memo.

But as a Harbour Gazette reporter noted, the hall was half empty:

“Half the seats in Dunmore are empty tonight.” —@PeteRiordan.

Even the local radio host took a moment to mention the crowd.

“Plenty of room at the back in Dunmore.” —@DanaKell.

On Tuesday, a set of talking points was circulated by aides close to Alvarez's campaign:

- Ruth Alvarez has always backed the new bridge. She voted for it twice.

- The memo was never sent to her office.

As part of the plan, the council has announced:

- Lower fares for pensioners
"""


@pytest.fixture(scope="module")
def story(analyze_text):
    return analyze_text(STORY, title="Rally draws crowd", published="2024-05-01")


def test_a_cue_after_a_question_mark_gives_the_speaker(story):
    assert speaker_name(quote(story, "Who would have believed")) == "Mary Okonkwo"


def test_a_persons_statement_speaks_for_that_person(story):
    assert speaker_name(quote(story, "she had not seen the memo", "indirect")) == "Ruth Alvarez"


def test_an_outlets_reporter_is_a_person_not_the_outlet(story):
    assert speaker_name(quote(story, "Half the seats")) == "Harbour Gazette reporter"


def test_an_embedded_post_keeps_its_author_as_signature():
    body = strip_markup('Look:\n\n<tweet tweet-author="@PeteRiordan" tweet-date="May 1">Seats empty.<tweet/>.')
    assert "“Seats empty.” —@PeteRiordan" in body


def test_a_signed_post_without_an_intro_is_its_authors(story):
    assert speaker_name(quote(story, "Plenty of room")) == "@DanaKell"


def test_listed_talking_points_are_quotes_of_who_circulated_them(story):
    for words in ("always backed the new bridge", "never sent to her office"):
        q = quote(story, words, "direct")
        assert speaker_name(q) == "Aides close to Alvarez's campaign" or "aides" in speaker_name(q).lower()


def test_a_list_of_measures_is_not_a_quote(story):
    assert not [q for q in story.quotes if "Lower fares" in q.text and q.kind == "direct"]


# -- an owner's figures speak for the owner; "the company" is the company named before -----------------


def test_an_organisations_own_figures_speak_for_it(analyze_text):
    a = analyze_text(
        "Shipping company Orlov Lines posted higher sales on Thursday.\n\n"
        "But the company's own figures show that profit fell by 12 per cent.",
        title="Orlov sales rise",
        published="2025-06-05",
    )
    q = quote(a, "profit fell by 12 per cent", "indirect")
    assert speaker_name(q) == "Orlov Lines" and q.speaker_mention == "the company's own figures"
    claim = next(c for c in a.claims if c.value == 12)
    assert claim.attributed_to is not None and claim.attributed_to.name == "Orlov Lines"


def test_the_council_is_the_council_named_before(analyze_text):
    a = analyze_text(
        "Ashgrove District Council approved the budget on Monday.\n\n"
        "The council said that bin collections would move to fortnightly in April.",
        title="Budget approved",
        published="2025-06-05",
    )
    q = quote(a, "bin collections would move to fortnightly", "indirect")
    assert speaker_name(q) == "Ashgrove District Council"


def test_a_bare_abstract_noun_is_still_nobody(analyze_text):
    a = analyze_text(
        "Brennock Stores opened six shops.\n\nHistory shows that such openings rarely pay off within a year.",
        title="Shops open",
        published="2025-06-05",
    )
    assert not [q for q in a.quotes if "openings rarely pay off" in q.text]


# -- a lead's description is the person the next paragraphs name with that title --------------------


@pytest.mark.parametrize(
    ("lead", "named", "person"),
    [
        (
            "Kelsby could run out of water by August, its reservoir manager warned on Tuesday.",
            "Reservoir manager Tamsin Oduya said two of the four pumps had failed.",
            "Tamsin Oduya",
        ),
        (
            "The old bridge will close for a year, the town's head gardener said on Friday.",
            "Head gardener Piet Laszlo, who has tended the park for 30 years, said the roots had cracked the arch.",
            "Piet Laszlo",
        ),
    ],
)
def test_a_lead_description_is_the_person_named_after_with_that_title(analyze_text, lead, named, person):
    a = analyze_text(f"{lead}\n\n{named}", title="Town news", published="2025-06-05")
    q = quote(a, lead.split(",")[0], "indirect")
    assert speaker_name(q) == person


def test_a_description_nobody_is_titled_with_stays_a_description(analyze_text):
    a = analyze_text(
        "Kelsby could run out of water by August, its reservoir manager warned on Tuesday.\n\n"
        "Mayor Tamsin Oduya said two of the four pumps had failed.",
        title="Town news",
        published="2025-06-05",
    )
    q = quote(a, "Kelsby could run out of water", "indirect")
    assert speaker_name(q) != "Tamsin Oduya"


def test_a_description_later_in_the_article_is_not_a_person_named_after_it(analyze_text):
    a = analyze_text(
        "Kelsby approved its budget on Monday.\n\n"
        "The reservoir manager said that two pumps had failed.\n\n"
        "Reservoir manager Tamsin Oduya later toured the dam.",
        title="Town news",
        published="2025-06-05",
    )
    q = quote(a, "two pumps had failed", "indirect")
    assert speaker_name(q) != "Tamsin Oduya"


def test_the_name_after_an_office_of_a_place_is_the_speaker_not_the_place(analyze_text):
    a = analyze_text(
        "The governor of Tallmark, Irena Soltvik, pledged on Friday that the dam would be repaired. "
        '"We start in May," she said.'
    )
    assert speaker_name(quote(a, "dam would be repaired")) == "Irena Soltvik"
    assert speaker_name(quote(a, "We start in May")) == "Irena Soltvik"


def test_titles_joined_before_one_name_are_that_persons(analyze_text):
    a = analyze_text(
        "“The offer is too low,” said Prime Minister and party leader Ann Holt.", title="Offer", published="2024-05-01"
    )
    assert speaker_name(quote(a, "The offer is too low")) == "Ann Holt"


@pytest.mark.parametrize(
    "text",
    [
        "“Why now?” co-host Dan Ebbe asked on the morning show.",
        "“Why now?” asked co-host Dan Ebbe.",
        "Co-host Dan Ebbe said the morning show would end in May.",
    ],
)
def test_a_hyphenated_title_the_tokenizer_split_does_not_become_the_speaker(analyze_text, text):
    a = analyze_text(text, title="Show ends", published="2024-05-01")
    speakers = {speaker_name(q) for q in a.quotes}
    assert speakers == {"Dan Ebbe"}, [(q.kind, q.text, speaker_name(q)) for q in a.quotes]


def test_a_hyphenated_description_is_the_whole_mention(analyze_text):
    a = analyze_text(
        "His ex-wife contended that she should not have to testify.", title="Court", published="2024-05-01"
    )
    assert [q.speaker_mention for q in a.quotes] == ["His ex-wife"]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ann Holt is a former teacher who has promised to reopen the harbour school.",
        "Mayor Ann Holt often tours the docks and is a former teacher and union organiser who has promised to reopen the harbour school.",
    ],
)
def test_a_relative_clause_on_a_predicate_noun_is_said_by_the_subject_it_describes(analyze_text, text):
    a = analyze_text(text, title="School", published="2024-05-01")
    assert speaker_name(quote(a, "reopen the harbour school", "indirect")) == "Ann Holt"


def test_a_participle_on_what_something_was_called_is_said_by_who_called_it(analyze_text):
    a = analyze_text(
        "Mayor Holt called the ruling a “farce” saying the judges ignored the evidence.",
        title="Ruling",
        published="2024-05-01",
    )
    said = [q for q in a.quotes if q.cue == "saying"]
    assert said and {speaker_name(q) for q in said} == {"Holt"}


@pytest.mark.parametrize(
    "text, words, kind, speaker",
    [
        # a quoted word in the object of a verb whose object is not speech is the reporting speaker's
        (
            "The Norland foreign minister, Kjell Amundsby, said the neighbours had encouraged “rebel” sentiments in the valley.",
            "rebel",
            "partial",
            "Kjell Amundsby",
        ),
        # of two subjects the parser gives a cue, the one next to it speaks
        (
            "Absent Ebbe' campaign housing plan, which he has not introduced, Holt pointed out that his ideas would cost too much.",
            "would cost too much",
            "indirect",
            "Holt",
        ),
    ],
)
def test_the_speaker_a_misparse_would_hide(analyze_text, text, words, kind, speaker):
    a = analyze_text(text, title="Valley", published="2024-05-01")
    assert speaker_name(quote(a, words, kind)) == speaker


@pytest.mark.parametrize(
    "text, words",
    [
        # the quoted words are the thing a participle describes, not a speaker of it
        ("The group handed out “leaflets” demanding an inquiry into the harbour deal.", "leaflets"),
        ("Campaigners are circulating “pledges” urging lawmakers to vote against the dam.", "pledges"),
        # the words sit in the 'that' clause of a claim the subject dismissed: the claim's, not the subject's
        ("Mr. Holt dismissed claims that he was a “traitor” to the party.", "traitor"),
        ("Ms. Reyes rejected accusations that her office ran a “slush fund” for allies.", "slush fund"),
    ],
)
def test_quoted_words_nobody_in_the_sentence_is_said_to_say_have_no_speaker(analyze_text, text, words):
    a = analyze_text(text, title="Harbour", published="2024-05-01")
    q = next(q for q in a.quotes if q.text == words)
    assert q.speaker is None


def test_words_in_a_claim_from_someone_are_that_sources(analyze_text):
    a = analyze_text(
        "The ministry published notes describing the strike, in response to claims from opposition members "
        "that there was a “whitewash” of the inquiry.",
        title="Strike",
        published="2024-05-01",
    )
    assert speaker_name(quote(a, "whitewash", "partial")) == "Opposition members"
    # a relative clause on the noun is no claim of anyone's: the sentence's speaker keeps the words
    a = analyze_text(
        "That world view, Holt continued, relies on claims that “are just not proven, for example, the dam report.”",
        title="Dam",
        published="2024-05-01",
    )
    assert speaker_name(quote(a, "are just not proven")) == "Holt"


@pytest.mark.parametrize(
    "text, party",
    [
        # 'the party' is the party named before, though its name does not end in 'party'
        (
            "Pensioners in the north will get heating vouchers under plans by the Liberal Democrats. "
            "The party says the vouchers would cut winter deaths.",
            "Liberal Democrats",
        ),
        # the party's adjective before a title names that party, not the American one of a similar name
        (
            "Students can swing several seats, Liberal Democrat leader Ann Holt has claimed. "
            "The party says it can win 20 seats.",
            "Liberal Democrats",
        ),
        (
            "The Republicans unveiled a tax plan on Monday. The party says it would cut rates for families.",
            "Republican Party",
        ),
    ],
)
def test_the_party_is_the_party_named_before(analyze_text, text, party):
    a = analyze_text(text, title="Plans", published="2005-01-20")
    said = [q for q in a.quotes if q.speaker_mention == "The party"]
    assert said and {speaker_name(q) for q in said} == {party}


def test_a_passive_speech_verb_is_said_by_its_agent_and_never_by_whom_it_is_told(analyze_text):
    a = analyze_text(
        "Residents were told by the harbour council that the pool would close. "
        "Traders were told that the market would move.",
        title="Pool",
        published="2024-05-01",
    )
    assert speaker_name(quote(a, "the pool would close", "indirect")) == "Harbour council"
    assert all(speaker_name(q) != "Traders" for q in a.quotes if q.speaker is not None)


@pytest.mark.parametrize("outlet", ["Ruptly", "Reuters", "UNIAN"])
def test_a_quote_told_to_an_outlet_comes_via_that_outlet(analyze_text, outlet):
    # 'Ruptly' ends in '-ly', which the tagger reads as an adverb
    a = analyze_text(f"“The building just collapsed,” a doctor on the scene told {outlet}.", title="Quake")
    assert quote(a, "The building just collapsed", "direct").via == outlet


def test_a_speaker_quoted_by_an_outlet_speaks_through_it(analyze_text):
    a = analyze_text(
        "“The region is deeply worried,” regional spokesman Ilse Vantongeren was quoted by Tass news agency as saying.",
        title="Launch",
    )
    q = quote(a, "The region is deeply worried", "direct")
    assert speaker_name(q) == "Ilse Vantongeren" and q.via == "TASS"


def test_a_quotation_after_a_dash_is_said_by_the_subject_before_it(analyze_text):
    a = analyze_text(
        "Donald Ebbe has tried to suggest he barely knows Gordon Holt. Yet Holt has already amended his "
        "testimony once — “I now do recall,” he said, talking to investigators.",
        title="Testimony",
        published="2019-11-20",
    )
    q = quote(a, "I now do recall")
    assert q.kind == "direct" and speaker_name(q) == "Gordon Holt"
    assert not any(q.kind == "indirect" and "amended" in q.text for q in a.quotes)


@pytest.mark.parametrize(
    "text, words",
    [
        ("Reuters quoted Ann Holt as saying the harbour talks had failed.", "the harbour talks had failed"),
        ("“The harbour talks have failed,” Reuters quoted Ann Holt as saying.", "The harbour talks have failed"),
        (
            "Reuters was first to report the call. “The harbour talks have failed,” the agency reported Ann Holt "
            "as writing on Thursday.",
            "The harbour talks have failed",
        ),
    ],
)
def test_an_outlet_quoting_someone_as_saying_is_the_via_not_the_speaker(analyze_text, text, words):
    q = quote(analyze_text(text, title="Talks", published="2024-05-01"), words)
    assert speaker_name(q) == "Ann Holt" and q.via == "Reuters"


def test_they_after_a_quotation_is_the_body_named_before_not_a_name_inside_it_nor_a_person(analyze_text):
    a = analyze_text(
        "Ann Holt accused Harbour Records of blocking her Coast Awards show.\n\n"
        "Senators criticised Gordon Ebbe's company and the effect big firms can have.\n\n"
        "Harbour Records have twice denied doing anything wrong.\n\n"
        "“At no point did we say Ann could not perform or block her Netflix special,” they said in a statement.",
        title="Records",
    )
    assert speaker_name(quote(a, "At no point did we say", "direct")) == "Harbour Records"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('A teacher from Westbridge said: "The school is closed."', "Teacher from Westbridge"),
        (
            'The gutter cleaner from nearby New Addington, who was hurt, said: "We hit the bend."',
            "Gutter cleaner from nearby New Addington",
        ),
        ('A spokesman for the Kremlin said: "We are worried."', "Kremlin"),  # who speaks for a body is the body
    ],
)
def test_a_person_described_by_where_they_are_from_is_not_the_place(analyze_text, text, speaker):
    a = analyze_text(text, title="Crash", published="2016-11-10")
    assert speaker_name(next(q for q in a.quotes if q.kind == "direct")) == speaker


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        # a passive verb of judging or naming is said by its agent, never by whom it describes
        (
            'The victim, Ann Holt, was described by friends as a "friendly, caring person".',
            "friendly, caring person",
            "Friends",
        ),
        # a single-quoted phrase a verb of naming calls something is the namer's words
        ("Friends described her as 'a friendly, caring person'.", "a friendly, caring person", "Friends"),
        ("The harbour council branded the plan 'reckless'.", "reckless", "Harbour council"),
    ],
)
def test_what_someone_is_described_as_is_the_describers_words(analyze_text, text, words, speaker):
    a = analyze_text(text, title="Victim", published="2016-11-10")
    assert speaker_name(quote(a, words, "partial")) == speaker
    assert not any(c.kind == "unattested_quote" for c in a.checks)


def test_what_a_thing_is_compared_to_in_single_marks_stays_the_writers(analyze_text):
    a = analyze_text("The talk was compared to 'working the referees' at a game.", title="Talk")
    assert quote(a, "working the referees").kind == "scare"


@pytest.mark.parametrize(
    "outlet, url, via",
    [
        ("theguardian", "https://www.theguardian.com/us-news/2016/nov/12/x", None),  # its own interview
        (None, "https://www.theguardian.com/us-news/2016/nov/12/x", None),
        ("Harbour Gazette", "https://harbour-gazette.example/x", "The Guardian"),
    ],
)
def test_words_told_to_the_articles_own_outlet_are_no_relay(outlet, url, via):
    from newstrace import pipeline
    from newstrace.clean import make_article

    article = make_article(
        "Ann Holt backed the mayor last year. She told the Guardian on Saturday that the vote was lost in the last week.",
        title="Vote",
        source="<test>",
        outlet=outlet,
        url=url,
        published="2016-11-14",
    )
    q = quote(pipeline.run(article), "the vote was lost in the last week", "indirect")
    assert speaker_name(q) == "Ann Holt" and q.via == via


@pytest.mark.parametrize(
    "text, speaker",
    [
        # an unnamed source stays unnamed: never the office holder the knowledge base names
        ("“The plan is to bomb them into submission,” said a Lebanese political leader.", "Lebanese political leader"),
        # a member of a party speaks for themself, not for the party
        ("A senior Tory MP has said the plan would fail.", "Senior Tory MP"),
        ("The Republican candidate appeared to assert that he would win.", "Republican candidate"),
        # a person a place describes is that person
        ("A Beirut-based western diplomat said: “It is over.”", "Beirut-based western diplomat"),
        ("Doctors inside Aleppo say up to 12 clinics have been bombed.", "Doctors inside Aleppo"),
        ("A Pentagon spokesman said the strike hit its target.", "Pentagon"),  # a spokesman speaks for the body
    ],
)
def test_a_description_is_the_person_it_describes_not_a_name_inside_it(analyze_text, text, speaker):
    a = analyze_text(text, title="Siege", published="2018-02-22")
    assert speaker_name(next(q for q in a.quotes if q.kind in ("direct", "indirect"))) == speaker


@pytest.mark.parametrize("verb", ["disgracefully refused to even say", "still cannot say", "declined to say"])
def test_words_someone_is_said_not_to_say_inside_a_quotation_are_not_their_quote(analyze_text, verb):
    a = analyze_text(
        f"“In his remarks today, Mayor Ann Holt {verb} the words ‘harbour tax,’” Gordon Ebbe said in a statement.",
        title="Tax",
        published="2016-06-13",
    )
    assert not [q for q in a.quotes if q.text.startswith("harbour tax") and speaker_name(q) == "Ann Holt"]


def test_a_participle_is_no_speaker(analyze_text):
    a = analyze_text("Rebels shelled the city on Monday, belying claims that the war is winding down.", title="War")
    assert all(q.speaker is None or speaker_name(q) != "Belying" for q in a.quotes)


def test_words_someone_referred_to_are_theirs(analyze_text):
    a = analyze_text(
        'Mr Holt referred to a period of so-called "cowboy capitalism" in the 1990s. '
        "The council referred the case to prosecutors on Monday.",
        title="Capitalism",
    )
    assert speaker_name(quote(a, "cowboy capitalism", "partial")) in ("Holt", "Mr Holt")
    assert not any(c.kind == "unattested_quote" for c in a.checks)
    assert not any("prosecutors" in q.text for q in a.quotes)  # referring a case is no speech


def test_an_agency_of_another_kind_is_no_outlet(analyze_text):
    a = analyze_text(
        "Ahmed told the Guardian that 3,000 people had fled. The refugee agency urged the world to act. "
        "Reuters reported the strike. The news agency said three people died.",
        title="Flight",
    )
    assert speaker_name(quote(a, "the world to act", "indirect")) != "The Guardian"
    assert speaker_name(quote(a, "three people died", "indirect")) == "Reuters"


def test_a_statement_issued_then_quoted_is_the_issuers_and_a_show_is_no_speaker(analyze_text):
    a = analyze_text(
        "Ann Holt issued a statement, “Last night, our harbour was flooded by a storm.” "
        "Dr Gordon Ebbe told NBC News' Today show the final number of deaths could be lower than 60,000.",
        title="Storm",
        published="2024-05-01",
    )
    q = quote(a, "Last night, our harbour was flooded")
    assert q.kind == "direct" and speaker_name(q) == "Ann Holt"
    assert all(speaker_name(q) != "Today" for q in a.quotes if q.speaker is not None)


def test_a_party_operative_is_no_party_and_the_articles_own_outlet_named_longer_is_no_relay():
    from newstrace import pipeline
    from newstrace.clean import make_article

    article = make_article(
        "“The plan failed,” said one GOP operative in the state. "
        "But Mr Gaillard told BBC News that the charter came into effect on signature.",
        title="Charter",
        source="<test>",
        outlet="bbc",
        url="https://www.bbc.co.uk/news/business-1",
    )
    a = pipeline.run(article)
    assert speaker_name(quote(a, "The plan failed")) == "One GOP operative in the state"
    assert quote(a, "the charter came into effect on signature", "indirect").via is None


@pytest.mark.parametrize(
    "text, words, via",
    [
        (
            "Ann Holt said in an email to The Associated Press that the mayor never meant harm.",
            "the mayor never meant harm",
            "Associated Press",
        ),
        ("“We will rebuild,” Ann Holt said in an interview with Reuters.", "We will rebuild", "Reuters"),
        ("“We will rebuild,” Ann Holt said in an interview with her husband.", "We will rebuild", None),
    ],
)
def test_words_said_in_an_interview_with_an_outlet_come_via_it(analyze_text, text, words, via):
    q = quote(analyze_text(text, title="Rebuild"), words)
    assert speaker_name(q) == "Ann Holt" and q.via == via


def test_what_someone_told_an_outlet_in_an_interview_is_their_indirect_quote(analyze_text):
    a = analyze_text(
        "Ann Holt told Reuters in an interview that the mayor would resign. "
        "Gordon Ebbe spoke in an interview that lasted an hour.",
        title="Resign",
    )
    q = quote(a, "the mayor would resign", "indirect")
    assert speaker_name(q) == "Ann Holt" and q.via == "Reuters"
    assert not any("lasted" in q.text for q in a.quotes)
