"""Across articles: wire copies, stories, one statement quoted by many outlets, one event many report.

    summary = relink(store)      # rebuilds every link table from the per-article tables; returns counts

Link tables (derived, rebuilt whole by each run, so a rerun never duplicates):
  copies(article_id, original_id, share)          a later article whose text is largely an earlier one's
  stories(article_id, story_id, size)             articles about the same story (shared rare entities, dates)
  corpus_statements(id, speaker, text, …)         one statement with its first appearance and counts
  corpus_statement_quotes(statement_id, article_id, quote_id, …)   every quote that attests it
  corpus_events(id, type, …, num_mentions, num_sources, num_articles)   one event, however many report it
  corpus_event_members(corpus_event_id, article_id, event_id)

Kept, not rebuilt: copy_signatures(article_id, kind, hashvalues), each article's MinHash signature, saved
by a batch as it stores the article (save_signatures) so that linking does not hash every text again;
relink makes the missing ones (articles stored by the web API, or before signatures were kept) and one
whose `kind` (shingle size, permutations, datasketch version) is not the current one.

No all-pairs loop: copies are found through MinHash LSH bands (datasketch) over word 5-gram shingles and
confirmed by exact shingle containment; statements are compared only within one speaker; events only
within one (type, source, target) key; stories only through an inverted index of rare entities. Cost
grows near linearly with the corpus.

First appearance: the earliest publication date, ties broken by outlet name, then article id; an
undated article comes after every dated one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

from .store import Store

SHINGLE_WORDS = 5
SIGNATURES = "copy_signatures"  # article_id, kind, hashvalues: each article's MinHash, kept by the store
COPY_SHARE = 0.6  # share of the later article's shingles found in the earlier one
MINHASH_PERMUTATIONS = 64
LSH_THRESHOLD = 0.25  # candidates only (low, so a shortened re-run is found); the exact share decides
STATEMENT_OVERLAP = 0.8  # share of the shorter wording's words found in the longer one
STATEMENT_MIN_WORDS = 4  # shorter quotes are too generic to link across articles
PARAPHRASE_RATIO = 90  # rapidfuzz token_set_ratio of two wordings that say the same thing
ALL_PAIRS_UP_TO = 300  # distinct wordings of one speaker compared pairwise; more go through a word index
NEGATIONS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "t", "nor", "neither"})  # "don't" -> don, t
EVENT_WINDOW_DAYS = 2
STORY_WINDOW_DAYS = 14  # chosen on one half of the Giveme5W1H clusters (tools/link_eval.py), checked on the other
# A story ends this long after its first article, however it is carried on: without it a story drifted from
# the Orlando shooting to a party platform and a congressman's divorce over eight weeks, one step at a time.
# On the Giveme5W1H clusters (tools/link_eval.py) 28 days costs 0.001 of B-cubed F1 (0.848 -> 0.847).
STORY_MAX_SPAN_DAYS = 28
STORY_SIMILARITY = 0.15  # idf-weighted cosine of an article and a story centroid (chosen on one half, as above)
STORY_MAX_DF_SHARE = 0.05  # an entity in more than this share of articles is too common to link by
RELINK_ON_WRITE_MAX = 500  # a store this small is relinked whenever the web API stores an article
STORY_KINDS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT")

LINK_TABLES: dict[str, list[tuple[str, str]]] = {
    "copies": [("article_id", "VARCHAR PRIMARY KEY"), ("original_id", "VARCHAR"), ("share", "DOUBLE")],
    "stories": [("article_id", "VARCHAR PRIMARY KEY"), ("story_id", "VARCHAR"), ("size", "INTEGER")],
    "corpus_statements": [
        ("id", "VARCHAR PRIMARY KEY"),
        ("speaker", "VARCHAR"),
        ("text", "VARCHAR"),
        ("n_quotes", "INTEGER"),
        ("n_articles", "INTEGER"),
        ("n_outlets", "INTEGER"),
        ("n_wordings", "INTEGER"),
        ("reworded", "BOOLEAN"),
        ("first_article", "VARCHAR"),
        ("first_outlet", "VARCHAR"),
        ("first_published", "VARCHAR"),
    ],
    "corpus_statement_quotes": [
        ("statement_id", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("quote_id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("text", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("published", "VARCHAR"),
    ],
    "corpus_events": [
        ("id", "VARCHAR PRIMARY KEY"),
        ("type", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("source_name", "VARCHAR"),
        ("source_code", "VARCHAR"),
        ("target_name", "VARCHAR"),
        ("target_code", "VARCHAR"),
        ("date", "VARCHAR"),
        ("num_mentions", "INTEGER"),
        ("num_sources", "INTEGER"),
        ("num_articles", "INTEGER"),
        ("first_article", "VARCHAR"),
    ],
    "corpus_event_members": [("corpus_event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("event_id", "VARCHAR")],
}


@dataclass
class ArticleInfo:
    id: str
    outlet: Optional[str]
    published: Optional[str]

    def order(self) -> tuple:
        """First-appearance order: dated before undated, then date, outlet name, id."""
        return (self.published is None, self.published or "", (self.outlet or "").lower(), self.id)


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in list(self.parent):
            out[self.find(x)].append(x)
        return out


def words_of(text: str) -> list[str]:
    """Case, accents, punctuation and curly quotes folded: the words two wordings are compared by."""
    s = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", s)


def stable_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def _date(value: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


# -- wire copies ------------------------------------------------------------------------------------
def _shingles(text: str) -> set[str]:
    """The text's word 5-grams (strings, so MinHash signatures are the same in every process)."""
    w = words_of(text)
    if len(w) < SHINGLE_WORDS:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i : i + SHINGLE_WORDS]) for i in range(len(w) - SHINGLE_WORDS + 1)}


def _minhash(hashvalues: Optional[Sequence[int]] = None) -> Any:
    """A datasketch MinHash of MINHASH_PERMUTATIONS (empty, or holding stored hash values); the
    permutations are made once and shared."""
    from datasketch import MinHash

    global _template
    if _template is None:
        _template = MinHash(num_perm=MINHASH_PERMUTATIONS)
    if hashvalues is None:
        return MinHash(num_perm=MINHASH_PERMUTATIONS, scheme=_template.scheme, permutations=_template.permutations)
    return MinHash(hashvalues=hashvalues, scheme=_template.scheme, permutations=_template.permutations)


_template: Any = None


def signature(text: str) -> Optional[list[int]]:
    """The MinHash hash values find_copies indexes the text by (its word 5-grams), or None for a text of
    fewer than 3 shingles (never a copy nor an original)."""
    sh = _shingles(text)
    if len(sh) < 3:
        return None
    mh = _minhash()
    mh.update_batch([x.encode() for x in sh])
    return [int(v) for v in mh.hashvalues]


def signature_kind() -> str:
    """What a stored signature was made with; a row made otherwise (another datasketch, other settings)
    is not used."""
    import datasketch

    return f"{SHINGLE_WORDS}-word shingles, {MINHASH_PERMUTATIONS} permutations, datasketch {datasketch.__version__}"


def find_copies(
    articles: list[ArticleInfo], texts: dict[str, str], signatures: Optional[dict[str, Optional[list[int]]]] = None
) -> list[tuple[str, str, float]]:
    """(copy id, original id, share copied) for every article largely made of an earlier one's text.
    The original is the earliest article of the chain (a copy of a copy points at the first).
    signatures: article id -> signature(text), made beforehand (the store keeps them); the others are
    made here. Shingles are made only for the articles the LSH pairs with another."""
    from datasketch import MinHashLSH

    signatures = signatures or {}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=MINHASH_PERMUTATIONS)
    shingles: dict[str, set[str]] = {}
    original_of: dict[str, str] = {}
    out = []

    def shingles_of(article_id: str) -> set[str]:
        if article_id not in shingles:
            shingles[article_id] = _shingles(texts.get(article_id, ""))
        return shingles[article_id]

    for art in sorted(articles, key=ArticleInfo.order):
        hashvalues = signatures[art.id] if art.id in signatures else signature(texts.get(art.id, ""))
        if hashvalues is None:
            continue
        mh = _minhash(hashvalues)
        best: Optional[tuple[float, str]] = None
        candidates = lsh.query(mh)
        if candidates:
            sh = shingles_of(art.id)
            for cand in candidates:
                share = len(sh & shingles_of(cand)) / len(sh)
                if share >= COPY_SHARE and (best is None or share > best[0]):
                    best = (share, cand)
        if best is not None:
            root = original_of.get(best[1], best[1])
            original_of[art.id] = root
            out.append((art.id, root, round(best[0], 3)))
        lsh.insert(art.id, mh)
    return out


def save_signatures(store: Store, articles: Iterable[tuple[str, str]]) -> None:
    """Store the signature of each (article id, text), in one transaction, for find_copies to use: made
    while a batch's workers run, they are not made again when it links. Creates the table when missing."""
    rows = [(article_id, kind, signature(text)) for kind in [signature_kind()] for article_id, text in articles]
    if not rows:
        return
    with store.transaction():
        _save_signatures(store, rows)


def _save_signatures(store: Store, rows: list[tuple[str, str, Optional[list[int]]]]) -> None:
    """Inside a transaction: replace the stored signature rows of these articles."""
    store.execute(
        f"CREATE TABLE IF NOT EXISTS {SIGNATURES} (article_id VARCHAR PRIMARY KEY, kind VARCHAR, hashvalues UBIGINT[])"
    )
    for start in range(0, len(rows), 1000):
        part = rows[start : start + 1000]
        marks = ", ".join("?" * len(part))
        store.execute(f"DELETE FROM {SIGNATURES} WHERE article_id IN ({marks})", [r[0] for r in part])
        store.insert(SIGNATURES, part, width=3)


def _stored_signatures(store: Store) -> dict[str, Optional[list[int]]]:
    """article id -> stored signature of the current kind (none when the store has no signatures table)."""
    if not _has_table(store, SIGNATURES):
        return {}
    found = store.rows(f"SELECT article_id, hashvalues FROM {SIGNATURES} WHERE kind = ?", [signature_kind()])
    return {r["article_id"]: r["hashvalues"] for r in found}


def _sign_the_rest(store: Store) -> None:
    """Inside a transaction: store the signatures of the articles stored without one (by the web API, by
    a batch killed before it stored them, or before the store kept signatures)."""
    kind = signature_kind()
    if _has_table(store, SIGNATURES):
        missing = store.rows(
            f"SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM {SIGNATURES} WHERE kind = ?)",
            [kind],
        )
    else:
        missing = store.rows("SELECT id, text FROM articles")
    if missing:
        _save_signatures(store, [(r["id"], kind, signature(r["text"])) for r in missing])


def _has_table(store: Store, name: str) -> bool:
    return bool(store.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]))


# -- statements -------------------------------------------------------------------------------------
@dataclass
class Wording:
    """A quote's words with what _same_wording compares, made once however many wordings it is compared with."""

    text: str  # the words joined by one space
    words: list[str]
    counts: Counter
    negations: frozenset[str]

    @classmethod
    def of(cls, words: list[str]) -> Wording:
        return cls(" ".join(words), words, Counter(words), NEGATIONS.intersection(words))


def _same_wording(a: Wording, b: Wording) -> bool:
    """The same or near-same wording: most of the shorter one's words in the longer one, or a close
    paraphrase by rapidfuzz's token-set ratio; never when one of them is negated and the other is not."""
    short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if len(short.words) < STATEMENT_MIN_WORDS or a.negations != b.negations:
        return False
    own, pool = short.counts, long_.counts
    shared = own.keys() & pool.keys()
    # each of the shorter one's words missing from the longer one misses at least once: when that alone
    # rules the overlap out, the count below is not needed
    if (len(short.words) - len(own) + len(shared)) / len(short.words) >= STATEMENT_OVERLAP:
        hit = sum(min(own[w], pool[w]) for w in shared)  # each word of the longer one used once
        if hit / len(short.words) >= STATEMENT_OVERLAP:
            return True
    from rapidfuzz import fuzz

    # below the cutoff rapidfuzz returns 0 and stops early: the same answer, sooner
    return fuzz.token_set_ratio(a.text, b.text, score_cutoff=PARAPHRASE_RATIO) >= PARAPHRASE_RATIO


def link_statements(quotes: list[dict], articles: dict[str, ArticleInfo]) -> tuple[list[tuple], list[tuple]]:
    """Quotes of one speaker with the same or near-same wording, across articles, as corpus statements.
    quotes: rows with article_id, id, kind, text, speaker_key, speaker. Returns (statement rows, member rows)."""
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        q["words"] = words_of(q["text"])
        if len(q["words"]) >= STATEMENT_MIN_WORDS:
            by_speaker[q["speaker_key"]].append(q)
    statements: list[tuple] = []
    members: list[tuple] = []
    for group in by_speaker.values():
        uf = UnionFind()
        exact: dict[str, str] = {}
        keys = []
        for q in group:
            key = f"{q['article_id']}:{q['id']}"
            keys.append(key)
            uf.find(key)
            norm = " ".join(q["words"])
            if norm in exact:
                uf.union(exact[norm], key)
            else:
                exact[norm] = key
        # near wordings: compare distinct wordings only (the exact ones are already joined)
        distinct = list(exact.items())
        index: dict[str, list[int]] = defaultdict(list)  # rare word -> wordings holding it
        for n, (norm, _) in enumerate(distinct):
            for w in set(norm.split()):
                index[w].append(n)
        wordings = [Wording.of(norm.split()) for norm, _ in distinct]
        # a negated wording never matches one that is not (_same_wording): compare within one negation set
        same_negations: dict[frozenset[str], list[int]] = defaultdict(list)
        for n, wording in enumerate(wordings):
            same_negations[wording.negations].append(n)
        for n, (_, key) in enumerate(distinct):
            ws = wordings[n].words
            if len(distinct) <= ALL_PAIRS_UP_TO:
                cands: Iterable[int] = (m for m in same_negations[wordings[n].negations] if m > n)
            else:  # a prolific speaker: only wordings sharing one of this one's five rarest words
                cands = set()
                for w in sorted(set(ws), key=lambda x: len(index[x]))[:5]:
                    cands.update(m for m in index[w] if m > n)
            for m in cands:
                if _same_wording(wordings[n], wordings[m]):
                    uf.union(key, distinct[m][1])
        by_key = {f"{q['article_id']}:{q['id']}": q for q in group}
        for root_keys in uf.groups().values():
            qs = [by_key[k] for k in root_keys]
            arts = {q["article_id"] for q in qs}
            if len(arts) < 1:
                continue
            qs.sort(key=lambda q: (articles[q["article_id"]].order(), q["start"] or 0))
            first = qs[0]
            first_art = articles[first["article_id"]]
            outlets = {articles[q["article_id"]].outlet or q["article_id"] for q in qs}
            quoted = {" ".join(q["words"]) for q in qs if q["kind"] in ("direct", "partial")}
            sid = stable_id("cs", first["article_id"], first["id"])
            longest = max(qs, key=lambda q: (q["kind"] == "direct", len(q["words"])))
            statements.append(
                (
                    sid,
                    first["speaker"],
                    longest["text"],
                    len(qs),
                    len(arts),
                    len(outlets),
                    len(quoted),
                    len(quoted) > 1 and len(outlets) > 1,
                    first_art.id,
                    first_art.outlet,
                    first_art.published,
                )
            )
            for q in qs:
                a = articles[q["article_id"]]
                members.append((sid, q["article_id"], q["id"], q["kind"], q["text"], a.outlet, a.published))
    return statements, members


# -- events -----------------------------------------------------------------------------------------
MIDDLE_INITIAL = re.compile(r"(?<=\s)[a-z]\.?(?=\s)")


def name_key(name: str) -> str:
    """A person's name as a key across articles: lower case, without brackets or middle initials ('[James B.]
    Comey' and 'James B. Comey' are 'james comey')."""
    key = re.sub(r"[\[\](){}\"“”]", " ", name.lower())
    key = MIDDLE_INITIAL.sub(" ", " ".join(key.split()))
    return " ".join(key.split())


def merge_surnames(keys: Iterable[str]) -> dict[str, str]:
    """A one-word key that is the last word of exactly one longer key across the corpus, mapped to it
    ('comey' -> 'james comey'); a surname two full names share ('clinton') stays itself."""
    keys = set(keys)
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        if " " in k:
            full_by_last[k.rsplit(" ", 1)[1]].add(k)
    return {k: next(iter(full_by_last[k])) for k in keys if " " not in k and len(full_by_last.get(k, ())) == 1}


def keyed_by_name(rows: list[dict], name: str, kb_id: str, out: str) -> list[dict]:
    """rows with rows[out] set: the row's knowledge-base id, else its name as name_key has it, a lone
    person's surname merged into the one full name that ends in it (so 'Comey', 'James B. Comey' and 'James
    Comey' are one speaker or entity across the corpus)."""
    for r in rows:
        r[out] = r[kb_id] or name_key(r[name] or "")
    people = [r for r in rows if not r[kb_id] and r.get("type") == "PERSON"]
    merged = merge_surnames(r[out] for r in people)  # 'Congress' is no surname of 'US Congress'
    for r in people:
        r[out] = merged.get(r[out], r[out])
    return rows


def _actor_key(name: Optional[str], code: Optional[str]) -> str:
    return code or " ".join(words_of(name or "")) or "-"


def link_events(events: list[dict], articles: dict[str, ArticleInfo]) -> tuple[list[tuple], list[tuple]]:
    """The same event (PLOVER type, source and target actors, dates within EVENT_WINDOW_DAYS) reported by
    several articles as one corpus event with NumMentions, NumSources (outlets) and NumArticles."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for e in events:
        if e.get("negated"):
            continue
        key = (
            e["type"],
            _actor_key(e["source_name"], e["source_code"]),
            _actor_key(e["target_name"], e["target_code"]),
        )
        if key[1] == "-":
            continue
        e["day"] = _date(e["date"]) or _date(articles[e["article_id"]].published)
        by_key[key].append(e)
    rows: list[tuple] = []
    members: list[tuple] = []
    for group in by_key.values():
        group.sort(key=lambda e: (e["day"] is None, e["day"] or dt.date.min, articles[e["article_id"]].order()))
        clusters: list[list[dict]] = []
        for e in group:
            last = clusters[-1][-1] if clusters else None
            if (
                last is not None
                and e["day"] is not None
                and last["day"] is not None
                and (e["day"] - last["day"]).days <= EVENT_WINDOW_DAYS
            ):
                clusters[-1].append(e)
            elif last is not None and e["day"] is None and last["day"] is None:
                clusters[-1].append(e)
            else:
                clusters.append([e])
        for cluster in clusters:
            first = min(cluster, key=lambda e: articles[e["article_id"]].order())
            arts = {e["article_id"] for e in cluster}
            outlets = {articles[a].outlet or a for a in arts}
            cid = stable_id("ce", first["article_id"], first["id"])
            day = min((e["day"] for e in cluster if e["day"]), default=None)
            rows.append(
                (
                    cid,
                    first["type"],
                    first["cameo"],
                    first["source_name"],
                    first["source_code"],
                    first["target_name"],
                    first["target_code"],
                    day.isoformat() if day else None,
                    len(cluster),
                    len(outlets),
                    len(arts),
                    first["article_id"],
                )
            )
            members.extend((cid, e["article_id"], e["id"]) for e in cluster)
    return rows, members


# -- stories ----------------------------------------------------------------------------------------
def link_stories(
    entity_rows: list[dict], articles: dict[str, ArticleInfo], copies: dict[str, str]
) -> list[tuple[str, str, int]]:
    """(article id, story id, story size): articles sharing rare entities (idf-weighted cosine with the
    story's centroid) and published within STORY_WINDOW_DAYS of the story's latest article and within
    STORY_MAX_SPAN_DAYS of its first form one story; an undated article is in none; a wire copy joins its
    original's."""
    bags: dict[str, Counter] = defaultdict(Counter)
    for r in entity_rows:
        if r["type"] in STORY_KINDS and r["article_id"] not in copies:
            bags[r["article_id"]][r["key"]] += max(1, r["mentions"] or 1)
    n = max(1, len(bags))
    df = Counter(k for bag in bags.values() for k in bag)
    max_df = max(3, int(STORY_MAX_DF_SHARE * n))
    idf = {k: math.log(n / c) for k, c in df.items() if 1 < c <= max_df}
    vectors: dict[str, dict[str, float]] = {}
    for aid, bag in bags.items():
        vec = {k: (1 + math.log(c)) * idf[k] for k, c in bag.items() if k in idf}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        if norm:
            vectors[aid] = {k: v / norm for k, v in vec.items()}
    # One pass in publication order: an article joins the story whose centroid it resembles most (among
    # stories sharing one of its entities, last seen within the window), else starts one. Comparing with
    # the centroid, not with any single member, keeps stories from chaining into one giant cluster.
    centroids: list[dict[str, float]] = []
    last_day: list[Optional[dt.date]] = []
    first_day: list[Optional[dt.date]] = []
    members_of: list[list[str]] = []
    by_entity: dict[str, set[int]] = defaultdict(set)
    for aid in sorted(vectors, key=lambda a: articles[a].order()):
        vec, day = vectors[aid], _date(articles[aid].published)
        if day is None:
            # No date, no story: without a window, pieces of one outlet's beat sharing 'Blair' and 'Labour'
            # joined into stories even at three times the likeness asked of dated articles.
            continue
        best, best_score = -1, STORY_SIMILARITY
        for n in set().union(*(by_entity[k] for k in vec)):
            seen = last_day[n]
            if day and seen and abs((day - seen).days) > STORY_WINDOW_DAYS:
                continue
            start = first_day[n]
            if day and start and abs((day - start).days) > STORY_MAX_SPAN_DAYS:
                continue
            c = centroids[n]
            norm = math.sqrt(sum(v * v for v in c.values()))
            score = sum(v * c.get(k, 0.0) for k, v in vec.items()) / norm
            if score >= best_score:
                best, best_score = n, score
        if best < 0:
            best = len(centroids)
            centroids.append({})
            last_day.append(day)
            first_day.append(day)
            members_of.append([])
        for k, v in vec.items():
            centroids[best][k] = centroids[best].get(k, 0.0) + v
            by_entity[k].add(best)
        latest = last_day[best]
        if day and (latest is None or day > latest):
            last_day[best] = day
        members_of[best].append(aid)
    out: list[tuple[str, str, int]] = []
    for members in members_of:
        everyone = members + [c for c, o in copies.items() if o in members]
        if len(everyone) < 2:
            continue
        first = min(everyone, key=lambda a: articles[a].order())
        sid = stable_id("st", first)
        out.extend((a, sid, len(everyone)) for a in everyone)
    return out


# -- the whole run ----------------------------------------------------------------------------------
def import_in_background() -> threading.Thread:
    """Import the libraries relink uses (datasketch imports scipy: about half a second) on a background
    thread: a batch calls this when it starts, so they load while its workers analyse, not after."""

    def load() -> None:
        try:
            import datasketch  # noqa: F401
            import rapidfuzz.fuzz  # noqa: F401
        except Exception:  # relink imports them again and reports what is wrong then
            pass

    thread = threading.Thread(target=load, name="newstrace-link-imports", daemon=True)
    thread.start()
    return thread


def _create(store: Store) -> None:
    for table, cols in LINK_TABLES.items():
        store.execute(f"DROP TABLE IF EXISTS {table}")
        store.execute(f"CREATE TABLE {table} (" + ", ".join(f'"{c}" {t}' for c, t in cols) + ")")


def compute_links(store: Store, only: Optional[set[str]] = None) -> dict[str, list[tuple]]:
    """Every link table's rows from the stored articles (or only those whose ids are in `only`)."""

    def keep(rows: list[dict], key: str = "article_id") -> list[dict]:
        return rows if only is None else [r for r in rows if r[key] in only]

    def known(rows: list[dict]) -> list[dict]:
        return [r for r in rows if r["article_id"] in arts]

    arts = {
        r["id"]: ArticleInfo(r["id"], r["outlet"], r["published"])
        for r in keep(store.rows("SELECT id, outlet, published FROM articles"), "id")
    }
    texts = {r["id"]: r["text"] for r in keep(store.rows("SELECT id, text FROM articles"), "id")}
    copies = find_copies(list(arts.values()), texts, _stored_signatures(store))
    del texts
    copy_of = {c: o for c, o, _ in copies}
    quotes = keep(
        store.rows(
            "SELECT q.article_id, q.id, q.kind, q.text, q.start, q.speaker_name AS speaker, "
            "e.kb_id AS speaker_kb, e.type FROM quotes q "
            "LEFT JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker_entity "
            "WHERE q.speaker_name IS NOT NULL AND q.kind IN ('direct', 'partial', 'indirect')"
        )
    )
    statements, statement_members = link_statements(
        keyed_by_name(known(quotes), "speaker", "speaker_kb", "speaker_key"), arts
    )
    events = keep(
        store.rows(
            "SELECT article_id, id, type, cameo, source_name, source_code, target_name, target_code, date, negated "
            "FROM events"
        )
    )
    corpus_events, event_members = link_events(known(events), arts)
    entity_rows = keep(
        store.rows(
            "SELECT e.article_id, e.kb_id, e.name, e.type, count(m.start) AS mentions "
            "FROM entities e LEFT JOIN mentions m ON m.article_id = e.article_id AND m.entity = e.id "
            "GROUP BY ALL"
        )
    )
    return {
        "copies": list(copies),
        "stories": list(link_stories(keyed_by_name(known(entity_rows), "name", "kb_id", "key"), arts, copy_of)),
        "corpus_statements": statements,
        "corpus_statement_quotes": statement_members,
        "corpus_events": corpus_events,
        "corpus_event_members": event_members,
    }


def relink(store: Store) -> dict[str, int]:
    """Rebuild every link table from the stored articles, in one transaction; returns rows per table.
    Run at the end of each `newstrace batch` that added articles, and by `newstrace link`."""
    with store.transaction():  # one consistent view: an article stored meanwhile waits for the next link
        _sign_the_rest(store)
        rows = compute_links(store)
        _create(store)
        for table, table_rows in rows.items():
            store.insert(table, table_rows, width=len(LINK_TABLES[table]))
    return {t: len(r) for t, r in rows.items()}


def linked(store: Store) -> bool:
    """Whether the store holds link tables (a `newstrace link` or a batch has run since they existed)."""
    return _has_table(store, "copies")
