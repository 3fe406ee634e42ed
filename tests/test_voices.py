"""Voices: stretches of the article that relay another outlet's text, announced by an intro ending in a colon."""

from __future__ import annotations

import pytest

WAPO_PARA = "“Both sides are closer than they have been in months,” a senior union official told the newspaper."
REUTERS_PARA = "Negotiators left the ministry without a statement after six hours of talks."
NYT_PARA = "The meeting with the mayor lasted less than an hour and ended without comment."
AP_PARA = "Police said the march through the city centre had passed off peacefully."
DEMANDS_PARA = "Higher wages, shorter hours and a lower retirement age topped the list."

BODY = f"""Unions across France called a new national strike on Wednesday as talks over the pension law stalled.

The Washington Post reported on the talks:

{WAPO_PARA}

“There is no deal yet,” the labour minister said on Thursday.

Talks with the unions broke down again late on Thursday, according to Reuters:

{REUTERS_PARA}

The president also met the mayor of Lyon on Friday, the NYT reported:

{NYT_PARA}

The AP reported March 3:

{AP_PARA}

The union leader listed three demands:

{DEMANDS_PARA}

The strike will go ahead on Monday unless the government gives way.
"""


@pytest.fixture(scope="module")
def analysis(analyze_text):
    return analyze_text(BODY, title="French unions call new strike", published="2024-05-01")


def relay_over(analysis, paragraph: str):
    text = analysis.article.text
    start = text.index(paragraph)
    return next(
        (v for v in analysis.voices if v.kind == "relay" and v.start is not None and v.start <= start < v.end), None
    )


def test_the_article_voice_comes_first(analysis):
    v0 = analysis.voices[0]
    assert (v0.id, v0.kind, v0.outlet, v0.start) == ("v0", "article", None, None)


def test_outlet_reported_colon_relays_the_next_paragraph_exactly(analysis):
    voice = relay_over(analysis, WAPO_PARA)
    assert voice is not None
    assert voice.outlet == "The Washington Post"
    text = analysis.article.text
    assert text[voice.start : voice.end] == WAPO_PARA
    assert voice.intro == "The Washington Post reported on the talks:"
    assert text[voice.intro_start : voice.intro_end] == voice.intro


def test_according_to_outlet_colon_is_a_relay(analysis):
    voice = relay_over(analysis, REUTERS_PARA)
    assert voice is not None
    assert voice.outlet == "Reuters"
    assert analysis.article.text[voice.start : voice.end] == REUTERS_PARA
    assert voice.intro.endswith("according to Reuters:")


def test_short_outlet_name_gives_the_full_name(analysis):
    voice = relay_over(analysis, NYT_PARA)
    assert voice is not None
    assert voice.outlet == "The New York Times"
    assert analysis.article.text[voice.start : voice.end] == NYT_PARA


def test_date_after_the_reporting_verb_is_the_voice_date(analysis):
    voice = relay_over(analysis, AP_PARA)
    assert voice is not None
    assert voice.outlet == "Associated Press"
    assert voice.date_text == "March 3"


def test_a_colon_that_names_no_outlet_is_not_a_relay(analysis):
    assert relay_over(analysis, DEMANDS_PARA) is None
    assert analysis.voice_at(analysis.article.text.index(DEMANDS_PARA)).id == "v0"


def test_exactly_four_relays_with_distinct_ids(analysis):
    relays = [v for v in analysis.voices if v.kind == "relay"]
    assert [v.outlet for v in relays] == ["The Washington Post", "Reuters", "The New York Times", "Associated Press"]
    assert len({v.id for v in analysis.voices}) == len(analysis.voices)


@pytest.mark.parametrize(
    "after_relay",
    [
        "“There is no deal yet,” the labour minister said",
        "The president also met the mayor of Lyon",
        "The strike will go ahead on Monday",
    ],
)
def test_the_paragraph_after_a_relay_is_back_in_the_article_voice(analysis, after_relay):
    text = analysis.article.text
    assert analysis.voice_at(text.index(after_relay)).id == "v0"


def test_voice_at_inside_a_relay_is_that_relay(analysis):
    text = analysis.article.text
    voice = analysis.voice_at(text.index("senior union official"))
    assert voice.kind == "relay" and voice.outlet == "The Washington Post"
    # the intro itself is still the article speaking
    assert analysis.voice_at(text.index("The Washington Post reported")).id == "v0"


def test_an_intro_naming_an_outlet_the_knowledge_base_lacks_relays_it_too(analyze_text):
    passage = '"We will keep every berth open," Torv told the dock workers.'
    a = analyze_text(
        "The council met on Monday. Mayor Ines Torv made a promise to the dockers, the Saltmere Courier reported:\n\n"
        + passage
        + "\n\nThe council votes on Friday.",
        published="2024-03-06",
    )
    voice = relay_over(a, passage)
    assert voice is not None and voice.outlet == "Saltmere Courier"
    assert relay_over(a, "The council votes on Friday.") is None
