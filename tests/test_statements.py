"""Statements: quotes of one speaker saying the same thing become one statement; different things, or the
same words from different speakers, stay apart."""

from __future__ import annotations

import pytest

from newstrace.stages.statements import same_statement, statement_words

BODY = """Senator Laura Chen spoke to reporters outside the Capitol on Friday.

“The U.S. will not send ground troops to the region this year,” Laura Chen said.

Hours later she repeated the pledge on the radio. “The USA will not send ground troops to the region this year,” Laura Chen said.

“Our ships will stay in the gulf for as long as they are needed,” Laura Chen said.

Admiral Ruth Hale, who commands the fleet, was asked about the plan on Saturday.

“We need more time to study the proposal before we decide,” Ruth Hale said.

“We need more time to study the proposal before we decide,” Laura Chen said when asked the same question.
"""


@pytest.fixture(scope="module")
def analysis(analyze_text):
    return analyze_text(BODY, title="Senator rules out ground troops")


def quotes_with(analysis, words_: str):
    found = [q for q in analysis.quotes if words_ in q.text and q.kind == "direct"]
    assert found, [q.text for q in analysis.quotes]
    return found


def statement(analysis, sid):
    return next(s for s in analysis.statements if s.id == sid)


def test_same_sentence_with_us_and_usa_is_one_statement(analysis):
    first, second = quotes_with(analysis, "will not send ground troops")
    assert first.speaker.name == second.speaker.name == "Laura Chen"
    assert first.statement is not None and first.statement == second.statement
    st = statement(analysis, first.statement)
    assert st.speaker.name == "Laura Chen"
    assert {first.id, second.id} <= set(st.quotes)
    assert "will not send ground troops" in st.text


def test_different_sentences_of_one_speaker_are_two_statements(analysis):
    (troops, _) = quotes_with(analysis, "will not send ground troops")
    (ships,) = quotes_with(analysis, "Our ships will stay in the gulf")
    assert ships.speaker.name == "Laura Chen"
    assert ships.statement != troops.statement


def test_same_words_from_two_speakers_are_not_merged(analysis):
    hale, chen = quotes_with(analysis, "We need more time to study the proposal")
    assert hale.speaker.name == "Ruth Hale"
    assert chen.speaker.name == "Laura Chen"
    assert hale.statement != chen.statement
    assert statement(analysis, hale.statement).speaker.name == "Ruth Hale"
    assert statement(analysis, chen.statement).speaker.name == "Laura Chen"


def test_every_statement_lists_the_quotes_that_point_to_it(analysis):
    by_id = {q.id: q for q in analysis.quotes}
    assert len({s.id for s in analysis.statements}) == len(analysis.statements)
    for st in analysis.statements:
        assert st.quotes
        for qid in st.quotes:
            assert by_id[qid].statement == st.id
    for q in analysis.quotes:
        if q.statement is not None:
            assert q.id in statement(analysis, q.statement).quotes


# -- the pure helpers -----------------------------------------------------------------------------


def test_words_fold_case_punctuation_and_variant_spellings():
    assert statement_words("The U.S. will NOT wait!") == statement_words("the USA will not wait")
    assert statement_words("Don’t stop") == ["don't", "stop"]


def test_same_statement_needs_most_of_the_shorter_quote():
    a = statement_words("We will not send ground troops to the region")
    assert same_statement(a, statement_words("We will not send ground troops to the region this year"))
    assert not same_statement(a, statement_words("Our ships will stay in the gulf for the winter"))


def test_very_short_fragments_are_never_merged():
    assert not same_statement(statement_words("no comment"), statement_words("no comment"))
