"""Relayed passages whole: intros in any tense, outlets named by description, short name or reporter,
passages of several paragraphs, and where the article's own voice resumes. Voices need no parse, so these
run the stage on cleaned text alone; the sentences are written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

from newstrace.clean import make_article
from newstrace.ingest.html import parse_page
from newstrace.settings import Settings
from newstrace.stages import voices


def relays_of(body: str, blockquotes: list[str] | None = None):
    article = make_article(body, title="Test article", blockquotes=blockquotes)
    ctx = SimpleNamespace(article=article, settings=Settings(), analysis=SimpleNamespace(voices=[]))
    voices.run(ctx)
    return article.text, [v for v in ctx.analysis.voices if v.kind == "relay"]


def covered(text: str, relay, phrase: str) -> bool:
    at = text.index(phrase)
    return relay.start <= at and at + len(phrase) <= relay.end


def test_present_tense_intro_and_lines_of_the_same_block():
    body = (
        "The council met again on Monday.\n\nThe Guardian reports:\n\n"
        "…the budget gap is larger than the council admitted in March.\n"
        "Officials expect a decision on the library closures in the autumn.\n\n"
        "The council has denied any gap."
    )
    text, relays = relays_of(body)
    assert [r.outlet for r in relays] == ["The Guardian"]
    assert covered(text, relays[0], "Officials expect a decision")
    assert not covered(text, relays[0], "The council has denied")


def test_short_name_after_the_outlet_was_named_and_a_quotation_left_open():
    body = (
        "A New York Times report on the mayor's record drew an angry reply.\n\n"
        "Here is an excerpt from the Times report:\n\n"
        '"The mayor said in 2019 that the bridge would open within a year.\n\n'
        'It has not opened, and the contract has been renegotiated twice, according to records."\n\n'
        "The mayor's office says the delays were the builder's fault."
    )
    text, relays = relays_of(body)
    assert [r.outlet for r in relays] == ["The New York Times"]
    assert covered(text, relays[0], "according to records")
    assert not covered(text, relays[0], "The mayor's office says")


def test_description_of_an_outlet_named_before():
    body = (
        "The Washington Post looked at the county's water tests this spring.\n\n"
        "The newspaper recently reported:\n\n"
        "Three of the county's wells failed the lead test in April.\n\n"
        "The county says all wells now pass."
    )
    text, relays = relays_of(body)
    assert [r.outlet for r in relays] == ["The Washington Post"]
    assert not covered(text, relays[0], "The county says")


def test_reporter_named_with_the_outlet_earlier():
    body = (
        "The Post sent its reporter Dana Whitcombe to the factory town.\n\n"
        "The town's mood is bleak. Whitcombe writes:\n\n"
        '"The shifts were cut in half last year, and the diner closed in May.\n\n'
        '"Nobody here expects the plant to reopen."\n\n'
        "The company did not respond to our questions."
    )
    text, relays = relays_of("The Washington Post profiled a town.\n\n" + body)
    assert [r.outlet for r in relays] == ["The Washington Post"]
    assert covered(text, relays[0], "Nobody here expects")
    assert not covered(text, relays[0], "The company did not respond")


def test_excerpt_runs_over_quoted_paragraphs_and_ends_at_commentary():
    body = (
        "CNN spent a day with the volunteers.\n\n"
        "CNN reports:\n\n"
        "“We start at six,” she said. “Nobody pays us.”\n\n"
        '"The van was already full of bread.\n\n'
        "“Another day,” he said.\n\n"
        "Of course, nobody asked why the city stopped paying for it.\n\n"
        "The piece ends with the volunteers counting the loaves.\n\n"
        "“Four hundred,” she said. “Enough for today.”"
    )
    text, relays = relays_of(body)
    assert [r.outlet for r in relays] == ["CNN", "CNN"]
    assert covered(text, relays[0], "“Another day,” he said.")
    assert not covered(text, relays[0], "Of course, nobody asked")
    assert covered(text, relays[1], "Enough for today")


def test_a_plain_quote_after_a_one_paragraph_relay_is_the_article_again():
    body = (
        "Reuters reported on the talks:\n\n"
        "“Both sides are closer than ever,” an official told the agency.\n\n"
        "“There is no deal yet,” the minister said on Thursday."
    )
    text, relays = relays_of(body)
    assert len(relays) == 1
    assert not covered(text, relays[0], "There is no deal yet")


def test_a_paragraph_naming_the_relayed_outlet_ends_the_excerpt():
    body = (
        "The Guardian reports:\n\n"
        '"The port was closed for a week.\n\n'
        "“It cost us a fortune,” a trader said.\n\n"
        "“We disagree with the Guardian's figures,” the port authority said."
    )
    text, relays = relays_of(body)
    assert not covered(text, relays[0], "We disagree")


def test_a_reporter_of_an_outlet_and_a_social_post_are_no_relay():
    body = (
        "But as a CNN reporter noted, the stands were empty:\n\n"
        "Crowd at the stadium tonight. pic.twitter.com/abc123\n\n"
        "Fox News also noted the turnout:\n\n"
        "Even the local paper ran a photo of the empty stands."
    )
    _, relays = relays_of(body)
    assert relays == []


def test_a_colon_naming_no_outlet_is_no_relay_without_an_earlier_relay():
    body = "The minister listed three demands:\n\nHigher wages and shorter hours topped the list."
    assert relays_of(body)[1] == []


HTML = """<html><head><title>Strike talks stall</title></head><body><article><h1>Strike talks stall</h1>
<p>Unions across France called a new national strike on Wednesday as talks over the pension law stalled.</p>
<p>The Washington Post reported on the talks:</p>
<blockquote><p>Both sides are closer than they have been in months, a union official said on Tuesday.</p>
<p>“There is no deal yet,” the labour minister said later that evening.</p></blockquote>
<p>“We will not back down,” the union leader said at the rally in Lyon on Saturday afternoon.</p>
<blockquote class="pullquote">“We will not back down”</blockquote>
<p>The strike will go ahead on Monday unless the government gives way, the unions said.</p>
</article></body></html>"""


def test_html_block_quote_is_the_relayed_passage_exactly():
    raw = parse_page(HTML, source="page.html")
    text, relays = relays_of(raw.body, raw.blockquotes)
    assert [r.outlet for r in relays] == ["The Washington Post"]
    assert covered(text, relays[0], "the labour minister said later that evening.")
    assert not covered(text, relays[0], "We will not back down")


def test_html_pull_quote_repeating_the_body_is_removed():
    raw = parse_page(HTML, source="page.html")
    assert raw.body.count("We will not back down") == 1


# -- "According to <outlet>, …": one sentence relays the outlet, listed in the knowledge base or not -------


def test_according_to_an_unlisted_outlet_relays_the_rest_of_the_sentence():
    body = (
        "The council met on Monday.\n\n"
        "According to the Courier, the council will close two libraries in May. The mayor was not at the meeting."
    )
    text, relays = relays_of(body)
    assert [r.outlet for r in relays] == ["Courier"]
    assert text[relays[0].start : relays[0].end] == "the council will close two libraries in May."
    assert relays[0].intro == "According to the Courier,"
    assert text[relays[0].intro_start : relays[0].intro_end] == relays[0].intro


def test_according_to_the_short_name_is_the_outlet_named_before():
    body = (
        "Two aides spoke to The Northern Herald on Sunday.\n\n"
        "According to the Herald, the budget was rewritten twice.\n\n"
        "According to a report in the Westbridge Chronicle, the mayor kept a second diary."
    )
    text, relays = relays_of(body)
    assert [r.outlet for r in relays] == ["Northern Herald", "Westbridge Chronicle"]
    assert covered(text, relays[0], "the budget was rewritten twice")
    assert covered(text, relays[1], "the mayor kept a second diary")


def test_according_to_what_is_not_an_outlet_is_no_relay():
    body = (
        "According to the ministry, the road will reopen in June.\n\n"
        "According to Fox News analyst Jo Hale, the order was legal.\n\n"
        "According to the Post Office, parcels were delayed. According to the Review, costs doubled.\n\n"
        "“According to the Courier, we are closing,” the librarian said."
    )
    assert relays_of(body)[1] == []
