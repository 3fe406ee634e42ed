"""Dates in news text: find the expressions, resolve them against the article's (or a relay's) date.

News dates are relative to the day the text was written: "on Friday" is the most recent Friday on or
before that day, "February 13" the most recent February 13, "last week" the week before. resolve()
turns such an expression into an ISO date, or None when there is nothing to resolve it against: a
date without a reference is never guessed. Periods (a week, a month, early March) resolve to their
first day, so that a resolved date is never later than the period it names.

Weekdays, weeks, months and parts of months use the rules here (dateparser reads "Friday" as the
coming one and knows no "early March"); anything else the finder accepts goes to dateparser with
RELATIVE_BASE and PREFER_DATES_FROM='past'.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Optional, Union, cast

from .textutil import CARDINALS

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
NUMBER_WORDS: dict[str, Optional[int]] = {
    "a": 1,
    "an": 1,
    **{w: n for w, n in CARDINALS.items() if n <= 12 and w != "dozen"},
    "several": None,
    "few": None,
}
PART_OF_MONTH = {
    "early": 1,
    "beginning of": 1,
    "start of": 1,
    "mid": 11,
    "mid-": 11,
    "middle of": 11,
    "late": 21,
    "end of": 21,
}

MONTH_NAMES = frozenset("January February March April May June July August September October November December".split())
# Before a month name: a word of time ('from March to May', 'in May', 'mid-May') or another month close by.
_MONTH_BEFORE = re.compile(
    r"(?:\b(?:from|to|until|till|in|since|by|through|early|late|mid|last|next|this|of)[\s-]+$)"
    r"|(?:\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b[^.]{0,12}$)"
)


def month_here(text: str, start: int, end: int) -> bool:
    """Is the capitalised word at text[start:end] a month here, not a name ('From March to May', 'the May 3
    primary', 'in May'; not 'Theresa May', 'May said')? A month name with a word of time or another month
    before it, or a day after it."""
    if text[start:end] not in MONTH_NAMES:
        return False
    before, after = text[max(0, start - 24) : start].lower(), text[end : end + 6]
    return bool(_MONTH_BEFORE.search(before)) or bool(re.match(r"\s+\d", after))


_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYTIME = r"(?:\s+(?:morning|afternoon|evening|night))?"
_PART = r"(?:early|mid-?|late|the\s+(?:beginning|start|middle|end)\s+of)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few)"

# Longest alternatives first: the finder takes the first that matches at a position.
DATE_RE = re.compile(
    r"\b(?:"
    rf"(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\s*(?:mm|millimet))(?!\d|:\d)"
    rf"|(?:on\s+)?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|(?:in\s+)?{_PART}\s*{_MONTH}(?:\s+\d{{4}})?"
    rf"|(?:in|since|until|by|of|last|this|next)\s+{_MONTH}(?:\s+\d{{4}})?(?!\.?\s+\d)"
    rf"|{_MONTH}\s+\d{{4}}"
    rf"|(?:on\s+|last\s+|this\s+|next\s+|early\s+|late\s+)?{_WEEKDAY}{_DAYTIME}"
    r"|(?:earlier|later)\s+(?:this|last)\s+(?:week|month|year)"
    r"|(?:last|this|next|past)\s+(?:week(?:end)?|month|year)"
    rf"|{_NUM}\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier)"
    r"|(?:the\s+day\s+before\s+)?yesterday|today|tonight|tomorrow"
    r"|(?:in|since)\s+(?:19|20)\d{2}"
    r")\b",
    re.I,
)


# 'on Thursday and Friday next week': the weekday belongs to the week named after it
NEXT_WEEK_AFTER = re.compile(rf"(?:\s+and\s+{_WEEKDAY})?\s+next\s+week\b", re.I)


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each date expression in a sentence, in order ('on Friday', 'February 13')."""
    found: list[tuple[int, int, str]] = []
    for m in DATE_RE.finditer(text):
        if found and m.start() < found[-1][1]:
            continue  # inside a weekday already read with its week
        s = m.group(0)
        week = NEXT_WEEK_AFTER.match(text, m.end()) if re.search(rf"{_WEEKDAY}$", s, re.I) else None
        if week is not None:
            found.append((m.start(), week.end(), text[m.start() : week.end()]))
            continue
        month = re.search(_MONTH, s, re.I)
        if month and not (month.group(0)[0].isupper() or re.search(_WEEKDAY, s, re.I)):
            continue  # 'march', 'may' in lower case are a verb and a modal, not months
        if re.fullmatch(r"May", s):
            continue  # a bare 'May' may open a sentence
        if re.fullmatch(r"To(?:day|night|morrow)", s) and (
            re.search(r"[\w,'’]\s*$", text[: m.start()]) or re.match(r"[”\"]", text[m.end() :])
        ):
            continue  # capitalised within a sentence or quoted alone, 'Today' is a name: NBC's “Today” show
        found.append((m.start(), m.end(), s))
    return found


def _as_date(value: Union[str, dt.date, dt.datetime, None]) -> Optional[dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _month_number(word: str) -> Optional[int]:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS.index(w) + 1
    return MONTH_ABBR.get(w[:4] if w.startswith("sept") else w[:3]) if len(w) >= 3 else None


PUBLISHED_SLACK_DAYS = 2  # a stated date this close after the reference is the reference's own (see _recent)


def _recent(month: int, day: int, ref: dt.date) -> Optional[dt.date]:
    """The most recent month/day on or before ref (this year's, or last year's when that is later).

    A month/day up to PUBLISHED_SLACK_DAYS after ref is this year's: a dateline or "on March 2" a day after
    the published date comes from a time zone, an update or a feed's date, not from a year before."""
    for year in (ref.year + 1, ref.year, ref.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= ref + dt.timedelta(days=PUBLISHED_SLACK_DAYS):
            return d
    return None


def _month_start(ref: dt.date, back: int) -> dt.date:
    y, m = divmod(ref.year * 12 + ref.month - 1 - back, 12)
    return dt.date(y, m + 1, 1)


def _weekday(name: str, ref: dt.date, mode: str) -> dt.date:
    target = WEEKDAYS.index(name.lower())
    back = (ref.weekday() - target) % 7
    if mode == "last" and back == 0:
        back = 7
    if mode == "next":
        return ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
    return ref - dt.timedelta(days=back)


def _absolute(text: str) -> Optional[dt.date]:
    """A date the text states in full (day, month and year), which needs no reference."""
    m = re.search(rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", text, re.I) or re.search(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}})", text, re.I
    )
    if not m:
        return None
    a, b, year = m.groups()
    month, day = (_month_number(a), int(b)) if not a[0].isdigit() else (_month_number(b), int(a))
    try:
        return dt.date(int(year), month, day) if month else None
    except ValueError:
        return None


def _month_or_year(text: str) -> Optional[str]:
    """A month of a stated year ('in March 2002': its first day) or a bare year ('in 2001': 1 January),
    which need no reference date either; precision_of says how much of the date is known."""
    m = re.fullmatch(rf"(?:(?:in|of|since|until|by|during)\s+)?(?:({_MONTH})\s+)?(\d{{4}})", text, re.I)
    if not m:
        return None
    month = _month_number(m.group(1)) if m.group(1) else 1
    return dt.date(int(m.group(2)), month, 1).isoformat() if month else None


def resolve(
    date_text: Optional[str], reference_date: Union[str, dt.date, None], forward: bool = False
) -> Optional[str]:
    """ISO date of a date expression, read as written on reference_date; None when it cannot be told.
    forward: the expression dates an act still to come ('will hold talks on January 9', 'would meet on
    Wednesday'), so a weekday, month-day or month without a year is the coming one, not the last."""
    if not date_text:
        return None
    text = " ".join(date_text.replace("\u2019", "'").split())
    full = _absolute(text)
    if full:
        return full.isoformat()
    ref = _as_date(reference_date)
    if ref is None:
        return _month_or_year(text)
    low = re.sub(r"^(?:on|in|since|until|by|of|the)\s+", "", text.lower())
    low = re.sub(r"^(?:on|the)\s+", "", low)
    try:
        found = _resolve_relative(low, ref)
        if found is not None and forward and found < ref:
            found = _forward(low, found, ref)
        return found.isoformat() if found else _with_dateparser(text, ref)
    except (OverflowError, ValueError):  # a date past year 9999 or before year 1: there is no such date
        return None


def precision_of(date_text: Optional[str]) -> str:
    """How finely a date expression names its day: 'day' ('on Tuesday', 'March 3', 'yesterday'; no
    expression: the day of the article), 'week' ('last week'), 'month' ('in March', 'last month') or
    'year' ('in 2019', 'last year'). resolve() gives the first day of a week, month or year it names, so a
    reader of the ISO date needs this to tell '2019' from 1 January 2019 (ACLED's time_precision, in words)."""
    if not date_text:
        return "day"
    low = " ".join(date_text.lower().split())
    m = re.search(r"\b(day|week|month|year)s?\s+(?:ago|earlier|later)\b", low)
    if m:
        return m.group(1)
    if re.search(r"\b(?:to(?:day|night|morrow)|yesterday|" + "|".join(WEEKDAYS) + r")\b", low):
        return "day"
    if re.search(r"\b\d{4}-\d{2}-\d{2}\b", low) or re.search(
        rf"(?:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})", low, re.I
    ):
        return "day"
    if re.search(r"\bweek(?:end)?s?\b", low):
        return "week"
    if re.search(rf"\b{_MONTH}(?!\w)|\bmonths?\b", low, re.I):
        return "month"
    if re.search(r"\b\d{4}\b|\byears?\b", low):
        return "year"
    return "day"


def _forward(low: str, past: dt.date, ref: dt.date) -> dt.date:
    """The coming occurrence of a weekday, month-day or month that _resolve_relative read as the last one;
    expressions that say which way they point ('last Monday', 'yesterday', 'ago') stay as they are."""
    if re.search(r"\b(?:last|past|ago|earlier|yesterday)\b", low):
        return past
    m = re.fullmatch(r"(?:(this|next|early|late)\s+)?(\w+day)", low)
    if m and m.group(2) in WEEKDAYS:
        return past + dt.timedelta(days=7)
    if re.search(_MONTH, low, re.I) and not re.search(r"\d{4}", low):
        try:
            return past.replace(year=past.year + 1)
        except ValueError:
            return past
    return past


def _resolve_relative(low: str, ref: dt.date) -> Optional[dt.date]:
    low = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", low)
    if low in ("today", "tonight"):
        return ref
    if low == "yesterday":
        return ref - dt.timedelta(days=1)
    if low == "the day before yesterday":
        return ref - dt.timedelta(days=2)
    if low == "tomorrow":
        return ref + dt.timedelta(days=1)
    m = re.fullmatch(r"(?:(last|this|next|early|late)\s+)?(\w+day)", low)
    if m and m.group(2) in WEEKDAYS:
        return _weekday(m.group(2), ref, m.group(1) or "recent")
    m = re.fullmatch(r"(\w+day)(?:\s+and\s+\w+day)?\s+next\s+week", low)
    if m and m.group(1) in WEEKDAYS:  # 'Thursday and Friday next week': the first day, a week on
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7)
        return monday + dt.timedelta(days=list(WEEKDAYS).index(m.group(1)))
    m = re.fullmatch(r"(?:(earlier|later)\s+)?(last|this|next|past)\s+(week(?:end)?|month|year)", low)
    if m:
        which, unit = m.group(2), m.group(3)
        if unit == "weekend":
            sat = _weekday("saturday", ref, "last" if which == "last" else "recent")
            return sat + dt.timedelta(days=7) if which == "next" else sat
        back = {"last": 1, "past": 1, "this": 0, "next": -1}[which]
        if unit == "week":
            return ref - dt.timedelta(days=ref.weekday() + 7 * back)
        if unit == "month":
            return _month_start(ref, back)
        return dt.date(ref.year - back, 1, 1)
    m = re.fullmatch(rf"({_NUM})\s+(day|week|month|year)s?\s+(?:ago|earlier)", low)
    if m:
        n = NUMBER_WORDS.get(re.sub(r"\s+", " ", m.group(1)), None) if not m.group(1).isdigit() else int(m.group(1))
        if n is None:
            return None
        unit = m.group(2)
        if unit in ("day", "week"):
            return ref - dt.timedelta(days=n * (7 if unit == "week" else 1))
        if unit == "month":
            start = _month_start(ref, n)
            return start.replace(day=min(ref.day, 28)) if ref.day <= 28 else start
        return dt.date(ref.year - n, ref.month, min(ref.day, 28))
    m = re.fullmatch(
        rf"(?:(early|late|mid-?|the beginning of|the start of|the middle of|the end of|beginning of|start of|middle of|end of|last|this|next)\s*)?({_MONTH})(?:\s+(\d{{4}}))?",
        low,
        re.I,
    )
    if m and _month_number(m.group(2)):
        month = cast(int, _month_number(m.group(2)))
        part = (m.group(1) or "").replace("the ", "")
        day = PART_OF_MONTH.get(part.rstrip("-") if part.startswith("mid") else part, 1)
        if m.group(3):
            return dt.date(int(m.group(3)), month, day)
        if part == "next":
            return dt.date(ref.year + (month <= ref.month), month, 1)
        d = _recent(month, 1, ref)
        if part == "last" and d and d.month == ref.month and d.year == ref.year:
            d = dt.date(ref.year - 1, month, 1)
        if d is not None and d.replace(day=day) > ref:
            d = d.replace(year=d.year - 1)  # 'mid-March' written on 1 March: the last one that has begun
        return d.replace(day=day) if d else None
    m = re.fullmatch(rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?", low, re.I) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})", low, re.I
    )
    if m:
        a, b = m.groups()
        mon, day = (_month_number(a), int(b)) if not a[0].isdigit() else (_month_number(b), int(a))
        return _recent(mon, day, ref) if mon else None
    m = re.fullmatch(r"((?:19|20)\d{2})", low)
    if m:
        return dt.date(int(m.group(1)), 1, 1)
    return None


def _with_dateparser(text: str, ref: dt.date) -> Optional[str]:
    import dateparser

    base = dt.datetime(ref.year, ref.month, ref.day, 12)
    found = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": False,
        },
    )
    return found.date().isoformat() if found else None


# A date right after a reporting verb in a relay intro ("…, the Reuters reported February 13:").
REPORTED_DATE = re.compile(
    r"\b(?:report\w*|wr[io]te|said|published|noted|disclosed)\s+((?:on\s+)?(?:"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:,\s*\d{4})?"
    r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?"
    r"|(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|last week|last month))",
    re.I,
)


def parse_iso(value: str) -> str:
    """A YYYY-MM-DD date as given by a user (options, API); ValueError when it is not one."""
    return dt.date.fromisoformat(value.strip()).isoformat()


def normalise(value: Optional[str]) -> Optional[str]:
    """YYYY-MM-DD from whatever date string a reader found (ISO, RFC 822, 'March 3, 2024', a Unix timestamp),
    or None when it names no real day or no year ('n.d.', 'Tuesday'). 'March 2024' is its first day."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:  # "2026-02-30" is no day: None, like any date that cannot be read
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    if not re.search(r"\d{4}", value):
        # no year ('n.d.', 'Tuesday', 'yesterday'): a publication date read against today's would change
        # with the day the command runs
        return None
    import dateparser  # slow to import: only when a date is not ISO already

    d = dateparser.parse(
        value,
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_MONTH_OF_YEAR": "first",  # '2024' is 2024-01-01, not this month of 2024
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],  # never relative to today
        },
    )
    return d.date().isoformat() if d else None


def from_time_struct(value: time.struct_time) -> str:
    """YYYY-MM-DD of a time.struct_time (as feedparser parses feed dates)."""
    return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
