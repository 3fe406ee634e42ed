"""The events, dates and claims `expect` lines of the fault-kind cases (../shared/eval/cases), asserted
on newstrace's analysis of each case file. Each test names the case and the kind of fault it stands for."""

from __future__ import annotations

import json
from functools import cache

import pytest

from newstrace import dates


@pytest.fixture(scope="session")
def case(shared):
    @cache
    def analyse(prefix: str):
        import newstrace

        gold_path = next((shared / "eval" / "cases").glob(prefix + "-*.gold.json"))
        gold = json.loads(gold_path.read_text())
        article = (gold_path.parent / gold["article"]).resolve()
        return newstrace.analyze(str(article), published=gold.get("published") or None)

    return analyse


def claims_with(a, text):
    return [c for c in a.claims if text in c.text or c.text in text and len(c.text) > 1]


def events_in(a, words):
    return [e for e in a.events if words in e.evidence]


# 06: a weekday in a future clause resolves forward; a past-tense one stays in the past
def test_06_future_weekday_resolves_forward(case):
    a = case("06")
    assert dates.resolve("on Wednesday", a.article.published, forward=True) == "2025-07-16"
    met = [e for e in a.events if e.date_text and "Wednesday" in e.date_text]
    assert all(e.date == "2025-07-16" for e in met)
    assert not any(e.date == "2025-07-09" for e in a.events)


def test_06_past_weekday_stays_past(case):
    a = case("06")
    assert dates.resolve("on Saturday", a.article.published) == "2025-07-12"
    assert all(e.date == "2025-07-12" for e in a.events if e.date_text and "Saturday" in e.date_text)


# 07: dates across a year boundary; 'calling it X' is no phone call
def test_07_talks_in_geneva_are_intended_located_and_not_aimed_at_geneva(case):
    a = case("07")
    talks = [e for e in events_in(a, "will hold talks") if e.trigger.startswith("hold")]
    assert talks, [e.trigger for e in a.events]
    ev = talks[0]
    assert ev.modality == "intended"
    assert ev.location is not None and "Geneva" in ev.location.name
    assert ev.target is None or "Geneva" not in ev.target.name
    assert ev.date == "2025-01-09"


def test_07_next_monday_and_past_dates(case):
    a = case("07")
    by_trigger = {e.trigger: e for e in a.events}
    assert by_trigger["meet"].date == "2025-01-06"
    assert by_trigger["fired"].date == "2024-12-29"
    assert by_trigger["accused"].date == "2024-12-30"
    assert by_trigger["rejected"].date == "2024-12-31" and by_trigger["rejected"].type == "REJECT"


def test_07_calling_it_a_fantasy_is_not_consult(case):
    a = case("07")
    assert not [e for e in a.events if e.type == "CONSULT" and "calling" in e.trigger.lower()]


def test_07_november_is_last_november(case):
    a = case("07")
    for e in a.events:
        if e.date_text and "November" in e.date_text:
            assert e.date and e.date.startswith("2024-11")
    assert dates.resolve("in November", a.article.published) == "2024-11-01"


# 10: delaying aid is a cut in aid by the holder, aimed at the recipient; anniversaries are not events
def test_10_aid_delay_is_a_reported_sanction(case):
    a = case("10")
    ev = next(e for e in a.events if e.trigger == "delaying")
    assert ev.type == "SANCTION" and ev.cameo and ev.cameo.startswith("162")
    assert "Corvania" in ev.source.name and "Lessaria" in ev.target.name
    assert ev.modality == "reported"


def test_10_anniversary_bombing_is_no_current_event(case):
    a = case("10")
    for e in a.events:
        if "2015 bombing" in e.evidence or "memorial concert" in e.evidence:
            assert not (e.date or "").startswith("2025")
    assert not [e for e in a.events if "were killed" in e.evidence]


def test_10_claims(case):
    a = case("10")
    assert {30, 42} <= {c.value for c in a.claims}


# 11, 13: calling something X is not a consultation; a negated visit is not a rejection
def test_11_called_the_scheme_reckless_is_not_consult(case):
    a = case("11")
    assert not [e for e in a.events if e.type == "CONSULT" and "called" in e.trigger]


def test_11_hadnt_visited_is_not_reject(case):
    a = case("11")
    assert not [e for e in a.events if e.type == "REJECT" and "visited" in e.trigger]


def test_13_called_the_report_speculation_is_not_consult(case):
    a = case("13")
    assert not [e for e in a.events if e.type == "CONSULT" and "called" in e.trigger]


# 08b, 09: a union calling off its own strike is not a sanction
@pytest.mark.parametrize("prefix", ["08b", "09"])
def test_calling_off_a_strike_is_not_a_sanction(case, prefix):
    a = case(prefix)
    assert not [e for e in a.events if e.type == "SANCTION" and "call" in e.trigger.lower()]
    assert not [e for e in a.events if e.target and "Tram Users" in e.target.name]


@pytest.mark.parametrize("prefix", ["08b", "09"])
def test_per_cent_pay_rise_has_unit_percent(case, prefix):
    a = case(prefix)
    c = next(c for c in a.claims if c.value == 6)
    assert c.unit == "percent" and "per cent" in c.text


def test_08_per_cent_of_capacity(case):
    c = next(c for c in case("08").claims if c.value == 31)
    assert c.unit == "percent"


# 01: employing staff is not an event; claims take their claimant
def test_01_employing_is_not_an_event(case):
    assert not events_in(case("01"), "employs about 2,400")


def test_01_claim_according_to_the_council(case):
    c = next(c for c in case("01").claims if c.value == 2400)
    assert c.attributed_to and "council" in c.attributed_to.name.lower()


def test_01_claim_inside_her_quote(case):
    c = next(c for c in case("01").claims if c.value == 1_200_000)
    assert c.attributed_to and "Vantongeren" in c.attributed_to.name


# 03: one claim for a vote tally; words she did not say are not her claim
def test_03_vote_tally_is_one_claim(case):
    a = case("03")
    tallies = [c for c in a.claims if "7-4" in c.text]
    assert len(tallies) == 1
    assert not [c for c in a.claims if c.text.strip() in ("7", "4", "voted 7")]


def test_03_all_three_is_not_lindqvists_claim(case):
    for c in case("03").claims:
        if "three" in c.text and c.attributed_to:
            assert "Lindqvist" not in c.attributed_to.name, c


# 12, 13, 14: the claimant is the speaker whose words hold the number
def test_12_output_fell_by_9_per_cent(case):
    c = next(c for c in case("12").claims if c.value == 9)
    assert c.unit == "percent"
    assert c.attributed_to and "Talvane" in c.attributed_to.name


def test_13_four_pence_is_the_officials_claim(case):
    c = next(c for c in case("13").claims if c.value == 4)
    assert c.attributed_to and "official" in c.attributed_to.name.lower()


def test_14_about_410_million_is_kallenbergs(case):
    c = next(c for c in case("14").claims if c.value == 410_000_000)
    assert c.attributed_to and "kallenberg" in c.attributed_to.name.lower()
