"""Linking across articles: wire copies, statements, events and stories, on articles written for the tests."""

from __future__ import annotations

import pytest

from newstrace.corpus import link, query
from newstrace.corpus.link import ArticleInfo, find_copies, link_events, link_statements, link_stories

WIRE = (
    "Engineers reopened the coastal railway on Tuesday after three weeks of repairs to the flooded tunnels, "
    "the regional transport authority said. Trains will run at reduced speed until the signalling system is "
    "replaced in the spring, and freight services are expected to resume next month. The authority said the "
    "repairs cost more than it had planned, and that insurers would cover part of the bill. Passengers "
    "crowded the first train out of the harbour station, many of them commuters who had spent weeks on "
    "replacement buses along the cliff road."
)
OTHER = (
    "The city council voted to extend the opening hours of public libraries during the winter months, after "
    "a campaign by parents and students who said the reading rooms were the only warm and quiet places to "
    "study. The extra hours will be paid for by cutting the budget for new signs in the old town."
)


def arts(*rows: tuple[str, str | None, str | None]) -> dict[str, ArticleInfo]:
    return {i: ArticleInfo(i, outlet, date) for i, outlet, date in rows}


def test_a_rerun_wire_story_is_a_copy_of_the_earliest_and_an_unrelated_one_is_not():
    infos = arts(
        ("a", "Wire", "2024-05-01"),
        ("b", "Daily", "2024-05-02"),
        ("c", "Weekly", "2024-05-03"),
        ("d", "Blog", "2024-05-04"),
    )
    texts = {"a": WIRE, "b": "A short intro paragraph from the newspaper.\n\n" + WIRE, "c": OTHER, "d": WIRE[:300]}
    found = {copy: (orig, share) for copy, orig, share in find_copies(list(infos.values()), texts)}
    assert found["b"][0] == "a" and found["b"][1] >= 0.8
    assert "c" not in found and "a" not in found
    assert found["d"][0] == "a"  # a shortened re-run is still a copy of the first


def test_copy_of_a_copy_points_at_the_first_article():
    infos = arts(("x", "A", "2024-01-01"), ("y", "B", "2024-01-02"), ("z", "C", "2024-01-03"))
    texts = {"x": WIRE, "y": WIRE + " One more line.", "z": WIRE + " One more line. And another."}
    found = {copy: orig for copy, orig, _ in find_copies(list(infos.values()), texts)}
    assert found == {"y": "x", "z": "x"}


def test_stored_signatures_find_the_copies_the_texts_find(monkeypatch):
    infos = arts(("a", "Wire", "2024-05-01"), ("b", "Daily", "2024-05-02"), ("c", "Weekly", "2024-05-03"))
    texts = {"a": WIRE, "b": "A short intro from the newspaper.\n\n" + WIRE, "c": OTHER}
    signatures = {i: link.signature(t) for i, t in texts.items()}
    expected = find_copies(list(infos.values()), texts)
    assert [c[:2] for c in expected] == [("b", "a")]

    def no_signature(text):
        raise AssertionError("a stored signature was made again")

    monkeypatch.setattr(link, "signature", no_signature)
    assert find_copies(list(infos.values()), texts, signatures) == expected


def test_a_text_too_short_to_shingle_has_no_signature():
    assert link.signature("Too short.") is None
    assert len(link.signature(WIRE)) == link.MINHASH_PERMUTATIONS


def quote(article: str, qid: str, text: str, speaker: str = "Maria Lopez", kind: str = "direct") -> dict:
    return {
        "article_id": article,
        "id": qid,
        "kind": kind,
        "text": text,
        "start": 0,
        "speaker": speaker,
        "speaker_key": speaker.lower(),
    }


def test_the_same_words_in_two_outlets_are_one_statement_with_its_first_appearance():
    infos = arts(
        ("late", "Zeta News", "2024-03-05"), ("early", "Alpha Post", "2024-03-04"), ("tie", "Beta Times", "2024-03-04")
    )
    rows = [
        quote("late", "q1", "We will rebuild every school that was damaged by the storm"),
        quote("early", "q4", "we will rebuild every school that was damaged by the storm."),
        quote("tie", "q2", "We will rebuild every single school the storm damaged"),
        quote("late", "q2", "We will rebuild every school that was damaged by the storm", speaker="Paul Kim"),
    ]
    statements, members = link_statements(rows, infos)
    lopez = [s for s in statements if s[1] == "Maria Lopez"]
    assert len(lopez) == 1
    sid, _, _, n_quotes, n_articles, n_outlets, n_wordings, reworded, first_article, first_outlet, first_date = lopez[0]
    assert (n_quotes, n_articles, n_outlets) == (3, 3, 3)
    assert (first_article, first_outlet, first_date) == ("early", "Alpha Post", "2024-03-04")  # ties: outlet name
    assert reworded and n_wordings == 2
    assert len([s for s in statements if s[1] == "Paul Kim"]) == 1  # same words, another speaker: not merged
    assert {m[1] for m in members if m[0] == sid} == {"late", "early", "tie"}


def test_short_generic_quotes_are_not_linked():
    infos = arts(("a", "A", "2024-01-01"), ("b", "B", "2024-01-02"))
    statements, _ = link_statements([quote("a", "q1", "No comment"), quote("b", "q1", "No comment")], infos)
    assert statements == []


def event(article: str, eid: str, date: str | None, type_: str = "ASSAULT", source: str = "RUS") -> dict:
    return {
        "article_id": article,
        "id": eid,
        "type": type_,
        "cameo": "190",
        "source_name": "Russia",
        "source_code": source,
        "target_name": "Ukraine",
        "target_code": "UKR",
        "date": date,
        "negated": False,
    }


def test_one_event_reported_by_three_articles_counts_its_sources():
    infos = arts(
        ("a", "Wire", "2024-02-01"),
        ("b", "Daily", "2024-02-02"),
        ("c", "Wire", "2024-02-02"),
        ("d", "Daily", "2024-03-20"),
    )
    rows, members = link_events(
        [
            event("a", "ev1", "2024-02-01"),
            event("b", "ev3", "2024-02-01"),
            event("c", "ev1", None),
            event("d", "ev1", "2024-03-19"),
            event("b", "ev4", "2024-02-01", type_="AID"),
        ],
        infos,
    )
    by_articles = sorted((r[10], r[9], r[8], r[1]) for r in rows)
    # (NumArticles, NumSources, NumMentions, type): Feb assault in 3 articles of 2 outlets; March one; the aid
    assert by_articles == [(1, 1, 1, "AID"), (1, 1, 1, "ASSAULT"), (3, 2, 3, "ASSAULT")]
    assert len(members) == 5


def test_articles_sharing_rare_entities_within_days_form_a_story():
    infos = arts(
        ("a", "A", "2024-01-01"),
        ("b", "B", "2024-01-03"),
        ("c", "C", "2024-01-02"),
        ("d", "D", "2024-06-01"),
        ("e", "E", "2024-01-02"),
        ("f", "F", "2024-01-02"),
    )
    ents = []
    for aid, keys in {
        "a": ["Q1", "Q2", "Q3"],
        "b": ["Q1", "Q2", "Q3", "Q9"],
        "c": ["Q5", "Q6", "Q7"],
        "d": ["Q1", "Q2", "Q3"],
        "e": ["Q5", "Q6", "Q8"],
        "f": ["Q10"],
    }.items():
        ents += [{"article_id": aid, "key": k, "type": "PERSON", "mentions": 2} for k in keys]
    stories = {a: s for a, s, _ in link_stories(ents, infos, copies={})}
    assert stories["a"] == stories["b"] != stories["c"] == stories["e"]
    assert "d" not in stories  # the same names five months later are another story
    assert "f" not in stories


def test_a_story_carried_on_step_by_step_ends_four_weeks_after_it_began():
    days = ["2024-01-01", "2024-01-11", "2024-01-21", "2024-01-31", "2024-02-10", "2024-02-20"]
    infos = arts(*((f"a{i}", f"Outlet{i}", day) for i, day in enumerate(days)))
    ents = [  # each article shares one name with the one before: a chain, no two ends alike
        {"article_id": f"a{i}", "key": k, "type": "PERSON", "mentions": 2}
        for i in range(len(days))
        for k in (f"Q{i}", f"Q{i + 1}")
    ]
    stories = {a: s for a, s, _ in link_stories(ents, infos, copies={})}
    assert stories["a0"] == stories["a1"] == stories["a2"]  # within 28 days of a0
    assert stories["a3"] != stories["a0"]  # 30 days after a0: a story of its own
    assert stories["a3"] == stories["a4"] == stories["a5"]


def test_undated_articles_form_no_story():
    infos = arts(("a", "A", None), ("b", "B", None), ("c", "C", "2024-01-02"), ("d", "D", "2024-01-03"))
    ents = [
        {"article_id": aid, "key": k, "type": "PERSON", "mentions": 2} for aid in "abcd" for k in ("Q1", "Q2", "Q3")
    ] + [{"article_id": f"x{n}", "key": f"Z{n}", "type": "PERSON", "mentions": 1} for n in range(80)]
    infos.update(arts(*((f"x{n}", "X", "2024-01-01") for n in range(80))))
    stories = {a: s for a, s, _ in link_stories(ents, infos, copies={})}
    assert stories.get("c") is not None and stories.get("c") == stories.get("d")
    assert "a" not in stories and "b" not in stories


@pytest.fixture(scope="module")
def linked_store(tmp_path_factory, analyze_text):
    from newstrace.corpus.store import Store

    path = tmp_path_factory.mktemp("link") / "linked.duckdb"
    store = Store(path)
    said = "“We will not close the harbour while I am mayor,” said Oleksandr Kovalenko, the mayor of Odesa."
    for body, published, outlet in (
        (WIRE + "\n\n" + said, "2024-05-01", "Wire Service"),
        ("Readers wrote in.\n\n" + WIRE + "\n\n" + said, "2024-05-02", "Daily Paper"),
        (OTHER, "2024-05-03", "Town Gazette"),
    ):
        a = analyze_text(body, title="Railway reopens", published=published)
        a.article.outlet = outlet
        store.add(a)
    counts = link.relink(store)
    yield store, counts
    store.close()


def test_relinking_a_store_is_idempotent_and_queries_answer(linked_store):
    store, counts = linked_store
    assert counts["copies"] == 1
    assert link.relink(store) == counts
    [copy] = query.copies(store)
    assert copy["original_outlet"] == "Wire Service" and copy["outlet"] == "Daily Paper" and copy["share"] >= 0.8
    statements = query.statements(store, speaker="Kovalenko", min_articles=2)
    assert statements and statements[0]["first_appearance"]["outlet"] == "Wire Service"
    appearances = query.statement_appearances(store, statements[0]["id"])
    assert [r["outlet"] for r in appearances] == ["Wire Service", "Daily Paper"]
    first = query.first(store, "close the harbour")
    assert first[0]["outlet"] == "Wire Service" and first[1]["copy_of"] is not None
    assert len(query.quotes(store, speaker="Kovalenko", dedup=True)) < len(query.quotes(store, speaker="Kovalenko"))


def test_a_store_of_articles_added_without_signatures_gets_them_when_linked(linked_store):
    store, counts = linked_store
    rows = store.rows(f"SELECT article_id, kind FROM {link.SIGNATURES}")
    assert len(rows) == 3 and {r["kind"] for r in rows} == {link.signature_kind()}
    # one made by another datasketch or other settings is made again, and the links stay the same
    with store.transaction():
        store.execute(
            f"UPDATE {link.SIGNATURES} SET kind = 'older', hashvalues = NULL WHERE article_id = ?",
            [rows[0]["article_id"]],
        )
    assert link.relink(store) == counts
    assert {r["kind"] for r in store.rows(f"SELECT kind FROM {link.SIGNATURES}")} == {link.signature_kind()}


def test_a_batch_stores_the_signature_of_each_article(store):
    stored = store.rows(
        f"SELECT s.article_id, s.hashvalues, a.text FROM {link.SIGNATURES} s JOIN articles a ON a.id = s.article_id"
    )
    assert len(stored) == store.scalar("SELECT count(*) FROM articles") == 4
    assert all(r["hashvalues"] == link.signature(r["text"]) for r in stored)


def test_dedup_before_linking_is_a_clear_error(tmp_path):
    from newstrace.corpus.store import Store
    from newstrace.errors import StoreError

    with Store(tmp_path / "empty.duckdb") as store, pytest.raises(StoreError, match="newstrace link"):
        query.events(store, dedup=True)


def test_a_negated_wording_is_another_statement():
    infos = arts(("a", "A", "2024-01-01"), ("b", "B", "2024-01-02"))
    rows = [
        quote("a", "q1", "We will rebuild every school that was damaged by the storm"),
        quote("b", "q1", "We will not rebuild every school that was damaged by the storm"),
    ]
    statements, _ = link_statements(rows, infos)
    assert len(statements) == 2


def test_one_person_written_three_ways_is_one_speaker_across_articles():
    rows = [
        {"speaker": "[James B.] Comey", "speaker_kb": None, "type": "PERSON"},
        {"speaker": "James B. Comey", "speaker_kb": None, "type": "PERSON"},
        {"speaker": "Comey", "speaker_kb": None, "type": "PERSON"},
        {"speaker": "Clinton", "speaker_kb": None, "type": "PERSON"},  # two Clintons: the surname stays itself
        {"speaker": "Hillary Clinton", "speaker_kb": None, "type": "PERSON"},
        {"speaker": "Bill Clinton", "speaker_kb": None, "type": "PERSON"},
        {"speaker": "Congress", "speaker_kb": None, "type": "ORG"},  # only people's surnames merge
        {"speaker": "US Congress", "speaker_kb": None, "type": "ORG"},
        {"speaker": "Ann Holt", "speaker_kb": "person:ann-holt", "type": "PERSON"},
    ]
    keys = [r["speaker_key"] for r in link.keyed_by_name(rows, "speaker", "speaker_kb", "speaker_key")]
    assert keys == [
        "james comey",
        "james comey",
        "james comey",
        "clinton",
        "hillary clinton",
        "bill clinton",
        "congress",
        "us congress",
        "person:ann-holt",
    ]
