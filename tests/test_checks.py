"""Checks: scare quotes attested or not, intros that misstate the relayed passage, reworded repeats."""

from __future__ import annotations

import copy
from types import SimpleNamespace

from newstrace.model import Analysis, Article, Quote, Ref, Statement, Voice
from newstrace.stages.checks import stage as checks

BODY = (
    "Finance Minister Tom Hale faced ‘mounting fury’ over the budget on Tuesday.\n\n"
    "Last week, opposition leader Ana Ruiz issued a ‘veiled’ ultimatum to the government, Reuters reported:\n\n"
    "Opposition leader Ana Ruiz on Monday made a veiled appeal to parliament to reject the budget, "
    "saying the plan was unfair to pensioners. Hale did not respond.\n\n"
    "The vote is due next month."
)


def by_kind(analysis, kind):
    return [c for c in analysis.checks if c.kind == kind]


def test_unattested_and_attested_scare_quotes(analyze_text):
    a = analyze_text(BODY)
    un = by_kind(a, "unattested_quote")
    att = by_kind(a, "attested_quote")
    assert [c.text for c in un] == ["mounting fury"]
    assert un[0].via is None and "no speaker or cited source" in un[0].detail
    assert [c.text for c in att] == ["veiled"] and att[0].via == "Reuters"
    assert all(c.detail.endswith(".") for c in a.checks)


def test_source_mismatch_in_act_and_target(analyze_text):
    a = analyze_text(BODY)
    (m,) = by_kind(a, "source_mismatch")
    assert m.via == "Reuters"
    assert "ultimatum to the government" in m.article_says
    assert "appeal to parliament" in m.source_says
    assert "appeal" in m.detail and "ultimatum" in m.detail


def test_faithful_intro_is_not_a_mismatch(analyze_text):
    body = (
        "Opposition leader Ana Ruiz issued a warning to the government, Reuters reported:\n\n"
        "Opposition leader Ana Ruiz on Monday issued a stark warning to the government over the budget.\n\n"
        "The vote is due next month."
    )
    a = analyze_text(body)
    assert by_kind(a, "source_mismatch") == []


def test_scare_quotes_found_without_the_quotes_stage(analyze_text):
    a = analyze_text(BODY)
    ctx = SimpleNamespace(analysis=copy.deepcopy(a), article=a.article, doc=None)
    ctx.analysis.quotes = []
    from newstrace import nlp
    from newstrace.settings import Settings

    ctx.doc = nlp.load(Settings().spacy_model)(a.article.text)
    found = {c.kind: c for c in checks.quote_checks(ctx)}
    assert found["unattested_quote"].text == "mounting fury"
    assert found["attested_quote"].via == "Reuters"


def test_reworded_repeat_lists_its_differences():
    text = "x" * 10
    article = Article(id="t", title="", text=text)
    q1 = Quote(
        id="q1",
        kind="direct",
        text="We will defend the U.S. border with all our strength",
        start=0,
        end=1,
        speaker=Ref("Ana Ruiz"),
    )
    q2 = Quote(
        id="q2",
        kind="direct",
        text="We will defend the USA border with all of our strength",
        start=2,
        end=3,
        speaker=Ref("Ana Ruiz"),
        via="CNN",
    )
    q3 = Quote(
        id="q3",
        kind="direct",
        text="We will defend the U.S. border with all our strength",
        start=4,
        end=5,
        speaker=Ref("Ana Ruiz"),
    )
    analysis = Analysis(
        article=article,
        voices=[Voice(id="v0", kind="article")],
        quotes=[q1, q2, q3],
        statements=[Statement(id="s1", speaker=Ref("Ana Ruiz"), quotes=["q1", "q2", "q3"], text=q1.text)],
    )
    found = checks.duplicate_checks(SimpleNamespace(analysis=analysis))
    assert len(found) == 1  # q1 and q3 are the same words; q2 differs once, reported once
    assert "“U.S.” vs “USA”" in found[0].detail and "“of” added" in found[0].detail
    assert found[0].detail.startswith("Ana Ruiz's statement")


def test_differences_ignore_hyphens_and_spacing():
    assert checks.differences("its long-term security", "its long term security") == []
    assert checks.differences("a cease-fire now", "a ceasefire now") == []


def test_a_titles_full_stop_inside_the_closing_mark_keeps_it_a_title(analyze_text):
    a = analyze_text(
        "The senator spoke at the rally. The band proceeded to perform “Harbour Lights Over Kestria.”", title="Rally"
    )
    assert not any(c.kind == "unattested_quote" for c in a.checks)
    assert not any("Harbour Lights" in s.text for s in a.framing.spans)


def test_a_check_says_where_in_the_text_it_points(analyze_text):
    a = analyze_text(
        "The council met on Monday. The plan, a “land grab” by any measure, passed by one vote after the "
        "“land grab” debate.",
        title="Port",
    )
    flagged = [c for c in a.checks if c.kind == "unattested_quote"]
    assert flagged and all(a.article.text[c.start : c.end] == c.text for c in flagged)


def test_a_headlines_quoted_word_is_checked_against_the_bodys_quotations(analyze_text):
    a = analyze_text(
        "Dana Whitlock praised the harbour master on Monday. “He is the best we have had,” Ms Whitlock said. "
        "The board said the port was looking strong.",
        title="Mayor hails 'genius' harbour master as port looks 'strong'",
    )
    flagged = {c.text: c for c in a.checks if c.kind == "unattested_quote"}
    assert set(flagged) == {"genius", "strong"} and all(
        c.field == "title" and c.start is None for c in flagged.values()
    )
    assert "reported speech" in flagged["strong"].detail and "reported speech" not in flagged["genius"].detail
    b = analyze_text("The minister spoke on Monday. “I will not quit,” she said.", title="Minister 'will not quit'")
    assert [(c.kind, c.text) for c in b.checks] == [("attested_quote", "will not quit")]


def test_a_longer_quoted_fragment_no_one_says_is_unattested_and_a_sentence_full_stop_is_not_part_of_it(analyze_text):
    a = analyze_text(
        "The Courier sent its reporter into “a farmhouse kitchen in rural Kestria” to watch the vote. "
        "The profile closes on the farmer's “nerves.” Silverman interjected, “Ladies and gentlemen, the band.”",
        title="Vote",
    )
    flagged = sorted(c.text for c in a.checks if c.kind == "unattested_quote")
    assert flagged == ["a farmhouse kitchen in rural Kestria", "nerves"]
    assert all(a.article.text[c.start : c.end] == c.text for c in a.checks)
