"""Which earlier mention a 'he'/'she' after a quote points back to: the subject of the main clause before
an embedded one, a passive agent as a subject, and a gender learned from an earlier resolved pronoun."""

from __future__ import annotations


def speaker_of(analysis, words: str) -> str:
    found = [q for q in analysis.quotes if words in q.text]
    assert found, [(q.kind, q.text) for q in analysis.quotes]
    return found[0].speaker.name if found[0].speaker else ""


def test_main_clause_subject_outranks_embedded_subject(analyze_text):
    a = analyze_text(
        "Senator Walter Brandt said on Sunday he never doubted the governor and repeatedly said he believes "
        "Thomas Hale is an honest man.\n\n"
        "“He says he is honest. But I am talking about his record on the budget,” he said.\n"
    )
    assert speaker_of(a, "talking about his record") == "Walter Brandt"


def test_passive_agent_is_a_subject_for_a_later_pronoun(analyze_text):
    a = analyze_text(
        "The finance minister, Peter Lund, said on Monday he was worried about the port strike. "
        "“We are concerned about the delays,” he said after meeting his British counterpart. "
        "His warning was echoed by the trade secretary, Martin Cole. “We understand the workers, and everyone appreciates that,” he said.\n"
    )
    assert speaker_of(a, "We are concerned") == "Peter Lund"
    assert speaker_of(a, "We understand the workers") == "Martin Cole"


def test_gender_learned_from_a_resolved_pronoun(analyze_text):
    a = analyze_text(
        "Zorya Petrenko watched the debate from her sofa in Dayton.\n\n"
        "“It never crossed my mind that I was wrong,” she said, and the reason was the rise of Adam Ford, "
        "who had talked about everything she believed, from the mayor being corrupt to Helen Marsh being "
        "his accomplice.\n\n"
        "The evening went on.\n\n"
        "“Here he comes,” she said, clapping.\n"
    )
    assert speaker_of(a, "It never crossed") == "Zorya Petrenko"
    assert speaker_of(a, "Here he comes") == "Zorya Petrenko"


def test_a_description_right_after_the_narrated_subject_is_that_person(analyze_text):
    a = analyze_text(
        "Walter Brandt has promised never to raise the port tax while he leads the council.\n\n"
        "The mayor told the Harbour Gazette: “If you look at what I do, I cut taxes every single year.”\n"
    )
    assert speaker_of(a, "If you look at what I do") == "Walter Brandt"


def test_a_description_after_other_narration_stays_unresolved(analyze_text):
    a = analyze_text(
        "“We will keep talking to every side,” Walter Brandt told reporters.\n\n"
        "Opponents of the tram mocked the plan as an empty gesture.\n\n"
        "“The budget will be cut in the spring,” the minister said.\n"
    )
    assert "Brandt" not in speaker_of(a, "budget will be cut")


def test_a_pronoun_skips_a_nearer_name_of_the_other_gender(analyze_text):
    a = analyze_text(
        "Candace Moreno accused the campaign manager of grabbing her arm. Dwight Keller denied it on Monday. "
        "On Twitter, she responded by saying, “Just stop lying.”\n"
    )
    assert speaker_of(a, "Just stop lying") == "Candace Moreno"
