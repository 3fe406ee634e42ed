"""Articles behind a URL: fetched with httpx under a time limit and a size cap, every hop's address checked.

A URL given to newstrace may come from anyone (a feed, a batch list, a web form), so fetching refuses
addresses inside the machine or its network (loopback, private, link-local, reserved) unless
settings.allow_private is set, and follows redirects one hop at a time so each new address is checked
too. Environment proxies are ignored: they would make the check meaningless.

Known limit: the host is resolved once for the check and again by httpx when it connects, so a DNS
server that answers differently the second time (DNS rebinding) is not caught.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Iterator

import httpx

from ..errors import InputError
from ..settings import Settings
from . import RawDocument, sniff

MAX_REDIRECTS = 10
USER_AGENT = "newstrace/0.1 (news analysis; +https://github.com/newstrace)"
ACCEPT = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-rss+xml",
}
TEXT_TYPES = {"text/plain"}


@dataclass
class Fetched:
    url: str  # the address after redirects
    media_type: str  # "text/html", lower-case, without parameters ("" when the server sent none)
    charset: str | None
    data: bytes


def read(url: str, settings: Settings) -> Iterator[RawDocument]:
    """The article behind url: one for an HTML page or plain text, every entry for an RSS/Atom feed."""
    page = fetch(url, settings)
    kind = kind_of(page)
    if kind == "feed":
        from . import feed

        yield from feed.read(page.data, url, settings, base_url=page.url)
    else:
        yield to_document(page, kind, url)


def read_article(url: str, settings: Settings) -> RawDocument:
    """The article on the page at url (a feed entry's link); a feed or other non-article is refused."""
    page = fetch(url, settings)
    kind = kind_of(page)
    if kind == "feed":
        raise InputError(f"{url}: links to a feed, not an article")
    return to_document(page, kind, url)


def to_document(page: Fetched, kind: str, source: str) -> RawDocument:
    if kind == "html":
        from . import html

        return html.read(decoded(page) or page.data, source=source, url=page.url)
    from . import text

    return RawDocument(
        body=text.decode(page.data, source, charset=page.charset),
        source=source,
        url=page.url,
    )


def decoded(page: Fetched) -> str | None:
    """The page as text in the charset its server declared; None (let trafilatura guess) when that fails."""
    if not page.charset:
        return None
    try:
        return page.data.decode(page.charset)
    except (LookupError, UnicodeDecodeError):
        return None


def kind_of(page: Fetched) -> str:
    """'html', 'feed' or 'text' from the declared type, confirmed by the first bytes; InputError otherwise."""
    sniffed = sniff(PurePosixPath(httpx.URL(page.url).path or "/"), page.data[:4096])
    declared = page.media_type
    if declared in HTML_TYPES:
        return "feed" if sniffed == "feed" else "html"  # some servers label feeds text/html
    if declared in FEED_TYPES:
        if sniffed in ("feed", "html"):  # application/xml also carries XHTML pages
            return sniffed
        raise InputError(f"{page.url}: XML that is neither an RSS/Atom feed nor a web page")
    if declared in TEXT_TYPES:
        return sniffed if sniffed in ("feed", "html") else "text"
    if not declared and sniffed in ("feed", "html"):
        return sniffed
    raise InputError(f"{page.url}: content type {declared or 'unknown'!r} is not a web page, feed or plain text")


def fetch(url: str, settings: Settings) -> Fetched:
    """GET url, following redirects hop by hop; refuses private addresses, slow servers and big bodies."""
    deadline = time.monotonic() + settings.fetch_timeout
    timeout = httpx.Timeout(settings.fetch_timeout)
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    try:
        with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False, trust_env=False) as client:
            current = url
            for _hop in range(MAX_REDIRECTS + 1):
                check_address(current, settings)
                with client.stream("GET", current) as resp:
                    if resp.is_redirect and resp.next_request is not None:
                        current = str(resp.next_request.url)
                        continue
                    if resp.status_code != 200:
                        raise InputError(
                            f"{url}: the server answered HTTP {resp.status_code} {resp.reason_phrase}".rstrip()
                        )
                    data = read_capped(
                        resp,
                        url,
                        settings.fetch_max_bytes,
                        deadline,
                        settings.fetch_timeout,
                    )
                    media_type, charset = content_type(resp.headers.get("content-type", ""))
                    return Fetched(
                        url=str(resp.url),
                        media_type=media_type,
                        charset=charset,
                        data=data,
                    )
            raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException as exc:
        raise InputError(f"{url}: no answer within {settings.fetch_timeout:g} s") from exc
    except httpx.InvalidURL as exc:
        raise InputError(f"{url}: not a valid URL ({exc})") from exc
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc


def read_capped(resp: httpx.Response, url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The body, read in chunks; stops as soon as it passes max_bytes or the overall time limit."""
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: the page is {int(declared)} bytes, more than the limit of {max_bytes}")
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: the page is bigger than the limit of {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: download took longer than {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def content_type(header: str) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset=UTF-8'."""
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    return media_type.strip().lower(), charset


def check_address(url: str, settings: Settings) -> None:
    """InputError unless url is http(s) and, without allow_private, every address of its host is public."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InputError(f"{url}: not a valid URL ({exc})") from exc
    if parsed.scheme not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs can be fetched")
    host = parsed.host
    if not host:
        raise InputError(f"{url}: the URL has no host")
    if settings.allow_private:
        return
    for address in resolve(host, parsed.port or (443 if parsed.scheme == "https" else 80), url):
        if not is_public(address):
            raise InputError(
                f"{url}: refusing to fetch from {address}, a loopback, private or reserved address "
                f"(--allow-private lets it through)"
            )


def resolve(host: str, port: int, url: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{url}: cannot resolve host {host!r}") from exc
    # IPv6 answers may carry a zone ("fe80::1%eth0"), which ipaddress does not parse
    return [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        not (
            address.is_loopback
            or address.is_private
            or address.is_link_local
            or address.is_reserved
            or address.is_multicast
            or address.is_unspecified
        )
        and address.is_global
    )
