"""Events of analyses as a GDELT-style table: one row per event, the columns a GDELT user knows.

Columns: date (YYYYMMDD as GDELT's SQLDATE, empty when unknown; DatePrecision says whether it names a day,
or the first day of the week, month or year the text names), source and target actor codes and names,
the PLOVER type, the CAMEO event code with its root, the Goldstein score of that code, where it happened,
how it was said (negation, modality, relaying outlet) and the article it came from.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Iterator

from ..model import Analysis
from ..stages.events.dictionary import goldstein_score

COLUMNS = [
    "GlobalEventID",
    "SQLDATE",
    "DatePrecision",
    "Actor1Code",
    "Actor1Name",
    "Actor2Code",
    "Actor2Name",
    "PLOVERType",
    "EventCode",
    "EventRootCode",
    "GoldsteinScale",
    "IsNegated",
    "Modality",
    "Trigger",
    "DateText",
    "ActionGeo_FullName",
    "Via",
    "SourceArticle",
    "Evidence",
]


def event_rows(analyses: Iterable[Analysis]) -> Iterator[dict]:
    for a in analyses:
        article = a.article.url or a.article.source or a.article.id
        for ev in a.events:
            score = goldstein_score(ev.cameo)
            yield {
                "GlobalEventID": f"{a.article.id[:12]}-{ev.id}",
                "SQLDATE": (ev.date or "").replace("-", ""),
                "DatePrecision": ev.date_precision or "",
                "Actor1Code": (ev.source.code if ev.source else "") or "",
                "Actor1Name": ev.source.name if ev.source else "",
                "Actor2Code": (ev.target.code if ev.target else "") or "",
                "Actor2Name": ev.target.name if ev.target else "",
                "PLOVERType": ev.type,
                "EventCode": ev.cameo or "",
                "EventRootCode": (ev.cameo or "")[:2],
                "GoldsteinScale": "" if score is None else f"{score:g}",
                "IsNegated": int(bool(ev.negated)),
                "Modality": ev.modality,
                "Trigger": ev.trigger,
                "DateText": ev.date_text or "",
                "ActionGeo_FullName": ev.location.name if ev.location else "",
                "Via": ev.via or "",
                "SourceArticle": article,
                "Evidence": " ".join(ev.evidence.split()),
            }


def write_table(analyses: Iterable[Analysis], out, delimiter: str = ",") -> int:
    """Write the table to a text stream; returns the number of event rows."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in event_rows(analyses):
        writer.writerow(row)
        n += 1
    return n


def table_text(analyses: Iterable[Analysis], delimiter: str = ",") -> str:
    buf = io.StringIO()
    write_table(analyses, buf, delimiter)
    return buf.getvalue()
