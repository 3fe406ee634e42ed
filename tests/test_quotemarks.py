"""Finding quoted passages (quotemarks.find_quotes) as real copy writes them."""

from __future__ import annotations

from newstrace.quotemarks import find_quotes


def quoted(text: str, double: bool | None = None) -> list[str]:
    """The words inside each span found, trailing commas dropped, in text order."""
    spans = find_quotes(text)
    return [text[q.start : q.end].rstrip(",") for q in spans if double is None or q.double == double]


def test_curly_double_quotes():
    text = "“We are ready for the storm,” the mayor said. “The shelters are open.”"
    assert quoted(text) == ["We are ready for the storm", "The shelters are open."]
    first = find_quotes(text)[0]
    assert (first.open_mark, first.close_mark) == (0, text.index("”"))
    assert first.double


def test_straight_double_quotes():
    text = 'The coach said "we played badly" and left. "Next week will be different," he added.'
    assert quoted(text) == ["we played badly", "Next week will be different"]


def test_wrong_way_mark_opening_a_quote():
    text = "”Well, that is the end of the season,” the coach said."
    assert quoted(text) == ["Well, that is the end of the season"]
    text = "The coach said: ”Well, that is the end of it.”"
    assert quoted(text) == ["Well, that is the end of it."]


def test_unclosed_quote_ends_at_the_paragraph_end():
    text = "“We will fight this ruling in every court in the land\n\nThe judge declined to comment."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "We will fight this ruling in every court in the land"
    assert q.close_mark is None


def test_unclosed_quote_ends_where_the_next_opening_mark_begins():
    text = "“We will fight this ruling, the lawyer said. “And we will win,” she added."
    spans = find_quotes(text)
    assert [text[q.start : q.end] for q in spans] == ["We will fight this ruling, the lawyer said.", "And we will win,"]
    assert spans[0].close_mark is None
    assert spans[0].end <= spans[1].open_mark


def test_apostrophes_are_not_quotes():
    text = "They don’t know yet. Hamas’s envoy, who rose in the ’90s, said it’s the voters’ choice."
    assert find_quotes(text) == []
    assert find_quotes("It's the farmers' choice, and they won't wait.") == []


def test_single_quoted_phrases_are_found_as_non_double_spans():
    text = "Critics called it a ‘so-called reform’ and a ‘paper tiger’ for the regions."
    spans = find_quotes(text)
    assert [text[q.start : q.end] for q in spans] == ["so-called reform", "paper tiger"]
    assert not any(q.double for q in spans)


def test_single_quotes_inside_a_double_quote_belong_to_it():
    text = "“The ‘so-called reform’ is dead,” she said."
    assert quoted(text) == ["The ‘so-called reform’ is dead"]
    assert quoted(text, double=False) == []


def test_spans_come_in_text_order_with_mixed_marks():
    text = 'He called it a ‘historic day’. “We waited years,” he said, and added "never again".'
    assert quoted(text) == ["historic day", "We waited years", "never again"]
    assert [q.double for q in find_quotes(text)] == [False, True, True]


def test_a_doubled_straight_mark_opens_one_quote():
    text = '""Rents have doubled since 2019," Ms. Farrow told the board. "Nobody can stay."'
    assert [(q.text(text), q.double) for q in find_quotes(text)] == [
        ("Rents have doubled since 2019,", True),
        ("Nobody can stay.", True),
    ]


def test_a_quotation_run_on_across_lost_paragraph_breaks_is_reopened_not_closed():
    # Collapsed copy: the paragraph break between the two parts of one quotation is gone, so the second
    # part's opening mark sits after a sentence end; read as a closing mark it would put every later quote
    # out of step.
    text = (
        'The minister said: "We are closing the old depots this year. "And the new ones open in May," she added. '
        'Critics called it "a gamble".'
    )
    assert quoted(text) == ["We are closing the old depots this year.", "And the new ones open in May", "a gamble"]
    assert find_quotes(text)[0].close_mark is None


def test_a_dropped_closing_mark_before_the_next_cue_ends_the_quote_at_its_sentence():
    text = 'The farmer said: "We lost the whole harvest. Then he added: "Nobody came to help." The council declined to comment.'
    assert quoted(text) == ["We lost the whole harvest.", "Nobody came to help."]


def test_a_closing_mark_after_a_sentence_end_still_closes():
    text = 'He said "we are done." Then he left. The mayor called it "a shame".'
    assert quoted(text) == ["we are done.", "a shame"]


def test_a_quotation_inside_a_quotation_in_the_same_curly_marks_is_part_of_it():
    text = "The coach wrote, “Players who call it “just a game” miss the point. They owe the town more.” He resigned."
    assert quoted(text) == ["Players who call it “just a game” miss the point. They owe the town more."]


def test_an_unclosed_quotation_still_ends_at_the_next_opening_mark():
    text = "“We were never told, the driver said. “Nobody warned us,” his wife added."
    assert quoted(text) == ["We were never told, the driver said.", "Nobody warned us"]


def test_a_title_may_end_in_a_number_but_not_open_with_one():
    from newstrace.quotemarks import is_title

    assert is_title("Super Tuesday 2") and is_title("Harbour Lights 3")
    assert not is_title("2 Super Tuesday") and not is_title("the best plan")
