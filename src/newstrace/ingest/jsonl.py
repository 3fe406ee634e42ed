"""JSON lines (.jsonl, .ndjson): one article per line, as a record

    {"id"?, "text", "title"?, "url"?, "outlet"?, "published"?, "date"?, "authors"?: str | [str], ...}

`text` is the body (never split into title and body); `published` falls back to `date` (the field
../shared/corpus/articles.jsonl uses); other keys are ignored. A line that is not such a record is
yielded as a RawDocument whose `error` says why (line number included), so a consumer reports that
one record as an InputError and reading goes on.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any, Iterator

from .. import dates
from ..errors import InputError
from ..settings import Settings
from . import RawDocument

log = logging.getLogger("newstrace.ingest.jsonl")

SUFFIXES = (".jsonl", ".ndjson")
TEXT_KEY = re.compile(rb'"text"\s*:')


def looks_like_jsonl(name: str, head: bytes) -> bool:
    """A .jsonl/.ndjson name, or a first line that is a JSON object with a "text" key.

    head is the file's first bytes (4 KB); a first line longer than that is judged by its opening
    and a "text" key within those bytes.
    """
    if name.endswith(SUFFIXES):
        return True
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    if not first.startswith(b"{"):
        return False
    if len(first) < len(head.lstrip(b"\xef\xbb\xbf \t\r\n")):  # the whole first line is in head: parse it
        try:
            record = json.loads(first)
        except ValueError:
            return False
        return isinstance(record, dict) and "text" in record
    return bool(TEXT_KEY.search(first))


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\b")


def read(source: str, settings: Settings | None = None) -> Iterator[RawDocument]:
    """Yield one RawDocument per non-blank line of the file at source; a bad line yields one with `error` set."""
    path = Path(source)
    found = 0
    try:
        with open(path, "rb") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                found += 1
                yield parse_line(line, f"{path}:{number}", str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    if not found:
        raise InputError(f"{path}: empty file, no records")


def parse_line(line: bytes, where: str, path: str) -> RawDocument:
    """One record; `where` is "FILE:LINE", used in errors and as the source of a record without an id."""
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _bad(where, "not valid UTF-8")
    except json.JSONDecodeError as exc:  # its msg ("Invalid control character at") expects the place after it
        return _bad(where, f"not a JSON object ({exc.msg}: line {exc.lineno} column {exc.colno})")
    except ValueError as exc:
        return _bad(where, f"not a JSON object ({exc})")
    if not isinstance(record, dict):
        return _bad(where, "not a JSON object")
    text = record.get("text")
    if text is None:
        return _bad(where, 'no "text" in the record')
    if not isinstance(text, str):
        return _bad(where, f'"text" must be a string, not {_json_kind(text)}')
    if not text.strip():
        return _bad(where, '"text" is empty')
    published = _string(record.get("published")) or _string(record.get("date"))
    if published and ISO_DAY.match(published) and dates.normalise(published) is None:
        # a written-out day that does not exist ("2026-02-30") is a data error; a note such as "n.d." is no date
        return _bad(where, f"the date {published!r} is not a day of the calendar")
    if published and dates.normalise(published) is None:
        log.warning("%s: published %r is no date that can be read; analysed without one", where, published)
        published = None
    record_id = record.get("id")
    return RawDocument(
        body=text,
        source=f"{path}#{record_id}" if isinstance(record_id, (str, int)) and str(record_id) else where,
        title=_string(record.get("title")) or "",  # a record's text is all body: no first-line title
        url=_string(record.get("url")),
        outlet=_string(record.get("outlet")),
        published=published,
        authors=_authors(record.get("authors")),
    )


def _bad(where: str, reason: str) -> RawDocument:
    return RawDocument(body="", source=where, error=f"{where}: {reason}")


def _json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "an array" if isinstance(value, list) else "an object"


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _authors(value: Any) -> list[str]:
    """A name, or a list of names; anything else is no author."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [a.strip() for a in value if isinstance(a, str) and a.strip()]
    return []
