"""URL reader against a small HTTP server on 127.0.0.1 (the only network the tests use)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newstrace import ingest
from newstrace.errors import InputError
from newstrace.ingest import fetch as url_reader
from newstrace.settings import Settings

PAGE = "aeb_aljazeera-com_7916ecca.html"
STORY = (
    "Harbour workers ended their strike on Tuesday after a pay deal.\n\n"
    "The union said the agreement raised wages by four percent over two years.\n"
)


def rss(base: str) -> bytes:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title><link>{base}/</link>'
        f"<description>d</description>"
        f"<item><title>Full story</title><link>{base}/story.txt</link><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>"
        f"<description>{'The port reopened after a long strike. ' * 30}</description></item>"
        f"<item><title>Teaser only</title><link>{base}/page.html</link>"
        f"<description>A short teaser.</description></item></channel></rss>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        route = self.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><h1>Not found</h1></body></html>")
            return
        status, headers, body = route(self) if callable(route) else route
        self.send_response(status)
        for k, v in headers.items():
            if not k.startswith("_"):  # "_no_length" is an instruction to this handler, not a header
                self.send_header(k, v)
        if "Content-Length" not in headers and body is not None and not headers.get("_no_length"):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should on a too-big body

    def log_message(self, *args):  # keep test output quiet
        pass


def slow(_handler):
    time.sleep(2)
    return 200, {"Content-Type": "text/plain"}, b"late"


@pytest.fixture(scope="module")
def server(shared):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    big = b"x" * 300_000
    Handler.routes = {
        "/page.html": (
            200,
            {"Content-Type": "text/html; charset=utf-8"},
            (shared / "corpus" / "html" / PAGE).read_bytes(),
        ),
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, rss(base)),
        "/story.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, STORY.encode()),
        "/big.txt": (200, {"Content-Type": "text/plain"}, big),
        # no Content-Length: the size is only known while streaming (HTTP/1.0 server closes at the end)
        "/big-stream.txt": (200, {"Content-Type": "text/plain", "_no_length": "1"}, big),
        "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(100)),
        "/redirect": (302, {"Location": "/page.html"}, b""),
        "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/slow.txt": slow,
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def loopback():
    return Settings(allow_private=True, fetch_timeout=5, fetch_max_bytes=100_000, follow_feed_links=True)


def test_html_page_gives_one_article(server, loopback):
    [doc] = ingest.read(f"{server}/page.html", loopback)
    assert doc.title == "US service members killed in Afghanistan helicopter crash"
    assert doc.body.startswith("Two United States service members have been killed")
    assert doc.url == f"{server}/page.html" and doc.source == f"{server}/page.html"


def test_redirect_is_followed(server, loopback):
    [doc] = ingest.read(f"{server}/redirect", loopback)
    assert doc.url == f"{server}/page.html"
    assert doc.title.startswith("US service members killed")


def test_plain_text_gives_one_document(server, loopback):
    [doc] = ingest.read(f"{server}/story.txt", loopback)
    assert doc.body == STORY and doc.title is None


def test_feed_gives_its_entries_and_follows_teaser_links(server, loopback):
    docs = list(ingest.read(f"{server}/feed.xml", loopback))
    assert [d.outlet for d in docs] == ["Loopback News", "Al Jazeera"]
    # the first entry has its own text; the page it links to is not fetched
    assert (
        docs[0].title == "Full story"
        and docs[0].body.startswith("The port reopened")
        and docs[0].published == "2024-03-05"
    )
    # the second is a teaser: the linked page (served here) replaces it
    assert docs[1].url == f"{server}/page.html"
    assert docs[1].body.startswith("Two United States service members")


def test_feed_teaser_kept_when_following_is_off(server, loopback):
    loopback.follow_feed_links = False
    docs = list(ingest.read(f"{server}/feed.xml", loopback))
    assert docs[1].body == "A short teaser." and docs[1].title == "Teaser only"


def test_http_error_is_refused(server, loopback):
    with pytest.raises(InputError, match="HTTP 404"):
        list(ingest.read(f"{server}/missing", loopback))


@pytest.mark.parametrize("path", ["/big.txt", "/big-stream.txt"])
def test_too_big_body_is_refused(server, loopback, path):
    with pytest.raises(InputError, match="limit of 100000"):
        list(ingest.read(f"{server}{path}", loopback))


def test_wrong_content_type_is_refused(server, loopback):
    with pytest.raises(InputError, match="'image/png' is not a web page, feed or plain text"):
        list(ingest.read(f"{server}/photo.png", loopback))


def test_slow_server_times_out(server, loopback):
    loopback.fetch_timeout = 0.5
    with pytest.raises(InputError, match="no answer within 0.5 s"):
        list(ingest.read(f"{server}/slow.txt", loopback))


def test_redirect_loop_is_cut(server, loopback):
    with pytest.raises(InputError, match="redirects"):
        list(ingest.read(f"{server}/loop", loopback))


def test_loopback_refused_without_allow_private(server):
    with pytest.raises(InputError, match="refusing to fetch from 127.0.0.1"):
        list(ingest.read(f"{server}/page.html", Settings()))


def test_every_redirect_hop_is_checked(server, monkeypatch):
    # Let the test server count as public; the metadata address it redirects to must still be refused.
    real = url_reader.is_public
    monkeypatch.setattr(url_reader, "is_public", lambda a: str(a) == "127.0.0.1" or real(a))
    with pytest.raises(InputError, match="refusing to fetch from 169.254.169.254"):
        list(ingest.read(f"{server}/to-metadata", Settings()))


@pytest.mark.parametrize(
    "address",
    [
        "http://10.1.2.3/",
        "http://192.168.0.1/x",
        "http://169.254.169.254/",
        "http://[::1]:8080/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://240.0.0.1/",
        "http://localhost/",
    ],
)
def test_private_and_reserved_addresses_are_refused(address):
    with pytest.raises(InputError, match="refusing to fetch"):
        url_reader.check_address(address, Settings())


def test_only_http_urls(loopback):
    with pytest.raises(InputError, match="only http and https"):
        url_reader.check_address("file:///etc/passwd", loopback)


@pytest.mark.parametrize(
    "address",
    [
        "2002:7f00:1::",  # 6to4 carrying 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 carrying the cloud metadata address
        "::ffff:10.0.0.1",  # IPv4-mapped private
        "64:ff9b::a00:1",  # NAT64 carrying 10.0.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo whose client is 127.0.0.1
    ],
)
def test_ipv6_spellings_of_private_addresses_are_not_public(address):
    import ipaddress

    assert not url_reader.is_public(ipaddress.ip_address(address))


def test_a_public_6to4_address_stays_public():
    import ipaddress

    assert url_reader.is_public(ipaddress.ip_address("2002:808:808::1"))  # 8.8.8.8 inside


def test_a_server_trickling_its_headers_is_cut_off_at_the_time_limit():
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    stop = threading.Event()

    def trickle():
        conn, _ = listener.accept()
        conn.recv(4096)
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Slow: " + b"a" * 100:
            if stop.is_set():
                break
            try:
                conn.send(bytes([byte]))
            except OSError:
                break
            time.sleep(0.2)
        conn.close()

    threading.Thread(target=trickle, daemon=True).start()
    settings = Settings(allow_private=True, fetch_timeout=1.5)
    began = time.monotonic()
    with pytest.raises(InputError, match="no complete answer within 1.5 s"):
        list(ingest.read(f"http://127.0.0.1:{port}/slow", settings))
    stop.set()
    listener.close()
    assert time.monotonic() - began < 4


def test_the_connection_goes_to_the_address_that_was_checked(server, monkeypatch):
    # A resolver answering differently the second time (DNS rebinding) is never asked twice: the checked
    # address is the one connected to, whatever the host name resolves to later.
    calls = []
    real = url_reader.resolve

    def counting(host, port, url):
        calls.append(host)
        return real(host, port, url)

    monkeypatch.setattr(url_reader, "resolve", counting)
    settings = Settings(allow_private=True)
    port = server.rsplit(":", 1)[1]
    docs = list(ingest.read(f"http://localhost:{port}/story.txt", settings))
    assert docs and calls == ["localhost"]
