"""Cleaning a reader would do: boilerplate lines out, the tag line into tags, spaces normalised and
sentences glued without a space ("his words.The top US diplomat") split. Offsets of every later stage
point into the cleaned text, so this runs before anything else looks at the body."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from . import vocab
from .model import Article

# Non-breaking, thin, ideographic and other odd spaces become a plain space; zero-width ones go.
ODD_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c",
    ),
    " ",
)
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
TAG_LINE = re.compile(r"^\s*(?:tags?|topics?|keywords?|filed under)\s*:\s*(.+?)\s*$", re.I)
OPENERS, CLOSERS = "“‘«", "”’»"
MAX_BOILERPLATE_WORDS = 20
# A line with a marker at its edge (a video widget, a caption ending with its photo credit) can be long.
MAX_MARKED_WORDS = 80
# Markup a crawler left in the text ('<tweet tweet-author="@x">', '<tweet/>', '<br>'): a tag opens with a
# letter, so "x < y" and "<name@example.com>" stay. Attribute values may run over a line break.
# An embedded post or quotation the markup marks ('<tweet tweet-author="@x">text<tweet/>') is quoted text: it
# keeps quote marks when its tags go, so it is read as the quotation it is.
QUOTING_MARKUP = re.compile(
    r"<(tweet|blockquote|q)\b(?:\s+[\w-]+(?:=\"[^\"<>]*\"?)?)*\s*>([^<>“”\"]+?)<(?:/\1|\1\s*/)>", re.I
)
# The author an embedded post names ('tweet-author="@x"'), shown after it as a page shows it.
POST_AUTHOR = re.compile(r"\b[\w-]*author=\"\s*(@\w{1,30})\s*\"", re.I)
# Only layout and embedding tags go: a tag such as <script> or <img …> written in an article (a story about
# web security) is words the article prints, kept as text (and shown as text, never run, by every renderer).
MARKUP_TAG = re.compile(
    r"</?(?:tweet|br|p|div|span|em|strong|b|i|u|blockquote|q|figure|figcaption|small|sup|sub|hr)\b"
    r"(?:\s+[\w-]+(?:=\"[^\"<>]*\"?)?)*\s*/?>",
    re.I,
)


@dataclass(frozen=True)
class Boilerplate:
    short: list[re.Pattern]  # whole lines of at most MAX_BOILERPLATE_WORDS words
    marked: list[re.Pattern]  # whole lines of at most MAX_MARKED_WORDS words
    tails: list[re.Pattern]  # the end of a line, dropped from it
    inside: list[re.Pattern]  # a widget flattened into a paragraph, dropped wherever it stands
    breaks: list[re.Pattern]  # a widget glued between two parts of a line: a paragraph break instead


@lru_cache(maxsize=1)
def boilerplate_patterns() -> Boilerplate:
    found: dict[str, list[re.Pattern]] = {"": [], "long": [], "tail": [], "inside": [], "break": []}
    for line in vocab.lines("boilerplate.txt"):
        kind, sep, pattern = line.strip().partition(": ")
        if not (sep and kind in ("long", "tail", "inside", "break")):
            kind, pattern = "", line.strip()
        if kind == "tail":  # after a sentence end, to the end of the line
            found[kind].append(re.compile(rf"(?<=[.!?”\"])\s+{pattern}\W*$", re.I))
        elif kind == "inside":  # between sentences, anywhere in the line
            found[kind].append(re.compile(rf"(?:(?<=[.!?”\"])\s+|^){pattern}(?=\s|$)", re.I))
        elif kind == "break":  # anywhere: markers no article sentence carries
            found[kind].append(re.compile(rf"\s*(?:{pattern})\s*", re.I))
        else:
            found[kind].append(re.compile(rf"^\W*{pattern}\W*$", re.I))
    return Boilerplate(found[""], found["long"], found["tail"], found["inside"], found["break"])


def normalise_spaces(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.translate(ODD_SPACES).translate(ZERO_WIDTH)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# Two curly single marks for a double one: wire copy closes a quotation with them (“…,’’ Moy told the
# BBC); the quote finder reads the one double mark. Two straight ones ('') stay: some archives write
# them for opening and closing marks alike, and the quote finder already pairs them.
PAIRED_SINGLES = {"‘‘": "“", "’’": "”"}
PAIRED_SINGLES_RE = re.compile("|".join(map(re.escape, PAIRED_SINGLES)))


def normalise_quote_marks(text: str) -> str:
    return PAIRED_SINGLES_RE.sub(lambda m: PAIRED_SINGLES[m.group(0)], text)


def is_boilerplate(line: str) -> bool:
    words = len(line.split())
    patterns = boilerplate_patterns()
    if words <= MAX_BOILERPLATE_WORDS and any(p.match(line) for p in patterns.short):
        return True
    return words <= MAX_MARKED_WORDS and any(p.match(line) for p in patterns.marked)


def strip_markup(body: str) -> str:
    """The body without markup tags a crawler left in it; an embedded post keeps quote marks around it."""
    body = QUOTING_MARKUP.sub(_quoted_embed, body)
    return MARKUP_TAG.sub("", body)


def _quoted_embed(m: re.Match) -> str:
    """An embedded post as the page shows it: the quoted text, then its author's handle after a dash."""
    author = POST_AUTHOR.search(m.group(0)[: m.start(2) - m.start(0)])
    return "“" + m.group(2).strip() + "”" + (" —" + author.group(1) if author else "")


def drop_furniture(line: str) -> str:
    """The line without a newsletter widget flattened into it or a trailing link sentence ("… on Tuesday.
    Details here.")."""
    patterns = boilerplate_patterns()
    for p in patterns.inside:
        line = p.sub("", line).strip()
    for p in patterns.tails:
        line = p.sub("", line)
    return line


def split_title(text: str) -> tuple[str, str]:
    """Plain text: the first line is the title when a blank line follows it and it reads like one."""
    first, sep, rest = text.partition("\n\n")
    if sep and "\n" not in first and len(first.split()) <= 40 and rest.strip():
        return first.strip(), rest
    return "", text


def unglue_sentences(paragraph: str) -> str:
    """Insert the missing space between sentences glued together, on the right side of a quote mark.

    "words.The" -> "words. The"; "there,” he said.“I" -> "said. “I"; "done.”“It" -> "done.” “It";
    a wrong-way closing mark that opens a quote ("Brussels.”If") gets its space before the mark.
    """
    out: list[str] = []
    depth = 0  # inside a double-quoted passage?
    n = len(paragraph)
    i = 0
    while i < n:
        ch = paragraph[i]
        out.append(ch)
        if ch in '“"':
            depth = 1 - depth if ch == '"' else 1
        elif ch == "”":
            depth = 0
        if ch in ".!?…)" and i + 1 < n and i > 0:
            nxt = paragraph[i + 1]
            prev_ok = paragraph[i - 1].islower() or paragraph[i - 1] in ')”’"' or ch in ")…"
            abbreviation = i + 2 < n and paragraph[i + 2] == "."  # "Ph.D.", "a.m.": a letter then a stop
            if (nxt.isupper() and prev_ok and ch != ")" or (ch == ")" and nxt.isupper())) and not abbreviation:
                out.append(" ")
            elif nxt in "“" and prev_ok:
                out.append(" ")
            elif nxt == "”" and i + 2 < n and paragraph[i + 2].isupper() and prev_ok:
                if depth:  # a real closing mark glued to the next sentence
                    out.append("”")
                    out.append(" ")
                    depth = 0
                    i += 1
                else:  # a wrong-way mark that opens the next quote
                    out.append(" ")
        elif ch == "”" and i + 1 < n and paragraph[i + 1] == "“":
            out.append(" ")
        i += 1
    return "".join(out)


def clean_body(body: str) -> tuple[str, list[str]]:
    """The cleaned body and the tags found in a trailing tag line."""
    tags: list[str] = []
    kept: list[str] = []
    body = normalise_quote_marks(normalise_spaces(strip_markup(body)))
    for p in boilerplate_patterns().breaks:
        body = p.sub("\n\n", body)
    for line in body.split("\n"):
        if line and is_boilerplate(line):
            continue
        line = drop_furniture(line)
        m = TAG_LINE.match(line)
        if m and not tags:
            tags = [t.strip() for t in re.split(r"[,;|]", m.group(1)) if t.strip()]
            continue
        kept.append(unglue_sentences(line) if line else line)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return text, tags


def make_article(body: str, title: str | None = None, blockquotes: list[str] | None = None, **meta) -> Article:
    """An Article from a raw body: title split off plain text, boilerplate and tag line removed; the
    page's block quotes (their raw text) located in the cleaned text."""
    body = normalise_spaces(body)
    if title is None:
        title, body = split_title(body)
    title = unglue_sentences(normalise_spaces(title or ""))
    text, tags = clean_body(body)
    tags = meta.pop("tags", None) or tags
    article_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    spans = [span for quote in blockquotes or [] if (span := locate_block(text, quote))]
    return Article(id=article_id, title=title, text=text, tags=tags, blockquotes=spans, **meta)


def locate_block(text: str, block: str) -> list[int] | None:
    """[start, end) in the cleaned text of a block quote's cleaned paragraphs, first to last."""
    cleaned, _ = clean_body(block)
    paras = [p for p in cleaned.split("\n") if p.strip()]
    if not paras:
        return None
    start = text.find(paras[0])
    end = text.find(paras[-1], start) if start >= 0 else -1
    return [start, end + len(paras[-1])] if start >= 0 and end >= 0 else None
