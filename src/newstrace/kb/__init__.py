"""The bundled, offline knowledge base: data files in data/kb/*.jsonl plus the user's own files
(NEWSTRACE_KB or --kb). Only this package knows how it is stored; stages ask it questions.

An entry (one JSON object per line):
  {"id": "Q7747", "name": "Vladimir Putin", "type": "PERSON", "kind": "person",
   "aliases": ["Putin"], "country": "RUS", "code": "RUSGOV",
   "roles": [{"role": "President of Russia", "start": "2012-05-07", "end": null, "code": "RUSGOV"}]}
type is the spaCy-style entity type; kind says which file's sort it is (country, igo, outlet, group,
person, place, ...). Every file starts with a {"_source": "..."} line naming where its facts come from.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from ..errors import InputError


@dataclass
class Role:
    role: str
    start: Optional[str] = None
    end: Optional[str] = None
    code: Optional[str] = None

    def holds_on(self, date: Optional[str]) -> bool:
        if not date:
            return self.end is None
        return (self.start or "0000") <= date and (self.end is None or date <= self.end)


@dataclass
class KBEntry:
    id: str
    name: str
    type: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    country: Optional[str] = None
    code: Optional[str] = None
    roles: list[Role] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def roles_on(self, date: Optional[str]) -> list[Role]:
        return [r for r in self.roles if r.holds_on(date)]

    def code_on(self, date: Optional[str]) -> Optional[str]:
        for r in self.roles_on(date):
            if r.code:
                return r.code
        return self.code


def key(name: str) -> str:
    """Lookup key: accents, case, 'the', punctuation and possessive folded ("The U.S.'s" -> "us")."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"[.\u2019']", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


class KnowledgeBase:
    def __init__(self, entries: Iterable[KBEntry]):
        self.entries: list[KBEntry] = []
        self.by_key: dict[str, list[KBEntry]] = {}
        for e in entries:
            self.add(e)

    def add(self, entry: KBEntry) -> None:
        self.entries.append(entry)
        for name in {entry.name, *entry.aliases}:
            k = key(name)
            if k:
                self.by_key.setdefault(k, []).append(entry)

    def lookup(self, name: str, kind: str | None = None, date: str | None = None) -> list[KBEntry]:
        """Entries known by this name (of this kind), office holders of the date first."""
        found = [e for e in self.by_key.get(key(name), []) if kind is None or e.kind == kind]
        return sorted(found, key=lambda e: (not e.roles_on(date)) if e.roles else 0)

    def outlet(self, name: str) -> Optional[KBEntry]:
        found = self.lookup(name, kind="outlet")
        return found[0] if found else None


def _entries_from(lines: Iterable[str], where: str) -> Iterable[KBEntry]:
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}:{n}: not a JSON line ({exc.msg})") from exc
        if "_source" in d:
            continue
        try:
            roles = [Role(**r) for r in d.get("roles") or []]
            known = {"id", "name", "type", "kind", "aliases", "country", "code", "roles"}
            yield KBEntry(id=d.get("id") or f"{where}:{n}", name=d["name"], type=d.get("type", "ORG"),
                          kind=d.get("kind", "other"), aliases=d.get("aliases") or [], country=d.get("country"),
                          code=d.get("code"), roles=roles, extra={k: v for k, v in d.items() if k not in known})
        except (KeyError, TypeError) as exc:
            raise InputError(f"{where}:{n}: not a knowledge-base entry ({exc})") from exc


def bundled_files() -> list:
    folder = resources.files("newstrace").joinpath("data/kb")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".jsonl")), key=lambda f: f.name)


@functools.lru_cache(maxsize=8)
def load(extra_paths: tuple[str, ...] = ()) -> KnowledgeBase:
    """The bundled knowledge base, extended by the user's files (later entries add to earlier ones)."""
    entries: list[KBEntry] = []
    for f in bundled_files():
        entries.extend(_entries_from(f.read_text(encoding="utf-8").splitlines(), f"kb/{f.name}"))
    for p in extra_paths:
        path = Path(p)
        if not path.is_file():
            raise InputError(f"{p}: knowledge-base file not found")
        entries.extend(_entries_from(path.read_text(encoding="utf-8").splitlines(), str(path)))
    return KnowledgeBase(entries)
