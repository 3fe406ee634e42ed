"""Date resolution: relative expressions read against the day they were written, across week, month
and year boundaries; no reference date means no guessed date."""

import pytest

from newstrace.dates import find_dates, precision_of, resolve


@pytest.mark.parametrize(
    "text, ref, expected",
    [
        # weekdays: the most recent one on or before the reference day
        ("on Friday", "2024-03-23", "2024-03-22"),  # Saturday -> the day before
        ("Friday", "2024-03-22", "2024-03-22"),  # the same day
        ("on Monday", "2024-02-13", "2024-02-12"),
        ("Sunday", "2024-03-04", "2024-03-03"),  # across a month boundary
        ("on Thursday", "2024-01-02", "2023-12-28"),  # across a year boundary
        ("last Friday", "2024-03-22", "2024-03-15"),  # 'last' on that very weekday: the week before
        ("Friday night", "2024-03-25", "2024-03-22"),
        ("next Tuesday", "2024-03-23", "2024-03-26"),
        # named days
        ("February 13", "2024-03-23", "2024-02-13"),
        ("October 7", "2024-03-23", "2023-10-07"),  # later in the year -> last year's
        ("December 31", "2024-01-01", "2023-12-31"),
        ("January 1", "2024-01-01", "2024-01-01"),
        ("13 February", "2024-03-23", "2024-02-13"),
        ("February 29", "2025-03-01", "2024-02-29"),  # the last leap day before
        # a date a day or two after the published date is that year's (a dateline, a time zone), not last year's
        ("Dec. 8", "2015-12-07", "2015-12-08"),
        ("January 2", "2023-12-31", "2024-01-02"),
        ("March 5", "2024-03-02", "2023-03-05"),  # three days on: the last one before
        ("March 3, 2019", "2024-03-23", "2019-03-03"),
        # weeks, months, years: their first day
        ("last week", "2024-03-23", "2024-03-11"),
        ("last week", "2024-01-03", "2023-12-25"),
        ("this week", "2024-03-23", "2024-03-18"),
        ("last month", "2024-03-23", "2024-02-01"),
        ("last month", "2024-01-15", "2023-12-01"),
        ("last year", "2024-03-23", "2023-01-01"),
        ("in early March", "2024-03-23", "2024-03-01"),
        ("late February", "2024-03-23", "2024-02-21"),
        ("mid-December", "2024-01-10", "2023-12-11"),
        ("in March", "2024-02-10", "2023-03-01"),  # a month not yet reached -> last year's
        # counted back
        ("yesterday", "2024-03-01", "2024-02-29"),
        ("two days ago", "2024-01-01", "2023-12-30"),
        ("three weeks ago", "2024-03-23", "2024-03-02"),
    ],
)
def test_resolve(text, ref, expected):
    assert resolve(text, ref) == expected


def test_no_reference_no_guess():
    assert resolve("on Friday", None) is None
    assert resolve("last week", None) is None
    assert resolve("February 13", None) is None
    assert resolve("March 3, 2024", None) == "2024-03-03"  # a full date needs no reference
    assert resolve("", "2024-03-23") is None


def test_find_dates_in_a_sentence():
    s = "The minister said on Friday that talks held in early March and on 4 October 2007 had failed."
    found = [t for _, _, t in find_dates(s)]
    assert found == ["on Friday", "in early March", "on 4 October 2007"]
    start, end, text = find_dates(s)[0]
    assert s[start:end] == text


def test_find_dates_skips_verbs_modals_and_calibres():
    s = "Protesters may march again, officials said, as 155 mm shells ran out."
    assert find_dates(s) == []
    assert [t for _, _, t in find_dates("They met May 5 and again in May.")] == ["May 5", "in May"]
    assert [t for _, _, t in find_dates("Since October 7 the town has been shelled.")] == ["October 7"]


@pytest.mark.parametrize(
    "text, ref, expected",
    [
        ("on January 9", "2025-12-20", "2026-01-09"),  # will hold talks on January 9, written before New Year
        ("on Wednesday", "2025-07-14", "2025-07-16"),  # would meet on Wednesday, written on a Monday
        ("Friday", "2024-03-20", "2024-03-22"),
        ("in November", "2025-12-01", "2026-11-01"),
        ("on March 30", "2025-03-01", "2025-03-30"),  # already ahead: unchanged
        ("last Monday", "2025-07-16", "2025-07-14"),  # says which way it points
        ("tomorrow", "2025-07-16", "2025-07-17"),
    ],
)
def test_intended_acts_resolve_forward(text, ref, expected):
    assert resolve(text, ref, forward=True) == expected


def test_part_of_month_in_the_past_is_not_after_the_reference():
    assert resolve("mid-March", "2025-03-01") == "2024-03-11"
    assert resolve("early March", "2025-03-01") == "2025-03-01"
    assert resolve("late February", "2025-03-01") == "2025-02-21"


def test_dates_at_the_ends_of_the_calendar_resolve_to_none_not_an_error():
    for text in ("next week", "next month", "next year", "tomorrow", "on Monday", "January 3", "yesterday"):
        for reference in ("9999-12-31", "0001-01-01"):
            for forward in (False, True):
                found = resolve(text, reference, forward=forward)
                assert found is None or len(found) == 10


@pytest.mark.parametrize(
    "text, precision",
    [
        (None, "day"),
        ("on Thursday", "day"),
        ("Jan. 14", "day"),
        ("14 January 2021", "day"),
        ("the day before yesterday", "day"),
        ("last week", "week"),
        ("in April", "month"),
        ("in April 2017", "month"),
        ("earlier this month", "month"),
        ("two months ago", "month"),
        ("in 2017", "year"),
        ("last year", "year"),
        ("three years ago", "year"),
    ],
)
def test_precision_says_how_much_of_the_iso_date_the_text_names(text, precision):
    assert precision_of(text) == precision


def test_an_event_dated_to_a_year_says_so(analyze_text):
    a = analyze_text(
        "The rebels seized the mountain town in 2017. On Thursday the army shelled it.", published="2024-03-07"
    )
    by_trigger = {e.trigger: (e.date, e.date_precision) for e in a.events}
    assert by_trigger["seized"] == ("2017-01-01", "year")
    assert by_trigger["shelled"] == ("2024-03-07", "day")


@pytest.mark.parametrize(
    "sentence, found",
    [
        ('Holt said in an interview on the "Today" show that he had doubts.', []),
        ("She told the Today programme she would resign.", []),
        ("He spoke to “Tonight” on Monday.", ["on Monday"]),
        ("Today, the council meets.", ["Today"]),
        ('"Today we mourn," she said.', ["Today"]),
        ("The council meets today.", ["today"]),
    ],
)
def test_today_capitalised_within_a_sentence_or_quoted_alone_is_a_programme(sentence, found):
    assert [text for _, _, text in find_dates(sentence)] == found


@pytest.mark.parametrize(
    "text, iso",
    [
        ("in March 2002", "2002-03-01"),
        ("in 2001", "2001-01-01"),
        ("Sept. 1998", "1998-09-01"),
        ("4 June 2003", "2003-06-04"),
    ],
)
def test_a_stated_year_resolves_without_a_publication_date(text, iso):
    assert resolve(text, None) == iso


@pytest.mark.parametrize("text", ["last March", "on Tuesday", "in March", "two years ago", "in the 1990s"])
def test_a_date_that_needs_the_publication_date_stays_unknown_without_one(text):
    assert resolve(text, None) is None


def test_a_month_abbreviated_with_a_full_stop_keeps_its_day_and_year():
    (found,) = find_dates("the worst attack since the attacks of Sept. 11, 2001, officials said.")
    assert resolve(found[2], "2016-07-15") == "2001-09-11"


def test_weekdays_named_with_next_week_are_in_that_week():
    (found,) = find_dates("Talks will resume in Vienna on Thursday and Friday next week.")
    assert resolve(found[2], "2018-01-17") == "2018-01-25"  # written on a Wednesday


@pytest.mark.parametrize(
    "text, word, month",
    [
        ("From March to May, the regime tested missiles.", "May", True),
        ("the state's May 3 primary", "May", True),
        ("Talks resume in May.", "May", True),
        ("Prime Minister Theresa May said talks would go on.", "May", False),
        ("May said she was confident.", "May", False),
    ],
)
def test_a_month_name_is_a_month_only_where_its_words_say_so(text, word, month):
    from newstrace.dates import month_here

    i = text.index(word)
    assert month_here(text, i, i + len(word)) is month
