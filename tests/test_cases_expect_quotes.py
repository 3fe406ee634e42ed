"""The `expect` lines of the failure-kind cases about quotes, speakers, outlets, statements and checks
(../shared/eval/cases), each as a test on newstrace's analysis of the case file. Each asserts the kind
of behaviour the line describes (who said what), not the case's layout."""

from __future__ import annotations

import functools
import json
import re

import pytest

SPOKEN = ("direct", "partial")


@pytest.fixture(scope="module")
def case(shared):
    import newstrace

    @functools.cache
    def run(prefix: str):
        gold = next((shared / "eval" / "cases").glob(f"{prefix}-*.gold.json"))
        article = (gold.parent / json.loads(gold.read_text())["article"]).resolve()
        return newstrace.analyze(str(article), published=json.loads(gold.read_text()).get("published"))

    return run


def name(ref) -> str:
    return ref.name if ref is not None else ""


def quotes_with(analysis, words: str, kinds=("direct", "partial", "indirect", "scare"), field: str = "text"):
    return [q for q in analysis.quotes if words in q.text and q.kind in kinds and q.field == field]


def one(analysis, words: str, kinds=SPOKEN, field: str = "text"):
    hits = quotes_with(analysis, words, kinds, field)
    assert hits, f"no quote with {words!r}: {[(q.kind, q.text) for q in analysis.quotes]}"
    return hits[0]


def unattested(analysis) -> list[str]:
    return [c.text for c in analysis.checks if c.kind == "unattested_quote"]


def unpaired_single_mark(text: str) -> bool:
    stripped = re.sub(r"(?<=\w)’(?=\w)", "", text)  # apostrophes inside words
    return stripped.count("‘") != stripped.count("’")


# -- 01 a quotation running over paragraphs; a quote after 'X said …' ---------------------------------


def test_01_every_part_of_a_continued_quotation_keeps_the_speaker(case):
    a = case("01")
    for words in ("We are moving", "If the dredger", "Every week we wait", "We have had no answer"):
        assert "Vantongeren" in name(one(a, words).speaker), words


def test_01_parts_of_one_quotation_are_one_statement(case):
    a = case("01")
    for first, second in (("We are moving", "If the dredger"), ("Every week we wait", "We have had no answer")):
        assert one(a, first).statement == one(a, second).statement is not None


def test_01_no_unattested_quote(case):
    assert unattested(case("01")) == []


# -- 03 inverted and manner-of-speaking cues; denied speech -----------------------------------------


def test_03_inverted_cues_give_speaker_and_cue(case):
    a = case("03")
    for words, who, cue in (
        ("cheapest possible way", "Penhallow", "fumed"),
        ("Nobody enjoys this", "Lindqvist", "sighed"),
        ("two branches and a mobile van", "Okafor", "added"),
    ):
        q = one(a, words, ("direct",))
        assert who in name(q.speaker) and q.cue == cue, (words, q.speaker, q.cue)


def test_03_words_she_did_not_say_are_not_her_quote(case):
    a = case("03")
    assert not [q for q in quotes_with(a, "all three") if "Lindqvist" in name(q.speaker)]


def test_03_no_claim_from_words_not_said(case):
    a = case("03")
    assert not [c for c in a.claims if "all three" in (c.text or "") and "Lindqvist" in str(c.attributed_to)]


def test_03_no_unattested_quote(case):
    assert unattested(case("03")) == []


# -- 04 press-release attribution -----------------------------------------------------------------


def test_04_dash_signature_and_and_from_label(case):
    a = case("04")
    assert "Solberg" in name(one(a, "Priya has spent twenty years").speaker)
    assert "Quillfeather" in name(one(a, "This appointment shows").speaker)


def test_04_no_unattested_quote(case):
    assert unattested(case("04")) == []


def test_04_in_a_statement_gives_the_medium(case):
    q = one(case("04"), "publish her first inspection plan", ("indirect",))
    assert q.medium and "statement" in q.medium


# -- 05 description after an appositive; padded straight quotes -----------------------------------


def test_05_padded_quote_text_is_trimmed_and_whole(case):
    q = one(case("05"), "Boats are being chased", ("direct",))
    assert q.text == (
        "Boats are being chased out of waters our grandfathers fished -- and the coastguard just watches from the harbour"
    )


def test_05_the_minister_and_his_pronouns_are_the_person_named_in_apposition(case):
    a = case("05")
    for words in ("Boats are being chased", "We are not looking for a fight", "But we will not be pushed"):
        q = one(a, words, ("direct",))
        assert name(q.speaker) == "Kjell Amundsby", words
        st = next(s for s in a.statements if s.id == q.statement)
        assert name(st.speaker) == "Kjell Amundsby"
    assert not [q for q in a.quotes if name(q.speaker) == "Minister"]


def test_05_the_minister_and_his_pronouns_are_mentions_of_amundsby(case):
    a = case("05")
    mentions = [m.text for e in a.entities if e.name == "Kjell Amundsby" for m in e.mentions]
    assert {"the minister", "He", "he"} <= set(mentions)


def test_05_partial_quote_of_the_ministry(case):
    q = one(case("05"), "every right", ("partial",))
    assert "Vestria" in name(q.speaker) or "ministry" in name(q.speaker).lower()


# -- 06 a quote after 'X said …' --------------------------------------------------------------------


def test_06_uncued_quote_after_x_said_is_x(case):
    a = case("06")
    assert "Varga" in name(one(a, "Nobody wins a strike", ("direct",)).speaker)
    assert "Oduya" in name(one(a, "Don't celebrate yet", ("direct",)).speaker)
    assert "Oduya" in name(one(a, "Who pays for the lost wages", ("direct",)).speaker)


def test_06_no_unattested_quote(case):
    assert unattested(case("06")) == []


# -- 07 an act aimed at words is not their content ---------------------------------------------------


def test_07_rejected_the_accusation_is_no_quote(case):
    assert not [q for q in case("07").quotes if "the accusation on Dec. 31" in q.text]


# -- 09 a pronoun goes to the subject just before ----------------------------------------------------


def test_09_she_is_the_person_who_is_the_subject_before(case):
    a = case("09")
    q = one(a, "it is a real offer", ("direct",))
    assert q.speaker_mention == "she" and "Mbeki" in name(q.speaker)
    assert not [q for q in a.quotes if "Tram Users" in name(q.speaker)]


def test_09_she_is_a_mention_of_mbeki_not_of_the_passengers_group(case):
    a = case("09")
    assert "she" in [m.text for e in a.entities if e.name == "Carys Mbeki" for m in e.mentions]
    assert not [m for e in a.entities if "Tram Users" in e.name for m in e.mentions if m.text.lower() == "she"]


# -- 11 nested quotes, apostrophes, British single quotes --------------------------------------------


def test_11_single_quoted_words_after_called_and_said_are_partial_quotes(case):
    a = case("11")
    for words, cue in (("reckless", "called"), ("made up", "said")):
        q = next(q for q in a.quotes if q.text == words)
        assert q.kind == "partial" and q.cue == cue and "residents" in name(q.speaker).lower()
        assert q.clause is not None
        host = next(h for h in a.quotes if h.id == q.clause)
        assert host.kind == "indirect" and host.start <= q.start and q.end <= host.end


def test_11_a_quote_inside_a_quote_is_the_embedded_speakers(case):
    a = case("11")
    inner = next(q for q in a.quotes if q.text == "Your kitchen is the cleanest in the district")
    outer = one(a, "When the inspector told me", ("direct",))
    assert inner.kind == "direct"
    assert outer.start <= inner.start and inner.end <= outer.end
    assert "inspector" in name(inner.speaker).lower() and "Abernethy" in name(outer.speaker)
    assert inner.cue == "told" and "Abernethy" in name(inner.addressee)


def test_11_no_unattested_quote_for_attributed_words(case):
    assert not {"reckless", "made up"} & set(unattested(case("11")))


def test_11_no_quote_text_has_an_unpaired_single_mark(case):
    assert not [q.text for q in case("11").quotes if unpaired_single_mark(q.text)]


# -- 12 parenthetical cue, relative clause, non-speech predicates ------------------------------------


def test_12_parenthetical_and_relative_clause_cues_are_indirect_quotes(case):
    a = case("12")
    for words in ("the company had expected copper prices to keep rising", "was the largest in the company"):
        q = one(a, words, ("indirect",))
        assert name(q.speaker) == "Anselm Drury", words


def test_12_no_cue_or_non_speech_predicate_as_quote(case):
    a = case("12")
    assert not [q for q in a.quotes if q.text.strip(" ,.") == "he said"]
    assert not [q for q in a.quotes if q.cue in ("defended", "suggests")]
    assert not [q for q in a.quotes if name(q.speaker) == "Experience"]


def test_12_one_name_for_drury(case):
    a = case("12")
    names = {name(q.speaker) for q in a.quotes if "Drury" in name(q.speaker)}
    names |= {name(s.speaker) for s in a.statements if "Drury" in name(s.speaker)}
    assert names == {"Anselm Drury"}


# -- 13 anonymous officials via an outlet ----------------------------------------------------------


def test_13_told_an_outlet_is_via_that_outlet(case):
    a = case("13")
    q = one(a, "a rise of 4 pence a litre was already being drafted", ("indirect",))
    assert "Gazette" in (q.via or "")
    assert "officials" in name(q.speaker).lower()
    direct = one(a, "The numbers are in the budget book", ("direct",))
    assert "officials" in name(direct.speaker).lower() and "Gazette" in (direct.via or "")


def test_13_told_an_outlet_makes_it_the_addressee(case):
    q = one(case("13"), "a rise of 4 pence a litre was already being drafted", ("indirect",))
    assert name(q.addressee) == "Harbour Gazette"


def test_13_according_to_the_outlets_short_name_relays_it(case):
    a = case("13")
    relays = [v for v in a.voices if v.kind == "relay"]
    assert [v.outlet for v in relays] == ["Harbour Gazette"]
    text = a.article.text
    assert text[relays[0].start : relays[0].end] == "the ministry has also modelled a rise of 6 pence."


def test_13_an_outlet_is_never_a_speaker_without_via(case):
    a = case("13")
    assert not [q for q in a.quotes if "Gazette" in name(q.speaker) and q.via is None]


def test_13_the_ministers_and_spokesmans_words_stay_theirs(case):
    a = case("13")
    q = one(a, "no plans", ("partial",))
    assert "Achterberg" in name(q.speaker) and q.via is None
    q = one(a, "speculation", ("partial",))
    assert "spokesman" in name(q.speaker).lower() and q.via is None


# -- 14 transcript turns ---------------------------------------------------------------------------


def test_14_each_turn_is_a_direct_quote_named_as_a_reader_would(case):
    a = case("14")
    turns = [q for q in a.quotes if q.kind == "direct"]
    assert [name(q.speaker) for q in turns] == [
        "Mara Oyelaran",
        "Desmond Kallenberg",
        "Mara Oyelaran",
        "Desmond Kallenberg",
    ]
    assert not [q for q in a.quotes if re.search(r"\b[A-Z]{3,}\b.*:", q.text)]


def test_14_a_question_is_addressed_to_who_answers(case):
    q = one(case("14"), "will the Wexmoor bridge open this year", ("direct",))
    assert "Kallenberg" in name(q.addressee)


# -- 15 the same words from two people --------------------------------------------------------------


def test_15_rebuttal_she_is_the_woman_subject_before(case):
    a = case("15")
    q = one(a, "Nobody has been sold down the river", ("direct",))
    assert q.speaker_mention == "she" and "Castellano" in name(q.speaker)


def test_15_she_is_a_mention_of_castellano_not_whitfield(case):
    a = case("15")
    assert "she" in [m.text for e in a.entities if e.name == "Ines Castellano" for m in e.mentions]
    assert "she" not in [m.text for e in a.entities if e.name == "Lorcan Whitfield" for m in e.mentions]


def test_15_same_words_two_speakers_two_statements(case):
    a = case("15")
    title = one(a, "sold down the river", ("partial",), field="title")
    body = [q for q in a.quotes if q.kind == "partial" and q.field == "text" and q.text == "sold down the river"]
    assert [name(q.speaker) for q in [title, *body]] == ["Lorcan Whitfield", "Lorcan Whitfield", "Kofi Brannagh"]
    assert title.statement == body[0].statement != body[1].statement
    rebuttal = one(a, "Nobody has been sold down the river", ("direct",))
    assert rebuttal.statement not in (title.statement, body[1].statement)


# -- a speaker's words, and words not said, are no Doubt of the writer (03, 05, 06, 15) ------------------


@pytest.mark.parametrize(
    ("prefix", "phrases"),
    [
        ("03", ("Nobody enjoys this", "all three")),
        ("05", ("every right",)),
        ("06", ("Don't celebrate yet!", "Nobody wins a strike.")),
        ("15", ("sold down the river",)),
    ],
)
def test_no_doubt_span_on_quoted_words(case, prefix, phrases):
    a = case(prefix)
    doubt = [s.text for s in a.framing.spans if s.technique == "Doubt"]
    assert not [d for d in doubt for p in phrases if p in d or d.strip(" ,.") in p]


def test_03_no_descriptor_of_okafor_holds_the_cue(case):
    phrases = [p for d in case("03").framing.descriptors if "Okafor" in d.entity.name for p in d.phrases]
    assert not [p for p in phrases if "added" in p.split()]


def test_13_the_outlet_and_its_short_name_are_one_organisation(case):
    a = case("13")
    outlets = [e for e in a.entities if "Gazette" in e.name]
    assert len(outlets) == 1 and outlets[0].type == "ORG"
    texts = {m.text for m in outlets[0].mentions}
    assert "Harbour Gazette" in texts and "Gazette" in texts
