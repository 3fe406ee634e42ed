"""The bundled, offline knowledge base: data files in data/kb/*.jsonl plus the user's own files
(NEWSTRACE_KB or --kb). Only this package knows how it is stored; stages ask it questions.

An entry (one JSON object per line):
  {"id": "Q7747", "name": "Vladimir Putin", "type": "PERSON", "kind": "person",
   "aliases": ["Putin"], "country": "RUS", "code": "RUSGOV",
   "roles": [{"role": "President of Russia", "kind": "head_of_state", "leader": true,
              "start": "2012-05-07", "end": null, "code": "RUSGOV"}]}
type is the spaCy-style entity type; kind says which file's sort it is (country, capital, igo, group,
institution, outlet, person, place, ...). Optional keys: "demonyms" (countries: "Israeli", "Israelis"),
"metonym_of" (capitals: the country whose government the name stands for). Every file starts with a
{"_source": "..."} line naming where its facts come from; it may carry "_defaults" (keys every entry
of the file gets unless it says otherwise, e.g. {"type": "PERSON", "kind": "person"}).

Questions:
  kb.load(paths).lookup(name, kind=None, date=None) -> [KBEntry]   entries known by that name
  .outlet(name), .by_id[id], .country(iso3) -> KBEntry             one entry
  .holder_of(role_phrase, country=None, date=None) -> KBEntry      who holds "the top US diplomat"
  .role_of(role_phrase) -> RoleSynonym                             what a role phrase means
  newstrace.kb.matcher.matcher(paths).find(text) -> [Hit]          every KB name in a text
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .. import vocab
from ..errors import InputError
from .roles import RoleSynonym, RoleTable, load_role_table

# Which sort of entry wins when two share a name ("Georgia" the country over a place of that name).
KIND_RANK = {
    "country": 0,
    "igo": 1,
    "capital": 2,
    "institution": 3,
    "group": 4,
    "outlet": 5,
    "person": 6,
    "place": 7,
}


@dataclass
class Role:
    role: str
    start: Optional[str] = None
    end: Optional[str] = None
    code: Optional[str] = None
    kind: Optional[str] = None  # head_of_state, head_of_government, foreign_minister, defence_minister, ...
    country: Optional[str] = None  # whose office (ISO3, 'EU', 'UN', 'NATO'); the entry's country when absent
    leader: bool = False  # the country's chief executive ("the Israeli leader")

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
    origin: str = "bundled"  # "bundled" or the path of the user's file it came from

    def roles_on(self, date: Optional[str]) -> list[Role]:
        return [r for r in self.roles if r.holds_on(date)]

    def code_on(self, date: Optional[str]) -> Optional[str]:
        for r in self.roles_on(date):
            if r.code:
                return r.code
        return self.code

    def country_on(self, date: Optional[str]) -> Optional[str]:
        """The country an actor acts for on a date: an EU official's is 'EU', whatever their nationality."""
        for r in self.roles_on(date):
            if r.country:  # an office of an alliance without a country code (NATO) leaves it open
                return r.country if r.country in ("EU", "UN") or len(r.country) == 3 else None
        return self.country

    @property
    def demonyms(self) -> list[str]:
        return list(self.extra.get("demonyms") or [])


def fold(text: str) -> str:
    """Accents and case folded, curly apostrophes straightened: the form names are compared in."""
    s = text.replace("\u2019", "'")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode() if not s.isascii() else s
    return s.lower()


def key(name: str) -> str:
    """Lookup key: accents, case, 'the', punctuation and possessive folded ("The U.S.'s" -> "us")."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"[.\u2019']", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


class KnowledgeBase:
    def __init__(self, entries: Iterable[KBEntry], roles: RoleTable | None = None):
        self.entries: list[KBEntry] = []
        self.by_key: dict[str, list[KBEntry]] = {}
        self.by_id: dict[str, KBEntry] = {}
        self.countries: dict[str, KBEntry] = {}
        self.office_holders: list[KBEntry] = []
        self.roles = roles or RoleTable([])
        for e in entries:
            self.add(e)

    def add(self, entry: KBEntry) -> None:
        self.entries.append(entry)
        self.by_id.setdefault(entry.id, entry)
        if entry.roles:
            self.office_holders.append(entry)
        if entry.kind == "country" and entry.country:
            self.countries.setdefault(entry.country, entry)
        for name in {entry.name, *entry.aliases, *entry.demonyms}:
            k = key(name)
            if k:
                self.by_key.setdefault(k, []).append(entry)

    def rank(self, entry: KBEntry, date: str | None = None) -> tuple:
        """Sort key among entries sharing a name: the user's files first, then office holders of the
        date, then by kind (a country before a place of the same name)."""
        return (
            entry.origin == "bundled",
            bool(entry.roles) and not entry.roles_on(date),
            KIND_RANK.get(entry.kind, 9),
        )

    def lookup(self, name: str, kind: str | None = None, date: str | None = None) -> list[KBEntry]:
        """Entries known by this name (of this kind), best first (see rank)."""
        found = [e for e in self.by_key.get(key(name), []) if kind is None or e.kind == kind]
        return sorted(found, key=lambda e: self.rank(e, date))

    def outlet(self, name: str) -> Optional[KBEntry]:
        found = self.lookup(name, kind="outlet")
        return found[0] if found else None

    def country(self, code: str | None) -> Optional[KBEntry]:
        return self.countries.get(code or "")

    def role_of(self, phrase: str) -> Optional[RoleSynonym]:
        return self.roles.find(phrase)

    def holder_of(self, role_phrase: str, country: str | None = None, date: str | None = None) -> Optional[KBEntry]:
        """The person holding a role on a date: holder_of("top US diplomat", date="2024-03-23") is
        Antony Blinken; holder_of("prime minister", "ISR", "2024-03-23") is Benjamin Netanyahu.
        The country comes from the argument, else from the phrase ("Israeli", "US"), else from the
        role's own default (the Secretary of State is American)."""
        syn = self.roles.find(role_phrase)
        if syn is None:
            return None
        country = country or self.country_named_in(role_phrase) or syn.country
        if not country:
            return None
        best = None
        for e in self.office_holders:
            for r in e.roles_on(date):
                if (r.country or e.country) != country:
                    continue
                if syn.kind == "leader" and r.leader or r.kind == syn.kind:
                    if best is None or self.rank(e, date) < self.rank(best, date):
                        best = e
        return best

    def country_named_in(self, phrase: str) -> Optional[str]:
        """The ISO3 code of the first country, demonym or IGO named in a short phrase ("top US diplomat")."""
        words = re.findall(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*", phrase)
        for w in words:
            for n in (w, *w.split()):
                for e in self.lookup(re.sub(r"['’]s$", "", n)):
                    office = e.extra.get("office") or e.country
                    if e.kind in ("country", "capital", "igo") and office:
                        return office
        return None


def _entries_from(lines: Iterable[str], where: str, origin: str = "bundled") -> Iterable[KBEntry]:
    defaults: dict = {}
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}:{n}: not a JSON line ({exc.msg})") from exc
        if not isinstance(d, dict):
            raise InputError(f"{where}:{n}: not a knowledge-base entry (a JSON object is needed)")
        if "_source" in d:
            defaults = d.get("_defaults") or {}
            continue
        d = {**defaults, **d}
        problem = _entry_problem(d)
        if problem:
            raise InputError(f"{where}:{n}: not a knowledge-base entry ({problem})")
        try:
            roles = [Role(**r) for r in d.get("roles") or []]
            known = {
                "id",
                "name",
                "type",
                "kind",
                "aliases",
                "country",
                "code",
                "roles",
            }
            yield KBEntry(
                id=d.get("id") or f"{where}:{n}",
                name=d["name"],
                type=d.get("type", "ORG"),
                kind=d.get("kind", "other"),
                aliases=d.get("aliases") or [],
                country=d.get("country"),
                code=d.get("code"),
                roles=roles,
                extra={k: v for k, v in d.items() if k not in known},
                origin=origin,
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"{where}:{n}: not a knowledge-base entry ({exc})") from exc


def _entry_problem(d: dict) -> Optional[str]:
    """What is wrong with an entry's fields, or None: a name must be text, lists must hold text, dates must
    be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' strings."""
    if not isinstance(d.get("name"), str) or not d["name"].strip():
        return "'name' must be a non-empty string"
    for key in ("id", "type", "kind", "country", "code"):
        if d.get(key) is not None and not isinstance(d[key], str):
            return f"{key!r} must be a string"
    for key in ("aliases", "demonyms"):
        value = d.get(key)
        if value is not None and (not isinstance(value, list) or not all(isinstance(x, str) for x in value)):
            return f"{key!r} must be a list of strings"
    roles = d.get("roles")
    if roles is not None and not isinstance(roles, list):
        return "'roles' must be a list"
    for role in roles or []:
        if not isinstance(role, dict) or not isinstance(role.get("role"), str):
            return "each role needs a 'role' string"
        for key in ("start", "end"):
            value = role.get(key)
            if value is not None and not (isinstance(value, str) and DATE_TEXT.match(value)):
                return f"role {key!r} must be a date string like '2021-01-20' (got {value!r})"
    return None


DATE_TEXT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def bundled_files() -> list:
    return vocab.files("kb", ".jsonl")


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
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{p}: cannot read the knowledge-base file ({exc})") from exc
        entries.extend(_entries_from(text.splitlines(), str(path), origin=str(path)))
    return KnowledgeBase(entries, load_role_table())
