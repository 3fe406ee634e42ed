"""Numeric claims: value, unit, hedge, what is counted; dates and calibres are not claims; relay and
quote attribution."""

from newstrace.stages.claims import number_value


def claim(analysis, value):
    return next((c for c in analysis.claims if abs(c.value - value) < 1e-6), None)


def test_values_hedges_units(analyze_text):
    a = analyze_text(
        "Floods have killed at least 1,500 people and displaced more than a million residents. "
        "Donors pledged about $2.5 billion, and the motion got 31 out of 40 votes. "
        "Turnout was 64 percent after five years of war."
    )
    c = claim(a, 1500)
    assert c and c.approx == "at least" and c.unit == "people" and "killed" in c.text
    assert a.article.text[c.start : c.end] == c.text
    c = claim(a, 1_000_000)
    assert c and c.approx == "more than" and c.unit == "people" and c.counted == "residents"
    c = claim(a, 2.5e9)
    assert c and c.unit == "money" and c.approx == "about"
    c = claim(a, 31)
    assert c and c.unit == "votes"
    assert claim(a, 40) is None  # the whole of '31 out of 40' is not a second claim
    assert claim(a, 64).unit == "percent"
    assert claim(a, 5).unit == "duration"


def test_word_numbers_count_too(analyze_text):
    a = analyze_text("Delegates from the four abstaining countries left the hall.")
    c = claim(a, 4)
    assert c and c.unit == "countries"


def test_dates_calibres_and_names_are_not_claims(analyze_text):
    a = analyze_text("On March 12, 2021, the army fired 155 mm shells and a Mi-24 helicopter crashed in 2019.")
    values = {c.value for c in a.claims}
    assert not values & {12, 2021, 155, 24, 2019}


def test_number_values():
    class T:
        def __init__(self, text):
            self.lower_ = text.lower()

    assert number_value([T("30,000")]) == 30000
    assert number_value([T("1.5"), T("million")]) == 1_500_000
    assert number_value([T("a"), T("million")]) == 1_000_000
    assert number_value([T("twenty-five")]) == 25


def test_relay_claims_carry_the_outlet(analyze_text):
    body = (
        "The ministry gave new figures, Reuters reported:\n\n"
        "The fighting has displaced about 40,000 people in the north.\n\n"
        "Aid groups said 12 trucks arrived."
    )
    a = analyze_text(body, published="2024-04-20")
    c = claim(a, 40000)
    assert c.via == "Reuters" and c.voice != "v0"
    assert claim(a, 12).via is None


def test_seed_claims(seed_analysis):
    got = {c.value: c for c in seed_analysis.claims}
    assert got[1200].approx == "at least" and got[1200].via is None
    assert got[30000].approx == "about" and got[30000].via == "The New York Times"
    assert got[1_000_000].approx == "more than"
    assert got[11].unit == "votes" and got[3].value == 3
    assert 155 not in got and 120 not in got


def test_number_words_through_text2num(analyze_text):
    a = analyze_text(
        "Two thousand five hundred workers walked out. The depot sent one hundred and twenty buses. "
        "Twenty-five nurses resigned."
    )
    assert claim(a, 2500) is not None and claim(a, 200500) is None
    assert claim(a, 120) is not None and claim(a, 20) is None
    c = claim(a, 25)
    assert c is not None and claim(a, 5) is None and "Twenty-five" in c.text


def test_per_cent_is_the_unit(analyze_text):
    a = analyze_text("Exports fell by 12 per cent in May. Prices rose 3 percent, and rents rose 8%.")
    for v in (12, 3, 8):
        c = claim(a, v)
        assert c is not None and c.unit == "percent", (v, c)
    assert "per cent" in claim(a, 12).text


def test_vote_tally_is_one_claim(analyze_text):
    a = analyze_text("The board voted 9-2 on Monday to sell the building.")
    tallies = [c for c in a.claims if "9-2" in c.text]
    assert len(tallies) == 1 and tallies[0].unit == "votes"
    assert claim(a, 2) is None


def test_claimant_is_the_speaker_whose_words_hold_the_number(analyze_text):
    a = analyze_text(
        "The mayor, Ana Ruiz, said the flood had cost the city 40 million dollars. "
        '"We lost 300 homes," Ruiz said. The river rose 2 metres.',
        published="2024-05-02",
    )
    assert claim(a, 40_000_000).attributed_to.name.endswith("Ruiz")
    assert claim(a, 300).attributed_to.name.endswith("Ruiz")
    assert claim(a, 2).attributed_to is None


def test_words_someone_did_not_say_are_not_their_claim(analyze_text):
    a = analyze_text('The manager said the shop would stay open. She did not say "all four", and left.')
    c = claim(a, 4)
    assert c is None or c.attributed_to is None


def test_ranges_shares_and_comparisons(analyze_text):
    a = analyze_text(
        "The rebels have 4,000 to 5,000 fighters. Half of voters say they are undecided, "
        "and smokers were 40% more likely to fall ill. The league won the title twice."
    )
    c = claim(a, 4000)
    assert c is not None and "5,000 fighters" in c.text and claim(a, 5000) is None
    c = claim(a, 50)
    assert c is not None and c.unit == "percent" and c.text.startswith("Half of")
    assert "more likely" in claim(a, 40).text
    assert claim(a, 2).unit == "times"


def test_states_are_counted_as_states_not_countries(analyze_text):
    a = analyze_text("Lawmakers in 22 states have filed bills, and nine nations signed the pact.")
    assert claim(a, 22).unit == "states"  # American or member states: the word says which kind of place
    assert claim(a, 9).unit == "countries"


def test_half_a_million_suffixed_figures_and_index_names(analyze_text):
    a = analyze_text(
        "The mill ground half a million tonnes of wheat, and the bank lent 2.5bn euros to the mill. "
        "The Nikkei 225 rose on Tuesday, while 40k workers stayed home."
    )
    values = {c.value for c in a.claims}
    assert 500000 in values and 1000000 not in values
    assert 2.5e9 in values and 40000 in values
    assert 225 not in values  # a number that ends an index's name counts nothing


def test_a_year_before_a_named_war_is_no_sum(analyze_text):
    # 'the 1967 Six-Day War' once read as 1967 + 6
    a = analyze_text("The border was drawn after the 1948 Five-Day Uprising, and 4,000 people moved.")
    assert {c.value for c in a.claims} == {4000}


def test_an_age_is_an_age_not_a_duration(analyze_text):
    a = analyze_text("A 34-year-old harbour pilot was arrested after six years in hiding.")
    by_value = {c.value: (c.unit, c.text) for c in a.claims}
    assert by_value[34] == ("age", "34-year-old") and by_value[6][0] == "duration"


def test_a_count_of_times_before_its_verb_is_cited_in_order(analyze_text):
    a = analyze_text("The label has twice denied doing anything wrong. The council carried the motion twice.")
    cited = sorted(c.text for c in a.claims if c.unit == "times")
    assert cited == ["carried the motion twice", "twice denied"]
    assert all(c.start < c.end and a.article.text[c.start : c.end] == c.text for c in a.claims)


def test_mixed_fractions_and_years_before_a_thing(analyze_text):
    a = analyze_text(
        "Shares rose after a near 1-1/2 year trade war and rates rose 2 1/2 percent. "
        "The agency picked three firms for its 2024 moon mission. The army sent 2000 troops."
    )
    assert claim(a, 1.5) is not None and claim(a, 1.5).unit == "duration"
    assert claim(a, 2.5).unit == "percent"
    assert claim(a, 2024) is None and claim(a, 1) is None
    assert claim(a, 2000) is not None  # a count of troops stays a claim


def test_a_scale_word_at_a_sentence_end_and_numbers_that_name_things(analyze_text):
    a = analyze_text(
        "The firm asked for £500m but in the end was granted £349m. It filed for Chapter 11 protection. "
        "Senators warned about 5G networks. Article 5 binds 30 allies."
    )
    assert claim(a, 349e6) is not None and claim(a, 349) is None
    assert claim(a, 11) is None and claim(a, 5) is None  # 'Chapter 11', '5G' and 'Article 5' are names
    assert claim(a, 30) is not None


def test_a_verbs_particle_is_no_hedge(analyze_text):
    a = analyze_text("Militants handed over 21 schoolgirls to the army. Over 300 people died.")
    assert claim(a, 21).approx is None and claim(a, 300).approx == "over"


def test_a_kind_of_thing_and_the_number_of_a_fraction_are_no_counts(analyze_text):
    a = analyze_text(
        "The move threatens a two-state solution. The minister began a two-day visit. "
        "Two thirds of voters backed the plan."
    )
    assert [c.unit for c in a.claims if c.value == 2] == ["duration"]  # the visit's two days only
    assert claim(a, 66.7).unit == "percent"


def test_a_fraction_of_a_scale_word_is_one_number(analyze_text):
    a = analyze_text(
        "A quarter of a million farmers face hunger, and three quarters of a billion dollars in aid is late."
    )
    assert claim(a, 250_000) and claim(a, 250_000).counted == "farmers"
    assert claim(a, 750_000_000) and claim(a, 750_000_000).unit == "money"
    assert claim(a, 25) is None and claim(a, 1_000_000) is None


def test_a_half_or_quarter_of_a_period_or_of_one_unit_is_no_share(analyze_text):
    a = analyze_text(
        "Sales fell in the second quarter of 2019 and again in the first half of the year. "
        "The bank cut its rate by a quarter of a point. A third of the workers were laid off."
    )
    assert {c.value for c in a.claims if c.unit == "percent"} == {33.3}


def test_and_a_half_and_plural_scales_after_a_figure(analyze_text):
    a = analyze_text("He was held for more than two and a half years and the bank lost £40 billions.")
    assert claim(a, 2.5) and claim(a, 2.5).unit == "duration"
    assert claim(a, 40e9) and claim(a, 40e9).unit == "money"


def test_a_hyphenated_capitalised_fraction_is_one_share(analyze_text):
    a = analyze_text("Officials said Two-thirds of the schools had reopened.")
    assert [(c.value, c.unit) for c in a.claims] == [(66.7, "percent")]


def test_numbers_in_names_indexes_and_clock_times_are_not_claims(analyze_text):
    a = analyze_text(
        "The minister told Radio Six Live that the Nikkei 225 index rose by 0900 GMT, "
        "as veterans of World War Two gathered. Nine people were hurt."
    )
    assert {c.value for c in a.claims} == {9}


def test_slash_idioms_name_numbers_and_idioms_with_twice_are_not_claims(analyze_text):
    a = analyze_text(
        "The station runs 24/7 coverage. She spoke at the Youth Under 25 Forum. "
        "Voters should think twice. The mayor was warned twice."
    )
    assert [(c.value, c.unit) for c in a.claims] == [(2, "times")]


def test_pounds_of_a_thing_are_weight_and_pounds_alone_money(analyze_text):
    a = analyze_text("Police seized 40 pounds of heroin. The raid cost 3 million pounds.")
    assert claim(a, 40).unit == "pounds" and claim(a, 3e6).unit == "money"


def test_dozens_ratios_and_list_numbers(analyze_text):
    a = analyze_text("Two dozen lawmakers signed the letter. Seven in 10 voters backed the levy.\n1. Schools\n2. Roads")
    assert sorted((c.value, c.unit) for c in a.claims) == [(24, "lawmaker"), (70.0, "percent")]


def test_a_games_score_is_one_score_not_a_count(analyze_text):
    a = analyze_text("The Harriers won a 5-3 victory over the Rovers. Late goals made the score 2-2 in the other game.")
    assert sorted((c.value, c.unit) for c in a.claims) == [(2, "score"), (5, "score")]


def test_plural_quarters_without_a_count_are_periods_and_the_two_refers_back(analyze_text):
    a = analyze_text(
        "Output fell for successive quarters of decline. The mayor met the bishop and the two spoke for an hour. "
        "Three quarters of tenants backed the plan."
    )
    assert [(round(c.value), c.unit) for c in a.claims] == [(75, "percent")]


def test_an_age_written_out_is_an_age_like_the_hyphenated_one(analyze_text):
    a = analyze_text(
        "The driver was 21 years old. His passenger, a 29-year-old nurse, is 40 years of age. The war lasted 9 years."
    )
    assert [(c.value, c.unit, c.text) for c in a.claims] == [
        (21, "age", "21 years old"),
        (29, "age", "29-year-old"),
        (40, "age", "40 years of age"),
        (9, "duration", "9 years"),
    ]
