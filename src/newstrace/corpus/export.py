"""Exports of a store: tables (Parquet, CSV), documents (JSON lines), events in GDELT 2.0's event format,
and the actor-event graph (GraphML).

- export_table(store, table, path, "parquet"|"csv") -> rows: DuckDB COPY, columns as in corpus/tables.py.
- write_documents(store, out) -> n: every newstrace/1 document, one per line, in the order stored.
- write_gdelt(store, out) -> n: one tab-separated line per event, GDELT_COLUMNS (61, GDELT 2.0's order
  and names), no header, blank where newstrace does not know the value (see gdelt_row for each field).
- event_graph(store) -> networkx.MultiDiGraph; write_graphml(store, path) -> (nodes, edges).

A missing folder or unwritable file raises StoreError.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any, Iterator, Optional, TextIO

import duckdb

from ..errors import StoreError
from .link import LINK_TABLES
from .store import SIGHTINGS, Store
from .tables import COLUMNS

TABLES = list(COLUMNS)  # every store has these; the cross-article tables of LINK_TABLES once it is linked


def table_names(store: Store) -> list[str]:
    """The tables of this store a user can export: the per-article ones, then those `newstrace link` made."""
    present = {r["table_name"] for r in store.rows("SELECT table_name FROM information_schema.tables")}
    return TABLES + [t for t in (SIGHTINGS, *LINK_TABLES) if t in present]


FORMATS = ("parquet", "csv")

_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
# GDELT 2.0 event table (GDELT-Event_Codebook-V2.0), in file order.
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR]
    + [f"Actor2{c}" for c in _ACTOR]
    + [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ]
    + [f"Actor1Geo_{c}" for c in _GEO]
    + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(GDELT_COLUMNS) == 61

# CAMEO root code -> GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict (GDELT codebook).
QUAD_CLASS = {
    **dict.fromkeys(["01", "02", "03", "04", "05"], 1),
    **dict.fromkeys(["06", "07", "08"], 2),
    **dict.fromkeys(["09", "10", "11", "12", "13"], 3),
    **dict.fromkeys(["14", "15", "16", "17", "18", "19", "20"], 4),
}


def _check_folder(path: Path) -> None:
    if not path.resolve().parent.is_dir():
        raise StoreError(f"{path}: folder {path.resolve().parent} does not exist")


def export_table(store: Store, table: str, path: Path, fmt: str = "parquet") -> int:
    """One table to a Parquet or CSV (with header) file; returns its number of rows."""
    names = table_names(store)
    if table not in names:
        raise StoreError(f"no table {table!r} (tables: {', '.join(names)})")
    if fmt not in FORMATS:
        raise StoreError(f"no format {fmt!r} (formats: {', '.join(FORMATS)})")
    _check_folder(path)
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    literal = "'" + str(path).replace("'", "''") + "'"  # COPY takes no parameter for its file name
    try:
        with store._lock:
            store.con.execute(f"COPY {table} TO {literal} ({options})")
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot write ({str(exc).strip().splitlines()[0]})") from exc
    return store.scalar(f"SELECT count(*) FROM {table}")


def export_tables(store: Store, folder: Path, fmt: str = "parquet") -> dict[str, int]:
    """Every table into folder (made if missing, inside an existing one) as TABLE.parquet or TABLE.csv;
    returns rows per table."""
    if not folder.is_dir():
        _check_folder(folder)
        try:
            folder.mkdir()
        except OSError as exc:
            raise StoreError(f"{folder}: cannot make the folder ({exc.strerror})") from exc
    return {t: export_table(store, t, folder / f"{t}.{fmt}", fmt) for t in table_names(store)}


def write_documents(store: Store, out: TextIO) -> int:
    """Every newstrace/1 document as one JSON line, in the order the articles were stored."""
    n = 0
    for row in store.rows(
        "SELECT d.document FROM documents d JOIN articles a ON a.id = d.article_id ORDER BY a.stored_at, a.id"
    ):
        out.write(row["document"] + "\n")
        n += 1
    return n


# -- GDELT ------------------------------------------------------------------------------------------
_EVENTS_SQL = """
SELECT e.*, a.published, a.url, a.source, a.stored_at, strpos(a.text, chr(10) || chr(10)) AS lead_end,
       s.country AS source_country, t.country AS target_country, l.country AS location_country
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN entities s ON s.article_id = e.article_id AND s.id = e.source_entity
LEFT JOIN entities t ON t.article_id = e.article_id AND t.id = e.target_entity
LEFT JOIN entities l ON l.article_id = e.article_id AND l.id = e.location_entity
ORDER BY a.stored_at, e.article_id, e.start, e.id
"""


def global_event_id(article_id: str, event_id: str) -> int:
    """A stable integer id (GDELT's are integers): 60 bits of sha256(article id, event id)."""
    return int(hashlib.sha256(f"{article_id}/{event_id}".encode()).hexdigest()[:15], 16)


def _actor_fields(name: Optional[str], code: Optional[str], country: Optional[str]) -> list[str]:
    """Actor{N}Code … Type3Code: the CAMEO code splits into country (3 letters) and role types (3 each)."""
    code = code or ""
    country = country or (code[:3] if len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() else "")
    types = code[3:] if country and code.startswith(country) else ""
    type_codes = [types[i : i + 3] for i in range(0, 9, 3)]
    return [code, name or "", country, "", "", "", "", *type_codes]


def gdelt_row(ev: dict[str, Any]) -> list[str]:
    """One event (a row of _EVENTS_SQL) in GDELT_COLUMNS order.

    Dates: the event's date, else the article's; FractionDate as GDELT computes it (YYYY + (MM*30+DD)/365).
    IsRootEvent: 1 when the event is in the article's lead paragraph. NumMentions/NumSources/NumArticles:
    1 (one mention in one article). AvgTone and geographic types, codes and coordinates: blank (not known;
    GDELT's geo country codes are FIPS, ours ISO, so they are not mixed). DATEADDED: when it was stored.
    """
    from ..stages.events.dictionary import goldstein_score

    date = ev["date"] or ev["published"] or ""
    ymd = date.replace("-", "") if len(date) == 10 else ""
    fraction = ""
    if ymd:
        fraction = f"{int(ymd[:4]) + (int(ymd[4:6]) * 30 + int(ymd[6:8])) / 365:.4f}"
    cameo = (ev["cameo"] or "").split(":")[0]
    goldstein = goldstein_score(ev["cameo"])
    lead_end = ev["lead_end"] or 0
    stored: Optional[dt.datetime] = ev["stored_at"]
    geo_blank = [""] * len(_GEO)
    action_geo = ["", ev["location_name"] or "", "", "", "", "", "", ""] if ev["location_name"] else geo_blank
    return [
        str(global_event_id(ev["article_id"], ev["id"])),
        ymd,
        ymd[:6],
        ymd[:4],
        fraction,
        *_actor_fields(ev["source_name"], ev["source_code"], ev["source_country"]),
        *_actor_fields(ev["target_name"], ev["target_code"], ev["target_country"]),
        "1" if lead_end == 0 or (ev["start"] or 0) < lead_end else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        str(QUAD_CLASS.get(cameo[:2], "")),
        "" if goldstein is None else f"{goldstein:g}",
        "1",
        "1",
        "1",
        "",
        *geo_blank,
        *geo_blank,
        *action_geo,
        stored.strftime("%Y%m%d%H%M%S") if stored else "",
        ev["url"] or ev["source"] or "",
    ]


def gdelt_rows(store: Store) -> Iterator[list[str]]:
    for ev in store.rows(_EVENTS_SQL):
        yield gdelt_row(ev)


def write_gdelt(store: Store, out: TextIO) -> int:
    """Tab-separated, no header (as GDELT's own files); tabs and newlines inside a value become spaces."""
    n = 0
    for row in gdelt_rows(store):
        out.write("\t".join(" ".join(v.split()) if ("\t" in v or "\n" in v) else v for v in row) + "\n")
        n += 1
    return n


# -- graph ------------------------------------------------------------------------------------------
def event_graph(store: Store):
    """Actors as nodes (keyed by name; attributes code, country, events), events as edges source -> target,
    one edge per (source, target, PLOVER type) with weight = number of events, cameo = the most frequent
    code, goldstein = mean Goldstein score and articles = number of articles. Events lacking a source or
    target actor are left out; negated events too (they did not happen)."""
    import networkx as nx

    from ..stages.events.dictionary import goldstein_score

    rows = store.rows("""
        SELECT e.source_name, e.source_code, e.target_name, e.target_code, e.type, e.cameo, e.article_id,
               s.country AS source_country, t.country AS target_country
        FROM events e
        LEFT JOIN entities s ON s.article_id = e.article_id AND s.id = e.source_entity
        LEFT JOIN entities t ON t.article_id = e.article_id AND t.id = e.target_entity
        WHERE e.source_name IS NOT NULL AND e.target_name IS NOT NULL AND NOT e.negated
        ORDER BY e.article_id, e.start""")
    graph = nx.MultiDiGraph()
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        for role in ("source", "target"):
            name = r[f"{role}_name"]
            node = graph.nodes[name] if name in graph else None
            if node is None:
                graph.add_node(
                    name, name=name, code=r[f"{role}_code"] or "", country=r[f"{role}_country"] or "", events=0
                )
                node = graph.nodes[name]
            node["events"] += 1
            node["code"] = node["code"] or r[f"{role}_code"] or ""
            node["country"] = node["country"] or r[f"{role}_country"] or ""
        key = (r["source_name"], r["target_name"], r["type"])
        edge = edges.setdefault(key, {"weight": 0, "cameos": {}, "scores": [], "articles": set()})
        edge["weight"] += 1
        if r["cameo"]:
            edge["cameos"][r["cameo"]] = edge["cameos"].get(r["cameo"], 0) + 1
            score = goldstein_score(r["cameo"])
            if score is not None:
                edge["scores"].append(score)
        edge["articles"].add(r["article_id"])
    for (source, target, kind), e in edges.items():
        cameo = max(e["cameos"], key=e["cameos"].get) if e["cameos"] else ""
        goldstein = sum(e["scores"]) / len(e["scores"]) if e["scores"] else 0.0
        graph.add_edge(
            source,
            target,
            key=kind,
            type=kind,
            weight=e["weight"],
            cameo=cameo,
            goldstein=round(goldstein, 3),
            articles=len(e["articles"]),
        )
    return graph


def write_graphml(store: Store, path: Path) -> tuple[int, int]:
    """The event graph as GraphML; returns (nodes, edges)."""
    import networkx as nx

    _check_folder(path)
    graph = event_graph(store)
    try:
        nx.write_graphml(graph, str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot write ({exc.strerror})") from exc
    return graph.number_of_nodes(), graph.number_of_edges()
