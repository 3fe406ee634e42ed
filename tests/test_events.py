"""Event coding on sentences written for these tests: types, actors, compound actors, dates (also inside
a dated relay), negation, modality, and the tables the coding is built from."""

import pytest

from newstrace.stages.events.dictionary import goldstein_score, plover_type, verbs


def events_of(analysis, **want):
    return [e for e in analysis.events if all(getattr(e, k) == v for k, v in want.items())]


def names(ref):
    return f"{ref.name} {ref.code or ''} {ref.mention or ''}" if ref else ""


def test_tables_load_with_their_sources():
    d = verbs()
    assert len(d.verbs) > 1000 and d.patterns
    assert plover_type("129") == "REJECT"
    assert plover_type("0233") == "REQUEST"  # CAMEO appeals count as requests
    assert plover_type("010") is None  # public statements are not events
    assert plover_type("1712") == "ASSAULT"
    assert goldstein_score("190") == -10.0
    assert goldstein_score("0211") is not None


def test_compound_subject_gives_one_event_per_actor(analyze_text):
    a = analyze_text("Canada and Mexico condemned the Brazilian embargo on Tuesday.", published="2023-05-20")
    accusers = {e.source.code for e in a.events if e.type == "ACCUSE"}
    assert {"CAN", "MEX"} <= accusers
    ev = next(e for e in a.events if e.type == "ACCUSE")
    assert "BRA" in (ev.target.code or "")
    assert ev.date == "2023-05-16" and ev.date_text == "on Tuesday"
    assert ev.evidence.startswith("Canada and Mexico") and ev.start == 0


def test_meeting_after_a_statement_is_dated_and_targeted(analyze_text):
    a = analyze_text(
        "The French foreign minister spoke to reporters after meeting with President Lula on Monday.",
        published="2022-11-09",
    )
    ev = events_of(a, type="CONSULT", trigger="meet with")
    assert ev, [(e.type, e.trigger) for e in a.events]
    assert "FRA" in (ev[0].source.code or "") and "Lula" in names(ev[0].target)
    assert ev[0].date == "2022-11-07"


def test_light_verb_with_event_noun(analyze_text):
    a = analyze_text("The Kenyan president made an urgent appeal to Ethiopia to reopen the border.")
    ev = events_of(a, type="REQUEST")
    assert ev and "KEN" in (ev[0].source.code or "") and ev[0].target.code == "ETH"
    assert "made" in ev[0].trigger


def test_negated_and_intended_acts(analyze_text):
    a = analyze_text("Norway did not veto the proposal. Chile vowed to attack the rebels.")
    assert not [e for e in a.events if e.source.code == "NOR"]  # a veto that did not happen is no event
    vow = next(e for e in a.events if e.source.code == "CHL")
    assert vow.modality == "intended" and vow.type == "THREATEN"


def test_promised_cooperation_is_agree_and_refusal_is_reject(analyze_text):
    a = analyze_text("Japan will provide food aid to Haiti. Peru will not accept any more refugees.")
    assert any(e.type == "AGREE" and e.source.code == "JPN" and e.target.code == "HTI" for e in a.events)
    assert any(e.type == "REJECT" and e.source.code == "PER" for e in a.events)


def test_reported_speech_is_reported(analyze_text):
    a = analyze_text("The ministry said that Turkish troops attacked Kurdish positions.")
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert ev.modality == "reported" and "TUR" in (ev.source.code or "")


def test_relay_dates_resolve_against_the_relay(analyze_text):
    body = (
        "The talks stalled last month, the Associated Press reported March 5:\n\n"
        "Polish officials on Monday accused Belarus of staging provocations at the border.\n\n"
        "Nothing has changed since."
    )
    a = analyze_text(body, published="2024-04-20")
    relay = next(v for v in a.voices if v.kind == "relay")
    assert relay.date == "2024-03-05"
    ev = next(e for e in a.events if e.type == "ACCUSE")
    assert ev.voice == relay.id and ev.via == relay.outlet
    assert ev.date == "2024-03-04"  # the Monday before the relay's date, not the article's


def test_no_published_date_keeps_only_the_text(analyze_text):
    a = analyze_text("Germany criticized Hungary on Friday.")
    ev = next(e for e in a.events if e.type == "ACCUSE")
    assert ev.date is None and ev.date_text == "on Friday"


def test_location_from_the_sentence(analyze_text):
    a = analyze_text("Israeli forces raided a refugee camp in Jenin.")
    ev = next(e for e in a.events if e.type in ("ASSAULT", "COERCE"))
    assert ev.location is not None and ev.location.name == "Jenin"


def test_seed_events(seed_analysis):
    vetoes = [e for e in seed_analysis.events if e.type == "REJECT" and e.trigger.lower().startswith("veto")]
    assert sorted(e.source.code for e in vetoes) == ["CHN", "RUS"]  # one veto each, however often told
    assert all(e.date == "2024-03-22" for e in vetoes)
    consult = [e for e in seed_analysis.events if e.type == "CONSULT" and e.date == "2024-03-22"]
    assert consult
    borrell = [e for e in seed_analysis.events if e.type == "REQUEST" and e.via == "Reuters"]
    assert borrell and borrell[0].date == "2024-02-12"


def test_manual_typing_overrides_the_cameo_table():
    assert plover_type("163") == "SANCTION"  # sanctions are SANCTION 'discontinue' in the PLOVER manual
    assert plover_type("0813") == "CONCEDE"  # lifting a curfew is a verbal concession


def test_counted_crowd_is_the_doer_and_a_misread_lemma_still_codes(analyze_text):
    a = analyze_text("Thousands of Chilean miners staged noisy demonstrations in Santiago on Monday.")
    ev = events_of(a, type="PROTEST")
    assert ev, [(e.type, e.trigger) for e in a.events]
    assert "miners" in names(ev[0].source) and "CHL" in names(ev[0].source)


def test_blocking_is_protest_for_citizens_and_coercion_for_police(analyze_text):
    a = analyze_text("Angry Spanish farmers blocked the main highway into Madrid with tractors.")
    assert events_of(a, type="PROTEST") and not events_of(a, type="COERCE")
    b = analyze_text("Spanish police blocked the main highway into Madrid.")
    assert events_of(b, type="COERCE") and not events_of(b, type="PROTEST")


def test_resignation_is_retreat_and_easing_a_curfew_is_concede(analyze_text):
    a = analyze_text("The Peruvian interior minister resigned on Tuesday.")
    assert events_of(a, type="RETREAT")
    b = analyze_text("Peru eased the nightly curfew in Lima on Sunday.")
    assert events_of(b, type="CONCEDE"), [(e.type, e.cameo, e.trigger) for e in b.events]


def test_background_relative_clause_is_not_a_second_event(analyze_text):
    a = analyze_text("Ecuador imposed sanctions on the militia that controls the northern border.")
    assert [e.type for e in a.events] == ["SANCTION"]


def test_coordinated_targets_are_one_party_to_the_act(analyze_text):
    a = analyze_text("Canada condemned Iran, Syria and North Korea on Tuesday.")
    ev = events_of(a, type="ACCUSE")
    assert len(ev) == 1 and ev[0].target.code == "IRN"
    assert "Syria" in ev[0].target.mention and "North Korea" in ev[0].target.mention


# One event per real act: statements, wishes, possibilities and repeats are not events of their own.


def test_saying_is_no_event_but_a_threat_is(analyze_text):
    a = analyze_text("The Chilean foreign minister said on Monday that the talks would resume.")
    assert a.events == [], [(e.type, e.trigger) for e in a.events]
    b = analyze_text("Iran threatened to cut aid to Iraq.")
    ev = events_of(b, type="THREATEN")
    assert ev and ev[0].source.code == "IRN"


def test_assurances_and_remarks_to_reporters_are_statements(analyze_text):
    a = analyze_text(
        "The Kenyan minister assured reporters that the border was calm. "
        "He told journalists after a meeting of aid ministers in Nairobi that nothing had changed."
    )
    assert a.events == [], [(e.type, e.trigger) for e in a.events]


def test_speech_act_coded_by_its_own_pattern_still_counts(analyze_text):
    a = analyze_text("Critics of the Bolivian government say the law muzzles the press.")
    assert events_of(a, type="ACCUSE"), [(e.type, e.trigger) for e in a.events]


def test_a_vow_of_no_act_is_no_agreement(analyze_text):
    a = analyze_text("The Peruvian president vowed that his country would go it alone.")
    assert not events_of(a, type="AGREE"), [(e.type, e.trigger) for e in a.events]
    b = analyze_text("Japan pledged to help Haiti.")
    ev = events_of(b, type="AGREE")
    assert ev and ev[0].target.code == "HTI"


def test_possible_and_conditional_acts_are_not_events(analyze_text):
    a = analyze_text("The Turkish offensive risks killing more Kurdish civilians.")
    assert not events_of(a, type="ASSAULT")
    b = analyze_text("If Peru attacks Chile, Bolivia will stay neutral.")
    assert not events_of(b, type="ASSAULT"), [(e.type, e.trigger) for e in b.events]


def test_an_obligation_needs_someone_who_must_act(analyze_text):
    a = analyze_text("The Danish minister said the outcome should not be an increase in arms exports.")
    assert not events_of(a, type="REQUEST")
    b = analyze_text("The Danish minister said that Israel must withdraw from Gaza.")
    ev = events_of(b, type="REQUEST")
    assert ev and ev[0].target.code == "ISR"


def test_according_to_is_not_an_act(analyze_text):
    a = analyze_text("According to the Iraqi ministry, Iran attacked the border post.")
    assert [e.trigger for e in a.events] == ["attacked"]


def test_capital_us_is_the_country_not_a_pronoun(analyze_text):
    a = analyze_text("The Canadian envoy told reporters that the US remains committed to NATO.")
    ev = events_of(a, type="SUPPORT")
    assert ev and ev[0].source.code == "USA", [(e.type, names(e.source)) for e in a.events]


def test_act_after_a_dated_meeting_shares_its_date(analyze_text):
    a = analyze_text("Kerry warned Russia after meeting with President Putin on Friday.", published="2024-03-23")
    warned = events_of(a, trigger="warned")
    assert warned and warned[0].date == "2024-03-22"


def test_praise_is_of_someone_and_not_of_who_is_harmed(analyze_text):
    a = analyze_text("The Canadian envoy said that the US remains committed to the defeat of Hamas.")
    assert not [e for e in a.events if e.type == "SUPPORT"], [(e.type, names(e.target)) for e in a.events]
    b = analyze_text("Egypt backed the Saudi attack on Yemen.")
    ev = events_of(b, type="SUPPORT")
    assert ev and ev[0].target.code == "SAU"


def test_a_state_and_its_government_are_one_party_to_a_repeated_act(analyze_text):
    a = analyze_text(
        "Chile condemned Bolivia.\n\nChile condemned the Bolivian government on Monday.", published="2023-05-20"
    )
    ev = events_of(a, type="ACCUSE")
    assert len(ev) == 1 and ev[0].date == "2023-05-15", [(names(e.target), e.date) for e in ev]


def test_the_same_act_told_twice_is_one_event(analyze_text):
    a = analyze_text(
        "Norway vetoed the Swedish proposal.\n\nThe Swedish proposal failed on Tuesday after "
        "Norway vetoed it.\n\nNorway vetoed the Swedish proposal on Tuesday, officials said.",
        published="2023-05-20",
    )
    vetoes = [e for e in a.events if e.type == "REJECT" and e.source.code == "NOR"]
    assert len(vetoes) == 1, [(e.trigger, names(e.target), e.date) for e in vetoes]
    assert vetoes[0].start == 0 and vetoes[0].date == "2023-05-16"  # the first mention, dated by a later one
    b = analyze_text(
        "Norway vetoed the Swedish proposal on Monday. Norway vetoed the Swedish proposal on Tuesday.",
        published="2023-05-20",
    )
    assert len(events_of(b, type="REJECT")) == 2  # two dates, two acts


def test_a_future_refusal_is_a_reject_not_a_negated_act(analyze_text):
    a = analyze_text("The finance minister will not sign off on the budget deal, aides said.")
    refusals = [e for e in a.events if e.type == "REJECT"]
    assert refusals and all(not e.negated for e in refusals)


def test_negation_flips_only_what_it_negates(analyze_text):
    a = analyze_text("Inspectors hadn't visited the plant. Brazil did not attack Peru. Chile attacked Bolivia.")
    assert not [e for e in a.events if e.type == "REJECT"]
    assert not [e for e in a.events if e.source and e.source.code == "BRA"]
    assert any(e.type == "ASSAULT" and e.source.code == "CHL" and not e.negated for e in a.events)


def test_calling_something_x_is_criticism_not_a_call(analyze_text):
    a = analyze_text('Spain called the Moroccan plan "a disgrace". The strikers called off the strike.')
    assert not [e for e in a.events if e.type in ("CONSULT", "SANCTION")]
    assert any(e.type == "ACCUSE" and e.source.code == "ESP" for e in a.events)


def test_meeting_venue_is_a_location_not_a_target(analyze_text):
    a = analyze_text("Egypt and Jordan will hold talks in Vienna on March 9.", published="2025-02-20")
    talks = [e for e in a.events if "hold" in e.trigger]
    assert talks and all(e.target is None or "Vienna" not in e.target.name for e in talks)
    assert all(e.location and "Vienna" in e.location.name for e in talks)
    assert all(e.date == "2025-03-09" and e.modality == "intended" for e in talks)


def test_future_weekday_resolves_forward(analyze_text):
    a = analyze_text("The nurses' union said it would meet the hospital board on Friday.", published="2025-06-16")
    ev = [e for e in a.events if e.date_text and "Friday" in e.date_text]
    assert ev and all(e.date == "2025-06-20" for e in ev)


def test_nominal_meeting_and_anniversary(analyze_text):
    a = analyze_text(
        "Chile's foreign minister spoke to reporters ahead of a meeting with Argentina's president. "
        "The vigil marked the anniversary of the 2009 raid in which soldiers killed 12 villagers.",
        published="2025-05-02",
    )
    assert any(e.type == "CONSULT" and "meeting" in e.trigger for e in a.events)
    assert not [e for e in a.events if "killed" in e.trigger]


def test_concurrent_clause_with_its_own_doer_is_its_own_act(analyze_text):
    a = analyze_text(
        "Police in Vardenia fired rubber bullets at students on Friday as farmers blocked the main bridge.",
        published="2025-03-10",
    )
    assert {e.type for e in a.events} >= {"ASSAULT", "PROTEST"}
    protest = events_of(a, type="PROTEST")[0]
    assert "farmers" in names(protest.source)


def test_object_as_written_is_the_target_when_no_actor_is_named(analyze_text):
    a = analyze_text("The proposal has been firmly rejected by Brazil.", published="2025-03-10")
    ev = events_of(a, type="REJECT")
    assert ev and ev[0].source.code == "BRA" and "proposal" in names(ev[0].target)
    a = analyze_text("Chile proposed talks in Lima, and Peru held talks in Quito.", published="2025-03-10")
    assert not [e for e in a.events if e.target is not None and e.target.name in ("Lima", "Quito")]


def test_adopting_a_measure_is_the_measure(analyze_text):
    a = analyze_text("On Monday the 27-member bloc approved a sixth round of sanctions against Belarus.")
    ev = events_of(a, type="SANCTION")
    assert ev and ev[0].target.code == "BLR" and "sanctions" in ev[0].trigger


def test_at_the_request_of_is_a_request_to_the_doer(analyze_text):
    a = analyze_text("The Arab League will meet on Sunday at the request of Egypt.", published="2025-03-10")
    ev = events_of(a, type="REQUEST")
    assert ev and ev[0].source.code == "EGY" and "Arab League" in names(ev[0].target)


def test_candidacy_description_names_the_person_last_mentioned(analyze_text):
    a = analyze_text(
        "Senator Ann Vole, who is advising Mark Pellow's campaign, on Monday praised the Democratic "
        "presidential nominee's plan for rural schools.",
        published="2025-03-10",
    )
    ev = events_of(a, type="SUPPORT")
    assert ev and "Vole" in names(ev[0].source) and ev[0].target.name == "Mark Pellow"


def test_people_showing_support_act_themselves(analyze_text):
    a = analyze_text(
        "The campaign of Senator Ann Vole said she held a rally Thursday with nurses showing their support for her.",
        published="2025-03-10",
    )
    ev = events_of(a, type="SUPPORT")
    assert ev and "nurses" in names(ev[0].source) and "Vole" in names(ev[0].target)
    assert ev[0].modality != "intended" and ev[0].date == "2025-03-06"


def test_gerund_with_its_own_doer_is_an_act(analyze_text):
    a = analyze_text("Asked about Pellow's calling Ann Vole a liar last week, the senator blamed the press.")
    ev = [e for e in events_of(a, type="ACCUSE") if "Pellow" in names(e.source)]
    assert ev and "Vole" in names(ev[0].target)


def test_pressure_on_is_a_demand_on_its_object(analyze_text):
    a = analyze_text("Nurses are putting pressure on the hospital chains to raise wages.")
    ev = events_of(a, type="REQUEST")
    assert ev and "hospital chains" in names(ev[0].target)


def test_criticism_voiced_by_is_the_voice_s_act(analyze_text):
    a = analyze_text(
        "The statement fell short of the sharp criticism of Ethiopian policy voiced by the Egyptian foreign "
        "minister, Sameh Shoukry."
    )
    ev = events_of(a, type="ACCUSE")
    assert ev and "EGY" in (ev[0].source.code or "") and "ETH" in (ev[0].target.code or "")


def test_both_countries_are_the_last_two_states_named(analyze_text):
    a = analyze_text("Hanoi and Manila met on Monday. Both countries backed the ASEAN resolutions on fishing.")
    backers = {e.source.name for e in events_of(a, type="SUPPORT")}
    assert backers == {"Hanoi", "Manila"}
    a = analyze_text("Chile accused Bolivia of spying. The two governments will hold talks in Lima.")
    talks = [e for e in a.events if e.type in ("CONSULT", "AGREE")]
    assert len(talks) == 1 and {talks[0].source.code, talks[0].target.code} == {"CHL", "BOL"}


def test_stealing_data_is_coercion(analyze_text):
    a = analyze_text("After learning that hackers had pilfered the records of 3 million Canadians, the insurer waited.")
    ev = events_of(a, type="COERCE")
    assert ev and "hackers" in names(ev[0].source) and "Canadians" in names(ev[0].target)


def test_opposed_to_and_engaged_in_have_their_subject_as_doer(analyze_text):
    a = analyze_text("Brazil is opposed to Argentine mediation in the dispute with Chile.")
    ev = events_of(a, type="REJECT")
    assert ev and ev[0].source.code == "BRA" and "ARG" in (ev[0].target.code or "")
    a = analyze_text("The proposal was opposed by Peru.")
    ev = events_of(a, type="REJECT")
    assert ev and ev[0].source.code == "PER"  # a real passive keeps its 'by' agent as the doer


def test_protest_is_aimed_at_whom_it_defies_not_where_it_is_held(analyze_text):
    a = analyze_text(
        "Thousands of teachers blocked roads in Nairobi on Monday in protest against the Kenyan government."
    )
    ev = events_of(a, type="PROTEST")
    assert ev and "KEN" in (ev[0].target.code or "") and ev[0].target.name != "Nairobi"


def test_working_together_is_cooperation(analyze_text):
    a = analyze_text("The unions say they will work together to draft rules for school safety.")
    ev = [e for e in a.events if e.type in ("COOPERATE", "AGREE")]
    assert ev and "unions" in names(ev[0].source)
    a = analyze_text("Maria Lopez worked at the bank for ten years.")
    assert not [e for e in a.events if e.type in ("COOPERATE", "AGREE")]


def test_supporting_with_arms_is_military_aid(analyze_text):
    a = analyze_text("The militia has enjoyed protection from Paris, which supported the group with airstrikes.")
    ev = events_of(a, type="AID")
    assert ev and ev[0].source.name == "Paris" and ev[0].cameo == "072"
    a = analyze_text("Paris supported the proposal with enthusiasm.")
    assert not events_of(a, type="AID")


def test_gerund_whose_possessor_is_parsed_as_the_prepositions_object():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newstrace.stages.events.stage import _gerund_subject

    words = ["Asked", "about", "Pellow", "'s", "calling", "Vole", "a", "fraud", ",", "Hanley", "blamed", "Vole"]
    heads = [10, 0, 1, 2, 1, 4, 7, 4, 10, 10, 10, 10]
    deps = ["advcl", "prep", "pobj", "case", "pcomp", "dobj", "det", "oprd", "punct", "nsubj", "ROOT", "dobj"]
    tags = ["VBN", "IN", "NNP", "POS", "VBG", "NNP", "DT", "NN", ",", "NNP", "VBD", "NNP"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags)
    assert _gerund_subject(doc[4]).text == "Pellow"
    doc = Doc(Vocab(), words=words[:3] + ["by"] + words[4:], heads=heads, deps=deps, tags=tags[:3] + ["IN"] + tags[4:])
    assert _gerund_subject(doc[4]) is None  # no possessive: 'about Pellow by calling' has no doer of its own


def test_it_names_the_last_body_not_the_last_person(analyze_text):
    a = analyze_text(
        "Ravi Doshi, a former councillor, wrote a long column on the affair.\n\n"
        "The leak came after months of research by Senator Olga Brandt's campaign. "
        "It gave the recording to the Daily Courier."
    )
    ev = [e for e in a.events if e.trigger == "gave"]
    assert ev and "Brandt" in names(ev[0].source) and "Doshi" not in names(ev[0].source)


def test_the_company_and_the_newspaper_name_the_organisation_mentioned_before(analyze_text):
    a = analyze_text(
        "Norvell Industries Inc. sold its lab in Ohio last year. Critics wrote to the firm's board in May.\n\n"
        "But the company repeatedly ignored warnings about its plan to close the lab."
    )
    ev = events_of(a, type="REJECT")
    assert ev and "Norvell" in names(ev[0].source)
    a = analyze_text(
        "The mayor, Tom Reyes, gave an interview to a reporter from The Boston Globe newspaper on Monday. "
        "Reyes claims he has been attacked by the newspaper."
    )
    ev = events_of(a, type="ACCUSE")
    assert ev and "Reyes" in names(ev[0].source) and "Globe" in names(ev[0].target)


def test_telling_of_harm_to_oneself_accuses_the_doer_only_when_it_is_oneself(analyze_text):
    a = analyze_text("Gina Falk said she was threatened by the Rovers Club after the match.")
    ev = events_of(a, type="ACCUSE")
    assert ev and "Falk" in names(ev[0].source) and "Rovers" in names(ev[0].target)
    assert not events_of(a, type="THREATEN")  # the threat is what she alleges, not a coded act
    a = analyze_text("Gina Falk said the fans were threatened by the Rovers Club after the match.")
    assert not [e for e in events_of(a, type="ACCUSE") if "Falk" in names(e.source)]
    a = analyze_text("Gina Falk denied she was threatened by the Rovers Club after the match.")
    assert not [e for e in events_of(a, type="ACCUSE") if "Falk" in names(e.source)]


def test_ignoring_warnings_is_rejection(analyze_text):
    a = analyze_text("The Kestrel Bank ignored warnings about its decision to sell the bonds.")
    ev = events_of(a, type="REJECT")
    assert ev and "Kestrel" in names(ev[0].source)
    assert not events_of(a, type="SANCTION")


def test_gerund_after_despite_has_the_prepositions_object_as_doer(analyze_text):
    a = analyze_text(
        "The minister defended the tests in a speech, despite Oslo and Helsinki repeatedly condemning Minsk's actions."
    )
    ev = [e for e in events_of(a, type="ACCUSE") if e.trigger == "condemning"]
    assert {e.source.name for e in ev} >= {"Oslo", "Helsinki"} and all("Minsk" in names(e.target) for e in ev)


def test_joining_others_to_take_control_is_also_the_takeover(analyze_text):
    a = analyze_text("Kestria said it has joined allied militias to take control of the Dorvan Front bases.")
    ev = [e for e in a.events if e.trigger == "take" and e.source is not None]
    assert ev and ev[0].type in ("COERCE", "ASSAULT") and "Kestria" in names(ev[0].source)
    assert [e for e in a.events if e.trigger == "joined"]


def test_figures_of_speech_of_markets_and_records_are_no_attacks(analyze_text):
    a = analyze_text(
        "The Vostel index hit a record high on Monday, and the economy had hit bottom in March. "
        "Sales beat forecasts, and volunteers broke the record for the longest chain. "
        "Rebels hit an army convoy on Tuesday."
    )
    hostile = [e for e in a.events if e.type in ("ASSAULT", "COERCE", "MOBILIZE")]
    assert [e.source.name for e in hostile if e.source] == ["Rebels"], [(e.type, e.source) for e in a.events]


def test_an_act_only_likely_or_unlikely_is_not_asserted(analyze_text):
    a = analyze_text(
        "Vostria is unlikely to agree to the truce, officials said. Vostria agreed to a prisoner swap on Monday."
    )
    asserted = [e for e in events_of(a, type="AGREE") if e.modality == "asserted"]
    assert len(asserted) == 1, [(e.type, e.modality) for e in a.events]


def test_a_warning_of_a_hazard_is_no_threat_but_a_warning_that_someone_will_act_is(analyze_text):
    for text in (
        "The weather agency warned that storms could flood the northern coast on Friday.",
        "Economists cautioned that prices would keep rising through the winter.",
    ):
        assert not events_of(analyze_text(text, published="2024-10-02"), type="THREATEN"), text
    for text, source in (
        ("The harbour police chief warned that officers would break up any further rallies.", "chief"),
        ("The army warned it would retaliate against any attack on the border posts.", "army"),
        ("The governor warned the strikers that troops would return to the mines.", "governor"),
    ):
        threats = events_of(analyze_text(text, published="2024-10-02"), type="THREATEN")
        assert threats and source in names(threats[0].source).lower(), text


def test_a_dateline_place_is_neither_doer_nor_target(analyze_text):
    a = analyze_text(
        "HARTFORD, Conn. — Connecticut Attorney General Ann Holt condemned the new tariffs on Tuesday.",
        published="2024-10-02",
    )
    accuse = events_of(a, type="ACCUSE")
    assert accuse and all("Holt" in names(e.source) for e in accuse)
    b = analyze_text("MARIUPOL, Ukraine -- Russian forces shelled the city overnight.", published="2024-10-02")
    assault = events_of(b, type="ASSAULT")
    assert assault and all("Ukraine" not in names(e.target) for e in assault)


def test_titles_joined_before_one_name_are_one_doer(analyze_text):
    a = analyze_text(
        "Prime Minister and party leader Ann Holt rejected the offer from the unions.", published="2024-10-02"
    )
    rejects = events_of(a, type="REJECT")
    assert [e.source.name for e in rejects] == ["Ann Holt"]
    assert "Minister" not in names(rejects[0].target)


def test_talk_on_a_topic_is_no_consultation_but_talks_with_someone_are(analyze_text):
    a = analyze_text("“I was talking about the new levy on fishing boats,” the senator said.", published="2024-10-02")
    assert not events_of(a, type="CONSULT")
    b = analyze_text(
        "The senator talked with Norwegian officials about the fishing levy on Monday.", published="2024-10-02"
    )
    assert events_of(b, type="CONSULT")


def test_a_place_near_or_outside_which_an_act_was_done_is_no_target(analyze_text):
    for text, target in (
        ("Rebels ambushed an army convoy near Tessit on Sunday.", "convoy"),
        ("Gunmen attacked a police checkpoint outside Menaka.", "checkpoint"),
    ):
        assaults = events_of(analyze_text(text, published="2024-10-02"), type="ASSAULT")
        assert assaults and target in names(assaults[0].target), text


def test_a_share_of_a_poll_or_vote_is_no_act_but_a_share_of_a_city_taken_is(analyze_text):
    for text in (
        "Ann Holt garnered 11 percent, while Dan Ebbe earned 10 percent.",
        "Ann Holt leads the field with 21 percent of the vote.",
    ):
        assert analyze_text(text, published="2024-10-02").events == [], text
    assert events_of(analyze_text("The rebels seized 40 percent of the city.", published="2024-10-02"), type="COERCE")


def test_sweeping_out_of_a_building_is_no_act(analyze_text):
    a = analyze_text("Ann Holt waved from her car as she swept out of the town hall just after 9.10am.")
    assert [e for e in a.events if e.trigger.startswith("swept")] == []


def test_a_death_alone_is_no_act_but_a_death_in_clashes_is(analyze_text):
    a = analyze_text(
        "The newborn son of Ann Holt has died in a refugee camp in Norland. "
        "Three soldiers died in clashes with rebels near Gao on Monday.",
        published="2024-05-01",
    )
    died = [e for e in a.events if e.trigger.startswith("died")]
    assert [e.type for e in died] == ["ASSAULT"] and "Three soldiers" in (died[0].source.name or "")


def test_they_is_never_one_person_named_before(analyze_text):
    a = analyze_text(
        "Ann Holt met Gordon Ebbe in 2008. People gather outside the town hall as they wait for the mayor.",
        published="2024-05-01",
    )
    names = {r.name for e in a.events for r in (e.source, e.target) if r is not None and r.mention == "they"}
    assert not names & {"Ann Holt", "Gordon Ebbe"}
    assert all(
        not (e.target and e.target.name in ("Ann Holt", "Gordon Ebbe")) for e in a.events if e.trigger == "gather"
    )


def test_a_possessive_date_dates_the_thing_it_names_not_the_act(analyze_text):
    a = analyze_text(
        "Ann Holt blamed the harbour council for her defeat in Tuesday's election in a call with donors on Saturday.",
        published="2016-11-14",
    )
    blamed = next(e for e in a.events if e.trigger == "blamed")
    assert blamed.date == "2016-11-12"  # Saturday, not Tuesday the 8th


@pytest.mark.parametrize(
    "text, accused",
    [
        ("The mayor called the plan a 'reckless gamble' on Monday.", "plan"),
        ("Ann Holt on Tuesday called Norland's ambassador to the harbour council a very stupid guy.", "ambassador"),
        ("After the meeting, Ann Holt called the mayor a 'very good man' in a statement.", None),  # praise
        ("Ann Holt called the meeting 'an honor'.", None),
        ("Ann Holt called the minister on Monday to discuss the strike.", None),  # a phone call
    ],
)
def test_calling_someone_names_an_accusation_only_when_the_name_condemns(analyze_text, text, accused):
    a = analyze_text(text, published="2024-05-01")
    found = [e for e in a.events if e.type == "ACCUSE"]
    if accused is None:
        assert found == []
    else:
        assert len(found) == 1 and accused in (found[0].target.mention or found[0].target.name).lower()


@pytest.mark.parametrize(
    "text, trigger, kind",
    [
        ("Ann Holt called for the harbour master to resign.", "called for", "REQUEST"),  # not a phone call
        ("The rebels released the hostages on Monday.", "released", "RETREAT"),
        ("The figures have been released by the harbour council.", "released", None),  # published
        ("The harbour council has defended the purchase of the cranes.", "defended", None),  # no protection
        ("Mayor Ann Holt warned against drawing hasty conclusions.", "warned", None),  # advice, no threat
    ],
)
def test_verbs_of_several_senses_code_the_sense_the_sentence_has(analyze_text, text, trigger, kind):
    a = analyze_text(text, published="2024-05-01")
    found = [e.type for e in a.events if e.trigger == trigger]
    assert found == ([kind] if kind else [])


def test_a_present_perfect_put_earlier_by_an_adverb_takes_no_date_of_the_day(analyze_text):
    a = analyze_text(
        "Ann Holt was detained by border guards. She has since been charged with smuggling. "
        "Rebels have resumed shelling the harbour.",
        published="2017-11-08",
    )
    assert next(e for e in a.events if e.trigger == "charged").date is None
    assert next(e for e in a.events if e.trigger == "resumed").date == "2017-11-08"  # news of the day


def test_a_headline_passive_is_done_by_its_agent(analyze_text):
    a = analyze_text("Mayor Ann Holt cleared by police after review of emails.", published="2016-11-07")
    cleared = next(e for e in a.events if e.trigger == "cleared")
    assert "police" in names(cleared.source).lower() and "Ann Holt" in names(cleared.target)


def test_a_since_date_says_when_a_state_began_not_when_the_act_was_done(analyze_text):
    a = analyze_text("Two Americans held by the rebels since 2016 were released on Tuesday.", published="2019-11-20")
    released = next(e for e in a.events if e.trigger == "released")
    assert released.date == "2019-11-19"


@pytest.mark.parametrize(
    "text, blows",
    [
        ("Ann Holt on Monday hit the campaign trail with the mayor.", 0),
        ("Harbour shares hit a record high on Monday.", 0),
        ("Rebels hit an army convoy near Gao.", 1),
    ],
)
def test_idioms_of_hit_are_no_blow(analyze_text, text, blows):
    a = analyze_text(text, published="2016-09-19")
    assert len([e for e in a.events if e.type == "ASSAULT"]) == blows


def test_a_passives_by_phrase_hung_on_its_second_object_is_still_its_doer(analyze_text):
    a = analyze_text(
        "The housing plan was branded a costly failure by opposition lawmakers on Monday.", published="2023-05-20"
    )
    (e,) = events_of(a, type="ACCUSE")
    assert "lawmakers" in names(e.source).lower() and "plan" in names(e.target).lower()


def test_naming_with_an_adjective_after_the_object_is_no_phone_call(analyze_text):
    a = analyze_text(
        'The opposition called the budget "reckless". Ministers called that "deeply unfair".',
        published="2023-05-20",
    )
    assert not events_of(a, type="CONSULT")
    assert len(events_of(a, type="ACCUSE")) == 2


def test_a_wish_is_no_event(analyze_text):
    a = analyze_text("Farmers want lower fuel prices. The mayor wanted a quieter summer.", published="2023-05-20")
    assert not a.events


def test_insisting_that_something_is_so_is_no_demand(analyze_text):
    a = analyze_text(
        "The governor insisted the new trams were running on time. "
        "The opposition insisted that the governor must resign.",
        published="2023-05-20",
    )
    requests = events_of(a, type="REQUEST")
    assert [e.source.name.lower() for e in requests] == ["opposition"]


def test_fighting_a_problem_is_no_use_of_force(analyze_text):
    a = analyze_text(
        "Volunteers battled the fire for hours. The mayor will fight hunger in the valley. "
        "Army units fought the rebels in the hills.",
        published="2023-05-20",
    )
    assert [e.type for e in a.events] == ["ASSAULT"]
    assert "rebels" in names(a.events[0].target).lower()


def test_a_particle_pattern_is_only_its_own_phrasal_verb(analyze_text):
    a = analyze_text(
        "The nurses' union demanded on Monday a new pay offer. The governor campaigned on the pier all weekend.",
        published="2023-05-20",
    )
    assert not events_of(a, type="ASSAULT")


def test_a_preposition_pattern_belongs_to_the_verb_it_was_written_for(analyze_text):
    a = analyze_text(
        "Government troops battled the rebels for hours near the border. "
        "The senator attacked the governor for his handling of the floods.",
        published="2023-05-20",
    )
    assert [e.type for e in a.events] == ["ASSAULT", "ACCUSE"]


def test_acts_avoided_refrained_from_or_denied_by_neither_did_not_happen(analyze_text):
    a = analyze_text(
        "The governor avoided criticizing the mayor. The militia refrained from attacking the town. "
        "The council did not sanction the firm or condemn its owners. Neither side apologized. "
        "The army did not attack the port but shelled the airfield.",
        published="2023-05-20",
    )
    assert [e.trigger for e in a.events] == ["shelled"]


def test_demonstrating_that_something_is_so_is_no_protest(analyze_text):
    a = analyze_text(
        "The senator demonstrated that the plan would fail. The navy demonstrated its new drone. "
        "Students demonstrated against the fee rise.",
        published="2023-05-20",
    )
    assert [e.source.name.lower() for e in events_of(a, type="PROTEST")] == ["students"]


def test_a_month_is_no_actor(analyze_text):
    a = analyze_text(
        "Prime Minister Theresa May met the envoy. From March to May, rebels attacked the town. "
        "Protesters marched ahead of the May 3 vote.",
        published="2018-08-01",
    )
    assert not any("May" in names(e.target) or "May" in names(e.source) for e in a.events if e.trigger != "met")


def test_a_scheduled_act_in_the_present_tense_is_dated_forward(analyze_text):
    a = analyze_text(
        "Ohio, which votes on March 15, is next. Rebels attacked the town on Monday.",
        published="2016-01-29",
    )
    dated = {e.trigger: e.date for e in a.events}
    assert dated.get("votes") == "2016-03-15" and dated.get("attacked") == "2016-01-25"


def test_a_clause_of_another_act_gives_no_target(analyze_text):
    a = analyze_text(
        "Governor Ann Holt praised the budget, while Senator Dale Whitcombe has threatened to veto it.",
        published="2023-05-20",
    )
    for e in a.events:
        assert not (e.source and e.target and {e.source.name, e.target.name} == {"Ann Holt", "Dale Whitcombe"})


def test_a_negated_phrase_names_no_target(analyze_text):
    a = analyze_text("The navy fired two missiles not toward Taiwan but into open water.", published="2023-05-20")
    assert not any("Taiwan" in names(e.target) for e in a.events)


def test_a_contest_won_or_fought_is_no_use_of_force(analyze_text):
    a = analyze_text(
        "Governor Ann Holt beat Senator Dale Whitcombe by 12 points in the primary. "
        "Two mayors are battling for second place. Police beat protesters in a public place.",
        published="2023-05-20",
    )
    assert [e.source.name.lower() for e in events_of(a, type="ASSAULT")] == ["police"]


def test_breaking_a_tie_or_dominating_a_field_is_no_use_of_force(analyze_text):
    a = analyze_text(
        "The striker broke a 2-2 tie in the final minute. The senator dominated the field all year. "
        "Rioters broke windows at the embassy.",
        published="2023-05-20",
    )
    assert [e.source.name.lower() for e in events_of(a, type="ASSAULT")] == ["rioters"]


def test_breaking_into_a_ranking_or_the_lead_is_no_use_of_force(analyze_text):
    a = analyze_text(
        "Governor Ann Holt broke into the top five in Ohio. Senator Dale Whitcombe broke into the lead in Maine. "
        "Rioters broke into the town hall.",
        published="2023-05-20",
    )
    assert [e.source.name.lower() for e in a.events if e.type in ("ASSAULT", "THREATEN")] == ["rioters"]


def test_an_act_hoped_for_is_intended_though_the_lemmatiser_reads_hopes_as_hop(analyze_text):
    a = analyze_text("The dockers' union hopes to sign a deal with the port authority.", published="2023-05-20")
    assert [e.modality for e in events_of(a, type="AGREE")] == ["intended"]
