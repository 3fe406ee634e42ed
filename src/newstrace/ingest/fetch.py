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
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import cast

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

        return html.parse_page(decoded(page) or page.data, source=source, url=page.url)
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
    """GET url, following redirects hop by hop; refuses private addresses, slow servers and big bodies.
    The whole exchange, status line and headers included, must end within settings.fetch_timeout: a
    server that trickles its headers a byte at a time is cut off too."""
    holder: dict[str, httpx.Client] = {}
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newstrace-fetch")
    future = pool.submit(_fetch, url, settings, holder)
    try:
        return future.result(timeout=settings.fetch_timeout + 1)
    except FutureTimeout:
        client = holder.get("client")
        if client is not None:
            client.close()  # the stalled read ends with an error in the fetching thread
        raise InputError(f"{url}: no complete answer within {settings.fetch_timeout:g} s") from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _fetch(url: str, settings: Settings, holder: dict[str, httpx.Client]) -> Fetched:
    deadline = time.monotonic() + settings.fetch_timeout
    timeout = httpx.Timeout(settings.fetch_timeout)
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    try:
        with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False, trust_env=False) as client:
            holder["client"] = client
            current = url
            for _hop in range(MAX_REDIRECTS + 1):
                target = httpx.URL(current)
                resp = _send_pinned(client, target, check_address(current, settings))
                try:
                    if resp.is_redirect and "location" in resp.headers:
                        current = str(target.join(resp.headers["location"]))
                        continue
                    if resp.status_code != 200:
                        raise InputError(
                            f"{url}: the server answered HTTP {resp.status_code} {resp.reason_phrase}".rstrip()
                        )
                    data = read_capped(resp, url, settings.fetch_max_bytes, deadline, settings.fetch_timeout)
                    media_type, charset = content_type(resp.headers.get("content-type", ""))
                    return Fetched(url=current, media_type=media_type, charset=charset, data=data)
                finally:
                    resp.close()
            raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException as exc:
        raise InputError(f"{url}: no answer within {settings.fetch_timeout:g} s") from exc
    except httpx.InvalidURL as exc:
        raise InputError(f"{url}: not a valid URL ({exc})") from exc
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc
    except RuntimeError as exc:  # the client was closed by fetch() after the time limit
        raise InputError(f"{url}: no complete answer within {settings.fetch_timeout:g} s") from exc


def _send_pinned(client: httpx.Client, target: httpx.URL, addresses: list) -> httpx.Response:
    """Send GET target to one of the addresses just checked, the first that accepts a connection: never to
    whatever a second DNS answer would say (rebinding). The Host header and the TLS name stay the URL's,
    so virtual hosts and certificates still work."""
    host_header = target.host + (f":{target.port}" if target.port else "")
    error: Exception | None = None
    for address in addresses:
        request = client.build_request(
            "GET",
            target.copy_with(host=str(address)),
            headers={"Host": host_header},
            extensions={"sni_hostname": target.host},
        )
        try:
            return client.send(request, stream=True)
        except httpx.ConnectError as exc:
            error = exc
    raise error or httpx.ConnectError(f"no address for {target.host}")


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


def check_address(url: str, settings: Settings) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The addresses to connect to for url; InputError unless url is http(s) and, without allow_private,
    every address of its host is public."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InputError(f"{url}: not a valid URL ({exc})") from exc
    if parsed.scheme not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs can be fetched")
    host = parsed.host
    if not host:
        raise InputError(f"{url}: the URL has no host")
    addresses = resolve(host, parsed.port or (443 if parsed.scheme == "https" else 80), url)
    if not addresses:
        raise InputError(f"{url}: cannot resolve host {host!r}")
    if not settings.allow_private:
        for address in addresses:
            if not is_public(address):
                raise InputError(
                    f"{url}: refusing to fetch from {address}, a loopback, private or reserved address "
                    f"(--allow-private lets it through)"
                )
    return list(dict.fromkeys(addresses))


def resolve(host: str, port: int, url: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{url}: cannot resolve host {host!r}") from exc
    # IPv6 answers may carry a zone ("fe80::1%eth0"), which ipaddress does not parse
    return [ipaddress.ip_address(cast(str, info[4][0]).split("%", 1)[0]) for info in infos]


NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries: mapped (::ffff:a.b.c.d), 6to4 (2002::/16), Teredo
    (server and client), NAT64 (64:ff9b::/96)."""
    out = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address.teredo is not None:
        out.extend(address.teredo)
    if address in NAT64:
        out.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return out


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A global unicast address, and so is every IPv4 address it embeds."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = embedded_ipv4(address)
        if inner:
            return all(is_public(a) for a in inner)
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
