"""Verbal attacks, verbal defence and accusations made in speech, on sentences written for these tests."""

from newstrace.stages.events.speech import condemning


def names(ref):
    return f"{ref.name} {ref.code or ''} {ref.mention or ''}" if ref else ""


def accusations(a):
    return [e for e in a.events if e.type == "ACCUSE"]


def test_verbal_attack_verbs_are_criticism(analyze_text):
    a = analyze_text("Senator Maria Lopez slammed the Pentagon over the contract.", published="2021-03-02")
    ev = accusations(a)
    assert ev and "Lopez" in names(ev[0].source) and "Pentagon" in names(ev[0].target)
    a = analyze_text("Governor Tom Reyes took aim at Amazon in a radio interview on Monday.", published="2021-03-02")
    ev = accusations(a)
    assert ev and "Amazon" in names(ev[0].target) and ev[0].date == "2021-03-01"


def test_blast_by_a_person_is_verbal_by_jets_is_violence(analyze_text):
    a = analyze_text("Jane Porter blasted the European Commission on Thursday.", published="2021-03-06")
    assert [e.type for e in a.events] == ["ACCUSE"]
    a = analyze_text("Israeli jets blasted the town of Khan Younis.", published="2021-03-06")
    assert "ACCUSE" not in {e.type for e in a.events}


def test_defending_remarks_is_verbal_support_of_their_author(analyze_text):
    a = analyze_text("Mayor Ann Dale defended Senator Greg Holt's remarks on Sunday.", published="2021-03-08")
    ev = [e for e in a.events if e.type == "SUPPORT"]
    assert ev and ev[0].cameo == "052" and "Holt" in names(ev[0].target) and ev[0].date == "2021-03-07"


def test_condemning_words_and_their_negation():
    assert condemning('It was "an outrageous distortion" of the record') == "outrageous"
    assert condemning("the plan is not reckless") is None
    assert condemning("The primary has been a race to the bottom.") == "race to the bottom"
    assert condemning("the talks went well") is None


def test_quote_condemning_a_named_party_is_an_accusation(analyze_text):
    a = analyze_text(
        "Senator Paul Grant said on Tuesday that Governor Lisa Marsh's budget is a reckless gamble.",
        published="2021-03-10",
    )
    ev = accusations(a)
    assert ev and "Grant" in names(ev[0].source) and "Marsh" in names(ev[0].target)
    assert ev[0].date == "2021-03-09"


def test_quote_naming_no_one_or_denying_is_no_accusation(analyze_text):
    a = analyze_text('"Those remarks are reckless," said Paul Grant.', published="2021-03-10")
    assert not accusations(a)
    a = analyze_text(
        "Paul Grant said he wasn't calling Lisa Marsh's plan reckless.",
        published="2021-03-10",
    )
    assert not [e for e in accusations(a) if e.cameo == "111" and e.trigger == "reckless"]


def test_speech_act_takes_the_date_of_its_saying_clause(analyze_text):
    a = analyze_text(
        "The foreign minister, Anna Berg, said Monday she was worried about the fighting, as she urged all sides to "
        "show restraint.",
        published="2021-03-10",
    )
    ev = [e for e in a.events if e.type == "REQUEST"]
    assert ev and ev[0].date == "2021-03-08"


def test_two_citizens_are_two_parties(analyze_text):
    a = analyze_text(
        "In March, Senator Paul Grant took aim at Boeing. Senator Lisa Marsh also accused Boeing of hiding defects.",
        published="2021-06-10",
    )
    sources = {e.source.name for e in accusations(a)}
    assert any("Grant" in s for s in sources) and any("Marsh" in s for s in sources)


def test_condemning_those_remarks_accuses_the_last_other_speaker(analyze_text):
    a = analyze_text(
        '"We will cut the grants for every rural school," Governor Mark Pellow said on Tuesday.\n\n'
        '"I believe those remarks are a disgrace to this state," said Ann Vole, the leader of the opposition.',
        published="2025-03-10",
    )
    ev = [e for e in accusations(a) if "Vole" in names(e.source)]
    assert ev and ev[0].target.name == "Mark Pellow"


def test_a_condemning_quote_with_no_one_named_or_pointed_at_accuses_no_one(analyze_text):
    a = analyze_text(
        '"We will cut the grants for every rural school," Governor Mark Pellow said on Tuesday.\n\n'
        '"The weather this spring is a disgrace," said Ann Vole, the leader of the opposition.',
        published="2025-03-10",
    )
    assert not [e for e in accusations(a) if "Vole" in names(e.source)]


def test_two_condemnations_in_different_words_are_two_accusations(analyze_text):
    a = analyze_text(
        'Ann Vole said Mark Pellow\'s budget was "a disgrace".\n\n'
        'Later Ann Vole said Mark Pellow\'s record was "shameful".',
        published="2025-03-10",
    )
    ev = [e for e in accusations(a) if "Vole" in names(e.source) and "Pellow" in names(e.target)]
    assert len(ev) == 2
