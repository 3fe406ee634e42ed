"""HTML pages: main text and metadata through trafilatura; HTML fragments (feed entries) through lxml.

The body comes out one paragraph per line, paragraphs separated by a blank line (the layout of the
plain-text articles), without the page's headline: the title is analysed on its own, and a headline
repeated at the top of the body would count every name in it twice.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, Optional, cast
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.xml import xmltotxt

from ..errors import InputError
from ..settings import Settings
from . import RawDocument, read_bytes

if TYPE_CHECKING:
    from trafilatura.settings import Document

# Elements that start a new paragraph when an HTML fragment is flattened to text.
BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "figure",
    "figcaption",
    "header",
    "footer",
    "br",
    "hr",
}
# A page whose main text is shorter than this is a menu, an error page or a media page, not an article
# (trafilatura's last-resort extractor returns whatever text a page has, even a lone "Home" link).
MIN_BODY_WORDS = 5
DROPPED_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "form",
    "button",
]


def read(source: str, settings: Settings) -> Iterator[RawDocument]:
    """The article of the HTML page file at source."""
    yield parse_page(read_bytes(source), source=source)


# Layout wrappers: removing them leaves the text and its paragraphs, and a page nested deeper than the
# HTML parser follows (lxml stops near 256 levels and drops the rest) becomes readable again.
WRAPPER_TAGS = re.compile(rb"</?(?:div|span|section|font|center|table|tbody|tr|td|th|ul|ol|li|main)\b[^>]*>", re.I)
DEEP_NESTING = 200  # this many wrapper tags before the first paragraph: try again flattened


def parse_page(data: bytes | str, source: str, url: str | None = None) -> RawDocument:
    """The article of one HTML page (see _parse_page); a page nested too deep is read again flattened."""
    try:
        return _parse_page(data, source, url)
    except InputError:
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        head = raw[: raw.lower().find(b"<p")] if b"<p" in raw.lower() else raw
        if len(WRAPPER_TAGS.findall(head)) < DEEP_NESTING:
            raise
        return _parse_page(WRAPPER_TAGS.sub(b" ", raw), source, url)


def _parse_page(data: bytes | str, source: str, url: str | None = None) -> RawDocument:
    """The article in one HTML page: body, title, authors, date, outlet (site name) and tags."""
    if not data or not data.strip():
        raise InputError(f"{source}: empty HTML page")
    # Comments and layout tables are not the story; trafilatura's own fallback extractors stay on
    # because they rescue pages whose markup its main pass misreads.
    # as_dict is off, so trafilatura returns a Document (or None), never a dict
    doc = cast(
        "Optional[Document]",
        trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
        ),
    )
    if doc is None or doc.body is None or not (doc.text or "").strip():
        raise InputError(f"{source}: no article text found in the HTML")
    title = without_site_name(squash(doc.title or ""), doc.sitename)
    headline = drop_leading_headline(doc.body, title)
    drop_pull_quotes(doc.body)
    quotes = [paragraphs_text(xmltotxt(q, include_formatting=False)) for q in doc.body.iter("quote")]
    body = paragraphs_text(xmltotxt(doc.body, include_formatting=False))
    if len(body.split()) < MIN_BODY_WORDS:
        raise InputError(f"{source}: no article text found in the HTML")
    return RawDocument(
        body=body,
        source=source,
        title=title or headline or "",
        url=url or doc.url,
        outlet=site_name(doc.sitename, url or doc.url),
        published=doc.date,
        authors=[without_bio(a) for a in split_list(doc.author, ";")],
        tags=split_list(doc.tags, ","),
        blockquotes=[q for q in quotes if q],
    )


def without_site_name(title: str, site: str | None) -> str:
    """A page title without the site's name after a bar or dash ('Jordan warns Israel | Al Bawaba')."""
    if not site:
        return title
    m = re.match(rf"^(.{{10,}}?)\s+[|\-–—]\s+{re.escape(squash(site))}$", title, re.I)
    return m.group(1) if m else title


def without_bio(author: str) -> str:
    """An author's name without the biography a byline box ran into it ('Phil Helsel is a reporter')."""
    return re.split(r"\s+(?:is|was)\s+(?:a|an|the)\s+", author, maxsplit=1)[0].strip()


def squash(text: str) -> str:
    return " ".join(text.split())


def site_name(value: str | None, url: str | None = None) -> str | None:
    """The outlet's name; a bare address ("https://www.example.com") becomes its host name, and a name that is
    only the page's sub-domain ("Hosted" on hosted.ap.org) becomes the site's domain ("ap.org")."""
    name = squash(value or "")
    m = re.match(r"^(?:https?://)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})/?$", name, re.I)
    if m and "://" in name:
        return m.group(1)
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.lower().split(".")
    # the registered domain: its last two labels, three under a country's 'co.uk'-style second level
    keep = (
        3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "net", "ac", "gov") else 2
    )
    if name and len(labels) > keep and name.casefold() in labels[:-keep]:
        return ".".join(labels[-keep:])
    return name or None


def same_words(a: str, b: str) -> bool:
    """True when two strings have the same words, ignoring case, punctuation and spacing."""
    words = lambda s: re.findall(r"\w+", s.casefold())  # noqa: E731
    return bool(words(a)) and words(a) == words(b)


def drop_leading_headline(body: etree._Element, title: str) -> str:
    """Remove the body's first block when it is the page headline (an h1, or the title again); return its text."""
    first = next((e for e in body if squash("".join(e.itertext()))), None)
    if first is None or first is body[-1]:
        return ""  # never empty the body
    text = squash("".join(first.itertext()))
    if (first.tag == "head" and first.get("rend") == "h1") or same_words(text, title):
        body.remove(first)
        return text
    return ""


def drop_pull_quotes(body: etree._Element) -> None:
    """Remove block quotes that repeat words of the body's other text: a pull quote is page design, and
    kept it would count its quote twice."""
    words = lambda s: " ".join(re.findall(r"\w+", s.casefold()))  # noqa: E731
    for quote in list(body.iter("quote")):
        own = words("".join(quote.itertext()))
        rest = words(" ".join("".join(e.itertext()) for e in body if e is not quote and quote not in e.iter()))
        if own and own in rest and quote.getparent() is not None:
            parent = quote.getparent()
            if quote.tail and quote.tail.strip():  # keep text that followed the quote
                prev = quote.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + quote.tail
                else:
                    parent.text = (parent.text or "") + quote.tail
            parent.remove(quote)


def paragraphs_text(text: str) -> str:
    """One paragraph per line, a blank line between paragraphs, spaces squashed inside each."""
    lines = (squash(line) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def split_list(value, sep: str) -> list[str]:
    """Authors or tags as a list from trafilatura's separated string or list; order kept, duplicates out.

    A list item that is itself a list (a keywords meta tag: "a, b, c" or "a,b") is split too, but an
    item with one ", " is kept whole: tags such as "Elections, Governors" carry commas of their own.
    """
    items = value if isinstance(value, list) else (value or "").split(sep)
    out: list[str] = []
    for item in items:
        item = str(item)
        parts = item.split(sep) if item.count(sep) > 1 or re.search(rf"{re.escape(sep)}\S", item) else [item]
        for part in parts:
            part = squash(part)
            if part and part not in out:
                out.append(part)
    return out


XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (an RSS summary or content:encoded), one paragraph per line."""
    if not fragment or not fragment.strip():
        return ""
    fragment = XML_UNSAFE.sub(" ", fragment)  # lxml refuses control characters in text it builds
    if "<" not in fragment:  # already plain text; still decode entities such as &amp;
        fragment = f"<p>{fragment}</p>"
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return paragraphs_text(fragment)
    for bad in list(root.iter(*DROPPED_TAGS)):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in BLOCK_TAGS:
            # newlines around a block element so its text becomes its own paragraph
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
    return paragraphs_text(root.text_content())
