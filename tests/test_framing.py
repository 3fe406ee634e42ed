"""Framing: loaded spans by voice, quotes left to their speakers, sentence flags, descriptors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace import nlp, vocab
from newstrace.quotemarks import quoted_phrases
from newstrace.settings import Settings
from newstrace.stages.framing import lexicon as framing_lexicon
from newstrace.stages.framing.stage import frame_doc

DATA = Path(__file__).resolve().parent.parent / "src" / "newstrace" / "data" / "framing"


@pytest.fixture(scope="module")
def parse():
    model = nlp.load(Settings().spacy_model)
    return model


def spans_of(parse, text):
    spans, sentences = frame_doc(parse(text))
    return [s.text for s in spans], spans, sentences


def test_label_on_a_country_and_a_group_noun(parse):
    texts, spans, _ = spans_of(
        parse,
        "The summit ended in a fiasco on Friday. Socialist Venezuela walked out, "
        "and its delegates praised the terrorist enclave in the mountains.",
    )
    assert "Socialist Venezuela" in texts
    assert any("terrorist enclave" in t for t in texts)
    assert any(t == "fiasco" for t in texts)
    techniques = {s.text: s.technique for s in spans}
    assert techniques["Socialist Venezuela"] == "Name_Calling,Labeling"


def test_neutral_label_heads_are_not_flagged(parse):
    texts, _, _ = spans_of(parse, "Police said the terrorist attack on Monday left four people injured.")
    assert not any("terrorist" in t for t in texts)


def test_anti_prefix_on_a_collective_noun(parse):
    texts, spans, _ = spans_of(parse, "The proposal was backed by the anti-NATO bloc in parliament on Tuesday.")
    assert "anti-NATO bloc" in texts


def test_an_anti_compound_naming_what_a_measure_opposes_is_no_label(parse):
    texts, _, _ = spans_of(
        parse,
        "The council extended its anti-litter fines and the new anti-fraud unit on Monday. "
        "Anti-vaccine campaigners and anti-Obama donors disagreed.",
    )
    assert not any("litter" in t or "fraud" in t for t in texts)
    assert any("anti-vaccine" in t.lower() for t in texts) and any("anti-Obama" in t for t in texts)


def test_a_word_of_a_party_or_body_name_is_not_loaded_language(parse):
    texts, _, _ = spans_of(parse, "The Lib Dems met in Leeds on Monday, and Lib Dem leader Ann Holt spoke.")
    assert texts == []


def test_loaded_noun_takes_its_modifiers_and_a_date_before_it(parse):
    texts, _, _ = spans_of(parse, "Since the June 4 massacre, the capital has been quiet.")
    assert any(t.endswith("June 4 massacre") for t in texts)


def test_words_inside_a_direct_quote_are_the_speakers(parse):
    text = "“This budget is a disgraceful fiasco and a shameful scheme,” the senator said on the floor of the chamber."
    texts, _, sentences = spans_of(parse, text)
    assert texts == []
    assert sentences and not sentences[0]["biased"]


def test_scare_quotes_are_the_writers_doubt(parse):
    texts, spans, sentences = spans_of(parse, "The minister defended his ‘reforms’ before the committee on Monday.")
    assert "reforms" in texts
    assert next(s for s in spans if s.text == "reforms").technique == "Doubt"
    assert sentences[0]["biased"] and "Doubt" in sentences[0]["techniques"]


def test_plain_reporting_is_not_flagged(parse):
    _, spans, sentences = spans_of(
        parse,
        "The council approved the budget on Tuesday by a vote of seven to two. The new rules take effect in January.",
    )
    assert spans == []
    assert [s["biased"] for s in sentences] == [False, False]


def test_quoted_phrases_pair_marks_glued_to_words():
    text = "He said he “agreed with the plan.“We will start soon,” he added."
    inner = [r.text(text) for r in quoted_phrases(text)]
    assert inner == ["agreed with the plan.", "We will start soon,"]


def test_apostrophes_are_not_single_quotes():
    text = "The party’s leader called it a ‘done deal’ at Hamas’ request and the ’90s-style plan."
    assert [r.text(text) for r in quoted_phrases(text)] == ["done deal"]


def test_descriptors_by_voice_with_the_relay_outlet(analyze_text):
    body = (
        "The army pushed toward the rebel stronghold of Kandor on Monday.\n\n"
        "Reuters reported on the fighting:\n\n"
        "Government troops advanced on the northern city of Kandor, where thousands have sought shelter.\n\n"
        "Officials gave no figure for casualties."
    )
    a = analyze_text(body)
    kandor = [d for d in a.framing.descriptors if "Kandor" in d.entity.name]
    own = [d for d in kandor if d.voice == "v0"]
    relayed = [d for d in kandor if d.via == "Reuters"]
    assert own and any("rebel stronghold of Kandor" in p for p in own[0].phrases)
    assert relayed and any("northern city of Kandor" in p for p in relayed[0].phrases)
    assert own[0].via is None


def test_sentences_cover_the_article_with_voices(seed_analysis):
    a = seed_analysis
    sentences = [s for s in a.framing.sentences if s["field"] == "text"]
    assert sentences and all(s["start"] < s["end"] for s in sentences)
    voice_ids = {v.id for v in a.voices}
    assert {s["voice"] for s in sentences} <= voice_ids
    assert {s.voice for s in a.framing.spans} <= voice_ids
    flagged = {(s["start"], s["end"]) for s in sentences if s["biased"]}
    for span in (s for s in a.framing.spans if s.field == "text"):
        assert a.article.text[span.start : span.end] == span.text
        assert any(st <= span.start < en for st, en in flagged)


def test_no_span_inside_a_direct_quote_of_the_seed(seed_analysis):
    a = seed_analysis
    direct = [(q.start, q.end) for q in a.quotes if q.kind == "direct" and q.field == "text"]
    for span in a.framing.spans:
        if span.field == "text":
            assert not any(s <= span.start and span.end <= e for s, e in direct), span.text


def test_real_article_stays_within_the_span_budget(shared, parse):
    path = next(iter(sorted((shared / "corpus" / "text").glob("polnear_*.txt"))))
    text = path.read_text(encoding="utf-8")
    spans, _ = frame_doc(parse(text))
    words = len(text.split())
    assert len(spans) <= max(3, 30 * words / 1000)


def test_data_files_say_where_they_come_from():
    for f in DATA.iterdir():
        head = f.read_text(encoding="utf-8")[:600]
        assert "_source" in head, f.name
    lex = framing_lexicon.load()
    assert lex.learned and lex.cues_by_first and lex.place_labels


def test_a_short_quoted_utterance_is_speech_not_a_scare_quote(parse):
    text = (
        "At the fair the farmer shouted “We won!” to the crowd, and his wife replied “I know it,” "
        "before the mayor announced a “windfall” for the county."
    )
    texts, spans, _ = spans_of(parse, text)
    assert "We won!" not in texts and not any("I know it" in t for t in texts)
    assert any(t.startswith("windfall") and s.technique == "Doubt" for t, s in zip(texts, spans))


def test_learned_list_rows_name_their_source_and_clear_the_span_threshold():
    from newstrace.stages.framing.spans import MIN_WEIGHT

    rows = [
        line.split("\t")
        for line in (DATA / "learned_loaded_words.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert rows and all(len(r) == 7 for r in rows)
    assert {r[6] for r in rows} <= {"babe", "semeval", "mpqa+babe", "vader+babe", "pattern+babe"}
    for lemma, pos, weight, rate, marks, seen, source in rows:
        assert 0 < float(rate) <= 1, lemma
        assert float(weight) >= MIN_WEIGHT, lemma  # a kept lemma is strong enough to stand alone
        assert int(seen) >= float(marks), lemma
        if source in ("babe", "semeval"):  # a lexicon clue has its prior; annotated sources need marks of their own
            assert float(marks) >= 2, lemma
        assert pos in {"ADJ", "ADV", "NOUN", "VERB"}, (lemma, pos)
    # news usage wins over memes: words neutral in news reporting ("war", "kill") are not in the list
    learned = framing_lexicon.load().learned
    assert ("war", "NOUN") not in learned and ("kill", "VERB") not in learned
    # MPQA clues ship only where BABE's annotators marked them: reporting verbs and positive clues never
    assert all(int(seen) > 0 and float(marks) > 0 for *_, marks, seen, source in rows if source == "mpqa+babe")
    # a clue of a permissive lexicon (VADER, Pattern) that BABE's annotators saw and never marked is dropped
    assert all(float(marks) > 0 or int(seen) == 0 for *_, marks, seen, source in rows if source.endswith("+babe"))
    assert ("futile", "ADJ") in learned and ("dumb", "ADJ") in learned  # VADER words BABE never saw
    assert ("accuse", "VERB") not in learned and ("admire", "VERB") not in learned


def test_a_loaded_word_in_a_speakers_quote_is_not_the_articles(parse):
    text = (
        "The senator spoke to reporters on Monday. “This is a disgraceful sham,” she said of the bill. "
        "The bill is a disgraceful sham, the paper's editors wrote in their own column."
    )
    texts, spans, _ = spans_of(parse, text)
    quote_end = text.index("she said")
    assert not any(s.start < quote_end for s in spans), texts
    assert any("sham" in t or "disgraceful" in t for t in texts), texts


# -- a speaker's short quote, or words said not to have been said, are no Doubt of the writer -------------


def test_a_short_partial_quote_with_a_speaker_is_not_doubt(analyze_text):
    a = analyze_text(
        "The transport agency said on Monday that the tram plan had “no basis” in law.",
        title="Tram plan",
        published="2025-06-05",
    )
    assert [q.kind for q in a.quotes if q.text == "no basis"] == ["partial"]
    assert not [s for s in a.framing.spans if s.technique == "Doubt" and "no basis" in s.text]


def test_words_a_speaker_did_not_say_are_not_doubt(parse):
    texts, spans, _ = spans_of(parse, "The mayor never said “a total ban,” and her office would not comment.")
    assert not [s for s in spans if s.technique == "Doubt"]


def test_a_so_called_phrase_is_still_doubt(parse):
    texts, spans, _ = spans_of(parse, "The so-called “experts” met the minister on Friday.")
    assert "experts" in [s.text for s in spans if s.technique == "Doubt"]


def test_an_inverted_cue_is_not_part_of_a_descriptor(analyze_text):
    a = analyze_text(
        "The strike went ahead.\n\n“We will appeal,” added union secretary Mona Reyes, outside the depot.",
        title="Strike",
        published="2025-06-05",
    )
    phrases = [p for d in a.framing.descriptors if "Reyes" in d.entity.name for p in d.phrases]
    assert phrases and not [p for p in phrases if "added" in p]


def test_a_short_quote_credited_to_a_speaker_is_not_a_scare_quote(parse):
    # The quotes stage hands over the partial quote without its trailing comma; the quoted phrase is still
    # the mayor's word, not the writer's doubt. An uncredited short quote stays a scare quote.
    text = (
        "The mayor likened the audit to a “witch trial,” and left the hall. "
        "The council approved the “temporary” levy for a fifth year."
    )
    doc = parse(text)
    start = text.index("witch")
    spans, _ = frame_doc(doc, speech=[(start, start + len("witch trial"))])
    texts = [s.text for s in spans]
    assert not any("witch" in t for t in texts), texts
    assert any(t.startswith("temporary") and s.technique == "Doubt" for t, s in zip(texts, spans)), texts
    unattributed, _ = frame_doc(doc)
    assert any("witch trial" in s.text for s in unattributed)  # without the credit it reads as scare quotes


def test_an_amplifier_on_an_adjective_is_an_exaggeration_span(parse):
    texts, spans, _ = spans_of(
        parse,
        "The regulator called the merger plan overly ambitious. The bakery sold far fewer loaves in May. "
        "The ferry leaves at noon and the crossing takes an hour.",
    )
    assert "overly ambitious" in texts, texts
    assert any(t.startswith("far") and s.technique == "Exaggeration,Minimisation" for t, s in zip(texts, spans))
    assert not any("noon" in t or "hour" in t for t in texts), texts


def test_a_quoted_complement_of_a_naming_verb_is_a_name_not_a_scare_quote(parse):
    texts, spans, _ = spans_of(
        parse,
        "The landlord called the inspection a “formality” before the tenants arrived. "
        "The pop-up windows, labeled “Free Credit Check,” led to a payment page. "
        "The council approved the “temporary” levy for a fifth year.",
    )
    assert not any("formality" in t or "Free Credit" in t for t in texts), texts
    assert any(t.startswith("temporary") and s.technique == "Doubt" for t, s in zip(texts, spans)), texts


def test_a_headline_quoting_a_speaker_of_the_body_is_not_a_scare_quote(analyze_text):
    body = (
        "The harbour master said the storm would “turn the marina into a lake” by Friday. "
        "Boat owners moved their vessels inland."
    )
    quoted = analyze_text(body, title="Storm to ‘turn the marina into a lake’ - harbour master")
    assert quoted.quotes and not any("marina" in s.text for s in quoted.framing.spans if s.field == "title")
    scare = analyze_text(body, title="Council ‘plans’ for the marina - residents")
    assert any("plans" in s.text for s in scare.framing.spans if s.field == "title")


def test_a_doubt_adverb_takes_the_phrase_it_qualifies(parse):
    texts, spans, _ = spans_of(
        parse,
        "The inspector visited the depot at dawn, presumably with the owner’s approval. "
        "The treasurer was seemingly unaware of the shortfall. The ferry leaves at noon.",
    )
    assert "presumably with the owner’s approval" in texts, texts
    assert any(t.startswith("seemingly unaware") and s.technique == "Doubt" for t, s in zip(texts, spans)), texts
    assert not any("noon" in t for t in texts), texts


def test_a_predicative_loaded_adjective_takes_its_noun_subject_and_verb(parse):
    texts, _, _ = spans_of(
        parse,
        "The reservoir plan was tabled in June. Critics say the tariffs are futile. "
        "Officials said it was futile to appeal. The old bridge is closed for repairs.",
    )
    assert "tariffs are futile" in texts, texts  # cited whole, as the attributive "futile tariffs" would be
    assert "futile" in texts and "it was futile" not in texts, texts  # a pronoun subject stays out
    assert not any("bridge" in t for t in texts), texts


def title_spans(analyze_text, title: str) -> list[str]:
    a = analyze_text("The committee met on Monday.", title=title, published="2024-05-01")
    return [s.text for s in a.framing.spans if s.field == "title"]


def test_a_title_case_headline_word_is_read_past_its_tag(analyze_text):
    # the tagger makes every word of a Title Case headline a name; its ending says what it may be
    assert "Exploits" in title_spans(analyze_text, "Harbour Paper Exploits Grieving Family For Clicks")
    assert "Fume" in title_spans(analyze_text, "Dock Workers Fume At Harbour Board Over Pay Deal")


def test_plain_title_case_headline_words_stay_unflagged(analyze_text):
    assert title_spans(analyze_text, "Harbour Board Opens New Terminal After Two Years Of Work") == []


def test_a_quoted_title_of_a_show_is_no_scare_quote_nor_unattested(analyze_text):
    a = analyze_text(
        "She appeared on ‘The Harbour Evening Show’ to defend the so-called ‘reform’ plan.", published="2024-05-01"
    )
    assert "The Harbour Evening Show" not in [s.text for s in a.framing.spans]
    assert [c.text for c in a.checks if c.kind == "unattested_quote"] == ["reform"]


def test_where_someone_stands_in_a_photo_is_no_label(analyze_text):
    a = analyze_text("Dorota Holt (far right) and her husband were among those hurt. The far right party won 20 seats.")
    spans = [s for s in a.framing.spans if s.text == "far right"]
    assert len(spans) == 1 and a.article.text[spans[0].start - 4 : spans[0].start] == "The "


def test_a_verdict_is_no_loaded_word(analyze_text):
    a = analyze_text("A harbour man pleaded guilty Monday to fraud. His partner was found guilty too. She felt guilty.")
    guilty = [s for s in a.framing.spans if s.text == "guilty"]
    assert len(guilty) == 1 and a.article.text[guilty[0].start - 5 : guilty[0].start] == "felt "


def test_a_show_named_after_its_channel_is_no_scare_quote(parse):
    texts, _, _ = spans_of(parse, "The senator attacked the plan on CNN's “State Desk,” a Sunday programme.")
    assert not any("State Desk" in t for t in texts)


def test_a_participle_news_annotators_saw_unmarked_is_no_loaded_word(parse):
    # VADER rates forms ('injured', 'arrested'); BABE's annotators saw them in news and did not mark them.
    texts, _, _ = spans_of(
        parse, "Four injured passengers were flown to the coast. The arrested drivers were freed on bail."
    )
    assert texts == []


def test_a_word_news_rarely_uses_is_the_writers_choice(parse):
    texts, _, _ = spans_of(parse, "The mayor gave a churlish reply and glowered at the reporters outside the hall.")
    assert "churlish reply" in texts and "glowered" in texts


def test_a_rare_word_the_article_repeats_is_its_subject(parse):
    texts, _, _ = spans_of(
        parse, "The council approved two hydroponic farms on Monday. The hydroponic farms will open in May."
    )
    assert texts == []


def test_a_rare_relational_adjective_classifies_and_is_not_flagged(parse):
    texts, _, _ = spans_of(parse, "A geothermal plant and a probationary licence were approved near the lake.")
    assert texts == []


def test_common_words_list_is_built_from_named_news_without_the_benchmarks():
    head = " ".join(line for line in vocab.text("framing/common_words.txt").splitlines() if line.startswith("#"))
    assert "_source:" in head and "BASIL and gold-annotated articles left out" in " ".join(head.split(" #   "))
    words = set(vocab.lines("framing/common_words.txt"))
    assert {"said", "government", "minister"} <= words and "churlish" not in words


def test_a_quoted_name_of_a_person_is_mentioned_not_doubted(parse):
    texts, _, _ = spans_of(parse, "At nineteen I wrote in “Walter Pemberton” on my first ballot for governor.")
    assert not any("Pemberton" in t for t in texts)


def test_a_name_coined_for_a_thing_is_still_a_scare_quote(parse):
    texts, _, _ = spans_of(parse, "The sheriff is known for building a “Fort Liberty,” a holding ground for detainees.")
    assert any("Fort Liberty" in t for t in texts)


def test_a_quoted_clause_in_a_headline_reports_a_claim(analyze_text):
    a = analyze_text("The harbour board will meet on Friday.", title="Harbour chief 'to step down' after audit")
    assert not any(s.field == "title" for s in a.framing.spans)
    b = analyze_text("The harbour board will meet on Friday.", title="Harbour chief defends his 'Open Berths' plan")
    assert [s.text for s in b.framing.spans if s.field == "title"] == ["Open Berths"]


def test_a_word_of_a_title_or_name_in_running_text_is_nobodys_wording(parse):
    texts, _, _ = spans_of(
        parse, "The band, calling themselves The League of Extraordinary Gentlemen, played on Monday."
    )
    assert texts == []
    texts, _, _ = spans_of(parse, "His new memoir, See No Evil, came out on Monday.")
    assert texts == []
